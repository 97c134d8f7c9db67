"""Kaart: one indicator on the map of the wijken (or buurten), with legend, ranked table and a summary sentence."""
from html import escape

import pandas as pd
import streamlit as st

import ui
from soest_data import opmaak, scoring, url_state
from soest_data.begrippen import OPGAVEN
from soest_data.gebieden import grenzen_bron
from soest_data.weergave import kaart, opgaveoverzicht

ui.pagina("Kaart")

STANDAARD_INDICATOR = "moeite_met_rondkomen_18plus"

g = ui.gegevens()
cat = g.indicatoren


def _op_kaart() -> tuple[pd.DataFrame, dict[str, str]]:
    # Only indicators with figures per wijk can be mapped; ordered by opgave so the picker reads as groups.
    op_kaart = cat[cat["wijken_met_waarde"] > 0].assign(
        opgave_volgorde=lambda d: d["opgave"].map({o: i for i, o in enumerate(OPGAVEN)})).sort_values(
        ["opgave_volgorde", "volgorde"])
    return op_kaart, {i: f"{OPGAVEN[o]} › {label}" for i, o, label in zip(op_kaart["id"], op_kaart["opgave"],
                                                                         op_kaart["label"])}


op_kaart, namen = ui.bewaar("kaart:keuzelijst", (), _op_kaart)

params = st.query_params  # every choice lives in the URL: indicator, niveau, jaar (url_state.PARAMETERS)
keuze_indicator = url_state.kies(params, "indicator", list(op_kaart["id"]), STANDAARD_INDICATOR, "indicator")
keuze_niveau = url_state.kies(params, "niveau", ["wijk", "buurt"], "wijk", "kaartlaag")

st.title("Kaart van de wijken")
ui.meldingen_van(keuze_indicator, keuze_niveau)


# The map comes first, fitted to the first screen: from 1600 px on the left with the choices, figures and legend
# beside it; below 1600 px across the page with them under it (ui.STIJL, .st-key-kaartindeling).
links, rechts = st.container(key="kaartindeling").columns([2, 1], gap="large")
kaartvak = links.container()
with rechts:
    indicator_id = st.selectbox("Indicator (per opgave)", list(namen), format_func=namen.get,
                                **ui.url_widget("kaart_indicator", "indicator", keuze_indicator.waarde,
                                                # the new indicator may not have the old year
                                                bij_wijziging=lambda: st.query_params.pop("jaar", None)))
    ind = ui.indicator(indicator_id)

    waarden = g.waarden
    niveaus_met_cijfers = set(waarden.loc[(waarden["indicator"] == indicator_id) & waarden["waarde"].notna(), "niveau"])
    kan_buurten = "buurt" in niveaus_met_cijfers
    niveau = keuze_niveau.waarde if kan_buurten else "wijk"
    buurten = st.toggle("Toon de 29 buurten", disabled=not kan_buurten,
                        help=None if kan_buurten else "Deze indicator is er niet per buurt.",
                        **ui.url_widget("kaart_buurten", "niveau", niveau == "buurt", "wijk",
                                        tekst_van=lambda b: "buurt" if b else "wijk"))
    niveau = "buurt" if buurten and kan_buurten else "wijk"
    if not kan_buurten:
        st.caption("Deze indicator is er alleen per wijk.")

    jaren = sorted(set(waarden.loc[(waarden["indicator"] == indicator_id) & (waarden["niveau"] == niveau), "jaar"]))
    keuze_jaar = url_state.kies_jaar(params, jaren, jaren[-1])
    ui.meldingen_van(keuze_jaar)
    jaar = st.segmented_control("Jaar", jaren, **ui.url_widget("kaart_jaar", "jaar", keuze_jaar.waarde)) \
        if len(jaren) > 1 else jaren[0]
    jaar = jaar or keuze_jaar.waarde  # a segmented control can be emptied; keep the year then
    if len(jaren) == 1:
        st.markdown(f"**Jaar:** {ind['meetjaar']} (de bron noemt geen meetjaar)" if ind["meetjaar"]
                    else f"**Jaar:** {jaar} (het enige jaar met cijfers)")

    beeld = ui.bewaar("kaart:beeld", (indicator_id, jaar, niveau, None), kaart.kaartbeeld, ui.kaartvormen(niveau), waarden,
                      ind, jaar, niveau)
    if beeld.kan_tov_soest:
        kleuring = st.radio("Kleur", ["t.o.v. Soest", f"verdeling over de {niveau}en"], horizontal=True,
                            key=f"kaart_kleur_{niveau}",  # the options name the layer
                            help="t.o.v. Soest: dezelfde regel als in de wijkprofielen en bij Aandacht per opgave. "
                                 f"Verdeling: vijf gelijke stappen van de laagste tot de hoogste {niveau}.")
        if kleuring != "t.o.v. Soest":
            beeld = ui.bewaar("kaart:beeld", (indicator_id, jaar, niveau, False), kaart.kaartbeeld, ui.kaartvormen(niveau),
                              waarden, ind, jaar, niveau, False)

    kaartvak.subheader(f"{ind['label']} — {opgaveoverzicht.jaar_tekst(jaar, ind['meetjaar'])}")  # above the map
    met_nederland, met_buren = ui.referentiekeuze("kaart_referentie", naast_elkaar=False)
    referenties = ui.bewaar("kaart:referenties", (indicator_id, jaar, met_nederland, met_buren), ui.referenties,
                            [(indicator_id, jaar)], met_nederland, met_buren)
    if beeld.soest is not None:
        regel = f"Soest: {opmaak.waarde_met_eenheid(beeld.soest, ind['eenheid'])}"
        nl = referenties[referenties["rol"] == "Nederland"]
        if len(nl):
            regel += f" · Nederland: {nl['tekst'].iloc[0]}"
        st.markdown(f"<p class='referentie'>{escape(regel)}</p>", unsafe_allow_html=True)
    buren = referenties[referenties["rol"] == "buurgemeente"]
    if len(buren):
        st.markdown("Buurgemeenten, zelfde bron en jaar: " + ", ".join(
            f"{n} {t}" for n, t in zip(buren["gebied_naam"], buren["tekst"])) + ".")
    elif scoring.is_aantal(ind["eenheid"]):
        st.markdown("Dit is een aantal: grote wijken hebben vanzelf meer. Vergelijk wijken liever met een percentage.")
    kleurrichting = ind["richting"] if scoring.wordt_beoordeeld(ind["richting"], ind["rol"]) \
        and not scoring.is_aantal(ind["eenheid"]) else "neutraal"
    st.markdown(f"**{beeld.samenvatting}**\n\n**Legenda** — " + (
        f"de {niveau} ten opzichte van heel Soest, met de regel van [Aandacht per opgave](/aandacht)."
        if beeld.tov_soest else kaart.uitleg_kleur(kleurrichting)))
    ui.legenda(beeld.legenda)
    st.markdown(f"Eenheid: {opmaak.eenheid(ind['eenheid'])}. Gearceerd = geen cijfer; dat is iets anders dan een laag "
                "cijfer."
                + (" Namen staan alleen in buurten waar ze passen; wijs een buurt aan voor naam en cijfer."
                   if niveau == "buurt" else ""))

