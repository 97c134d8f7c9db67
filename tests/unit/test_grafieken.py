"""The shared chart builders: the dot chart tells the truth about scales, missing values and the chosen wijk."""
import pandas as pd

from soest_data import scoring
from soest_data.weergave import grafieken


def _rijen(waarden: dict[str, float | None], soest: float = 10.0) -> pd.DataFrame:
    """Made-up rows in the shape of scoring.beoordeel_wijken, one indicator."""
    rijen = pd.DataFrame({"gebied_code": list(waarden), "gebied_naam": [f"Wijk {c[-1]}" for c in waarden],
                          "waarde": [float("nan") if w is None else w for w in waarden.values()]})
    rijen = scoring.vergelijk_met_soest(rijen.assign(relatief=""), soest, "lager_is_beter")
    return rijen.assign(indicator="test", label="Test rondkomen", eenheid="%", volgorde=1, soest=soest)


def test_dot_chart_marks_the_chosen_wijk_and_soest_even_without_a_value():
    rijen = _rijen({"WK01": 12.0, "WK02": 8.5, "WK03": None})
    data = grafieken.stippenrijen(rijen, "WK03", "Wijk 3", aantal_wijken=3)
    teksten = list(data["tekst"].dropna())
    assert "Test rondkomen · 2 van 3 wijken met een cijfer" in teksten
    assert "◆ Wijk 3: geen gegevens   ┃ Soest: 10,0 %" in teksten
    # the scale runs from the lowest to the highest of the wijken and Soest, labelled in Dutch at both ends
    assert set(data.loc[data["soort"].isin(["min", "max"]), "tekst"]) == {"8,5 %", "12,0 %"}


def test_dot_chart_wraps_its_text_for_a_phone():
    rijen = _rijen({"WK01": 12.0, "WK02": 8.5})
    data = grafieken.stippenrijen(rijen, "WK01", "Wijk 1", 2, regelbreedte=grafieken.SMAL)
    assert data["tekst"].dropna().str.len().max() <= grafieken.SMAL
    spec = grafieken.stippen(rijen, "WK01", "Wijk 1")
    assert spec["width"] == "container" and spec["config"]["text"]["fontSize"] >= 16
