"""The only place with st.cache_* and shared Streamlit pieces (data access, source lines, downloads).

Pages call these; the data layer (soest_data) never imports streamlit.
"""
from __future__ import annotations

import gc
import json
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from html import escape

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit.elements import vega_charts  # its Altair→spec conversion, so a cached spec draws exactly like st.altair_chart

from soest_data import db, export, gebieden, jaren, paden, scoring, url_state, waarden
from soest_data.begrippen import OPGAVEN, SOEST, VERGELIJKNIVEAUS, VIJF_OPGAVEN
from soest_data.bronnen import uitwisseling
from soest_data.gegevens import Gegevens, laad
from soest_data.opmaak import LETTER_GROOT
from soest_data.weergave import aandacht, factsheet, grafieken, regio, uitspraken, verandering, wijkprofiel

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
    _deze_run.versie = None  # a new run: look at the database file again (ui.versie)
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
@media (max-height: 899.98px) { html { font-size: 19px; } [data-testid="stMain"] h1 { font-size: 1.8rem; } }
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


def dia(pagina_bestand: str, wijk: str, opgave: str, sleutel: str) -> None:
    """One screen of the presentation: one wijk and one opgave — a title, the count in words, the dot chart of the
    indicators where the wijk differs most from Soest, the source, and ← / → links to the previous and next step
    (the arrow keys click them). `sleutel` ('wijk' or 'opgave') is the URL key that steps; the other stays."""
    g = gegevens()
    beoordeeld_ = beoordeeld()
    naam = g.wijknamen[wijk]
    st.title(f"{naam} · {OPGAVEN[opgave]}")
    telling_ = wijkprofiel.opgaven_in_een_oogopslag(telling(), wijk, standpunten()).set_index("opgave_id").loc[opgave]
    # A tall screen (1920 × 1080) shows four indicators, a short one (1280 × 720) three: always one screen.
    for vorm, aantal, rij in (("hoog900", 4, 36), ("laag900", 3, 28)):
        with st.container(key=f"{vorm}-dia"):
            ids = wijkprofiel.presentatie_indicatoren(beoordeeld_, wijk, opgave, aantal)
            rijen = beoordeeld_[beoordeeld_["indicator"].isin(ids)]
            st.markdown(f"**{naam} ten opzichte van heel Soest:** {telling_['In woorden']}. "
                        + (f"Hieronder de {len(ids)} cijfers waarin {naam} het meest van Soest verschilt." if ids else
                           "Voor deze opgave zijn er geen cijfers per wijk."))
            st.markdown(uitspraken.zin_met_link({"zin": telling_["Tekst"]}))
            if len(rijen):
                teken(grafiekvorm("dia", (wijk, opgave, vorm), partial(grafieken.stippen, rij=rij, letter=LETTER_GROOT),
                                  rijen, wijk, naam),
                      alt=f"{naam}, {OPGAVEN[opgave].lower()}: de cijfers met het grootste verschil met Soest.")
                bronnen_van(rijen.drop_duplicates("indicator")[["indicator", "jaar"]].itertuples(index=False))
    alle, namen = (list(g.wijknamen), g.wijknamen) if sleutel == "wijk" else (VIJF_OPGAVEN, OPGAVEN)
    huidige = wijk if sleutel == "wijk" else opgave
    vaste = {"opgave": opgave} if sleutel == "wijk" else {"wijk": wijk}
    vorige, volgende = wijkprofiel.stappen(huidige, alle)
    with st.container(key="presentatie-nav", horizontal=True, gap="large"):
        for richting, stap, label in (("vorige", vorige, f"← {namen[vorige]}"),
                                      ("volgende", volgende, f"{namen[volgende]} →")):
            st.button(label, key=f"presentatie-{richting}", on_click=_naar_stap, args=(sleutel, stap))
        st.page_link(pagina_bestand, label="Presentatie sluiten", icon=":material/close:",
                     query_params={**vaste, sleutel: huidige})
    st.caption(f"Stap {alle.index(huidige) + 1} van {len(alle)} · de toetsen ← en → bladeren verder")


def _naar_stap(sleutel: str, stap: str) -> None:
    st.query_params[sleutel] = stap  # the URL holds the step: a shared link opens the same screen


def presentatieknop(pagina_bestand: str, **query: str) -> None:
    """The way into the presentatiemodus from a page (the same view, full screen, stepping with ← and →)."""
    st.page_link(pagina_bestand, label="Presentatiemodus", icon=":material/slideshow:",
                 query_params={**query, "presentatie": "ja"})


