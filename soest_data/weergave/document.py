"""A printable document as plain data, one HTML template for it, and a tagged PDF made from that HTML.

The content functions (factsheet.py) say what is printed: headings, sentences, tables, figures. They return a
`Document`; `html()` turns it into semantic HTML (Jinja2 template sjablonen/document.html.j2: headings h1–h3, real
tables with th scope, figures with alt text, lang="nl"), and `pdf()` has WeasyPrint lay that HTML out as a tagged
PDF/UA-1: a screen reader gets the headings, the table headers and the reading order of the HTML. A static page can
render the same blocks with the same template (its macros take one block at a time).
"""
from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

SJABLONEN = Path(__file__).parent / "sjablonen"


@dataclass(frozen=True)
class Kop:
    """A heading; niveau 2 is a section, 3 a subsection (the document's title is its h1)."""
    tekst: str
    niveau: int = 2


@dataclass(frozen=True)
class Alinea:
    """A paragraph. soort: '' (body text), 'klein' (a note, a source line), 'citaat' (a resident's words),
    'let-op' (a caveat), 'tussenkop' (a bold lead-in that is not a heading of its own)."""
    tekst: str
    soort: str = ""


@dataclass(frozen=True)
class Opsomming:
    regels: tuple[str, ...]
    soort: str = ""


@dataclass(frozen=True)
class Tabel:
    """A table with column headers (`kop`) and, when `rijkop`, the first cell of each row as its row header.
    `breedtes`: relative column widths (they are scaled to the page); a cell may hold a line break."""
    kop: tuple[str, ...]
    rijen: tuple[tuple[str, ...], ...]
    breedtes: tuple[float, ...] = ()
    rijkop: bool = True
    bijschrift: str = ""
    soort: str = ""

    def procenten(self) -> list[float]:
        totaal = sum(self.breedtes) or 1
        return [round(100 * b / totaal, 2) for b in self.breedtes]


@dataclass(frozen=True)
class Figuur:
    """An image (SVG) with the text that stands for it (alt) and a visible caption."""
    svg: bytes
    alt: str
    bijschrift: str = ""
    breedte_mm: float = 60

    def data_url(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg).decode("ascii")


@dataclass(frozen=True)
class Naast:
    """Two columns on paper: `hoofd` (read first) and `zij` (a figure beside it), in this reading order."""
    hoofd: tuple
    zij: tuple


@dataclass(frozen=True)
class Document:
    titel: str
    onderwerp: str
    inleiding: str
    blokken: tuple
    voetregel: str
    liggend: bool = False
    gemaakt: date = field(default_factory=date.today)


@cache
def _omgeving():
    import jinja2  # late: only the factsheet (and a static site) render HTML
    omgeving = jinja2.Environment(loader=jinja2.FileSystemLoader(SJABLONEN), autoescape=True,
                                  trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    omgeving.filters["css_tekst"] = css_tekst
    return omgeving


def css_tekst(tekst: str):
    """Text for inside a CSS string (the page footer): every character that is not a letter, digit or space as a CSS
    escape, so no quote or brace ends the string. Marked safe: HTML entities would show literally inside <style>."""
    from markupsafe import Markup
    return Markup("".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in tekst))


def html(document: Document) -> str:
    """The document as one self-contained HTML page (its print stylesheet inline, images as data URLs)."""
    return _omgeving().get_template("document.html.j2").render(
        d=document, stijl=(SJABLONEN / "document.css").read_text(encoding="utf-8"))


def pdf(document: Document) -> bytes:
    """The document as a tagged PDF/UA-1: language nl, title shown as the window title, headings, table headers and
    figures with alt text in the structure tree, page numbers as artifacts."""
    import weasyprint  # late: Pango loads only for a factsheet
    return weasyprint.HTML(string=html(document)).write_pdf(pdf_variant="pdf/ua-1")
