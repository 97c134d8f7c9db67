"""Nederland and the six buurgemeenten: imported through the validated path, a reference beside Soest, and never
ranked or counted among the wijken. Every Nederland figure a builder shows equals the data file."""
import csv
import re

import pandas as pd
import pytest

from soest_data import db, opmaak, scoring, waarden
from soest_data.begrippen import NEDERLAND, VERGELIJKNIVEAUS, VIJF_OPGAVEN
from soest_data.bronnen import catalogus
from soest_data.weergave import aandacht, grafieken, inhoud, opgaveoverzicht, regio, wijkprofiel
from tests.conftest import ECHTE_DATA


def _laad(pad):
    con = db.open_readonly(pad)
    uit = {"indicatoren": waarden.indicatoren(con), "waarden": waarden.alle_waarden(con),
           "gebieden": waarden.gebieden(con), "wijken": waarden.gebieden(con, "wijk"),
           "kernset": scoring.kernsets(waarden.opgaven(con))}
    con.close()
    return uit


@pytest.fixture(scope="module")
def test_gegevens(fixture_db):
    return _laad(fixture_db)


@pytest.fixture(scope="module")
def echte_gegevens(echte_db):
    return _laad(echte_db)


def _vergelijkcodes(gegevens) -> set[str]:
    g = gegevens["gebieden"]
    return set(g.loc[g["niveau"].isin(VERGELIJKNIVEAUS), "code"])


# --- the hard rule: never in a ranking, a count of wijken or the aandacht tally ---------------------------------------

@pytest.mark.parametrize("welke", ["test_gegevens", "echte_gegevens"])
def test_comparison_areas_never_enter_the_wijk_scoring_ranking_or_tally(request, welke):
    gegevens = request.getfixturevalue(welke)
    vergelijk = _vergelijkcodes(gegevens)
    assert vergelijk, "the data holds comparison areas"
    wijkcodes = set(gegevens["wijken"]["code"])
    beoordeeld = scoring.beoordeel_wijken(gegevens["waarden"], gegevens["indicatoren"], kernset=gegevens["kernset"])
    assert set(beoordeeld["gebied_code"]) <= wijkcodes
    assert beoordeeld["rang"].max() <= len(wijkcodes)  # a rank among the 8 wijken, not among 15 areas
    tel = aandacht.telling(beoordeeld, gegevens["wijken"], gegevens["kernset"])
    assert set(tel["gebied_code"]) <= wijkcodes
    for opgave in VIJF_OPGAVEN:
        rijen = opgaveoverzicht.opgaverijen(beoordeeld, gegevens["wijken"], opgave)
        assert set(rijen["gebied_code"]) <= wijkcodes
        assert set(opgaveoverzicht.ongunstig_per_wijk(tel, opgave)["gebied_code"]) <= wijkcodes
    assert gegevens["indicatoren"]["wijken_met_waarde"].max() <= len(wijkcodes)
    per_opgave = inhoud.indicatoren_per_opgave(gegevens["indicatoren"], len(wijkcodes))
    assert (per_opgave[f"met waarde voor alle {len(wijkcodes)} wijken"] <= per_opgave["indicatoren"]).all()


def test_the_soest_reference_of_a_wijk_is_soest_not_a_comparison_area(test_gegevens):
    beoordeeld = scoring.beoordeel_wijken(test_gegevens["waarden"], test_gegevens["indicatoren"])
    moeite = beoordeeld[beoordeeld["indicator"] == "test_moeite"]
    assert set(moeite["soest"]) == {11.6}  # Soest 2020 in the test data, not Nederland's 14 or a buurgemeente's


def test_the_real_sources_with_comparison_areas_validate():
    bronnen = catalogus.laad(ECHTE_DATA)
    assert bronnen.gebieden["GM0307"]["niveau"] == "vergelijkgemeente"
    assert not [p for p in bronnen.problemen], bronnen.problemen


