"""The data a page shows: the database being served, read once per file and shared read-only by every session, and
a page's content made once per (page, state, database)."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import streamlit as st

from soest_data import db, paden
from soest_data.gegevens import Gegevens, lees
from soest_data.weergave import afgeleid, paginas


def _klaar_voor_bezoekers(pad) -> Gegevens:
    """A database file read, and what is the same for every visitor of it made (afgeleid.voor_iedereen) before it is
    served: at the start and after every update. Meanwhile the last good version keeps serving everyone else."""
    paginas.alle()  # their declarations of what is made ahead
    g = lees(pad)
    afgeleid.voor_iedereen(g)
    return g


# One holder per database path (tests switch databases): the newest file that opens and passes its stamp.
_database = lru_cache(maxsize=2)(lambda pad: db.LaatsteGoede(pad, _klaar_voor_bezoekers))


def gegevens() -> Gegevens:
    """All catalogue, values (after disclosure control), texts and shapes of the database being served. A new file
    that is refused leaves the last good one in service (db.LaatsteGoede logs why); without any good file since the
    start, a plain Dutch notice (the cause is in the log) and the page stops. Call it once per run and pass the
    result on: a download made later from that object shows the figures the page showed."""
    try:
        return _database(str(paden.db_path())).geef()[1]
    except db.GeenDatabase as fout:
        st.error(str(fout))
        st.stop()


def gegevens_vooraf() -> None:
    """Read the database and make what every visitor reads of it before the first visitor (server.py). A database
    that does not open is left to the first page, which says so in plain Dutch (and the log has the cause)."""
    try:
        _database(str(paden.db_path())).geef()
    except db.GeenDatabase:
        pass


def inhoud(bouw: Callable, g: Gegevens, *staat):
    """bouw(g, *staat): a page's content, once per (page, state, database) (afgeleid.inhoud)."""
    return afgeleid.inhoud(g, bouw, *staat)
