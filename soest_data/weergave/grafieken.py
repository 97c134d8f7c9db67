"""Pure Altair builders: DataFrame in, chart out. Testable without a server.

Colour carries the judgement (favourable / around / unfavourable) only for indicators with a direction, and
never alone: the tooltip and the accompanying table say it in words too.
"""
from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from soest_data import jaren, opmaak, scoring
from soest_data.begrippen import SOEST

_OORDEEL_KLEUR = {
    scoring.GUNSTIG: opmaak.KLEUR_GUNSTIG, scoring.ONGUNSTIG: opmaak.KLEUR_ONGUNSTIG,
    scoring.ROND: opmaak.KLEUR_ROND, scoring.HOGER: opmaak.KLEUR_NEUTRAAL, scoring.LAGER: opmaak.KLEUR_NEUTRAAL,
    scoring.ONBEKEND: opmaak.KLEUR_GEEN_GEGEVENS,
}
LETTER = opmaak.LETTER
TEKST = opmaak.TEKSTKLEUR


_STIJL = alt.Config(**opmaak.GRAFIEKSTIJL)  # built (and checked) once; configure() would rebuild it for every chart


def stijl(grafiek):
    """The one typography and the Dutch number locale (opmaak.GRAFIEKSTIJL) on a finished chart. Every builder ends
    with this, so no chart text is below 16 px and Vega's own numbers read '1.000' and '14,5'."""
    gestijld = grafiek.copy(deep=False)
    gestijld.config = _STIJL
    return gestijld


KLEUR_NEDERLAND = "#000000"
KLEUR_BUREN = "#6B6B6B"


def referentietitel(referenties: pd.DataFrame | None) -> str:
    """'  □ Nederland  △ buurgemeenten' for the chart title, for the reference roles present."""
    rollen = set(referenties["rol"]) if referenties is not None and len(referenties) else set()
    return ("  □ Nederland" if "Nederland" in rollen else "") + ("  △ buurgemeenten" if "buurgemeente" in rollen else "")


def _referentiepunten(basis: alt.Chart, x) -> list[alt.Chart]:
    """Reference marks on a value axis: Nederland a black open square, each buurgemeente a grey open triangle."""
    nederland = basis.mark_point(shape="square", filled=False, size=170, strokeWidth=2.5, color=KLEUR_NEDERLAND,
                                 aria=False).encode(x=x).transform_filter("datum.rol == 'Nederland'")
    buren = basis.mark_point(shape="triangle-up", filled=False, size=110, strokeWidth=1.5, color=KLEUR_BUREN,
                             aria=False).encode(x=x).transform_filter("datum.rol == 'buurgemeente'")
    return [buren, nederland]


def _legenda_oordeel() -> alt.Scale:
    return alt.Scale(domain=list(_OORDEEL_KLEUR), range=list(_OORDEEL_KLEUR.values()))


