"""The only place with st.cache_* and shared Streamlit pieces (data access, source lines, downloads).

Pages call these; the data layer (soest_data) never imports streamlit.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

import altair as alt
import pandas as pd
import streamlit as st

from soest_data import db, gebieden, paden, scoring, waarden
from soest_data.begrippen import SOEST, VERGELIJKNIVEAUS
from soest_data.bronnen import uitwisseling
from soest_data.gegevens import Gegevens, laad
from soest_data.weergave import regio, verandering, wijkprofiel

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


def pagina(titel: str) -> None:
    """The shared shell, called first by every screen: page config, style and the navigation.

    Classic multipage (pages/ beside app.py) runs a deep-linked page file on its own, so this call, not a router,
    gives every page the same frame.
    """
    st.set_page_config(page_title=f"{titel} · Wijkprofielen Soest", page_icon="🏘️", layout="wide",
                       menu_items={"Get help": None, "Report a bug": None,
                                   "About": "Wijkprofielen Soest — sociaal domein"})
    opmaak()
    with st.sidebar:
        st.markdown("**Wijkprofielen Soest**")
        for bestand, label, icoon in PAGINAS:
            st.page_link(bestand, label=label, icon=icoon)


@st.cache_resource(show_spinner=False)
def _verbinding(pad: str, versie: float):
    return db.open_readonly(pad)


def _cursor():
    pad = paden.db_path()
    try:
        versie = pad.stat().st_mtime_ns  # a rebuilt file gets a new connection and fresh caches
    except FileNotFoundError:
        raise db.DatabaseFout(f"Het databasebestand {pad} ontbreekt. Bouw het met: {db.HERSTEL}") from None
    return _verbinding(str(pad), versie).cursor(), versie


@st.cache_resource(show_spinner=False)
def _gegevens(pad: str, versie: float) -> Gegevens:
    # cache_resource, not cache_data: one shared read-only instance instead of an unpickled copy per call.
    cur, _ = _cursor()
    return laad(cur)


def gegevens() -> Gegevens:
    """All catalogue, values (after disclosure control) and texts; loaded once per database version.

    On a missing or broken database, shows a clear Dutch message with the fixing command and stops the page.
    """
    try:
        _, versie = _cursor()
        return _gegevens(str(paden.db_path()), versie)
    except db.DatabaseFout as fout:
        st.error(f"**De gegevens kunnen niet geladen worden.** {fout}")
        st.stop()


@st.cache_data(show_spinner=False)
def _beoordeeld(marge: float, pad: str, versie: float) -> pd.DataFrame:
    g = _gegevens(pad, versie)
    return wijkprofiel.met_woorden(scoring.beoordeel_wijken(g.waarden, g.indicatoren, marge))


def beoordeeld(marge: float = scoring.STANDAARD_MARGE) -> pd.DataFrame:
    """Every wijk × indicator (latest year) scored against Soest, with the position in words ('het hoogst van alle
    wijken'); cached per database version and margin."""
    _, versie = _cursor()
    return _beoordeeld(marge, str(paden.db_path()), versie)


@st.cache_data(show_spinner=False)
def _veranderingen(pad: str, versie: float) -> pd.DataFrame:
    g = _gegevens(pad, versie)
    return verandering.veranderingen(g.waarden, g.indicatoren, g.bronnen)


def veranderingen() -> pd.DataFrame:
    """Every area × indicator with two comparable measurements and the change between them (cached per database)."""
    _, versie = _cursor()
    return _veranderingen(str(paden.db_path()), versie)


@st.cache_data(show_spinner=False)
def _regio(opgave: str, pad: str, versie: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    g = _gegevens(pad, versie)
    regiowaarden = regio.regiowaarden(g.waarden, g.indicatoren, opgave)
    return regiowaarden, regio.regio_oordelen(regiowaarden)


def soest_in_de_regio(opgave: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Soest, Nederland and the buurgemeenten for one opgave (long) and Soest's judgement per indicator; cached."""
    _, versie = _cursor()
    return _regio(opgave, str(paden.db_path()), versie)


def referentiekeuze(sleutel: str) -> tuple[bool, bool]:
    """Two switches above charts with a Soest line: Nederland (on by default) and the six buurgemeenten (off)."""
    links, rechts = st.columns(2)
    met_nederland = links.toggle("Toon Nederland als referentie", value=True, key=f"{sleutel}_nederland",
                                 help="Het landelijke cijfer uit dezelfde bron en hetzelfde jaar, waar dat bestaat.")
    met_buren = rechts.toggle("Toon de zes buurgemeenten", value=False, key=f"{sleutel}_buren",
                              help="Amersfoort, Baarn, De Bilt, Bunschoten, Leusden en Zeist: zelfde bron, zelfde jaar.")
    return met_nederland, met_buren


def referenties(indicator_jaren, met_nederland: bool = True, met_buren: bool = False) -> pd.DataFrame:
    """Nederland / buurgemeente values for these (indicator, jaar) pairs, in exactly those years."""
    return regio.referenties(gegevens().waarden, indicator_jaren, met_nederland, met_buren)


@st.cache_resource(show_spinner=False)
def _vormen(niveau: str, pad: str, versie: float):
    cur, _ = _cursor()
    return gebieden.geodataframe(waarden.geometrie(cur, niveau))


def vormen(niveau: str):
    """Simplified wijk/buurt shapes as a GeoDataFrame (cached; do not modify)."""
    _, versie = _cursor()
    return _vormen(niveau, str(paden.db_path()), versie)


def indicator(indicator_id: str) -> pd.Series:
    return gegevens().indicator(indicator_id)


def bronvermelding(indicator_id: str, jaar: int | None = None) -> None:
    """Source, year, 'modelschatting' and caveat right under a chart, with a link to the definition."""
    g = gegevens()
    ind = indicator(indicator_id)
    rijen = g.waarden[(g.waarden["indicator"] == indicator_id)]
    if jaar is not None:
        rijen = rijen[rijen["jaar"] == jaar]
    bron_ids = sorted(set(rijen["bron"])) or [b.strip() for b in ind["bronnen"].split(",")]
    bronnen = g.bron_per_id
    delen = []
    for bron_id in bron_ids:
        bron = bronnen.loc[bron_id]
        tabel = f", tabel {bron['tabel']}" if bron["tabel"] else ""
        delen.append(f"[{bron['uitgever']}, {bron['titel']}{tabel}]({bron['url']}) ({bron['licentie']})")
    regel = "Bron: " + "; ".join(delen)
    if jaar is not None:
        regel += f" · jaar {jaar}"
    if ind["modelschatting"]:
        regel += " · **modelschatting**, geen telling"
    if ind["formule"]:
        regel += f" · berekend: {ind['formule']}"
    if ind["voorbehoud"]:
        regel += f" · {ind['voorbehoud']}"
    regel += f" · [definitie](/data?indicator={indicator_id})"
    st.markdown(f"<div class='bron'>{_md_naar_html(regel)}</div>", unsafe_allow_html=True)


def bronnen_van(indicator_jaren) -> None:
    """One source block under a chart that holds several indicators: each source once, then the definitions."""
    g = gegevens()
    paren = list(dict.fromkeys((i, int(j)) for i, j in indicator_jaren))
    w = g.waarden
    bron_jaren: dict[str, set[int]] = {}
    for indicator_id, jaar in paren:
        for bron_id in set(w.loc[(w["indicator"] == indicator_id) & (w["jaar"] == jaar), "bron"]):
            bron_jaren.setdefault(bron_id, set()).add(jaar)
    bronnen = g.bron_per_id
    delen = [f"[{bronnen.loc[b, 'uitgever']}, {bronnen.loc[b, 'titel']}]({bronnen.loc[b, 'url']}) "
             f"({bronnen.loc[b, 'licentie']})"
             + (" · **modelschatting**" if "modelschat" in bronnen.loc[b, "voorbehoud"].lower() else "")
             for b in sorted(bron_jaren)]
    namen = g.indicator_per_id["label"]
    definities = ", ".join(f"[{namen[i]}](/data?indicator={i})" for i in dict.fromkeys(i for i, _ in paren))
    regel = "Bronnen: " + "; ".join(delen) + f" · Definities: {definities}"
    st.markdown(f"<div class='bron'>{_md_naar_html(regel)}</div>", unsafe_allow_html=True)


def verhaalbron(verhalen: pd.DataFrame) -> None:
    """Source line under texts from the documents: each document once, with the places in it."""
    titels = gegevens().bron_per_id
    delen = []
    for bron_id, groep in verhalen.groupby("bron", sort=True):
        plekken = "; ".join(dict.fromkeys(p for p in groep["vindplaats"].fillna("") if p))
        delen.append(f"[{titels.loc[bron_id, 'uitgever']}, {titels.loc[bron_id, 'titel']}]"
                     f"({titels.loc[bron_id, 'url']}) ({plekken})")
    regel = "Bron: " + "; ".join(delen) + " — in eigen woorden samengevat"
    st.markdown(f"<div class='bron'>{_md_naar_html(regel)}</div>", unsafe_allow_html=True)


def _md_naar_html(tekst: str) -> str:
    tekst = escape(tekst, quote=False)
    tekst = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", r'<a href="\2">\1</a>', tekst)
    return re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", tekst)


def download(frame: pd.DataFrame, bestandsnaam: str, label: str = "Download deze cijfers (CSV)") -> None:
    """Every view ends with a download of exactly what it shows, with source and licence columns."""
    st.download_button(label, frame.to_csv(index=False).encode("utf-8"), file_name=bestandsnaam,
                       mime="text/csv", key=f"download-{bestandsnaam}")


@st.cache_data(show_spinner=False, max_entries=200)
def _grafiekspec(naam: str, _bouwer: Callable[..., alt.TopLevelMixin], *args, **kwargs) -> dict:
    # Streamlit cannot hash a function: the builder's qualified name is the key, the function itself is skipped.
    return _bouwer(*args, **kwargs).to_dict()


def grafiek(bouwer: Callable[..., alt.TopLevelMixin], *args, alt: str | None = None, **kwargs) -> None:
    """The chart `bouwer(*args, **kwargs)` (a pure builder from soest_data.weergave), its Vega-Lite spec cached by its
    inputs: building and validating a faceted chart costs ~100 ms, and a raadslid switches back and forth between
    the same wijken."""
    naam = f"{bouwer.__module__}.{bouwer.__qualname__}"
    st.vega_lite_chart(spec=_grafiekspec(naam, bouwer, *args, **kwargs), width="content", alt=alt)


def exportregels(indicator_id: str, jaar: int | None = None, niveau: str | None = None,
                 gebied: str | None = None) -> pd.DataFrame:
    """The rows behind a view, in the export format (with source and licence), for its download button."""
    w = gegevens().waarden
    kies = w["indicator"] == indicator_id if indicator_id else pd.Series(True, index=w.index)
    if jaar is not None:
        kies &= w["jaar"] == jaar
    # Nederland and the buurgemeenten come along as the reference they are on screen, each with its source.
    if niveau is not None:
        kies &= w["niveau"].isin([niveau, "gemeente", *VERGELIJKNIVEAUS])
    if gebied is not None:
        kies &= w["gebied_code"].isin([gebied, SOEST]) | w["niveau"].isin(VERGELIJKNIVEAUS)
    return w.loc[kies, uitwisseling.EXPORTKOLOMMEN]


def widget_volgt_url(sleutel: str, waarde) -> None:
    """The URL is the source of truth: an opened link sets the widget, a widget change sets the URL (on_change)."""
    if st.session_state.get(sleutel) != waarde:
        st.session_state[sleutel] = waarde


def legenda(rijen: pd.DataFrame) -> None:
    """Colour swatch + words per class; the words carry the meaning, the colour only repeats it."""
    regels = "".join(
        f"<li><span class='vak' style='background:{escape(k)}'></span>{escape(b)}</li>"
        for k, b in zip(rijen["kleur"], rijen["betekenis"]))
    st.markdown(f"<ul class='legenda'>{regels}</ul>", unsafe_allow_html=True)


def wijkknoppen(wijken: list[tuple[str, str]], kolommen: int = 4) -> None:
    """One link per wijk to its profile: reachable by keyboard, shareable."""
    vakken = st.columns(kolommen)
    for i, (code, naam) in enumerate(wijken):
        vakken[i % kolommen].page_link("pages/wijkprofiel.py", label=naam, icon=":material/location_city:",
                                       query_params={"wijk": code})


def meldingen(*keuzes) -> None:
    """Show the friendly notices of URL parsing (unknown wijk, indicator …)."""
    for keuze in keuzes:
        if keuze.melding:
            st.info(keuze.melding)


STIJL = """
<style>
/* Streamlit's default caption grey fails WCAG AA contrast (3.9:1); ours is #4d4d4d on white (8.5:1). */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] *, .bron { color: #4d4d4d !important; }
[data-testid="stCaptionContainer"] { opacity: 1 !important; }  /* Streamlit also fades captions to 60 % */
.bron { font-size: 0.95rem; margin: 0.25rem 0 1rem 0; }
.bron a { color: #004b87; }
html { font-size: 18px; }
.referentie { font-size: 1.3rem; font-weight: 700; margin: 0; }
ul.legenda { list-style: none; padding-left: 0; }
ul.legenda li { display: flex; align-items: center; gap: 0.5rem; margin: 0.2rem 0; font-size: 1.05rem; }
ul.legenda .vak { display: inline-block; width: 2rem; height: 1.2rem; border: 1px solid #333; }
:focus-visible { outline: 3px solid #0072B2 !important; outline-offset: 2px; }
/* A wijkprofiel prints as a clean document: no navigation, no widgets chrome. */
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
  [data-testid="stMain"] { margin-left: 0 !important; }
}
</style>
"""


def opmaak() -> None:
    st.markdown(STIJL, unsafe_allow_html=True)
