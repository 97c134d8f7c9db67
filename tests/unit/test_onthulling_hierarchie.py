"""Property: over random area hierarchies (gemeente → wijken → buurten; TESTGEGEVENS, drawn by Hypothesis) the
disclosure control ends after bounded work and gives no small count back: not as a value, not by a total minus its
shown parts, not as a rate × inhabitants or a percentage × n, not in a quote. Also for the resident survey."""
from __future__ import annotations

import math
import re
import signal
from contextlib import contextmanager
from unittest import mock

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soest_data import db, onthulling, waarden
from soest_data.begrippen import AFGESCHERMD
from soest_data.scoring import is_aantal

D = onthulling.DREMPEL
GEVALLEN = 100  # drawn hierarchies per run in the fast loop (the survey property draws as many surveys)
GEVALLEN_TRAAG = 2000  # with --traag (CI)
GEMEENTE = "GM9999"
JAAR = 2023
CATALOGUS = pd.DataFrame([
    {"id": "telling", "eenheid": "aantal", "onthulling_regel": "geen", "onthulling_drempel": None,
     "onthulling_basis": None, "formule": None},
    {"id": "inwoners", "eenheid": "aantal", "onthulling_regel": "geen", "onthulling_drempel": None,
     "onthulling_basis": None, "formule": None},
    # a rate as the source gives it (computed from unrounded counts) and a percentage we compute
    {"id": "telling_per_1000_inwoners", "eenheid": "per 1000 inwoners", "onthulling_regel": "geen",
     "onthulling_drempel": None, "onthulling_basis": None, "formule": None},
    {"id": "pct_telling", "eenheid": "%", "onthulling_regel": "geen", "onthulling_drempel": None,
     "onthulling_basis": None, "formule": "telling / inwoners × 100"},
])

# a count: missing, 0, small (1–9) or larger; totals are drawn too (a CBS total need not be the sum of its parts)
aantal = st.one_of(st.none(), st.just(0), st.integers(1, D - 1), st.integers(D, 3000))
gebied = st.fixed_dictionaries({"telling": aantal, "inwoners": aantal, "schrijfwijze": st.sampled_from("nle")})


@st.composite
def hierarchie(draw) -> list[dict]:
    """Areas with their counts: one gemeente, 1–6 wijken, each with 0–6 buurten; sometimes the sums add up."""
    wijken = draw(st.lists(st.lists(gebied, max_size=6), min_size=1, max_size=6))
    optellen = draw(st.booleans())
    rijen = []
    wijkrijen = []
    for w, buurten in enumerate(wijken, start=1):
        code = f"WK9999{w:02d}"
        delen = [dict(b, code=f"BU9999{w:02d}{n:02d}", ouder=code, niveau="buurt") for n, b in enumerate(buurten, 1)]
        wijk = dict(draw(gebied), code=code, ouder=GEMEENTE, niveau="wijk")
        if optellen and delen:
            for k in ("telling", "inwoners"):
                wijk[k] = sum(d[k] or 0 for d in delen)
        rijen += delen
        wijkrijen.append(wijk)
    gemeente = dict(draw(gebied), code=GEMEENTE, ouder="NL01", niveau="gemeente")
    if optellen:
        for k in ("telling", "inwoners"):
            gemeente[k] = sum(w[k] or 0 for w in wijkrijen)
    return [gemeente, *wijkrijen, *rijen]


def _schrijf(x: float, wijze: str) -> str:
    """A number as a source line writes it: plain, Dutch (1.234,5) or English (1,234.5)."""
    tekst = f"{x:,.6f}".rstrip("0").rstrip(".")
    if wijze == "e":
        return tekst
    if wijze == "n":
        return tekst.replace(",", "_").replace(".", ",").replace("_", ".")
    return tekst.replace(",", "")


