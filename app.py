"""Wijkprofielen Soest — router only: page config, style, navigation."""
import streamlit as st

from paginas import _ui

st.set_page_config(page_title="Wijkprofielen Soest", page_icon="🏘️", layout="wide",
                   menu_items={"Get help": None, "Report a bug": None, "About": "Wijkprofielen Soest — sociaal domein"})
_ui.opmaak()

PAGINAS = [
    st.Page("paginas/start.py", title="Start", icon=":material/home:", default=True),
    st.Page("paginas/kaart.py", title="Kaart", icon=":material/map:", url_path="kaart"),
    st.Page("paginas/wijkprofiel.py", title="Wijkprofiel", icon=":material/location_city:", url_path="wijkprofiel"),
    st.Page("paginas/opgave.py", title="Opgaven", icon=":material/flag:", url_path="opgave"),
    st.Page("paginas/vergelijken.py", title="Vergelijken", icon=":material/compare_arrows:", url_path="vergelijken"),
    st.Page("paginas/aandacht.py", title="Aandacht per opgave", icon=":material/priority_high:", url_path="aandacht"),
    st.Page("paginas/inwoners.py", title="Inwoners aan het woord", icon=":material/forum:", url_path="inwoners"),
    st.Page("paginas/data.py", title="Over de data", icon=":material/info:", url_path="data"),
]
st.navigation(PAGINAS).run()
