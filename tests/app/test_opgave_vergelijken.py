"""AppTest: the five opgave pages and the compare page, through app.py (real data; the test data for edge cases)."""
import re

import pytest

from soest_data import opmaak, scoring
from soest_data.weergave import opgaveoverzicht
from tests.conftest import laatste_waarden, meldingen, op_verzoek_aan, snel_en_traag, teksten, uitersten

OPGAVE = "pages/opgave.py"
VERGELIJKEN = "pages/vergelijken.py"
VIJF = ["gezonde_leefstijl", "bestaanszekerheid", "mentale_weerbaarheid", "kansengelijkheid", "meedoen_inclusie"]


def _param(at, sleutel):
    waarde = at.query_params.get(sleutel)
    return waarde[0] if isinstance(waarde, list) else waarde


# --- Opgave --------------------------------------------------------------------------------------------------------

def test_every_opgave_has_goals_key_figures_and_a_full_matrix_in_the_builders(echte_gegevens):
    """What each opgave page is built from, for all five (the page itself: one in the fast loop, all with --traag;
    its charts: tests/unit/test_grafieken_geldig.py)."""
    g = echte_gegevens
    beoordeeld = scoring.beoordeel_wijken(g.waarden, g.indicatoren, kernset=scoring.kernsets(g.opgaven))
    for opgave in VIJF:
        tekst = opgaveoverzicht.opgave_tekst(g.opgaven, opgave)
        assert tekst and any("We willen dat" in d for d in tekst.get("doelen") or []), opgave
        for deel in ("ambitie", "activiteiten", "global_goals", "positieve_gezondheid", "bron"):
            assert tekst.get(deel), (opgave, deel)
        assert not opgaveoverzicht.kerncijfers(tekst, g.waarden, g.indicatoren).empty, opgave
        rijen = opgaveoverzicht.opgaverijen(beoordeeld, g.wijken, opgave)
        assert set(rijen["gebied_code"]) == set(g.wijken["code"]), opgave


@pytest.mark.parametrize("opgave", snel_en_traag(VIJF, ["gezonde_leefstijl"]))
def test_every_opgave_page_shows_goals_key_figures_matrix_and_bars(bekijk_pagina, echte_db, opgave):
    at = bekijk_pagina(echte_db, OPGAVE, opgave=opgave)
    assert not at.info and not meldingen(at), meldingen(at)
    assert at.segmented_control(key="opgave_keuze").value == opgave
    tekst = teksten(at)
    assert "We willen dat" in tekst and "**Global Goals:**" in tekst and "**Positieve gezondheid:**" in tekst
    assert [s.value for s in at.subheader][:2] == ["Doelen", "Wat we doen"]
    assert at.metric, "kerncijfers voor Soest"
    assert "De wijken naast Soest" in [h.value for h in at.header]
    assert len(op_verzoek_aan(at).get("vega_lite_chart")) >= 3, "matrix en staafdiagrammen (op verzoek)"
    assert "Bron" in tekst


def test_bestaanszekerheid_shows_which_wijken_score_unfavourably(bekijk_pagina, echte_db):
    at = op_verzoek_aan(bekijk_pagina(echte_db, OPGAVE, opgave="bestaanszekerheid"))
    assert at.title[0].value == "Opgave: Bestaanszekerheid"
    tekst = teksten(at)
    eerste = re.search(r"^- \*\*(.+?)\*\* — ▼ (\d+) van (\d+) ongunstig", tekst, re.M)
    assert eerste and eerste.group(1) == "Smitsveen"  # most unfavourable first
    assert int(eerste.group(2)) * 2 > int(eerste.group(3))
    assert "Ongunstig: moeite met rondkomen (18+)" in tekst
    assert "3,3 %" in [m.value for m in at.metric]  # werkloosheid in Soest according to the Visie
    matrix = next(d.value for d in at.dataframe if "Smitsveen" in d.value.columns)
    assert list(matrix.columns[:2]) == ["Indicator", "Soest"] and "Soest-Zuid" in matrix.columns
    assert matrix["Smitsveen"].str.contains("▼ ongunstig").any()
    u = uitersten(echte_db, "moeite_met_rondkomen_18plus")
    assert f"**Moeite met rondkomen (18+)** — {u['jaar']} · *modelschatting*" in tekst
    assert f"Het hoogst in {u['hoogst']}, het laagst in {u['laagst']}; Soest gemiddeld {u['soest']}." in tekst
    assert "Door de jaren heen" in [h.value for h in at.header]
    assert "(aandachtspunt)" in tekst or "(inwoners)" in tekst  # stories beside the figures


