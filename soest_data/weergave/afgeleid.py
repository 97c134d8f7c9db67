"""What every page derives from one database, computed once per database and shared by pages, slides, PDF and CLI.

The judgement per wijk × indicator, the tally per wijk × opgave, the changes and Soest in the region are the same
for every visitor of one database; they are made here once (per margin where they depend on it) and kept on the
`Gegevens` object they came from, so a new database brings new results with it and nothing needs a key by hand.
"""
from __future__ import annotations

import inspect
import itertools
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import contextmanager
from functools import wraps

import numpy as np
import pandas as pd

from soest_data import scoring
from soest_data.begrippen import VIJF_OPGAVEN
from soest_data.gegevens import Gegevens
from soest_data.rijen import als_dicts
from soest_data.weergave import aandacht, kaart, regio, uitspraken, verandering, wijkprofiel
from soest_data.weergave import kaartvormen as kaartvormen_


class _Bezig:
    """The keys being made now: a thread that misses a key another thread is making waits for that result instead of
    making it again (at a fresh start a room asks for the same things at once, and under one GIL doing them twice
    delays everyone)."""

    def __init__(self) -> None:
        self._sloten: dict = {}
        self._slot = threading.Lock()

    @contextmanager
    def voor(self, sleutel):
        with self._slot:
            slot, wachtenden = self._sloten.get(sleutel, (threading.Lock(), 0))
            self._sloten[sleutel] = (slot, wachtenden + 1)
        try:
            with slot:
                yield
        finally:
            with self._slot:
                slot, wachtenden = self._sloten[sleutel]
                if wachtenden == 1:
                    del self._sloten[sleutel]
                else:
                    self._sloten[sleutel] = (slot, wachtenden - 1)


log = logging.getLogger(__name__)

# What is made before the first visitor (voor_iedereen): per function, the arguments it is made for ahead.
_VOORAF: list[tuple[Callable, Callable]] = []


# Per function at most this many results (the most recently used): arguments a visitor chooses (a choice of wijken, a
# wijk, a margin) would otherwise keep a result for every choice ever made, without bound in a large gemeente.
RESULTATEN_PER_FUNCTIE = 64


def per_database(maak: Callable | None = None, *, vooraf: Callable | None = None) -> Callable:
    """maak(g, *args) once per Gegevens object and arguments; the result is shared read-only.

    Kept in the object's own __dict__ (as functools.cached_property does on a frozen dataclass), so it lives and
    dies with that database's data; per function the RESULTATEN_PER_FUNCTIE most recently used. The key holds the
    arguments with their defaults filled in, so f(g) and f(g, default) are one result. A second thread asking while
    the first makes it waits for that result.
    `vooraf(g)`: the argument tuples that are the same for every visitor whatever they choose (an opgave, the
    standard margin); voor_iedereen makes those before the first visitor."""
    if maak is None:
        return lambda f: per_database(f, vooraf=vooraf)
    handtekening = inspect.signature(maak)
    naam = (maak.__module__, maak.__qualname__)  # two pages may both have a `_vast`

    @wraps(maak)
    def geef(g: Gegevens, *args):
        gebonden = handtekening.bind(g, *args)
        gebonden.apply_defaults()
        memo = g.__dict__.setdefault("_afgeleid", {})
        lru = memo.get(naam) or memo.setdefault(naam, _Lru(RESULTATEN_PER_FUNCTIE))
        return lru.geef(gebonden.args[1:], lambda: maak(g, *gebonden.args[1:]))
    if vooraf is not None:
        _VOORAF.append((geef, vooraf))
    return geef


def gemaakt(g: Gegevens) -> set[tuple]:
    """(module, function, arguments) of every result per_database keeps for `g` now."""
    return {(*naam, argumenten) for naam, lru in g.__dict__.get("_afgeleid", {}).items() for argumenten in lru.sleutels()}


def eenmaal(_g: Gegevens) -> list[tuple]:
    """vooraf: a result without arguments."""
    return [()]


def standaardmarge(_g: Gegevens) -> list[tuple]:
    """vooraf: the standard margin, what a page shows until a visitor moves the slider."""
    return [(scoring.STANDAARD_MARGE,)]


def per_opgave(_g: Gegevens) -> list[tuple]:
    """vooraf: each of the five opgaven."""
    return [(opgave,) for opgave in VIJF_OPGAVEN]