def wijkstaaf(wijken: pd.DataFrame, soest: float | None, eenheid: str, uitgelicht: str | None = None,
              hoogte_per_wijk: int = 30, referenties: pd.DataFrame | None = None) -> alt.LayerChart:
    """Ranked horizontal bars of all wijken, Soest as a dashed reference line, one wijk highlighted.

    `referenties` (regio.referenties: gebied_naam, rol, waarde, tekst) adds Nederland as a dotted line and each
    buurgemeente as a thin grey line (values in the tooltip; the caller says them in words); they are references
    beside the bars, never bars themselves.

    `wijken` needs gebied_code, gebied_naam, waarde and oordeel (from scoring.vergelijk_met_soest).
    Wijken without a number keep their row, labelled 'geen gegevens', so missing never looks like zero.
    """
    data = wijken.assign(
        label=[opmaak.waarde_met_eenheid(w, eenheid) for w in wijken["waarde"]],
        uitgelicht=wijken["gebied_code"] == uitgelicht,
        oordeel_tekst=wijken["oordeel"].map(scoring.SYMBOOL),
    ).sort_values("waarde", ascending=False, na_position="last")
    # the highlighted wijk's frame as data (scale=None: the value is the colour/width), not as a Vega condition,
    # which Altair builds ~100× slower
    data = data.assign(rand=[opmaak.KLEUR_UITGELICHT if u else None for u in data["uitgelicht"]],
                       randdikte=[3 if u else 0 for u in data["uitgelicht"]])
    volgorde = list(data["gebied_naam"])
    y = alt.Y("gebied_naam:N", sort=volgorde, title=None, axis=alt.Axis(labelLimit=220))
    basis = alt.Chart(data).encode(
        y=y, tooltip=[alt.Tooltip("gebied_naam:N", title="Wijk"), alt.Tooltip("label:N", title="Waarde"),
                      alt.Tooltip("oordeel_tekst:N", title="T.o.v. Soest")])
    staven = basis.mark_bar(height=hoogte_per_wijk * 0.7).encode(
        x=alt.X("waarde:Q", title=opmaak.eenheid(eenheid), axis=alt.Axis(tickCount=4)),
        color=alt.Color("oordeel:N", scale=_legenda_oordeel(), legend=None),
        stroke=alt.Stroke("rand:N", scale=None, legend=None),
        strokeWidth=alt.StrokeWidth("randdikte:Q", scale=None, legend=None),
    )
    teksten = basis.mark_text(align="left", dx=4, fontSize=LETTER).encode(
        x=alt.X("waarde_of_nul:Q"), text=alt.Text("label:N"),
    ).transform_calculate(waarde_of_nul="isValid(datum.waarde) ? datum.waarde : 0")
    lagen = [staven, teksten]
    if soest is not None and not pd.isna(soest):
        # The label starts at the plot's left edge, not beside the line: beside it, it ran past the right edge of a
        # narrow column and Vega shrank the bars to make room.
        referentie = pd.DataFrame({"soest": [soest], "label": [f"┆ Soest: {opmaak.waarde_met_eenheid(soest, eenheid)}"]})
        lijn = alt.Chart(referentie).mark_rule(strokeDash=[6, 4], strokeWidth=2, color=TEKST).encode(x=alt.X("soest:Q"))
        lijntekst = alt.Chart(referentie).mark_text(align="left", dy=-10, fontSize=opmaak.LETTER_KOP, color=TEKST,
                                                    fontWeight="bold").encode(
            x=alt.XValue(0), y=alt.YValue(0), text=alt.Text("label:N"))
        lagen += [lijn, lijntekst]
    if referenties is not None and len(referenties):
        lagen += _referentielijnen(referenties)
    beschrijving = "Staafdiagram per wijk: " + "; ".join(f"{n} {t}" for n, t in zip(data["gebied_naam"], data["label"]))
    return stijl(alt.layer(*lagen).properties(width="container", height=hoogte_per_wijk * len(data) + 20,
                                              description=beschrijving))


def _referentielijnen(referenties: pd.DataFrame) -> list[alt.Chart]:
    data = referenties.assign(label=[f"{n}: {t}" for n, t in zip(referenties["gebied_naam"], referenties["tekst"])])
    tooltip = [alt.Tooltip("label:N", title="Referentie")]
    # aria=False: the line's value is in the words above the chart; an empty (filtered) layer must not become an
    # unlabelled image for a screen reader.
    buren = alt.Chart(data).mark_rule(strokeWidth=1, color=KLEUR_BUREN, opacity=0.7, aria=False).encode(
        x=alt.X("waarde:Q"), tooltip=tooltip).transform_filter("datum.rol == 'buurgemeente'")
    nederland = alt.Chart(data).transform_filter("datum.rol == 'Nederland'")
    # No label in the chart (it would sit on the Soest label and the top bar): the page says the value above it.
    lijn = nederland.mark_rule(strokeDash=[2, 3], strokeWidth=2.5, color=KLEUR_NEDERLAND, aria=False).encode(
        x=alt.X("waarde:Q"), tooltip=tooltip)
    return [buren, lijn]


def trendassen(eenheid: str) -> dict:
    """The x (years) and y (values, not from zero) of every trend chart, as encode() keywords."""
    return dict(x=alt.X("jaar:O", title=None, axis=alt.Axis(labelAngle=0)),
                y=alt.Y("waarde:Q", title=opmaak.eenheid(eenheid), scale=alt.Scale(zero=False, padding=14),
                        axis=alt.Axis(tickCount=3, format="~r")))


