"""Disclosure control: one policy for every page, download, factsheet and quote, so no small group of people can be
recognised. Every route reads its figures through `gegevens.laad` (or `waarden.alle_waarden` / `waarden.enquete`),
which apply this module; only the administrator's reads skip it (`afschermen=False`: `export` without `--publiek`).

The rule, taken from the publishers' own practice:

- CBS publishes wijk and buurt counts rounded to fives and keeps small ones secret (Wmo and jeugdzorg 0–7); its
  income statistics publish a percentage only when its base holds at least 100 persons or households and round
  counts (https://www.cbs.nl/nl-nl/longread/diversen/2021/aanvullende-onderzoeksbeschrijving-inkomensstatistiek/
  5-criteria-voor-onthullingsrisico-en-betrouwbaarheid); a hidden cell must not be computable from related cells
  ("minimaal één gerelateerde cel ook niet gepubliceerd"), see also CBS, Statistische beveiliging
  (https://www.cbs.nl/nl-nl/onze-diensten/methoden/statistische-methoden/output/statistische-beveiliging).
- Survey results (the GGD Gezondheidsmonitor and the resident survey) are percentages of respondents: a percentage
  tells the number of people once the n beside it is shown. We apply the same threshold to that number.

So, with DREMPEL = 10:

1. **Small counts.** Every count (unit 'aantal …', not an average: `scoring.is_aantal`) between 1 and 9 is
   hidden. Zero stays visible. The catalogue can set a higher `min_aantal` threshold, and `min_basis` hides a figure
   whose base (another indicator, same area and year) is below its threshold.
2. **No undoing by subtraction (complementary suppression).** Counts add up: Soest = the sum of its wijken, a wijk =
   the sum of its buurten, inhabitants = the sum of the age groups and of the origin groups (SAMENSTELLINGEN). When
   a part of such a sum is hidden and the total is shown, more parts (smallest above 0 first, else the total) are
   hidden until at least two are hidden and together hold at least DREMPEL; a hidden total whose parts are all
   shown gets its smallest part above 0 hidden. Every step hides a cell that was not yet hidden, so the pass ends
   after at most as many steps as there are cells (no sum is looked at again unless one of its cells changed).
3. **Rates and percentages never give a small count back.** A rate or percentage (teller / noemer × factor: the
   catalogue's `berekening`, or a rate from the source named `<teller>_per_<factor>_<noemer>` or `pct_<teller>`) is
   hidden when its teller or noemer is hidden, and when value × noemer / factor (the number of people it stands
   for, rounded to whole people) lies above 0 and below DREMPEL (Wmo per 1.000 × inwoners gave 8 and 9 before).
4. **Quotes never repeat a hidden number.** A hidden value loses its quote; a shown value's quote (a source line
   often holds several columns) has every hidden number of the same area and year replaced by "[afgeschermd]",
   written as the source writes it ("3.4", "3,4", "1.234", "1234").
5. **Survey answers** (`enquete`): a count of respondents of 1–9 is hidden, and so is a percentage whose share of
   its n (the question's, else all participants) is 1–9 people; when the answers of a single-choice question add
   up to 100 % (or the counts to n), the next smallest is hidden too, as in rule 2. The question's quote loses the
   hidden numbers. The same for the share of participants per wijk.

Hidden values get status `afgeschermd` and lose their number; pages say "afgeschermd", never 0.
"""
from __future__ import annotations

import copy
import re
from collections import deque
from functools import lru_cache

import numpy as np
import pandas as pd

from soest_data.begrippen import AFGESCHERMD
from soest_data.scoring import is_aantal

