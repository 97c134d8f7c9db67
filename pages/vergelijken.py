"""Vergelijken (content: soest_data/weergave/paginas/vergelijken.py). URL: ?wijken=WK034205,WK034207 (one wijk: that
wijk beside heel Soest), optionally &soest=ja (Soest as a column) and &opgave=… (the open tab). The link is the view:
send it on."""
import streamlit as st

import ui
from soest_data.begrippen import OPGAVEN
from soest_data.gemeente import GEMEENTE
from soest_data.weergave.paginas import vergelijken as pagina

ui.pagina("Vergelijken")
g = ui.gegevens()
staat = pagina.staat_uit(st.query_params, g)


def kiezer() -> None:
    links, rechts = st.columns([3, 1], vertical_alignment="bottom")
    # One wijk is compared with heel Soest; none is a choice still being made and stays out of the URL.
    gekozen = links.multiselect(f"Kies een wijk (naast heel {GEMEENTE.naam}) of meer wijken", list(g.wijknamen),
                                format_func=g.wijknamen.get,
                                **ui.url_widget("vergelijk_wijken", "wijken", list(staat.zoals_gekozen),
                                                schrijf_als=bool))
    if len(gekozen) != 1:  # one wijk always has Soest beside it
        rechts.checkbox(f"{GEMEENTE.naam} als kolom erbij",
                        **ui.url_widget("vergelijk_soest", "soest", staat.met_soest, False))
    if not gekozen:
        st.warning("Kies minstens één wijk om te vergelijken.")
        st.stop()


def referenties() -> None:
    ui.referentiekeuze("vergelijk_referentie", staat.nederland, staat.buren)


def tabbladen(titels: list[str]):
    naar_id = {OPGAVEN[o]: o for o in OPGAVEN}
    eerste = naar_id[titels[0]]
    return st.tabs(titels, **ui.url_widget("vergelijk_tab", "opgave", OPGAVEN[staat.opgave or eerste], eerste,
                                           tekst_van=naar_id.get))


ui.toon(ui.inhoud(pagina.bouw, g, staat), g, staat.meldingen,
        {"kiezer": kiezer, "referenties": referenties, "tabbladen": tabbladen})
