"""The content model: what a page says, as plain data, before anything draws it.

A page's content is made once by a pure function, `bouw(gegevens, staat) -> Inhoud`
(soest_data/weergave/paginas/), and rendered by whoever shows it: the app (ui.tekenen), the presentation, the
factsheet and the downloads. A sentence, judgement or year is therefore worded in one place (docs/ARCHITECTUUR.md).

Text in `Tekst` and `Bron` is written by us (markdown); text that may come from a visitor (a link's value) only
ever travels in a `Melding`, which every renderer shows as plain text.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True, eq=False)
class Kop:
    """A heading; `anker` makes it a jump target of the page's contents list."""
    tekst: str
    niveau: int = 2
    anker: str | None = None


@dataclass(frozen=True, eq=False)
class Tekst:
    """A paragraph or list in markdown, written by us. `klein`: a caption (a note under a figure); `kader`: in a
    coloured box ('info', 'waarschuwing') for what must not be missed."""
    tekst: str
    klein: bool = False
    kader: str | None = None
    groot: bool = False  # a lead paragraph (an opgave's ambition), larger than body text


@dataclass(frozen=True, eq=False)
class Link:
    """A link to another view of the dashboard: page file (pages/wijkprofiel.py) and its URL choices."""
    label: str
    pagina: str
    query: tuple[tuple[str, str], ...] = ()
    icoon: str | None = None


@dataclass(frozen=True, eq=False)
class Melding:
    """A notice (info, waarschuwing, let_op): always shown as plain text, never as markdown or HTML."""
    tekst: str
    soort: str = "info"


@dataclass(frozen=True, eq=False)
class Bron:
    """A source line under a figure or text: links in markdown form, shown small (`ui`) or as a footnote (PDF)."""
    regel: str


@dataclass(frozen=True, eq=False)
class Download:
    """A table offered as Excel and CSV for Dutch Excel, with source and licence on every row: taken from the rows
    themselves, from `indicator_ids` (a summary over many indicators) or from `bron_id` (one shared source)."""
    frame: pd.DataFrame
    bestandsnaam: str
    label: str = "Download deze cijfers"
    indicator_ids: tuple[str, ...] | None = None
    bron_id: str | None = None


# A gemeente of 400 wijken has tables of thousands of rows: a table of more than RIJEN_ZONDER_PAGINAS rows is drawn
# RIJEN_PER_PAGINA rows at a time (the tables of a gemeente of Soest's size stay whole).
RIJEN_ZONDER_PAGINAS, RIJEN_PER_PAGINA = 250, 100


@dataclass(frozen=True, eq=False)
class Tabel:
    """A table on screen and whole on paper. `plat`: every row and column visible (st.table), else a scrolling grid
    with a print-only copy; `download`: its download, if it has one; `selecteerbaar`: the page reacts to a row.
    A long table is drawn a page of rows at a time (RIJEN_ZONDER_PAGINAS; the download holds them all)."""
    frame: pd.DataFrame
    naam: str
    download: Download | None = None
    plat: bool = False
    afdruk_kop: str | None = None
    linkkolommen: tuple[tuple[str, str], ...] = ()  # (column, link text): cells holding a URL drawn as links
    sleutel: str | None = None  # a table whose rows the visitor can choose: the widget key the page reads


@dataclass(frozen=True, eq=False)
class Figuur:
    """A chart: a Vega-Lite spec with its data inside, its text alternative, and how to download it (title in the
    picture, the sources of `indicator_ids` or a given source line). `smal`: the narrow form below `vanaf` px.
    `svg`: the same picture drawn still (an SVG document), which the app shows instead of the live chart (no chart
    library on the phone for a picture that needs no interaction)."""
    spec: dict
    alt: str
    titel: str | None = None
    indicator_ids: tuple[str, ...] = ()
    bestandsnaam: str | None = None
    bronregel: str | None = None
    smal: Figuur | None = None
    vanaf: int = 700
    svg: str | None = None


