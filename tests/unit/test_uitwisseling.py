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
    assert "WK034205,test_sporters,2016,41" in (data / "waarden" / "geimporteerd.csv").read_text()
    assert "WK034205,test_moeite,2020,19.5" in (data / "waarden" / "test.csv").read_text()
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
    "gebied_code;indicator;jaar;waarde;eenheid;bron\nWK034205;test_moeite;2020;19.5;%;test_bron\n",
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
