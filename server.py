"""The dashboard as a server: `streamlit run server.py` (scripts/run.sh, scripts/serve.sh). It serves app.py and its
pages exactly as `streamlit run app.py` would, but the process first imports the page code, reads the database and
makes what is the same for every visitor (afgeleid.voor_iedereen: what each module declares `per_database(vooraf=…)`,
such as each opgave's fixed part and every map label placement). Streamlit's `st.App` with a lifespan: no request is
answered before it is done. Without this, the first visitors of a freshly started process paid those seconds while a
room was waiting. No page state is made ahead: that stays the work of the first visit to each state.
"""
from contextlib import asynccontextmanager

import streamlit as st


@asynccontextmanager
async def opstart(_app):
    import ui
    ui.gegevens_vooraf()  # imports every page's code too (ui.gegevens, paginas.alle)
    yield


app = st.App("app.py", lifespan=opstart)