DREMPEL = 10
AFGESCHERMD_CITAAT = f"afgeschermd: een klein aantal (minder dan {DREMPEL}) tonen we niet"
VERVANGING = "[afgeschermd]"
# Totals that are the sum of other counts of the same area and year (CBS Kerncijfers wijken en buurten).
SAMENSTELLINGEN = [
    ("inwoners", ("inwoners_0_15", "inwoners_15_25", "inwoners_25_45", "inwoners_45_65", "inwoners_65_plus")),
    ("inwoners", ("herkomst_nederland", "herkomst_europa_excl_nl", "herkomst_buiten_europa")),
]
# A number as a Dutch or English text writes it: 5, 3,4, 3.4, 1.234, 1.234,5, 12345; not part of a word or code.
# (Not preceded by [\w.,]: checked after its first digit, so the search jumps from digit to digit; 1,4× faster.)
_GETAL = re.compile(r"\d(?<![\w.,]\d)\d*(?:[.,]\d+)*(?![\w]|[.,]\d)")
_PER = re.compile(r"^(?P<teller>[a-z0-9_]+?)_per_(?P<factor>\d+)_(?P<noemer>[a-z0-9_]+)$")


def pas_toe(waarden: pd.DataFrame, indicatoren: pd.DataFrame) -> pd.DataFrame:
    """The values as the public may see them (columns unchanged). Rules 1–3 work on whole columns (a cell: area,
    indicator, year, is found by a sorted key); only the sums that hold a hidden cell are walked one by one."""
    uit = waarden.copy(deep=False)  # copy on write: only the columns changed below are copied
    cat = indicatoren.set_index("id")
    w = _Kolommen(uit)
    verhoudingen = _Verhoudingen(w, _verhoudingen(cat))
    verbergen = _klein(w, cat) | _kleine_verhouding(w, verhoudingen)
    _aanvullend(_sommen(w), w.getal, verbergen)
    _berekend(w, verhoudingen, verbergen)

    uit.loc[verbergen, "waarde"] = np.nan
    uit.loc[verbergen, "status"] = AFGESCHERMD
    uit["citaat"] = _citaten_zonder(uit, w, verbergen)
    return uit


class _Kolommen:
    """The columns the rules read, by row number, and the row of every cell (area, indicator, year): its key is one
    integer, so a column of lookups is one `searchsorted` instead of a dict access per row."""

    def __init__(self, w: pd.DataFrame):
        self.waarde = w["waarde"].to_numpy(dtype=float, copy=True)  # not a view: pas_toe blanks hidden values
        self.getal = self.waarde.tolist()  # the same as Python floats, for the walk over sums
        self.telling = _per_waarde(w["eenheid"], is_aantal)
        self.indicatorcode, self.indicatoren = pd.factorize(w["indicator"])
        self.gebiedcode, gebieden = pd.factorize(w["gebied_code"])
        self.jaarcode, jaren = pd.factorize(w["jaar"], use_na_sentinel=False)
        self.oudercode = pd.Index(gebieden).get_indexer(w["ouder"])  # -1: no parent among these areas
        self._jaren = len(jaren)
        self.plek = self.gebiedcode * self._jaren + self.jaarcode  # one number per area and year
        sleutels = self._sleutel(self.gebiedcode, self.indicatorcode, self.jaarcode)
        volgorde = np.argsort(sleutels, kind="stable")
        gesorteerd = sleutels[volgorde]
        laatste = np.append(gesorteerd[1:] != gesorteerd[:-1], True)  # a cell given twice: its last row counts
        self._sleutels, self._rijen = gesorteerd[laatste], volgorde[laatste]

    def _sleutel(self, gebied: np.ndarray, indicator: np.ndarray, jaar: np.ndarray) -> np.ndarray:
        return (gebied.astype(np.int64) * len(self.indicatoren) + indicator) * self._jaren + jaar

    def code(self, indicatoren) -> np.ndarray:
        """The code of every indicator id given (-1: no value of it in these rows)."""
        return self.indicatoren.get_indexer(pd.Index(indicatoren, dtype=object))

    def per_indicator(self, kenmerk: pd.Series, leeg=None, dtype=object) -> np.ndarray:
        """A catalogue column (indexed by indicator id) for every row: looked up once per indicator."""
        return kenmerk.reindex(self.indicatoren).to_numpy(dtype=dtype, na_value=leeg)[self.indicatorcode]

    def elders(self, rijen: np.ndarray, indicatorcode: np.ndarray, gebiedcode: np.ndarray | None = None
               ) -> np.ndarray:
        """The row of indicator `indicatorcode` in the same area (or in `gebiedcode`) and year as each of `rijen`
        (-1 where that cell has no row)."""
        gebied = self.gebiedcode[rijen] if gebiedcode is None else gebiedcode
        if not len(self._sleutels):
            return np.full(len(rijen), -1)
        sleutel = self._sleutel(gebied, indicatorcode, self.jaarcode[rijen])
        plek = np.minimum(np.searchsorted(self._sleutels, sleutel), len(self._sleutels) - 1)
        gevonden = (indicatorcode >= 0) & (gebied >= 0) & (self._sleutels[plek] == sleutel)
        return np.where(gevonden, self._rijen[plek], -1)

    def getal_van(self, rijen: np.ndarray) -> np.ndarray:
        """The number in each of `rijen` (NaN for -1 or a cell without a number)."""
        return np.where(rijen >= 0, self.waarde[rijen], np.nan)


