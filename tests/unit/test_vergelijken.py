"""Compare wijken: index (Soest = 100), direction, missing values, ranking of differences, the summary sentence."""
import math

import pandas as pd
import pytest

from soest_data import scoring
from soest_data.weergave import vergelijken

NAMEN = {"WK034205": "Smitsveen", "WK034207": "Soest-Zuid", "WK034201": "'t Hart-Soestdijk"}


def _indicator(indicator, label, soest, richting, waarden, eenheid="%", opgave="bestaanszekerheid", volgorde=1,
               soort="getal", relatief=None):
    """Rows as scoring.beoordeel_wijken makes them (one per wijk with a row)."""
    wijken = pd.DataFrame({
        "gebied_code": list(waarden), "gebied_naam": [NAMEN[c] for c in waarden],
        "waarde": [float("nan") if w is None else w for w in waarden.values()],
        "relatief": [(relatief or {}).get(c, "") for c in waarden], "status": "", "eenheid": eenheid,
        "indicator": indicator, "opgave": opgave, "jaar": 2023, "bron_titel": "Testbron",
    })
    uit = scoring.vergelijk_met_soest(wijken, soest, richting)
    return uit.assign(label=label, thema="Test", soort=soort, richting=richting, rol="uitkomst", modelschatting=False,
                      jaar_tekst="2023", jaar_kort="2023", volgorde=volgorde,
                      soest=float("nan") if soest is None else soest)


def _beoordeeld(*delen):
    return pd.concat(delen, ignore_index=True)


CODES = ["WK034205", "WK034207"]


def test_index_is_100_for_the_soest_value_and_scales_with_it():
    assert scoring.index(11.6, 11.6) == 100
    assert scoring.index(23.2, 11.6) == pytest.approx(200)
    assert scoring.index(5.8, 11.6) == pytest.approx(50)


def test_index_of_a_missing_value_or_without_soest_is_none():
    assert scoring.index(None, 11.6) is None
    assert scoring.index(float("nan"), 11.6) is None
    assert scoring.index(12.0, None) is None
    assert scoring.index(12.0, 0) is None


def test_comparison_carries_the_index_per_wijk_and_keeps_missing_wijken():
    b = _indicator("moeite", "Moeite met rondkomen", 10.0, "lager_is_beter", {"WK034205": 20.0, "WK034207": 5.0})
    lang = vergelijken.vergelijking(b, CODES + ["WK034201"], NAMEN)
    per = lang.set_index("gebied_code")
    assert per.loc["WK034205", "index"] == pytest.approx(200)
    assert per.loc["WK034207", "index"] == pytest.approx(50)
    assert math.isnan(per.loc["WK034201", "index"])  # no row in the source: stays missing, never 0
    assert per.loc["WK034201", "oordeel"] == scoring.ONBEKEND
    assert per.loc["WK034201", "waarde_tekst"] == "geen gegevens"


@pytest.mark.parametrize("richting, gunstigste", [("lager_is_beter", "Soest-Zuid"), ("hoger_is_beter", "Smitsveen"),
                                                  ("neutraal", None)])
def test_direction_decides_who_is_favourable_not_the_index(richting, gunstigste):
    b = _indicator("x", "X", 10.0, richting, {"WK034205": 20.0, "WK034207": 5.0})
    lang = vergelijken.vergelijking(b, CODES, NAMEN)
    v = vergelijken.verschillen(lang).iloc[0]
    assert v["indexverschil"] == pytest.approx(150)  # the index itself ignores the direction
    assert (v["gunstigste_naam"] if isinstance(v["gunstigste_naam"], str) else None) == gunstigste
    oordelen = set(lang["oordeel"])
    if richting == "neutraal":
        assert oordelen == {scoring.HOGER, scoring.LAGER}
    else:
        assert oordelen == {scoring.GUNSTIG, scoring.ONGUNSTIG}


def test_beter_follows_the_direction():
    assert vergelijken.beter(20, 5, "lager_is_beter") == 1
    assert vergelijken.beter(20, 5, "hoger_is_beter") == -1
    assert vergelijken.beter(20, 5, "neutraal") == 0
    assert vergelijken.beter(None, 5, "hoger_is_beter") == 0


