from soest_data import url_state

WIJKEN = [f"WK0342{i:02d}" for i in range(1, 9)]


def test_kies_accepts_a_known_value_case_insensitively():
    assert url_state.kies({"wijk": "wk034205"}, "wijk", WIJKEN, None, "wijk").waarde == "WK034205"


def test_kies_falls_back_with_a_message_for_unknown_or_hostile_values():
    keuze = url_state.kies({"wijk": "'; drop table waarden; --"}, "wijk", WIJKEN, "WK034201", "wijk")
    assert keuze.waarde == "WK034201" and "Onbekende wijk" in keuze.melding


def test_kies_meerdere_parses_a_list_and_rejects_too_few():
    assert url_state.kies_meerdere({"wijken": "WK034201,WK034203"}, "wijken", WIJKEN, url_state.STANDAARD_WIJKEN,
                                   "wijken").waarde == ["WK034201", "WK034203"]
    keuze = url_state.kies_meerdere({"wijken": "WK034201"}, "wijken", WIJKEN, url_state.STANDAARD_WIJKEN, "wijken")
    assert keuze.waarde == list(url_state.STANDAARD_WIJKEN) and keuze.melding


def test_kies_jaar_only_accepts_years_with_data():
    assert url_state.kies_jaar({"jaar": "2016"}, [2016, 2020], 2020).waarde == 2016
    keuze = url_state.kies_jaar({"jaar": "20x6"}, [2016, 2020], 2020)
    assert keuze.waarde == 2020 and keuze.melding
