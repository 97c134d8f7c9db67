"""The attention rule: kernset, roles, direction, missing values, ties, margin changes; the matrix in words and its
chart; the tally beside what the wijkprofielen say; the machine-readable matrix."""
import math

import pandas as pd
import pytest

from soest_data import scoring
from soest_data.begrippen import VIJF_OPGAVEN
from soest_data.weergave import aandacht

WIJKEN = pd.DataFrame({"code": ["WK01", "WK02", "WK03"], "naam": ["Aawijk", "Beewijk", "Ceewijk"]})


KERNSET = {"bestaanszekerheid": ["rondkomen", "inkomen", "schulden"], "mentale_weerbaarheid": ["ggz"]}


def _indicator(id_, opgave, richting, soort="getal", eenheid="%", volgorde=0, rol="uitkomst"):
    return {"id": id_, "label": id_.replace("_", " ").capitalize(), "opgave": opgave, "thema": "t",
            "eenheid": eenheid, "richting": richting, "rol": rol, "soort": soort, "modelschatting": False,
            "volgorde": volgorde}


def _waarde(gebied, indicator, opgave, waarde=math.nan, relatief="", status="", eenheid="%", jaar=2020):
    niveau = "gemeente" if gebied == "GM0342" else "wijk"
    naam = "Soest" if niveau == "gemeente" else dict(zip(WIJKEN["code"], WIJKEN["naam"]))[gebied]
    return {"gebied_code": gebied, "gebied_naam": naam, "niveau": niveau, "indicator": indicator,
            "indicator_label": indicator, "opgave": opgave, "jaar": jaar, "waarde": waarde, "eenheid": eenheid,
            "relatief": relatief, "status": status, "bron_titel": "Testbron"}


def _reeks(indicator, opgave, soest, wijkwaarden, eenheid="%"):
    rijen = [_waarde("GM0342", indicator, opgave, soest, eenheid=eenheid)]
    rijen += [_waarde(code, indicator, opgave, w, eenheid=eenheid) for code, w in wijkwaarden.items()]
    return rijen


@pytest.fixture
def gegevens():
    """Bestaanszekerheid: a kernset of 3 (a percentage, an amount, a rate), 1 neutral, 1 absolute count; mentale
    weerbaarheid: a relative statement in the kernset."""
    indicatoren = pd.DataFrame([
        _indicator("rondkomen", "bestaanszekerheid", "lager_is_beter", volgorde=1),
        _indicator("inkomen", "bestaanszekerheid", "hoger_is_beter", eenheid="x 1000 euro", volgorde=2),
        _indicator("schulden", "bestaanszekerheid", "lager_is_beter", eenheid="per 1000 inwoners", volgorde=3),
        _indicator("huishoudgrootte", "bestaanszekerheid", "neutraal", eenheid="personen", volgorde=4, rol="context"),
        _indicator("uitkeringen", "bestaanszekerheid", "lager_is_beter", eenheid="aantal", volgorde=5, rol="context"),
        _indicator("ggz", "mentale_weerbaarheid", "lager_is_beter", soort="relatief", eenheid="oordeel", volgorde=6),
    ])
    waarden = pd.DataFrame(
        _reeks("rondkomen", "bestaanszekerheid", 10.0, {"WK01": 15.0, "WK02": 12.5, "WK03": 7.0})
        + _reeks("inkomen", "bestaanszekerheid", 30.0, {"WK01": 20.0, "WK02": 30.0, "WK03": 40.0}, "x 1000 euro")
        + _reeks("schulden", "bestaanszekerheid", 4.0, {"WK01": 4.8, "WK02": math.nan, "WK03": 4.0},
                 "per 1000 inwoners")
        + _reeks("huishoudgrootte", "bestaanszekerheid", 2.2, {"WK01": 3.0, "WK02": 1.5, "WK03": 2.2},
                 eenheid="personen")
        + _reeks("uitkeringen", "bestaanszekerheid", 900.0, {"WK01": 400.0, "WK02": 300.0, "WK03": 200.0},
                 eenheid="aantal")
        + [_waarde("WK01", "ggz", "mentale_weerbaarheid", relatief="hoogste", eenheid="oordeel"),
           _waarde("WK02", "ggz", "mentale_weerbaarheid", relatief="iets_hoger", eenheid="oordeel")])
    return waarden, indicatoren


def _tel(gegevens, marge=scoring.STANDAARD_MARGE):
    waarden, indicatoren = gegevens
    beoordeeld = scoring.beoordeel_wijken(waarden, indicatoren, marge, kernset=KERNSET)
    return beoordeeld, aandacht.telling(beoordeeld, WIJKEN, KERNSET).set_index(["gebied_code", "opgave"])


