"""The factsheet PDF: 2–4 A4 pages per wijk, every figure as text and equal to the data, sources with licence,
missing figures as 'geen gegevens'; the CLI refuses an unknown wijk or opgave with a Dutch message."""
from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from pypdf import PdfReader

from soest_data import db, opmaak
from soest_data.__main__ import main
from soest_data.begrippen import NEDERLAND, SOEST, VIJF_OPGAVEN
from soest_data.weergave import enquete, factsheet
from tests.conftest import snel_en_traag

A4 = (595, 842)  # points, portrait


@pytest.fixture(scope="module")
def echt(echte_db):
    con = db.open_readonly(echte_db)
    yield factsheet.invoer(con.cursor())
    con.close()


@pytest.fixture(scope="module")
def verzonnen(fixture_db):
    con = db.open_readonly(fixture_db)
    yield factsheet.invoer(con.cursor())
    con.close()


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
def test_every_wijk_has_two_to_four_a4_pages_of_real_text(echt, wijk):
    g, beoordeeld, vormen = echt
    lezer = PdfReader(io.BytesIO(factsheet.wijk_pdf(g, beoordeeld, vormen, wijk)))
    assert 2 <= len(lezer.pages) <= 4, (wijk, len(lezer.pages))
    assert all(tuple(round(float(x)) for x in p.mediabox[2:]) == A4 for p in lezer.pages)
    assert f"Wijkprofiel {g.wijknamen[wijk]}" in lezer.pages[0].extract_text()


def test_every_figure_of_the_wijk_is_in_the_pdf_and_equal_to_the_data(echt):
    g, beoordeeld, vormen = echt
    wijk = "WK034205"
    tekst = _tekst(factsheet.wijk_pdf(g, beoordeeld, vormen, wijk))
    cijfers = _laatste_jaar_per_wijk(g, wijk).dropna(subset=["waarde"])
    assert len(cijfers) > 40
    ontbreekt = [(r["indicator"], opmaak.waarde_met_eenheid(r["waarde"], r["eenheid"])) for _, r in cijfers.iterrows()
                 if opmaak.waarde_met_eenheid(r["waarde"], r["eenheid"]) not in tekst]
    assert not ontbreekt
    # and Soest beside it, in the same year
    soest = g.waarden[(g.waarden["gebied_code"] == SOEST)].set_index(["indicator", "jaar"])["waarde"]
    for _, r in cijfers.iterrows():
        s = soest.get((r["indicator"], r["jaar"]))
        if s is not None and not pd.isna(s):
            assert opmaak.waarde_met_eenheid(s, r["eenheid"]) in tekst, r["indicator"]


def test_each_opgave_table_lists_its_indicators_with_the_judgement_in_words(echt):
    g, beoordeeld, vormen = echt
    wijk = "WK034208"
    tekst = _tekst(factsheet.wijk_pdf(g, beoordeeld, vormen, wijk))
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
    tekst = _tekst(factsheet.wijk_pdf(g, beoordeeld, vormen, wijk))
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
    tekst = _tekst(factsheet.wijk_pdf(g, beoordeeld, vormen, wijk))
    gebruikt = set(_laatste_jaar_per_wijk(g, wijk)["bron"])
    bronnen = g.bron_per_id
    for bron_id in gebruikt:
        b = bronnen.loc[bron_id]
        assert re.sub(r"\s+", " ", f"{b['uitgever']}, {b['titel']}") in tekst, bron_id
        assert b["licentie"] in tekst
    assert "Database gebouwd op" in tekst and "gemaakt op" in tekst


def test_missing_figures_read_geen_gegevens_never_zero(verzonnen):
    g, beoordeeld, vormen = verzonnen
    for wijk in g.wijknamen:
        leeg = beoordeeld[(beoordeeld["gebied_code"] == wijk) & beoordeeld["waarde"].isna()
                          & (beoordeeld["relatief"].fillna("") == "") & beoordeeld["opgave"].isin(VIJF_OPGAVEN)]
        if leeg.empty:
            continue
        tekst = _tekst(factsheet.wijk_pdf(g, beoordeeld, vormen, wijk))
        for _, r in leeg.iterrows():
            regel = factsheet.wijkregels(beoordeeld, wijk, r["opgave"]).set_index("indicator").loc[r["indicator"]]
            assert regel["Wijk"] in ("geen gegevens", "onbekend volgens de bron", "geheim (onderdrukt door de bron)",
                                     "afgeschermd (te klein aantal)")
            assert re.sub(r"\s+", " ", f"{regel['Indicator']} {regel['Wijk']}") in tekst
        return
    pytest.fail("de testgegevens hebben geen wijk met een ontbrekend cijfer")


def test_opgave_factsheet_has_every_wijk_and_soest(echt):
    g, beoordeeld, _ = echt
    pdf = factsheet.opgave_pdf(g, beoordeeld, "bestaanszekerheid")
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
