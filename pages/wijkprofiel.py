"""Wijkprofiel: one wijk against Soest — header, the five opgaven at a glance, per opgave its indicators, the story."""
import streamlit as st

import ui
from soest_data import scoring, url_state
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.weergave import grafieken, kaart, wijkprofiel

ui.pagina("Wijkprofiel")

g = ui.gegevens()
wijken = g.wijken
naam_van = g.wijknamen
keuze = url_state.kies(st.query_params, "wijk", list(naam_van), None, "wijk")

if keuze.waarde is None:
    st.title("Wijkprofiel")
    if keuze.melding:
        st.info(f"De wijk in de link is niet bekend ('{st.query_params.get('wijk', '')[:40]}'). Kies hieronder een wijk.")
    st.markdown("Kies de wijk waarvan u het profiel wilt zien:")
    ui.wijkknoppen(list(naam_van.items()))
    st.stop()

wijk = keuze.waarde
if ui.presentatie():  # one opgave of this wijk per screen; ← and → step through the opgaven
    ui.dia("pages/wijkprofiel.py", wijk, url_state.kies(st.query_params, "opgave", VIJF_OPGAVEN, VIJF_OPGAVEN[0],
                                                         "opgave").waarde, "opgave")
    st.stop()


def _wijk_naar_url():
    st.query_params["wijk"] = st.session_state["profiel_wijk"]



waarden = g.waarden
kop = wijkprofiel.kop(wijk, g.gebieden, waarden)
beoordeeld = ui.beoordeeld()
verhalen = g.verhalen[g.verhalen["gebied"] == wijk]

st.title(f"Wijkprofiel {kop.naam}")
ui.presentatieknop("pages/wijkprofiel.py", wijk=wijk, opgave=st.query_params.get("opgave", VIJF_OPGAVEN[0]))
ui.inhoudsopgave([
    ("De vijf opgaven in één oogopslag", "opgaven"),
    ("Het verhaal van de wijk", "verhaal"),
    ("Per opgave", "per-opgave"),
])
ui.widget_volgt_url("profiel_wijk", wijk)
st.selectbox("Kies een andere wijk", list(naam_van), format_func=naam_van.get, key="profiel_wijk",
             on_change=_wijk_naar_url)
links, rechts = st.columns([3, 2], gap="large")
with links:
    st.markdown(f"**Inwoners:** {kop.inwoners}  \n**Oppervlakte:** {kop.oppervlakte}  \n"
                f"**Buurten ({len(kop.buurten)}):** {', '.join(kop.buurten)}")
    st.caption("Inwoners en oppervlakte: CBS, Kerncijfers wijken en buurten, met het jaar erbij. Noemt het verhaal "
               "hieronder een ander aantal inwoners, dan komt dat uit de bron van het verhaal (een ander jaar of een "
               "andere telling; zie de bron onder het verhaal).")
    for _, v in verhalen[verhalen["soort"] == "voorbehoud"].iterrows():
        st.warning(f"**Let op:** {v['tekst']}")
with rechts:
    st.pydeck_chart(kaart.locatorkaart(ui.vormen("wijk"), wijk), height=240,
                    alt=f"Kaartje van Soest met de ligging van {kop.naam}.")

st.header("De vijf opgaven in één oogopslag", anchor="opgaven")
st.markdown(f"Hoe {kop.naam} het doet ten opzichte van heel Soest: per opgave het aantal indicatoren dat gunstig "
            f"(▲), rond het gemiddelde (●) of ongunstig (▼) uitvalt. Een wijk wijkt af bij meer dan "
            f"{round(scoring.STANDAARD_MARGE * 100)} % verschil met de Soester waarde.")
samenvatting = wijkprofiel.opgaven_in_een_oogopslag(beoordeeld, wijk)
for start in range(0, len(samenvatting), 3):
    for vak, (_, rij) in zip(st.columns(3), samenvatting.iloc[start:start + 3].iterrows()):
        with vak.container(border=True, height="stretch"):
            ui.opgavekaart(rij)

