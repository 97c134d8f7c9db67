import math

from soest_data import opmaak


def test_getal_uses_dutch_notation():
    assert opmaak.getal(11.6) == "11,6"
    assert opmaak.getal(47100) == "47.100"
    assert opmaak.getal(0.45) == "0,45"


def test_missing_is_shown_as_missing_not_zero():
    assert opmaak.getal(None) == "geen gegevens"
    assert opmaak.waarde_met_eenheid(math.nan, "%") == "geen gegevens"
    assert opmaak.waarde_met_eenheid(11.6, "%") == "11,6 %"


def test_one_notation_for_units_percentages_and_dates():
    assert opmaak.waarde_met_eenheid(14, "%") == "14,0 %"  # beside '14,5 %', never '14 %'
    assert opmaak.waarde_met_eenheid(37.7, "x 1000 euro") == "37,7 × € 1.000"
    assert opmaak.waarde_met_eenheid(14.3, "per 1000 inwoners") == "14,3 per 1.000 inwoners"
    assert opmaak.datum("2026-11-26T14:58:17+00:00") == "26 november 2026"
    assert opmaak.datum(None) == "onbekend"


def test_chart_typography_is_never_below_16_px():
    stijl = opmaak.GRAFIEKSTIJL
    assert min(stijl["axis"]["labelFontSize"], stijl["legend"]["labelFontSize"], stijl["text"]["fontSize"]) >= 16
    assert stijl["locale"]["number"]["decimal"] == ","


def test_opsomming_of_nothing_or_one_item():
    assert opmaak.opsomming([]) == ""
    assert opmaak.opsomming(["Smitsveen"]) == "Smitsveen"
    assert opmaak.opsomming(["A", "B", "C"]) == "A, B en C"


def test_an_average_count_reads_as_one():
    """'14 aantal (gemiddeld)' read as nonsense: an average count is 'gemiddeld 14' (axis: 'gemiddeld aantal')."""
    assert opmaak.waarde_met_eenheid(14.0, "aantal (gemiddeld)") == "gemiddeld 14"
    assert opmaak.eenheid("aantal (gemiddeld)") == "gemiddeld aantal"
