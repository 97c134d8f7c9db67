"""Pure Altair builders: DataFrame in, chart out. Testable without a server.

Colour carries the judgement (favourable / around / unfavourable) only for indicators with a direction, and
never alone: the tooltip and the accompanying table say it in words too.
"""
from __future__ import annotations

import textwrap
from functools import cache

import altair as alt
import numpy as np
import pandas as pd

from soest_data import gemeente, jaren, opmaak, scoring
from soest_data.gemeente import GEMEENTE
from soest_data.rijen import als_dicts
from soest_data.weergave.sjabloon import Sjabloon, gat

_OORDEEL_KLEUR = {
    scoring.GUNSTIG: opmaak.KLEUR_GUNSTIG, scoring.ONGUNSTIG: opmaak.KLEUR_ONGUNSTIG,
    scoring.ROND: opmaak.KLEUR_ROND, scoring.HOGER: opmaak.KLEUR_NEUTRAAL, scoring.LAGER: opmaak.KLEUR_NEUTRAAL,
    scoring.ONBEKEND: opmaak.KLEUR_GEEN_GEGEVENS,
}
LETTER = opmaak.LETTER
TEKST = opmaak.TEKSTKLEUR


# Built (and checked) once; configure() would rebuild it for every chart. aria=False (guides) and mark aria=False:
# Vega writes English descriptions for axes and legends ('X-axis for a discrete scale with 8 values') and one
# description per mark; a chart is read as one picture by its Dutch alt text (ui.teken) or description, with the
# table beside it as the text alternative.
_STIJL = alt.Config(**opmaak.GRAFIEKSTIJL, aria=False, mark=alt.MarkConfig(aria=False))


def stijl(grafiek):
    """The one typography and the Dutch number locale (opmaak.GRAFIEKSTIJL) on a finished chart, and a Dutch title on
    every encoding (met_titels). Every builder ends with this, so no chart text is below 16 px, Vega's own numbers read
    '1.000' and '14,5', and no raw column name ('gebied_naam') reaches a tooltip or a screen reader."""
    gestijld = met_titels(grafiek.copy(deep=False))
    gestijld.config = _STIJL
    return gestijld


# The Dutch name of every column a chart encodes, for the encodings whose builder gives no title of its own. A column
# missing here keeps no title, and tests/unit/test_grafieken_geldig.py names it.
VELDTITELS = {
    "gebied_naam": "Gebied", "gebied": "Gebied", "wijk": "Wijk", "opgave_naam": "Opgave", "opgave": "Opgave",
    "label": "Indicator", "label_tekst": "Indicator", "kop": "Kop", "rij": "Indicator", "kolom": "Gebied",
    "jaar": "Jaar", "waarde": "Waarde", "waarde_of_nul": "Waarde", "soest": "Gemeente", "oordeel": "Oordeel",
    "klasse": "Deel ongunstig", "rol": "Rol", "tekst": "Tekst", "regel1": "Cijfer", "regel2": "Oordeel",
    "links": "Tekst links", "rechts": "Tekst rechts", "tekstkleur": "Tekstkleur", "rand": "Rand",
    "randdikte": "Randdikte", "band": "Rij", "labelband": "Rij", "midden": "Midden", "x": "Positie", "x2": "Einde",
    "y": "Rij", "y2": "Einde", "deze": "Deze wijk", "antwoord": "Antwoord", "vraag": "Vraag", "aandeel": "Aandeel",
    "index": "Index", "waarde_tekst": "Waarde",
}
_MET_AS = {"x", "y"}
_MET_LEGENDA = {"color", "fill", "stroke", "shape", "size", "opacity", "strokeDash", "strokeWidth", "fillOpacity",
                "strokeOpacity"}


def _veld(kanaal) -> str | None:
    veld = kanaal._kwds.get("field", alt.Undefined)
    if isinstance(veld, str):
        return veld
    kort = kanaal._kwds.get("shorthand", alt.Undefined)
    return kort.split(":")[0] if isinstance(kort, str) and kort else None  # 'gebied_naam:N'


