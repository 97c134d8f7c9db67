"""The factsheet PDF: a tagged PDF/UA-1 (structure, language, title, headings in order, table headers, alt text on the
map, table text ≥ 9 pt), 2–4 A4 pages per wijk, every figure as text and equal to the data, sources with licence and the
years of their figures, missing figures as 'geen gegevens'; the CLI refuses an unknown wijk or opgave in Dutch."""
from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from pypdf import PdfReader

from soest_data import db, gemeente, opmaak
from soest_data.__main__ import main
from soest_data.begrippen import NEDERLAND, VIJF_OPGAVEN
from soest_data.weergave import afgeleid, document, enquete, factsheet
from tests import pdfua
from tests.conftest import snel_en_traag

A4 = (595, 842)  # points, portrait


@pytest.fixture(scope="module")
def echt(echte_db):
    con = db.open_readonly(echte_db)
    g = factsheet.invoer(con.cursor())
    con.close()
    yield g, afgeleid.beoordeeld(g), g.vormen["wijk"]  # the scored rows the factsheet prints (as every page)


@pytest.fixture(scope="module")
def verzonnen(fixture_db):
    con = db.open_readonly(fixture_db)
    g = factsheet.invoer(con.cursor())
    con.close()
    yield g, afgeleid.beoordeeld(g), g.vormen["wijk"]


def _tekst(pdf: bytes) -> str:
    """All text of the PDF with whitespace collapsed: a table cell wrapped over two lines is still found."""
    lezer = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in lezer.pages))


def _laatste_jaar_per_wijk(g, wijk: str) -> pd.DataFrame:
    """The figures the factsheet must print, computed from the values themselves (not from the builder)."""
    ind = g.indicatoren.set_index("id")
    w = g.waarden[(g.waarden["gebied_code"] == wijk) & g.waarden["opgave"].isin(VIJF_OPGAVEN)]
    w = w[~w["eenheid"].str.startswith("aantal") | w["eenheid"].str.contains("gemiddeld")]
    laatste = w.groupby("indicator")["jaar"].transform("max")
    return w[(w["jaar"] == laatste) & w["indicator"].isin(ind.index)]


# Smitsveen (the fullest factsheet) in the fast loop, every other wijk with --traag
@pytest.mark.parametrize("wijk", snel_en_traag([f"WK03420{i}" for i in range(1, 9)], ["WK034205"]))
def test_every_wijk_has_two_to_five_a4_pages_of_real_text(echt, wijk):
    """A wijk's profile on paper stays short: at most five A4 pages (the print target is six), at 9 pt or more."""
    g, beoordeeld, vormen = echt
    lezer = PdfReader(io.BytesIO(factsheet.pdf(g, "wijk", wijk)))
    assert 2 <= len(lezer.pages) <= 5, (wijk, len(lezer.pages))
    assert all(tuple(round(float(x)) for x in p.mediabox[2:]) == A4 for p in lezer.pages)
    assert f"Wijkprofiel {g.wijknamen[wijk]}" in lezer.pages[0].extract_text()


def test_every_figure_of_the_wijk_is_in_the_pdf_and_equal_to_the_data(echt):
    g, beoordeeld, vormen = echt
    wijk = "WK034205"
    tekst = _tekst(factsheet.pdf(g, "wijk", wijk))
    cijfers = _laatste_jaar_per_wijk(g, wijk).dropna(subset=["waarde"])
    assert len(cijfers) > 40
    ontbreekt = [(r["indicator"], opmaak.waarde_met_eenheid(r["waarde"], r["eenheid"])) for _, r in cijfers.iterrows()
                 if opmaak.waarde_met_eenheid(r["waarde"], r["eenheid"]) not in tekst]
    assert not ontbreekt
    # and Soest beside it, in the same year
    soest = g.waarden[(g.waarden["gebied_code"] == gemeente.huidige().code)].set_index(["indicator", "jaar"])["waarde"]
    for _, r in cijfers.iterrows():
        s = soest.get((r["indicator"], r["jaar"]))
        if s is not None and not pd.isna(s):
            assert opmaak.waarde_met_eenheid(s, r["eenheid"]) in tekst, r["indicator"]


