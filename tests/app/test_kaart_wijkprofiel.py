"""AppTest: the map and the wijk profile, as a raadslid uses them (through app.py, with the real data)."""
import pytest

from tests.conftest import meldingen, snel_en_traag, teksten, uitersten

KAART = "pages/kaart.py"
PROFIEL = "pages/wijkprofiel.py"
WIJKEN = [f"WK03420{i}" for i in range(1, 9)]


def test_map_opens_on_moeite_met_rondkomen_with_soest_as_reference(bekijk_pagina, echte_db):
    at = bekijk_pagina(echte_db, KAART)
    tekst = teksten(at)
    u = uitersten(echte_db, "moeite_met_rondkomen_18plus")
    assert f"Het hoogst in {u['hoogst']}, het laagst in {u['laagst']}; Soest gemiddeld {u['soest']}." in tekst
    assert f"Soest: {u['soest']}" in tekst
    assert at.subheader[0].value == f"Moeite met rondkomen (18+) — {u['jaar']}"


def test_switching_the_indicator_updates_the_url(open_pagina, echte_db):
    at = open_pagina(echte_db, KAART)
    at.selectbox(key="kaart_indicator").select("eenzaam_18plus").run()
    assert not at.exception
    assert at.query_params["indicator"] == ["eenzaam_18plus"] or at.query_params["indicator"] == "eenzaam_18plus"
    assert at.subheader[0].value == f"Eenzaam (18+) — {uitersten(echte_db, 'eenzaam_18plus')['jaar']}"


def test_a_broken_map_link_falls_back_with_a_notice(open_pagina, echte_db):
    at = open_pagina(echte_db, KAART, indicator="'; drop table waarden; --", jaar="1850", niveau="heel-nl")
    getoond = " ".join(meldingen(at))
    assert "Onbekende indicator" in getoond and "kaartlaag" in getoond
    assert at.subheader[0].value.startswith("Moeite met rondkomen (18+)")


def test_buurten_layer_for_an_indicator_that_exists_per_buurt(open_pagina, echte_db, echte_gegevens):
    at = open_pagina(echte_db, KAART, indicator="moeite_met_rondkomen_18plus", niveau="buurt")
    assert at.toggle(key="kaart_buurten").value is True
    buurten = set(echte_gegevens.gebieden.loc[echte_gegevens.gebieden["niveau"] == "buurt", "naam"])
    getoond = set(next(d.value for d in at.dataframe if "Gebied" in d.value.columns)["Gebied"])
    assert getoond and getoond <= buurten  # the ranking lists buurten, not wijken


def test_buurten_toggle_is_off_for_a_wijk_only_indicator(open_pagina, echte_db):
    at = open_pagina(echte_db, KAART, indicator="burgerpeiling_rapportcijfer_woon_leefklimaat", niveau="buurt")
    assert at.toggle(key="kaart_buurten").disabled


@pytest.mark.parametrize("wijk", snel_en_traag(WIJKEN, ["WK034201"]))  # Smitsveen opens in the tally test
def test_every_wijk_profile_renders_with_its_opgaven(bekijk_pagina, echte_db, wijk):
    at = bekijk_pagina(echte_db, PROFIEL, wijk=wijk)
    assert at.title[0].value.startswith("Wijkprofiel ")
    tekst = teksten(at)
    for opgave in ("Gezonde leefstijl", "Bestaanszekerheid", "Mentale weerbaarheid", "Kansengelijkheid",
                   "Meedoen en inclusie"):
        assert f"<strong>{opgave}</strong>" in tekst  # the opgave cards
    assert "Bron" in tekst


@pytest.mark.parametrize("opgave", snel_en_traag(["gezonde_leefstijl", "bestaanszekerheid", "mentale_weerbaarheid",
                                                  "kansengelijkheid", "meedoen_inclusie"], ["kansengelijkheid"]))
def test_every_opgave_section_of_smitsveen_renders(bekijk_pagina, echte_db, echte_gegevens, opgave):
    at = bekijk_pagina(echte_db, PROFIEL, wijk="WK034205", opgave=opgave)
    assert at.segmented_control(key="profiel_opgave").value == opgave
    from soest_data.weergave import afgeleid, wijkprofiel
    rijen = wijkprofiel.indicatoren_van_opgave(afgeleid.beoordeeld(echte_gegevens), "WK034205", opgave)
    if rijen.empty:
        assert "Voor deze opgave zijn er nog geen cijfers per wijk." in teksten(at)
    else:  # the opgave's table lists exactly its indicators
        tabel = next(t.value for t in at.table if "indicator" in t.value.columns)
        assert list(tabel["indicator"]) == list(rijen["label"])


@pytest.mark.parametrize("wijk", ["WK999999", "<script>alert(1)</script>", "smitsveen"])
def test_an_unknown_or_malformed_wijk_gets_a_friendly_choice(bekijk_pagina, echte_db, wijk):
    at = bekijk_pagina(echte_db, PROFIEL, wijk=wijk)
    assert "Kies hieronder een wijk" in at.info[0].value  # our words, not the link's: the link is not quoted
    assert at.title[0].value == "Wijkprofiel"


def test_choosing_another_wijk_updates_the_url(open_pagina, echte_db):
    at = open_pagina(echte_db, PROFIEL, wijk="WK034205")
    at.selectbox(key="profiel_wijk").select("WK034207").run()
    assert not at.exception
    assert at.title[0].value == "Wijkprofiel Soest-Zuid"
    assert "WK034207" in str(at.query_params["wijk"])
