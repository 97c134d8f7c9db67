"""The one URL-state component: a widget kept in sync with its key in the link (soest_data.url_state validates)."""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from soest_data import url_state
from soest_data.gemeente import GEMEENTE


def url_widget(sleutel: str, param: str, waarde, standaard=None, schrijf_als: Callable[[object], bool] | None = None,
               bij_wijziging: Callable[[], None] | None = None, tekst_van: Callable[[object], object] | None = None
               ) -> dict:
    """The one widget ↔ URL sync, for every page: `st.selectbox(…, **ui.url_widget("kaart_indicator", "indicator",
    keuze.waarde, STANDAARD))`.

    `waarde` is the choice read (and validated) from the URL by soest_data.url_state. An opened or changed link sets
    the widget; a change by the visitor sets the URL (the default leaves the key out). `schrijf_als` keeps a choice
    the visitor is still making out of the URL (no wijk chosen yet); `bij_wijziging` runs after a change;
    `tekst_van` turns the widget's value into the URL's (a toggle's True → 'buurt').
    """
    gezien = f"_url_{sleutel}"
    tekst = st.query_params.get(param, "")
    if sleutel not in st.session_state or st.session_state.get(gezien) != tekst:
        st.session_state[sleutel] = waarde
        st.session_state[gezien] = tekst

    def naar_url() -> None:
        nieuw = st.session_state[sleutel]
        if schrijf_als is not None and not schrijf_als(nieuw):
            return
        tekst = url_state.als_tekst(tekst_van(nieuw) if tekst_van else nieuw, standaard)
        if tekst is None:
            st.query_params.pop(param, None)
        else:
            st.query_params[param] = tekst
        st.session_state[gezien] = tekst or ""
        if bij_wijziging is not None:
            bij_wijziging()

    return {"key": sleutel, "on_change": naar_url}


def referentiekeuze(sleutel: str, nederland: bool, buren: bool, naast_elkaar: bool = True) -> None:
    """Two switches above charts with a Soest line: Nederland (on by default) and the buurgemeenten (off), kept in
    the URL (?nederland=nee, ?buren=ja) so a shared link shows the same references; `nederland` and `buren` are the
    link's values (the page's staat). In a narrow column (the map's side panel) they stand under each other, so
    their labels do not break mid-word."""
    links, rechts = st.columns(2) if naast_elkaar else (st, st)
    links.toggle("Toon Nederland als referentie",
                 help="Het landelijke cijfer uit dezelfde bron en hetzelfde jaar, waar dat bestaat.",
                 **url_widget(f"{sleutel}_nederland", "nederland", nederland, True))
    rechts.toggle("Toon de buurgemeenten",
                  help=f"De gemeenten rond {GEMEENTE.naam}, uit dezelfde bron en hetzelfde jaar.",
                  **url_widget(f"{sleutel}_buren", "buren", buren, False))