def test_each_opgave_table_lists_its_indicators_with_the_judgement_in_words(echt):
    g, beoordeeld, vormen = echt
    wijk = "WK034208"
    tekst = _tekst(factsheet.pdf(g, "wijk", wijk))
    for opgave in VIJF_OPGAVEN:
        regels = factsheet.wijkregels(beoordeeld, wijk, opgave, factsheet.nederland(g))
        for _, r in regels.iterrows():
            regel = re.sub(r"\s+", " ", f"{r['Indicator']} {r['Wijk']} {r['Soest']} {r['NL']} {r['Oordeel']}")
            assert regel in tekst, regel
    assert "De vijf opgaven in één oogopslag" in tekst
    assert enquete.SAMENGEVAT in tekst  # residents' words as the gemeente's summary, never as a quote


def test_nederland_stands_beside_wijk_and_soest_in_the_same_year_with_its_source(echt):
    g, beoordeeld, vormen = echt
    wijk = "WK034205"
    tekst = _tekst(factsheet.pdf(g, "wijk", wijk))
    assert "NL = Nederland" in tekst
    nl = g.waarden[g.waarden["gebied_code"] == NEDERLAND].dropna(subset=["waarde"])
    nl = nl.set_index(["indicator", "jaar"])
    gezien = 0
    for opgave in VIJF_OPGAVEN:
        for _, r in factsheet.wijkregels(beoordeeld, wijk, opgave, factsheet.nederland(g)).iterrows():
            rij = beoordeeld[(beoordeeld["gebied_code"] == wijk) & (beoordeeld["indicator"] == r["indicator"])].iloc[0]
            sleutel = (r["indicator"], rij["jaar"])
            if sleutel in nl.index:  # the data file's figure, in the row's own year, and its source listed
                verwacht = opmaak.waarde_met_eenheid(nl.loc[sleutel, "waarde"], rij["eenheid"])
                assert r["NL"] == verwacht, sleutel
                regel = re.sub(r"\s+", " ", f"{r['Indicator']} {r['Wijk']} {r['Soest']} {verwacht}")
                assert regel in tekst, regel
                b = g.bron_per_id.loc[nl.loc[sleutel, "bron"]]
                assert re.sub(r"\s+", " ", f"{b['uitgever']}, {b['titel']}") in tekst
                gezien += 1
            else:
                assert r["NL"] == "–", sleutel  # never a figure from another year
    assert gezien > 20


def test_sources_are_listed_with_year_and_licence(echt):
    g, beoordeeld, vormen = echt
    wijk = "WK034201"
    tekst = _tekst(factsheet.pdf(g, "wijk", wijk))
    gebruikt = set(_laatste_jaar_per_wijk(g, wijk)["bron"])
    bronnen = g.bron_per_id
    for bron_id in gebruikt:
        b = bronnen.loc[bron_id]
        assert re.sub(r"\s+", " ", f"{b['uitgever']}, {b['titel']}") in tekst, bron_id
        assert b["licentie"] in tekst
    assert "gemaakt op" in tekst and "gegevens van" not in tekst  # the build date is not the date of the data


def test_the_factsheet_says_which_years_its_figures_are_from(echt):
    g, beoordeeld, vormen = echt
    wijk = "WK034205"
    tekst = _tekst(factsheet.pdf(g, "wijk", wijk))
    jaren = _laatste_jaar_per_wijk(g, wijk)
    jaren = jaren.loc[jaren["meetjaar"].fillna("") == "", "jaar"]
    periode = re.search(r"gaan over de jaren (\d{4}) tot en met (\d{4})", tekst)
    assert periode, "the introduction names the years of the figures"
    assert int(periode[1]) <= jaren.min() and int(periode[2]) >= jaren.max()
    assert f"cijfers {periode[1]} tot en met {periode[2]}" in tekst  # in the footer of every page
    # the sources table gives each source the years of its figures here, not the build date
    for bron_id, groep in _laatste_jaar_per_wijk(g, wijk).groupby("bron"):
        b = g.bron_per_id.loc[bron_id]
        titel = re.sub(r"\s+", " ", f"{b['uitgever']}, {b['titel']}")
        achter = tekst[tekst.rindex(titel):]
        for jaar in groep.loc[groep["meetjaar"].fillna("") == "", "jaar"].unique():
            assert re.search(rf"{int(jaar)}|\d{{4}}–\d{{4}}", achter[:400]), (bron_id, jaar)


def _tabeltekst(blokken) -> str:
    uit = []
    for b in blokken:
        if isinstance(b, document.Naast):
            uit.append(_tabeltekst(b.hoofd + b.zij))
        elif isinstance(b, document.Tabel):
            uit += [" ".join(c.split()) for rij in (b.kop, *b.rijen) for c in rij]
    return " | ".join(uit)