def trendreferenties(referenties: pd.DataFrame, eenheid: str, kleur_nederland: str = KLEUR_BUREN) -> list[alt.Chart]:
    """Behind a trend chart: Nederland as a dotted line with open squares, each buurgemeente as a thin grey line, in
    the years they have a value (regio.referenties). Hidden from screen readers: the page says them in words."""
    ref = referenties.dropna(subset=["waarde"])
    ref = ref.assign(label=[opmaak.waarde_met_eenheid(w, eenheid) for w in ref["waarde"]])
    referentie = alt.Chart(ref[["gebied_naam", "jaar", "waarde", "label", "rol"]]).encode(
        x=alt.X("jaar:O"), y=alt.Y("waarde:Q"), detail=alt.Detail("gebied_naam:N"),
        tooltip=[alt.Tooltip("gebied_naam:N", title="Gebied"), alt.Tooltip("jaar:O", title="Jaar"),
                 alt.Tooltip("label:N", title="Waarde")])
    return [referentie.mark_line(strokeWidth=1, strokeDash=[6, 3], color=KLEUR_BUREN, aria=False).transform_filter(
                "datum.rol == 'buurgemeente'"),
            referentie.mark_line(strokeWidth=2.5, strokeDash=[2, 3], color=kleur_nederland, aria=False,
                                 point=alt.OverlayMarkDef(shape="square", filled=False, size=60, color=kleur_nederland)
                                 ).transform_filter("datum.rol == 'Nederland'")]


def trendtitel(titel: str, hoogte: int, noot: str = "") -> dict:
    """A trend chart's title wrapped to its column (a third of a laptop screen), as properties(): an unwrapped long
    title is wider than the column, and Vega then squeezes the plot of a container-wide chart to nothing. The chart
    grows by each extra title line, so the plot keeps its height. `noot` (e.g. a definition change within the
    years shown) goes under the title as a subtitle."""
    regels = textwrap.wrap(titel, 20) or [""]
    onder = textwrap.wrap(noot, 28)
    extra = {"subtitle": onder, "subtitleFontStyle": "italic"} if onder else {}
    return {"title": alt.TitleParams(regels, anchor="start", limit=0, **extra),
            "height": hoogte + 22 * (len(regels) - 1) + 20 * len(onder)}


def trendnoot(reeks: pd.DataFrame) -> str:
    """'Let op: definitie gewijzigd in 2020 …' when the years of one indicator's series straddle a definition change
    (catalogue `definitiewijziging`, carried in the values as wijziging_jaar/wijziging_uitleg), else ''."""
    if "wijziging_jaar" not in reeks or reeks.empty or reeks["wijziging_jaar"].isna().all():
        return ""
    wijziging, uitleg = reeks["wijziging_jaar"].dropna().iloc[0], reeks["wijziging_uitleg"].dropna().iloc[0]
    return (jaren.wijzigingsnoot(wijziging, uitleg)
            if jaren.over_wijziging(reeks["jaar"].min(), reeks["jaar"].max(), wijziging) else "")