def _waarden(gebieden: list[dict]) -> pd.DataFrame:
    rijen = []
    for g in gebieden:
        t, i = g["telling"], g["inwoners"]
        per_1000 = round(t / i * 1000) if t is not None and i else None
        pct = round(t / i * 100, 2) if t is not None and i else None
        # every quote holds several columns of the source line, as a CBS export does
        regel = ";".join(f"{k}={_schrijf(v, g['schrijfwijze'])}" for k, v in
                         (("telling", t), ("inwoners", i), ("per_1000", per_1000)) if v is not None)
        for indicator, waarde, eenheid in (("telling", t, "aantal"), ("inwoners", i, "aantal"),
                                           ("telling_per_1000_inwoners", per_1000, "per 1000 inwoners"),
                                           ("pct_telling", pct, "%")):
            rijen.append({"gebied_code": g["code"], "niveau": g["niveau"], "ouder": g["ouder"], "indicator": indicator,
                          "jaar": JAAR, "waarde": float("nan") if waarde is None else float(waarde),
                          "eenheid": eenheid, "status": "", "citaat": f"TESTGEGEVENS {regel}"})
    return pd.DataFrame(rijen)


@contextmanager
def _binnen(seconden: int):
    """Fail instead of hanging (the old pass looped forever on a hidden total whose parts were all 0)."""
    def stop(*_):
        raise TimeoutError(f"onthulling liep langer dan {seconden} s")
    vorige = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconden)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, vorige)


def _getal_in(tekst: str, waarde: float) -> bool:
    return any(onthulling._lezingen(m.group()) & {round(waarde, 6)} for m in onthulling._GETAL.finditer(tekst))


@settings(max_examples=GEVALLEN, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gebieden=hierarchie())
def test_geen_klein_aantal_terug_te_vinden(gebieden):
    _niets_terug_te_vinden(gebieden)


@pytest.mark.traag
@settings(max_examples=GEVALLEN_TRAAG, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gebieden=hierarchie())
def test_geen_klein_aantal_terug_te_vinden_veel_gevallen(gebieden):
    _niets_terug_te_vinden(gebieden)


def _niets_terug_te_vinden(gebieden: list[dict]) -> None:
    ruw = _waarden(gebieden)
    sommen = onthulling._sommen(onthulling._Kolommen(ruw))
    # bounded work: each sum is looked at once, and again only when one of its cells was newly hidden
    grens = len(sommen) + sum(1 + len(delen) for _, delen in sommen)
    voor = ruw.copy()
    with mock.patch.object(onthulling, "_nog_te_verbergen", wraps=onthulling._nog_te_verbergen) as stap, _binnen(10):
        publiek = onthulling.pas_toe(ruw, CATALOGUS)
    assert stap.call_count <= grens
    pd.testing.assert_frame_equal(ruw, voor)  # the raw values stay as they were (the admin's export reads them)
    controleer(ruw, publiek, CATALOGUS)


def controleer(ruw: pd.DataFrame, publiek: pd.DataFrame, catalogus: pd.DataFrame) -> None:
    """Every way back to a small count, checked on the public frame against the raw one."""
    sleutel = ["gebied_code", "indicator", "jaar"]
    ruwe = ruw.set_index(sleutel)["waarde"]
    p = publiek.set_index(sleutel)
    verborgen = p["status"] == AFGESCHERMD
    assert p.loc[verborgen, "waarde"].isna().all()

    # 1. no shown count of 1–9
    tellingen = p[p["eenheid"].map(is_aantal).astype(bool)]["waarde"].dropna()
    assert not ((tellingen > 0) & (tellingen < D)).any(), tellingen[(tellingen > 0) & (tellingen < D)]

    # 2. no total minus its shown parts gives a hidden cell (or a small group of them) back (sums by row number)
    rij_weg, rij_waarde = (publiek["status"] == AFGESCHERMD).to_numpy(), ruw["waarde"].to_numpy()
    for totaal, delen in onthulling._sommen(onthulling._Kolommen(ruw)):
        weg = [d for d in delen if rij_weg[d]]
        if not rij_weg[totaal]:
            assert not weg or (len(weg) >= 2 and sum(rij_waarde[d] for d in weg) >= D), (ruw.iloc[totaal], weg)
        else:
            assert weg or sum(rij_waarde[d] for d in delen) == 0, ruw.iloc[totaal]

    # 3. a shown rate or percentage × its noemer is never 1–9 people; a hidden teller or noemer takes it along
    for indicator, (teller, noemer, factor) in onthulling._verhoudingen(catalogus.set_index("id")).items():
        for (g, _, j), rij in p.xs(indicator, level="indicator", drop_level=False).iterrows():
            if noemer and pd.notna(rij["waarde"]) and pd.notna(p["waarde"].get((g, noemer, j))):
                assert not 0 < round(rij["waarde"] * p["waarde"][(g, noemer, j)] / factor) < D, (g, indicator, j)
            if any(c in verborgen.index and verborgen[c] for c in ((g, teller, j), (g, noemer, j))):
                assert pd.isna(rij["waarde"]), (g, indicator, j)

    # 4. no quote of a shown value names a hidden number of its area and year, however it is written
    weg = ruwe[verborgen].dropna()
    per_plek: dict[tuple, set] = {}
    for (g, _, j), waarde in weg.items():
        per_plek.setdefault((g, j), set()).add(waarde)
    for (g, i, j), citaat in p.loc[~verborgen, "citaat"].items():
        for waarde in per_plek.get((g, j), ()):
            assert not _getal_in(str(citaat), waarde), (g, i, j, waarde, citaat)


