"""Vergelijken: two or more wijken side by side (default Smitsveen and Soest-Zuid), largest differences first.

URL: ?wijken=WK034205,WK034207, optionally &soest=ja (Soest as a column) and &opgave=… (the open tab). The link is
the view: send it on.
"""

from functools import partial

import streamlit as st

import ui
from soest_data import url_state
from soest_data.begrippen import OPGAVEN
from soest_data.weergave import grafieken, regio, vergelijken

ui.pagina("Vergelijken")

g = ui.gegevens()
wijken = g.wijken
naam_van = g.wijknamen

keuze = url_state.kies_meerdere(st.query_params, "wijken", list(naam_van), url_state.STANDAARD_WIJKEN, "wijken")
soest_keuze = url_state.kies(st.query_params, "soest", ["ja", "nee"], "nee", "keuze voor de kolom Soest")


st.title("Wijken vergelijken")
ui.meldingen_van(keuze, soest_keuze)
ui.inhoudsopgave([("De grootste verschillen", "verschillen"), ("Alle indicatoren per opgave", "alle")])
st.markdown("Zet twee of meer wijken naast elkaar. Per indicator ziet u de cijfers, het verschil en een **index**: "
            "Soest = 100, dus 150 betekent anderhalf keer zo hoog als in heel Soest en 50 de helft. Zo kunt u "
            "indicatoren met verschillende eenheden naast elkaar lezen. De grootste verschillen staan bovenaan.")

links, rechts = st.columns([3, 1], vertical_alignment="bottom")
# One wijk is a choice still being made: it stays out of the URL until there are two.
gekozen = links.multiselect("Kies twee of meer wijken", list(naam_van), format_func=naam_van.get,
                            **ui.url_widget("vergelijk_wijken", "wijken", list(keuze.waarde),
                                            schrijf_als=lambda w: len(w) >= 2))
met_soest = rechts.checkbox("Soest als kolom erbij", **ui.url_widget("vergelijk_soest", "soest",
                                                                      soest_keuze.waarde == "ja", False))
if len(gekozen) < 2:
    st.warning("Kies minstens twee wijken om te vergelijken.")
    st.stop()
met_nederland, met_buren = ui.referentiekeuze("vergelijk_referentie")

gekozen = sorted(gekozen)  # wijk order, whatever the order of clicking: one cached state per combination of wijken
namen = [naam_van[c] for c in gekozen]
beoordeeld = ui.beoordeeld()
staat = tuple(gekozen)  # the page state every cached piece below depends on (with met_soest for the tables)


def _vergelijking() -> dict:
    """Everything the page derives from the choice of wijken, once per choice (not on every rerun)."""
    lang = vergelijken.vergelijking(beoordeeld, gekozen, naam_van)
    verschil = vergelijken.verschillen(lang)
    opgavendeel = vergelijken.opgaven(verschil)
    boven = vergelijken.grafiekgegevens(lang, opgavendeel)
    groepen = vergelijken.groepen(verschil)
    return {"lang": lang, "verschil": verschil, "opgavendeel": opgavendeel, "groepen": groepen,
            "samenvatting": vergelijken.samenvatting(lang, opgavendeel, gekozen, naam_van),
            "grootste": min(12, opgavendeel["indexverschil"].notna().sum()),
            "boven": list(boven["indicator"].unique()),
            "boven_jaren": list(boven[["indicator", "jaar"]].drop_duplicates().itertuples(index=False)),
            "delen": {o: verschil[verschil["opgave"] == o] for o in groepen}}


vergelijking = ui.bewaar("vergelijken", staat, _vergelijking)
lang, verschil, opgavendeel, samenvatting = (vergelijking[k] for k in ("lang", "verschil", "opgavendeel",
                                                                       "samenvatting"))
# Nederland and the buurgemeenten in each indicator's own year (the latest year, the same for every wijk), taken for
# all wijken so one set serves every choice of wijken. A reference: never in the ranking, the index spread or the tally.
keuze_ref = (met_nederland, met_buren)
referenties = ui.bewaar("vergelijken:referenties", keuze_ref, lambda: ui.referenties(
    beoordeeld[["indicator", "jaar"]].dropna().drop_duplicates().itertuples(index=False), met_nederland, met_buren))

# --- the biggest differences -----------------------------------------------------------------------------------------
st.header("De grootste verschillen", anchor="verschillen")
st.markdown(samenvatting)
st.markdown(f"**De {vergelijking['grootste']} grootste verschillen als index** — elke "
            "balk loopt van heel Soest (100, de stippellijn) naar de wijk. Achter elke balk: de wijk, de index en "
            "het teken (▲ gunstig, ▼ ongunstig, ● rond gemiddelde, ↑↓ hoger of lager zonder oordeel)."
            + vergelijken.referentie_uitleg(met_nederland, met_buren))