# --- Nederland as shown equals the data file ---------------------------------------------------------------------------

def _nederland_uit_bestanden() -> dict[tuple[str, int], float]:
    uit = {}
    for pad in (ECHTE_DATA / "waarden").glob("*.csv"):
        with pad.open(encoding="utf-8", newline="") as f:
            for rij in csv.DictReader(f):
                if rij["gebied_code"] == NEDERLAND and rij["waarde"]:
                    uit[(rij["indicator"], int(rij["jaar"]))] = float(rij["waarde"])
    return uit


def test_every_nederland_figure_in_soest_in_de_regio_equals_the_data_file(echte_gegevens):
    bestand = _nederland_uit_bestanden()
    gezien = 0
    for opgave in VIJF_OPGAVEN:
        oordelen = regio.regio_oordelen(regio.regiowaarden(echte_gegevens["waarden"], echte_gegevens["indicatoren"],
                                                           opgave))
        tabel = regio.regiotabel(oordelen, [])
        for (_, r), tekst in zip(oordelen.iterrows(), tabel["Nederland"]):
            if pd.isna(r["nederland"]):
                assert (r["indicator"], r["jaar"]) not in bestand
                assert tekst == "geen gegevens"
                continue
            if (r["indicator"], r["jaar"]) in bestand:  # computed indicators are checked through their parts
                assert r["nederland"] == bestand[(r["indicator"], r["jaar"])]
                gezien += 1
            assert tekst == opmaak.waarde_met_eenheid(r["nederland"], r["eenheid"])
    assert gezien > 50


def test_every_nederland_figure_in_the_wijkprofiel_table_equals_the_data_file(echte_gegevens):
    bestand = _nederland_uit_bestanden()
    beoordeeld = wijkprofiel.met_woorden(scoring.beoordeel_wijken(echte_gegevens["waarden"],
                                                                  echte_gegevens["indicatoren"]))
    deze = beoordeeld[beoordeeld["gebied_code"] == "WK034205"].sort_values("volgorde")
    tabel = wijkprofiel.profieltabel(beoordeeld, "WK034205", regio.nederland_per_jaar(echte_gegevens["waarden"]))
    met_nl = 0
    for (_, r), tekst in zip(deze.iterrows(), tabel["Nederland"]):
        if (r["indicator"], r["jaar"]) in bestand:
            assert tekst == opmaak.waarde_met_eenheid(bestand[(r["indicator"], r["jaar"])], r["eenheid"])
            met_nl += 1
    assert met_nl > 30


def test_the_opgave_table_shows_nederland_beside_soest_in_the_same_year(test_gegevens):
    beoordeeld = scoring.beoordeel_wijken(test_gegevens["waarden"], test_gegevens["indicatoren"])
    rijen = opgaveoverzicht.opgaverijen(beoordeeld, test_gegevens["wijken"], "bestaanszekerheid")
    tabel = opgaveoverzicht.matrixtabel(rijen, regio.nederland_per_jaar(test_gegevens["waarden"]))
    assert list(tabel.columns[:3]) == ["Indicator", "Soest", "Nederland"]
    nl = dict(zip(tabel["Indicator"], tabel["Nederland"]))
    assert nl["Test moeite met rondkomen · 2020 · schatting"] == "14,0 %"
    assert set(nl.values()) - {"14,0 %"} == {"–"}  # no national figure for the other indicators


def test_reference_values_are_in_exactly_the_asked_year(test_gegevens):
    ref = regio.referenties(test_gegevens["waarden"], [("test_moeite", 2016), ("test_moeite", 2020)],
                            met_nederland=True, met_buren=True)
    nl = ref[ref["rol"] == "Nederland"].set_index("jaar")["waarde"]
    assert nl.to_dict() == {2016: 15.0, 2020: 14.0}
    buren = ref[ref["rol"] == "buurgemeente"]
    assert set(buren["jaar"]) == {2020}, "no buurgemeente value in 2016: no row, never another year's"
    assert regio.referenties(test_gegevens["waarden"], [("test_moeite", 2020)], False, False).empty


