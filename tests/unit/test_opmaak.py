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