def _geef_titel(kanaal, naam: str, gedeeld: dict) -> None:
    """A Dutch title where the builder gave none. A title the builder hid on purpose (title=None) stays hidden on the
    axis or legend: the name is then only for tooltips and descriptions. On a layer's x or y without a title of its
    own, the title another layer gives that axis (`gedeeld`): Vega-Lite joins different layer titles into one."""
    titel = kanaal._kwds.get("title", alt.Undefined)
    veld = _veld(kanaal)
    if isinstance(titel, str | list) and titel or veld not in VELDTITELS:
        return
    if titel is None:
        gids = "axis" if naam in _MET_AS else "legend" if naam in _MET_LEGENDA else None
        if gids is not None:
            bestaand = kanaal._kwds.get(gids, alt.Undefined)
            if bestaand is alt.Undefined:
                kanaal[gids] = alt.Axis(title=None) if gids == "axis" else alt.Legend(title=None)
            elif bestaand is not None and bestaand._kwds.get("title", alt.Undefined) is alt.Undefined:
                kanaal[gids] = bestaand.copy(deep=False)
                kanaal[gids]["title"] = None
        kanaal["title"] = VELDTITELS[veld]
    else:
        kanaal["title"] = gedeeld.get(naam.rstrip("2"), VELDTITELS[veld])


def _kanalen(grafiek):
    encoding = grafiek._kwds.get("encoding", alt.Undefined)
    if encoding is alt.Undefined or encoding is None:
        return
    for naam, kanalen in list(encoding._kwds.items()):
        for kanaal in kanalen if isinstance(kanalen, list) else [kanalen]:
            if hasattr(kanaal, "_kwds") and _veld(kanaal):
                yield naam, kanaal


def met_titels(grafiek, gedeeld: dict | None = None):
    """Every field encoding of the chart (all layers, concatenations, facets) with a Dutch title (VELDTITELS)."""
    gedeeld = dict(gedeeld or {})
    lagen = grafiek._kwds.get("layer") or []
    for laag in [grafiek, *lagen]:  # the axis titles the builder gave in some layer hold for the whole layer chart
        for naam, kanaal in _kanalen(laag):
            titel = kanaal._kwds.get("title", alt.Undefined)
            if naam in _MET_AS and isinstance(titel, str | list) and titel:
                gedeeld.setdefault(naam, titel)
    for deel in ("layer", "hconcat", "vconcat", "concat"):
        for sub in grafiek._kwds.get(deel) or []:
            met_titels(sub, gedeeld if deel == "layer" else None)
    spec = grafiek._kwds.get("spec", alt.Undefined)
    if spec is not alt.Undefined and hasattr(spec, "_kwds"):
        met_titels(spec)
    for naam, kanaal in _kanalen(grafiek):
        _geef_titel(kanaal, naam, gedeeld)
    return grafiek


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


def _kolommen(frame: pd.DataFrame, namen) -> list[list]:
    return [frame[naam].tolist() for naam in namen]


def _leeg(waarde) -> bool:
    return waarde is None or waarde != waarde  # None or NaN


def _met_eenheid(waarden, eenheid: str) -> list[str]:
    return [opmaak.waarde_met_eenheid(w, eenheid) for w in waarden]


def wijkstaaf(wijken: pd.DataFrame, soest: float | None, eenheid: str, uitgelicht: str | None = None,
              hoogte_per_wijk: int = 30, referenties: pd.DataFrame | None = None) -> dict:
    """Ranked horizontal bars of all wijken, Soest as a dashed reference line, one wijk highlighted.

    `referenties` (regio.referenties: gebied_naam, rol, waarde, tekst) adds Nederland as a dotted line and each
    buurgemeente as a thin grey line (values in the tooltip; the caller says them in words); they are references
    beside the bars, never bars themselves.

    `wijken` needs gebied_code, gebied_naam, waarde and oordeel (from scoring.vergelijk_met_soest).
    Wijken without a number keep their row, labelled 'geen gegevens', so missing never looks like zero.
    A Vega-Lite dict (sjabloon.py).
    """
    rijen = als_dicts(wijken[["gebied_code", "gebied_naam", "waarde", "oordeel"]])  # not the ~40 columns of a row
    for rij, label in zip(rijen, _met_eenheid(wijken["waarde"], eenheid)):
        rij.update(label=label, uitgelicht=rij["gebied_code"] == uitgelicht,
                   oordeel_tekst=scoring.SYMBOOL.get(rij["oordeel"]))
    # highest first, without a figure last (each in the order given: sorted() keeps ties in place)
    rijen = _hoogste_en_laagste(sorted((r for r in rijen if not _leeg(r["waarde"])), key=lambda r: r["waarde"],
                                       reverse=True) + [r for r in rijen if _leeg(r["waarde"])], uitgelicht)
    # the highlighted wijk's frame as data (scale=None: the value is the colour/width), not as a Vega condition
    for rij in rijen:
        rij.update(rand=opmaak.KLEUR_UITGELICHT if rij["uitgelicht"] else None, randdikte=3 * rij["uitgelicht"])
    met_soest = soest is not None and not pd.isna(soest)
    met_referenties = referenties is not None and len(referenties) > 0
    sjabloon = _wijkstaaf_sjabloon(hoogte_per_wijk, met_soest, met_referenties)
    bronnen = {"wijken": sjabloon.rijen(rijen)}
    if met_soest:
        bronnen["soest"] = [{"soest": float(soest),
                             "label": f"┆ {GEMEENTE.naam}: {opmaak.waarde_met_eenheid(soest, eenheid)}"}]
    if met_referenties:
        bronnen["referenties"] = _referentielabels(referenties)
    beschrijving = "Staafdiagram per wijk: " + "; ".join(f"{r['gebied_naam']} {r['label']}" for r in rijen)
    return sjabloon.vul(bronnen, volgorde=[r["gebied_naam"] for r in rijen], height=hoogte_per_wijk * len(rijen) + 20,
                        description=beschrijving, as_titel=opmaak.eenheid(eenheid))