def _per_waarde(kolom: pd.Series, functie) -> np.ndarray:
    """functie applied once per distinct value of the column (a few units, not a call per row)."""
    codes, unieke = pd.factorize(kolom)
    return np.append(np.array([bool(functie(v)) for v in unieke], dtype=bool), False)[codes]


def _klein(w: _Kolommen, cat: pd.DataFrame) -> np.ndarray:
    """Rule 1: the rows hidden for their own size (or their base's)."""
    regel = w.per_indicator(cat["onthulling_regel"], "geen")
    drempel = w.per_indicator(pd.to_numeric(cat["onthulling_drempel"], errors="coerce"), np.nan, float)
    min_aantal = regel == "min_aantal"
    eigen = np.fmax(np.where(min_aantal, np.nan_to_num(drempel), 0), DREMPEL)
    verbergen = (w.telling | min_aantal) & (w.waarde > 0) & (w.waarde < eigen)

    basis = w.per_indicator(cat["onthulling_basis"])
    rijen = np.flatnonzero((regel == "min_basis") & pd.notna(basis))
    verbergen[rijen[w.getal_van(w.elders(rijen, w.code(basis[rijen]))) < drempel[rijen]]] = True
    return verbergen


def _verhoudingen(cat: pd.DataFrame) -> dict[str, tuple[str | None, str | None, float]]:
    """Rates and percentages: indicator → (teller, noemer, factor), each indicator id or None when unknown."""
    uit: dict[str, tuple[str | None, str | None, float]] = {}
    for i, formule in cat["formule"].items():
        if isinstance(formule, str) and formule:
            teller, rest = formule.split(" / ", 1)
            noemer, _, factor = rest.partition(" × ")
            uit[i] = (teller.strip(), noemer.strip(), float(factor.replace(".", "") or 1))
        elif (m := _PER.match(i)) and m["teller"] in cat.index:
            uit[i] = (m["teller"], m["noemer"] if m["noemer"] in cat.index else None, float(m["factor"]))
        elif i.startswith("pct_") and i[4:] in cat.index and is_aantal(cat.loc[i[4:], "eenheid"]):
            uit[i] = (i[4:], None, 100.0)
    return uit


class _Verhoudingen:
    """The rows that hold a rate or percentage, with the code of their teller and noemer (-1: none) and factor."""

    def __init__(self, w: _Kolommen, verhoudingen: dict[str, tuple[str | None, str | None, float]]):
        deel = [verhoudingen.get(i, (None, None, 1.0)) for i in w.indicatoren]  # per indicator code
        self.rijen = np.flatnonzero(np.isin(w.indicatorcode, w.code(list(verhoudingen))))
        code = w.indicatorcode[self.rijen]
        self.teller = w.code([t for t, _, _ in deel])[code]
        self.noemer = w.code([n for _, n, _ in deel])[code]
        self.factor = np.array([f for _, _, f in deel], dtype=float)[code]


def _kleine_verhouding(w: _Kolommen, verhoudingen: _Verhoudingen) -> np.ndarray:
    """Rule 3, second half: a rate or percentage that stands for 1 to 9 people in its area. People are whole:
    30 per 1.000 × 305 inwoners is 9 people, 24,39 per 1.000 × 410 (a rate rounded to two decimals) is 10."""
    rijen = verhoudingen.rijen
    getal, noemer = w.waarde[rijen], w.getal_van(w.elders(rijen, verhoudingen.noemer))
    with np.errstate(invalid="ignore"):
        mensen = np.round(getal * noemer / verhoudingen.factor)  # round half to even, as Python's round
    verbergen = np.zeros(len(w.waarde), dtype=bool)
    verbergen[rijen[(getal > 0) & (mensen < DREMPEL)]] = True  # NaN (no noemer) compares False
    return verbergen


