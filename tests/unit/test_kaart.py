"""The map's pure builders: class bounds, colours for missing values, legend, summary sentence, table, deck."""
import json
import re

import pandas as pd
import pytest

from soest_data import db, gebieden, opmaak, waarden
from soest_data.weergave import kaart

WIT = [255, 255, 255, 230]  # no figure: white, hatched on the map


def _wijken(waarden_: list, namen: list | None = None, status: list | None = None) -> pd.DataFrame:
    namen = namen or [f"Wijk {i}" for i in range(len(waarden_))]
    return pd.DataFrame({"gebied_code": [f"WK{i}" for i in range(len(waarden_))], "gebied_naam": namen,
                         "waarde": waarden_, "relatief": "", "status": status or [""] * len(waarden_)})


def test_class_bounds_are_equal_intervals_from_lowest_to_highest():
    assert kaart.klassegrenzen(pd.Series([6.7, 18.9, 10.0, 12.5, 9.1, 14.0])) == pytest.approx(
        [6.7, 9.14, 11.58, 14.02, 16.46, 18.9])
    assert kaart.klassegrenzen(pd.Series([1.0, 1.0])) == [1.0, 1.0]
    assert kaart.klassegrenzen(pd.Series([1.0, 2.0])) == [1.0, 1.5, 2.0]
    assert kaart.klassegrenzen(pd.Series([None, float("nan")])) == []


def test_missing_and_suppressed_values_are_white_never_the_low_colour():
    frame = _wijken([5.0, None, 10.0, None], status=["", "geheim", "", "afgeschermd"])
    grenzen = kaart.klassegrenzen(frame["waarde"])
    kleuren = kaart.kleuren(frame, "lager_is_beter", grenzen)
    assert kleuren[1] == WIT and kleuren[3] == WIT
    assert kleuren[0] != WIT and kleuren[0] != kleuren[2]


def test_the_dark_end_is_the_unfavourable_end():
    laag_goed = kaart.schaal("lager_is_beter", 5)
    hoog_goed = kaart.schaal("hoger_is_beter", 5)
    assert laag_goed[-1] == opmaak.SCHAAL_ONGUNSTIG[-1]  # highest class darkest
    assert hoog_goed[0] == opmaak.SCHAAL_ONGUNSTIG[-1]   # lowest class darkest
    assert kaart.schaal("neutraal", 5) == opmaak.SCHAAL_NEUTRAAL


def test_legend_has_unit_bounds_and_a_row_per_kind_of_missing():
    grenzen = [6.7, 9.14, 11.58, 14.02, 16.46, 18.9]
    leg = kaart.legenda(grenzen, "%", "lager_is_beter", ontbrekend=["geheim", "geen gegevens", "geheim"])
    assert list(leg["betekenis"][:5]) == ["6,7 tot 9,1 %", "9,1 tot 11,6 %", "11,6 tot 14,0 %", "14,0 tot 16,5 %",
                                         "16,5 tot 18,9 %"]
    assert list(leg["betekenis"][5:]) == ["gearceerd: geheim", "gearceerd: geen gegevens"]
    assert set(leg["kleur"][5:]) == {kaart.ARCERING_CSS}  # hatched, never the grey of 'rond Soest'
    assert opmaak.KLEUR_ROND not in set(leg["kleur"])
    assert kaart.legenda([47100, 52000], "x 1000 euro", "neutraal")["betekenis"][0] == "47.100 tot 52.000 × € 1.000"


def test_summary_sentence_names_highest_lowest_and_soest():
    frame = _wijken([18.9, 6.7, 11.0], ["Smitsveen", "Soest-Zuid", "Overhees"])
    assert kaart.samenvatting(frame, 11.6, "%") == (
        "Het hoogst in Smitsveen (18,9 %), het laagst in Soest-Zuid (6,7 %); Soest gemiddeld 11,6 %.")


def test_summary_sentence_handles_ties_and_missing_values():
    frame = _wijken([12.0, 12.0, 8.0, None], ["A", "B", "C", "D"])
    assert kaart.samenvatting(frame, None, "%") == (
        "Het hoogst in A en B (12,0 %), het laagst in C (8,0 %). Geen cijfer voor D.")
    assert kaart.samenvatting(_wijken([None, None], ["A", "B"]), 3.0, "%") == (
        "Voor deze indicator zijn er geen cijfers per wijk; Soest gemiddeld 3,0 %. Geen cijfer voor A en B.")
    assert kaart.samenvatting(_wijken([4.0, 4.0], ["A", "B"]), None, "km").startswith("Alle wijken met cijfers")