# Up to this many wijken every wijk is a bar; a large gemeente shows its highest and lowest STAVEN_AAN_ELKE_KANT
# (and the highlighted wijk), with one row saying how many lie between: the map and the tables have them all.
STAVEN_PER_WIJK_TOT, STAVEN_AAN_ELKE_KANT = 40, 10


def _hoogste_en_laagste(rijen: list[dict], uitgelicht: str | None) -> list[dict]:
    """The ranked bars as shown: every wijk, or the highest and the lowest (and the highlighted wijk) in their
    ranked order, with one row in each gap saying how many wijken it leaves out and their values."""
    if len(rijen) <= STAVEN_PER_WIJK_TOT:
        return rijen
    met = [i for i, r in enumerate(rijen) if not _leeg(r["waarde"])]
    getoond = set(met[:STAVEN_AAN_ELKE_KANT]) | set(met[-STAVEN_AAN_ELKE_KANT:]) | {
        i for i, r in enumerate(rijen) if r["gebied_code"] == uitgelicht}
    uit, gat = [], []
    for i, rij in enumerate(rijen):
        if i not in getoond:
            gat.append(rij)
            continue
        uit += [_tussenrij(gat)] if gat else []
        uit.append(rij)
        gat = []
    return uit + ([_tussenrij(gat)] if gat else [])


def _tussenrij(overgeslagen: list[dict]) -> dict:
    labels = [r["label"] for r in overgeslagen if not _leeg(r["waarde"])]
    waarden = f": {labels[0]} tot {labels[-1]}" if len(labels) > 1 else f": {labels[0]}" if labels else ""
    zonder = len(overgeslagen) - len(labels)
    return {"gebied_code": "", "gebied_naam": f"… {len(overgeslagen)} wijken{waarden}"
            + (f" ({zonder} zonder cijfer)" if zonder and labels else " zonder cijfer" if zonder else ""),
            "waarde": float("nan"), "oordeel": scoring.ONBEKEND, "label": "", "uitgelicht": False,
            "oordeel_tekst": ""}


@cache
def _wijkstaaf_sjabloon(hoogte_per_wijk: int, met_soest: bool, met_referenties: bool) -> Sjabloon:
    y = alt.Y("gebied_naam:N", sort=[gat("volgorde")], title=None, axis=alt.Axis(labelLimit=220))
    basis = alt.Chart(alt.NamedData("wijken")).encode(
        y=y, tooltip=[alt.Tooltip("gebied_naam:N", title="Wijk"), alt.Tooltip("label:N", title="Waarde"),
                      alt.Tooltip("oordeel_tekst:N", title=f"T.o.v. {GEMEENTE.naam}")])
    staven = basis.mark_bar(height=hoogte_per_wijk * 0.7).encode(
        x=alt.X("waarde:Q", title=gat("as_titel"), axis=alt.Axis(tickCount=4)),
        color=alt.Color("oordeel:N", scale=_legenda_oordeel(), legend=None),
        stroke=alt.Stroke("rand:N", scale=None, legend=None),
        strokeWidth=alt.StrokeWidth("randdikte:Q", scale=None, legend=None),
    )
    teksten = basis.mark_text(align="left", dx=4, fontSize=LETTER).encode(
        x=alt.X("waarde_of_nul:Q"), text=alt.Text("label:N"),
    ).transform_calculate(waarde_of_nul="isValid(datum.waarde) ? datum.waarde : 0")
    lagen = [staven, teksten]
    if met_soest:
        # The label starts at the plot's left edge, not beside the line: beside it, it ran past the right edge of a
        # narrow column and Vega shrank the bars to make room.
        referentie = alt.Chart(alt.NamedData("soest"))
        lijn = referentie.mark_rule(strokeDash=[6, 4], strokeWidth=2, color=TEKST).encode(x=alt.X("soest:Q"))
        lijntekst = referentie.mark_text(align="left", dy=-10, fontSize=opmaak.LETTER_KOP, color=TEKST,
                                         fontWeight="bold").encode(
            x=alt.XValue(0), y=alt.YValue(0), text=alt.Text("label:N"))
        lagen += [lijn, lijntekst]
    if met_referenties:
        lagen += _referentielijnen()
    return Sjabloon(stijl(alt.layer(*lagen).properties(width="container")))