def test_direction_decides_what_is_unfavourable(gegevens):
    _, tel = _tel(gegevens)
    aa = tel.loc[("WK01", "bestaanszekerheid")]
    # rondkomen 15 vs 10 % (+5 procentpunt, lower is better), inkomen 20 vs 30 (−33 %, higher is better) and
    # schulden 4,8 vs 4 per 1000 (+20 %): all worse
    assert (aa["ongunstig"], aa["met_oordeel"]) == (3, 3)
    assert aa["ongunstige_indicatoren"] == ["Rondkomen", "Inkomen", "Schulden"]
    cee = tel.loc[("WK03", "bestaanszekerheid")]
    assert (cee["ongunstig"], cee["gunstig"]) == (0, 2)


def test_neutral_indicators_and_absolute_counts_never_count(gegevens):
    beoordeeld, tel = _tel(gegevens)
    # huishoudgrootte differs a lot in WK01 and WK02, uitkeringen too: still only the 3 kernset indicators count
    assert tel.loc[("WK01", "bestaanszekerheid"), "met_oordeel"] == 3
    assert "uitkeringen" not in set(beoordeeld["indicator"])
    assert "Huishoudgrootte" not in aandacht.details(beoordeeld, WIJKEN, alleen_kern=True)["Indicator"].tolist()


def test_missing_values_are_counted_apart_never_as_zero_or_unfavourable(gegevens):
    _, tel = _tel(gegevens)
    bee = tel.loc[("WK02", "bestaanszekerheid")]
    assert bee["geen_gegevens"] == 1
    assert bee["met_oordeel"] == 2
    assert bee["ongunstig"] == 0
    assert bee["tekst"] == "0 van 2 ongunstig (1 zonder gegevens)"


def test_a_wijk_the_source_does_not_mention_has_no_data_not_a_judgement(gegevens):
    beoordeeld, tel = _tel(gegevens)
    cee = tel.loc[("WK03", "mentale_weerbaarheid")]
    assert (cee["met_oordeel"], cee["geen_gegevens"]) == (0, 1)
    assert cee["tekst"] == "– geen gegevens"
    assert math.isnan(cee["aandeel"]) and not cee["valt_op"]
    rij = aandacht.details(beoordeeld, WIJKEN, "WK03", "mentale_weerbaarheid").iloc[0]
    assert rij["Oordeel"] == scoring.SYMBOOL[scoring.ONBEKEND]
    assert "geen gegevens" in rij["Wijk-waarde"]


def test_relative_statements_count_through_scoring_and_ignore_the_margin(gegevens):
    for marge in (0.0, 0.10, 0.50):
        _, tel = _tel(gegevens, marge)
        assert tel.loc[("WK01", "mentale_weerbaarheid"), "ongunstig"] == 1   # 'hoogste', lower is better
        assert tel.loc[("WK02", "mentale_weerbaarheid"), "ongunstig"] == 0   # 'iets hoger' = around average
        assert tel.loc[("WK02", "mentale_weerbaarheid"), "rond"] == 1


def test_a_value_exactly_on_the_margin_is_not_clearly_unfavourable(gegevens):
    # WK02 rondkomen 12,5 vs Soest 10 %: exactly 2,5 procentpunt higher → not 'clearly'
    _, tel = _tel(gegevens, 0.10)
    assert "Rondkomen" not in tel.loc[("WK02", "bestaanszekerheid"), "ongunstige_indicatoren"]
    _, tel = _tel(gegevens, 0.05)
    assert "Rondkomen" in tel.loc[("WK02", "bestaanszekerheid"), "ongunstige_indicatoren"]


def test_a_larger_margin_never_adds_unfavourable_indicators(gegevens):
    vorige = None
    for marge in aandacht.MARGES:
        _, tel = _tel(gegevens, marge / 100)
        if vorige is not None:
            assert (tel["ongunstig"] <= vorige).all()
        vorige = tel["ongunstig"]
    _, tel = _tel(gegevens, 0.30)
    # 15 vs 10 % is +5 procentpunt (threshold 7,5), 20 vs 30 is −33 %, 4,8 vs 4 is +20 %: with 30 % only inkomen is left
    assert tel.loc[("WK01", "bestaanszekerheid"), "ongunstige_indicatoren"] == ["Inkomen"]
    assert tel.loc[("WK01", "bestaanszekerheid"), "tekst"] == "1 van 3 ongunstig ▼"


