"""Opening the built DuckDB file. The app only ever reads it."""
from __future__ import annotations

from pathlib import Path

import duckdb

TABELLEN = ("gebieden", "bronnen", "indicatoren", "waarden", "verhalen", "opgaven", "bouwinfo")
HERSTEL = "python -m soest_data build"


class DatabaseFout(Exception):
    """The database file is missing, unreadable or incomplete. The message says how to fix it."""


def open_readonly(pad: Path) -> duckdb.DuckDBPyConnection:
    if not Path(pad).exists():
        raise DatabaseFout(f"Het databasebestand {pad} ontbreekt. Bouw het met: {HERSTEL}")
    try:
        con = duckdb.connect(str(pad), read_only=True)
        aanwezig = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    except duckdb.Error as fout:
        raise DatabaseFout(f"Het databasebestand {pad} is beschadigd of onleesbaar ({type(fout).__name__}). "
                           f"Bouw het opnieuw met: {HERSTEL}") from fout
    ontbrekend = [t for t in TABELLEN if t not in aanwezig]
    if ontbrekend:
        con.close()
        raise DatabaseFout(f"Het databasebestand {pad} is onvolledig (tabellen ontbreken: {', '.join(ontbrekend)}). "
                           f"Bouw het opnieuw met: {HERSTEL}")
    return con