def versie() -> tuple:
    """The database file now being served: (path, file identity). Every cache below is keyed by it, so a rebuilt or
    imported database reaches the next run of every session without a restart. Read once per script run (pagina()
    starts each run by forgetting it), not once per cached piece (~100 per run)."""
    global _laatste_versie
    sleutel = getattr(_deze_run, "versie", None)
    if sleutel is not None:
        return sleutel
    pad = paden.db_path()
    sleutel = (str(pad), db.identiteit(pad))
    if sleutel != _laatste_versie:
        if _laatste_versie is not None:  # a new file: drop what was computed from the old one
            _bewaard.clear()
            _gegevens.clear()
        _laatste_versie = sleutel
    _deze_run.versie = sleutel
    return sleutel


_laatste_versie: tuple | None = None
_deze_run = threading.local()  # each script run has its own thread


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


def telling(marge: float = scoring.STANDAARD_MARGE) -> pd.DataFrame:
    """The one tally per wijk × opgave (kernset, this margin) that every page shows; see scoring.tel_per_opgave.
    Cached per database version and margin (read-only)."""
    g, oordeel = gegevens(), beoordeeld(marge)
    return bewaar("telling", marge, lambda: aandacht.telling(oordeel, g.wijken, scoring.kernsets(g.opgaven)))


def standpunten(marge: float = scoring.STANDAARD_MARGE) -> pd.DataFrame:
    """What the texts say per wijk × opgave beside the tally (uitspraken.standpunten): the one source for the stance
    on every page and the slides. Cached per database version and margin (read-only)."""
    g, tel = gegevens(), telling(marge)
    return bewaar("standpunten", marge, lambda: uitspraken.standpunten(tel, g.uitspraken))


def veranderingen() -> pd.DataFrame:
    """Every area × indicator with two comparable measurements and the change between them (cached per database)."""
    g = gegevens()
    return bewaar("veranderingen", (), lambda: verandering.veranderingen(g.waarden, g.indicatoren, g.bronnen))


