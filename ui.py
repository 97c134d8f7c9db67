"""The only place with st.cache_* and shared Streamlit pieces (data access, source lines, downloads).

Pages call these; the data layer (soest_data) never imports streamlit.
"""
from __future__ import annotations

import io
import json
import re
import threading
from collections import OrderedDict
from html import escape

import pandas as pd
import streamlit as st
from streamlit import dataframe_util
from streamlit.elements import vega_charts  # its Altair→spec conversion, so a cached spec draws exactly like st.altair_chart

from soest_data import db, gebieden, paden, scoring, waarden
from soest_data.begrippen import SOEST
from soest_data.bronnen import uitwisseling
from soest_data.gegevens import Gegevens, laad
from soest_data.weergave import wijkprofiel

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


def versie() -> tuple:
    """The database file now being served: (path, file identity). Every cache below is keyed by it, so a rebuilt or
    imported database reaches the next run of every session without a restart."""
    pad = paden.db_path()
    sleutel = (str(pad), db.identiteit(pad))
    global _laatste_versie
    if sleutel != _laatste_versie:
        if _laatste_versie is not None:  # a new file: drop what was computed from the old one
            _bewaard.clear()
            _gegevens.clear()
        _laatste_versie = sleutel
    return sleutel


_laatste_versie: tuple | None = None


@st.cache_resource(show_spinner=False, max_entries=2)
def _gegevens(versie: tuple) -> tuple[Gegevens, object]:
    # cache_resource, not cache_data: one shared read-only instance instead of an unpickled copy per call.
    # The connection is closed right after reading: an open one would keep reading a replaced file.
    pad = versie[0]
    with db.verbinding(pad) as con:
        g = laad(con)
        vormen = {niveau: waarden.geometrie(con, niveau) for niveau in ("wijk", "buurt")}
    return g, {niveau: gebieden.geodataframe(frame) for niveau, frame in vormen.items()}


def _geladen():
    try:
        return _gegevens(versie())
    except db.DatabaseFout as fout:
        st.error(f"**De gegevens kunnen niet geladen worden.** {fout}")
        st.stop()


def gegevens() -> Gegevens:
    """All catalogue, values (after disclosure control) and texts; loaded once per database version.

    On a missing or broken database, shows a clear Dutch message with the fixing command and stops the page.
    """
    return _geladen()[0]


def vormen(niveau: str):
    """Simplified wijk/buurt shapes as a GeoDataFrame (cached; do not modify)."""
    return _geladen()[1][niveau]


class _Bewaarplaats:
    """A process-wide LRU of results, keyed by (name, page state, database version).

    Not st.cache_resource: a page asks ~100 times per run, and its argument hashing costs ~0.5 ms per call, a plain
    dict a microsecond. Two sessions missing the same key at once both build it; the second result wins, harmless.
    """

    def __init__(self, maximum: int) -> None:
        self.maximum = maximum
        self._inhoud: OrderedDict = OrderedDict()
        self._slot = threading.Lock()

    def geef(self, sleutel, maak):
        with self._slot:
            if sleutel in self._inhoud:
                self._inhoud.move_to_end(sleutel)
                return self._inhoud[sleutel]
        waarde = maak()
        with self._slot:
            self._inhoud[sleutel] = waarde
            while len(self._inhoud) > self.maximum:
                self._inhoud.popitem(last=False)
        return waarde

    def clear(self) -> None:
        with self._slot:
            self._inhoud.clear()


_bewaard = _Bewaarplaats(maximum=2000)


def bewaar(naam: str, sleutel, maak, *args):
    """maak(*args) once per (name, page state, database version), shared read-only by every session.

    `sleutel` must hold every input of maak that can change within one database version (the page state: wijk,
    opgave, jaar …); data read from gegevens() is covered by the version. Never mutate what comes back.
    """
    return _bewaard.geef((naam, sleutel, versie()), lambda: maak(*args))


def beoordeeld(marge: float = scoring.STANDAARD_MARGE) -> pd.DataFrame:
    """Every wijk × indicator (latest year) scored against Soest, with the position in words ('het hoogst van alle
    wijken'); cached per database version and margin (read-only)."""
    g = gegevens()
    return bewaar("beoordeeld", marge, lambda: wijkprofiel.met_woorden(
        scoring.beoordeel_wijken(g.waarden, g.indicatoren, marge)))


def indicator(indicator_id: str) -> pd.Series:
    return gegevens().indicator(indicator_id)


def bronvermelding(indicator_id: str, jaar: int | None = None) -> None:
    """Source, year, 'modelschatting' and caveat right under a chart, with a link to the definition."""
    _bronregel(bewaar("bronvermelding", (indicator_id, jaar), lambda: _bronvermelding(indicator_id, jaar)))


def _bronregel(regel: str) -> None:
    st.markdown(f"<div class='bron'>{_md_naar_html(regel)}</div>", unsafe_allow_html=True)


def _bronvermelding(indicator_id: str, jaar: int | None) -> str:
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
    return regel + f" · [definitie](/data?indicator={indicator_id})"


def bronnen_van(indicator_jaren) -> None:
    """One source block under a chart that holds several indicators: each source once, then the definitions."""
    paren = tuple(dict.fromkeys((i, int(j)) for i, j in indicator_jaren))
    _bronregel(bewaar("bronnen_van", paren, lambda: _bronnen_van(paren)))


