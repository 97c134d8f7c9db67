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


def _legenda_oordeel() -> alt.Scale:
    return alt.Scale(domain=list(_OORDEEL_KLEUR), range=list(_OORDEEL_KLEUR.values()))


def wijkstaaf(wijken: pd.DataFrame, soest: float | None, eenheid: str, uitgelicht: str | None = None,
              hoogte_per_wijk: int = 30) -> alt.LayerChart:
    """Ranked horizontal bars of all wijken, Soest as a dashed reference line, one wijk highlighted.

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
    return alt.layer(*lagen).properties(height=hoogte_per_wijk * len(data) + 20)


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
    return (basis.mark_line(point=alt.OverlayMarkDef(size=80), strokeWidth=3)
            + basis.mark_text(dy=-12, fontSize=LETTER - 2).encode(text="label:N")).properties(height=220)
