"""Wijkprofiel: one wijk against Soest — header, the five opgaven at a glance, per opgave its indicators, the story."""
from functools import partial
from html import escape

import pandas as pd
import streamlit as st

import ui
from soest_data import opmaak, scoring, url_state
from soest_data.begrippen import OPGAVEN, SOEST, VIJF_OPGAVEN
from soest_data.weergave import enquete, grafieken, kaart, regio, verandering, wijkprofiel

ui.pagina("Wijkprofiel")

g = ui.gegevens()
wijken = g.wijken
naam_van = g.wijknamen
keuze = url_state.kies(st.query_params, "wijk", list(naam_van), None, "wijk")

if keuze.waarde is None:
    st.title("Wijkprofiel")
    if keuze.melding:  # the link's text itself is not shown: nothing a visitor types is rendered as markdown
        st.info("De wijk in de link is niet bekend. Kies hieronder een wijk.")
    st.markdown("Kies de wijk waarvan u het profiel wilt zien:")
    ui.wijkknoppen(list(naam_van.items()))
    st.stop()

wijk = keuze.waarde
if ui.presentatie():  # one opgave of this wijk per screen; ← and → step through the opgaven
    ui.dia("pages/wijkprofiel.py", wijk, url_state.kies(st.query_params, "opgave", VIJF_OPGAVEN, VIJF_OPGAVEN[0],
                                                         "opgave").waarde, "opgave")
    st.stop()


waarden = g.waarden
kop = ui.bewaar("wijkprofiel:kop", wijk, lambda: wijkprofiel.kop(wijk, g.gebieden, waarden))
beoordeeld = ui.beoordeeld()
verhalen = g.verhalen[g.verhalen["gebied"] == wijk]

st.title(f"Wijkprofiel {kop.naam}")
ui.presentatieknop("pages/wijkprofiel.py", wijk=wijk, opgave=st.query_params.get("opgave", VIJF_OPGAVEN[0]))
ui.inhoudsopgave([
    ("De vijf opgaven in één oogopslag", "opgaven"),
    ("Het verhaal van de wijk", "verhaal"),
    ("Per opgave", "per-opgave"),
])
kiezer, pdf = st.columns([3, 1], vertical_alignment="bottom")
kiezer.selectbox("Kies een andere wijk", list(naam_van), format_func=naam_van.get,
                 **ui.url_widget("profiel_wijk", "wijk", wijk))
with pdf:
    ui.factsheet_knop("wijk", wijk, kop.naam)
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
    ui.kaart("locator", wijk, lambda: kaart.locatorkaart(ui.vormen("wijk"), wijk), height=240,
                    alt=f"Kaartje van Soest met de ligging van {kop.naam}.")

st.header("De vijf opgaven in één oogopslag", anchor="opgaven")
st.markdown(f"Hoe {kop.naam} het doet ten opzichte van heel Soest: per opgave, over de vaste kernset van de opgave, "
            f"het aantal indicatoren dat gunstig (▲), rond het gemiddelde (●) of ongunstig (▼) uitvalt — dezelfde "
            f"telling als op [Aandacht per opgave](/aandacht?wijk={wijk}). Een wijk wijkt af bij meer dan "
            f"{opmaak.getal(scoring.STANDAARD_MARGE * scoring.PROCENTPUNT_PER_MARGE, 1)} procentpunt (percentages) of "
            f"{round(scoring.STANDAARD_MARGE * 100)} % (overige cijfers); zorggebruik en achtergrond krijgen geen oordeel.")
samenvatting = ui.bewaar("wijkprofiel:oogopslag", wijk, lambda: [
    rij for _, rij in wijkprofiel.opgaven_in_een_oogopslag(ui.telling(), wijk, ui.standpunten()).iterrows()])
for rij in ui.in_kolommen(samenvatting, 3):
    with st.container(border=True, height="stretch"):
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
opgave_keuze = url_state.kies(st.query_params, "opgave", VIJF_OPGAVEN, VIJF_OPGAVEN[0], "opgave")
ui.meldingen(opgave_keuze)
opgave = st.segmented_control("Opgave", VIJF_OPGAVEN, format_func=OPGAVEN.get,
                              **ui.url_widget("profiel_opgave", "opgave", opgave_keuze.waarde, VIJF_OPGAVEN[0]))
opgave = opgave or VIJF_OPGAVEN[0]

stemmen = verhalen[(verhalen["opgave"] == opgave) & (verhalen["soort"] == "inwoners")]
if len(stemmen):
    st.markdown(f"**{enquete.SAMENGEVAT}**")
    st.markdown("\n".join(f"- {enquete.stem_tekst(v)}" for _, v in stemmen.iterrows()))
    ui.verhaalbron(stemmen)

nederland = ui.bewaar("nederland_per_jaar", (), regio.nederland_per_jaar, waarden)


def _opgavedeel() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list]:
    rijen = wijkprofiel.indicatoren_van_opgave(beoordeeld, wijk, opgave)
    getallen = beoordeeld[(beoordeeld["opgave"] == opgave) & (beoordeeld["soort"] == "getal")]
    return (rijen, wijkprofiel.profieltabel(rijen, wijk, nederland).drop(columns="opgave"),
            getallen if getallen["waarde"].notna().any() else getallen.iloc[:0],
            list(rijen[["indicator", "jaar"]].itertuples(index=False)))


rijen, profieltabel, getallen, jaren = ui.bewaar("wijkprofiel:opgave", (wijk, opgave), _opgavedeel)
if rijen.empty:
    st.markdown("Voor deze opgave zijn er nog geen cijfers per wijk.")