class _Sommen:
    """Every (total, parts) relation between count rows that all have a number, in a fixed order (the same cells
    are hidden in every process, whatever its hash seed: two replicas never show complementary halves). Stored as
    columns: sum k is total `totaal[k]` with parts `delen[begin[k]:begin[k + 1]]`."""

    def __init__(self, *reeksen: tuple[np.ndarray, np.ndarray, np.ndarray]):
        """reeksen: (totals, their parts one after the other, the number of parts of each total), in order."""
        self.totaal, self.delen, lengte = (np.concatenate([r[k] for r in reeksen]).astype(np.int64) for k in range(3))
        self.begin = np.concatenate([[0], np.cumsum(lengte)])
        # every cell → the sums it is in (ascending): sorted pairs, found by searchsorted
        nummer = np.arange(len(self.totaal))
        cel = np.concatenate([self.totaal, self.delen])
        som = np.concatenate([nummer, np.repeat(nummer, lengte)])
        volgorde = np.lexsort((som, cel))
        self._cel, self._som = cel[volgorde], som[volgorde]

    def __len__(self) -> int:
        return len(self.totaal)

    def __getitem__(self, k: int) -> tuple[int, list[int]]:
        return int(self.totaal[k]), self.delen[self.begin[k]:self.begin[k + 1]].tolist()

    def __iter__(self):
        return (self[k] for k in range(len(self)))

    def met(self, cellen: np.ndarray) -> np.ndarray:
        """The sums (ascending, once each) that hold one of `cellen`."""
        return np.unique(self._som[np.isin(self._cel, cellen)])

    def met_cel(self, cel: int) -> list[int]:
        return self._som[np.searchsorted(self._cel, cel):np.searchsorted(self._cel, cel, side="right")].tolist()


def _sommen(w: _Kolommen) -> _Sommen:
    """The sums of rule 2: a count and the counts of the same indicator and year in the areas it is the parent of
    (in the order of their first part, parts in row order), then the SAMENSTELLINGEN of one area and year (per total
    row, in the order they are listed)."""
    tellingen = np.flatnonzero(w.telling & ~np.isnan(w.waarde))
    totaal = w.elders(tellingen, w.indicatorcode[tellingen], w.oudercode[tellingen])
    met_totaal = ~np.isnan(w.getal_van(totaal))
    kinderen, totaal = tellingen[met_totaal], totaal[met_totaal]
    volgorde = np.argsort(totaal, kind="stable")
    totalen, eerste, aantal = np.unique(totaal[volgorde], return_index=True, return_counts=True)
    houd = aantal > 1
    rang = np.argsort(np.argsort(volgorde[eerste][houd], kind="stable"))  # sums in the order of their first part
    per_kind = np.full(len(totalen), -1)
    per_kind[houd] = rang
    per_kind = np.repeat(per_kind, aantal)
    delen = kinderen[volgorde][per_kind >= 0][np.argsort(per_kind[per_kind >= 0], kind="stable")]
    ouders = (totalen[houd][np.argsort(rang)], delen, aantal[houd][np.argsort(rang)])

    rijen, onderdelen, soort = [], [], []
    for k, (indicator, onderdeel_ids) in enumerate(SAMENSTELLINGEN):
        met = tellingen[w.indicatorcode[tellingen] == w.code([indicator])[0]]
        cellen = np.column_stack([w.elders(met, np.full(len(met), c)) for c in w.code(onderdeel_ids)])
        compleet = (~np.isnan(w.getal_van(cellen))).all(axis=1)
        rijen.append(met[compleet])
        onderdelen.append(cellen[compleet])
        soort.append(np.full(compleet.sum(), k))
    lengte = np.concatenate([np.full(len(o), o.shape[1]) for o in onderdelen])
    begin = np.concatenate([[0], np.cumsum(lengte)[:-1]])
    vlak = np.concatenate([o.ravel() for o in onderdelen])
    volgorde = np.lexsort((np.concatenate(soort), np.concatenate(rijen)))
    return _Sommen(ouders, (np.concatenate(rijen)[volgorde], vlak[_stukken(begin[volgorde], lengte[volgorde])],
                            lengte[volgorde]))


