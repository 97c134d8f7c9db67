"""Aandacht per opgave (content: soest_data/weergave/paginas/aandacht.py): the margin is a slider and lives in the
URL (?marge=15), as does a highlighted wijk (?wijk=WK034205)."""
import streamlit as st

import ui
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import aandacht
from soest_data.weergave.paginas import aandacht as pagina

ui.pagina("Aandacht per opgave")
g = ui.gegevens()
staat = pagina.staat_uit(st.query_params, g)


def marge() -> None:
    st.slider(f"Marge: vanaf hoeveel verschil met {GEMEENTE.naam} is een wijk 'duidelijk' anders? (procent van de "
              f"{GEMEENTE.eigen('waarde')}; bij percentages een kwart daarvan in procentpunten)",
              min_value=aandacht.MARGES[0], max_value=aandacht.MARGES[-1], step=5, format="%d %%",
              **ui.url_widget("aandacht_marge", "marge", staat.marge_pct, pagina.STANDAARD_PCT),
              help=f"Standaard {pagina.STANDAARD_PCT} %. Een grotere marge telt alleen de grotere verschillen.")


def wijk() -> None:
    st.selectbox("Kies een wijk", [None, *g.wijknamen],
                 format_func=lambda c: "— kies een wijk —" if c is None else g.wijknamen[c],
                 **ui.url_widget("aandacht_wijk", "wijk", staat.wijk))


def referenties() -> None:
    # Nederland and the buurgemeenten beside Soest in the tables: to read, never counted (the tally is the wijken's).
    ui.referentiekeuze("aandacht_referentie", staat.nederland, staat.buren)


ui.toon(ui.inhoud(pagina.bouw, g, staat), g, staat.meldingen,
        {"marge": marge, "wijk": wijk, "referenties": referenties})
