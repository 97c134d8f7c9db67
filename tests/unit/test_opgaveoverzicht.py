"""One opgave across the wijken: key figures, the matrix (cells in symbols and words), per-wijk counts, trends."""
import pytest

from soest_data import db, scoring, waarden
from soest_data.weergave import opgaveoverzicht


@pytest.fixture(scope="module")
def gegevens(fixture_db):
    con = db.open_readonly(fixture_db)
    uit = {"indicatoren": waarden.indicatoren(con), "waarden": waarden.alle_waarden(con),
           "wijken": waarden.gebieden(con, "wijk"), "opgaven": waarden.opgaven(con)}
    con.close()
    uit["kernset"] = scoring.kernsets(uit["opgaven"])
    uit["beoordeeld"] = scoring.beoordeel_wijken(uit["waarden"], uit["indicatoren"], kernset=uit["kernset"])
    uit["tel"] = scoring.tel_per_opgave(uit["beoordeeld"], uit["wijken"], uit["kernset"])
    return uit


def test_opgave_text_comes_from_the_data_file(gegevens):
    tekst = opgaveoverzicht.opgave_tekst(gegevens["opgaven"], "bestaanszekerheid")
    assert tekst["ambitie"].startswith("Testambitie")
    assert opgaveoverzicht.opgave_tekst(gegevens["opgaven"], "kansengelijkheid") is None


def test_key_figures_take_soests_latest_year(gegevens):
    tekst = opgaveoverzicht.opgave_tekst(gegevens["opgaven"], "bestaanszekerheid")
    kern = opgaveoverzicht.kerncijfers(tekst, gegevens["waarden"], gegevens["indicatoren"]).set_index("indicator")
    assert kern.loc["test_moeite", "soest_tekst"] == "11,6 %" and kern.loc["test_moeite", "jaar"] == 2020
    assert kern.loc["test_bijstand", "soest_tekst"] == "985"  # a count: the label says what is counted
    assert kern.loc["test_moeite", "nederland_tekst"] == "14,0 %"  # Nederland in the same year (2020)
    # 11,6 against 14 % is 2,4 procentpunt: within the 2,5 of the rule for percentages
    assert kern.loc["test_moeite", "vergelijking"] == "● rond het landelijk gemiddelde"


def test_soest_against_nederland_uses_the_direction():
    assert opgaveoverzicht.met_nederland(29.3, 24.6, "hoger_is_beter") == "▲ gunstig: hoger dan landelijk"
    assert opgaveoverzicht.met_nederland(29.3, 24.6, "lager_is_beter") == "▼ ongunstig: hoger dan landelijk"
    assert opgaveoverzicht.met_nederland(49.0, 50.4, "hoger_is_beter") == "● rond het landelijk gemiddelde"
    assert opgaveoverzicht.met_nederland(30.0, 20.0, "neutraal") == "↑ hoger dan landelijk"
    assert opgaveoverzicht.met_nederland(30.0, float("nan"), "neutraal") == ""


def test_metric_values_stay_short():
    assert opgaveoverzicht.metricwaarde(37.7, "x 1000 euro") == "€ 37.700"
    assert opgaveoverzicht.metricwaarde(629, "aantal") == "629"
    assert opgaveoverzicht.metricwaarde(3.3, "%") == "3,3 %"
    assert opgaveoverzicht.metricwaarde(None, "%") == "geen gegevens"


def test_every_wijk_has_a_cell_even_without_a_value(gegevens):
    rijen = opgaveoverzicht.opgaverijen(gegevens["beoordeeld"], gegevens["wijken"], "mentale_weerbaarheid")
    ggz = rijen[rijen["indicator"] == "test_ggz"].set_index("gebied_code")
    assert len(ggz) == 8
    assert ggz.loc["WK034205", "waarde_tekst"] == "hoger dan gemiddeld"  # a statement stays words
    assert ggz.loc["WK034205", "oordeel"] == scoring.ONGUNSTIG
    assert ggz.loc["WK034203", "waarde_tekst"] == "onbekend volgens de bron"
    assert ggz.loc["WK034208", "waarde_tekst"] == "geen gegevens"  # not in the source: missing, never 0
    assert ggz.loc["WK034208", "oordeel"] == scoring.ONBEKEND


