"""Opening the built DuckDB file. The app only ever reads it, and only a complete, current file.

Integrity stamp: the build writes the schema version and a checksum of every table's content into `bouwinfo`.
Opening checks both, so a truncated, half-copied or old-schema file is refused with a Dutch message instead of a
traceback (and `build --als-verouderd` rebuilds it).
"""
from __future__ import annotations

import hashlib
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

# Raise when the tables change; an older file is then refused and rebuilt. 2: bronnen.reeks,
# indicatoren.vergelijkbaar_vanaf; 3: indicatoren.rol en .meetjaar, uitspraken; 4: controlegetal in bouwinfo;
# 5: indicatoren.wijziging_jaar, .wijziging_uitleg (definitiewijziging) en .peilperiode.
SCHEMA_VERSIE = "5"
INHOUD = ("gebieden", "bronnen", "indicatoren", "waarden", "verhalen", "opgaven", "uitspraken")
TABELLEN = (*INHOUD, "bouwinfo")
HERSTEL = "python -m soest_data build"


class DatabaseFout(Exception):
    """The database file is missing, unreadable or incomplete. The message says how to fix it."""


def identiteit(pad: Path) -> tuple[int, int, int, int]:
    """Which file is at `pad` now: a rebuild or import replaces it (new inode, size, time), so caches keyed by this
    never serve the old file. Raises DatabaseFout when it is missing or not a regular file."""
    try:
        info = Path(pad).stat()
    except FileNotFoundError:
        raise DatabaseFout(f"Het databasebestand {pad} ontbreekt. Bouw het met: {HERSTEL}") from None
    except OSError as fout:
        raise DatabaseFout(f"Het databasebestand {pad} is niet te lezen ({fout.strerror}).") from None
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseFout(f"{pad} is geen gewoon bestand (maar een map, apparaat of pijp). "
                           f"Wijs SOEST_DB naar het databasebestand of bouw het met: {HERSTEL}")
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def checksum(con: duckdb.DuckDBPyConnection) -> str:
    """A fingerprint of every content table (row count and an order-free sum of row hashes)."""
    h = hashlib.sha256(SCHEMA_VERSIE.encode())
    for tabel in INHOUD:
        aantal, som = con.execute(f"select count(*), coalesce(sum(hash(t)::hugeint), 0) from {tabel} t").fetchall()[0]
        h.update(f"{tabel}:{aantal}:{som};".encode())
    return h.hexdigest()


def open_readonly(pad: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a complete database whose stamp matches its content."""
    identiteit(pad)
    try:
        con = duckdb.connect(str(pad), read_only=True)
    except duckdb.Error as fout:
        raise _beschadigd(pad, fout) from fout
    try:
        _controleer(con, pad)
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def verbinding(pad: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open, read, close: the app never keeps a connection, because an open connection keeps reading the old
    file after a rebuild replaced it. Any DuckDB error while reading becomes a DatabaseFout."""
    con = open_readonly(pad)
    try:
        yield con
    except duckdb.Error as fout:
        raise _beschadigd(pad, fout) from fout
    finally:
        con.close()


def _controleer(con: duckdb.DuckDBPyConnection, pad: Path) -> None:
    try:
        aanwezig = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
        ontbrekend = [t for t in TABELLEN if t not in aanwezig]
        if ontbrekend:
            raise DatabaseFout(f"Het databasebestand {pad} is onvolledig (tabellen ontbreken: "
                               f"{', '.join(ontbrekend)}). Bouw het opnieuw met: {HERSTEL}")
        info = dict(con.execute("select sleutel, waarde from bouwinfo").fetchall())
        if info.get("schema") != SCHEMA_VERSIE:
            raise DatabaseFout(f"Het databasebestand {pad} heeft een oude opbouw (versie {info.get('schema', '?')}, "
                               f"nodig: {SCHEMA_VERSIE}). Bouw het opnieuw met: {HERSTEL}")
        if info.get("checksum") != checksum(con):
            raise DatabaseFout(f"De inhoud van {pad} klopt niet met zijn controlegetal (afgebroken of beschadigd). "
                               f"Bouw het opnieuw met: {HERSTEL}")
    except duckdb.Error as fout:
        raise _beschadigd(pad, fout) from fout


def _beschadigd(pad: Path, fout: Exception) -> DatabaseFout:
    return DatabaseFout(f"Het databasebestand {pad} is beschadigd of onleesbaar ({type(fout).__name__}). "
                        f"Bouw het opnieuw met: {HERSTEL}")