st.header("Het verhaal van de wijk", anchor="verhaal")
for soort, kopje in (("situatieschets", None), ("sterk", "Sterke kanten"), ("aandacht", "Aandachtspunten")):
    deel = verhalen[verhalen["soort"] == soort]
    if kopje and len(deel):
        st.markdown(f"**{kopje}**")
    for _, v in deel.iterrows():
        st.markdown(f"{'- ' if kopje else ''}{v['tekst']}")
if len(verhalen):
    ui.verhaalbron(verhalen)
else:
    st.markdown("Voor deze wijk is nog geen beschrijving opgenomen.")

st.header("Per opgave", anchor="per-opgave")
ui.widget_volgt_url("profiel_opgave", url_state.kies(st.query_params, "opgave", VIJF_OPGAVEN,
                                                      VIJF_OPGAVEN[0], "opgave").waarde)
opgave = st.segmented_control("Opgave", VIJF_OPGAVEN, format_func=OPGAVEN.get, key="profiel_opgave",
                              on_change=lambda: st.query_params.update(opgave=st.session_state["profiel_opgave"] or ""))
opgave = opgave or VIJF_OPGAVEN[0]

stemmen = verhalen[(verhalen["opgave"] == opgave) & (verhalen["soort"] == "inwoners")]
if len(stemmen):
    st.markdown("**Wat inwoners zeggen**")
    for _, v in stemmen.iterrows():
        st.markdown(f"> {v['tekst']}")
    ui.verhaalbron(stemmen)

rijen = wijkprofiel.indicatoren_van_opgave(beoordeeld, wijk, opgave)
if rijen.empty:
    st.markdown("Voor deze opgave zijn er nog geen cijfers per wijk.")
else:
    st.markdown(f"**{OPGAVEN[opgave]}: {kop.naam} naast Soest**")
    # A plain table, not a data grid: every row and column visible, long words wrap (also on a phone).
    st.table(wijkprofiel.profieltabel(rijen, wijk).drop(columns="opgave"), hide_index=True)
    getallen = beoordeeld[(beoordeeld["opgave"] == opgave) & (beoordeeld["soort"] == "getal")]
    if getallen["waarde"].notna().any():
        st.markdown(f"**Alle wijken per indicator** — ◆ {kop.naam}, ● de andere wijken, ┃ Soest. "
                    "Blauw = gunstig, oranje = ongunstig, grijs = rond het gemiddelde, paars = geen oordeel.")
        ui.breed_of_smal("stippen", ui.grafiekspec(grafieken.stippen, getallen, wijk, kop.naam),
                         ui.grafiekspec(grafieken.stippen, getallen, wijk, kop.naam, regelbreedte=grafieken.SMAL),
                         alt=f"Per indicator {kop.naam} naast de andere wijken en Soest; de cijfers staan in de tabel "
                             "erboven.")
    reeksen = wijkprofiel.trendreeksen(waarden, rijen, wijk)
    if len(reeksen):
        st.markdown(f"**Ontwikkeling door de jaren** — {kop.naam} en Soest")
        panelen = list(reeksen.groupby("label", sort=False))
        for start in range(0, len(panelen), 3):
            for vak, (label, reeks) in zip(st.columns(3, gap="large"), panelen[start:start + 3]):
                with vak:
                    ui.grafiek(grafieken.trend, reeks, reeks["eenheid"].iloc[0], titel=label,
                               alt=f"{label}: {kop.naam} en Soest door de jaren; de cijfers staan in de tabel erboven.")
    ui.bronnen_van(rijen[["indicator", "jaar"]].itertuples(index=False))

with st.expander("Alle cijfers van deze wijk in één tabel"):
    tabel = wijkprofiel.profieltabel(beoordeeld, wijk)
    st.dataframe(tabel, hide_index=True, width="stretch")
ui.download(ui.exportregels(None, gebied=wijk), f"wijkprofiel_{wijk}.csv", "Download alle cijfers van deze wijk (CSV)")