def test_largest_index_gap_comes_first_whatever_the_unit():
    b = _beoordeeld(
        _indicator("klein", "Klein verschil", 10.0, "lager_is_beter", {"WK034205": 11.0, "WK034207": 10.0}, volgorde=1),
        _indicator("euro", "Inkomen", 40.0, "hoger_is_beter", {"WK034205": 28.0, "WK034207": 48.0},
                   eenheid="x 1000 euro", volgorde=2),
        _indicator("groot", "Groot verschil", 10.0, "lager_is_beter", {"WK034205": 30.0, "WK034207": 5.0}, volgorde=3),
    )
    v = vergelijken.verschillen(vergelijken.vergelijking(b, CODES, NAMEN))
    assert list(v["indicator"]) == ["groot", "euro", "klein"]
    assert list(v["indexverschil"].round()) == [250, 50, 10]


def test_missing_and_statements_rank_last_and_say_why():
    b = _beoordeeld(
        _indicator("een", "Maar één wijk", 10.0, "lager_is_beter", {"WK034205": 30.0, "WK034207": None}, volgorde=1),
        _indicator("uitspraak", "Uitspraak", None, "lager_is_beter", {"WK034205": None, "WK034207": None},
                   soort="relatief", relatief={"WK034205": "hoger", "WK034207": "lager"}, volgorde=2),
        _indicator("gewoon", "Gewoon", 10.0, "lager_is_beter", {"WK034205": 11.0, "WK034207": 9.0}, volgorde=3),
    )
    lang = vergelijken.vergelijking(b, CODES, NAMEN)
    v = vergelijken.verschillen(lang).set_index("indicator")
    assert list(v.index) == ["gewoon", "een", "uitspraak"]
    assert v.loc["een", "verschil_tekst"] == "geen vergelijking mogelijk (te weinig cijfers)"
    assert v.loc["uitspraak", "verschil_tekst"] == "verschillende uitspraak"
    # a statement is shown in words, never as a number
    woorden = lang[lang["indicator"] == "uitspraak"].set_index("gebied_code")["waarde_tekst"]
    assert woorden["WK034205"] == "hoger dan gemiddeld"


def test_without_a_soest_value_the_spread_is_relative_to_the_wijken():
    b = _indicator("x", "Zonder Soest", None, "lager_is_beter", {"WK034205": 12.0, "WK034207": 8.0})
    v = vergelijken.verschillen(vergelijken.vergelijking(b, CODES, NAMEN)).iloc[0]
    assert math.isnan(v["indexverschil"])
    assert v["afstand"] == pytest.approx(40)  # 4 / mean(12, 8) × 100


def test_differences_of_a_small_fixture_equal_the_expected_table():
    """Every case at once, three wijken: ties (the first wijk in the chosen order wins), a neutral indicator, one
    figure only, no Soest value, all equal, and a statement. The expected values are worked out by hand."""
    drie = CODES + ["WK034201"]
    b = _beoordeeld(
        _indicator("gelijk_hoog", "Gelijk hoog", 10.0, "hoger_is_beter",
                   {"WK034205": 12.0, "WK034207": 12.0, "WK034201": 8.0}, volgorde=1),
        _indicator("neutraal", "Neutraal", 50.0, "neutraal", {"WK034205": 40.0, "WK034207": 60.0, "WK034201": 50.0},
                   volgorde=2),
        _indicator("een", "Eén cijfer", 10.0, "lager_is_beter", {"WK034205": None, "WK034207": 30.0}, volgorde=3),
        _indicator("zonder", "Zonder Soest", None, "lager_is_beter", {"WK034205": 6.0, "WK034201": 2.0},
                   eenheid="per 1.000 inwoners", volgorde=4),
        _indicator("even", "Even hoog", 10.0, "lager_is_beter", {"WK034205": 10.0, "WK034207": 10.0}, volgorde=5),
        _indicator("uitspraak", "Uitspraak", None, "lager_is_beter", {"WK034205": None, "WK034207": None},
                   soort="relatief", relatief={"WK034205": "hoger", "WK034207": "hoger"}, volgorde=6),
    )
    v = vergelijken.verschillen(vergelijken.vergelijking(b, drie, NAMEN))
    verwacht = pd.DataFrame([
        ["zonder", 2, "Smitsveen", 6.0, "'t Hart-Soestdijk", 2.0, 4.0, math.nan, 100.0, "'t Hart-Soestdijk", "Smitsveen"],
        ["gelijk_hoog", 3, "Smitsveen", 12.0, "'t Hart-Soestdijk", 8.0, 4.0, 40.0, 40.0, "Smitsveen",
         "'t Hart-Soestdijk"],
        ["neutraal", 3, "Soest-Zuid", 60.0, "Smitsveen", 40.0, 20.0, 40.0, 40.0, None, None],
        ["even", 2, "Smitsveen", 10.0, "Smitsveen", 10.0, 0.0, 0.0, 0.0, None, None],
        ["een", 1, None, math.nan, None, math.nan, math.nan, math.nan, math.nan, None, None],
        ["uitspraak", 0, None, math.nan, None, math.nan, math.nan, math.nan, math.nan, None, None],
    ], columns=["indicator", "aantal", "hoogste_naam", "hoogste", "laagste_naam", "laagste", "verschil",
                "indexverschil", "afstand", "gunstigste_naam", "ongunstigste_naam"])
    pd.testing.assert_frame_equal(v[verwacht.columns], verwacht, check_dtype=False)
    assert list(v["verschil_tekst"]) == [
        "4,0 per 1.000 inwoners: hoogst Smitsveen, laagst 't Hart-Soestdijk",
        "4,0 procentpunt: hoogst Smitsveen, laagst 't Hart-Soestdijk",
        "20,0 procentpunt: hoogst Soest-Zuid, laagst Smitsveen", "even hoog",
        "geen vergelijking mogelijk (te weinig cijfers)", "zelfde uitspraak"]
    assert list(v.columns) == vergelijken.VERSCHIL_KOLOMMEN


