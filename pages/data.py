"""Over de data (content: soest_data/weergave/paginas/data.py)."""
import streamlit as st

import ui
from soest_data.begrippen import OPGAVEN
from soest_data.weergave.paginas import data as pagina

ui.pagina("Over de data")
g = ui.gegevens()
staat = pagina.staat_uit(st.query_params, g)


def opgave() -> None:
    st.selectbox("Toon indicatoren van opgave", [None, *OPGAVEN],
                 format_func=lambda o: "Alle opgaven" if o is None else OPGAVEN[o],
                 **ui.url_widget("data_opgave", "opgave", staat.opgave))


ui.toon(ui.inhoud(pagina.bouw, g, staat), g, staat.meldingen, {"opgave": opgave})
