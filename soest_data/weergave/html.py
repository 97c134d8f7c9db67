"""The second renderer: a page's Inhoud as static, semantic HTML that needs no JavaScript to read.

The app draws an Inhoud with Streamlit (ui/tekenen.py); this module writes the same Inhoud as HTML for the public
edition (publiceer.py): headings, paragraphs, real tables with header cells, charts drawn in as SVG (vl-convert) with
their text alternative, source lines, and downloads as files beside the page. What a page says is therefore the same
in both editions: the words come from the one `bouw`.

Links inside the content are the app's own ('/aandacht?wijk=WK034205'); `adres` turns each into the static page that
shows the same view, or leaves it as it is when there is none.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from html import escape
from urllib.parse import parse_qsl, urlsplit

import pandas as pd

from soest_data import export
from soest_data.gegevens import Gegevens
from soest_data.weergave import bronregels, kaartsvg
from soest_data.weergave.blokken import (
    Alleen,
    Beelddownload,
    Bestand,
    BreedOfSmal,
    Bron,
    Download,
    Figuur,
    Inhoud,
    Kaart,
    Kader,
    Kerncijfer,
    Kolommen,
    Kop,
    Legenda,
    Link,
    Melding,
    Opgavekaartjes,
    Plek,
    Raster,
    Tabbladen,
    Tabel,
    Tekst,
    Uitklap,
    Wijklinks,
)


@dataclass
class Omgeving:
    """What a page needs besides its content: the data it was built from (`g`, for the sources of a download), where
    links go (`adres(pad, query)` → a static path or None), how a place for a widget is filled (`plekken`: name →
    HTML), and where its downloads are written (`bestanden`: file name → bytes, filled while rendering)."""
    g: Gegevens
    adres: Callable[[str, Mapping[str, str]], str | None]
    plekken: Mapping[str, str] = field(default_factory=dict)
    bestanden: dict[str, bytes] = field(default_factory=dict)
    met_bestanden: bool = True


@cache
def _markdown():
    from markdown_it import MarkdownIt
    # CommonMark without raw HTML and without linkify: only links we write ourselves become links.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


_HREF = re.compile(r'href="(/[^"]*)"')


def statisch(url: str, omgeving: Omgeving) -> str | None:
    """An app link ('/aandacht?wijk=WK034205') → the static page of the same view, or None when there is none."""
    delen = urlsplit(url)
    return omgeving.adres(delen.path.strip("/"), dict(parse_qsl(delen.query)))


def _links(html_: str, omgeving: Omgeving) -> str:
    """App links in rendered markdown → the static page of the same view (or unchanged)."""
    def vervang(m: re.Match) -> str:
        doel = statisch(m.group(1).replace("&amp;", "&"), omgeving)
        return f'href="{escape(doel)}"' if doel else m.group(0)
    return _HREF.sub(vervang, html_)


def markdown(tekst: str, omgeving: Omgeving, inline: bool = False) -> str:
    md = _markdown()
    html_ = md.renderInline(tekst) if inline else md.render(tekst)
    return _links(html_, omgeving)


def pagina(inhoud: Inhoud, omgeving: Omgeving, meldingen=()) -> str:
    """The content of one page (no <html> shell: publiceer.py puts it in the site's template)."""
    delen = [f"<h1>{escape(inhoud.titel)}</h1>"]
    delen += [f'<p class="melding" role="note">{escape(m)}</p>' for m in meldingen]
    if inhoud.kopjes:
        delen.append('<nav class="inhoud" aria-label="Op deze pagina"><strong>Op deze pagina:</strong><ul>'
                     + "".join(f'<li><a href="#{escape(a)}">{escape(t)}</a></li>' for t, a in inhoud.kopjes)
                     + "</ul></nav>")
    delen += [blok(b, omgeving) for b in inhoud.blokken]
    return "\n".join(d for d in delen if d)


def _reeks(blokken_, omgeving: Omgeving) -> str:
    return "\n".join(blok(b, omgeving) for b in blokken_)


def blok(b, omgeving: Omgeving) -> str:
    match b:
        case Kop(tekst, niveau, anker):
            n = min(max(niveau, 2), 4)
            return f"<h{n}" + (f' id="{escape(anker)}"' if anker else "") + f">{escape(tekst)}</h{n}>"
        case Tekst(tekst, klein, kader, groot):
            klasse = "groot" if groot else "klein" if klein else kader or ""
            binnen = markdown(tekst, omgeving)
            return f'<div class="tekst {klasse}">{binnen}</div>' if klasse else binnen
        case Melding(tekst, soort):
            return f'<p class="melding {escape(soort)}" role="note">{escape(tekst)}</p>'
        case Bron(regel):
            return f'<p class="bron">{markdown(regel, omgeving, inline=True)}</p>'
        case Link(label, pagina_, query, _):
            doel = omgeving.adres(pagina_.removeprefix("pages/").removesuffix(".py").replace("app", ""), dict(query))
            tekst = markdown(label, omgeving, inline=True)
            return f'<p class="link"><a href="{escape(doel)}">{tekst}</a></p>' if doel else ""
        case Download():
            return _download(b, omgeving)
        case Bestand(data, bestandsnaam, label, _):
            if not omgeving.met_bestanden:
                return ""
            omgeving.bestanden[bestandsnaam] = data() if callable(data) else data
            return f'<p class="download"><a href="{escape(bestandsnaam)}" download>{escape(label)}</a></p>'
        case Tabel():
            links = {k: t for k, t in b.linkkolommen}
            # a table the app's visitor chooses a wijk in: here each wijk's row header links to its profile
            wijken = {n: c for c, n in omgeving.g.wijknamen.items()} if b.sleutel else {}
            rijkop = {n: omgeving.adres("wijkprofiel", {"wijk": c}) for n, c in wijken.items()}
            return (tabel(b.frame, b.afdruk_kop, links, omgeving, rijkop)
                    + (_download(b.download, omgeving) if b.download else ""))
        case Figuur(smal=None):
            return figuur(b)
        case Figuur(smal=smal, vanaf=vanaf):  # a phone gets the narrow form: the wide one shrunk would be unreadable
            return _breed_of_smal(figuur(b), figuur(smal, SMALLE_GRAFIEK.get(vanaf, 720)), vanaf)
        case Kaart():
            return _kaart(b, omgeving)
        case Beelddownload():
            return ""
        case Legenda(rijen, None, _):
            return '<ul class="legenda">' + "".join(
                f'<li><span class="vak" style="background:{escape(k)}"></span>{escape(t)}</li>' for k, t in rijen) + "</ul>"
        case Legenda(rijen, smal, vanaf):  # the legend of the chart's form shown at this width
            return _breed_of_smal(blok(Legenda(rijen), omgeving), blok(smal, omgeving), vanaf)
        case Kerncijfer(label, waarde, _, regels):
            return (f'<div class="kerncijfer"><p class="label">{escape(label)}</p><p class="waarde">{escape(waarde)}</p>'
                    + "".join(f"<p>{markdown(r, omgeving, inline=True)}</p>" for r in regels) + "</div>")
        case Opgavekaartjes(rijen, _):
            return '<div class="raster">' + "".join(_opgavekaart(r) for r in rijen) + "</div>"
        case Wijklinks(wijken, _):
            items = []
            for code, naam in wijken:
                doel = omgeving.adres("wijkprofiel", {"wijk": code})
                if doel:
                    items.append(f'<li><a href="{escape(doel)}">{escape(naam)}</a></li>')
            return '<ul class="wijklinks">' + "".join(items) + "</ul>"
        case Uitklap(titel, binnen, open_):
            return (f"<details{' open' if open_ else ''}><summary>{escape(titel)}</summary>"
                    f"{_reeks(binnen, omgeving)}</details>")
        case BreedOfSmal(breed, _, _):  # a static page has room for the wide form; it reflows on a phone
            return _reeks(breed, omgeving)
        case Tabbladen(delen, _):
            return "".join(f"<section><h3>{escape(t)}</h3>{_reeks(binnen, omgeving)}</section>" for t, binnen in delen)
        case Alleen(op, binnen):  # site.css: one of them on screen, the other on paper
            return f'<div class="alleen-{escape(op)}">{_reeks(binnen, omgeving)}</div>'
        case Kader(binnen):
            return f'<div class="kader">{_reeks(binnen, omgeving)}</div>'
        case Kolommen(delen, breedtes, _) if breedtes:  # side by side on a wide screen, stacked on a phone
            kolommen = " ".join(f"{b}fr" for b in breedtes)
            return (f'<div class="kolommen" style="--kolommen: {kolommen}">'
                    + "".join(f"<div>{_reeks(d, omgeving)}</div>" for d in delen) + "</div>")
        case Kolommen(delen, _) | Raster(delen, _):
            return '<div class="raster">' + "".join(f"<div>{_reeks(d, omgeving)}</div>" for d in delen) + "</div>"
        case Plek(naam):
            return omgeving.plekken.get(naam, "")
        case _:
            raise TypeError(f"onbekend blok: {type(b).__name__}")


# From this many columns a table is a stack of rows on a phone (site.css, .stapel): each row a block, each cell
# under its column's name, instead of a table wider than the screen with its right half out of sight.
STAPEL_VANAF = 4


def tabel(frame: pd.DataFrame, bijschrift: str | None = None, links: Mapping[str, str] | None = None,
          omgeving: Omgeving | None = None, rijkop: Mapping[str, str] | None = None) -> str:
    """A real table: column headers, the first column as row headers, Dutch text as the page shows it. `links`:
    column → link text, for columns whose cells hold a URL (an app link becomes the static page of the same view);
    `rijkop`: row header text → the page it links to.

    The roles are written out (table, row, cell…): a stacked table on a phone is displayed as blocks, and a browser
    then no longer tells a screen reader it is a table unless the roles say so."""
    koppen = [escape(str(k)) for k in frame.columns]
    kop = "".join(f'<th scope="col" role="columnheader">{k}</th>' for k in koppen)
    linkkolom = [k in (links or {}) for k in frame.columns]
    rijen = []
    for rij in frame.itertuples(index=False):
        cellen = ["" if pd.isna(c) else _NIET_BREKEN.sub("\u00a0", str(c)) for c in rij]
        inhoud = [_celink(c, links[k], omgeving) if is_link and c else escape(c)
                  for c, k, is_link in zip(cellen, frame.columns, linkkolom)]
        if rijkop and rijkop.get(cellen[0]):
            inhoud[0] = f'<a href="{escape(rijkop[cellen[0]])}">{inhoud[0]}</a>'
        rijen.append('<tr role="row">' + "".join(
            f'<th scope="row" role="rowheader">{c}</th>' if i == 0 else f'<td role="cell" data-kop="{koppen[i]}">{c}</td>'
            for i, c in enumerate(inhoud)) + "</tr>")
    onderschrift = f"<caption>{escape(bijschrift)}</caption>" if bijschrift else ""
    stapel = " stapel" if len(frame.columns) >= STAPEL_VANAF else ""
    return (f'<div class="tabel{stapel}" role="region" tabindex="0" aria-label="Tabel"><table role="table">'
            f'{onderschrift}<thead role="rowgroup"><tr role="row">{kop}</tr></thead><tbody role="rowgroup">'
            f"{''.join(rijen)}</tbody></table></div>")


_NIET_BREKEN = re.compile(r"(?<=\d) (?=%)")  # '49,3 %' stays on one line in a narrow column


def _celink(url: str, tekst: str, omgeving: Omgeving | None) -> str:
    """A table cell holding a URL, as a link: an app link ('/kaart?indicator=…') to its static page, another
    address as it is; without a link text the address is the text."""
    doel = (statisch(url, omgeving) if url.startswith("/") and omgeving is not None else None) or url
    return f'<a href="{escape(doel)}">{escape(tekst or url)}</a>'


# The forms of the app's map (kaart.FORMATEN) a static page shows, each by window width (site.css): the laptop form
# from 48rem, the phone form below it. The widest form is for the app's beamer layout beside its panel.
KAARTVORMEN = {"kaartvorm-middel": "breed", "kaartvorm-smal": "smal"}


def _kaart(b: Kaart, omgeving: Omgeving) -> str:
    """The app's map as SVG (kaartsvg): a map the visitor can click in the app has its wijken (and buurten, to their
    wijk) as links to their wijkprofiel; the summary sentence is its text alternative and caption."""
    if b.vak is not None and b.vak not in KAARTVORMEN:
        return ""
    ouder = omgeving.g.gebieden.set_index("code")["ouder"]

    def doel(code: str) -> str | None:
        wijk = code if code in omgeving.g.wijknamen else ouder.get(code)
        return omgeving.adres("wijkprofiel", {"wijk": wijk}) if b.sleutel and wijk in omgeving.g.wijknamen else None
    klasse = f" {KAARTVORMEN[b.vak]}" if b.vak else ""
    return (f'<figure class="kaart{klasse}">{kaartsvg.svg(b.json, b.alt, doel)}'
            f'<figcaption class="alt">{escape(b.alt)}</figcaption></figure>')


# Where site.css switches from a narrow form to the wide one (a block's `vanaf`, in px of window width), and the
# width a chart's narrow form is drawn at: below 700 a phone's column (390 px less the page's margins), below 1400
# the page's column.
SMALLE_GRAFIEK = {700: 350, 1400: 720}


def _breed_of_smal(breed: str, smal: str, vanaf: int) -> str:
    """Both forms of a block; site.css shows the wide one from `vanaf` px and the narrow one below it (display: none
    hides the other from screen readers too)."""
    if vanaf not in SMALLE_GRAFIEK:
        raise ValueError(f"geen overgang bij {vanaf} px in site.css: {tuple(SMALLE_GRAFIEK)}")
    return f'<div class="breed vanaf-{vanaf}">{breed}</div><div class="smal vanaf-{vanaf}">{smal}</div>'


def figuur(b: Figuur, breedte: int = 720) -> str:
    """The chart drawn in as SVG `breedte` px wide (a chart that fills its column), with its text alternative (role
    img, aria-label) and its caption."""
    svg = export.grafiek_svg(export.vaste_maat(b.spec, breedte)).decode("utf-8")
    svg = re.sub(r"^<svg ", f'<svg role="img" aria-label="{escape(b.alt)}" ', svg.lstrip(), count=1)
    return f'<figure class="grafiek">{svg}<figcaption class="alt">{escape(b.alt)}</figcaption></figure>'


def _download(b: Download, omgeving: Omgeving) -> str:
    """A table's download as files beside the page, as the app's download offers it (ui.tekenen.download): Excel
    (.xlsx) and CSV for Dutch Excel, with readable column names and source and licence on every row."""
    if not omgeving.met_bestanden:
        return ""
    stam = b.bestandsnaam.removesuffix(".csv")
    tabel_ = bronregels.downloadtabel(omgeving.g, b.frame, b.indicator_ids, b.bron_id)
    omgeving.bestanden[f"{stam}.csv"] = csv = export.csv_excel(tabel_)
    omgeving.bestanden[f"{stam}.xlsx"] = _xlsx(tabel_, b.label, csv)
    return (f'<p class="download">{escape(b.label)}: <a href="{escape(stam)}.xlsx" download>Excel (.xlsx)</a> · '
            f'<a href="{escape(stam)}.csv" download>CSV voor Nederlandse Excel</a></p>')


_XLSX: dict[bytes, bytes] = {}  # the same table on several pages (a wijk's whole profile) is made into Excel once


def _xlsx(tabel_: pd.DataFrame, titel: str, csv: bytes) -> bytes:
    sleutel = hashlib.sha256(titel.encode() + b"\0" + csv).digest()
    if sleutel not in _XLSX:
        if len(_XLSX) > 256:
            _XLSX.clear()
        _XLSX[sleutel] = export.xlsx(tabel_, titel)
    return _XLSX[sleutel]


def _opgavekaart(r) -> str:
    return (f'<div class="kaartje"><strong>{escape(r["Opgave"])}</strong><p>▼ {int(r["ongunstig"])} ongunstig<br>'
            f'● {int(r["rond"])} rond gemiddelde<br>▲ {int(r["gunstig"])} gunstig</p>'
            + ("<p><strong>▼ valt op</strong></p>" if r.get("valt op") else "") + "</div>")
