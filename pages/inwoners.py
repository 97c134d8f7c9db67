"""Inwoners aan het woord (content: soest_data/weergave/paginas/inwoners.py). Filters in the URL:
?opgave=meedoen_inclusie&wijk=WK034205."""
import streamlit as st

import ui
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import enquete
from soest_data.weergave.paginas import inwoners as pagina

ui.pagina("Inwoners aan het woord")
g = ui.gegevens()
staat = pagina.staat_uit(st.query_params, g)


def opgave() -> None:
    st.selectbox("Laat zien voor opgave", [None, *pagina.OPGAVE_KEUZES],
                 format_func=lambda o: "Alle opgaven" if o is None else enquete.opgave_naam(o),
                 **ui.url_widget("inwoners_opgave", "opgave", staat.opgave))


def wijk() -> None:
    naam_van = pagina.gebieden(g)
    st.selectbox("Laat zien voor wijk", [None, *naam_van],
                 format_func=lambda c: f"Alle wijken en heel {GEMEENTE.naam}" if c is None else naam_van[c],
                 **ui.url_widget("inwoners_wijk", "wijk", staat.wijk))


ui.toon(ui.inhoud(pagina.bouw, g, staat), g, staat.meldingen, {"opgave": opgave, "wijk": wijk})