def test_key_figure_shows_nederland_beside_soest(bekijk_pagina, echte_db):
    at = bekijk_pagina(echte_db, OPGAVE, opgave="gezonde_leefstijl")
    assert "29,3 %" in [m.value for m in at.metric]
    assert "Nederland: **24,6 %** — ▲ gunstig: hoger dan landelijk" in teksten(at)


def test_relative_statements_are_shown_in_words(bekijk_pagina, echte_db):
    at = op_verzoek_aan(bekijk_pagina(echte_db, OPGAVE, opgave="mentale_weerbaarheid"))
    tekst = teksten(at)
    assert "Uitspraken uit de wijkprofielen" in tekst
    assert "hoger dan gemiddeld — ▼ ongunstig" in tekst or "het hoogst van alle wijken — ▼ ongunstig" in tekst


def test_picking_an_opgave_updates_the_url(open_pagina, echte_db):
    at = open_pagina(echte_db, OPGAVE, opgave="bestaanszekerheid")
    at.segmented_control(key="opgave_keuze").set_value("mentale_weerbaarheid").run()
    assert not at.exception
    assert _param(at, "opgave") == "mentale_weerbaarheid"
    assert at.title[0].value == "Opgave: Mentale weerbaarheid"


@pytest.mark.parametrize("waarde", snel_en_traag(["armoede", "<script>alert(1)</script>"], ["armoede"]))
def test_unknown_opgave_falls_back_with_a_notice(bekijk_pagina, echte_db, waarde):
    at = bekijk_pagina(echte_db, OPGAVE, opgave=waarde)
    assert at.title[0].value == "Opgave: Gezonde leefstijl"
    assert "Onbekende opgave" in meldingen(at)[0]


def test_opgave_without_description_or_figures_in_the_test_data(open_pagina, fixture_db):
    at = open_pagina(fixture_db, OPGAVE, opgave="kansengelijkheid")
    tekst = teksten(at)
    assert "nog niet opgenomen" in tekst
    assert "nog geen cijfers per wijk" in tekst
    at = open_pagina(fixture_db, OPGAVE, opgave="bestaanszekerheid")
    assert "Testambitie" in teksten(at)
    assert [m.value for m in at.metric] == ["11,6 %", "985"]


# --- Vergelijken ---------------------------------------------------------------------------------------------------

def _standaard(g) -> list[tuple[str, str]]:
    """The default comparison read from the data: the first two wijken in code order (any gemeente)."""
    return sorted(g.wijknamen.items())[:2]


def test_compare_defaults_to_the_first_two_wijken(bekijk_pagina, echte_db, echte_gegevens):
    (code1, naam1), (code2, naam2) = _standaard(echte_gegevens)
    at = bekijk_pagina(echte_db, VERGELIJKEN)
    assert not meldingen(at)
    assert at.multiselect(key="vergelijk_wijken").value == [code1, code2]
    assert at.checkbox(key="vergelijk_soest").value is False
    tekst = teksten(at)
    assert f"De grootste verschillen tussen {naam1} en {naam2} zijn er bij" in tekst
    assert re.search(f"scoort ({re.escape(naam1)}|{re.escape(naam2)}) er", tekst)
    assert at.get("vega_lite_chart")
    eerste = at.table[0].value
    assert {"Indicator", naam1, naam2, "Verschil", f"Index {naam1}", f"Index {naam2}",
            "Gunstiger"} <= set(eerste.columns)
    assert "Soest" not in eerste.columns
    assert [t.label for t in at.tabs][:2] == ["Gezonde leefstijl", "Bestaanszekerheid"]


