"""The only place with st.cache_* and shared Streamlit pieces (data access, source lines, downloads).

Pages call these; the data layer (soest_data) never imports streamlit.
"""
from __future__ import annotations

import gc
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.elements import vega_charts  # its Altair→spec conversion, so a cached spec draws exactly like st.altair_chart

from soest_data import db, export, paden, scoring, url_state
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.bronnen import postcode
from soest_data.gegevens import Gegevens, lees
from soest_data.weergave import afgeleid, bronregels, factsheet, regio, wijkprofiel
from soest_data.weergave.blokken import Download, Tabel
from soest_data.weergave.blokken import kaart as kaartblok
from soest_data.weergave.paginas import wijkprofiel as wijkprofiel_pagina
from ui import tekenen
from ui.tekenen import in_kolommen, inhoudsopgave, opgavekaart, toon, wijkknoppen  # noqa: F401 (used by the pages)

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


def _pad(bestand: str) -> str:
    """'pages/kaart.py' → 'kaart' (the URL path); 'app.py' → ''."""
    return "" if bestand == "app.py" else bestand.removeprefix("pages/").removesuffix(".py")


def pagina(titel: str) -> None:
    """The shared shell, called first by every screen: page config, style and the navigation.

    Classic multipage (pages/ beside app.py) runs a deep-linked page file on its own, so this call, not a router,
    gives every page the same frame.
    """
    st.set_page_config(page_title=f"{titel} · Wijkprofielen Soest", page_icon="🏘️", layout="wide",
                       menu_items={"Get help": None, "Report a bug": None,
                                   "About": "Wijkprofielen Soest — sociaal domein"})
    opmaak()
    if presentatie():
        st.markdown(PRESENTATIESTIJL, unsafe_allow_html=True)
        st.html(TOETSEN_SCRIPT, unsafe_allow_javascript=True)
        return  # no navigation: one view per screen, stepped with ← and →
    wijk = url_state.huidige_wijk(st.query_params)
    with st.sidebar:
        st.markdown("**Wijkprofielen Soest**")
        for bestand, label, icoon in PAGINAS:
            st.page_link(bestand, label=label, icon=icoon,
                         query_params={MET_WIJK[bestand]: wijk} if wijk and bestand in MET_WIJK else None)
        pad = next((_pad(b) for b, label, _ in PAGINAS if label == titel), "")
        kopieer_link(pad)


def kopieer_link(pad: str) -> None:
    """'Kopieer link': the absolute address of exactly this view (every choice is in the URL), with a copy icon."""
    link = url_state.absolute_link(st.context.url or "", pad, st.query_params.to_dict())
    with st.popover("Kopieer link", icon=":material/link:", width="stretch"):
        st.markdown("Met deze link opent iemand anders precies wat u nu ziet. Kopieer hem met het icoon rechts:")
        st.code(link, language=None, wrap_lines=True)


def url_widget(sleutel: str, param: str, waarde, standaard=None, schrijf_als: Callable[[object], bool] | None = None,
               bij_wijziging: Callable[[], None] | None = None, tekst_van: Callable[[object], object] | None = None
               ) -> dict:
    """The one widget ↔ URL sync, for every page: `st.selectbox(…, **ui.url_widget("kaart_indicator", "indicator",
    keuze.waarde, STANDAARD))`.

    `waarde` is the choice read (and validated) from the URL by soest_data.url_state. An opened or changed link sets
    the widget; a change by the visitor sets the URL (the default leaves the key out). `schrijf_als` keeps a choice
    the visitor is still making out of the URL (one wijk of at least two); `bij_wijziging` runs after a change;
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


def presentatie() -> bool:
    """Presentatiemodus (?presentatie=ja): for the raadsbijeenkomst on a beamer."""
    return st.query_params.get("presentatie") == "ja"


# Presentatiemodus: no sidebar, header or toolbar, large type, the whole width.
PRESENTATIESTIJL = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stExpandSidebarButton"] { display: none !important; }
html { font-size: 22px; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 1rem 2.5rem !important; max-width: 100% !important; }
[data-testid="stMain"] h1 { font-size: 2.2rem; padding: 0 0 0.4rem 0; }
@media (max-height: 899.98px) { html { font-size: 17px; } [data-testid="stMain"] h1 { font-size: 1.8rem; } }
/* Tiles close together: the figures get the width, the slide fits one screen. */
[data-testid="stMain"] [data-testid="stHorizontalBlock"] { gap: 1rem !important; }
.st-key-presentatie-nav a, .st-key-presentatie-nav button p { font-size: 1.1rem; }
</style>
"""
# ← and → step through the presentation: they click the on-screen links (so the URL holds the step).
TOETSEN_SCRIPT = """<script>
(() => {
  if (window.__soestToetsen) return;
  window.__soestToetsen = true;
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.target.closest("input, textarea, select, [role=combobox]")) return;
    const richting = {ArrowRight: "volgende", ArrowLeft: "vorige"}[e.key];
    const link = richting && document.querySelector(`.st-key-presentatie-${richting} button`);
    if (link) { e.preventDefault(); link.click(); }
  });
})();
</script>"""