def test_de_echte_gegevens_houden_zich_aan_dezelfde_regels(echte_db):
    """The same checks on the real database (all wijken and buurten of Soest)."""
    with db.verbinding(echte_db) as con:
        catalogus = waarden.indicatoren(con)
        ruw = waarden.alle_waarden(con, afschermen=False)
        publiek = waarden.alle_waarden(con, catalogus=catalogus)
    controleer(ruw, publiek, catalogus)


def test_een_verborgen_totaal_boven_buurten_van_nul_eindigt():
    """Issue 26's hang: a wijk count of 9 whose buurten are all 0 or missing."""
    gebieden = [{"code": GEMEENTE, "ouder": "NL01", "niveau": "gemeente", "telling": 500, "inwoners": 20000},
                {"code": "WK999901", "ouder": GEMEENTE, "niveau": "wijk", "telling": 9, "inwoners": 4000},
                {"code": "WK999902", "ouder": GEMEENTE, "niveau": "wijk", "telling": 491, "inwoners": 16000},
                *({"code": f"BU999901{n:02d}", "ouder": "WK999901", "niveau": "buurt", "telling": t, "inwoners": 1000}
                  for n, t in ((1, 0), (2, 0), (3, None)))]
    with _binnen(10):
        publiek = onthulling.pas_toe(_waarden([dict(g, schrijfwijze="n") for g in gebieden]), CATALOGUS)
    telling = publiek[publiek["indicator"] == "telling"].set_index("gebied_code")["waarde"]
    assert math.isnan(telling["WK999901"]) and math.isnan(telling["WK999902"])  # 500 − 491 would give 9 back
    assert telling["BU99990101"] == 0


def test_citaat_verliest_nederlandse_en_engelse_schrijfwijzen():
    getallen = {3.4, 1234.0, 7.0}
    tekst = "a=3,4; b=3.4; c=1.234; d=1234; e=1.234,0; f=7%; code_7=12; BU03420107; 17; 7,5; 2023-7"
    uit = onthulling.zonder_getallen(tekst, getallen)
    assert uit == ("a=[afgeschermd]; b=[afgeschermd]; c=[afgeschermd]; d=[afgeschermd]; e=[afgeschermd]; "
                   "f=[afgeschermd]%; code_7=12; BU03420107; 17; 7,5; 2023-[afgeschermd]")


@settings(max_examples=GEVALLEN, deadline=None)
@given(getal=st.one_of(st.integers(0, 10**7), st.decimals(0, 10**6, places=1), st.decimals(0, 10**4, places=2)),
       wijze=st.sampled_from("nle"), voor=st.sampled_from(["", " ", "=", ";", "(", "n="]),
       na=st.sampled_from(["", " ", "%", ";", ")", ". ", ", en"]))
