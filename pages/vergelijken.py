"""Vergelijken: two or more wijken side by side (default Smitsveen and Soest-Zuid), largest differences first.

URL: ?wijken=WK034205,WK034207 and optionally &soest=ja (Soest as a column). The link is the view: send it on.
"""
import streamlit as st

import ui
from soest_data import url_state
from soest_data.begrippen import OPGAVEN
from soest_data.weergave import grafieken, vergelijken

ui.pagina("Vergelijken")

g = ui.gegevens()
wijken = g.wijken
naam_van = g.wijknamen

keuze = url_state.kies_meerdere(st.query_params, "wijken", list(naam_van), url_state.STANDAARD_WIJKEN, "wijken")
soest_keuze = url_state.kies(st.query_params, "soest", ["ja", "nee"], "nee", "keuze voor de kolom Soest")


def _volg_url(sleutel: str, waarde, url_tekst: str) -> None:
    """An opened or changed link sets the widget; a widget change the user is still making (one wijk) is kept."""
    gezien = f"_{sleutel}_url"
    if sleutel not in st.session_state or st.session_state.get(gezien) != url_tekst:
        st.session_state[sleutel] = waarde
        st.session_state[gezien] = url_tekst


def _wijken_naar_url() -> None:
    gekozen = st.session_state["vergelijk_wijken"]
    if len(gekozen) >= 2:
        tekst = ",".join(gekozen)
        st.query_params["wijken"] = tekst
        st.session_state["_vergelijk_wijken_url"] = tekst


def _soest_naar_url() -> None:
    tekst = "ja" if st.session_state["vergelijk_soest"] else "nee"
    if tekst == "ja":
        st.query_params["soest"] = "ja"
    else:
        st.query_params.pop("soest", None)
    st.session_state["_vergelijk_soest_url"] = st.query_params.get("soest", "")


st.title("Wijken vergelijken")
ui.meldingen(keuze, soest_keuze)
ui.inhoudsopgave([("De grootste verschillen", "verschillen"), ("Alle indicatoren per opgave", "alle")])
st.markdown("Zet twee of meer wijken naast elkaar. Per indicator ziet u de cijfers, het verschil en een **index**: "
            "Soest = 100, dus 150 betekent anderhalf keer zo hoog als in heel Soest en 50 de helft. Zo kunt u "
            "indicatoren met verschillende eenheden naast elkaar lezen. De grootste verschillen staan bovenaan.")

_volg_url("vergelijk_wijken", list(keuze.waarde), st.query_params.get("wijken", ""))
_volg_url("vergelijk_soest", soest_keuze.waarde == "ja", st.query_params.get("soest", ""))
links, rechts = st.columns([3, 1], vertical_alignment="bottom")
gekozen = links.multiselect("Kies twee of meer wijken", list(naam_van), format_func=naam_van.get,
                            key="vergelijk_wijken", on_change=_wijken_naar_url)
met_soest = rechts.checkbox("Soest als kolom erbij", key="vergelijk_soest", on_change=_soest_naar_url)
if len(gekozen) < 2:
    st.warning("Kies minstens twee wijken om te vergelijken.")
    st.stop()

namen = [naam_van[c] for c in gekozen]
beoordeeld = ui.beoordeeld()
lang = vergelijken.vergelijking(beoordeeld, gekozen, naam_van)
verschil = vergelijken.verschillen(lang)
opgavendeel = vergelijken.opgaven(verschil)
samenvatting = vergelijken.samenvatting(lang, opgavendeel, gekozen, naam_van)

# --- the biggest differences -----------------------------------------------------------------------------------------
st.header("De grootste verschillen", anchor="verschillen")
st.markdown(samenvatting)
st.markdown(f"**De {min(12, opgavendeel['indexverschil'].notna().sum())} grootste verschillen als index** — elke "
            "balk loopt van heel Soest (100, de stippellijn) naar de wijk. Achter elke balk: de wijk, de index en "
            "het teken (▲ gunstig, ▼ ongunstig, ● rond gemiddelde, ↑↓ hoger of lager zonder oordeel).")
ui.breed_of_smal("verschillen", vergelijken.divergentiegrafiek(lang, opgavendeel, samenvatting),
                 vergelijken.divergentiegrafiek(lang, opgavendeel, samenvatting, regelbreedte=grafieken.SMAL),
                 alt=samenvatting)
boven = vergelijken.grafiekgegevens(lang, opgavendeel)
if len(boven):
    ui.bronnen_van(boven[["indicator", "jaar"]].drop_duplicates().itertuples(index=False))
st.markdown(f"Link naar precies deze vergelijking: `vergelijken?wijken={','.join(gekozen)}"
            f"{'&soest=ja' if met_soest else ''}` — kopieer de link uit de adresbalk om hem te delen.")

# --- everything, per opgave ------------------------------------------------------------------------------------------
st.header("Alle indicatoren per opgave", anchor="alle")
st.markdown("Per opgave de cijfers naast elkaar, met eenheid en oordeel ten opzichte van Soest, het verschil en de "
            "index (Soest = 100). Grootste verschil bovenaan. Uitspraken uit de wijkprofielen ('hoger dan "
            "gemiddeld') staan er in woorden bij; die hebben geen index.")
groepen = vergelijken.groepen(verschil)
tabbladen = st.tabs([OPGAVEN[o] for o in groepen])
for tab, opgave in zip(tabbladen, groepen):
    with tab:
        deel = verschil[verschil["opgave"] == opgave]
        # A plain table, not a data grid: every row and column visible, long words wrap.
        st.table(vergelijken.tabel(lang, verschil, gekozen, naam_van, met_soest, opgave).drop(columns="Opgave"),
                 hide_index=True)
        if deel["indexverschil"].notna().any():
            with st.expander("Als grafiek (index, Soest = 100)"):
                zin = vergelijken.samenvatting(lang, deel, gekozen, naam_van)
                st.markdown(zin)
                ui.breed_of_smal(f"verschillen-{opgave}", vergelijken.divergentiegrafiek(lang, deel, zin, aantal=None),
                                 vergelijken.divergentiegrafiek(lang, deel, zin, aantal=None,
                                                                regelbreedte=grafieken.SMAL), alt=zin)
        ui.bronnen_van(deel.dropna(subset=["jaar"])[["indicator", "jaar"]].itertuples(index=False))

alles = vergelijken.tabel(lang, verschil, gekozen, naam_van, met_soest)
ui.download(alles, f"vergelijking_{'_'.join(gekozen)}.csv", "Download deze vergelijking (CSV)")

st.subheader("De wijkprofielen")
ui.wijkknoppen([(c, naam_van[c]) for c in gekozen], kolommen=max(2, min(4, len(gekozen))))