with kaartvak:
    # three forms (kaartvormen.FORMATEN), one shown per window width (ui.STIJL, .st-key-kaartvorm-*); each serialised
    # once per (indicator, year, level, colouring, size) and database version
    for vorm in kaart.FORMATEN:
        with st.container(key=f"kaartvorm-{vorm}"):
            ui.kaart(f"kaart-{vorm}", (indicator_id, jaar, niveau, beeld.tov_soest), lambda v=vorm: beeld.decks[v],
                     height=kaart.HOOGTE[vorm], on_select="rerun", selection_mode="single-object",
                     key=f"kaart-{niveau}-{vorm}", alt=beeld.samenvatting)
    for vorm in kaart.FORMATEN:
        keuze = st.session_state.get(f"kaart-{niveau}-{vorm}")
        gekozen = (keuze.selection.get("objects") or {}).get("gebieden") if keuze else None
        if gekozen and niveau == "wijk":
            st.switch_page("pages/wijkprofiel.py", query_params={"wijk": gekozen[0]["properties"]["code"]})
    st.markdown(f"<div class='bron'>Grenzen: {grenzen_bron(g.bouwinfo)}. Geen achtergrondkaart: de kaart werkt ook "
                "offline.</div>", unsafe_allow_html=True)
    ui.bronvermelding(indicator_id, jaar)
    ui.grafiek_download(lambda: kaart.kaartafbeelding(beeld), f"{ind['label']} — {jaar}, per {niveau}", [indicator_id],
                        f"kaart_{indicator_id}_{jaar}_{niveau}")

st.subheader("De cijfers op een rij")
if niveau == "wijk":
    st.markdown("Kies een wijk in de tabel (of klik op de kaart) om het wijkprofiel te openen.")
tabel = beeld.ranglijst
selectie = ui.tabel(ui.bewaar("kaart:ranglijst", (indicator_id, jaar, niveau, beeld.tov_soest),
                              lambda: tabel.drop(columns="code")),
                    f"soest_{indicator_id}_{jaar}_{niveau}_ranglijst", "Download deze tabel",
                    on_select="rerun", selection_mode="single-row", key=f"ranglijst-{niveau}")
rijen = selectie.selection.rows if selectie else []
if rijen and niveau == "wijk":
    st.switch_page("pages/wijkprofiel.py", query_params={"wijk": tabel.iloc[rijen[0]]["code"]})
if niveau == "wijk":
    ui.wijkknoppen(list(zip(tabel["code"], tabel["Gebied"])))
ui.download(ui.exportregels(indicator_id, jaar, niveau), f"soest_{indicator_id}_{jaar}_{niveau}",
            "Download de cijfers met bron en vindplaats")