def test_differences_of_nothing_are_an_empty_table():
    assert list(vergelijken.verschillen(vergelijken.vergelijking(pd.DataFrame(), CODES, NAMEN)).columns) == \
        vergelijken.VERSCHIL_KOLOMMEN


def test_difference_in_words_names_who_is_higher():
    b = _indicator("x", "X", 10.0, "lager_is_beter", {"WK034205": 18.9, "WK034207": 6.7})
    v = vergelijken.verschillen(vergelijken.vergelijking(b, CODES, NAMEN)).iloc[0]
    assert v["verschil_tekst"] == "Smitsveen 12,2 procentpunt hoger dan Soest-Zuid"
    drie = vergelijken.vergelijking(
        _indicator("x", "X", 10.0, "lager_is_beter", {"WK034205": 18.9, "WK034207": 6.7, "WK034201": 9.1}),
        CODES + ["WK034201"], NAMEN)
    assert vergelijken.verschillen(drie).iloc[0]["verschil_tekst"] == \
        "12,2 procentpunt: hoogst Smitsveen, laagst Soest-Zuid"


def test_summary_names_the_biggest_differences_and_who_scores_better():
    b = _beoordeeld(
        _indicator("moeite", "Moeite met rondkomen", 11.6, "lager_is_beter", {"WK034205": 18.9, "WK034207": 6.7},
                   volgorde=1),
        _indicator("sport", "Sport wekelijks", 50.0, "hoger_is_beter", {"WK034205": 40.0, "WK034207": 60.0},
                   volgorde=2),
        _indicator("klein", "Klein", 10.0, "lager_is_beter", {"WK034205": 10.1, "WK034207": 10.0}, volgorde=3),
    )
    lang = vergelijken.vergelijking(b, CODES, NAMEN)
    zin = vergelijken.samenvatting(lang, vergelijken.verschillen(lang), CODES, NAMEN, aantal=2)
    assert zin.startswith("De grootste verschillen tussen Smitsveen en Soest-Zuid zijn er bij moeite met rondkomen "
                          "(Smitsveen 18,9 %, Soest-Zuid 6,7 %; Soest 11,6 %) en sport wekelijks")
    assert "klein" not in zin.lower().split("scoort")[0]
    assert "scoort Soest-Zuid er 3 gunstiger en Smitsveen 0." in zin


def test_summary_without_comparable_figures_says_so():
    b = _indicator("x", "X", 10.0, "lager_is_beter", {"WK034205": 12.0, "WK034207": None})
    lang = vergelijken.vergelijking(b, CODES, NAMEN)
    assert "geen cijfers die we naast elkaar kunnen zetten" in vergelijken.samenvatting(
        lang, vergelijken.verschillen(lang).dropna(subset=["indexverschil"]), CODES, NAMEN)