def dia(pagina_bestand: str, wijk: str | None, opgave: str, sleutel: str) -> None:
    """One screen of the presentation and ← / → buttons to the previous and next step (the arrow keys click them).
    `sleutel` is the URL key that steps: 'opgave' through one wijk's five opgaven (wijkprofiel), or 'wijk' through one
    opgave's overview (no wijk in the URL) and then every wijk (opgave page); the other key stays."""
    g = gegevens()
    if wijk is None:
        tekenen.toon(inhoud(wijkprofiel_pagina.overzicht_dia, g, opgave), g)
    else:
        tekenen.toon(inhoud(wijkprofiel_pagina.dia, g, wijk, opgave), g)
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


def _geladen() -> tuple[tuple, Gegevens]:
    """(version, data) of the database being served: the newest file that opens and passes its integrity stamp; a
    new file that is refused leaves the last good one in service (db.LaatsteGoede, which logs why). Without any good
    file since the start, a plain Dutch notice (the cause is in the log) and the page stops."""
    try:
        return _database(str(paden.db_path())).geef()
    except db.GeenDatabase as fout:
        st.error(str(fout))
        st.stop()


_database = lru_cache(maxsize=2)(lambda pad: db.LaatsteGoede(pad, lees))  # per path (tests switch databases)


def versie() -> tuple:
    """The database version being served: (path, file identity). The map page's cached pieces are keyed by it; a new
    version drops them."""
    global _laatste_versie
    sleutel = _geladen()[0]
    if sleutel != _laatste_versie:
        if _laatste_versie is not None:
            _bewaard.clear()
        _laatste_versie = sleutel
    return sleutel


_laatste_versie: tuple | None = None


def gegevens() -> Gegevens:
    """All catalogue, values (after disclosure control), texts and shapes of the database being served; read once per
    file and shared read-only by every session. Call it once per run and pass the result on: a download made later
    from that object shows the figures the page showed."""
    return _geladen()[1]


def telling(marge: float = scoring.STANDAARD_MARGE) -> pd.DataFrame:
    """The one tally per wijk × opgave (kernset, this margin) that every page shows (afgeleid.telling)."""
    return afgeleid.telling(gegevens(), marge)


def veranderingen() -> pd.DataFrame:
    return afgeleid.veranderingen(gegevens())