@pytest.fixture(scope="module")
def echt(echte_db):
    con = db.open_readonly(echte_db)
    yield waarden.indicatoren(con).set_index("id", drop=False), waarden.alle_waarden(con), \
        gebieden.geodataframe(waarden.geometrie(con, "wijk")), gebieden.geodataframe(waarden.geometrie(con, "buurt"))
    con.close()


def test_moeite_met_rondkomen_2020_on_the_map(echt):
    cat, alle, wijken, _ = echt
    beeld = kaart.kaartbeeld(wijken, alle, cat.loc["moeite_met_rondkomen_18plus"], 2020)
    assert beeld.samenvatting == ("Het hoogst in Smitsveen (18,9 %), het laagst in Soest-Zuid (6,7 %); "
                                  "Soest gemiddeld 11,6 %.")
    assert list(beeld.ranglijst["Gebied"][:1]) == ["Smitsveen"]
    assert beeld.ranglijst["T.o.v. Soest"].iloc[0] == "het hoogst van alle wijken"
    for deck in beeld.decks.values():
        spec = json.loads(deck.to_json())
        assert "mapProvider" not in spec or spec["mapProvider"] is None  # offline: no basemap
        tips = {f["properties"]["naam"]: f["properties"]["tip"] for f in spec["layers"][0]["data"]["features"]}
        # the tooltip: value with unit, the difference with Soest, the judgement in words
        assert tips["Smitsveen"] == "18,9 %\n7,3 procentpunt hoger dan Soest\n▼ ongunstig"
        # only the areas take clicks: labels, leader lines and hatching never cover an area's click
        assert [laag["id"] for laag in spec["layers"] if laag.get("pickable")] == ["gebieden"]


def test_counts_are_not_judged_against_the_soest_total(echt):
    cat, alle, wijken, _ = echt
    beeld = kaart.kaartbeeld(wijken, alle, cat.loc["inwoners"], 2024)
    assert beeld.soest is None
    assert set(beeld.gebieden["oordeel"]) <= {"hoger", "lager", "rond", "onbekend"}


def test_buurt_map_marks_buurten_without_a_figure(echt):
    cat, alle, _, buurten = echt
    beeld = kaart.kaartbeeld(buurten, alle, cat.loc["pct_jongeren_met_jeugdzorg_in_natura"], 2023, "buurt")
    assert len(beeld.gebieden) == 29
    assert "Geen cijfer voor" in beeld.samenvatting
    assert "gearceerd: geen gegevens" in list(beeld.legenda["betekenis"])
    assert beeld.ranglijst["T.o.v. Soest"].iloc[0] == "het hoogst van alle buurten"  # the layer's own word
    assert all(" buurt " in b for b in kaart.legenda_tov_soest(3.0, "%", gebied="buurt")["betekenis"][:3])
    hatched = json.loads(beeld.decks["groot"].to_json())["layers"][1]
    assert hatched["id"] == "arcering" and hatched["data"]  # the buurten without a figure are hatched


def test_area_names_fit_the_default_map_font():
    """deck.gl's default label font covers ASCII only; a new name with ë would need a character set."""
    namen = pd.read_csv("data/gebieden.csv")["naam"]
    assert all(n.isascii() for n in namen)


def test_the_map_picture_has_the_screen_colours_names_values_and_legend(echte_db):
    from soest_data import db, export, gebieden, waarden
    from soest_data.gegevens import laad
    from soest_data.weergave import kaart
    con = db.open_readonly(echte_db)
    g = laad(con.cursor())
    vormen = gebieden.geodataframe(waarden.geometrie(con.cursor(), "wijk"))
    beeld = kaart.kaartbeeld(vormen, g.waarden, g.indicator("moeite_met_rondkomen_18plus"), 2020, "wijk")
    svg = export.grafiek_svg(kaart.kaartafbeelding(beeld).to_dict()).decode()
    con.close()
    assert "Smitsveen" in svg and "18,9 %" in svg
    assert all(b in svg for b in beeld.legenda["betekenis"])
    assert svg.count("<path") >= 8


def test_the_still_locator_shows_every_wijk_inside_the_picture_and_only_this_one_blue(echte_gegevens):
    vormen = echte_gegevens.vormen["wijk"]
    for wijk in vormen["code"]:
        svg = kaart.locator_svg(vormen, wijk, breedte=220, hoogte=200)
        paden = re.findall(r'<path d="([^"]+)" fill="([^"]+)"', svg)
        assert len(paden) == len(vormen)
        assert [kleur for _, kleur in paden].count("#0072B2") == 1
        assert paden[list(vormen["code"]).index(wijk)][1] == "#0072B2"
        getallen = [float(v) for d, _ in paden for v in re.findall(r"-?\d+\.?\d*", d)]
        assert 0 <= min(getallen) and max(getallen[0::2]) <= 220 and max(getallen[1::2]) <= 200
