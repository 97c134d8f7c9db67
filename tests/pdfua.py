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
- every font embedded (FontFile/FontFile2/FontFile3), so every character can be mapped to Unicode and shown;
- all content tagged: no text is drawn outside marked content (real content with an MCID, or an Artifact), every
  page names its entry in the ParentTree (/StructParents), and a page with annotations has tab order /S;
- reading order: the structure tree reads the pages front to back (it never returns to an earlier page), and within
  a page the headings come in the order of the content (checked by the factsheet test against the document).

Known and not counted here: WeasyPrint tags the running footer (a CSS margin box) as a Span in the ParentTree that
is not linked into the tree (the PDF 2.0 way, an Artifact in the tree, is not allowed in PDF/UA-1); `los_van_boom`
lists such content so a test can see it is only that.
"""
from __future__ import annotations

import io
import re
from html import escape

from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, IndirectObject, NumberObject


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

    fouten += _inhoud_getagd(lezer)
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


_TEKSTOPERATOREN = (b"Tj", b"TJ", b"'", b'"')


def inhoud_mcids(lezer: PdfReader) -> tuple[list[tuple[int, int]], list[int]]:
    """(page, MCID) of every marked content in content order, and the pages with text drawn outside any marked
    content (neither tagged nor an Artifact)."""
    mcids, ongetagd = [], []
    for nummer, pagina in enumerate(lezer.pages):
        inhoud = pagina.get_contents()
        if inhoud is None:
            continue
        diepte = 0
        for operanden, operator in ContentStream(inhoud, lezer).operations:
            if operator in (b"BDC", b"BMC"):
                diepte += 1
                eigen = operanden[1] if operator == b"BDC" and len(operanden) > 1 else None
                eigen = eigen.get_object() if isinstance(eigen, IndirectObject) else eigen
                if isinstance(eigen, DictionaryObject) and "/MCID" in eigen:
                    mcids.append((nummer, int(eigen["/MCID"])))
            elif operator == b"EMC":
                diepte -= 1
            elif operator in _TEKSTOPERATOREN and diepte <= 0:
                ongetagd.append(nummer)
    return mcids, sorted(set(ongetagd))


def boom_mcids(lezer: PdfReader) -> list[tuple[int, int]]:
    """(page, MCID) of every marked content the structure tree reaches, in the tree's (reading) order."""
    nummers = {p.indirect_reference.idnum: i for i, p in enumerate(lezer.pages)}
    uit: list[tuple[int, int]] = []

    def pagina_van(pg) -> int | None:
        return nummers.get(pg.idnum) if isinstance(pg, IndirectObject) else None

    def loop(element, pg) -> None:
        pg = element.raw_get("/Pg") if "/Pg" in element else pg
        k = element.get("/K")
        if k is None:
            return
        k = k.get_object() if isinstance(k, IndirectObject) else k
        for kind in (list(k) if isinstance(k, ArrayObject | list) else [k]):
            kind = kind.get_object() if isinstance(kind, IndirectObject) else kind
            if isinstance(kind, NumberObject | int):
                uit.append((pagina_van(pg), int(kind)))
            elif isinstance(kind, DictionaryObject) and kind.get("/Type") == "/MCR":
                uit.append((pagina_van(kind.raw_get("/Pg") if "/Pg" in kind else pg), int(kind["/MCID"])))
            elif isinstance(kind, DictionaryObject) and kind.get("/Type") != "/OBJR":
                loop(kind, pg)
    wortel = lezer.trailer["/Root"].get("/StructTreeRoot")
    if wortel is not None:
        loop(wortel.get_object(), None)
    return uit


def los_van_boom(pdf: bytes) -> list[tuple[int, int]]:
    """(page, MCID) of tagged content the structure tree does not reach (WeasyPrint's running footer)."""
    lezer = PdfReader(io.BytesIO(pdf))
    return sorted(set(inhoud_mcids(lezer)[0]) - set(boom_mcids(lezer)))


def _inhoud_getagd(lezer: PdfReader) -> list[str]:
    fouten = []
    _, ongetagd = inhoud_mcids(lezer)
    fouten += [f"tekst buiten getagde inhoud of artefact (pagina {n + 1})" for n in ongetagd]
    wortel = lezer.trailer["/Root"].get("/StructTreeRoot")
    if wortel is not None and "/ParentTree" not in wortel.get_object():
        fouten.append("StructTreeRoot zonder ParentTree")
    for nummer, pagina in enumerate(lezer.pages, start=1):
        if pagina.get_contents() is not None and wortel is not None and "/StructParents" not in pagina:
            fouten.append(f"pagina {nummer} zonder /StructParents")
        if pagina.get("/Annots") and pagina.get("/Tabs") != "/S":
            fouten.append(f"pagina {nummer} met annotaties zonder tabvolgorde /S")
    volgorde = [p for p, _ in boom_mcids(lezer) if p is not None]
    terug = [(a, b) for a, b in zip(volgorde, volgorde[1:]) if b < a]
    if terug:
        fouten.append(f"leesvolgorde springt terug van pagina {terug[0][0] + 1} naar {terug[0][1] + 1}")
    return fouten
