"""Pure Altair builders: DataFrame in, chart out. Testable without a server.

Colour carries the judgement (favourable / around / unfavourable) only for indicators with a direction, and
never alone: the tooltip and the accompanying table say it in words too.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from soest_data import opmaak, scoring

_OORDEEL_KLEUR = {
    scoring.GUNSTIG: opmaak.KLEUR_GUNSTIG, scoring.ONGUNSTIG: opmaak.KLEUR_ONGUNSTIG,
    scoring.ROND: opmaak.KLEUR_ROND, scoring.HOGER: opmaak.KLEUR_NEUTRAAL, scoring.LAGER: opmaak.KLEUR_NEUTRAAL,
    scoring.ONBEKEND: opmaak.KLEUR_GEEN_GEGEVENS,
}
LETTER = 16
TEKST = "#1A1A1A"  # labels in near-black: Vega's default grey is too light on a projector


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
    volgorde = list(data["gebied_naam"])
    y = alt.Y("gebied_naam:N", sort=volgorde, title=None, axis=alt.Axis(labelFontSize=LETTER, labelLimit=220))
    basis = alt.Chart(data).encode(
        y=y, tooltip=[alt.Tooltip("gebied_naam:N", title="Wijk"), alt.Tooltip("label:N", title="Waarde"),
                      alt.Tooltip("oordeel_tekst:N", title="T.o.v. Soest")])
    staven = basis.mark_bar(height=hoogte_per_wijk * 0.7).encode(
        x=alt.X("waarde:Q", title=eenheid, axis=alt.Axis(labelFontSize=LETTER - 2, titleFontSize=LETTER - 2)),
        color=alt.Color("oordeel:N", scale=_legenda_oordeel(), legend=None),
        stroke=alt.condition("datum.uitgelicht", alt.value(opmaak.KLEUR_UITGELICHT), alt.value(None)),
        strokeWidth=alt.condition("datum.uitgelicht", alt.value(3), alt.value(0)),
    )
    teksten = basis.mark_text(align="left", dx=4, fontSize=LETTER - 2).encode(
        x=alt.X("waarde_of_nul:Q"), text="label:N",
    ).transform_calculate(waarde_of_nul="isValid(datum.waarde) ? datum.waarde : 0")
    lagen = [staven, teksten]
    if soest is not None and not pd.isna(soest):
        referentie = pd.DataFrame({"soest": [soest], "label": [f"Soest: {opmaak.waarde_met_eenheid(soest, eenheid)}"]})
        lijn = alt.Chart(referentie).mark_rule(strokeDash=[6, 4], strokeWidth=2, color="#1A1A1A").encode(x="soest:Q")
        lijntekst = alt.Chart(referentie).mark_text(align="left", dx=4, dy=-8, fontSize=LETTER - 2, color="#1A1A1A",
                                                    fontWeight="bold").encode(x="soest:Q", y=alt.value(0), text="label:N")
        lagen += [lijn, lijntekst]
    if referenties is not None and len(referenties):
        lagen += _referentielijnen(referenties)
    beschrijving = "Staafdiagram per wijk: " + "; ".join(f"{n} {t}" for n, t in zip(data["gebied_naam"], data["label"]))
    return alt.layer(*lagen).properties(height=hoogte_per_wijk * len(data) + 20, description=beschrijving)


def _referentielijnen(referenties: pd.DataFrame) -> list[alt.Chart]:
    data = referenties.assign(label=[f"{n}: {t}" for n, t in zip(referenties["gebied_naam"], referenties["tekst"])])
    tooltip = [alt.Tooltip("label:N", title="Referentie")]
    # aria=False: the line's value is in the words above the chart; an empty (filtered) layer must not become an
    # unlabelled image for a screen reader.
    buren = alt.Chart(data).mark_rule(strokeWidth=1, color=KLEUR_BUREN, opacity=0.7, aria=False).encode(
        x="waarde:Q", tooltip=tooltip).transform_filter("datum.rol == 'buurgemeente'")
    nederland = alt.Chart(data).transform_filter("datum.rol == 'Nederland'")
    # No label in the chart (it would sit on the Soest label and the top bar): the page says the value above it.
    lijn = nederland.mark_rule(strokeDash=[2, 3], strokeWidth=2.5, color=KLEUR_NEDERLAND, aria=False).encode(
        x="waarde:Q", tooltip=tooltip)
    return [buren, lijn]


def trend(reeks: pd.DataFrame, eenheid: str) -> alt.Chart:
    """Lines over the years: one per area (e.g. a wijk and Soest). Needs gebied_naam, jaar, waarde."""
    data = reeks.dropna(subset=["waarde"]).assign(label=lambda d: [opmaak.waarde_met_eenheid(w, eenheid)
                                                                    for w in d["waarde"]])
    basis = alt.Chart(data).encode(
        x=alt.X("jaar:O", title="jaar", axis=alt.Axis(labelFontSize=LETTER - 2, labelAngle=0)),
        y=alt.Y("waarde:Q", title=eenheid, axis=alt.Axis(labelFontSize=LETTER - 2)),
        color=alt.Color("gebied_naam:N", title=None, scale=alt.Scale(range=[opmaak.KLEUR_GUNSTIG, "#1A1A1A",
                                                                            opmaak.KLEUR_ONGUNSTIG])),
        strokeDash=alt.StrokeDash("gebied_naam:N", legend=None),
        tooltip=[alt.Tooltip("gebied_naam:N", title="Gebied"), alt.Tooltip("jaar:O"),
                 alt.Tooltip("label:N", title="Waarde")],
    )
    beschrijving = "Lijn door de jaren: " + "; ".join(f"{g} {j}: {t}" for g, j, t in
                                                     zip(data["gebied_naam"], data["jaar"], data["label"]))
    return (basis.mark_line(point=alt.OverlayMarkDef(size=80), strokeWidth=3)
            + basis.mark_text(dy=-12, fontSize=LETTER - 2).encode(text="label:N")).properties(
        height=220, description=beschrijving)


# In the small multiples below, marks are hidden from assistive technology (aria=False): a filtered, empty layer
# otherwise becomes an unlabelled ARIA image. The chart description and the table beside it carry the content.
def stippen(rijen: pd.DataFrame, uitgelicht: str, naam: str, referenties: pd.DataFrame | None = None
            ) -> alt.FacetChart:
    """One row per indicator: every wijk as a dot, Soest as a black tick, the chosen wijk large and labelled.

    Compact enough to show all indicators of an opgave in one chart (each row has its own scale and unit).
    `rijen` comes from scoring.beoordeel_wijken (all wijken, numeric indicators of one opgave); `referenties`
    (regio.referenties, same indicator and year) adds Nederland and the buurgemeenten as reference marks.
    """
    kolommen = ["label", "volgorde", "gebied_naam", "rol", "waarde", "soest", "uitgelicht", "waarde_tekst",
                "soest_tekst", "oordeel", "oordeel_tekst"]
    data = rijen.dropna(subset=["waarde"]).assign(
        rol="wijk", uitgelicht=lambda d: d["gebied_code"] == uitgelicht,
        waarde_tekst=lambda d: [opmaak.waarde_met_eenheid(w, e) for w, e in zip(d["waarde"], d["eenheid"])],
        soest_tekst=lambda d: [opmaak.waarde_met_eenheid(s, e) for s, e in zip(d["soest"], d["eenheid"])],
        oordeel_tekst=lambda d: d["oordeel"].map(scoring.SYMBOOL),
    )[kolommen]
    if referenties is not None and len(referenties):
        per_indicator = rijen.drop_duplicates("indicator").set_index("indicator")
        ref = referenties[referenties["indicator"].isin(per_indicator.index)]
        data = pd.concat([data, pd.DataFrame({
            "label": ref["indicator"].map(per_indicator["label"]), "volgorde": ref["indicator"].map(per_indicator["volgorde"]),
            "gebied_naam": ref["gebied_naam"], "rol": ref["rol"], "waarde": ref["waarde"], "soest": float("nan"),
            "uitgelicht": False, "waarde_tekst": ref["tekst"], "soest_tekst": "", "oordeel": "", "oordeel_tekst": "referentie",
        })[kolommen]], ignore_index=True)
    volgorde = list(data.sort_values("volgorde")["label"].drop_duplicates())
    x = alt.X("waarde:Q", title=None, scale=alt.Scale(zero=False, nice=False, padding=20),
              axis=alt.Axis(labelFontSize=LETTER - 3, tickCount=4, grid=False, labelColor=TEKST))
    tooltip = [alt.Tooltip("gebied_naam:N", title="Wijk"), alt.Tooltip("waarde_tekst:N", title="Waarde"),
               alt.Tooltip("soest_tekst:N", title="Soest"), alt.Tooltip("oordeel_tekst:N", title="T.o.v. Soest")]
    basis = alt.Chart()
    anderen = basis.mark_circle(size=110, opacity=0.55, aria=False).encode(
        x=x, color=alt.Color("oordeel:N", scale=_legenda_oordeel(), legend=None), tooltip=tooltip,
    ).transform_filter("!datum.uitgelicht && datum.rol == 'wijk'")
    soest = basis.mark_tick(color="#1A1A1A", thickness=3, size=34, aria=False).encode(
        x="soest:Q", tooltip=tooltip[2:3]).transform_filter("datum.rol == 'wijk'")
    referentie = [r.encode(tooltip=tooltip[:2]) for r in _referentiepunten(basis, x)]
    deze = basis.mark_point(size=420, filled=True, stroke="#000000", strokeWidth=2, shape="diamond", aria=False).encode(
        x=x, color=alt.Color("oordeel:N", scale=_legenda_oordeel(), legend=None), tooltip=tooltip,
    ).transform_filter("datum.uitgelicht")
    label = basis.mark_text(dy=-20, fontSize=LETTER - 2, fontWeight="bold", aria=False).encode(
        x="waarde:Q", text="waarde_tekst:N").transform_filter("datum.uitgelicht")
    return alt.layer(anderen, *referentie, soest, deze, label, data=data).properties(width=420, height=44).facet(
        row=alt.Row("label:N", sort=volgorde, title=None,
                    header=alt.Header(labelAngle=0, labelAlign="left", labelFontSize=LETTER - 1, labelLimit=330,
                                      labelPadding=8, labelColor=TEKST)),
        spacing=6,
    ).resolve_scale(x="independent").properties(
        title=alt.TitleParams(f"◆ {naam}  ● andere wijken  ┃ Soest{referentietitel(referenties)}",
                              fontSize=LETTER - 2, anchor="start", fontWeight="normal"),
        description=f"Per indicator de waarde van {naam} (ruit) naast de andere wijken (stippen) en Soest (streep); "
                    "dezelfde cijfers staan in de tabel erboven.")


def trends(reeksen: pd.DataFrame, kolommen: int = 3, referenties: pd.DataFrame | None = None) -> alt.FacetChart:
    """Small multiples of trend lines (a wijk and Soest) per indicator; needs label, gebied_naam, jaar, waarde, eenheid.

    `referenties` (regio.referenties for the same indicators and years) adds Nederland as a dotted black line and the
    buurgemeenten as thin grey lines, drawn behind the wijk and Soest.
    """
    data = reeksen.dropna(subset=["waarde"]).assign(
        tekst=lambda d: [opmaak.waarde_met_eenheid(w, e) for w, e in zip(d["waarde"], d["eenheid"])], rol="gebied"
    )[["label", "gebied_naam", "jaar", "waarde", "tekst", "rol"]]
    if referenties is not None and len(referenties):
        labels = reeksen.drop_duplicates("indicator").set_index("indicator")["label"]
        ref = referenties[referenties["indicator"].isin(labels.index)]
        data = pd.concat([data, ref.assign(label=ref["indicator"].map(labels))[data.columns]], ignore_index=True)
    assen = dict(
        x=alt.X("jaar:O", title=None, axis=alt.Axis(labelAngle=0, labelFontSize=LETTER - 3)),
        y=alt.Y("waarde:Q", title=None, scale=alt.Scale(zero=False), axis=alt.Axis(labelFontSize=LETTER - 4, tickCount=4)),
    )
    tooltip = [alt.Tooltip("gebied_naam:N", title="Gebied"), alt.Tooltip("jaar:O"), alt.Tooltip("tekst:N", title="Waarde")]
    referentie = alt.Chart().encode(**assen, detail="gebied_naam:N", tooltip=tooltip)
    buren = referentie.mark_line(strokeWidth=1, color=KLEUR_BUREN, opacity=0.6, aria=False).transform_filter(
        "datum.rol == 'buurgemeente'")
    # Soest is already a black dashed line here: Nederland is grey, finely dotted, with open squares.
    nederland = referentie.mark_line(strokeWidth=2, strokeDash=[1, 3], color=KLEUR_BUREN, aria=False,
                                     point=alt.OverlayMarkDef(shape="square", filled=False, size=60, color=KLEUR_BUREN)
                                     ).transform_filter("datum.rol == 'Nederland'")
    basis = alt.Chart().transform_filter("datum.rol == 'gebied'").encode(
        **assen,
        color=alt.Color("gebied_naam:N", title=None, scale=alt.Scale(range=[opmaak.KLEUR_GUNSTIG, "#1A1A1A"]),
                        legend=alt.Legend(orient="top", labelFontSize=LETTER - 2)),
        strokeDash=alt.StrokeDash("gebied_naam:N", legend=None), tooltip=tooltip,
    )
    lijn = basis.mark_line(point=alt.OverlayMarkDef(size=60, aria=False), strokeWidth=3, aria=False)
    tekst = basis.mark_text(dy=-10, fontSize=LETTER - 4, aria=False).encode(text="tekst:N")
    grafiek = alt.layer(buren, nederland, lijn, tekst, data=data).properties(width=200, height=130).facet(
        facet=alt.Facet("label:N", title=None, header=alt.Header(labelFontSize=LETTER - 3, labelLimit=260,
                                                                 labelColor=TEKST)),
        columns=kolommen,
    ).resolve_scale(y="independent").properties(
        description="Kleine lijndiagrammen per indicator: de wijk en Soest door de jaren; cijfers staan in de tabel.")
    uitleg = referentietitel(referenties).replace("□ Nederland", "□ Nederland (grijze stippellijn)").replace(
        "△ buurgemeenten", "─ buurgemeenten (dun, grijs)").strip()
    return grafiek.properties(title=alt.TitleParams(uitleg, fontSize=LETTER - 2, anchor="start",
                                                    fontWeight="normal")) if uitleg else grafiek
