import math

import pandas as pd
import pytest

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


def test_percentages_differ_in_percentage_points_other_figures_relatively():
    # 51,8 vs 48,0 % is +3,8 procentpunt: clearly higher (a relative 10 % would call it 'rond')
    assert scoring.kant(51.8, 48.0, 0.10, "%") == scoring.HOGER
    assert scoring.kant(50.0, 48.0, 0.10, "%") == scoring.ROND            # +2,0 procentpunt
    assert scoring.kant(12.5, 10.0, 0.10, "% van jongeren") == scoring.ROND  # exactly 2,5: not 'clearly'
    # an amount: 10 % of the Soest value
    assert scoring.kant(40.0, 36.0, 0.10, "x 1000 euro") == scoring.HOGER
    assert scoring.kant(39.0, 36.0, 0.10, "x 1000 euro") == scoring.ROND
    assert scoring.drempel(48.0, "%", 0.20) == pytest.approx(5.0)
    assert scoring.drempel(36.0, "x 1000 euro", 0.20) == pytest.approx(7.2)


def test_zero_gap_rule_a_gap_within_the_rounding_step_is_no_gap():
    # distances rounded to 0,1 km: 1,0 against 0,9 could be the same distance
    assert scoring.resolutie([1.0, 0.9, 1.6]) == pytest.approx(0.1)
    assert scoring.resolutie([34, 47, 22]) == 1
    assert scoring.kant(1.0, 0.9, 0.10, "km", stap=0.1) == scoring.ROND
    assert scoring.kant(1.0, 0.9, 0.10, "km") == scoring.HOGER            # without the rule: +11 %
    assert scoring.kant(1.2, 0.9, 0.10, "km", stap=0.1) == scoring.HOGER
    rijen = scoring.vergelijk_met_soest(pd.DataFrame({"waarde": [1.0, 1.6], "relatief": ["", ""]}), 0.9,
                                        "lager_is_beter", eenheid="km")
    assert list(rijen["oordeel"]) == [scoring.ROND, scoring.ONGUNSTIG]


def test_only_outcomes_with_a_direction_are_judged():
    assert scoring.oordeel(scoring.HOGER, "lager_is_beter", "uitkomst") == scoring.ONGUNSTIG
    assert scoring.oordeel(scoring.HOGER, "lager_is_beter", "context") == scoring.HOGER
    assert scoring.oordeel(scoring.HOGER, "neutraal", "zorggebruik") == scoring.HOGER
    assert "behoefte of bereik" in scoring.rol_in_woorden("zorggebruik")


def test_the_gap_and_threshold_in_words_use_the_kind_of_figure():
    assert scoring.verschil_in_woorden(51.8, 48.0, "%") == "+3,8 procentpunt"
    assert scoring.verschil_in_woorden(20.0, 30.0, "x 1000 euro") == "−33 %"
    assert scoring.drempel_in_woorden(48.0, "%", 0.10) == "meer dan 2,5 procentpunt"
    assert scoring.drempel_in_woorden(0.9, "km", 0.10, 0.1).endswith("en meer dan de afronding (0,10 km)")


def test_valt_op_needs_half_of_the_judged_kernset_and_at_least_two():
    assert scoring.valt_op(2, 4) and scoring.valt_op(2, 2)
    assert not scoring.valt_op(1, 1) and not scoring.valt_op(2, 5) and not scoring.valt_op(0, 0)


def test_a_figure_without_a_soest_value_is_not_called_missing():
    assert scoring.oordeel_symbool(scoring.ONBEKEND, 7.1, None) == "– geen Soester cijfer"
    assert scoring.oordeel_symbool(scoring.ONBEKEND, None, None) == "– geen gegevens"
    assert scoring.oordeel_symbool(scoring.ONGUNSTIG, 7.1, 6.0) == "▼ ongunstig"


def test_compared_unrounded_shown_rounded():
    """Boerenstreek's WW (20 of 2.330 inwoners against Soest's 370 of 47.439): +10,05 %, beyond the 10 % margin, is
    ongunstig; compared after rounding to 8,58 and 7,80 it looked 'rond'. The gap is shown so it does not contradict."""
    wijk, soest = 20 / 2330 * 1000, 370 / 47439 * 1000
    assert scoring.kant(wijk, soest, 0.10, "per 1000 inwoners", scoring.resolutie([wijk, soest])) == scoring.HOGER
    assert scoring.kant(round(wijk, 2), round(soest, 2), 0.10, "per 1000 inwoners", 0.01) == scoring.ROND
    assert scoring.verschil_in_woorden(wijk, soest, "per 1000 inwoners") == "+10,05 %"