def test_een_verborgen_getal_verdwijnt_in_elke_schrijfwijze(getal, wijze, voor, na):
    waarde = float(getal)
    tekst = f"bron{voor or ' '}{_schrijf(waarde, wijze)}{na} gwb_code_10=BU03420101"
    uit = onthulling.zonder_getallen(tekst, {round(waarde, 6)})
    assert onthulling.VERVANGING in uit and not _getal_in(uit, waarde), (tekst, uit)
    assert uit.endswith("gwb_code_10=BU03420101")  # codes stay as they are


antwoord = st.integers(0, 100)


@st.composite
def vraag(draw) -> dict:
    n = draw(st.one_of(st.none(), st.integers(1, 400)))
    if draw(st.booleans()):  # a single-choice question whose answers add up to 100 %
        grenzen = sorted(draw(st.lists(st.integers(0, 100), max_size=4)))
        waarden = [b - a for a, b in zip([0, *grenzen], [*grenzen, 100])]
        meer = False
    else:
        waarden = draw(st.lists(antwoord, min_size=1, max_size=5))
        meer = draw(st.booleans())
    return {"id": "v", "eenheid": "%", "n": n, "meerdere_antwoorden": meer,
            "antwoorden": [{"antwoord": f"a{k}", "waarde": w} for k, w in enumerate(waarden)],
            "citaat": "TESTGEGEVENS " + ", ".join(f"{w} procent" for w in waarden)}


@settings(max_examples=GEVALLEN, deadline=None)
@given(vragen=st.lists(vraag(), min_size=1, max_size=4), deelnemers=st.integers(10, 400),
       aandelen=st.lists(st.integers(0, 100), max_size=4))
def test_enquete_geeft_geen_klein_aantal_deelnemers_terug(vragen, deelnemers, aandelen):
    ruw = {"n": deelnemers, "vragen": vragen,
           "respondenten_per_wijk": [{"gebied": f"WK9999{k:02d}", "aandeel": a} for k, a in enumerate(aandelen)]}
    publiek = onthulling.enquete(ruw)
    assert ruw["vragen"] == vragen  # the input is not changed
    for oud, nieuw in zip(ruw["vragen"], publiek["vragen"]):
        n = oud["n"] or deelnemers
        weg = [a for a, b in zip(oud["antwoorden"], nieuw["antwoorden"]) if b.get("status") == AFGESCHERMD]
        for a, b in zip(oud["antwoorden"], nieuw["antwoorden"]):
            if b.get("status") == AFGESCHERMD:
                assert b["waarde"] is None and not re.search(rf"(?<![\d,.]){a['waarde']} procent", nieuw["citaat"])
            else:
                assert not 0 < b["waarde"] * n / 100 < D
        compleet = not oud["meerdere_antwoorden"] and sum(a["waarde"] for a in oud["antwoorden"]) == 100
        if compleet and weg and len(weg) < len(oud["antwoorden"]):  # 100 % minus the shown answers
            assert len(weg) >= 2 and round(sum(a["waarde"] * n / 100 for a in weg), 9) >= D  # people: float sums, rounded
    for rij in publiek["respondenten_per_wijk"]:
        assert rij["aandeel"] is None or not 0 < rij["aandeel"] * deelnemers / 100 < D


def test_de_enquete_komt_alleen_afgeschermd_bij_de_paginas(echte_db, echte_gegevens):
    """Every page, download and factsheet reads the survey from gegevens.laad: never the raw one."""
    assert "enquete" not in echte_gegevens.bouwinfo
    with db.verbinding(echte_db) as con:
        ruw = waarden.enquete(con, afschermen=False)
    deelnemers = ruw.get("n")
    for oud, nieuw in zip(ruw["vragen"], echte_gegevens.enquete["vragen"]):
        n = oud.get("n") or deelnemers
        for a, b in zip(oud["antwoorden"], nieuw["antwoorden"]):
            klein = oud["eenheid"].startswith("%") and a["waarde"] is not None and 0 < a["waarde"] * n / 100 < D
            assert not klein or (b["waarde"] is None and b["status"] == AFGESCHERMD), (oud["id"], a)
