"""The CLI and the database stamp: every bad path or file gives a Dutch message and an exit code, never a traceback
or a hang; a truncated, tampered or old-schema file is refused (and rebuilt by `build --als-verouderd`)."""
from __future__ import annotations

import os
import shutil

import duckdb
import pytest

from soest_data import db
from soest_data.__main__ import main
from soest_data.bronnen import bouw
from tests.conftest import FIXTURE_DATA, GEO


@pytest.fixture
def omgeving(monkeypatch, tmp_path):
    monkeypatch.setenv("SOEST_DATA", str(FIXTURE_DATA))
    monkeypatch.setenv("SOEST_GEO", str(GEO))

    def zet(doel):
        monkeypatch.setenv("SOEST_DB", str(doel))
        return doel
    return zet


def _fifo(tmp_path):
    pad = tmp_path / "pijp"
    os.mkfifo(pad)
    return pad


@pytest.mark.parametrize("soort", ["map", "apparaat", "pijp"])
@pytest.mark.parametrize("opdracht", [["build"], ["build", "--als-verouderd"], ["export", "--csv", "uit.csv"]])
def test_geen_gewoon_bestand_als_database(omgeving, tmp_path, capsys, soort, opdracht, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doel = {"map": lambda: tmp_path, "apparaat": lambda: "/dev/zero", "pijp": lambda: _fifo(tmp_path)}[soort]()
    omgeving(doel)
    assert main(opdracht) == 1
    fout = capsys.readouterr().err
    assert "geen gewoon bestand" in fout and "Traceback" not in fout


def test_export_schrijft_niet_in_een_pijp(omgeving, tmp_path, capsys, fixture_db):
    omgeving(fixture_db)
    assert main(["export", "--csv", str(_fifo(tmp_path))]) == 1
    assert "geen gewoon bestand" in capsys.readouterr().err


def test_onschrijfbare_plek_geeft_een_nette_melding(omgeving, capsys):
    omgeving("/proc/soest/wijkprofielen.duckdb")
    assert main(["build"]) == 1
    assert "Kan niet lezen of schrijven" in capsys.readouterr().err


def test_afgebroken_bestand_wordt_geweigerd_en_herbouwd(omgeving, tmp_path, capsys, fixture_db):
    doel = omgeving(tmp_path / "kapot.duckdb")
    shutil.copy(fixture_db, doel)
    with open(doel, "r+b") as f:
        f.truncate(doel.stat().st_size // 3)
    assert main(["export", "--csv", str(tmp_path / "x.csv")]) == 1
    assert "Bouw het opnieuw" in capsys.readouterr().err
    assert bouw.is_verouderd(doel, FIXTURE_DATA, GEO)
    assert main(["build", "--als-verouderd"]) == 0
    db.open_readonly(doel).close()


@pytest.mark.parametrize(("sql", "melding"), [
    ("update waarden set waarde = waarde + 1 where indicator = 'test_bijstand'", "controlegetal"),
    ("update bouwinfo set waarde = '1' where sleutel = 'schema'", "oude opbouw"),
])
def test_gewijzigde_inhoud_of_oude_opbouw_wordt_geweigerd(tmp_path, fixture_db, sql, melding):
    kopie = tmp_path / "kopie.duckdb"
    shutil.copy(fixture_db, kopie)
    con = duckdb.connect(str(kopie))
    con.execute(sql)
    con.close()
    with pytest.raises(db.DatabaseFout, match=melding):
        db.open_readonly(kopie)


def test_tijdelijke_bestanden_van_afgebroken_builds_worden_opgeruimd(tmp_path):
    doel = tmp_path / "db.duckdb"
    dood = [tmp_path / "db.duckdb.tmp-999999999", tmp_path / "db.duckdb.tmp-999999999.wal"]
    levend = tmp_path / f"db.duckdb.tmp-{os.getppid()}"  # a build still running (our parent is alive)
    for pad in [*dood, levend]:
        pad.write_bytes(b"half")
    bouw.bouw(FIXTURE_DATA, GEO, doel)
    assert not any(p.exists() for p in dood) and levend.exists()