def test_valt_op_needs_half_and_at_least_two(gegevens):
    _, tel = _tel(gegevens)
    assert tel.loc[("WK01", "bestaanszekerheid"), "valt_op"]
    assert not tel.loc[("WK01", "mentale_weerbaarheid"), "valt_op"]  # 1 of 1: half, but only one indicator
    assert aandacht.cel_tekst(2, 4, valt_op=True) == "2 van 4 ongunstig ▼ — valt op"
    assert aandacht.cel_tekst(0, 4) == "0 van 4 ongunstig"
    assert aandacht.cel_tekst(0, 0, 3) == "– geen gegevens"


def test_ties_in_the_ranking_keep_wijk_order_and_nobody_is_dropped():
    tel = pd.DataFrame({
        "gebied_code": ["WK03", "WK01", "WK02"], "gebied_naam": ["Ceewijk", "Aawijk", "Beewijk"],
        "opgave": ["bestaanszekerheid"] * 3, "ongunstig": [2, 2, 1], "met_oordeel": [4, 4, 4],
        "aandeel": [0.5, 0.5, 0.25], "valt_op": [True, True, False],
    })
    rang = aandacht.rangorde(tel, "bestaanszekerheid")
    assert list(rang["gebied_code"]) == ["WK01", "WK03", "WK02"]
    assert aandacht.aandachtswijken(tel, "bestaanszekerheid") == ["Aawijk", "Ceewijk"]
    tel = tel.assign(opgave_naam="Bestaanszekerheid")
    assert aandacht.opgave_zin(tel, "bestaanszekerheid") == "**Bestaanszekerheid**: valt op in Aawijk en Ceewijk."


def test_share_first_then_count_in_the_ranking():
    tel = pd.DataFrame({
        "gebied_code": ["WK01", "WK02", "WK03"], "gebied_naam": ["A", "B", "C"], "opgave": ["x"] * 3,
        "ongunstig": [3, 2, 0], "met_oordeel": [6, 2, 0], "aandeel": [0.5, 1.0, math.nan],
        "valt_op": [True, True, False]})
    assert list(aandacht.rangorde(tel, "x")["gebied_code"]) == ["WK02", "WK01", "WK03"]


def test_matrix_is_wijk_by_opgave_in_words(gegevens):
    waarden, indicatoren = gegevens
    tel = aandacht.telling(scoring.beoordeel_wijken(waarden, indicatoren, kernset=KERNSET), WIJKEN, KERNSET)
    tabel = aandacht.matrix(tel)
    assert list(tabel.columns) == ["Wijk", "Gezonde leefstijl", "Bestaanszekerheid", "Mentale weerbaarheid",
                                   "Kansengelijkheid", "Meedoen en inclusie"]
    assert list(tabel["Wijk"]) == ["Aawijk", "Beewijk", "Ceewijk"]
    assert tabel.loc[0, "Bestaanszekerheid"] == "3 van 3 ongunstig ▼ — valt op"
    assert tabel.loc[0, "Gezonde leefstijl"] == "– geen gegevens"


def test_wijk_sentences_put_the_worst_opgave_first_and_name_the_indicators(gegevens):
    waarden, indicatoren = gegevens
    tel = aandacht.telling(scoring.beoordeel_wijken(waarden, indicatoren, kernset=KERNSET), WIJKEN, KERNSET)
    zinnen = aandacht.wijk_zinnen(tel, "WK01")
    assert zinnen[0] == "**Bestaanszekerheid** — 3 van 3 ongunstig ▼ — valt op: Rondkomen, Inkomen, Schulden"


def test_details_show_values_soest_and_the_difference_unfavourable_first(gegevens):
    waarden, indicatoren = gegevens
    beoordeeld = scoring.beoordeel_wijken(waarden, indicatoren, kernset=KERNSET)
    tabel = aandacht.details(beoordeeld, WIJKEN, "WK03", "bestaanszekerheid")
    # the kernset first (rond, then gunstig in catalogue order), then what does not count
    assert list(tabel["Indicator"]) == ["Schulden", "Rondkomen", "Inkomen", "Huishoudgrootte"]
    rij = tabel[tabel["Indicator"] == "Rondkomen"].iloc[0]
    assert (rij["Wijk-waarde"], rij["Soest"], rij["Verschil met Soest"], rij["Beter is"], rij["Drempel"]) == (
        "7,0 %", "10,0 %", "−3,0 procentpunt", "lager", "meer dan 2,5 procentpunt")
    assert rij["Oordeel"] == "▲ gunstig" and rij["Telt mee"] == "ja (kernset)"
    inkomen = tabel[tabel["Indicator"] == "Inkomen"].iloc[0]
    assert (inkomen["Verschil met Soest"], inkomen["Drempel"]) == ("+33 %", "meer dan 10 %, hier 3 × € 1.000")
    assert tabel[tabel["Indicator"] == "Huishoudgrootte"].iloc[0]["Telt mee"].startswith("nee: beschrijft de wijk")