def _stukken(begin: np.ndarray, lengte: np.ndarray) -> np.ndarray:
    """The positions of the pieces [begin, begin + lengte), one after the other."""
    plek = np.repeat(begin - np.concatenate([[0], np.cumsum(lengte)[:-1]]), lengte)
    return plek + np.arange(len(plek))


def _aanvullend(sommen: _Sommen, getal: list[float], verbergen: np.ndarray) -> None:
    """Rule 2, in place. A work list of sums: a sum is looked at again only when one of its cells was just hidden,
    and every step hides a new cell, so the work is bounded by the number of cells and sums."""
    # a sum without a hidden cell gives nothing away: it is looked at once one of its cells gets hidden
    te_doen = deque(sommen.met(np.flatnonzero(verbergen)).tolist())
    wacht = set(te_doen)
    verborgen = set(np.flatnonzero(verbergen).tolist())
    while te_doen:
        n = te_doen.popleft()
        wacht.discard(n)
        extra = _nog_te_verbergen(*sommen[n], getal, verborgen)
        if extra is None:
            continue
        verborgen.add(extra)
        verbergen[extra] = True
        for m in sommen.met_cel(extra):
            if m not in wacht:
                te_doen.append(m)
                wacht.add(m)


def _nog_te_verbergen(totaal: int, delen: list[int], getal: list[float], verborgen: set[int]) -> int | None:
    """The one cell of this sum to hide next (never one already hidden), or None when the sum gives nothing away."""
    verborgen_delen = [d for d in delen if d in verborgen]
    if totaal in verborgen:
        # the shown parts would add up to the hidden total; parts that are all 0 give nothing away
        return None if verborgen_delen else _kleinste_zichtbare(delen, getal, verborgen)
    if not verborgen_delen or (len(verborgen_delen) >= 2 and sum(getal[d] for d in verborgen_delen) >= DREMPEL):
        return None
    kleinste = _kleinste_zichtbare(delen, getal, verborgen)
    return totaal if kleinste is None else kleinste


def _kleinste_zichtbare(delen: list[int], getal: list[float], verborgen: set[int]) -> int | None:
    """The shown part above 0 with the smallest number (ties: the first row), or None."""
    return min((d for d in delen if d not in verborgen and getal[d] > 0), key=lambda d: (getal[d], d), default=None)


def _berekend(w: _Kolommen, verhoudingen: _Verhoudingen, verbergen: np.ndarray) -> None:
    """Rule 3, in place: a rate or percentage is hidden when its teller or noemer is (repeated while that hides
    more: a rate may be the teller of another)."""
    rijen = verhoudingen.rijen
    teller, noemer = w.elders(rijen, verhoudingen.teller), w.elders(rijen, verhoudingen.noemer)
    while True:
        nieuw = ((teller >= 0) & verbergen[teller]) | ((noemer >= 0) & verbergen[noemer])
        nieuw &= ~verbergen[rijen]
        if not nieuw.any():
            return
        verbergen[rijen[nieuw]] = True


@lru_cache(maxsize=4096)
def _lezingen(tekst: str) -> frozenset[float]:
    """Every value a written number can stand for: '1.234' is 1.234 or 1234, '3,4' is 3.4, '1.234,5' is 1234.5."""
    uit = set()
    for decimaal, duizend in ((".", ","), (",", ".")):
        heel, *rest = tekst.split(decimaal)
        groepen = heel.split(duizend)
        if len(rest) > 1 or (rest and not rest[0].isdigit()) or any(len(g) != 3 for g in groepen[1:]):
            continue
        uit.add(round(float("".join(groepen) + ("." + rest[0] if rest else "")), 6))
    return frozenset(uit)


