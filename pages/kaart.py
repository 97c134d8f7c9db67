"""Kaart (content: soest_data/weergave/paginas/kaart.py). Every choice lives in the URL: indicator, niveau, jaar and
the reference switches; the colouring is a choice of this visit (kaart_kleur_*)."""
from dataclasses import replace

import streamlit as st

import ui
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import kaart
from soest_data.weergave.paginas import kaart as pagina

ui.pagina("Kaart")
g = ui.gegevens()
staat = pagina.staat_uit(st.query_params, g)
tov = f"t.o.v. {GEMEENTE.naam}"
staat = replace(staat, verdeling=st.session_state.get(f"kaart_kleur_{staat.niveau}", tov) != tov)
namen = pagina.op_kaart(g)


def keuzes() -> None:
    st.selectbox("Indicator (per opgave)", list(namen), format_func=namen.get,
                 **ui.url_widget("kaart_indicator", "indicator", staat.indicator,
                                 # the new indicator may not have the old year
                                 bij_wijziging=lambda: st.query_params.pop("jaar", None)))
    st.toggle(f"Toon de {int((g.gebieden['niveau'] == 'buurt').sum())} buurten", disabled=not staat.kan_buurten,
              help=None if staat.kan_buurten else "Deze indicator is er niet per buurt.",
              **ui.url_widget("kaart_buurten", "niveau", staat.niveau == "buurt", "wijk",
                              tekst_van=lambda b: "buurt" if b else "wijk"))
    if not staat.kan_buurten:
        st.caption("Deze indicator is er alleen per wijk.")
    if len(staat.jaren) > 1:
        st.segmented_control("Jaar", list(staat.jaren), **ui.url_widget("kaart_jaar", "jaar", staat.jaar))


def kleur() -> None:
    st.radio("Kleur", [f"t.o.v. {GEMEENTE.naam}", f"verdeling over de {staat.niveau}en"], horizontal=True,
             key=f"kaart_kleur_{staat.niveau}",  # the options name the layer
             help=f"t.o.v. {GEMEENTE.naam}: dezelfde regel als in de wijkprofielen en bij Aandacht per opgave. "
                  f"Verdeling: vijf gelijke stappen van de laagste tot de hoogste {staat.niveau}.")


def referenties() -> None:
    ui.referentiekeuze("kaart_referentie", staat.nederland, staat.buren, naast_elkaar=False)


inhoud = ui.inhoud(pagina.bouw, g, staat)
ui.toon(inhoud, g, staat.meldingen, {"keuzes": keuzes, "kleur": kleur, "referenties": referenties})

# A wijk clicked on the map or chosen in the table opens its profile.
if staat.niveau == "wijk":
    for vorm in kaart.FORMATEN:
        keuze = st.session_state.get(f"kaart-wijk-{vorm}")
        gekozen = (keuze.selection.get("objects") or {}).get("gebieden") if keuze else None
        if gekozen:
            st.switch_page("pages/wijkprofiel.py", query_params={"wijk": gekozen[0]["properties"]["code"]})
    rij = st.session_state.get("ranglijst-wijk")
    if rij and rij.selection.rows:
        st.switch_page("pages/wijkprofiel.py", query_params={"wijk": inhoud.meta["codes"][rij.selection.rows[0]]})
