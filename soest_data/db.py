"""Opening the built DuckDB file. The app only ever reads it, and only a complete, current file.

Integrity stamp: the build writes the schema version and a checksum of every table's content into `bouwinfo`.
Opening checks both, so a truncated, half-copied or old-schema file is refused with a Dutch message instead of a
traceback (and `build --als-verouderd` rebuilds it).

A running server keeps what it serves in a `LaatsteGoede`: a new file that is refused leaves the last good one in
service, and only the log (for the operator) says which file and why; a visitor never sees a path or a command.
"""
from __future__ import annotations

import hashlib
import logging
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Generic, TypeVar

import duckdb

# Raise when the tables change; an older file is then refused and rebuilt. 2: bronnen.reeks,
# indicatoren.vergelijkbaar_vanaf; 3: indicatoren.rol en .meetjaar, uitspraken; 4: controlegetal in bouwinfo;
# 5: indicatoren.wijziging_jaar, .wijziging_uitleg (definitiewijziging) en .peilperiode.
SCHEMA_VERSIE = "5"
INHOUD = ("gebieden", "bronnen", "indicatoren", "waarden", "verhalen", "opgaven", "uitspraken")
TABELLEN = (*INHOUD, "bouwinfo")
HERSTEL = "python -m soest_data build"
# What a visitor sees when no database has been good since the server started: no path, command or error name.
GEEN_GEGEVENS = ("De cijfers zijn op dit moment niet beschikbaar. Probeer het over een paar minuten opnieuw; "
                 "blijft dit zo, neem dan contact op met de gemeente.")

log = logging.getLogger(__name__)
T = TypeVar("T")


class DatabaseFout(Exception):
    """The database file is missing, unreadable or incomplete. The message says how to fix it."""


class GeenDatabase(Exception):
    """No database has opened since the server started; the message is the visitor's notice (GEEN_GEGEVENS)."""


def identiteit(pad: Path) -> tuple[int, int, int, int, int]:
    """Which file is at `pad` now: a rebuild or import replaces it (new inode, size, time), so caches keyed by this
    never serve the old file; a chmod changes it too (ctime), so a file made readable is tried again.
    Raises DatabaseFout when it is missing or not a regular file."""
    try:
        info = Path(pad).stat()
    except FileNotFoundError:
        raise DatabaseFout(f"Het databasebestand {pad} ontbreekt. Bouw het met: {HERSTEL}") from None
    except OSError as fout:
        raise DatabaseFout(f"Het databasebestand {pad} is niet te lezen ({fout.strerror}).") from None
    if not stat.S_ISREG(info.st_mode):
        raise DatabaseFout(f"{pad} is geen gewoon bestand (maar een map, apparaat of pijp). "
                           f"Wijs SOEST_DB naar het databasebestand of bouw het met: {HERSTEL}")
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


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


class LaatsteGoede(Generic[T]):
    """What a server serves from the database file at `pad`: `lees(pad)` of the newest file that opens and passes its
    integrity stamp. A new file that does not (truncated, random, empty, missing, a directory, unreadable) leaves the
    last good content in service; the log says once per file which one was refused and why. Knows nothing of the UI.

    Thread-safe: one thread reads a new file while the others keep getting the last good content.
    """

    def __init__(self, pad: Path, lees: Callable[[Path], T]):
        self.pad, self._lees = Path(pad), lees
        self._goed: tuple[tuple, T] | None = None  # (version, content)
        self._geladen_om = ""
        self._geweigerd: tuple | None = None  # the version last refused: not read again until the file changes
        self._slot = threading.Lock()

    def geef(self) -> tuple[tuple, T]:
        """(version, content) to serve now; the version is (path, file identity), the key for caches of the content.
        Raises GeenDatabase when no file at `pad` has been good since the start."""
        versie, goed = self._versie(), self._goed
        if goed is not None and (goed[0] == versie or versie == self._geweigerd):
            return goed
        if not self._slot.acquire(blocking=goed is None):
            return goed  # another thread is reading the new file; until then the last good one
        try:
            if self._goed is not None and self._goed[0] == versie:
                return self._goed
            if versie != self._geweigerd:
                try:
                    inhoud = self._lees(self.pad)
                except DatabaseFout as fout:
                    self._geweigerd = versie
                    log.error("Databasebestand geweigerd: %s %s", fout, self._wat_nu())
                else:
                    self._goed, self._geweigerd = (versie, inhoud), None
                    self._geladen_om = time.strftime("%Y-%m-%d %H:%M:%S")
            if self._goed is None:
                raise GeenDatabase(GEEN_GEGEVENS)
            return self._goed
        finally:
            self._slot.release()

    def _versie(self) -> tuple:
        try:
            return str(self.pad), identiteit(self.pad)
        except DatabaseFout as fout:  # missing or not a file: its reason is its version, read (and refused) once
            return str(self.pad), str(fout)

    def _wat_nu(self) -> str:
        if self._goed is None:
            return "Er is nog geen goede database: bezoekers zien een melding dat de cijfers niet beschikbaar zijn."
        return f"De site blijft de vorige goede versie tonen (ingelezen om {self._geladen_om})."