divergentie = ui.grafiekvorm("vergelijken:verschillen", (staat, keuze_ref), partial(
    vergelijken.divergentiegrafiek, referenties=referenties), lang, opgavendeel, samenvatting)
ui.breed_of_smal("verschillen", divergentie, ui.grafiekvorm("vergelijken:verschillen-smal", (staat, keuze_ref), partial(
    vergelijken.divergentiegrafiek, regelbreedte=grafieken.SMAL, referenties=referenties), lang, opgavendeel,
    samenvatting), alt=samenvatting)
if vergelijking["boven"]:
    ui.grafiek_download(divergentie, f"De grootste verschillen: {' en '.join(namen)} (index, Soest = 100)",
                        vergelijking["boven"], f"vergelijking_{'_'.join(gekozen)}_verschillen")
    ui.bronnen_van(vergelijking["boven_jaren"])
st.markdown("Deze vergelijking delen? De knop **Kopieer link** in het menu geeft de link naar precies deze keuze.")

# --- everything, per opgave ------------------------------------------------------------------------------------------
st.header("Alle indicatoren per opgave", anchor="alle")
st.markdown("Per opgave de cijfers naast elkaar, met eenheid en oordeel ten opzichte van Soest, het verschil en de "
            "index (Soest = 100). Grootste verschil bovenaan. Uitspraken uit de wijkprofielen ('hoger dan "
            "gemiddeld') staan er in woorden bij; die hebben geen index.")
groepen = vergelijking["groepen"]
tab_keuze = url_state.kies(st.query_params, "opgave", groepen, groepen[0], "opgave")
ui.meldingen_van(tab_keuze)
naar_id = {OPGAVEN[o]: o for o in groepen}
tabbladen = st.tabs([OPGAVEN[o] for o in groepen],
                    **ui.url_widget("vergelijk_tab", "opgave", OPGAVEN[tab_keuze.waarde], groepen[0],
                                    tekst_van=naar_id.get))
for tab, opgave in zip(tabbladen, groepen):
    with tab:
        deel = vergelijking["delen"][opgave]
        ui.tabel(ui.bewaar("vergelijken:tabel", (staat, met_soest, opgave, keuze_ref), lambda *a: vergelijken.tabel(
            *a).drop(columns="Opgave"), lang, verschil, gekozen, naam_van, met_soest, opgave, referenties),
                 f"vergelijking_{'_'.join(gekozen)}_{opgave}", "Download deze tabel", afdruk_kop=OPGAVEN[opgave], plat=True)
        if deel["indexverschil"].notna().any():
            with st.expander("Als grafiek (index, Soest = 100)"):
                zin = ui.bewaar("vergelijken:zin", (staat, opgave), vergelijken.samenvatting, lang, deel, gekozen,
                                naam_van)
                st.markdown(zin)
                ui.breed_of_smal(
                    f"verschillen-{opgave}",
                    ui.grafiekvorm("vergelijken:opgave", (staat, opgave, keuze_ref), partial(
                        vergelijken.divergentiegrafiek, aantal=None, referenties=referenties), lang, deel, zin),
                    ui.grafiekvorm("vergelijken:opgave-smal", (staat, opgave, keuze_ref), partial(
                        vergelijken.divergentiegrafiek, aantal=None, regelbreedte=grafieken.SMAL,
                        referenties=referenties), lang, deel, zin),
                    alt=zin)
        ui.bronnen_van(ui.bewaar("vergelijken:jaren", (staat, opgave), lambda d: list(
            d.dropna(subset=["jaar"])[["indicator", "jaar"]].itertuples(index=False)), deel))

# --- the tally per opgave (the same on every page) -------------------------------------------------------------------
st.header("Per opgave: de telling")
st.markdown("Per opgave hoeveel indicatoren van de vaste **kernset** ongunstig zijn ten opzichte van heel Soest — "
            "dezelfde telling als op [Aandacht per opgave](/aandacht) en in de wijkprofielen.")
st.dataframe(ui.bewaar("vergelijken:telling", staat, vergelijken.telling_tabel, ui.telling(), gekozen, naam_van),
             hide_index=True, width="stretch")

alles = ui.bewaar("vergelijken:alles", (staat, met_soest, keuze_ref), vergelijken.tabel, lang, verschil, gekozen,
                  naam_van, met_soest, None, referenties)
ui.download(alles, f"vergelijking_{'_'.join(gekozen)}", "Download de hele vergelijking"
            + (" (met " + regio.referentie_namen(met_nederland, met_buren) + ")" if met_nederland or met_buren
               else ""))

st.subheader("De wijkprofielen")
ui.wijkknoppen([(c, naam_van[c]) for c in gekozen], kolommen=max(2, min(4, len(gekozen))))