def test_rule_in_words_states_both_thresholds_rounding_and_care_use():
    tekst = aandacht.regel_in_woorden(0.15)
    assert "meer dan **15 %**" in tekst and "meer dan **3,8 procentpunt**" in tekst
    assert "afronding" in tekst and "Zorggebruik" in tekst and "kernset" in tekst


def test_colour_classes_and_legend():
    assert [aandacht.klasse(a) for a in (0, 0.1, 0.25, 0.5, 0.74, 0.75, 1.0)] == [0, 1, 2, 3, 3, 4, 4]
    assert aandacht.klasse(math.nan) == -1
    assert len(aandacht.legenda()) == 6


def test_matrix_chart_says_it_in_words_and_frames_the_chosen_wijk(gegevens):
    waarden, indicatoren = gegevens
    tel = aandacht.telling(scoring.beoordeel_wijken(waarden, indicatoren, kernset=KERNSET), WIJKEN, KERNSET)
    spec = aandacht.matrixgrafiek(tel, "WK01")
    data = next(iter(spec["datasets"].values()))
    cel = next(d for d in data if d["wijk"] == "◆ Aawijk" and d["opgave_naam"] == "Bestaanszekerheid")
    assert (cel["regel1"], cel["regel2"]) == ("3 van 3 ▼", "valt op")
    assert sum(d["uitgelicht"] for d in data) == len(VIJF_OPGAVEN)
    assert any(laag["mark"]["type"] == "text" for laag in spec["layer"])


def test_limits_name_model_estimates_years_and_relative_statements(gegevens):
    waarden, indicatoren = gegevens
    indicatoren = indicatoren.assign(modelschatting=indicatoren["id"] == "rondkomen")
    zinnen = aandacht.grenzen(scoring.beoordeel_wijken(waarden, indicatoren, kernset=KERNSET))
    tekst = " ".join(zinnen)
    assert "1 van de 4 indicatoren die meetellen is een schatting" in tekst  # kernset: 3 bestaanszekerheid + 1 relative
    assert "De cijfers komen uit 2020." in tekst
    assert "1 indicator is een uitspraak" in tekst
    leeg = " ".join(aandacht.grenzen(pd.DataFrame()))
    assert "nog geen cijfers per wijk" in leeg


def test_matrix_chart_without_a_chosen_wijk_has_no_empty_frame_layer_and_a_description(gegevens):
    waarden, indicatoren = gegevens
    tel = aandacht.telling(scoring.beoordeel_wijken(waarden, indicatoren, kernset=KERNSET), WIJKEN, KERNSET)
    spec = aandacht.matrixgrafiek(tel)
    assert len(spec["layer"]) == 4
    assert "Dezelfde gegevens staan in de tabel" in spec["description"]


def test_only_the_kernset_counts_and_the_same_concept_is_shown_beside_it(gegevens):
    waarden, indicatoren = gegevens
    kleiner = {"bestaanszekerheid": ["rondkomen"], "mentale_weerbaarheid": ["ggz"]}
    beoordeeld = scoring.beoordeel_wijken(waarden, indicatoren, kernset=kleiner)
    tel = aandacht.telling(beoordeeld, WIJKEN, kleiner).set_index(["gebied_code", "opgave"])
    assert (tel.loc[("WK01", "bestaanszekerheid"), "ongunstig"], tel.loc[("WK01", "bestaanszekerheid"), "kernset"]) \
        == (1, 1)
    tabel = aandacht.details(beoordeeld, WIJKEN, "WK01", "bestaanszekerheid", zelfde={"inkomen": "rondkomen"})
    telt = dict(zip(tabel["Indicator"], tabel["Telt mee"]))
    assert telt["Rondkomen"] == "ja (kernset)"
    assert telt["Inkomen"] == "nee: zelfde begrip als 'Rondkomen'"
    assert telt["Schulden"] == "nee: buiten de kernset"


def test_care_use_is_shown_but_never_judged(gegevens):
    waarden, indicatoren = gegevens
    indicatoren = indicatoren.assign(rol=["uitkomst", "uitkomst", "zorggebruik", "context", "context", "uitkomst"])
    beoordeeld = scoring.beoordeel_wijken(waarden, indicatoren, kernset=KERNSET)
    schulden = beoordeeld[beoordeeld["indicator"] == "schulden"].set_index("gebied_code")
    assert schulden.loc["WK01", "oordeel"] == scoring.HOGER   # 4,8 vs 4: higher, not "unfavourable"
    tel = aandacht.telling(beoordeeld, WIJKEN, KERNSET).set_index(["gebied_code", "opgave"])
    assert tel.loc[("WK01", "bestaanszekerheid"), "met_oordeel"] == 2


