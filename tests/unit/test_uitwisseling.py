"""Export and the transactional import: all or nothing, dry run changes nothing, export → import is identical."""
import hashlib

import duckdb
import pandas as pd
import pytest

from soest_data import db
from soest_data.__main__ import main
from soest_data.bronnen import bouw, uitwisseling
from soest_data.bronnen.probleem import BronFout
from tests.conftest import GEO


def _bestanden(data):
    return {p.relative_to(data).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(data.rglob("*")) if p.is_file()}


def _waarden(pad):
    con = duckdb.connect(str(pad), read_only=True)
    try:
        return con.execute("select gebied_code, indicator, jaar, waarde, relatief, status, bron from waarden "
                           "order by all").fetchall()
    finally:
        con.close()


@pytest.fixture
def omgeving(tmp_path, fixture_data, monkeypatch):
    doel = tmp_path / "db.duckdb"
    bouw.bouw(fixture_data, GEO, doel)
    monkeypatch.setenv("SOEST_DATA", str(fixture_data))
    monkeypatch.setenv("SOEST_DB", str(doel))
    monkeypatch.setenv("SOEST_GEO", str(GEO))
    return fixture_data, doel


def test_export_has_the_tidy_columns_and_a_source_on_every_row(omgeving, tmp_path):
    _, doel = omgeving
    assert main(["export", "--csv", str(tmp_path / "uit.csv"), "--xlsx", str(tmp_path / "uit.xlsx")]) == 0
    tabel = pd.read_csv(tmp_path / "uit.csv")
    for kolom in ("gebied_code", "gebied_naam", "indicator", "indicator_label", "opgave", "jaar", "waarde",
                  "eenheid", "bron"):
        assert kolom in tabel.columns
    assert tabel["bron"].notna().all()
    assert len(pd.read_excel(tmp_path / "uit.xlsx")) == len(tabel)


def test_export_then_import_changes_nothing(omgeving, tmp_path, capsys):
    data, doel = omgeving
    voor_bestanden, voor_db = _bestanden(data), _waarden(doel)
    main(["export", "--csv", str(tmp_path / "uit.csv")])
    assert main(["import", str(tmp_path / "uit.csv")]) == 0
    assert "0 nieuw, 0 gewijzigd" in capsys.readouterr().out
    assert _bestanden(data) == voor_bestanden
    assert _waarden(doel) == voor_db


def test_import_adds_and_replaces_values_in_sources_and_database(omgeving, tmp_path):
    data, doel = omgeving
    invoer = tmp_path / "nieuw.csv"
    invoer.write_text("gebied_code,indicator,jaar,waarde,eenheid,bron\n"
                      "WK034205,test_moeite,2020,19.5,%,test_bron\n"
                      "WK034205,test_sporters,2016,41,%,test_bron\n", encoding="utf-8")
    assert main(["import", str(invoer)]) == 0
    con = db.open_readonly(doel)
    waarden = dict(con.execute("select jaar || indicator, waarde from waarden where gebied_code = 'WK034205'"
                               ).fetchall())
    assert waarden["2020test_moeite"] == 19.5 and waarden["2016test_sporters"] == 41
    assert "WK034205,test_sporters,2016,41," in (data / "waarden" / "test.csv").read_text()
    assert "WK034205,test_moeite,2020,19.5," in (data / "waarden" / "test.csv").read_text()
    assert not (data / "waarden" / "geimporteerd.csv").exists()
    assert not bouw.is_verouderd(doel, data, GEO)


def test_import_dry_run_writes_nothing(omgeving, tmp_path, capsys):
    data, doel = omgeving
    voor_bestanden, voor_db = _bestanden(data), _waarden(doel)
    invoer = tmp_path / "nieuw.csv"
    invoer.write_text("gebied_code,indicator,jaar,waarde,eenheid,bron\nWK034205,test_moeite,2020,19.5,%,test_bron\n",
                      encoding="utf-8")
    assert main(["import", "--dry-run", str(invoer)]) == 0
    assert "0 nieuw, 1 gewijzigd" in capsys.readouterr().out
    assert _bestanden(data) == voor_bestanden and _waarden(doel) == voor_db


@pytest.mark.parametrize("inhoud", [
    "",
    "gebied_code\tindicator\tjaar\twaarde\teenheid\tbron\nWK034205\ttest_moeite\t2020\t19.5\t%\ttest_bron\n",
    "gebied_code,indicator,jaar,waarde,eenheid,bron\nWK034205,test_moeite,2020,19.5,%,test_bron\n"
    "WK034205,test_moeite,2016,abc,%,test_bron\n",
    "gebied_code,indicator,jaar,waarde,eenheid,bron\nWK034205,test_moeite,2020,19.5,%,test_bron\n"
    "WK034205,test_moeite,2020,19.6,%,test_bron\n",
    "gebied_code,indicator,jaar,waarde,eenheid,bron\nWK034205,test_moeite,2020,19.5,%,test_bron\nWK0342",
])
def test_a_bad_import_changes_neither_sources_nor_database(omgeving, tmp_path, inhoud, capsys):
    data, doel = omgeving
    voor_bestanden, voor_db = _bestanden(data), _waarden(doel)
    invoer = tmp_path / "slecht.csv"
    invoer.write_text(inhoud, encoding="utf-8")
    assert main(["import", str(invoer)]) == 1
    assert "er is niets veranderd" in capsys.readouterr().err
    assert _bestanden(data) == voor_bestanden and _waarden(doel) == voor_db


def test_import_of_a_missing_file_says_so(omgeving, tmp_path, capsys):
    assert main(["import", str(tmp_path / "bestaat-niet.csv")]) == 1
    assert "bestaat niet" in capsys.readouterr().err