# --- Soest in de regio in words --------------------------------------------------------------------------------------

def test_soest_in_de_regio_judges_soest_against_nederland_with_the_wijk_rule(test_gegevens):
    regiow = regio.regiowaarden(test_gegevens["waarden"], test_gegevens["indicatoren"], "bestaanszekerheid")
    oordelen = regio.regio_oordelen(regiow).set_index("indicator")
    # Soest 11,6 % vs Nederland 14 %: 2,4 procentpunt lower, within the 2,5 of a percentage → around the national
    # figure, exactly as a wijk against Soest (docs/METHODE.md)
    assert oordelen.loc["test_moeite", "oordeel"] == scoring.oordeel(
        scoring.kant(11.6, 14.0, eenheid="%", stap=0.1), "lager_is_beter")
    assert oordelen.loc["test_moeite", "oordeel"] == scoring.ROND
    assert "test_bijstand" not in oordelen.index  # a count is not held against Nederland's
    assert oordelen.loc["test_moeite", "buren"] == {"Amersfoort": 16.0, "De Bilt": 9.0}
    zin = regio.regio_zin(oordelen.reset_index())
    assert zin.startswith("Soest scoort op 0 van de 1 indicatoren van deze opgave gunstiger dan Nederland, op 0 "
                          "ongunstiger en op 1 rond het landelijk gemiddelde")


def test_an_opgave_without_indicators_has_an_empty_regio_and_says_so(test_gegevens):
    regiow = regio.regiowaarden(test_gegevens["waarden"], test_gegevens["indicatoren"], "kansengelijkheid")
    oordelen = regio.regio_oordelen(regiow)
    assert regiow.empty and oordelen.empty
    assert regio.regio_zin(oordelen).startswith("Voor deze opgave zijn er geen cijfers van heel Soest")


def test_regio_sentence_names_missing_national_figures():
    oordelen = pd.DataFrame({"oordeel": [scoring.GUNSTIG, scoring.ONGUNSTIG, scoring.ONBEKEND],
                             "nederland": [1.0, 2.0, float("nan")]})
    zin = regio.regio_zin(oordelen)
    assert "op 1 van de 2 indicatoren" in zin and "Voor 1 indicator is er geen landelijk cijfer" in zin


def test_regio_chart_and_table_link_to_the_wijk_map(test_gegevens):
    regiow = regio.regiowaarden(test_gegevens["waarden"], test_gegevens["indicatoren"], "gezonde_leefstijl")
    oordelen = regio.regio_oordelen(regiow)
    tabel = regio.regiotabel(oordelen, ["Amersfoort", "De Bilt"])
    assert list(tabel["Kaart van de wijken"]) == ["/kaart?indicator=test_sporters"]
    assert list(tabel["Nederland"]) == ["50,0 %"]
    spec = regio.regiografiek(regiow, oordelen)
    assert "Nederland" in spec["title"]["text"] and "buurgemeenten" in spec["title"]["text"]


def test_reference_layers_are_added_only_where_asked(test_gegevens):
    beoordeeld = scoring.beoordeel_wijken(test_gegevens["waarden"], test_gegevens["indicatoren"])
    getallen = beoordeeld[beoordeeld["opgave"] == "bestaanszekerheid"]
    ref = regio.referenties(test_gegevens["waarden"], getallen[["indicator", "jaar"]].itertuples(index=False), True, True)
    zonder = grafieken.stippen(getallen, "WK034205", "Smitsveen")
    met = grafieken.stippen(getallen, "WK034205", "Smitsveen", referenties=ref)
    assert "Nederland" not in zonder["title"]["text"] and "□ Nederland" in met["title"]["text"]
    deel = getallen[getallen["indicator"] == "test_moeite"]
    staaf = grafieken.wijkstaaf(deel, 11.6, "%", referenties=ref[ref["indicator"] == "test_moeite"])
    assert "Nederland: 14,0 %" in str(staaf)  # in the line's tooltip


