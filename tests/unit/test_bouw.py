"""The build: idempotent, atomic, computed values marked with their formula, every value with a source."""
import shutil

import duckdb
import pytest

from soest_data import db, gebieden, waarden
from soest_data.bronnen import bouw
from soest_data.bronnen.probleem import BronFout
from tests.conftest import FIXTURE_DATA, GEO


def _inhoud(pad):
    con = duckdb.connect(str(pad), read_only=True)
    try:
        return {t: con.execute(f"select * from {t} order by all").fetchall()
                for t in ("gebieden", "bronnen", "indicatoren", "waarden", "verhalen", "opgaven")}
    finally:
        con.close()


def test_bouw_is_idempotent(tmp_path):
    bouw.bouw(FIXTURE_DATA, GEO, tmp_path / "a.duckdb")
    bouw.bouw(FIXTURE_DATA, GEO, tmp_path / "b.duckdb")
    assert _inhoud(tmp_path / "a.duckdb") == _inhoud(tmp_path / "b.duckdb")


def test_bouw_leaves_the_previous_database_intact_when_sources_are_broken(tmp_path, fixture_data):
    doel = tmp_path / "db.duckdb"
    bouw.bouw(fixture_data, GEO, doel)
    voor = _inhoud(doel)
    (fixture_data / "waarden" / "test.csv").write_text("gebied_code,indicator\nWK034205,x\n", encoding="utf-8")
    with pytest.raises(BronFout):
        bouw.bouw(fixture_data, GEO, doel)
    assert _inhoud(doel) == voor
    assert not list(tmp_path.glob("*.tmp-*")), "no half-written database may remain"


def test_bouw_computes_indicators_with_formula_and_source(fixture_db):
    con = db.open_readonly(fixture_db)
    rij = con.execute("select waarde, bron, berekend, citaat from waarden "
                      "where indicator = 'test_bijstand_per_1000' and gebied_code = 'WK034205'").fetchone()
    assert rij[0] == pytest.approx(300 / 4900 * 1000, abs=0.01)
    assert rij[1] == "test_bron" and rij[2] is True
    assert "test_bijstand" in rij[3] and "test_inwoners" in rij[3]


def test_every_value_has_a_known_source(fixture_db, echte_db):
    for pad in (fixture_db, echte_db):
        con = db.open_readonly(pad)
        zonder = con.execute("select count(*) from waarden w left join bronnen b on b.id = w.bron "
                             "where b.id is null").fetchone()[0]
        assert zonder == 0


def test_is_verouderd_detects_changed_sources(tmp_path, fixture_data):
    doel = tmp_path / "db.duckdb"
    assert bouw.is_verouderd(doel, fixture_data, GEO)
    bouw.bouw(fixture_data, GEO, doel)
    assert not bouw.is_verouderd(doel, fixture_data, GEO)
    with open(fixture_data / "waarden" / "test.csv", "a", encoding="utf-8") as f:
        f.write("WK034201,test_sporters,2016,40,%,,,test_bron,TEST\n")
    assert bouw.is_verouderd(doel, fixture_data, GEO)


def test_validate_reports_catalogue_problems_with_file_and_line(tmp_path, fixture_data):
    (fixture_data / "catalogus" / "kapot.yaml").write_text(
        "indicatoren:\n  - id: kapot\n    label: Kapot\n    opgave: geluk\n", encoding="utf-8")
    meldingen = [str(p) for p in bouw.valideer(fixture_data, GEO)]
    assert any("catalogus/kapot.yaml:2" in m and "onbekende opgave 'geluk'" in m for m in meldingen)
    assert any("veld 'eenheid' ontbreekt" in m for m in meldingen)


def test_open_readonly_explains_a_missing_or_corrupt_database(tmp_path):
    with pytest.raises(db.DatabaseFout, match="python -m soest_data build"):
        db.open_readonly(tmp_path / "weg.duckdb")
    kapot = tmp_path / "kapot.duckdb"
    kapot.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(db.DatabaseFout, match="beschadigd"):
        db.open_readonly(kapot)


def test_the_app_connection_is_read_only(fixture_db, tmp_path):
    kopie = tmp_path / "kopie.duckdb"
    shutil.copy(fixture_db, kopie)
    con = db.open_readonly(kopie)
    with pytest.raises(duckdb.Error):
        con.execute("delete from waarden")


def test_the_maps_name_the_year_of_the_boundary_file_the_database_was_built_from(tmp_path):
    geo = tmp_path / "geo"
    geo.mkdir()
    for niveau in ("wijken", "buurten"):  # a newer boundary year, as `vernieuw grenzen` writes it
        shutil.copy(GEO / f"soest_{niveau}_2024.geojson", geo / f"soest_{niveau}_2031.geojson")
    bouw.bouw(FIXTURE_DATA, geo, tmp_path / "db.duckdb")
    con = db.open_readonly(tmp_path / "db.duckdb")
    try:
        assert gebieden.grenzen_bron(waarden.bouwinfo(con)) == "Kadaster / CBS, Wijk- en buurtkaart 2031 (vereenvoudigd)"
    finally:
        con.close()
    assert "jaar onbekend" in gebieden.grenzen_bron({})  # an older database: no year is guessed