def _lopende_tekst(inhoud) -> str:
    """Every text outside a table: a fragment found here as well may be small print (a source line, the footer)."""
    def teksten(blokken):
        for b in blokken:
            if isinstance(b, document.Naast):
                yield from teksten(b.hoofd + b.zij)
            elif isinstance(b, document.Alinea | document.Kop):
                yield b.tekst
            elif isinstance(b, document.Opsomming):
                yield from b.regels
            elif isinstance(b, document.Figuur):
                yield b.bijschrift
    return " | ".join([inhoud.voetregel, *teksten(inhoud.blokken)])


def _koppen(blokken) -> list[int]:
    uit = []
    for b in blokken:
        if isinstance(b, document.Naast):
            uit += _koppen(b.hoofd + b.zij)
        elif isinstance(b, document.Kop):
            uit.append(b.niveau)
    return uit


@pytest.mark.parametrize("soort", ["wijk", "opgave"])
def test_the_factsheet_is_a_tagged_pdf_ua(echt, soort):
    """The structural PDF/UA check (tests/pdfua.py): tagged, Dutch, titled, headings in the order of the content,
    table headers, alt text on the map; and every table's text at least 9 pt."""
    g, beoordeeld, vormen = echt
    inhoud = (factsheet.wijk_document(g, "WK034205") if soort == "wijk"
              else factsheet.opgave_document(g, "meedoen_inclusie"))
    pdf = document.pdf(inhoud)
    assert pdfua.gebreken(pdf) == []
    lezer = PdfReader(io.BytesIO(pdf))
    # the only tagged content outside the tree: WeasyPrint's running footer, once per page (tests/pdfua.py)
    assert [p for p, _ in pdfua.los_van_boom(pdf)] == list(range(len(lezer.pages)))
    assert lezer.metadata["/Title"] == inhoud.titel
    assert pdfua.koppen(lezer) == [1, *_koppen(inhoud.blokken)]  # reading order: the headings as written
    figuren = [e for e in pdfua.structuur(lezer) if e["/S"] == "/Figure"]
    if soort == "wijk":
        assert len(figuren) == 1 and "Smitsveen" in figuren[0]["/Alt"]
    tabeltekst = _tabeltekst(inhoud.blokken)
    lopend = _lopende_tekst(inhoud)
    klein = [(t, p) for t, p in pdfua.lettergroottes(pdf) if p < 9 and t in tabeltekst and t not in lopend]
    assert not klein, klein[:5]
    assert min(p for t, p in pdfua.lettergroottes(pdf) if t in ("Soest", "Indicator (jaar)")) >= 9


def test_the_structural_check_finds_an_untagged_pdf():
    from pypdf import PdfWriter
    kaal = io.BytesIO()
    schrijver = PdfWriter()
    schrijver.add_blank_page(595, 842)
    schrijver.write(kaal)
    gebreken = pdfua.gebreken(kaal.getvalue())
    assert any("structuurboom" in f for f in gebreken) and any("taal" in f for f in gebreken)
    assert any("DocInfo" in f for f in gebreken)