@dataclass(frozen=True, eq=False)
class Beelddownload:
    """A picture offered for download only (PNG and SVG with title and source line), made on a click by `maak`
    (a Vega-Lite spec): e.g. the map as a picture for a raadsvoorstel."""
    maak: Callable[[], dict]
    titel: str
    indicator_ids: tuple[str, ...]
    bestandsnaam: str


@dataclass(frozen=True, eq=False)
class Kaart:
    """A pydeck map, serialised (JSON), with its text alternative."""
    json: str
    alt: str
    hoogte: int = 480
    tooltip: dict | bool = False
    sleutel: str | None = None  # a map the visitor can click: the widget key the page reads the choice from
    vak: str | None = None      # the container key (one of several forms of the map, shown by window width)


@dataclass(frozen=True, eq=False)
class Legenda:
    """Colour swatch + words per class, (kleur, betekenis): the words carry the meaning, the colour only repeats
    it. `smal`: the legend of a chart's narrow form, shown below `vanaf` px instead."""
    rijen: tuple[tuple[str, str], ...]
    smal: Legenda | None = None
    vanaf: int = 700


@dataclass(frozen=True, eq=False)
class Kerncijfer:
    """One key figure in a tile: label, value as text, a help text, and the lines under it (year, Nederland)."""
    label: str
    waarde: str
    hulp: str
    regels: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Opgavekaartjes:
    """The five opgaven of one wijk as cards (rows of wijkprofiel.opgaven_in_een_oogopslag)."""
    rijen: tuple[dict, ...]
    per_rij: int = 3


@dataclass(frozen=True, eq=False)
class Wijklinks:
    """One link per wijk to its profile: (code, naam)."""
    wijken: tuple[tuple[str, str], ...]
    kolommen: int = 4


@dataclass(frozen=True, eq=False)
class Bestand:
    """A file to download as it is: ready bytes (small, made with the content, e.g. a machine-readable CSV) or a
    function that makes them on a click (a large export)."""
    data: bytes | Callable[[], bytes]
    bestandsnaam: str
    label: str
    mime: str


@dataclass(frozen=True, eq=False)
class Uitklap:
    """Blocks behind a click (an expander on screen, open on paper); `open`: unfolded from the start.
    `op_verzoek`: the app sends the blocks only when the visitor asks (a switch), so a phone downloads neither them
    nor the library that draws them until then; on paper they are left out unless asked."""
    titel: str
    blokken: tuple = ()
    open: bool = False
    op_verzoek: bool = False


SCHERM, PAPIER = "scherm", "papier"


@dataclass(frozen=True, eq=False)
class Alleen:
    """Blocks for one medium only: `op` SCHERM leaves them out of a print (charts whose figures a table on the page
    already gives, a long table the factsheet holds), PAPIER prints them and shows them nowhere else (what a print
    leaves out and where to find it). A print stays a few A4 pages."""
    op: str
    blokken: tuple = ()


@dataclass(frozen=True, eq=False)
class Tabbladen:
    """Parts behind tabs, (titel, blokken) each; `plek` names the page's tab widget (its choice lives in the URL).
    On paper every tab prints, one after the other."""
    delen: tuple[tuple[str, tuple], ...]
    plek: str


@dataclass(frozen=True, eq=False)
class Kader:
    """Blocks that belong together in a bordered box (a rule and its one knob)."""
    blokken: tuple = ()


@dataclass(frozen=True, eq=False)
class Kolommen:
    """Blocks side by side; each element of `delen` is one column's blocks. `breedtes`: relative widths."""
    delen: tuple[tuple, ...]
    breedtes: tuple[int, ...] | None = None
    sleutel: str | None = None  # a container key, for a layout the style sheet changes by window width


@dataclass(frozen=True, eq=False)
class Raster:
    """Parts in a grid of `per_rij` columns (stacked on a phone); each part is a tuple of blocks."""
    delen: tuple[tuple, ...]
    per_rij: int = 3


@dataclass(frozen=True, eq=False)
class BreedOfSmal:
    """The same content in two forms: `breed` from `vanaf` px of window width, `smal` below it (the server does not
    know the screen: both are sent, the style sheet shows one, and the hidden one is hidden from screen readers too)."""
    breed: tuple
    smal: tuple
    vanaf: int = 700