@per_database(vooraf=eenmaal)
def _posities(g: Gegevens) -> dict[str, tuple[pd.Index, np.ndarray, np.ndarray]]:
    """Per column (area, indicator): its distinct codes, the row numbers of g.waarden sorted by code (stable: in the
    data's order within a code) and where each code's rows start in that order."""
    uit = {}
    for kolom in ("gebied_code", "indicator"):
        codes, unieke = pd.factorize(g.waarden[kolom])
        volgorde = np.argsort(codes, kind="stable")
        uit[kolom] = (unieke, volgorde, np.searchsorted(codes[volgorde], np.arange(len(unieke) + 1)))
    return uit


_GEEN = np.zeros(0, dtype=np.intp)


def waarden_van(g: Gegevens, gebieden=None, indicatoren=None) -> pd.DataFrame:
    """The rows of g.waarden of these areas and/or indicators, in the data's order: a page state reads what it shows
    instead of filtering every value of every area (the cost stays flat as a gemeente gets more wijken)."""
    kies = None
    for kolom, codes in (("gebied_code", gebieden), ("indicator", indicatoren)):
        if codes is not None:
            unieke, volgorde, begin = _posities(g)[kolom]
            plek = unieke.get_indexer(list(dict.fromkeys(codes)))
            rijen = np.concatenate([volgorde[begin[k]:begin[k + 1]] for k in plek[plek >= 0].tolist()] or [_GEEN])
            kies = rijen if kies is None else np.intersect1d(kies, rijen)
    return g.waarden if kies is None else g.waarden.take(np.sort(kies))


@per_database(vooraf=eenmaal)
def referentiewaarden(g: Gegevens) -> pd.DataFrame:
    """The values regio.referenties reads (Nederland, the buurgemeenten): a few thousand rows at any gemeente size."""
    return regio.referentiewaarden(g.waarden)


def referenties_van(g: Gegevens, paren, nederland: bool, buren: bool) -> pd.DataFrame:
    """regio.referenties for these (indicator, jaar) pairs, read from the reference rows kept per database."""
    return regio.referenties(referentiewaarden(g), paren, nederland, buren)


@per_database(vooraf=standaardmarge)
def beoordeeld(g: Gegevens, marge: float = scoring.STANDAARD_MARGE) -> pd.DataFrame:
    """Every wijk × indicator (latest year) scored against Soest, with the position in words ('het hoogst van alle
    wijken')."""
    return wijkprofiel.met_woorden(
        scoring.beoordeel_wijken(g.waarden, g.indicatoren, marge, kernset=scoring.kernsets(g.opgaven)))


@per_database(vooraf=standaardmarge)
def telling(g: Gegevens, marge: float = scoring.STANDAARD_MARGE) -> pd.DataFrame:
    """The one tally per wijk × opgave over the kernset (scoring.tel_per_opgave) that every output shows."""
    return aandacht.telling(beoordeeld(g, marge), g.wijken, scoring.kernsets(g.opgaven))


@per_database
def oogopslag(g: Gegevens, wijk: str, marge: float = scoring.STANDAARD_MARGE) -> tuple[dict, ...]:
    """One wijk's five opgaven in words and counts: the cards, the slides and the factsheet all show these rows."""
    return tuple(als_dicts(wijkprofiel.opgaven_in_een_oogopslag(telling(g, marge), wijk, standpunten(g, marge))))


@per_database(vooraf=lambda _g: list(itertools.product((True, False), repeat=2)))
def referenties(g: Gegevens, nederland: bool, buren: bool) -> pd.DataFrame:
    """Nederland and/or the buurgemeenten beside every judged indicator, in its latest year (regio.referenties)."""
    paren = beoordeeld(g)[["indicator", "jaar"]].dropna().drop_duplicates()
    return referenties_van(g, paren.itertuples(index=False), nederland, buren)


@per_database(vooraf=lambda _g: [(scoring.STANDAARD_MARGE, *keuze)
                                   for keuze in itertools.product((True, False), repeat=3)])
def aandachtdetails(g: Gegevens, marge: float, nederland: bool, buren: bool, alleen_kern: bool) -> pd.DataFrame:
    """The indicators behind the aandacht matrix for every wijk (aandacht.details); a wijk's part is a filter."""
    return aandacht.met_referenties(*_aandachtdetails_zonder_referenties(g, marge, alleen_kern),
                                    referenties(g, nederland, buren))


