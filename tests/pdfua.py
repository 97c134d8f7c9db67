"""A structural PDF/UA-1 check with pypdf, for the tests: veraPDF is not available offline, so this checks the
machine-checkable parts a screen reader depends on. Not a full validator: it does not judge reading order by meaning,
contrast or whether the alt text is any good.

`gebreken(pdf)` lists what is wrong (empty = passes):
- a structure tree (StructTreeRoot with kids) and MarkInfo /Marked true (a tagged PDF);
- the document language /Lang is Dutch (nl or nl-NL);
- a title in DocInfo and in the XMP metadata (dc:title), shown as the window title (ViewerPreferences DisplayDocTitle),
  and the PDF/UA identification (pdfuaid:part 1) in the XMP;
- exactly one H1, and headings that never skip a level (H1 → H3 without H2);
- every Figure has a non-empty /Alt;
- every Table has header cells (TH) with an ID, and every data cell (TD) names its headers (/Headers);
- every font embedded (FontFile/FontFile2/FontFile3), so every character can be mapped to Unicode and shown.
"""
from __future__ import annotations

import io
import re
from html import escape

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject


def _kinderen(element) -> list:
    k = element.get("/K")
    if k is None:
        return []
    k = k.get_object() if isinstance(k, IndirectObject) else k
    lijst = list(k) if isinstance(k, ArrayObject | list) else [k]
    return [c.get_object() for c in lijst if isinstance(c.get_object() if isinstance(c, IndirectObject) else c,
                                                          DictionaryObject)]


def structuur(lezer: PdfReader) -> list[DictionaryObject]:
    """Every structure element, depth first in document order (the reading order a screen reader follows)."""
    wortel = lezer.trailer["/Root"].get("/StructTreeRoot")
    if wortel is None:
        return []
    uit: list[DictionaryObject] = []

    def loop(element) -> None:
        if "/S" in element:
            uit.append(element)
        for kind in _kinderen(element):
            if "/S" in kind or "/K" in kind:
                loop(kind)
    loop(wortel.get_object())
    return uit


def koppen(lezer: PdfReader) -> list[int]:
    """The heading levels in reading order: [1, 2, 2, 3, …]."""
    return [int(str(e["/S"])[2]) for e in structuur(lezer) if re.fullmatch(r"/H[1-6]", str(e["/S"]))]


def gebreken(pdf: bytes) -> list[str]:
    lezer = PdfReader(io.BytesIO(pdf))
    catalogus = lezer.trailer["/Root"]
    fouten = []
    wortel = catalogus.get("/StructTreeRoot")
    if wortel is None or not _kinderen(wortel.get_object()):
        fouten.append("geen structuurboom (StructTreeRoot)")
    if not catalogus.get("/MarkInfo", {}).get("/Marked"):
        fouten.append("MarkInfo /Marked ontbreekt")
    taal = str(catalogus.get("/Lang", ""))
    if not re.fullmatch(r"nl(-NL)?", taal):
        fouten.append(f"taal is {taal!r}, niet nl")
    titel = (lezer.metadata or {}).get("/Title")
    if not titel:
        fouten.append("geen titel in DocInfo")
    xmp = catalogus["/Metadata"].get_object().get_data().decode("utf-8") if "/Metadata" in catalogus else ""
    if not titel or f">{escape(titel, quote=False)}<" not in xmp or "dc:title" not in xmp:
        fouten.append("titel ontbreekt in de XMP-metadata (dc:title)")
    if not re.search(r'pdfuaid:part(="1"|>1<)', xmp):
        fouten.append("PDF/UA-identificatie (pdfuaid:part 1) ontbreekt in de XMP")
    if not catalogus.get("/ViewerPreferences", {}).get("/DisplayDocTitle"):
        fouten.append("DisplayDocTitle staat niet aan")

    elementen = structuur(lezer)
    niveaus = koppen(lezer)
    if niveaus.count(1) != 1:
        fouten.append(f"{niveaus.count(1)} H1-koppen, verwacht precies één")
    for vorige, kop in zip(niveaus, niveaus[1:]):
        if kop > vorige + 1:
            fouten.append(f"kopniveau springt van H{vorige} naar H{kop}")
    for e in elementen:
        if e["/S"] == "/Figure" and not str(e.get("/Alt", "")).strip():
            fouten.append("Figure zonder alternatieve tekst (/Alt)")
    tabellen = [e for e in elementen if e["/S"] == "/Table"]
    cellen = {s: [e for e in elementen if e["/S"] == s] for s in ("/TH", "/TD")}
    if tabellen and not cellen["/TH"]:
        fouten.append("tabellen zonder kopcellen (TH)")
    if any("/ID" not in e for e in cellen["/TH"]):
        fouten.append("kopcel (TH) zonder ID")
    if any(not e.get("/A", {}).get("/Headers") for e in cellen["/TD"]):
        fouten.append("gegevenscel (TD) zonder verwijzing naar haar kopcellen (/Headers)")

    for nummer, pagina in enumerate(lezer.pages, start=1):
        for font in (pagina.get("/Resources", {}).get("/Font") or {}).values():
            font = font.get_object()
            beschrijving = font.get("/FontDescriptor")
            if beschrijving is None and "/DescendantFonts" in font:
                beschrijving = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            beschrijving = beschrijving.get_object() if beschrijving is not None else {}
            if not any(k in beschrijving for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                fouten.append(f"lettertype {font.get('/BaseFont')} niet ingebed (pagina {nummer})")
    return fouten


def lettergroottes(pdf: bytes) -> list[tuple[str, float]]:
    """(text, size in points) of every piece of text, the size as drawn (font size × text matrix scale)."""
    uit: list[tuple[str, float]] = []
    for pagina in PdfReader(io.BytesIO(pdf)).pages:
        def bezoek(tekst, cm, tm, font, grootte):
            if tekst.strip():
                uit.append((tekst.strip(), round(grootte * abs(tm[3]) * abs(cm[3] or 1), 2)))
        pagina.extract_text(visitor_text=bezoek)
    return uit