# --- Vergelijken and Aandacht: the reference beside Soest, never in the ranking or the tally --------------------------

def test_reference_columns_hold_the_value_of_exactly_the_rows_year(test_gegevens):
    paren = pd.DataFrame({"indicator": ["test_moeite", "test_moeite", "test_sporters", "test_moeite"],
                          "jaar": [2020, 2016.0, 2020, float("nan")]}, index=[3, 5, 8, 9])
    ref = regio.referenties(test_gegevens["waarden"], paren.dropna().itertuples(index=False), True, True)
    kolommen = regio.referentiekolommen(paren, ref)
    assert list(kolommen.columns) == ["Nederland", "Amersfoort", "De Bilt"]  # Nederland first, then A–Z
    assert list(kolommen.index) == [3, 5, 8, 9]
    assert list(kolommen["Nederland"]) == ["14,0 %", "15,0 %", "50,0 %", "–"]
    assert list(kolommen["Amersfoort"]) == ["16,0 %", "–", "48,0 %", "–"]  # no 2016 figure: never another year's
    geen = regio.referenties(test_gegevens["waarden"], [("test_moeite", 2020)], False, False)
    assert regio.referentiekolommen(paren, geen).columns.empty


def _vergelijking(gegevens, codes=("WK034205", "WK034207")):
    from soest_data.weergave import vergelijken
    beoordeeld = wijkprofiel.met_woorden(scoring.beoordeel_wijken(gegevens["waarden"], gegevens["indicatoren"],
                                                                  kernset=gegevens["kernset"]))
    namen = dict(zip(gegevens["wijken"]["code"], gegevens["wijken"]["naam"]))
    lang = vergelijken.vergelijking(beoordeeld, list(codes), namen)
    return lang, vergelijken.verschillen(lang), namen


def test_vergelijken_table_and_chart_show_nederland_beside_the_wijken_but_not_in_the_ranking(test_gegevens):
    from soest_data.weergave import vergelijken
    lang, verschil, namen = _vergelijking(test_gegevens)
    ref = regio.referenties(test_gegevens["waarden"], verschil[["indicator", "jaar"]].dropna().itertuples(index=False),
                            True, True)
    tabel = vergelijken.tabel(lang, verschil, ["WK034205", "WK034207"], namen, True, None, ref)
    assert list(tabel.columns[2:6]) == ["Smitsveen", "Soest-Zuid", "Soest", "Nederland"]
    rij = tabel[tabel["Indicator"] == "Test moeite met rondkomen"].iloc[0]
    assert (rij["Nederland"], rij["Amersfoort"]) == ("14,0 %", "16,0 %")
    # the ranking and the index spread are the wijken's alone: no reference enters verschillen
    assert set(lang["gebied_code"]) == {"WK034205", "WK034207"}
    assert list(tabel["Indicator"]) == list(vergelijken.tabel(lang, verschil, ["WK034205", "WK034207"], namen)["Indicator"])
    spec = str(vergelijken.divergentiegrafieken(lang, vergelijken.opgaven(verschil), "x", referenties=ref)[0])
    nl_index = opmaak.getal(scoring.index(14.0, 11.6), 0)
    assert f"┃ Nederland {nl_index}" in spec and "○ buurgemeenten" in spec
    assert "Nederland" not in str(vergelijken.divergentiegrafieken(lang, vergelijken.opgaven(verschil), "x")[0])