def soest_in_de_regio(opgave: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    return afgeleid.soest_in_de_regio(gegevens(), opgave)


def referentiekeuze(sleutel: str, naast_elkaar: bool = True, meldingen: bool = True) -> tuple[bool, bool]:
    """Two switches above charts with a Soest line: Nederland (on by default) and the six buurgemeenten (off), kept
    in the URL (?nederland=nee, ?buren=ja) so a shared link shows the same references. In a narrow column (the map's
    side panel) they stand under each other, so their labels do not break mid-word."""
    nederland = url_state.kies(st.query_params, "nederland", ["ja", "nee"], "ja", "keuze voor Nederland")
    buren = url_state.kies(st.query_params, "buren", ["ja", "nee"], "nee", "keuze voor de buurgemeenten")
    if meldingen:
        meldingen_van(nederland, buren)
    links, rechts = st.columns(2) if naast_elkaar else (st, st)
    met_nederland = links.toggle("Toon Nederland als referentie",
                                 help="Het landelijke cijfer uit dezelfde bron en hetzelfde jaar, waar dat bestaat.",
                                 **url_widget(f"{sleutel}_nederland", "nederland", nederland.waarde == "ja", True))
    met_buren = rechts.toggle("Toon de zes buurgemeenten",
                              help="Amersfoort, Baarn, De Bilt, Bunschoten, Leusden en Zeist: zelfde bron, zelfde jaar.",
                              **url_widget(f"{sleutel}_buren", "buren", buren.waarde == "ja", False))
    return met_nederland, met_buren


def referenties(indicator_jaren, met_nederland: bool = True, met_buren: bool = False) -> pd.DataFrame:
    """Nederland / buurgemeente values for these (indicator, jaar) pairs, in exactly those years."""
    return regio.referenties(gegevens().waarden, indicator_jaren, met_nederland, met_buren)


def vormen(niveau: str):
    """Simplified wijk/buurt shapes as a GeoDataFrame (shared; do not modify)."""
    return gegevens().vormen[niveau]


def kaartvormen(niveau: str):
    """The level's shapes prepared for every map size, with their label places: once per database version."""
    return afgeleid.kaartvormen(gegevens(), niveau)


class _Bewaarplaats:
    """A process-wide LRU of results, keyed by (name, page state, database version).

    Not st.cache_resource: a page asks ~100 times per run, and its argument hashing costs ~0.5 ms per call, a plain
    dict a microsecond. Two sessions missing the same key at once both build it; the second result wins, harmless.

    What it holds lives for the whole database version, so it is taken out of Python's cyclic garbage collection
    (gc.freeze) each time `bevries_per` new results have come in. Warmed, a process holds ~1,5 million objects, and
    every full collection walked them all: a pause of ~0,8 s for every session of that process, a few times a minute
    under load. In practice the freezing happens during the warm-up; a new database unfreezes what was frozen, so
    what the old version held can be collected.
    """

    def __init__(self, maximum: int, bevries_per: int = 1000) -> None:
        self.maximum = maximum
        self.bevries_per = bevries_per
        self._inhoud: OrderedDict = OrderedDict()
        self._slot = threading.Lock()
        self._nieuw = 0

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
            self._nieuw += 1
            bevriezen = self._nieuw >= self.bevries_per
            if bevriezen:
                self._nieuw = 0
        if bevriezen:
            gc.collect()  # what is garbage now is not frozen with the rest
            gc.freeze()
        return waarde

    def clear(self) -> None:
        with self._slot:
            self._inhoud.clear()
            self._nieuw = 0
        gc.unfreeze()


_bewaard = _Bewaarplaats(maximum=20000)


def bewaar(naam: str, sleutel, maak, *args):
    """maak(*args) once per (name, page state, database version), shared read-only by every session.

    `sleutel` must hold every input of maak that can change within one database version (the page state: wijk,
    opgave, jaar …); data read from gegevens() is covered by the version. Never mutate what comes back.
    """
    return _bewaard.geef((naam, sleutel, versie()), lambda: maak(*args))


def inhoud(bouw: Callable, g: Gegevens, *staat):
    """bouw(g, *staat): a page's content, once per (page, state, database) (afgeleid.inhoud)."""
    return afgeleid.inhoud(g, bouw, *staat)


def beoordeeld(marge: float = scoring.STANDAARD_MARGE) -> pd.DataFrame:
    return afgeleid.beoordeeld(gegevens(), marge)


def indicator(indicator_id: str) -> pd.Series:
    return gegevens().indicator(indicator_id)


def bronvermelding(indicator_id: str, jaar: int | None = None) -> None:
    """Source, year, 'modelschatting' and caveat right under a chart, with a link to the definition."""
    tekenen.bronregel(bewaar("bronvermelding", (indicator_id, jaar), bronregels.bronvermelding, gegevens(),
                             indicator_id, jaar))








def bronnen_van(indicator_jaren) -> None:
    """One source block under a chart that holds several indicators: each source once, then the definitions."""
    paren = tuple(dict.fromkeys((i, int(j)) for i, j in indicator_jaren))
    tekenen.bronregel(bewaar("bronnen_van", paren, bronregels.bronnen_van, gegevens(), paren))





def verhaalbron(verhalen: pd.DataFrame) -> None:
    """Source line under texts from the documents: each document once, with the places in it."""
    tekenen.bronregel(bronregels.verhaalbron(gegevens(), verhalen))

















def bron_en_licentie(bron_id: str | None) -> tuple[str, str]:
    return bronregels.bron_en_licentie(gegevens(), bron_id)


def bronregel_tekst(indicator_ids) -> str:
    return bronregels.bronregel_tekst(gegevens(), indicator_ids)


def grafiek_download(grafiek: Grafiek | Callable, titel: str, indicator_ids, naam: str,
                     bronregel: str | None = None) -> None:
    """A chart as PNG and SVG, with its title and source line in the picture (made by vl-convert on click). The source
    line names the sources of `indicator_ids`, or is given (a chart of the survey). `grafiek`: a Grafiek, or a
    function giving an Altair chart (called only on a click, so nothing is built for visitors who do not download)."""
    def volledig() -> dict:  # only on a click
        plat = grafiek.plat() if isinstance(grafiek, Grafiek) else _plat(grafiek())
        return export.grafiek_met_bron(plat, titel,
                                       bronregel or bronregel_tekst(indicator_ids))
    with st.popover("Download deze grafiek", icon=":material/image:"):
        st.download_button("PNG (afbeelding)", lambda: export.grafiek_png(volledig()), file_name=f"{naam}.png",
                           mime="image/png", key=f"grafiek-{naam}-png", on_click="ignore", width="stretch")
        st.download_button("SVG (scherp op elk formaat)", lambda: export.grafiek_svg(volledig()),
                           file_name=f"{naam}.svg", mime="image/svg+xml", key=f"grafiek-{naam}-svg", on_click="ignore",
                           width="stretch")
        st.caption("Met titel en bronregel in het beeld.")


def factsheet_knop(soort: str, wat: str, naam: str) -> None:
    """'Factsheet (PDF)' of a wijk (soort 'wijk') or an opgave: made on a click, from the database this page was
    drawn from (afgeleid.factsheet_pdf keeps it per database)."""
    g = gegevens()
    bestand = f"wijkprofiel_{wat}_{factsheet.bestandsnaam(naam)}.pdf" if soort == "wijk" else f"opgave_{wat}.pdf"
    uitleg = ("De vijf opgaven, alle cijfers naast Soest met het oordeel in woorden, het kaartje, wat inwoners zeggen "
              "en de bronnen met jaar en licentie." if soort == "wijk" else
              "Ambitie en doelen, kerncijfers van Soest, alle wijken per indicator, wat inwoners zeggen en de bronnen.")
    st.download_button("Factsheet (PDF)", lambda: afgeleid.factsheet_pdf(g, soort, wat), file_name=bestand,
                       mime="application/pdf", key=f"factsheet-{soort}-{wat}", icon=":material/picture_as_pdf:",
                       on_click="ignore", help=uitleg)


@dataclass(frozen=True)
class Grafiek:
    """A chart built once per (name, page state, database version). `teken`: the Vega-Lite spec as st.altair_chart
    would send it (data already in Arrow form); `plat()`: the plain spec for a download, built on the first click."""
    teken: dict
    plat: Callable[[], dict]


def grafiekvorm(naam: str, sleutel, bouwer, *args) -> Grafiek:
    """The Altair chart bouwer(*args) as a cached Grafiek, not drawn. `sleutel` must hold every input of the chart
    that can change within one database version (as for bewaar); give builder keywords with functools.partial.

    Building and validating an Altair chart costs ~60 ms; a cached spec draws with st.vega_lite_chart in about a
    millisecond. That is what makes a rerun cheap enough for a room full of visitors."""
    teken = bewaar(f"grafiek:{naam}", sleutel, lambda: _alleen_gebruikte_kolommen(_verstuurd(bouwer(*args))))
    return Grafiek(teken, lambda: bewaar(f"grafiekspec:{naam}", sleutel, lambda: _plat(bouwer(*args))))


def _plat(grafiek) -> dict:
    """A builder's chart as a plain Vega-Lite dict: a filled template (soest_data/weergave/sjabloon.py) already is."""
    return grafiek if isinstance(grafiek, dict) else grafiek.to_dict()


def _verstuurd(grafiek) -> dict:
    """A builder's chart as st.vega_lite_chart sends it, datasets in Arrow form (made once, not on every rerun)."""
    if not isinstance(grafiek, dict):
        return vega_charts._convert_altair_to_vega_lite_spec(_Ongevalideerd(grafiek))
    datasets = {}
    for naam, rijen in grafiek.get("datasets", {}).items():
        try:
            tabel = pa.Table.from_pylist(rijen)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # a column Arrow cannot type: Streamlit converts the records
            datasets[naam] = rijen
            continue
        uit = pa.BufferOutputStream()
        with pa.ipc.new_stream(uit, tabel.schema) as schrijver:
            schrijver.write_table(tabel)
        datasets[naam] = uit.getvalue().to_pybytes()
    return {**grafiek, "datasets": datasets}


def _alleen_gebruikte_kolommen(spec: dict) -> dict:
    """The spec with each dataset cut to the columns the chart names. Builders get whole frames (a bar chart's 8 rows
    carry 44 columns, citaat and licence included): without the cut a page sends ~20 kB per chart instead of ~2 kB,
    which every visitor's phone downloads and parses on every click.

    A column is kept when its name occurs anywhere in the spec's text (encodings, tooltips, transforms, sort), so a
    false match only keeps a column too many. The pandas index is dropped: Vega-Lite never sees it."""
    tekst = json.dumps({k: v for k, v in spec.items() if k != "datasets"})
    datasets = {}
    for naam, data in spec.get("datasets", {}).items():
        if isinstance(data, bytes):
            tabel = pa.ipc.open_stream(data).read_all()
            kolommen = [k for k in tabel.column_names if not k.startswith("__index_level_") and k in tekst]
            if kolommen != tabel.column_names:
                uit = pa.BufferOutputStream()
                tabel = tabel.select(kolommen).replace_schema_metadata(None)
                with pa.ipc.new_stream(uit, tabel.schema) as schrijver:
                    schrijver.write_table(tabel)
                data = uit.getvalue().to_pybytes()
        datasets[naam] = data
    return {**spec, "datasets": datasets} if "datasets" in spec else spec


class _Ongevalideerd:
    """An Altair chart whose to_dict skips the JSON-schema check (a third of a chart's cost). Every builder is
    checked with validation in tests/unit; downloads (plat) still validate."""

    def __init__(self, grafiek) -> None:
        self.grafiek = grafiek

    def to_dict(self) -> dict:
        return self.grafiek.to_dict(validate=False)


def teken(grafiek: Grafiek, alt: str | None = None, width="stretch", **opties) -> None:
    spec = grafiek.teken
    if alt is not None and "description" in spec:  # alt replaces it; dropping it avoids a logged stack per run
        spec = {k: v for k, v in spec.items() if k != "description"}
    st.vega_lite_chart(spec=spec, width=width, alt=alt, **opties)


def grafiek(naam: str, sleutel, bouwer, *args, alt: str | None = None, width="stretch",
            download: tuple | None = None, **opties) -> Grafiek:
    """grafiekvorm(...) drawn; `opties` go to st.vega_lite_chart. `download` = (title, indicator_ids, file name)
    adds grafiek_download under it. Returns the Grafiek."""
    vorm = grafiekvorm(naam, sleutel, bouwer, *args)
    teken(vorm, alt=alt, width=width, **opties)
    if download:
        grafiek_download(vorm, *download)
    return vorm


def breed_of_smal(sleutel: str, breed: Grafiek | Callable, smal: Grafiek | Callable, vanaf: int = 700,
                  alt: str | None = None) -> None:
    """Two forms of one chart: the wide one from `vanaf` px of window width, the narrow one (stacked, or with
    wrapped text) below. Each is a Grafiek (grafiekvorm) or a function that draws it (a map).

    The server does not know the screen, so both are sent and CSS (STIJL, by the container keys) shows one;
    `vanaf` is 700 or 1400. The hidden one is display:none, so screen readers skip it too.
    """
    for vorm, getekend in (("breed", breed), ("smal", smal)):
        with st.container(key=f"{vorm}{vanaf}-{sleutel}"):
            if isinstance(getekend, Grafiek):
                teken(getekend, alt=alt)
            else:
                getekend()


def kaart(naam: str, sleutel, bouwer, *args, **opties):
    """The pydeck map bouwer(*args), serialised once per (name, page state, database version)."""
    blok = bewaar(f"kaart:{naam}", sleutel, lambda: kaartblok(bouwer(*args), ""))
    return st.pydeck_chart(tekenen._VasteKaart(blok.json, blok.tooltip), **opties)


def alle_waarden() -> pd.DataFrame:
    """The whole dataset as shown (after disclosure control), in readable columns: the downloads on /data.
    Built once per database version."""
    g = gegevens()
    return bewaar("alle_waarden", (), lambda: export.leesbaar(
        g.waarden[[*export.EXPORTKOLOMMEN, "niveau", "bron_uitgever", "meetjaar"]]))


def exportregels(indicator_id: str | None, jaar: int | None = None, niveau: str | None = None,
                 gebied: str | None = None) -> pd.DataFrame:
    """The rows behind a view, in the export format (with source and licence), for its download button."""
    return bewaar("exportregels", (indicator_id, jaar, niveau, gebied), bronregels.exportregels, gegevens(),
                  indicator_id, jaar, niveau, gebied)





def download(frame: pd.DataFrame, bestandsnaam: str, label: str = "Download deze cijfers", indicator_ids=None,
             bron_id: str | None = None) -> None:
    tekenen.download(gegevens(), Download(frame, bestandsnaam, label, indicator_ids, bron_id))


def tabel(frame: pd.DataFrame, naam: str, download_label: str | None = None, indicator_ids=None,
          bron_id: str | None = None, afdruk_kop: str | None = None, plat: bool = False, **kwargs):
    aanbod = Download(frame, naam, download_label, indicator_ids, bron_id) if download_label else None
    return tekenen.tabel(gegevens(), Tabel(frame, naam, aanbod, plat, afdruk_kop), **kwargs)


def meldingen_van(*keuzes) -> None:
    """The friendly notices of URL parsing (unknown wijk, indicator …), as plain text."""
    for keuze in keuzes:
        if keuze.melding:
            tekenen.melding(keuze.melding)


def legenda(rijen: pd.DataFrame) -> None:
    tekenen.legenda(zip(rijen["kleur"], rijen["betekenis"]))


def mijn_wijk() -> None:
    """'Mijn wijk': a postcode or address → the wijk it lies in (soest_data.bronnen.postcode), with a link to its profile.

    What a visitor types is shown back only as plain text, and never cached, logged or put in the URL: the links
    carry the wijk code only."""
    with st.container(border=True, key="mijn_wijk_vak"):
        tekst = st.text_input("Mijn wijk: typ uw postcode of adres", max_chars=postcode.MAX_LENGTE, key="mijn_wijk",
                              placeholder="bijvoorbeeld 3769, 3769 AB of Kerkstraat 1 Soest")
        if not tekst.strip():
            st.caption("Met de vier cijfers van uw postcode ziet u uw wijk; met uw volledige postcode of adres ook uw "
                       "buurt. Wat u typt wordt niet bewaard.")
            return
        try:
            boek = bewaar("mijn_wijk:postcodeboek", (), lambda: postcode.laad(
                paden.data_dir() / "postcodes" / "pc4_wijken.csv", gegevens().naam_van))
        except OSError:
            st.text("De postcodetabel ontbreekt; kies uw wijk hieronder.")
            return
        antwoord = postcode.zoek(tekst, boek, postcode.haler())
        st.text(antwoord.tekst)  # plain text: it may quote what PDOK found for the typed address
        for plek in antwoord.plekken:
            st.page_link("pages/wijkprofiel.py", label=plek.label, icon=":material/location_city:",
                         query_params={"wijk": plek.wijk_code})
        if antwoord.bron:
            st.caption(antwoord.bron)


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
/* A focus frame only for keyboard focus: a mouse click (or a rerun that moves focus) draws none (issue 23). */
:focus:not(:focus-visible) { outline: none !important; box-shadow: none !important; }
/* The main column is focusable (tabindex 0, for scrolling by keyboard) and takes focus on any click in the page; a key
   pressed after that click (← → in the presentatiemodus) makes it focus-visible. Its frame runs along the inside of the
   window's edges, not through the title. */
[data-testid="stMain"]:focus-visible { outline-offset: -4px !important; }
/* A chart's own toolbar (Streamlit's 'Show data', 'Download as PNG', 'Copy Vega-Lite spec') is English and shows raw
   column names; every chart has our download and a table beside it. */
[data-testid="stElementContainer"]:has([data-testid="stVegaLiteChart"]) [data-testid="stElementToolbar"] {
  display: none !important; }
/* Two forms of one chart (ui.breed_of_smal): the stacked one below the width where the wide one fits. */
[class*="st-key-smal700-"], [class*="st-key-smal1400-"] { display: none !important; }
@media (max-width: 699.98px) {
  [class*="st-key-breed700-"] { display: none !important; }
  [class*="st-key-smal700-"] { display: block !important; }
}
@media (max-width: 1399.98px) {
  [class*="st-key-breed1400-"] { display: none !important; }
  [class*="st-key-smal1400-"] { display: block !important; }
}
/* The map page: one of three forms of the map per window width (kaartvormen.FORMATEN); map and panel side by side
   from 1600 px, below that the map across the page and the panel under it. */
.st-key-kaartvorm-middel, .st-key-kaartvorm-smal { display: none !important; }
@media (max-width: 1599.98px) {
  .st-key-kaartvorm-groot { display: none !important; }
  .st-key-kaartvorm-middel { display: block !important; }
  .st-key-kaartindeling [data-testid="stHorizontalBlock"] { flex-direction: column; }
  .st-key-kaartindeling [data-testid="stColumn"] { width: 100% !important; flex: 1 1 auto !important; }
}
@media (max-width: 1199.98px) {
  .st-key-kaartvorm-middel { display: none !important; }
  .st-key-kaartvorm-smal { display: block !important; }
}
/* Less empty space above the title, so the map and the first chart reach the first screen. */
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
/* The presentatiemodus fits one screen: fewer indicators on a short one. */
[class*="st-key-laag900-"] { display: none !important; }
@media (max-height: 899.98px) {
  [class*="st-key-hoog900-"] { display: none !important; }
  [class*="st-key-laag900-"] { display: block !important; }
}
/* Nothing wider than the screen: charts and tables keep to the main column, long words wrap. */
[data-testid="stMain"] { overflow-x: hidden; }
[data-testid="stVegaLiteChart"], [data-testid="stDeckGlJsonChart"], [data-testid="stDataFrame"],
[data-testid="stTable"] { max-width: 100%; }
/* Tables wrap long words; on a phone a wide table scrolls sideways inside itself (the script in TAAL_SCRIPT makes
   that region reachable by keyboard), in smaller type. */
[data-testid="stTable"] th, [data-testid="stTable"] td { overflow-wrap: break-word; }
@media (max-width: 699.98px) {
  [data-testid="stTable"] table { font-size: 0.8rem; }
  [data-testid="stTable"] th, [data-testid="stTable"] td { min-width: 5.5rem; }
}
[data-testid="stMarkdownContainer"] { overflow-wrap: break-word; }
/* A key figure in a narrow tile wraps instead of ending in '…'. */
[data-testid="stMetricValue"], [data-testid="stMetricValue"] > div { white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; }
[data-testid="stMetricLabel"] p { white-space: normal !important; }
/* Links (wijk names in narrow cards) and switch labels in a narrow column wrap instead of ending in '…'. */
[data-testid="stCheckbox"] label p { white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; }
[data-testid="stPageLink"] * { white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; }
/* The in-page contents list. */
nav.inhoud ul { list-style: none; padding-left: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
nav.inhoud a { color: #004b87; }
/* Profile cards: a coloured band per position, the symbol and the number large. */
.kaartje { border-left: 0.5rem solid #9E9E9E; padding: 0.25rem 0 0.25rem 0.75rem; }
.kaartje .telling { font-size: 1.2rem; line-height: 1.6; }
.kaartje .ongunstig { color: #A33F00; font-weight: 700; }
.kaartje .gunstig { color: #005A8C; font-weight: 700; }
/* A notice about the link (ui.meldingen), plain text in the colours of st.info. */
.melding { background: #e8f2fc; color: #004280; padding: 0.75rem 1rem; border-radius: 0.5rem; overflow-wrap: anywhere; }
/* The script that sets lang="nl" leaves an empty element behind. */
.element-container:has(> .stHtml script:only-child), [data-testid="stElementContainer"]:has(script:only-child) {
  display: none; }
/* A wijkprofiel prints as a clean document: no navigation, no widgets chrome. */
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
  [data-testid="stMain"] { margin-left: 0 !important; }
}
/* Print (issue 12): any page prints as a document. Widgets, navigation and buttons go; every expander and tab opens;
   a table prints whole from its print-only HTML copy (ui.tabel), since the on-screen grid prints only what is in view. */
[class*="st-key-afdruk-"] { display: none; }
@media print {
  @page { size: A4; margin: 12mm; }
  html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"] {
    height: auto !important; overflow: visible !important; position: static !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: none !important; }
  [data-testid="stSelectbox"], [data-testid="stMultiSelect"], [data-testid="stSlider"], [data-testid="stCheckbox"],
  [data-testid="stButtonGroup"], [data-testid="stDownloadButton"], [data-testid="stPopover"], [data-testid="stButton"],
  [data-testid="stPageLink"], [data-testid="stDataFrame"], [data-testid="stElementToolbar"], [role="tablist"],
  [data-testid="stExpanderToggleIcon"], [data-testid="stDeckGlJsonChart"] { display: none !important; }
  [class*="st-key-afdruk-"] { display: block !important; }
  [class*="st-key-afdruk-"] table { font-size: 9pt; width: 100%; }
  [class*="st-key-afdruk-"] th, [class*="st-key-afdruk-"] td { white-space: normal !important; padding: 2px 4px !important; }
  tr, [data-testid="stVerticalBlockBorderWrapper"], [data-testid="stVegaLiteChart"] { break-inside: avoid; }
  h1, h2, h3, summary { break-after: avoid; }
  details::details-content { content-visibility: visible !important; display: block !important; block-size: auto !important; }
  [data-testid="stExpanderDetails"] { display: block !important; height: auto !important; visibility: visible !important; }
  [data-testid="stTabPanel"], [role="tabpanel"] { display: block !important; }
  [data-testid="stExpander"] details { border: none !important; }
}
</style>
"""


# Streamlit renders <html lang="en"> and English labels on its own controls. This script (run once per page view)
# sets lang="nl" and translates the labels Streamlit does not let us set (aria-label, title, placeholder and a few
# texts); the rest is listed under Toegankelijkheid on the page Over de data.
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
TAAL_SCRIPT = """<script>
(() => {
  document.documentElement.lang = "nl";
  if (window.__soestNederlands) return;
  window.__soestNederlands = true;
  const [NL, BEGIN] = %s;
  const nl = (v) => {
    if (NL[v]) return NL[v];
    for (const [en, nl_] of Object.entries(BEGIN)) if (v.startsWith(en)) return nl_ + v.slice(en.length);
    return null;
  };
  const vertaal = (wortel) => {
    if (document.documentElement.lang !== "nl") document.documentElement.lang = "nl";
    for (const el of wortel.querySelectorAll("[aria-label],[title],[placeholder],[aria-roledescription]")) {
      for (const attr of ["aria-label", "title", "placeholder", "aria-roledescription"]) {
        const v = el.getAttribute(attr);
        const vertaald = v && nl(v);
        if (vertaald) el.setAttribute(attr, vertaald);
      }
    }
    // A table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1): a focusable, named region.
    for (const el of wortel.querySelectorAll('[data-testid="stTable"], [data-testid="stTable"] *')) {
      const o = getComputedStyle(el).overflowX;
      if ((o === "auto" || o === "scroll") && !el.hasAttribute("tabindex")) {
        el.tabIndex = 0;
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", "Tabel; schuif opzij voor meer kolommen");
      }
    }
    const loop = document.createTreeWalker(wortel, NodeFilter.SHOW_TEXT);
    for (let n = loop.nextNode(); n; n = loop.nextNode()) {
      const t = n.nodeValue.trim();
      const vertaald = t && nl(t);
      if (vertaald) n.nodeValue = n.nodeValue.replace(t, vertaald);
    }
  };
  let gepland = false;
  new MutationObserver(() => {
    if (gepland) return;
    gepland = true;
    requestAnimationFrame(() => { gepland = false; vertaal(document.body); });
  }).observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true,
                                         attributeFilter: ["lang", "aria-label", "title", "placeholder",
                                                           "aria-roledescription"]});
  vertaal(document.body);
})();
</script>"""


def opmaak() -> None:
    st.markdown(STIJL, unsafe_allow_html=True)
    st.html(TAAL_SCRIPT % json.dumps([NEDERLANDS, NEDERLANDS_BEGIN], ensure_ascii=False), unsafe_allow_javascript=True)