def trend(reeks: pd.DataFrame, eenheid: str, titel: str | None = None, hoogte: int = 200,
          referenties: pd.DataFrame | None = None) -> alt.LayerChart:
    """Lines over the years for one indicator: one per area (a wijk and Soest). Needs gebied_naam, jaar, waarde.

    Fills its column (width container), so a page lays the indicators out in columns that stack on a phone.
    `referenties` (regio.referenties, same indicator) adds Nederland as a grey dotted line with open squares and the
    buurgemeenten as thin grey lines, behind the wijk and Soest.
    """
    data = reeks.dropna(subset=["waarde"]).assign(
        label=lambda d: [opmaak.waarde_met_eenheid(w, eenheid) for w in d["waarde"]],
        gebied=lambda d: (d["gebied_code"] == SOEST).map({True: "soest", False: "wijk"}))[
        ["gebied_naam", "gebied", "jaar", "waarde", "label"]]
    # The wijk blue and solid, Soest black and dashed, whatever their names' alphabetical order; no legend inside
    # the chart (it would not fit a third of a laptop screen): the page says it in words above the charts.
    basis = alt.Chart(data).encode(
        **trendassen(eenheid),
        color=alt.Color("gebied:N", scale=alt.Scale(domain=["wijk", "soest"], range=[opmaak.KLEUR_GUNSTIG, TEKST]),
                        legend=None),
        strokeDash=alt.StrokeDash("gebied:N", scale=alt.Scale(domain=["wijk", "soest"], range=[[1, 0], [6, 3]]),
                                  legend=None),
        tooltip=[alt.Tooltip("gebied_naam:N", title="Gebied"), alt.Tooltip("jaar:O", title="Jaar"),
                 alt.Tooltip("label:N", title="Waarde")],
    )
    beschrijving = "Lijn door de jaren: " + "; ".join(f"{g} {j}: {t}" for g, j, t in
                                                     zip(data["gebied_naam"], data["jaar"], data["label"]))
    lagen = []
    if referenties is not None and len(referenties):
        lagen += trendreferenties(referenties, eenheid)
        uitleg = referentietitel(referenties).replace("□ Nederland", "□ Nederland (grijs, gestippeld)").replace(
            "△ buurgemeenten", "╌ buurgemeenten (dun, grijs gestreept)").strip()
        beschrijving += f". Ter vergelijking: {uitleg}"
    noot = trendnoot(reeks)
    grafiek = alt.layer(*lagen, basis.mark_line(point=alt.OverlayMarkDef(size=80), strokeWidth=3),
                        basis.mark_text(dy=-14).encode(text=alt.Text("label:N"))).properties(
        width="container", height=hoogte, description=f"{beschrijving}. {noot}".strip(" ."))
    if titel:
        grafiek = grafiek.properties(**trendtitel(titel, hoogte, noot))
    return stijl(grafiek)


# The dot chart: one block per indicator, each with its own scale (indicators have different units). Built as one
# layered chart on a 0–1 position per block, so it can fill its column; each block carries its own labelled scale
# (lowest and highest value at its ends), the profiled wijk and Soest in words above the line, and a note when not
# every wijk has a figure. Marks are hidden from assistive technology (aria=False): the chart description and the
# table above it carry the content.
SMAL = 32  # characters per line of chart text on a phone-wide column (16 px text in ~350 px)


def regels(tekst: str, breedte: int | None) -> list[str]:
    """Chart text over lines of at most `breedte` characters (None: one line). Vega does not wrap by itself."""
    return textwrap.wrap(tekst, breedte, break_on_hyphens=False) or [""] if breedte else [tekst]