def _referentielabels(referenties: pd.DataFrame) -> pd.DataFrame:
    return referenties.assign(label=[f"{n}: {t}" for n, t in zip(referenties["gebied_naam"], referenties["tekst"])])


def _referentielijnen() -> list[alt.Chart]:
    data = alt.Chart(alt.NamedData("referenties"))
    tooltip = [alt.Tooltip("label:N", title="Referentie")]
    # aria=False: the line's value is in the words above the chart; an empty (filtered) layer must not become an
    # unlabelled image for a screen reader.
    buren = data.mark_rule(strokeWidth=1, color=KLEUR_BUREN, opacity=0.7, aria=False).encode(
        x=alt.X("waarde:Q"), tooltip=tooltip).transform_filter("datum.rol == 'buurgemeente'")
    nederland = data.transform_filter("datum.rol == 'Nederland'")
    # No label in the chart (it would sit on the Soest label and the top bar): the page says the value above it.
    lijn = nederland.mark_rule(strokeDash=[2, 3], strokeWidth=2.5, color=KLEUR_NEDERLAND, aria=False).encode(
        x=alt.X("waarde:Q"), tooltip=tooltip)
    return [buren, lijn]


def trendassen() -> dict:
    """The x (years) and y (values, not from zero) of every trend chart, as encode() keywords; the unit is the hole
    'as_titel' (one template for every unit)."""
    return dict(x=alt.X("jaar:O", title=None, axis=alt.Axis(labelAngle=0)),
                y=alt.Y("waarde:Q", title=gat("as_titel"), scale=alt.Scale(zero=False, padding=14),
                        axis=alt.Axis(tickCount=3, format="~r")))


def trendreferentierijen(referenties: pd.DataFrame, eenheid: str) -> list[dict]:
    """The records of trendreferentielagen: every reference area in the years it has a value (regio.referenties)."""
    return [{"gebied_naam": naam, "jaar": jaar, "waarde": waarde, "label": opmaak.waarde_met_eenheid(waarde, eenheid),
             "rol": rol}
            for naam, jaar, waarde, rol in zip(*_kolommen(referenties, ("gebied_naam", "jaar", "waarde", "rol")))
            if not _leeg(waarde)]


def trendreferentielagen(kleur_nederland: str = KLEUR_BUREN) -> list[alt.Chart]:
    """Behind a trend chart, on the named data 'referenties' (trendreferentierijen): Nederland as a dotted line with
    open squares, each buurgemeente as a thin grey line. Hidden from screen readers: the page says them in words."""
    referentie = alt.Chart(alt.NamedData("referenties")).encode(
        x=alt.X("jaar:O"), y=alt.Y("waarde:Q"), detail=alt.Detail("gebied_naam:N"),
        tooltip=[alt.Tooltip("gebied_naam:N", title="Gebied"), alt.Tooltip("jaar:O", title="Jaar"),
                 alt.Tooltip("label:N", title="Waarde")])
    return [referentie.mark_line(strokeWidth=1, strokeDash=[6, 3], color=KLEUR_BUREN, aria=False).transform_filter(
                "datum.rol == 'buurgemeente'"),
            referentie.mark_line(strokeWidth=2.5, strokeDash=[2, 3], color=kleur_nederland, aria=False,
                                 point=alt.OverlayMarkDef(shape="square", filled=False, size=60, color=kleur_nederland)
                                 ).transform_filter("datum.rol == 'Nederland'")]