def _bronnen_van(paren: tuple) -> str:
    g = gegevens()
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
    return "Bronnen: " + "; ".join(delen) + f" · Definities: {definities}"


def verhaalbron(verhalen: pd.DataFrame) -> None:
    """Source line under texts from the documents: each document once, with the places in it."""
    plekken = tuple(zip(verhalen["bron"], verhalen["vindplaats"].fillna("")))
    _bronregel(bewaar("verhaalbron", plekken, lambda: _verhaalbron(plekken)))


def _verhaalbron(plekken: tuple) -> str:
    titels = gegevens().bron_per_id
    per_bron: dict[str, dict[str, None]] = {}
    for bron_id, plek in sorted(plekken, key=lambda bp: bp[0]):
        per_bron.setdefault(bron_id, {})
        if plek:
            per_bron[bron_id][plek] = None
    delen = [f"[{titels.loc[b, 'uitgever']}, {titels.loc[b, 'titel']}]({titels.loc[b, 'url']}) ({'; '.join(p)})"
             for b, p in per_bron.items()]
    return "Bron: " + "; ".join(delen) + " — in eigen woorden samengevat"


def _md_naar_html(tekst: str) -> str:
    tekst = escape(tekst, quote=False)
    tekst = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", r'<a href="\2">\1</a>', tekst)
    return re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", tekst)


def download(frame: pd.DataFrame, bestandsnaam: str, label: str = "Download deze cijfers (CSV)") -> None:
    """Every view ends with a download of exactly what it shows, with source and licence columns.

    The file is made only when someone clicks (a deferred download), not on every run of the page."""
    st.download_button(label, lambda: frame.to_csv(index=False).encode("utf-8"), file_name=bestandsnaam,
                       mime="text/csv", key=f"download-{bestandsnaam}")


def download_excel(frame: pd.DataFrame, bestandsnaam: str, label: str) -> None:
    """An Excel download of `frame`, made on the first click and then kept for this database version: writing a
    workbook costs about a second."""
    def werkboek() -> bytes:
        buffer = io.BytesIO()
        uitwisseling.naar_xlsx(frame, buffer)
        return buffer.getvalue()

    def maak() -> bytes:
        return bewaar("excel", bestandsnaam, werkboek)
    st.download_button(label, maak, file_name=bestandsnaam, key=f"download-{bestandsnaam}",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def grafiek(naam: str, sleutel, bouwer, *args, alt: str | None = None, width="content", **opties) -> None:
    """The Altair chart bouwer(*args), its Vega-Lite spec built once per (name, page state `sleutel`, database
    version); `opties` go to st.vega_lite_chart (give builder keywords with functools.partial).

    Building and validating an Altair chart costs ~60 ms; the cached spec (data already in Arrow form, as
    st.altair_chart would send it) is drawn with st.vega_lite_chart in about a millisecond."""
    spec = bewaar(f"grafiek:{naam}", sleutel, lambda: vega_charts._convert_altair_to_vega_lite_spec(bouwer(*args)))
    if alt is not None and "description" in spec:  # alt replaces it; dropping it avoids a logged stack per run
        spec = {k: v for k, v in spec.items() if k != "description"}
    st.vega_lite_chart(spec=spec, width=width, alt=alt, **opties)


def tabel(naam: str, sleutel, maak, *args, **opties):
    """st.dataframe(maak(*args), hide_index=True, **opties), the frame turned into Arrow once per (name, page state,
    database version): converting a pandas frame costs milliseconds per table on every run. The index is never
    shown (as with hide_index=True)."""
    arrow = bewaar(f"tabel:{naam}", sleutel, lambda: dataframe_util.convert_pandas_df_to_arrow_table(
        maak(*args).reset_index(drop=True), preserve_index=False))
    return st.dataframe(arrow, **opties)


class _VasteKaart:
    """A pydeck map serialised once. st.pydeck_chart asks a Deck only for to_json(), its tooltip, width and layers;
    pydeck's own to_json pretty-prints the whole map on every run."""

    layers = None
    mapbox_key = None

    def __init__(self, deck) -> None:
        self._json = json.dumps(json.loads(deck.to_json()), separators=(",", ":"))
        self._tooltip = getattr(deck, "_tooltip", None)
        self.width = getattr(deck, "width", None)

    def to_json(self) -> str:
        return self._json


def kaart(naam: str, sleutel, bouwer, *args, **opties):
    """The pydeck map bouwer(*args), serialised once per (name, page state, database version)."""
    return st.pydeck_chart(bewaar(f"kaart:{naam}", sleutel, lambda: _VasteKaart(bouwer(*args))), **opties)


def exportregels(indicator_id: str, jaar: int | None = None, niveau: str | None = None,
                 gebied: str | None = None) -> pd.DataFrame:
    """The rows behind a view, in the export format (with source and licence), for its download button."""
    return bewaar("exportregels", (indicator_id, jaar, niveau, gebied),
                  lambda: _exportregels(indicator_id, jaar, niveau, gebied))


def _exportregels(indicator_id: str, jaar: int | None, niveau: str | None, gebied: str | None) -> pd.DataFrame:
    w = gegevens().waarden
    kies = w["indicator"] == indicator_id if indicator_id else pd.Series(True, index=w.index)
    if jaar is not None:
        kies &= w["jaar"] == jaar
    if niveau is not None:
        kies &= w["niveau"].isin([niveau, "gemeente"])
    if gebied is not None:
        kies &= w["gebied_code"].isin([gebied, SOEST])
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
