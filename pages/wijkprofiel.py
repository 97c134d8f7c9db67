"""Wijkprofiel: one wijk against Soest (content: soest_data/weergave/paginas/wijkprofiel.py)."""
import streamlit as st

import ui
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.weergave.paginas import wijkprofiel as pagina

ui.pagina("Wijkprofiel")
g = ui.gegevens()
staat = pagina.staat_uit(st.query_params, g)

if staat.wijk is not None and ui.presentatie():  # one opgave of this wijk per screen; ← and → step through them
    ui.dia("pages/wijkprofiel.py", staat.wijk, staat.opgave, "opgave")
    st.stop()


def bovenaan() -> None:
    ui.presentatieknop("pages/wijkprofiel.py", wijk=staat.wijk, opgave=staat.opgave)
    kiezer, pdf = st.columns([3, 1], vertical_alignment="bottom")
    kiezer.selectbox("Kies een andere wijk", list(g.wijknamen), format_func=g.wijknamen.get,
                     **ui.url_widget("profiel_wijk", "wijk", staat.wijk))
    with pdf:
        ui.factsheet_knop("wijk", staat.wijk, g.wijknamen[staat.wijk])


def opgavekeuze() -> None:
    st.segmented_control("Opgave", VIJF_OPGAVEN, format_func=OPGAVEN.get,
                         **ui.url_widget("profiel_opgave", "opgave", staat.opgave, VIJF_OPGAVEN[0]))


def referenties() -> None:
    ui.referentiekeuze("profiel_referentie", staat.nederland, staat.buren)  # their notices are among the page's


ui.toon(ui.inhoud(pagina.bouw, g, staat), g, staat.meldingen,
        {"bovenaan": bovenaan, "opgave": opgavekeuze, "referenties": referenties, "mijn_wijk": ui.mijn_wijk})