else:
    st.markdown(f"**{OPGAVEN[opgave]}: {kop.naam} naast Soest en Nederland** (Nederland: zelfde bron en jaar; "
                "– = geen landelijk cijfer)")
    ui.tabel(profieltabel, f"wijkprofiel_{wijk}_{opgave}", "Download deze tabel", plat=True)
    met_nederland, met_buren = ui.referentiekeuze("profiel_referentie")
    staat = (wijk, opgave, met_nederland, met_buren)

    def referenties(naam: str, frame: pd.DataFrame) -> pd.DataFrame:
        """Nederland / buurgemeenten (as switched) for the (indicator, jaar) pairs of `frame`, cached per state."""
        return ui.bewaar(f"wijkprofiel:{naam}", staat, lambda: ui.referenties(
            frame[["indicator", "jaar"]].itertuples(index=False), met_nederland, met_buren))

    if len(getallen):
        ref = referenties("referenties", getallen)
        st.markdown(f"**Alle wijken per indicator** — ◆ {kop.naam}, ● de andere wijken, ┃ Soest"
                    + (", □ Nederland" if met_nederland else "") + (", △ buurgemeenten" if met_buren else "")
                    + ". Blauw = gunstig, oranje = ongunstig, grijs = rond het gemiddelde, paars = geen oordeel.")
        stippen = ui.grafiekvorm("stippen", staat, partial(grafieken.stippen, referenties=ref), getallen, wijk, kop.naam)
        ui.breed_of_smal("stippen", stippen, ui.grafiekvorm("stippen-smal", staat, partial(
            grafieken.stippen, referenties=ref, regelbreedte=grafieken.SMAL), getallen, wijk, kop.naam),
                         alt=f"Per indicator {kop.naam} naast de andere wijken en Soest; de cijfers staan in de tabel "
                             "erboven.")
        ui.grafiek_download(stippen, f"{OPGAVEN[opgave]}: {kop.naam} naast de andere wijken en Soest",
                            getallen["indicator"].unique(), f"wijkprofiel_{wijk}_{opgave}_stippen")
    reeksen = ui.bewaar("wijkprofiel:reeksen", (wijk, opgave), wijkprofiel.trendreeksen, waarden, rijen, wijk)
    if len(reeksen):
        ref = referenties("trendreferenties", reeksen)
        per_indicator = ui.bewaar("wijkprofiel:trendreferenties-per-indicator", staat, lambda: dict(tuple(
            ref.groupby("indicator"))))
        st.markdown(f"**Ontwikkeling door de jaren** — {kop.naam} (blauw) en Soest (zwart, gestreept)"
                    + (", Nederland als grijze stippellijn met open vierkantjes" if met_nederland and len(ref) else "")
                    + (", de buurgemeenten als dunne grijze streepjeslijnen" if met_buren and len(ref) else ""))
        for indicator_id, label, reeks in ui.in_kolommen(ui.bewaar("wijkprofiel:panelen", (wijk, opgave), lambda: [
                (i, r["label"].iloc[0], r) for i, r in reeksen.groupby("indicator", sort=False)]), 3):
            ui.grafiek("wijkprofiel:trend", (*staat, indicator_id), partial(
                grafieken.trend, titel=label, referenties=per_indicator.get(indicator_id)), reeks,
                reeks["eenheid"].iloc[0], alt=f"{label}: {kop.naam} en Soest door de jaren; de cijfers staan in de "
                                              "tabel erboven.",
                download=(f"{label}: {kop.naam} en Soest door de jaren", [indicator_id],
                          f"wijkprofiel_{wijk}_{indicator_id}_trend"))
    ui.bronnen_van(jaren)

st.header("Wat is veranderd")


def _veranderd() -> dict:
    veranderingen = ui.veranderingen()
    deze = veranderingen[veranderingen["gebied_code"] == wijk]
    grootste = verandering.grootste(deze, 5)
    return {"samenvatting": verandering.samenvatting(deze, kop.naam),
            "grootste": "\n".join(f"- {r['label']}: {r['zin']}" for _, r in grootste.iterrows()),
            "voorbehoud": f"{verandering.drempel_in_woorden()} {verandering.voorbehouden(deze, g.bronnen)}",
            "tabel": verandering.tabel(deze, veranderingen[veranderingen["gebied_code"] == SOEST]) if len(deze) else None,
            "indicatoren": deze["indicator"].unique(),
            "jaren": [*deze[["indicator", "jaar_van"]].itertuples(index=False),
                      *deze[["indicator", "jaar_naar"]].itertuples(index=False)]}


veranderd = ui.bewaar("wijkprofiel:veranderd", wijk, _veranderd)
st.markdown(veranderd["samenvatting"])
if veranderd["grootste"]:
    st.markdown("**De grootste veranderingen**")
    st.markdown(veranderd["grootste"])
st.markdown(f"<div class='bron'>{escape(veranderd['voorbehoud'])}</div>", unsafe_allow_html=True)
if veranderd["tabel"] is not None:
    with st.expander("Alle veranderingen van deze wijk, naast heel Soest"):
        ui.tabel(veranderd["tabel"], f"wijkprofiel_{wijk}_veranderd", "Download deze tabel",
                 indicator_ids=veranderd["indicatoren"])
    ui.bronnen_van(veranderd["jaren"])

with st.expander("Alle cijfers van deze wijk in één tabel"):
    ui.tabel(ui.bewaar("wijkprofiel:alle", wijk, wijkprofiel.profieltabel, beoordeeld, wijk, nederland),
             f"wijkprofiel_{wijk}_alle")
ui.download(ui.exportregels(None, gebied=wijk), f"wijkprofiel_{wijk}",
            "Download alle cijfers van deze wijk, met Soest, Nederland en de buurgemeenten")