def test_the_structural_check_finds_untagged_text():
    """Text drawn outside marked content (neither tagged nor an Artifact) is reported, tagged text is not."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    def met_inhoud(stroom: bytes) -> list[str]:
        schrijver = PdfWriter()
        pagina = schrijver.add_blank_page(595, 842)
        inhoud = DecodedStreamObject()
        inhoud.set_data(stroom)
        pagina[NameObject("/Contents")] = schrijver._add_object(inhoud)
        uit = io.BytesIO()
        schrijver.write(uit)
        return [f for f in pdfua.gebreken(uit.getvalue()) if "getagde inhoud" in f]

    assert met_inhoud(b"BT /F1 12 Tf 72 720 Td (kaal) Tj ET") == ["tekst buiten getagde inhoud of artefact (pagina 1)"]
    assert met_inhoud(b"/P <</MCID 0>> BDC BT /F1 12 Tf 72 720 Td (getagd) Tj ET EMC "
                      b"/Artifact BMC BT (voetregel) Tj ET EMC") == []


def test_the_html_is_semantic_and_escapes_every_text():
    inhoud = document.Document(
        titel="Wijkprofiel <Test>", onderwerp="o", inleiding="Voor \"iedereen\" & elk", voetregel='a "b" {c}',
        blokken=(document.Kop("Kop & zo"), document.Tabel(("Indicator", "Waarde"), (("<b>x</b>", "1"),), (60, 40)),
                 document.Figuur(b"<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>", alt="Een kaart")))
    html = document.html(inhoud)
    assert '<html lang="nl">' in html and "<title>Wijkprofiel &lt;Test&gt;</title>" in html
    assert '<th scope="col">Indicator</th>' in html and '<th scope="row">&lt;b&gt;x&lt;/b&gt;</th>' in html
    assert 'alt="Een kaart"' in html and "<b>x</b>" not in html
    assert 'a "b"' not in html  # the footer is a CSS string: quotes and braces escaped
    assert pdfua.gebreken(document.pdf(inhoud)) == []


def test_missing_figures_read_geen_gegevens_never_zero(verzonnen):
    g, beoordeeld, vormen = verzonnen
    for wijk in g.wijknamen:
        leeg = beoordeeld[(beoordeeld["gebied_code"] == wijk) & beoordeeld["waarde"].isna()
                          & (beoordeeld["relatief"].fillna("") == "") & beoordeeld["opgave"].isin(VIJF_OPGAVEN)]
        if leeg.empty:
            continue
        tekst = _tekst(factsheet.pdf(g, "wijk", wijk))
        for _, r in leeg.iterrows():
            regel = factsheet.wijkregels(beoordeeld, wijk, r["opgave"]).set_index("indicator").loc[r["indicator"]]
            assert regel["Wijk"] in ("geen gegevens", "onbekend volgens de bron", "geheim (onderdrukt door de bron)",
                                     "afgeschermd (te klein aantal)")
            assert re.sub(r"\s+", " ", f"{regel['Indicator']} {regel['Wijk']}") in tekst
        return
    pytest.fail("de testgegevens hebben geen wijk met een ontbrekend cijfer")


def test_opgave_factsheet_has_every_wijk_and_soest(echt):
    g, beoordeeld, _ = echt
    pdf = factsheet.pdf(g, "opgave", "bestaanszekerheid")
    lezer = PdfReader(io.BytesIO(pdf))
    assert 2 <= len(lezer.pages) <= 4
    tekst = _tekst(pdf)
    assert "Opgave Bestaanszekerheid" in tekst and "Kerncijfers voor heel Soest" in tekst
    for naam in g.wijknamen.values():
        assert naam.split("-")[0] in tekst


def test_cli_makes_a_pdf_and_refuses_unknown_wijk_or_opgave(echte_db, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("SOEST_DB", str(echte_db))
    assert main(["factsheet", "--wijk", "wk034205", "--uit", str(tmp_path / "smitsveen.pdf")]) == 0
    assert (tmp_path / "smitsveen.pdf").read_bytes().startswith(b"%PDF")
    assert main(["factsheet", "--wijk", "WK039999", "--uit", str(tmp_path / "x.pdf")]) == 1
    assert "Onbekende wijk 'WK039999'" in capsys.readouterr().err
    assert main(["factsheet", "--opgave", "geluk", "--uit", str(tmp_path / "x.pdf")]) == 1
    assert "Onbekende opgave 'geluk'" in capsys.readouterr().err
    assert main(["factsheet", "--wijk", "WK034205"]) == 2
    assert "Geef --wijk" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_de_factsheet_toont_de_oordelen_van_de_paginas_en_rekent_ze_niet_opnieuw_uit(echt, monkeypatch):
    """One statement, one source: once the pages' judgements, tally and stance exist for a database, a factsheet
    prints those results; scoring or wording them again would fail here."""
    from soest_data import scoring
    from soest_data.weergave import uitspraken

    g, _, _ = echt
    afgeleid.beoordeeld(g), afgeleid.telling(g), afgeleid.standpunten(g)

    def opnieuw(*_args, **_kwargs):
        raise AssertionError("de factsheet rekende een oordeel opnieuw uit")
    for module, naam in ((scoring, "beoordeel_wijken"), (scoring, "tel_per_opgave"), (uitspraken, "standpunten")):
        monkeypatch.setattr(module, naam, opnieuw)
    wijk = next(iter(g.wijknamen))
    kaartjes = afgeleid.oogopslag(g, wijk)
    document_ = factsheet.wijk_document(g, wijk)
    glans = next(b for b in document_.blokken if isinstance(b, document.Tabel) and b.kop[0] == "Opgave")
    assert [r[:4] for r in glans.rijen] == [(k["Opgave"], str(k["gunstig"]), str(k["rond"]), str(k["ongunstig"]))
                                           for k in kaartjes]
    factsheet.opgave_document(g, VIJF_OPGAVEN[0])