def test_aandacht_tables_put_nederland_after_soest_and_the_tally_stays_the_wijken(test_gegevens):
    beoordeeld = scoring.beoordeel_wijken(test_gegevens["waarden"], test_gegevens["indicatoren"],
                                          kernset=test_gegevens["kernset"])
    ref = regio.referenties(test_gegevens["waarden"], beoordeeld[["indicator", "jaar"]].dropna().itertuples(index=False),
                            True, True)
    zonder = aandacht.details(beoordeeld, test_gegevens["wijken"], "WK034205", "bestaanszekerheid")
    met = aandacht.details(beoordeeld, test_gegevens["wijken"], "WK034205", "bestaanszekerheid", referenties=ref)
    assert list(met.columns[6:8]) == ["Soest", "Nederland"]
    rij = met[met["Indicator"] == "Test moeite met rondkomen"].iloc[0]
    assert rij["Nederland"] == "14,0 %" and rij["Bron"]
    # the same rows, judgements and counts as without the reference
    pd.testing.assert_frame_equal(met[zonder.columns].drop(columns="Bron"), zonder.drop(columns="Bron"))
    tel = aandacht.telling(beoordeeld, test_gegevens["wijken"], test_gegevens["kernset"])
    assert set(tel["gebied_code"]) == set(test_gegevens["wijken"]["code"])


def test_every_nederland_figure_on_vergelijken_and_aandacht_equals_the_data_file(echte_gegevens):
    """Each 'Nederland' cell the two pages build is the NL01 row of data/waarden/*.csv for that indicator and year (a
    computed indicator: Nederland's computed value in that year); without one, '–'."""
    bestand = _nederland_uit_bestanden()
    nl = echte_gegevens["waarden"][echte_gegevens["waarden"]["gebied_code"] == NEDERLAND].dropna(subset=["waarde"])
    berekend = {(i, int(j)): w for i, j, w in zip(nl["indicator"], nl["jaar"], nl["waarde"]) if (i, int(j)) not in bestand}
    from soest_data.weergave import vergelijken
    lang, verschil, namen = _vergelijking(echte_gegevens)
    ref = regio.referenties(echte_gegevens["waarden"],
                            verschil[["indicator", "jaar"]].dropna().itertuples(index=False), True, False)
    tabel = vergelijken.tabel(lang, verschil, ["WK034205", "WK034207"], namen, False, None, ref)
    gezien = 0
    for (_, v), cel in zip(verschil.iterrows(), tabel["Nederland"]):
        sleutel = (v["indicator"], None if pd.isna(v["jaar"]) else int(v["jaar"]))
        if sleutel in bestand:
            assert cel == opmaak.waarde_met_eenheid(bestand[sleutel], v["eenheid"]), sleutel
            gezien += 1
        elif sleutel in berekend:
            assert cel == opmaak.waarde_met_eenheid(berekend[sleutel], v["eenheid"]), sleutel
        else:
            assert cel == "–", sleutel
    assert gezien > 40
    beoordeeld = scoring.beoordeel_wijken(echte_gegevens["waarden"], echte_gegevens["indicatoren"],
                                          kernset=echte_gegevens["kernset"])
    details = aandacht.details(beoordeeld, echte_gegevens["wijken"], alleen_kern=True, referenties=ref)
    labels = dict(zip(echte_gegevens["indicatoren"]["label"], echte_gegevens["indicatoren"]["id"]))
    eenheid = dict(zip(echte_gegevens["indicatoren"]["id"], echte_gegevens["indicatoren"]["eenheid"]))
    assert (details["Nederland"] != "–").sum() > 40
    for _, r in details[details["Nederland"] != "–"].iterrows():
        jaar = re.match(r"(?:editie )?(\d{4})\b", r["Jaar"])  # '2020' or 'editie 2023, …' (soest_data/jaren.py)
        assert jaar, r["Jaar"]  # a Nederland figure stands only beside a figure with a known year
        sleutel = (labels[r["Indicator"]], int(jaar.group(1)))
        assert r["Nederland"] == opmaak.waarde_met_eenheid(bestand.get(sleutel, berekend.get(sleutel)),
                                                           eenheid[sleutel[0]]), sleutel
