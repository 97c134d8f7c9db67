"""Wat is veranderd: only between comparable measurements (same source series, same side of a definition break,
known year), the two most recent ones, with a stated threshold below which a change is 'gelijk gebleven'."""
import math

import pandas as pd
import pytest

from soest_data import db, waarden
from soest_data.weergave import verandering


@pytest.fixture(scope="module")
def fixture_veranderingen(fixture_db):
    con = db.open_readonly(fixture_db)
    uit = verandering.veranderingen(waarden.alle_waarden(con), waarden.indicatoren(con), waarden.bronnen(con))
    con.close()
    return uit


def test_no_change_across_a_definition_break(fixture_veranderingen):
    # TESTGEGEVENS: test_herkomst has 2016 and 2020 values, but its definition changed in 2020 (vergelijkbaar_vanaf)
    assert "test_herkomst" not in set(fixture_veranderingen["indicator"])


def test_change_between_the_two_measurements_of_one_series(fixture_veranderingen):
    rij = fixture_veranderingen.set_index(["gebied_code", "indicator"]).loc[("WK034201", "test_moeite")]
    assert (rij["jaar_van"], rij["jaar_naar"]) == (2016, 2020)
    assert rij["verschil"] == pytest.approx(9.1 - 12.6)
    assert rij["oordeel"] == verandering.VERBETERD  # lower is better, −3,5 procentpunt > 2 (model estimate)
    assert rij["zin"] == "gedaald van 12,6 % (2016) naar 9,1 % (2020), −3,5 procentpunt: verbeterd"


def _frames(rijen, vanaf=None, reeksen=None):
    indicatoren = pd.DataFrame([{"id": "x", "label": "X-cijfer", "opgave": "bestaanszekerheid", "eenheid": "%",
                                 "richting": "lager_is_beter", "modelschatting": True, "volgorde": 0,
                                 "vergelijkbaar_vanaf": vanaf}])
    indicatoren["vergelijkbaar_vanaf"] = indicatoren["vergelijkbaar_vanaf"].astype("Int64")
    bronnen = pd.DataFrame({"id": list((reeksen or {"b1": "r", "b2": "r", "b3": "r"}).keys()),
                            "reeks": list((reeksen or {"b1": "r", "b2": "r", "b3": "r"}).values())})
    frame = pd.DataFrame([{"gebied_code": "WK01", "gebied_naam": "Aawijk", "niveau": "wijk", "indicator": "x",
                           "jaar": j, "waarde": w, "bron": b} for j, w, b in rijen])
    return frame, indicatoren, bronnen


def test_the_two_most_recent_comparable_measurements():
    uit = verandering.veranderingen(*_frames([(2012, 30.0, "b1"), (2016, 20.0, "b2"), (2020, 21.0, "b3")]))
    rij = uit.iloc[0]
    assert (rij["jaar_van"], rij["jaar_naar"]) == (2016, 2020)
    assert rij["oordeel"] == verandering.GELIJK  # +1 procentpunt: within the 2-point threshold of a model estimate
    assert rij["zin"].startswith("gelijk gebleven")


def test_break_keeps_the_pair_after_it():
    uit = verandering.veranderingen(*_frames([(2016, 30.0, "b1"), (2020, 20.0, "b2"), (2023, 25.0, "b3")], vanaf=2020))
    assert (uit.iloc[0]["jaar_van"], uit.iloc[0]["jaar_naar"]) == (2020, 2023)
    assert verandering.veranderingen(*_frames([(2016, 30.0, "b1"), (2020, 20.0, "b2")], vanaf=2020)).empty


def test_different_series_or_no_series_are_not_compared():
    assert verandering.veranderingen(*_frames([(2016, 30.0, "b1"), (2020, 20.0, "b2")],
                                              reeksen={"b1": "r", "b2": "ander"})).empty
    assert verandering.veranderingen(*_frames([(2016, 30.0, "b1"), (2020, 20.0, "b2")],
                                              reeksen={"b1": "", "b2": ""})).empty


def test_values_without_a_number_or_a_year_take_no_part():
    uit = verandering.veranderingen(*_frames([(2016, 30.0, "b1"), (2020, math.nan, "b2"), (math.nan, 5.0, "b3")]))
    assert uit.empty


def test_threshold_is_stated_and_counts_are_not_judged():
    assert "2 procentpunt" in verandering.drempel_in_woorden() and "gelijk gebleven" in verandering.drempel_in_woorden()
    assert verandering.oordeel(300.0, 50.0, "lager_is_beter", "aantal personen") == verandering.GESTEGEN
    assert verandering.oordeel(-3.0, 2.0, "hoger_is_beter", "%") == verandering.VERSLECHTERD
    assert verandering.oordeel(1.9, 2.0, "hoger_is_beter", "%") == verandering.GELIJK


def test_largest_changes_per_opgave_one_line_per_indicator(fixture_veranderingen):
    grootste = verandering.grootste_per_opgave(fixture_veranderingen, ["bestaanszekerheid", "kansengelijkheid"])
    assert grootste["kansengelijkheid"].empty
    rijen = grootste["bestaanszekerheid"]
    assert len(rijen) == 1 and rijen.iloc[0]["indicator"] == "test_moeite"
    eerste = rijen.iloc[0]
    assert verandering.regel(eerste).startswith(
        f"[**{eerste['gebied_naam']}**](/wijkprofiel?wijk={eerste['gebied_code']}) — test moeite")
