"""The shell every screen shares: page config, style, navigation, 'Kopieer link' and the presentatiemodus.

Classic multipage (pages/ beside app.py) runs a deep-linked page file on its own, so a call to `pagina`, not a
router, gives every page the same frame (docs/ARCHITECTUUR.md). The style sheets and scripts are static files in
ui/static/.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import streamlit as st

from soest_data import url_state
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import afgeleid, wijkprofiel
from soest_data.weergave.paginas import wijkprofiel as wijkprofiel_pagina
from ui import tekenen
from ui.gegevens import gegevens

STATISCH = Path(__file__).parent / "static"

# The screens in menu order: (file, title, icon). The file name is the URL path (pages/kaart.py → /kaart).
PAGINAS = [
    ("app.py", "Start", ":material/home:"),
    ("pages/kaart.py", "Kaart", ":material/map:"),
    ("pages/wijkprofiel.py", "Wijkprofiel", ":material/location_city:"),
    ("pages/opgave.py", "Opgaven", ":material/flag:"),
    ("pages/vergelijken.py", "Vergelijken", ":material/compare_arrows:"),
    ("pages/aandacht.py", "Aandacht per opgave", ":material/priority_high:"),
    ("pages/inwoners.py", "Inwoners aan het woord", ":material/forum:"),
    ("pages/data.py", "Over de data", ":material/info:"),
]
# Pages that take a wijk: their menu link keeps the wijk the visitor is looking at.
MET_WIJK = {"pages/wijkprofiel.py": "wijk", "pages/aandacht.py": "wijk", "pages/inwoners.py": "wijk"}

NEDERLANDS = {
    "Download as CSV": "Download als CSV", "Search": "Zoeken", "Fullscreen": "Volledig scherm",
    "Close fullscreen": "Volledig scherm sluiten", "Exit fullscreen": "Volledig scherm sluiten",
    "Collapse sidebar": "Zijbalk inklappen", "Expand sidebar": "Zijbalk uitklappen", "Main menu": "Hoofdmenu",
    "No results": "Geen resultaten", "Clear all": "Alles wissen", "Clear value": "Keuze wissen",
    "Choose an option": "Maak een keuze", "Choose options": "Kies een of meer", "Open": "Openen",
    "Close": "Sluiten", "Show/hide columns": "Kolommen tonen of verbergen", "View fullscreen": "Volledig scherm",
    "Running...": "Bezig…", "Stop": "Stoppen", "Deploy": "Publiceren", "Rerun": "Opnieuw laden",
    "Settings": "Instellingen", "Print": "Afdrukken", "About": "Over dit dashboard",
    "Record a screencast": "Schermopname maken", "Sort ascending": "Oplopend sorteren",
    "Sort descending": "Aflopend sorteren", "Autosize": "Breedte aanpassen", "Hide column": "Kolom verbergen",
    "Pin column": "Kolom vastzetten", "Unpin column": "Kolom losmaken", "Format": "Opmaak",
    "Download as SVG": "Download als SVG", "Download as PNG": "Download als PNG",
    "View Source": "Bron bekijken", "View Compiled Vega": "Vega-code bekijken", "Open in Vega Editor": "Open in Vega Editor",
    "Skip to main content": "Naar de hoofdinhoud", "Link to heading": "Link naar dit kopje", "Sidebar": "Zijbalk",
    "Copy to clipboard": "Kopieer naar het klembord", "Copied!": "Gekopieerd!", "Record screen": "Scherm opnemen",
    "Show data": "Toon de gegevens", "Show chart": "Toon de grafiek", "Copy Vega-Lite spec": "Kopieer de Vega-Lite-code",
    "visualization": "grafiek",  # vega-embed's aria-roledescription of every chart
    "group mark container": "groep", "Copy version to clipboard": "Kopieer het versienummer",
    "Scroll tabs right": "Tabbladen naar rechts schuiven", "Scroll tabs left": "Tabbladen naar links schuiven",
    "Selected values": "Gekozen waarden",
}
# Streamlit labels that carry a variable tail ('Help for Marge: …', 'Made with Streamlit v1.67.0'): the start is
# translated, the rest kept.
NEDERLANDS_BEGIN = {"Help for ": "Uitleg bij ", "Made with Streamlit": "Gemaakt met Streamlit",
                    "Fullscreen: ": "Volledig scherm: ", "Show data: ": "Toon de gegevens: ",
                    "Download as PNG: ": "Download als PNG: ", "Copy Vega-Lite spec: ": "Kopieer de Vega-Lite-code: "}


@cache
def _statisch(naam: str) -> str:
    return (STATISCH / naam).read_text(encoding="utf-8")


def _met_wijk(bestand: str, wijk: str | None) -> dict | None:
    """A menu link keeps the wijk the visitor is looking at: as the wijk of a page that takes one, or as a comparison
    of that wijk beside heel Soest. The menu reads no data: without a database it is drawn whole, above the notice."""
    if not wijk:
        return None
    if bestand == "pages/vergelijken.py":
        return {"wijken": wijk}
    return {MET_WIJK[bestand]: wijk} if bestand in MET_WIJK else None


def _pad(bestand: str) -> str:
    """'pages/kaart.py' → 'kaart' (the URL path); 'app.py' → ''."""
    return "" if bestand == "app.py" else bestand.removeprefix("pages/").removesuffix(".py")


def pagina(titel: str) -> None:
    """The shared shell, called first by every screen: page config, style and the navigation.

    Classic multipage (pages/ beside app.py) runs a deep-linked page file on its own, so this call, not a router,
    gives every page the same frame.
    """
    st.set_page_config(page_title=f"{titel} · Wijkprofielen {GEMEENTE.naam}", page_icon="🏘️", layout="wide",
                       menu_items={"Get help": None, "Report a bug": None,
                                   "About": f"Wijkprofielen {GEMEENTE.naam} — sociaal domein"})
    opmaak()
    if presentatie():
        st.markdown(f"<style>{_statisch('presentatie.css')}</style>", unsafe_allow_html=True)
        st.html(f"<script>{_statisch('toetsen.js')}</script>", unsafe_allow_javascript=True)
        return  # no navigation: one view per screen, stepped with ← and →
    wijk = url_state.huidige_wijk(st.query_params)
    with st.sidebar:
        st.markdown(f"**Wijkprofielen {GEMEENTE.naam}**")
        for bestand, label, icoon in PAGINAS:
            st.page_link(bestand, label=label, icon=icoon,
                         query_params=_met_wijk(bestand, wijk))
        pad = next((_pad(b) for b, label, _ in PAGINAS if label == titel), "")
        kopieer_link(pad)


def kopieer_link(pad: str) -> None:
    """'Kopieer link': the absolute address of exactly this view (every choice is in the URL), with a copy icon."""
    link = url_state.absolute_link(st.context.url or "", pad, st.query_params.to_dict())
    with st.popover("Kopieer link", icon=":material/link:", width="stretch"):
        st.markdown("Met deze link opent iemand anders precies wat u nu ziet. Kopieer hem met het icoon rechts:")
        st.code(link, language=None, wrap_lines=True)


def opmaak() -> None:
    """The style sheet, and the script that sets lang="nl" and translates the labels Streamlit does not let us set
    (static/taal.js; its table of translations comes from here). The scripts carry no comments: st.html must get
    nothing but code between its script tags."""
    st.markdown(f"<style>{_statisch('stijl.css')}</style>", unsafe_allow_html=True)
    st.html("<script>" + _statisch("taal.js").replace(
        "__VERTALINGEN__", json.dumps([NEDERLANDS, NEDERLANDS_BEGIN], ensure_ascii=False)) + "</script>",
            unsafe_allow_javascript=True)


def presentatie() -> bool:
    """Presentatiemodus (?presentatie=ja): for the raadsbijeenkomst on a beamer."""
    return st.query_params.get("presentatie") == "ja"


def dia(pagina_bestand: str, wijk: str | None, opgave: str, sleutel: str) -> None:
    """One screen of the presentation and ← / → buttons to the previous and next step (the arrow keys click them).
    `sleutel` is the URL key that steps: 'opgave' through one wijk's five opgaven (wijkprofiel), or 'wijk' through one
    opgave's overview (no wijk in the URL) and then every wijk (opgave page); the other key stays."""
    g = gegevens()
    if wijk is None:
        tekenen.toon(afgeleid.inhoud(g, wijkprofiel_pagina.overzicht_dia, opgave), g)
    else:
        tekenen.toon(afgeleid.inhoud(g, wijkprofiel_pagina.dia, wijk, opgave), g)
    if sleutel == "wijk":
        alle, namen = [None, *g.wijknamen], {None: "Overzicht", **g.wijknamen}
    else:
        alle, namen = VIJF_OPGAVEN, OPGAVEN
    huidige = wijk if sleutel == "wijk" else opgave
    vaste = {"opgave": opgave} if sleutel == "wijk" else {"wijk": wijk}
    vorige, volgende = wijkprofiel.stappen(huidige, alle)
    with st.container(key="presentatie-nav", horizontal=True, gap="large"):
        for richting, stap, label in (("vorige", vorige, f"← {namen[vorige]}"),
                                      ("volgende", volgende, f"{namen[volgende]} →")):
            st.button(label, key=f"presentatie-{richting}", on_click=_naar_stap, args=(sleutel, stap))
        st.page_link(pagina_bestand, label="Presentatie sluiten", icon=":material/close:",
                     query_params={k: v for k, v in {**vaste, sleutel: huidige}.items() if v})
    st.caption(f"Stap {alle.index(huidige) + 1} van {len(alle)} · de toetsen ← en → bladeren verder")


def _naar_stap(sleutel: str, stap: str | None) -> None:
    if stap is None:  # the overview: no wijk in the URL
        st.query_params.pop(sleutel, None)
    else:
        st.query_params[sleutel] = stap  # the URL holds the step: a shared link opens the same screen


def presentatieknop(pagina_bestand: str, **query: str) -> None:
    """The way into the presentatiemodus from a page (the same view, full screen, stepping with ← and →)."""
    st.page_link(pagina_bestand, label="Presentatiemodus", icon=":material/slideshow:",
                 query_params={**query, "presentatie": "ja"})
