"""The shared results per database: made once, also when a room asks for the same thing at the same moment."""
from __future__ import annotations

import threading
import time

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soest_data.gegevens import Gegevens
from soest_data.weergave import afgeleid


def _leeg() -> Gegevens:
    return object.__new__(Gegevens)  # the memo needs only the object's own __dict__


def test_per_database_maakt_een_keer_ook_als_velen_tegelijk_vragen():
    gemaakt = []

    @afgeleid.per_database
    def traag(g, x):
        gemaakt.append(x)
        time.sleep(0.05)
        return [x]

    g = _leeg()
    uitkomsten = []
    draden = [threading.Thread(target=lambda: uitkomsten.append(traag(g, 1))) for _ in range(8)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert gemaakt == [1]
    assert all(u is uitkomsten[0] for u in uitkomsten)
    assert traag(g, 2) == [2] and gemaakt == [1, 2]  # another key is its own result


def test_een_mislukte_berekening_wordt_de_volgende_keer_opnieuw_geprobeerd():
    pogingen = []

    @afgeleid.per_database
    def wankel(g):
        pogingen.append(1)
        if len(pogingen) == 1:
            raise RuntimeError("eerste keer mis")
        return "goed"

    g = _leeg()
    try:
        wankel(g)
    except RuntimeError:
        pass
    assert wankel(g) == "goed" and len(pogingen) == 2


def test_paginainhoud_een_keer_per_staat_en_de_oudste_valt_af():
    gemaakt = []

    def bouw(g, staat):
        gemaakt.append(staat)
        if staat == "a":
            time.sleep(0.05)
        return {"staat": staat}

    g = _leeg()
    draden = [threading.Thread(target=afgeleid.inhoud, args=(g, bouw, "a")) for _ in range(6)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert gemaakt == ["a"]
    lru = g.__dict__["_paginas"]
    for i in range(lru.maximum + 1):
        afgeleid.inhoud(g, bouw, i)
    afgeleid.inhoud(g, bouw, "a")
    assert gemaakt.count("a") == 2  # pushed out by newer states, made again when asked


def test_per_database_houdt_per_functie_de_laatst_gebruikte_resultaten():
    """A choice of wijken is an argument: a result per choice ever made would grow without bound."""
    gemaakt = []

    @afgeleid.per_database
    def per_keuze(g, keuze):
        gemaakt.append(keuze)
        return [keuze]

    g = _leeg()
    eerste = per_keuze(g, "eerste")
    for i in range(afgeleid.RESULTATEN_PER_FUNCTIE - 1):
        per_keuze(g, i)
    assert per_keuze(g, "eerste") is eerste  # still kept, and now the most recently used
    for i in range(afgeleid.RESULTATEN_PER_FUNCTIE):
        per_keuze(g, f"nieuw {i}")
    assert per_keuze(g, "eerste") == ["eerste"] and gemaakt.count("eerste") == 2
    assert len(afgeleid.gemaakt(g)) == afgeleid.RESULTATEN_PER_FUNCTIE


def test_een_standaardwaarde_meegeven_of_weglaten_is_een_en_hetzelfde_resultaat():
    gemaakt = []

    @afgeleid.per_database
    def met_marge(g, marge=0.1):
        gemaakt.append(marge)
        return object()

    g = _leeg()
    assert met_marge(g) is met_marge(g, 0.1) and gemaakt == [0.1]


def test_voor_iedereen_maakt_wat_vooraf_gevraagd_is_en_start_ook_als_een_deel_mislukt(monkeypatch, caplog):
    monkeypatch.setattr(afgeleid, "_VOORAF", [])
    gemaakt = []

    @afgeleid.per_database(vooraf=lambda g: [("a",), ("b",)])
    def per_keuze(g, keuze):
        gemaakt.append(keuze)
        if keuze == "a":
            raise ValueError("kapot")
        return keuze

    @afgeleid.per_database(vooraf=afgeleid.eenmaal)
    def zonder_keuze(g):
        gemaakt.append("eenmaal")

    g = _leeg()
    afgeleid.voor_iedereen(g)
    assert gemaakt == ["a", "b", "eenmaal"]
    assert "kon niet vooraf gemaakt worden" in caplog.text
    per_keuze(g, "b")
    zonder_keuze(g)
    assert gemaakt == ["a", "b", "eenmaal"]  # made once, ahead


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_waarden_van_is_the_same_as_filtering_every_value(echte_gegevens, data):
    """A page state reads only its areas' or indicators' rows (afgeleid.waarden_van): the same rows, in the same order
    and with the same labels, as a filter over every value; unknown codes give no rows."""
    g = echte_gegevens
    gebieden = data.draw(st.none() | st.lists(st.sampled_from([*g.waarden["gebied_code"].unique(), "WK999999"])))
    indicatoren = data.draw(st.none() | st.lists(st.sampled_from([*g.waarden["indicator"].unique(), "bestaat_niet"])))
    kies = pd.Series(True, index=g.waarden.index)
    if gebieden is not None:
        kies &= g.waarden["gebied_code"].isin(gebieden)
    if indicatoren is not None:
        kies &= g.waarden["indicator"].isin(indicatoren)
    pd.testing.assert_frame_equal(afgeleid.waarden_van(g, gebieden, indicatoren), g.waarden[kies])