def trendtitel(titel: str, hoogte: int, noot: str = "") -> dict:
    """A trend chart's title wrapped to its column (a third of a laptop screen), as top-level properties: an
    unwrapped long title is wider than the column, and Vega then squeezes the plot of a container-wide chart to
    nothing. The chart grows by each extra title line, so the plot keeps its height. `noot` (e.g. a definition change
    within the years shown) goes under the title as a subtitle."""
    regels = textwrap.wrap(titel, 20) or [""]
    onder = textwrap.wrap(noot, 28)
    kop = {"text": regels, "anchor": "start", "limit": 0}
    if onder:
        kop |= {"subtitle": onder, "subtitleFontStyle": "italic"}
    return {"title": kop, "height": hoogte + 22 * (len(regels) - 1) + 20 * len(onder)}


def trendnoot(reeks: pd.DataFrame) -> str:
    """'Let op: definitie gewijzigd in 2020 …' when the years of one indicator's series straddle a definition change
    (catalogue `definitiewijziging`, carried in the values as wijziging_jaar/wijziging_uitleg), else ''."""
    if "wijziging_jaar" not in reeks:
        return ""
    return noot_bij(reeks["jaar"].tolist(), reeks["wijziging_jaar"].tolist(), reeks["wijziging_uitleg"].tolist())


def noot_bij(jaar: list, wijziging_jaar: list, wijziging_uitleg: list) -> str:
    """trendnoot for one series given as its columns (plain lists, one item per measurement)."""
    wijziging = next((w for w in wijziging_jaar if not _leeg(w)), None)
    if wijziging is None:
        return ""
    uitleg = next((u for u in wijziging_uitleg if not _leeg(u)), None)
    return jaren.wijzigingsnoot(wijziging, uitleg) if jaren.over_wijziging(min(jaar), max(jaar), wijziging) else ""


def trend(reeks: pd.DataFrame, eenheid: str, titel: str | None = None, hoogte: int = 200,
          referenties: pd.DataFrame | None = None) -> dict:
    """Lines over the years for one indicator: one per area (a wijk and Soest). Needs gebied_naam, jaar, waarde.

    Fills its column (width container), so a page lays the indicators out in columns that stack on a phone.
    `referenties` (regio.referenties, same indicator) adds Nederland as a grey dotted line with open squares and the
    buurgemeenten as thin grey lines, behind the wijk and Soest. A Vega-Lite dict (sjabloon.py).
    """
    eigen = gemeente.huidige().code
    data = [{"gebied_naam": naam, "gebied": "soest" if code == eigen else "wijk", "jaar": jaar, "waarde": waarde,
             "label": opmaak.waarde_met_eenheid(waarde, eenheid)}
            for naam, code, jaar, waarde in zip(*_kolommen(reeks, ("gebied_naam", "gebied_code", "jaar", "waarde")))
            if not _leeg(waarde)]
    beschrijving = "Lijn door de jaren: " + "; ".join(f"{r['gebied_naam']} {r['jaar']}: {r['label']}" for r in data)
    bronnen = {"trend": data}
    met_referenties = referenties is not None and len(referenties) > 0
    if met_referenties:
        bronnen["referenties"] = trendreferentierijen(referenties, eenheid)
        uitleg = referentietitel(referenties).replace("□ Nederland", "□ Nederland (grijs, gestippeld)").replace(
            "△ buurgemeenten", "╌ buurgemeenten (dun, grijs gestreept)").strip()
        beschrijving += f". Ter vergelijking: {uitleg}"
    noot = trendnoot(reeks)
    eigen = trendtitel(titel, hoogte, noot) if titel else {"height": hoogte}
    return _trend_sjabloon(met_referenties).vul(bronnen, description=f"{beschrijving}. {noot}".strip(" ."),
                                                as_titel=opmaak.eenheid(eenheid), **eigen)


@cache
def _trend_sjabloon(met_referenties: bool) -> Sjabloon:
    # The wijk blue and solid, Soest black and dashed, whatever their names' alphabetical order; no legend inside
    # the chart (it would not fit a third of a laptop screen): the page says it in words above the charts.
    basis = alt.Chart(alt.NamedData("trend")).encode(
        **trendassen(),
        color=alt.Color("gebied:N", scale=alt.Scale(domain=["wijk", "soest"], range=[opmaak.KLEUR_GUNSTIG, TEKST]),
                        legend=None),
        strokeDash=alt.StrokeDash("gebied:N", scale=alt.Scale(domain=["wijk", "soest"], range=[[1, 0], [6, 3]]),
                                  legend=None),
        tooltip=[alt.Tooltip("gebied_naam:N", title="Gebied"), alt.Tooltip("jaar:O", title="Jaar"),
                 alt.Tooltip("label:N", title="Waarde")],
    )
    lagen = trendreferentielagen() if met_referenties else []
    return Sjabloon(stijl(alt.layer(*lagen, basis.mark_line(point=alt.OverlayMarkDef(size=80), strokeWidth=3),
                                    basis.mark_text(dy=-14).encode(text=alt.Text("label:N"))).properties(
        width="container")))