def test_compare_table_has_units_index_and_largest_difference_first(bekijk_pagina, echte_db):
    at = bekijk_pagina(echte_db, VERGELIJKEN, wijken="WK034205,WK034207", soest="ja")
    assert at.checkbox(key="vergelijk_soest").value is True
    bestaans = at.table[1].value
    rij = bestaans[bestaans["Indicator"] == "Moeite met rondkomen (18+)"].iloc[0]
    w = laatste_waarden(echte_db, "moeite_met_rondkomen_18plus")
    smitsveen, zuid, soest = w["WK034205"], w["WK034207"], w["GM0342"]
    assert rij["Smitsveen"].startswith(f"{opmaak.getal(smitsveen)} %")
    assert rij["Soest-Zuid"].startswith(f"{opmaak.getal(zuid)} %")
    assert rij["Soest"] == f"{opmaak.getal(soest)} %" and rij["Index Soest"] == "100"
    hoger, lager = ("Smitsveen", "Soest-Zuid") if smitsveen > zuid else ("Soest-Zuid", "Smitsveen")
    assert rij["Verschil"] == f"{hoger} {opmaak.getal(abs(smitsveen - zuid))} procentpunt hoger dan {lager}"
    assert rij["Index Smitsveen"] == f"{round(smitsveen / soest * 100)}"
    # the largest index gap comes first
    def kloof(r):
        return abs(int(r["Index Smitsveen"]) - int(r["Index Soest-Zuid"]))
    geindexeerd = bestaans[bestaans["Index Smitsveen"].str.fullmatch(r"\d+") & bestaans["Index Soest-Zuid"].str.fullmatch(r"\d+")]
    assert kloof(bestaans.iloc[0]) == max(kloof(r) for _, r in geindexeerd.iterrows())
    mentaal = at.table[2].value
    assert mentaal["Smitsveen"].str.contains("dan gemiddeld|van alle wijken").any()  # statements in words


def test_compare_three_wijken_from_the_link(bekijk_pagina, echte_db):
    at = bekijk_pagina(echte_db, VERGELIJKEN, wijken="WK034205,WK034207,WK034202")
    assert not meldingen(at)
    assert at.multiselect(key="vergelijk_wijken").value == ["WK034205", "WK034207", "WK034202"]
    # in wijk order, whatever the order of the link: one cached page per combination of wijken
    assert "De grootste verschillen tussen Klaarwater, Smitsveen en Soest-Zuid" in teksten(at)
    assert "het vaakst het ongunstigst" in teksten(at)
    assert "Index Klaarwater" in at.table[0].value.columns


# (one known wijk is not invalid: that wijk beside heel Soest, tests/app/test_url_rondje.py)
@pytest.mark.parametrize("wijken", ["WK999999", "WK999999,WK034207", "'; drop table waarden; --", ","])
def test_compare_with_an_invalid_link_falls_back_with_a_notice(bekijk_pagina, echte_db, echte_gegevens, wijken):
    (code1, naam1), (code2, naam2) = _standaard(echte_gegevens)
    at = bekijk_pagina(echte_db, VERGELIJKEN, wijken=wijken)
    assert "standaardkeuze" in meldingen(at)[0]
    assert at.multiselect(key="vergelijk_wijken").value == [code1, code2]
    assert f"De grootste verschillen tussen {naam1} en {naam2}" in teksten(at)


def test_choosing_wijken_and_soest_updates_the_url(open_pagina, echte_db):
    at = open_pagina(echte_db, VERGELIJKEN, wijken="WK034205,WK034207")
    at.multiselect(key="vergelijk_wijken").select("WK034201").run()
    assert not at.exception
    assert _param(at, "wijken") == "WK034205,WK034207,WK034201"
    at.checkbox(key="vergelijk_soest").check().run()
    assert _param(at, "soest") == "ja"
    at.multiselect(key="vergelijk_wijken").unselect("WK034205").unselect("WK034207").run()
    assert not at.exception and not at.warning
    assert _param(at, "wijken") == "WK034201"  # one wijk: that wijk beside heel Soest
    at.multiselect(key="vergelijk_wijken").unselect("WK034201").run()
    assert not at.exception
    assert at.warning and "minstens één" in at.warning[0].value
    assert _param(at, "wijken") == "WK034201"  # none: the link keeps the last view
    assert at.multiselect(key="vergelijk_wijken").value == []  # and the widget keeps the user's choice


def test_compare_works_on_the_test_data(open_pagina, fixture_db):
    at = open_pagina(fixture_db, VERGELIJKEN, wijken="WK034205,WK034207", soest="ja")
    assert "test moeite met rondkomen" in teksten(at).lower()
