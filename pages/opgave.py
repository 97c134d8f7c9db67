"""Opgave (content: soest_data/weergave/paginas/opgave.py). URL: ?opgave=bestaanszekerheid (the picker keeps it in
sync)."""
import streamlit as st

import ui
from soest_data import url_state
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.weergave.paginas import opgave as pagina

ui.pagina("Opgaven")
g = ui.gegevens()
staat = pagina.staat_uit(st.query_params, g)

if ui.presentatie():  # the overview of this opgave, then one wijk per screen; ← and → step through them
    ui.dia("pages/opgave.py", url_state.kies(st.query_params, "wijk", list(g.wijknamen), None, "wijk").waarde,
           staat.opgave, "wijk")
    st.stop()


def bovenaan() -> None:
    # An emptied picker (None) is not written: the URL keeps the opgave on screen.
    st.segmented_control("Kies een opgave", VIJF_OPGAVEN, format_func=OPGAVEN.get,
                         **ui.url_widget("opgave_keuze", "opgave", staat.opgave, schrijf_als=bool))
    ui.factsheet_knop("opgave", staat.opgave, OPGAVEN[staat.opgave])
    ui.presentatieknop("pages/opgave.py", opgave=staat.opgave)


def referenties() -> None:
    ui.referentiekeuze("opgave_referentie", staat.nederland, staat.buren)


ui.toon(ui.inhoud(pagina.bouw, g, staat), g, staat.meldingen, {"bovenaan": bovenaan, "referenties": referenties})