def test_matrix_cells_say_the_judgement_in_symbol_and_word(gegevens):
    rijen = opgaveoverzicht.opgaverijen(gegevens["beoordeeld"], gegevens["wijken"], "bestaanszekerheid")
    cellen = opgaveoverzicht.matrixgegevens(rijen)
    smitsveen = cellen[(cellen["kolom"] == "Smitsveen") & cellen["rij"].str.contains("Test moeite")].iloc[0]
    assert (smitsveen["regel1"], smitsveen["regel2"]) == ("18,9 %", "▼ ongunstig")
    assert smitsveen["rij"] == "★ Test moeite met rondkomen · 2020 · schatting"
    soest = cellen[(cellen["kolom"] == "Soest") & cellen["rij"].str.contains("Test moeite")].iloc[0]
    assert (soest["regel1"], soest["regel2"]) == ("11,6 %", "referentie")
    # a unit that does not fit in a cell goes to the row label (unless the label already says it)
    per_1000 = cellen[cellen["rij"].str.contains("Test bijstand per")].iloc[0]
    assert per_1000["rij"] == "★ Test bijstand per 1.000 inwoners · 2023"
    spec = opgaveoverzicht.matrixgrafiek(rijen)
    assert spec["width"] == "container"  # fills its column; below 1400 px the page shows the stacked form
    assert spec["config"]["axis"]["labelFontSize"] >= 16


def test_matrix_table_is_the_text_alternative(gegevens):
    rijen = opgaveoverzicht.opgaverijen(gegevens["beoordeeld"], gegevens["wijken"], "bestaanszekerheid")
    tabel = opgaveoverzicht.matrixtabel(rijen)
    assert list(tabel.columns[:3]) == ["Indicator", "Soest", "'t Hart-Soestdijk"]
    rij = tabel[tabel["Indicator"].str.contains("Test moeite")].iloc[0]
    assert rij["Smitsveen"] == "18,9 % — ▼ ongunstig"
    assert rij["Soest-Zuid"] == "6,7 % — ▲ gunstig"
    assert rij["Soest"] == "11,6 %"


def test_wijken_most_unfavourable_first_with_the_indicators(gegevens):
    tel = opgaveoverzicht.ongunstig_per_wijk(gegevens["tel"], "bestaanszekerheid")
    assert tel.iloc[0]["ongunstig"] == 2 and tel.iloc[-1]["ongunstig"] == 0
    zinnen = opgaveoverzicht.ongunstig_zinnen(gegevens["tel"], "bestaanszekerheid")
    smitsveen = next(z for z in zinnen if z.startswith("**Smitsveen**"))
    assert "▼ 2 van 2 ongunstig" in smitsveen and "test moeite met rondkomen" in smitsveen and "valt op" in smitsveen


def test_kernset_rows_are_starred_in_the_matrix(gegevens):
    rijen = opgaveoverzicht.opgaverijen(gegevens["beoordeeld"], gegevens["wijken"], "bestaanszekerheid")
    labels = set(opgaveoverzicht.matrixgegevens(rijen)["rij"])
    assert "★ Test moeite met rondkomen · 2020 · schatting" in labels


def test_trends_only_for_indicators_with_more_than_one_year(gegevens):
    rijen = opgaveoverzicht.opgaverijen(gegevens["beoordeeld"], gegevens["wijken"], "bestaanszekerheid")
    reeks = opgaveoverzicht.trendreeksen(gegevens["waarden"], opgaveoverzicht.indicatorvolgorde(rijen),
                                         gegevens["wijken"])
    assert set(reeks["indicator"]) == {"test_moeite"}
    assert set(reeks["jaar"]) == {2016, 2020}
    tabel = opgaveoverzicht.trendtabel(reeks)
    soest = tabel[tabel["Gebied"] == "Soest"].iloc[0]
    assert soest["Verandering"] == "gedaald met 5,0 procentpunt"
    spec = opgaveoverzicht.trendgrafiek(reeks, "Test moeite")
    assert spec["width"] == "container" and spec["title"]["text"] == ["Test moeite"]
    rijen = next(iter(spec["datasets"].values()))
    soest_lijn = sorted((r["jaar"], r["tekst"]) for r in rijen if r["is_soest"])
    assert [jaar for jaar, _ in soest_lijn] == [2016, 2020]  # one point per measurement, labelled in Dutch
    assert all("," in tekst and tekst.endswith("%") for _, tekst in soest_lijn)