def test_vergelijk_raises_with_every_problem(omgeving, tmp_path):
    data, _ = omgeving
    invoer = tmp_path / "slecht.csv"
    invoer.write_text("gebied_code,indicator,jaar,waarde,eenheid,bron\nWK1,x,2020,1,%,test_bron\n"
                      "WK2,y,2020,1,%,test_bron\n", encoding="utf-8")
    with pytest.raises(BronFout) as fout:
        uitwisseling.vergelijk(invoer, data, GEO)
    assert len(fout.value.problemen) == 4


def _voeg_peiling_toe(data, extra: str = "") -> None:
    """A second made-up source (TESTGEGEVENS) for test_inwoners."""
    bronnen = data / "bronnen.yaml"
    bronnen.write_text(bronnen.read_text(encoding="utf-8") + """\
  - id: test_peiling_2023
    uitgever: Testbureau (TESTGEGEVENS, niet echt)
    titel: Verzonnen peiling
    jaren: [2023]
    url: https://example.invalid/peiling
    licentie: alleen voor tests
""" + extra, encoding="utf-8")
    catalogus = data / "catalogus" / "test.yaml"
    catalogus.write_text(catalogus.read_text(encoding="utf-8").replace(
        'periode: "2023"\n    bronnen: [test_bron]', 'periode: "2023"\n    bronnen: [test_bron, test_peiling_2023]'),
        encoding="utf-8")


def test_rows_of_a_new_source_get_their_own_file(omgeving, tmp_path):
    data, _ = omgeving
    _voeg_peiling_toe(data)
    invoer = tmp_path / "peiling.csv"
    invoer.write_text("gebied_code,indicator,jaar,waarde,bron\nBU03420201,test_inwoners,2023,3300,test_peiling_2023\n",
                      encoding="utf-8")
    voor = (data / "waarden" / "test.csv").read_bytes()
    assert main(["import", str(invoer)]) == 0
    assert (data / "waarden" / "test_peiling.csv").read_text(encoding="utf-8").splitlines()[1] == \
        "BU03420201,test_inwoners,2023,3300,aantal,,,test_peiling_2023,geïmporteerd uit peiling.csv"
    assert (data / "waarden" / "test.csv").read_bytes() == voor


def test_rows_in_the_old_catch_all_file_move_to_their_source_file(omgeving, tmp_path):
    data, doel = omgeving
    (data / "waarden" / "geimporteerd.csv").write_text(
        "gebied_code,indicator,jaar,waarde,eenheid,relatief,status,bron,citaat\n"
        "WK034205,test_sporters,2016,41,%,,,test_bron,TESTGEGEVENS\n", encoding="utf-8")
    bouw.bouw(data, GEO, doel)
    invoer = tmp_path / "leeg.csv"
    invoer.write_text("gebied_code,indicator,jaar,waarde,bron\n", encoding="utf-8")
    assert main(["import", str(invoer)]) == 0
    assert not (data / "waarden" / "geimporteerd.csv").exists()
    assert "WK034205,test_sporters,2016,41,%,,,test_bron,TESTGEGEVENS" in (data / "waarden" / "test.csv").read_text()
    assert not bouw.is_verouderd(doel, data, GEO)


def test_an_export_opened_and_saved_in_dutch_excel_imports_unchanged(omgeving, tmp_path, capsys):
    data, doel = omgeving
    voor = _bestanden(data)
    main(["export", "--xlsx", str(tmp_path / "cijfers.xlsx"), "--csv", str(tmp_path / "cijfers.csv")])
    tabel = pd.read_csv(tmp_path / "cijfers.csv", dtype=str, keep_default_na=False)
    nl = tmp_path / "excel.csv"  # what Excel in Dutch writes: BOM, ';', decimal comma, CRLF
    nl.write_bytes(b"\xef\xbb\xbf" + tabel.assign(waarde=tabel["waarde"].str.replace(".", ",")).to_csv(
        index=False, sep=";", lineterminator="\r\n").encode("utf-8"))
    capsys.readouterr()
    for invoer in (tmp_path / "cijfers.xlsx", nl):
        assert main(["import", "--dry-run", str(invoer)]) == 0
        assert " 0 nieuw, 0 gewijzigd" in capsys.readouterr().out
    assert _bestanden(data) == voor


def test_a_repeated_problem_is_shown_a_few_times_and_counted(omgeving, tmp_path, capsys):
    invoer = tmp_path / "veel.csv"
    invoer.write_text("gebied_code,indicator,jaar,waarde,eenheid,bron\n"
                      + "".join(f"WK03420{i % 8 + 1},test_moeite,{2016 if i < 8 else 2020},1,km,test_bron\n"
                                for i in range(16)), encoding="utf-8")
    assert main(["import", str(invoer)]) == 1
    fout = capsys.readouterr().err
    assert fout.count("wijkt af van de catalogus") == 4
    assert "nog 13 keer: eenheid 'km' wijkt af" in fout


def test_a_replaced_row_whose_source_changes_moves_to_that_sources_file(omgeving, tmp_path):
    data, _ = omgeving
    _voeg_peiling_toe(data, "    bestand: peiling.csv\n")
    invoer = tmp_path / "peiling.csv"
    invoer.write_text("gebied_code,indicator,jaar,waarde,bron\nWK034202,test_inwoners,2023,3310,test_peiling_2023\n",
                      encoding="utf-8")
    assert main(["import", str(invoer)]) == 0
    assert "WK034202,test_inwoners,2023" not in (data / "waarden" / "test.csv").read_text(encoding="utf-8")
    assert "WK034202,test_inwoners,2023,3310,aantal" in (data / "waarden" / "peiling.csv").read_text(encoding="utf-8")