def test_a_figure_without_a_soest_value_is_not_counted_as_missing(gegevens):
    waarden, indicatoren = gegevens
    waarden = waarden[~((waarden["gebied_code"] == "GM0342") & (waarden["indicator"] == "schulden"))]
    tel = aandacht.telling(scoring.beoordeel_wijken(waarden, indicatoren, kernset=KERNSET), WIJKEN, KERNSET)
    aa = tel.set_index(["gebied_code", "opgave"]).loc[("WK01", "bestaanszekerheid")]
    assert (aa["met_oordeel"], aa["geen_gegevens"], aa["zonder_soest"]) == (2, 0, 1)
    assert aa["tekst"] == "2 van 2 ongunstig ▼ — valt op (1 zonder Soester cijfer)"


def test_nederland_and_other_gemeenten_never_enter_a_count(gegevens):
    waarden, indicatoren = gegevens
    extra = pd.DataFrame([{**_waarde("GM0342", "rondkomen", "bestaanszekerheid", 50.0), "gebied_code": code,
                           "gebied_naam": naam, "niveau": niveau}
                          for code, naam, niveau in (("NL01", "Nederland", "land"), ("GM0307", "Amersfoort", "gemeente"))])
    met = scoring.beoordeel_wijken(pd.concat([extra, waarden]), indicatoren, kernset=KERNSET)
    zonder = scoring.beoordeel_wijken(waarden, indicatoren, kernset=KERNSET)
    assert set(met["gebied_code"]) == {"WK01", "WK02", "WK03"}
    pd.testing.assert_frame_equal(met, zonder)


def test_the_machine_readable_matrix_has_the_agreed_columns(gegevens):
    waarden, indicatoren = gegevens
    tel = aandacht.telling(scoring.beoordeel_wijken(waarden, indicatoren, kernset=KERNSET), WIJKEN, KERNSET)
    tabel = aandacht.matrix_tabel(tel, 0.15)
    assert list(tabel.columns)[:6] == ["gebied_code", "opgave", "ongunstig", "beoordeeld", "oordeel", "marge"]
    rij = tabel[(tabel["gebied_code"] == "WK01") & (tabel["opgave"] == "bestaanszekerheid")].iloc[0]
    assert (rij["ongunstig"], rij["beoordeeld"], rij["oordeel"], rij["marge"], rij["kernset"]) == (3, 3, "valt op", 15, 3)
    assert set(tabel["oordeel"]) <= {"valt op", "valt niet op", "geen gegevens"}


def test_the_tally_beside_what_the_wijkprofielen_say(gegevens):
    waarden, indicatoren = gegevens
    tel = aandacht.telling(scoring.beoordeel_wijken(waarden, indicatoren, kernset=KERNSET), WIJKEN, KERNSET)
    uitspraken = pd.DataFrame([
        {"gebied": "WK01", "opgave": "bestaanszekerheid", "oordeel": "aandacht",
         "citaten": [{"tekst": "TESTTEKST laag", "vindplaats": "T.1"}]},
        {"gebied": "WK03", "opgave": "bestaanszekerheid", "oordeel": "aandacht",
         "citaten": [{"tekst": "TESTTEKST ook laag", "vindplaats": "T.2"}]},
        {"gebied": "WK02", "opgave": "bestaanszekerheid", "oordeel": "gemengd",
         "citaten": [{"tekst": "TESTTEKST beide", "vindplaats": "T.3"}]}])
    beoordeeld = scoring.beoordeel_wijken(waarden, indicatoren, kernset=KERNSET)
    overeen = aandacht.overeenstemming(tel, uitspraken, beoordeeld).set_index(["gebied_code", "opgave"])
    assert overeen.loc[("WK01", "bestaanszekerheid"), "eens"] is True
    assert overeen.loc[("WK03", "bestaanszekerheid"), "eens"] is False
    assert overeen.loc[("WK02", "bestaanszekerheid"), "eens"] is None
    zinnen = aandacht.profiel_zinnen(overeen.reset_index(), "bestaanszekerheid")
    assert "✘ telling en tekst verschillen" in zinnen[2] and '*"TESTTEKST ook laag"* (T.2)' in zinnen[2]
    assert "De cijfers: Rondkomen 7,0 % (Soest 10,0 %) ▲" in zinnen[2]   # where they differ: both figures