def stippenrijen(rijen: pd.DataFrame, uitgelicht: str, naam: str, aantal_wijken: int = 8,
                 regelbreedte: int | None = None, referenties: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per indicator its text lines and the positions (0–1 on its own scale) of every wijk, Soest and the
    references (Nederland, buurgemeenten; `rol`); `band` is the line of the chart each row is drawn on."""
    uit = []
    band = 0
    for _, ind in rijen.sort_values("volgorde").drop_duplicates("indicator").iterrows():
        deel = rijen[rijen["indicator"] == ind["indicator"]]
        eenheid = ind["eenheid"]
        met = deel.dropna(subset=["waarde"])
        ref = (referenties[referenties["indicator"] == ind["indicator"]].dropna(subset=["waarde"])
               if referenties is not None and len(referenties) else pd.DataFrame(columns=["waarde", "rol"]))
        punten = list(met["waarde"]) + list(ref["waarde"]) + ([] if pd.isna(ind["soest"]) else [ind["soest"]])
        laag, hoog = (min(punten), max(punten)) if punten else (0.0, 1.0)

        def plek(w, laag=laag, hoog=hoog):
            return 0.5 if hoog == laag else (w - laag) / (hoog - laag)

        deze = deel[deel["gebied_code"] == uitgelicht]
        eigen = deze["waarde"].iloc[0] if len(deze) else float("nan")
        in_label = opmaak.eenheid(eenheid).replace(".", "") in ind["label"].replace(".", "")
        kop = f"{ind['label']}" + ("" if eenheid.startswith("%") or in_label else f" ({opmaak.eenheid(eenheid)})")
        if len(met) < aantal_wijken:
            kop += f" · {len(met)} van {aantal_wijken} wijken met een cijfer"
        wijk = (f"◆ {naam}: {opmaak.waarde_met_eenheid(eigen, eenheid)}"
                + (f" ({scoring.SYMBOOL[deze['oordeel'].iloc[0]]})" if len(deze) and not pd.isna(eigen) else ""))
        soest = f"┃ Soest: {opmaak.waarde_met_eenheid(ind['soest'], eenheid)}"
        wie = [wijk, soest] if regelbreedte else [f"{wijk}   {soest}"]
        for soort, lijnen in (("kop", regels(kop, regelbreedte)), ("wie", wie)):
            for lijn in lijnen:
                uit.append({"band": band, "soort": soort, "x": 0.0, "tekst": lijn})
                band += 1
        uit.append({"band": band, "soort": "lijn", "x": 0.0, "x2": 1.0})
        if punten:
            uit.append({"band": band + 1, "soort": "min", "x": 0.0, "tekst": opmaak.waarde_met_eenheid(laag, eenheid)})
            if hoog != laag:
                uit.append({"band": band + 1, "soort": "max", "x": 1.0,
                            "tekst": opmaak.waarde_met_eenheid(hoog, eenheid)})
        if not pd.isna(ind["soest"]):
            uit.append({"band": band, "soort": "soest", "x": plek(ind["soest"]), "tekst": soest[2:]})
        for _, r in ref.iterrows():
            uit.append({"band": band, "soort": r["rol"], "x": plek(r["waarde"]),
                        "tekst": f"{r['gebied_naam']}: {opmaak.waarde_met_eenheid(r['waarde'], eenheid)}"})
        for _, r in met.iterrows():
            uit.append({"band": band, "soort": "deze" if r["gebied_code"] == uitgelicht else "wijk",
                        "x": plek(r["waarde"]), "oordeel": r["oordeel"],
                        "tekst": f"{r['gebied_naam']}: {opmaak.waarde_met_eenheid(r['waarde'], eenheid)} "
                                 f"({scoring.SYMBOOL[r['oordeel']]})"})
        band += 2
    return pd.DataFrame(uit)


def stippen(rijen: pd.DataFrame, uitgelicht: str, naam: str, referenties: pd.DataFrame | None = None, rij: int = 26,
            regelbreedte: int | None = None, letter: int = opmaak.LETTER) -> alt.LayerChart:
    """One block per indicator: its name; the chosen wijk (◆) and Soest (┃) in words; a scale line from the lowest
    to the highest value, every wijk a dot on it, Soest a black stripe, the chosen wijk a large diamond.

    `rijen` comes from scoring.beoordeel_wijken (all wijken, numeric indicators of one opgave). `regelbreedte`
    wraps the texts for a narrow column (SMAL); `letter` is larger in the presentatiemodus. `referenties`
    (regio.referenties, same indicators and year) adds Nederland (open square) and the buurgemeenten (open
    triangles) on each scale.
    """
    data = stippenrijen(rijen, uitgelicht, naam, max(rijen["gebied_code"].nunique(), 1), regelbreedte, referenties)
    banden = int(data["band"].max()) + 1 if len(data) else 1
    y = alt.Y("band:O", axis=None, scale=alt.Scale(domain=list(range(banden))))
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[0, 1], padding=12))
    basis = alt.Chart(data).encode(y=y)

    def soort(*soorten):
        return " || ".join(f"datum.soort === '{s}'" for s in soorten)

    tip = [alt.Tooltip("tekst:N", title="Waarde")]
    koppen = basis.mark_text(align="left", baseline="middle", dy=2, fontWeight="bold", aria=False).encode(
        x=alt.XValue(0), text=alt.Text("tekst:N")).transform_filter(soort("kop"))
    wie = basis.mark_text(align="left", baseline="middle", aria=False).encode(
        x=alt.XValue(0), text=alt.Text("tekst:N")).transform_filter(soort("wie"))
    lijn = basis.mark_rule(color="#8C8C8C", strokeWidth=2, aria=False).encode(x=x, x2=alt.X2("x2:Q")).transform_filter(
        soort("lijn"))
    uiteinden = [basis.mark_text(align=kant, baseline="middle", dy=-4, aria=False).encode(
        x=x, text=alt.Text("tekst:N")).transform_filter(soort(s)) for kant, s in (("left", "min"), ("right", "max"))]
    kleur = alt.Color("oordeel:N", scale=_legenda_oordeel(), legend=None)
    wijken = basis.mark_circle(size=140, opacity=0.7, aria=False).encode(x=x, color=kleur, tooltip=tip).transform_filter(
        soort("wijk"))
    soest = basis.mark_tick(color="#000000", thickness=4, size=rij - 2, aria=False).encode(
        x=x, tooltip=tip).transform_filter(soort("soest"))
    deze = basis.mark_point(size=440, filled=True, stroke="#000000", strokeWidth=2, shape="diamond", aria=False,
                            opacity=1).encode(x=x, color=kleur, tooltip=tip).transform_filter(soort("deze"))
    referentie = [r.encode(tooltip=tip) for r in _referentiepunten(basis.transform_calculate(rol="datum.soort"), x)]
    return stijl(alt.layer(koppen, wie, lijn, *uiteinden, wijken, *referentie, soest, deze).properties(
        width="container", height=banden * rij,
        title=alt.TitleParams(f"◆ {naam}  ● andere wijken  ┃ Soest{referentietitel(referenties)}", anchor="start",
                              fontWeight="normal", fontSize=letter),
        description=f"Per indicator de waarde van {naam} (ruit) naast de andere wijken (stippen) en Soest (streep); "
                    "dezelfde cijfers staan in de tabel erboven.")).configure_text(fontSize=letter)


def stapel(data: pd.DataFrame, blok: str, regel: str, tekst: str, klasse: str, kleuren: dict[str, str],
           rij: int = 32) -> alt.LayerChart:
    """A matrix stacked for a narrow screen: per block (an indicator, a wijk) its name in bold, then one full-width
    line per cell: the cell's name on the left, its text on the right, the cell's colour behind it.

    `data` is in display order; a block name may hold line breaks ('\\n'). Fills its column (width container).
    """
    regels, n = [], 0.0
    for naam, deel in data.groupby(blok, sort=False):
        for lijn in str(naam).split("\n"):
            regels.append({"y": n, "soort": "kop", "links": lijn, "rechts": "", "klasse": ""})
            n += 1
        for _, r in deel.iterrows():
            regels.append({"y": n, "soort": "regel", "links": str(r[regel]), "rechts": str(r[tekst]),
                           "klasse": str(r[klasse])})
            n += 1
        n += 0.5
    frame = pd.DataFrame(regels).assign(y2=lambda d: d["y"] + 0.92, midden=lambda d: d["y"] + 0.5)
    schaal = alt.Scale(domain=[0, n], reverse=True, nice=False, zero=True)
    y = alt.Y("y:Q", axis=None, scale=schaal)
    basis = alt.Chart(frame)
    vak = basis.mark_rect(stroke="#8C8C8C", strokeWidth=1, aria=False).encode(
        x=alt.XValue(0), x2=alt.X2Value("width"), y=y, y2=alt.Y2("y2:Q"),
        color=alt.Color("klasse:N", legend=None,
                        scale=alt.Scale(domain=list(kleuren), range=list(kleuren.values())))
    ).transform_filter("datum.soort === 'regel'")
    midden = alt.Y("midden:Q", axis=None, scale=schaal)
    kop = basis.mark_text(align="left", baseline="middle", fontWeight="bold", fontSize=opmaak.LETTER_KOP,
                          aria=False).encode(x=alt.XValue(0), y=midden, text=alt.Text("links:N")).transform_filter(
        "datum.soort === 'kop'")
    links = basis.mark_text(align="left", baseline="middle", dx=8, aria=False).encode(
        x=alt.XValue(0), y=midden, text=alt.Text("links:N")).transform_filter("datum.soort === 'regel'")
    rechts = basis.mark_text(align="right", baseline="middle", dx=-8, fontWeight="bold", aria=False).encode(
        x=alt.XValue("width"), y=midden, text=alt.Text("rechts:N")).transform_filter("datum.soort === 'regel'")
    return stijl(alt.layer(vak, kop, links, rechts).properties(
        width="container", height=int(n * rij),
        description="Dezelfde cijfers als de tabel eronder, per blok onder elkaar."))