@dataclass(frozen=True, eq=False)
class Plek:
    """Where the page puts an interactive part (a picker, a switch): the renderer asks the page for it by name."""
    naam: str


@dataclass(frozen=True, eq=False)
class Inhoud:
    """One page's content: title, contents list (title, anchor), and its blocks in reading order."""
    titel: str
    blokken: tuple = ()
    kopjes: tuple[tuple[str, str], ...] = ()
    meta: dict = field(default_factory=dict)

    def alle(self, soort: type | None = None):
        """Every block, nested ones included, in reading order (optionally of one kind): for tests and renderers."""
        def door(blokken):
            for blok in blokken:
                yield blok
                if isinstance(blok, Uitklap | Kader | Alleen):
                    yield from door(blok.blokken)
                elif isinstance(blok, Kolommen | Raster):
                    for deel in blok.delen:
                        yield from door(deel)
                elif isinstance(blok, BreedOfSmal):
                    yield from door(blok.breed)
                    yield from door(blok.smal)
                elif isinstance(blok, Tabbladen):
                    for _, deel in blok.delen:
                        yield from door(deel)
                elif isinstance(blok, Tabel) and blok.download is not None:
                    yield blok.download
        return [b for b in door(self.blokken) if soort is None or isinstance(b, soort)]

    def tekst(self) -> str:
        """All words of the page (headings, texts, notices, sources, alt texts), for tests and search."""
        delen = []
        for blok in self.alle():
            for veld in ("tekst", "regel", "alt", "titel", "label"):
                waarde = getattr(blok, veld, None)
                if isinstance(waarde, str):
                    delen.append(waarde)
        return "\n".join([self.titel, *delen])


def figuur(grafiek, alt: str, titel: str | None = None, indicator_ids=(), bestandsnaam: str | None = None,
           bronregel: str | None = None, smal: Figuur | None = None, vanaf: int = 700, svg: str | None = None) -> Figuur:
    """An Altair chart as a Figuur: its Vega-Lite spec once (without the schema check, a third of the cost: every
    builder is validated in tests/unit/test_grafieken_geldig.py), each dataset cut to the columns the chart names.
    `svg`: the same picture drawn still, which the app shows instead of the live chart.

    Builders get whole frames (a bar chart's 8 rows carry 44 columns, quotes and licences included); without the
    cut every visitor's phone would download and parse ~20 kB per chart instead of ~2 kB on every click."""
    spec = dict(grafiek) if isinstance(grafiek, dict) else grafiek.to_dict(validate=False)  # a builder's spec or chart
    spec.pop("description", None)  # `alt` is the text alternative
    spec = _alleen_gebruikte_kolommen(spec)
    return Figuur(spec=spec, alt=alt, titel=titel, indicator_ids=tuple(dict.fromkeys(indicator_ids)),
                  bestandsnaam=bestandsnaam, bronregel=bronregel, smal=smal, vanaf=vanaf, svg=svg)


_GEOJSON = ("type", "geometry")  # a map's shapes: drawn as GeoJSON features without an encoding naming them


def _alleen_gebruikte_kolommen(spec: dict) -> dict:
    """A column is kept when its name occurs anywhere in the spec's text (encodings, tooltips, transforms, sort), so
    a false match only keeps a column too many; a map's features (`type`, `geometry`) are drawn without being
    named, so they stay."""
    if "datasets" not in spec:
        return spec
    tekst = json.dumps({k: v for k, v in spec.items() if k != "datasets"})
    datasets = {}
    for naam, rijen in spec["datasets"].items():
        kolommen = {k for rij in rijen[:1] for k in rij if k in tekst or k in _GEOJSON}
        datasets[naam] = [{k: v for k, v in rij.items() if k in kolommen} for rij in rijen]
    return {**spec, "datasets": datasets}


def kaart(deck, alt: str, hoogte: int = 480, sleutel: str | None = None, vak: str | None = None) -> Kaart:
    """A map (kaart.Kaartspec) as a Kaart: serialised once."""
    return Kaart(json=deck.to_json(), alt=alt, hoogte=hoogte, tooltip=deck.tooltip or False, sleutel=sleutel, vak=vak)