def test_table_has_values_with_units_soest_difference_and_index():
    b = _indicator("moeite", "Moeite met rondkomen", 11.6, "lager_is_beter", {"WK034205": 18.9, "WK034207": 6.7})
    lang = vergelijken.vergelijking(b, CODES, NAMEN)
    tabel = vergelijken.tabel(lang, vergelijken.verschillen(lang), CODES, NAMEN, met_soest=True)
    rij = tabel.iloc[0]
    assert rij["Smitsveen"] == "18,9 % (▼ ongunstig)"
    assert rij["Soest-Zuid"] == "6,7 % (▲ gunstig)"
    assert rij["Soest"] == "11,6 %" and rij["Index Soest"] == "100"
    assert rij["Index Smitsveen"] == "163" and rij["Index Soest-Zuid"] == "58"
    assert rij["Gunstiger"] == "Soest-Zuid"
    zonder = vergelijken.tabel(lang, vergelijken.verschillen(lang), CODES, NAMEN, met_soest=False)
    assert "Soest" not in zonder.columns


def test_diverging_chart_builds_with_labels_in_words_and_symbols():
    b = _beoordeeld(
        _indicator("moeite", "Moeite met rondkomen", 11.6, "lager_is_beter", {"WK034205": 18.9, "WK034207": 6.7}),
        _indicator("hoog", "Hoog inkomen", 26.7, "neutraal", {"WK034205": 14.7, "WK034207": 42.2}, volgorde=2),
    )
    lang = vergelijken.vergelijking(b, CODES, NAMEN)
    v = vergelijken.verschillen(lang)
    data = vergelijken.grafiekgegevens(lang, v)
    assert set(data["label_tekst"]) == {"Smitsveen 163 ▼", "Soest-Zuid 58 ▲", "Smitsveen 55 ↓", "Soest-Zuid 158 ↑"}
    spec = vergelijken.divergentiegrafieken(lang, v, "Samenvatting")[0]
    assert spec["description"] == "Samenvatting"
    kleuren = dict(zip(*[spec["layer"][0]["encoding"]["color"]["scale"][k] for k in ("domain", "range")]))
    assert kleuren["↑ hoger"] == kleuren["↓ lager"]  # neutral: one colour, no good/bad


def test_one_wijk_is_compared_with_the_gemeente_as_the_other_side():
    b = _beoordeeld(
        _indicator("moeite", "Moeite met rondkomen", 11.6, "lager_is_beter", {"WK034205": 18.9}, volgorde=1),
        _indicator("sport", "Sport wekelijks", 50.0, "hoger_is_beter", {"WK034205": 52.0}, volgorde=2),
        _indicator("zonder", "Zonder Soest", None, "lager_is_beter", {"WK034205": 4.0}, volgorde=3),
    )
    lang = vergelijken.vergelijking(b, ["WK034205"], NAMEN)
    v = vergelijken.verschillen(lang, met_gemeente=True)
    assert list(v["indicator"]) == ["moeite", "sport", "zonder"]  # |index − 100|: 63 before 4; no Soest: last
    moeite = v.iloc[0]
    assert moeite["indexverschil"] == pytest.approx(18.9 / 11.6 * 100 - 100)
    assert moeite["verschil_tekst"] == "Smitsveen 7,3 procentpunt hoger dan heel Soest"
    assert moeite["gunstigste_naam"] == "heel Soest" and v.iloc[1]["gunstigste_naam"] == "Smitsveen"
    assert math.isnan(v.iloc[2]["afstand"]) and v.iloc[2]["verschil_tekst"].startswith("geen vergelijking")
    zin = vergelijken.samenvatting(lang, v, ["WK034205"], NAMEN)
    assert zin.startswith("De grootste verschillen tussen Smitsveen en heel Soest zijn er bij moeite met rondkomen "
                          "(Smitsveen 18,9 %; Soest 11,6 %)")
    assert zin.endswith("en de cijfers verschillen, scoort Smitsveen er 1 gunstiger en heel Soest 1.")
    # the gemeente is the dashed line, never a bar of its own
    assert set(vergelijken.grafiekgegevens(lang, v)["gebied_naam"]) == {"Smitsveen"}