@per_database(vooraf=lambda _g: [(scoring.STANDAARD_MARGE, kern) for kern in (True, False)])
def _aandachtdetails_zonder_referenties(g: Gegevens, marge: float, alleen_kern: bool
                                        ) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The costly part of aandachtdetails (a text per cell), made once per margin whatever the references."""
    return aandacht.details_zonder_referenties(beoordeeld(g, marge), g.wijken, None, None,
                                               scoring.zelfde_begrip(g.opgaven), alleen_kern)


@per_database(vooraf=standaardmarge)
def overeenstemming(g: Gegevens, marge: float) -> pd.DataFrame:
    """Per wijk × opgave the tally beside what the texts say (aandacht.overeenstemming)."""
    return aandacht.overeenstemming(telling(g, marge), g.uitspraken, beoordeeld(g, marge))


@per_database(vooraf=eenmaal)
def veranderingen(g: Gegevens) -> pd.DataFrame:
    """Every wijk (and the gemeente) × indicator with two comparable measurements and the change between them. The
    pages tell the changes of wijken and of the gemeente only: buurten stay out (in a large gemeente most rows)."""
    return verandering.veranderingen(g.waarden[g.waarden["niveau"].isin(["wijk", "gemeente"])], g.indicatoren,
                                     g.bronnen)


@per_database(vooraf=per_opgave)
def soest_in_de_regio(g: Gegevens, opgave: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Soest, Nederland and the buurgemeenten for one opgave (long) and Soest's judgement per indicator."""
    regiowaarden = regio.regiowaarden(g.waarden, g.indicatoren, opgave)
    return regiowaarden, regio.regio_oordelen(regiowaarden)


@per_database(vooraf=eenmaal)
def nederland_per_jaar(g: Gegevens) -> pd.Series:
    """Nederland's value per (indicator, jaar), for the Nederland column of tables."""
    return regio.nederland_per_jaar(g.waarden)


class _Lru:
    """At most `maximum` results, the least recently used dropped first; shared by threads, each made once."""

    def __init__(self, maximum: int) -> None:
        self.maximum = maximum
        self._inhoud: OrderedDict = OrderedDict()
        self._slot = threading.Lock()
        self._bezig = _Bezig()

    def sleutels(self) -> list:
        with self._slot:
            return list(self._inhoud)

    def geef(self, sleutel, maak: Callable):
        with self._bezig.voor(sleutel):
            with self._slot:
                if sleutel in self._inhoud:
                    self._inhoud.move_to_end(sleutel)
                    return self._inhoud[sleutel]
            waarde = maak()
            with self._slot:
                self._inhoud[sleutel] = waarde
                while len(self._inhoud) > self.maximum:
                    self._inhoud.popitem(last=False)
            return waarde


PAGINAS_PER_DATABASE = 120  # a page's content is ~0,1–0,5 MB: this bounds the memory of one process


def inhoud(g: Gegevens, bouw: Callable, *staat):
    """bouw(g, *staat), a page's content, once per (page, state) of this database, shared read-only by every
    session. The key is made here from the function and its state, nothing listed by hand, and lives on `g`: a new
    database starts empty, and the old one's pages go with it."""
    lru = g.__dict__.setdefault("_paginas", _Lru(PAGINAS_PER_DATABASE))
    return lru.geef((bouw.__module__, bouw.__qualname__, staat), lambda: bouw(g, *staat))


@per_database(vooraf=lambda g: [(niveau,) for niveau in g.vormen])
def kaartvormen(g: Gegevens, niveau: str):
    """A level's shapes prepared for every map size, with their label places (kaartvormen.kaartvormen): every
    placement a map of that level can ask for is made here, not by the first visitor of each."""
    vormen = kaartvormen_.kaartvormen(g.vormen[niveau])
    kaart.plaats_labels(vormen, niveau)
    return vormen


@per_database(vooraf=standaardmarge)
def standpunten(g: Gegevens, marge: float = scoring.STANDAARD_MARGE) -> pd.DataFrame:
    """What the texts say per wijk × opgave beside the tally (uitspraken.standpunten): the one source for the stance
    on every page, the slides and the factsheet."""
    return uitspraken.standpunten(telling(g, marge), g.uitspraken)


def voor_iedereen(g: Gegevens) -> None:
    """Everything declared `per_database(vooraf=…)` in the modules imported so far (the reader of a database,
    ui.gegevens, imports every page first: paginas.alle): what a page reads whatever its visitor chooses, or for one
    of a few choices every visitor has (an opgave, the standard margin). It is the same for everyone, so it is made
    before the first visitor of a freshly started process instead of by them. No page state is made."""
    for geef, vooraf in _VOORAF:
        for argumenten in vooraf(g):
            try:
                geef(g, *argumenten)
            except Exception:  # the server still starts: a page that needs it says so, and the log has the cause
                log.exception("%s%s kon niet vooraf gemaakt worden", geef.__qualname__, argumenten)
