"""Wijkprofielen Soest — router only: page config, style, navigation."""
import streamlit as st

from pages import _ui

st.set_page_config(page_title="Wijkprofielen Soest", page_icon="🏘️", layout="wide",
                   menu_items={"Get help": None, "Report a bug": None, "About": "Wijkprofielen Soest — sociaal domein"})
_ui.opmaak()

PAGINAS = [
    st.Page("pages/start.py", title="Start", icon="🏠", default=True),
    st.Page("pages/kaart.py", title="Kaart", icon="🗺️", url_path="kaart"),
    st.Page("pages/wijkprofiel.py", title="Wijkprofiel", icon="🏘️", url_path="wijkprofiel"),
    st.Page("pages/opgave.py", title="Opgaven", icon="🎯", url_path="opgave"),
    st.Page("pages/vergelijken.py", title="Vergelijken", icon="⚖️", url_path="vergelijken"),
    st.Page("pages/aandacht.py", title="Aandacht per opgave", icon="🔎", url_path="aandacht"),
    st.Page("pages/inwoners.py", title="Inwoners aan het woord", icon="💬", url_path="inwoners"),
    st.Page("pages/data.py", title="Over de data", icon="ℹ️", url_path="data"),
]
st.navigation(PAGINAS).run()