# The dot chart: one block per indicator, each with its own scale (indicators have different units). Built as one
# layered chart on a 0–1 position per block, so it can fill its column; each block carries its own labelled scale
# (lowest and highest value at its ends), the profiled wijk and Soest in words above the line, and a note when not
# every wijk has a figure. Marks are hidden from assistive technology (aria=False): the chart description and the
# table above it carry the content.
SMAL = 32  # characters per line of chart text on a phone-wide column (16 px text in ~350 px)


def regels(tekst: str, breedte: int | None) -> list[str]:
    """Chart text over lines of at most `breedte` characters (None: one line). Vega does not wrap by itself."""
    return textwrap.wrap(tekst, breedte, break_on_hyphens=False) or [""] if breedte else [tekst]


_STIPPENKOLOMMEN = ("band", "soort", "x", "tekst", "x2", "oordeel")


def stippenrijen(rijen: pd.DataFrame, uitgelicht: str, naam: str, aantal_wijken: int = 8,
                 regelbreedte: int | None = None, referenties: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per indicator its text lines and the positions (0–1 on its own scale) of every wijk, Soest and the
    references (Nederland, buurgemeenten; `rol`); `band` is the line of the chart each row is drawn on."""
    return pd.DataFrame(_stippenrecords(rijen, uitgelicht, naam, aantal_wijken, regelbreedte, referenties),
                        columns=list(_STIPPENKOLOMMEN))


def _stippenrecords(rijen: pd.DataFrame, uitgelicht: str, naam: str, aantal_wijken: int,
                    regelbreedte: int | None, referenties: pd.DataFrame | None) -> list[dict]:
    """stippenrijen as records. The frames are small (a hundred rows): their columns are read as lists once and
    every row is placed in one pass, with no pandas filter per indicator (each costs more than the whole pass)."""
    indicatoren = rijen[["indicator", "volgorde", "eenheid", "label", "soest"]].sort_values(
        "volgorde").drop_duplicates("indicator")
    per_indicator: dict[str, list[tuple]] = {i: [] for i in indicatoren["indicator"]}
    for rij in zip(*_kolommen(rijen, ("indicator", "gebied_code", "gebied_naam", "waarde", "oordeel"))):
        per_indicator[rij[0]].append(rij)
    referentie_per: dict[str, list[tuple]] = {i: [] for i in per_indicator}
    if referenties is not None and len(referenties):
        for rij in zip(*_kolommen(referenties, ("indicator", "gebied_naam", "waarde", "rol"))):
            if rij[0] in referentie_per and not _leeg(rij[2]):
                referentie_per[rij[0]].append(rij)
    uit = []
    band = 0

    def rij(**velden) -> None:
        uit.append({k: velden.get(k) for k in _STIPPENKOLOMMEN})

    for indicator, eenheid, label, soestwaarde in zip(*_kolommen(indicatoren, ("indicator", "eenheid", "label",
                                                                              "soest"))):
        deel = per_indicator[indicator]
        met = [r for r in deel if not _leeg(r[3])]
        ref = referentie_per[indicator]
        punten = [r[3] for r in met] + [r[2] for r in ref] + ([] if _leeg(soestwaarde) else [soestwaarde])
        laag, hoog = (min(punten), max(punten)) if punten else (0.0, 1.0)

        def plek(w, laag=laag, hoog=hoog):
            return 0.5 if hoog == laag else (w - laag) / (hoog - laag)

        deze = next((r for r in deel if r[1] == uitgelicht), None)
        eigen = float("nan") if deze is None else deze[3]
        in_label = opmaak.eenheid(eenheid).replace(".", "") in label.replace(".", "")
        kop = f"{label}" + ("" if eenheid.startswith("%") or in_label else f" ({opmaak.eenheid(eenheid)})")
        if len(met) < aantal_wijken:
            kop += f" · {len(met)} van {aantal_wijken} wijken met een cijfer"
        wijk = (f"◆ {naam}: {opmaak.waarde_met_eenheid(eigen, eenheid)}"
                + (f" ({scoring.SYMBOOL[deze[4]]})" if deze is not None and not _leeg(eigen) else ""))
        soest = f"┃ {GEMEENTE.naam}: {opmaak.waarde_met_eenheid(soestwaarde, eenheid)}"
        wie = [wijk, soest] if regelbreedte else [f"{wijk}   {soest}"]
        for soort, lijnen in (("kop", regels(kop, regelbreedte)), ("wie", wie)):
            for lijn in lijnen:
                rij(band=band, soort=soort, x=0.0, tekst=lijn)
                band += 1
        rij(band=band, soort="lijn", x=0.0, x2=1.0)
        if punten:
            rij(band=band + 1, soort="min", x=0.0, tekst=opmaak.waarde_met_eenheid(laag, eenheid))
            if hoog != laag:
                rij(band=band + 1, soort="max", x=1.0, tekst=opmaak.waarde_met_eenheid(hoog, eenheid))
        if not _leeg(soestwaarde):
            rij(band=band, soort="soest", x=plek(soestwaarde), tekst=soest[2:])
        for _, gebied_naam, waarde, rol in ref:
            rij(band=band, soort=rol, x=plek(waarde),
                tekst=f"{gebied_naam}: {opmaak.waarde_met_eenheid(waarde, eenheid)}")
        samen: dict[tuple, list[tuple]] = {}  # many wijken: one dot per stretch of the scale and judgement
        for r in met:
            _, code, gebied_naam, waarde, oordeel = r
            if code == uitgelicht or aantal_wijken <= STIPPEN_PER_WIJK_TOT:
                rij(band=band, soort="deze" if code == uitgelicht else "wijk", x=plek(waarde), oordeel=oordeel,
                    tekst=f"{gebied_naam}: {opmaak.waarde_met_eenheid(waarde, eenheid)} ({scoring.SYMBOOL[oordeel]})")
            else:
                samen.setdefault((round(plek(waarde) * STIPPEN_OP_EEN_SCHAAL), oordeel), []).append(r)
        for (stuk, oordeel), deel in samen.items():
            waarden = [r[3] for r in deel]
            tekst = (f"{deel[0][2]}: {opmaak.waarde_met_eenheid(waarden[0], eenheid)}" if len(deel) == 1 else
                     f"{len(deel)} wijken: {opmaak.waarde_met_eenheid(min(waarden), eenheid)} tot "
                     f"{opmaak.waarde_met_eenheid(max(waarden), eenheid)}")
            rij(band=band, soort="wijk", x=stuk / STIPPEN_OP_EEN_SCHAAL, oordeel=oordeel,
                tekst=f"{tekst} ({scoring.SYMBOOL[oordeel]})")
        band += 2
    return uit


# Up to this many wijken every wijk is its own dot; above it (a large gemeente) the other wijken are drawn as one dot
# per 1/STIPPEN_OP_EEN_SCHAAL of the scale and judgement, its tooltip saying how many wijken and which values: the
# picture is the same (the dots overlapped), and the page does not send every wijk's every figure twice over.
STIPPEN_PER_WIJK_TOT = 60
STIPPEN_OP_EEN_SCHAAL = 40


def stippen(rijen: pd.DataFrame, uitgelicht: str, naam: str, referenties: pd.DataFrame | None = None, rij: int = 26,
            regelbreedte: int | None = None, letter: int = opmaak.LETTER) -> dict:
    """One block per indicator: its name; the chosen wijk (◆) and Soest (┃) in words; a scale line from the lowest
    to the highest value, every wijk a dot on it, Soest a black stripe, the chosen wijk a large diamond.

    `rijen` comes from scoring.beoordeel_wijken (all wijken, numeric indicators of one opgave). `regelbreedte`
    wraps the texts for a narrow column (SMAL); `letter` is larger in the presentatiemodus. `referenties`
    (regio.referenties, same indicators and year) adds Nederland (open square) and the buurgemeenten (open
    triangles) on each scale. A Vega-Lite dict (sjabloon.py).
    """
    aantal = max(rijen["gebied_code"].nunique(), 1)
    data = _stippenrecords(rijen, uitgelicht, naam, aantal, regelbreedte, referenties)
    banden = max((r["band"] for r in data), default=0) + 1
    return _stippen_sjabloon(rij, letter).vul(
        {"stippen": data}, banden=list(range(banden)), height=banden * rij,
        title={"text": f"◆ {naam}  ● andere wijken{_stip_is_meer(aantal)}  ┃ {GEMEENTE.naam}"
                       f"{referentietitel(referenties)}", "anchor": "start",
               "fontSize": letter, "fontWeight": "normal"},
        description=f"Per indicator de waarde van {naam} (ruit) naast de andere wijken (stippen) en {GEMEENTE.naam} (streep); "
                    "dezelfde cijfers staan in de tabel erboven.")


def _stip_is_meer(aantal_wijken: int) -> str:
    return "" if aantal_wijken <= STIPPEN_PER_WIJK_TOT else " (een stip kan meer wijken zijn)"


@cache
def _stippen_sjabloon(rij: int, letter: int) -> Sjabloon:
    y = alt.Y("band:O", axis=None, scale=alt.Scale(domain=[gat("banden")]))
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[0, 1], padding=12))
    basis = alt.Chart(alt.NamedData("stippen")).encode(y=y)

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
    return Sjabloon(stijl(alt.layer(koppen, wie, lijn, *uiteinden, wijken, *referentie, soest, deze).properties(
        width="container")).configure_text(fontSize=letter))


def stapel(data: pd.DataFrame, blok: str, regel: str, tekst: str, klasse: str, kleuren: dict[str, str],
           rij: int = 32) -> dict:
    """A matrix stacked for a narrow screen: per block (an indicator, a wijk) its name in bold, then one full-width
    line per cell: the cell's name on the left, its text on the right, the cell's colour behind it.

    `data` is in display order; a block name may hold line breaks ('\\n'). Fills its column (width container).
    A Vega-Lite dict (sjabloon.py).
    """
    codes, namen = pd.factorize(data[blok])
    kopregels = [str(naam).split("\n") for naam in namen]
    aantal = pd.Series(codes).value_counts().reindex(range(len(namen)), fill_value=0).to_numpy()
    hoogten = np.array([len(k) for k in kopregels]) + aantal + 0.5  # the name's lines, its cells, half a line
    begin = np.concatenate([[0.0], np.cumsum(hoogten)[:-1]])
    n = float(hoogten.sum())
    koppen = pd.DataFrame([{"y": begin[i] + j, "soort": "kop", "links": lijn, "rechts": "", "klasse": ""}
                           for i, lijnen in enumerate(kopregels) for j, lijn in enumerate(lijnen)])
    eerste_cel = (begin + [len(k) for k in kopregels])[codes]
    cellen = pd.DataFrame({"y": eerste_cel + data.groupby(codes).cumcount().to_numpy(), "soort": "regel",
                           "links": data[regel].astype(str).to_numpy(), "rechts": data[tekst].astype(str).to_numpy(),
                           "klasse": data[klasse].astype(str).to_numpy(), "_blok": codes}
                          ).sort_values("_blok", kind="stable").drop(columns="_blok")
    frame = pd.concat([koppen, cellen], ignore_index=True).assign(y2=lambda d: d["y"] + 0.92,
                                                                   midden=lambda d: d["y"] + 0.5)
    return _stapel_sjabloon(tuple(kleuren.items())).vul(
        {"stapel": frame}, domein=[0, n], height=int(n * rij),
        description="Dezelfde cijfers als de tabel eronder, per blok onder elkaar.")


@cache
def _stapel_sjabloon(kleuren: tuple[tuple[str, str], ...]) -> Sjabloon:
    schaal = alt.Scale(domain=[gat("domein")], reverse=True, nice=False, zero=True)
    y = alt.Y("y:Q", axis=None, scale=schaal)
    basis = alt.Chart(alt.NamedData("stapel"))
    vak = basis.mark_rect(stroke="#8C8C8C", strokeWidth=1, aria=False).encode(
        x=alt.XValue(0), x2=alt.X2Value("width"), y=y, y2=alt.Y2("y2:Q"),
        color=alt.Color("klasse:N", legend=None,
                        scale=alt.Scale(domain=[k for k, _ in kleuren], range=[v for _, v in kleuren]))
    ).transform_filter("datum.soort === 'regel'")
    midden = alt.Y("midden:Q", axis=None, scale=schaal)
    kop = basis.mark_text(align="left", baseline="middle", fontWeight="bold", fontSize=opmaak.LETTER_KOP,
                          aria=False).encode(x=alt.XValue(0), y=midden, text=alt.Text("links:N")).transform_filter(
        "datum.soort === 'kop'")
    links = basis.mark_text(align="left", baseline="middle", dx=8, aria=False).encode(
        x=alt.XValue(0), y=midden, text=alt.Text("links:N")).transform_filter("datum.soort === 'regel'")
    rechts = basis.mark_text(align="right", baseline="middle", dx=-8, fontWeight="bold", aria=False).encode(
        x=alt.XValue("width"), y=midden, text=alt.Text("rechts:N")).transform_filter("datum.soort === 'regel'")
    return Sjabloon(stijl(alt.layer(vak, kop, links, rechts).properties(width="container")))
