"""A bad database file never takes the site down: db.LaatsteGoede keeps serving the last good file when a new one is
truncated, random, empty, missing, a directory, unreadable or fails its integrity stamp; the log names the file
and the cause (once per file); a visitor only sees a plain notice, and only when no file was ever good."""
from __future__ import annotations

import logging
import os
import random
import shutil
from pathlib import Path

import duckdb
import pytest

from soest_data import db

SOORTEN = ["afgekapt", "willekeurig", "leeg", "ontbreekt", "map", "onleesbaar", "controlegetal"]
# What a visitor may never read: a path, a command, an environment variable, an exception's name.
INTERN = ["/", "python", "soest_data", "SOEST_DB", "duckdb", "Error", "Exception", "Fout", "build"]


def _vervang_door_kapot(pad: Path, soort: str, goed: Path, monkeypatch) -> None:
    """Put a broken file of this kind at `pad` (a new file, as a copy or a rebuild would)."""
    if pad.is_dir():
        pad.rmdir()
    else:
        pad.unlink(missing_ok=True)
    if soort == "afgekapt":
        shutil.copy(goed, pad)
        with open(pad, "r+b") as f:
            f.truncate(pad.stat().st_size // 3)
    elif soort == "willekeurig":
        pad.write_bytes(random.Random(22).randbytes(300_000))
    elif soort == "leeg":
        pad.write_bytes(b"")
    elif soort == "map":
        pad.mkdir()
    elif soort == "onleesbaar":
        shutil.copy(goed, pad)
        pad.chmod(0)
        if os.geteuid() == 0:  # root reads a mode-0 file anyway: let the open fail as it does for the server's user
            echt = duckdb.connect

            def geweigerd(naam, *args, **kwargs):
                if Path(naam) == pad:
                    raise duckdb.IOException(f'Cannot open file "{naam}": Permission denied')
                return echt(naam, *args, **kwargs)

            monkeypatch.setattr(duckdb, "connect", geweigerd)
    elif soort == "controlegetal":  # a value changed after the build: the stamp no longer matches
        shutil.copy(goed, pad)
        con = duckdb.connect(str(pad))
        con.execute("update waarden set waarde = waarde + 1 where waarde is not null")
        con.close()


class Teller:
    """A light `lees`: opening checks the stamp over every table; returns the stamp, and counts the reads."""

    def __init__(self):
        self.keer = 0

    def __call__(self, pad: Path) -> str:
        self.keer += 1
        with db.verbinding(pad) as con:
            return con.execute("select waarde from bouwinfo where sleutel = 'checksum'").fetchone()[0]


@pytest.fixture
def live(tmp_path, fixture_db) -> Path:
    pad = tmp_path / "live.duckdb"
    shutil.copy(fixture_db, pad)
    return pad


@pytest.mark.parametrize("soort", SOORTEN)
def test_a_bad_new_file_leaves_the_last_good_one_in_service(live, fixture_db, soort, caplog, monkeypatch):
    lees = Teller()
    bron = db.LaatsteGoede(live, lees)
    versie, stempel = bron.geef()
    _vervang_door_kapot(live, soort, fixture_db, monkeypatch)
    with caplog.at_level(logging.ERROR, logger="soest_data.db"):
        for _ in range(3):
            assert bron.geef() == (versie, stempel)
    assert lees.keer == 2, "a refused file is read once, not on every page run"
    [regel] = [r.getMessage() for r in caplog.records]
    assert str(live) in regel and "vorige goede versie" in regel
    assert any(woord in regel for woord in ("beschadigd", "ontbreekt", "geen gewoon bestand", "controlegetal"))


@pytest.mark.parametrize("soort", SOORTEN)
def test_without_any_good_file_the_visitor_gets_a_plain_notice(live, fixture_db, soort, caplog, monkeypatch):
    _vervang_door_kapot(live, soort, fixture_db, monkeypatch)
    bron = db.LaatsteGoede(live, Teller())
    with caplog.at_level(logging.ERROR, logger="soest_data.db"), pytest.raises(db.GeenDatabase) as melding:
        bron.geef()
    zichtbaar = str(melding.value)
    assert zichtbaar == db.GEEN_GEGEVENS
    assert not [w for w in INTERN if w in zichtbaar], zichtbaar
    assert str(live) in caplog.text and "nog geen goede database" in caplog.text


def test_a_good_file_after_a_bad_one_is_taken_into_service(live, fixture_db, monkeypatch):
    lees = Teller()
    bron = db.LaatsteGoede(live, lees)
    _vervang_door_kapot(live, "afgekapt", fixture_db, monkeypatch)
    with pytest.raises(db.GeenDatabase):
        bron.geef()
    live.unlink()
    shutil.copy(fixture_db, live)
    versie, stempel = bron.geef()
    assert versie == (str(live), db.identiteit(live)) and stempel == lees(fixture_db)


def test_a_rebuilt_good_file_replaces_the_old_one(live, fixture_db):
    bron = db.LaatsteGoede(live, Teller())
    eerst, _ = bron.geef()
    con = duckdb.connect(str(live))  # what a rebuild with other figures gives: new content, matching stamp
    con.execute("update waarden set waarde = waarde + 1 where waarde is not null")
    con.execute("update bouwinfo set waarde = ? where sleutel = 'checksum'", [db.checksum(con)])
    con.close()
    daarna, stempel = bron.geef()
    assert daarna != eerst and stempel == db.checksum(duckdb.connect(str(live), read_only=True))


def test_a_file_made_readable_again_is_tried_again(live, fixture_db, monkeypatch):
    """A chmod changes the file's identity (its ctime): the operator's fix is picked up without a restart."""
    bron = db.LaatsteGoede(live, Teller())
    _vervang_door_kapot(live, "onleesbaar", fixture_db, monkeypatch)
    with pytest.raises(db.GeenDatabase):
        bron.geef()
    monkeypatch.undo()
    live.chmod(0o644)
    assert bron.geef()[0] == (str(live), db.identiteit(live))
