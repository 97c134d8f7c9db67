"""Wijkprofielen Soest — the start page (content: soest_data/weergave/paginas/start.py).

The other screens are files in pages/ (file name = URL path); each starts with `ui.pagina(...)`, so a deep link
on a fresh session gets the same page config, style and navigation as this page.
"""
import streamlit as st

import ui
from soest_data.weergave.paginas import start as pagina

ui.pagina("Start")
g = ui.gegevens()
staat = pagina.staat_uit(st.query_params, g)
ui.toon(ui.inhoud(pagina.bouw, g, staat), g, staat.meldingen, {"mijn_wijk": ui.mijn_wijk})
