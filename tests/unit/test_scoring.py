import math

import pandas as pd

from soest_data import scoring


def test_kant_uses_the_margin_around_soest():
    assert scoring.kant(11.0, 10.0, marge=0.10) == scoring.ROND
    assert scoring.kant(11.5, 10.0, marge=0.10) == scoring.HOGER
    assert scoring.kant(8.0, 10.0, marge=0.10) == scoring.LAGER
    assert scoring.kant(11.5, 10.0, marge=0.20) == scoring.ROND


def test_kant_is_unknown_without_a_value():
    assert scoring.kant(None, 10.0) == scoring.ONBEKEND
    assert scoring.kant(float("nan"), 10.0) == scoring.ONBEKEND
    assert scoring.kant(5.0, None) == scoring.ONBEKEND


def test_oordeel_follows_the_direction_and_leaves_neutral_alone():
    assert scoring.oordeel(scoring.HOGER, "lager_is_beter") == scoring.ONGUNSTIG
    assert scoring.oordeel(scoring.HOGER, "hoger_is_beter") == scoring.GUNSTIG
    assert scoring.oordeel(scoring.LAGER, "neutraal") == scoring.LAGER


def test_relative_statements_map_onto_the_same_scale():
    assert scoring.kant_relatief("hoogste") == scoring.HOGER
    assert scoring.kant_relatief("iets_lager") == scoring.ROND
    assert scoring.kant_relatief("") == scoring.ONBEKEND


def test_index_is_100_for_soest_and_empty_without_value():
    assert scoring.index(10.0, 10.0) == 100
    assert scoring.index(None, 10.0) is None
    assert scoring.index(5.0, 0) is None


def test_in_woorden_names_highest_lowest_and_missing():
    wijken = pd.DataFrame({"waarde": [18.9, 6.7, 11.0, math.nan], "relatief": ["", "", "", ""],
                           "status": ["", "", "", ""]})
    rijen = scoring.vergelijk_met_soest(wijken, 11.6, "lager_is_beter")
    woorden = [scoring.in_woorden(r, 18.9, 6.7) for _, r in rijen.iterrows()]
    assert woorden == ["het hoogst van alle wijken", "het laagst van alle wijken", "rond het Soester gemiddelde",
                       "geen gegevens"]


def test_beoordeel_wijken_scores_every_wijk_against_soest_in_the_latest_year(fixture_db):
    from soest_data import db, waarden
    con = db.open_readonly(fixture_db)
    tabel = scoring.beoordeel_wijken(waarden.alle_waarden(con), waarden.indicatoren(con))
    moeite = tabel[tabel["indicator"] == "test_moeite"]
    assert set(moeite["jaar"]) == {2020}
    assert moeite["soest"].notna().all()
    assert {"kant", "oordeel", "index", "label", "richting"} <= set(tabel.columns)