def _regio(g: Gegevens, opgave: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    regiowaarden = regio.regiowaarden(g.waarden, g.indicatoren, opgave)
    return regiowaarden, regio.regio_oordelen(regiowaarden)


def soest_in_de_regio(opgave: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Soest, Nederland and the buurgemeenten for one opgave (long) and Soest's judgement per indicator; cached."""
    return bewaar("regio", opgave, _regio, gegevens(), opgave)


def referentiekeuze(sleutel: str, naast_elkaar: bool = True) -> tuple[bool, bool]:
    """Two switches above charts with a Soest line: Nederland (on by default) and the six buurgemeenten (off), kept
    in the URL (?nederland=nee, ?buren=ja) so a shared link shows the same references. In a narrow column (the map's
    side panel) they stand under each other, so their labels do not break mid-word."""
    nederland = url_state.kies(st.query_params, "nederland", ["ja", "nee"], "ja", "keuze voor Nederland")
    buren = url_state.kies(st.query_params, "buren", ["ja", "nee"], "nee", "keuze voor de buurgemeenten")
    meldingen(nederland, buren)
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
    """Simplified wijk/buurt shapes as a GeoDataFrame (cached; do not modify)."""
    return _geladen()[1][niveau]


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


def beoordeeld(marge: float = scoring.STANDAARD_MARGE) -> pd.DataFrame:
    """Every wijk × indicator (latest year) scored against Soest, with the position in words ('het hoogst van alle
    wijken'); cached per database version and margin (read-only)."""
    g = gegevens()
    return bewaar("beoordeeld", marge, lambda: wijkprofiel.met_woorden(
        scoring.beoordeel_wijken(g.waarden, g.indicatoren, marge, kernset=scoring.kernsets(g.opgaven))))


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
    if ind.get("meetjaar") or jaar is not None:  # the year as the source gives it (soest_data/jaren.py)
        regel += f" · {jaren.met_woord(jaren.jaar_tekst(jaar, ind.get('meetjaar'), ind.get('peilperiode')))}"
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


def _met_bron_en_licentie(frame: pd.DataFrame) -> pd.DataFrame:
    """Readable columns, and Bron and Licentie on every row: from the export columns, from the source title, or
    from the indicator (and year) of the row."""
    if {"indicator", "bron"} <= set(frame.columns) and "gebied_code" in frame:
        return export.leesbaar(frame)
    frame = frame.rename(columns=lambda k: k[:1].upper() + k[1:])  # 'indicator' → 'Indicator' in a display table
    if export.heeft_bron_en_licentie(frame):
        return frame
    w = gegevens().waarden
    licentie_van = dict(zip(w["bron_titel"], w["licentie"]))
    if "Bron" in frame:
        return frame.assign(Licentie=frame["Bron"].map(  # a cell may name several sources: 'A; B'
            lambda b: "; ".join(dict.fromkeys(licentie_van.get(t.strip(), "") for t in str(b).split(";")))))
    if "Indicator" in frame:
        sleutel = ["indicator_label", "jaar"] if "Jaar" in frame else ["indicator_label"]
        per = w.groupby(sleutel).agg(Bron=("bron_titel", lambda b: "; ".join(sorted(set(b)))),
                                     Licentie=("licentie", lambda b: "; ".join(sorted(set(b))))).reset_index()
        per = per.rename(columns={"indicator_label": "Indicator", "jaar": "_jaar"})
        sleutels = ["Indicator"]
        if "Jaar" in frame:  # the year as shown may be text; match on its number, show it as it was
            per["_jaar"] = per["_jaar"].astype(float)
            frame = frame.assign(_jaar=pd.to_numeric(frame["Jaar"], errors="coerce"))
            sleutels.append("_jaar")
        return frame.merge(per, on=sleutels, how="left").drop(columns="_jaar", errors="ignore").fillna(
            {"Bron": "", "Licentie": ""})
    return frame


def download(frame: pd.DataFrame, bestandsnaam: str, label: str = "Download deze cijfers", indicator_ids=None,
             bron_id: str | None = None) -> None:
    """Every view ends with a download of exactly what it shows, as Excel (.xlsx) and as CSV for Dutch Excel
    (byte-order mark, ';', decimal comma), with readable column names and source and licence on every row: taken from
    the rows themselves, or from `indicator_ids` (a summary over many indicators) or `bron_id` (one shared source)."""
    def tabel() -> pd.DataFrame:  # only on a click: matching sources to rows costs tens of ms per table
        if bron_id is not None:
            return export.met_bron(frame, *bron_en_licentie(bron_id))
        if indicator_ids is not None:
            return met_bronnen(frame, indicator_ids)
        return _met_bron_en_licentie(frame)
    stam = bestandsnaam.removesuffix(".csv")
    # one button that opens the choice of format; data as a function: a file is made only when someone clicks
    with st.popover(label, icon=":material/download:"):
        st.download_button("Excel (.xlsx)", lambda: export.xlsx(tabel(), label), file_name=f"{stam}.xlsx",
                           mime=export.XLSX_MIME, key=f"download-{stam}-xlsx", on_click="ignore", width="stretch")
        st.download_button("CSV voor Nederlandse Excel", lambda: export.csv_excel(tabel()), file_name=f"{stam}.csv",
                           mime=export.CSV_MIME, key=f"download-{stam}-csv", on_click="ignore", width="stretch")
        st.caption("Met leesbare kolomnamen, en bron en licentie op elke regel.")


def tabel(frame: pd.DataFrame, naam: str, download_label: str | None = None, indicator_ids=None,
          bron_id: str | None = None, afdruk_kop: str | None = None, plat: bool = False, **kwargs):
    """A table on screen (st.dataframe), the same table whole on paper (a print-only HTML copy: the on-screen grid
    prints only its visible rows), and, with a `download_label`, its download buttons (see download for
    `indicator_ids` and `bron_id`). Returns st.dataframe's value (for row selection). `afdruk_kop` heads the printed
    copy where the screen has a tab instead."""
    tabel_ = _als_arrow(frame)
    if plat:  # a plain table: every row and column visible on screen and on paper, long words wrap
        if afdruk_kop:
            st.markdown(f"**{afdruk_kop}**")
        st.table(tabel_, hide_index=True)
        if download_label:
            download(frame, naam, download_label, indicator_ids, bron_id)
        return None
    waarde = st.dataframe(tabel_, hide_index=True, width="stretch", **kwargs)
    with st.container(key=f"afdruk-{naam}"):
        if afdruk_kop:
            st.markdown(f"**{afdruk_kop}**")
        st.table(tabel_, hide_index=True, border="horizontal")
    if download_label:
        download(frame, naam, download_label, indicator_ids, bron_id)
    return waarde


_arrow_van: dict[int, tuple[weakref.ref, pa.Table]] = {}


def _als_arrow(frame: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """The frame as an Arrow table, made once per frame object. st.dataframe and st.table convert pandas to Arrow on
    every run (most of their cost); the frames a page shows are cached ones (bewaar), so their table is reused until
    the frame itself is gone. A frame Arrow cannot take as is goes to Streamlit unchanged (it knows the fixes)."""
    bekend = _arrow_van.get(id(frame))
    if bekend is not None and bekend[0]() is frame:
        return bekend[1]
    try:
        tabel_ = pa.Table.from_pandas(frame)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return frame
    sleutel = id(frame)
    _arrow_van[sleutel] = (weakref.ref(frame, lambda _: _arrow_van.pop(sleutel, None)), tabel_)
    return tabel_


def _bronrijen(indicator_ids) -> pd.DataFrame:
    w = gegevens().waarden
    return w[w["indicator"].isin(list(indicator_ids))].drop_duplicates("bron").sort_values("bron")


def bron_en_licentie(bron_id: str | None) -> tuple[str, str]:
    """('Verwey-Jonker Instituut, Zorgen voor elkaar …', 'openbaar …') for a table whose rows share one source."""
    bronnen = gegevens().bron_per_id
    if bron_id not in bronnen.index:
        return "onbekend", "onbekend"
    b = bronnen.loc[bron_id]
    return f"{b['uitgever']}, {b['titel']}", b["licentie"]


def met_bronnen(frame: pd.DataFrame, indicator_ids) -> pd.DataFrame:
    """A summary table built from many indicators (a matrix): all their sources and licences on every row."""
    rijen = _bronrijen(indicator_ids)
    return frame.assign(Bron="; ".join(f"{u}, {t}" for u, t in zip(rijen["bron_uitgever"], rijen["bron_titel"])),
                        Licentie="; ".join(dict.fromkeys(rijen["licentie"])))


def bronregel_tekst(indicator_ids) -> str:
    """'Bron: CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0); …' as plain text, under a downloaded chart."""
    rijen = _bronrijen(indicator_ids)
    return "Bron: " + "; ".join(f"{u}, {t} ({lic})" for u, t, lic in
                                 zip(rijen["bron_uitgever"], rijen["bron_titel"], rijen["licentie"])) \
        + " · Wijkprofielen Soest"


def grafiek_download(grafiek: Grafiek | Callable, titel: str, indicator_ids, naam: str,
                     bronregel: str | None = None) -> None:
    """A chart as PNG and SVG, with its title and source line in the picture (made by vl-convert on click). The source
    line names the sources of `indicator_ids`, or is given (a chart of the survey). `grafiek`: a Grafiek, or a
    function giving an Altair chart (called only on a click, so nothing is built for visitors who do not download)."""
    def volledig() -> dict:  # only on a click
        plat = grafiek.plat() if isinstance(grafiek, Grafiek) else grafiek().to_dict()
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
    """'Factsheet (PDF)' of a wijk (soort 'wijk') or an opgave: made on click, kept per choice and database version."""
    g, oordeel, wijkvormen = gegevens(), beoordeeld(), vormen("wijk")

    def pdf() -> bytes:
        return factsheet.wijk_pdf(g, oordeel, wijkvormen, wat) if soort == "wijk" else factsheet.opgave_pdf(g, oordeel, wat)
    bestand = f"wijkprofiel_{wat}_{factsheet.bestandsnaam(naam)}.pdf" if soort == "wijk" else f"opgave_{wat}.pdf"
    uitleg = ("De vijf opgaven, alle cijfers naast Soest met het oordeel in woorden, het kaartje, wat inwoners zeggen "
              "en de bronnen met jaar en licentie." if soort == "wijk" else
              "Ambitie en doelen, kerncijfers van Soest, alle wijken per indicator, wat inwoners zeggen en de bronnen.")
    st.download_button("Factsheet (PDF)", lambda: bewaar("factsheet", (soort, wat), pdf), file_name=bestand,
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
    teken = bewaar(f"grafiek:{naam}", sleutel,
                   lambda: _alleen_gebruikte_kolommen(
                       vega_charts._convert_altair_to_vega_lite_spec(_Ongevalideerd(bouwer(*args)))))
    return Grafiek(teken, lambda: bewaar(f"grafiekspec:{naam}", sleutel, lambda: bouwer(*args).to_dict()))


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


def in_kolommen(delen, per_rij: int):
    """Each of `delen` inside its own column, `per_rij` to a row (on a phone Streamlit stacks them)."""
    delen = list(delen)
    for start in range(0, len(delen), per_rij):
        for vak, deel in zip(st.columns(per_rij, gap="large"), delen[start:start + per_rij]):
            with vak:
                yield deel


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


def alle_waarden() -> pd.DataFrame:
    """The whole dataset as shown (after disclosure control), in readable columns: the downloads on /data.
    Built once per database version."""
    g = gegevens()
    return bewaar("alle_waarden", (), lambda: export.leesbaar(
        g.waarden[[*uitwisseling.EXPORTKOLOMMEN, "niveau", "bron_uitgever", "meetjaar"]]))


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
    # Nederland and the buurgemeenten come along as the reference they are on screen, each with its source.
    if niveau is not None:
        kies &= w["niveau"].isin([niveau, "gemeente", *VERGELIJKNIVEAUS])
    if gebied is not None:
        kies &= w["gebied_code"].isin([gebied, SOEST]) | w["niveau"].isin(VERGELIJKNIVEAUS)
    return w.loc[kies, uitwisseling.EXPORTKOLOMMEN]


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
    """Show the friendly notices of URL parsing (unknown wijk, indicator …), as plain text: a notice may quote the
    link, and nothing a visitor types is rendered as markdown."""
    for keuze in keuzes:
        if keuze.melding:
            st.info(keuze.melding.replace("\\", "\\\\").translate({ord(c): f"\\{c}" for c in "*_[]()`#<>~|!$"}))


def opgavekaart(rij: pd.Series) -> None:
    """One opgave of a wijk as a card (a row of wijkprofiel.opgaven_in_een_oogopslag): a coloured band for the
    balance (orange more unfavourable, blue more favourable, grey even) and the counts with symbols and words."""
    ongunstig, gunstig, rond = int(rij["ongunstig"]), int(rij["gunstig"]), int(rij["rond"])
    kleur, woord = (("#D55E00", "meer ongunstig dan gunstig") if ongunstig > gunstig else
                    ("#0072B2", "meer gunstig dan ongunstig") if gunstig > ongunstig else ("#9E9E9E", "in evenwicht"))
    st.markdown(
        f"<div class='kaartje' style='border-left-color:{kleur}'><strong>{escape(rij['Opgave'])}</strong>"
        f"<div class='telling'><span class='ongunstig'>▼ {ongunstig}</span> ongunstig<br>"
        f"● {rond} rond gemiddelde<br><span class='gunstig'>▲ {gunstig}</span> gunstig</div>"
        f"<small>{woord}" + (f", {int(rij['met oordeel'])} van de {int(rij['kernset'])} cijfers van de kernset met een "
                             "oordeel" if rij.get("met oordeel") else "")
        + ("</small><br><strong>▼ valt op</strong>" if rij.get("valt op") else "</small>")
        + (f"<br><small>{rij['tekst_html']}</small>" if rij.get("tekst_html") else "") + "</div>",
        unsafe_allow_html=True)


def inhoudsopgave(kopjes: list[tuple[str, str]]) -> None:
    """An in-page contents list for a long page: (title, anchor) per section, each a jump link; the page gives its
    headers the same anchors (st.header(titel, anchor=anker))."""
    links = "".join(f"<li><a href='#{escape(anker)}'>{escape(titel)}</a></li>" for titel, anker in kopjes)
    st.markdown(f"<nav class='inhoud' aria-label='Op deze pagina'><strong>Op deze pagina:</strong><ul>{links}</ul></nav>",
                unsafe_allow_html=True)


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
[data-testid="stMetricValue"] > div { white-space: normal !important; overflow: visible !important;
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
}
TAAL_SCRIPT = """<script>
(() => {
  document.documentElement.lang = "nl";
  if (window.__soestNederlands) return;
  window.__soestNederlands = true;
  const NL = %s;
  const vertaal = (wortel) => {
    if (document.documentElement.lang !== "nl") document.documentElement.lang = "nl";
    for (const el of wortel.querySelectorAll("[aria-label],[title],[placeholder]")) {
      for (const attr of ["aria-label", "title", "placeholder"]) {
        const v = el.getAttribute(attr);
        if (v && NL[v]) el.setAttribute(attr, NL[v]);
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
      if (t && NL[t]) n.nodeValue = n.nodeValue.replace(t, NL[t]);
    }
  };
  let gepland = false;
  new MutationObserver(() => {
    if (gepland) return;
    gepland = true;
    requestAnimationFrame(() => { gepland = false; vertaal(document.body); });
  }).observe(document.documentElement, {subtree: true, childList: true, attributes: true,
                                         attributeFilter: ["lang", "aria-label", "title", "placeholder"]});
  vertaal(document.body);
})();
</script>"""


def opmaak() -> None:
    st.markdown(STIJL, unsafe_allow_html=True)
    st.html(TAAL_SCRIPT % json.dumps(NEDERLANDS, ensure_ascii=False), unsafe_allow_javascript=True)