def zonder_getallen(tekst: str, getallen: set[float]) -> str:
    """The text with every number that stands for one of `getallen` replaced by '[afgeschermd]'."""
    return _GETAL.sub(lambda m: VERVANGING if _lezingen(m.group()) & getallen else m.group(), tekst)


def _citaten_zonder(uit: pd.DataFrame, w: _Kolommen, verbergen: np.ndarray) -> pd.Series:
    """Rule 4: a hidden value's quote is replaced; the quotes of shown values lose every hidden number of the same
    area and year. Only the quotes of areas and years with a hidden number are read and changed, in a plain array
    of Python strings (editing a pandas text column cell by cell can copy the column each time: quadratic)."""
    weg = np.flatnonzero(verbergen)
    per_plek: dict[int, set[float]] = {}
    for plek, waarde in zip(w.plek[weg].tolist(), w.waarde[weg].tolist()):  # w.waarde: from before blanking
        if waarde == waarde:
            per_plek.setdefault(plek, set()).add(round(waarde, 6))
    tekst = uit["citaat"].to_numpy(dtype=object, copy=True)
    lezen = np.flatnonzero(np.isin(w.plek, list(per_plek)) & ~verbergen)
    for n, plek in zip(lezen.tolist(), w.plek[lezen].tolist()):
        citaat, getallen = tekst[n], per_plek[plek]
        if isinstance(citaat, str) and any(_lezingen(getal) & getallen for getal in _GETAL.findall(citaat)):
            tekst[n] = zonder_getallen(citaat, getallen)
    tekst[weg] = AFGESCHERMD_CITAAT
    return pd.Series(tekst, index=uit.index, dtype=uit["citaat"].dtype, name="citaat")


def enquete(gegevens: dict) -> dict:
    """Rule 5: the survey (as in data/enquete.yaml) as the public may see it; a hidden answer keeps its text and
    gets `waarde: None, status: afgeschermd`."""
    uit = copy.deepcopy(gegevens)
    deelnemers = uit.get("n")
    for vraag in uit.get("vragen") or []:
        _vraag_afschermen(vraag, deelnemers)
    for rij in uit.get("respondenten_per_wijk") or []:
        aandeel = rij.get("aandeel")
        if aandeel is not None and deelnemers and 0 < aandeel * deelnemers / 100 < DREMPEL:
            rij.update(aandeel=None, status=AFGESCHERMD)
    return uit


def _vraag_afschermen(vraag: dict, deelnemers: int | None) -> None:
    antwoorden = [a for a in vraag.get("antwoorden") or [] if a.get("waarde") is not None]
    n = vraag.get("n") or deelnemers
    procent = (vraag.get("eenheid") or "").startswith("%")
    telling = (vraag.get("eenheid") or "").lower().startswith(("respondenten", "deelnemers", "aantal"))
    if not (procent or telling):
        return
    mensen = {id(a): (a["waarde"] * n / 100 if procent else a["waarde"]) for a in antwoorden if n or telling}
    klein = vraag.get("n") is not None and 0 < vraag["n"] < DREMPEL
    verborgen = [a for a in antwoorden if klein or (id(a) in mensen and 0 < mensen[id(a)] < DREMPEL)]
    som = sum(a["waarde"] for a in antwoorden)
    compleet = (procent and not vraag.get("meerdere_antwoorden") and abs(som - 100) <= len(antwoorden) / 2) or (
        telling and n is not None and som == n)
    if verborgen and compleet:
        # the shown answers would give the hidden one back (100 % or n minus the rest): hide the next smallest
        al = {id(a) for a in verborgen}
        for a in sorted((a for a in antwoorden if id(a) not in al and a["waarde"] > 0), key=lambda a: a["waarde"]):
            if len(verborgen) >= 2 and sum(mensen.get(id(b), 0) for b in verborgen) >= DREMPEL:
                break
            verborgen.append(a)
    if not verborgen:
        return
    getallen = {round(float(a["waarde"]), 6) for a in verborgen}
    for a in verborgen:
        a.update(waarde=None, status=AFGESCHERMD)
    if isinstance(vraag.get("citaat"), str):
        vraag["citaat"] = zonder_getallen(vraag["citaat"], getallen)
