from soest_data import url_state

WIJKEN = [f"WK0342{i:02d}" for i in range(1, 9)]


def test_kies_accepts_a_known_value_case_insensitively():
    assert url_state.kies({"wijk": "wk034205"}, "wijk", WIJKEN, None, "wijk").waarde == "WK034205"


def test_kies_falls_back_with_a_message_for_unknown_or_hostile_values():
    keuze = url_state.kies({"wijk": "'; drop table waarden; --"}, "wijk", WIJKEN, "WK034201", "wijk")
    assert keuze.waarde == "WK034201" and "Onbekende wijk" in keuze.melding


def test_kies_meerdere_parses_a_list_and_rejects_too_few():
    standaard = url_state.standaard_wijken(WIJKEN)
    assert url_state.kies_meerdere({"wijken": "WK034201,WK034203"}, "wijken", WIJKEN, standaard,
                                   "wijken").waarde == ["WK034201", "WK034203"]
    keuze = url_state.kies_meerdere({"wijken": "WK034201"}, "wijken", WIJKEN, standaard, "wijken")
    assert keuze.waarde == list(standaard) and keuze.melding


def test_kies_jaar_only_accepts_years_with_data():
    assert url_state.kies_jaar({"jaar": "2016"}, [2016, 2020], 2020).waarde == 2016
    keuze = url_state.kies_jaar({"jaar": "20x6"}, [2016, 2020], 2020)
    assert keuze.waarde == 2020 and keuze.melding


# --- the other direction: a widget's value in the URL, and the link to send on ------------------------------------

def test_als_tekst_leaves_out_the_default_and_empty_and_writes_lists_and_booleans_readably():
    assert url_state.als_tekst("WK034205") == "WK034205"
    assert url_state.als_tekst("gezonde_leefstijl", "gezonde_leefstijl") is None
    assert url_state.als_tekst(None) is None and url_state.als_tekst([]) is None
    assert url_state.als_tekst(["WK034205", "WK034207"]) == "WK034205,WK034207"
    assert url_state.als_tekst(True) == "ja" and url_state.als_tekst(False, False) is None
    assert url_state.als_tekst(2020) == "2020" and url_state.als_tekst(15, 10) == "15"


def test_round_trip_every_kind_of_choice():
    """Widget value → URL text → parsed back gives the same choice."""
    params = {"wijk": url_state.als_tekst("WK034205"), "wijken": url_state.als_tekst(["WK034203", "WK034208"]),
              "jaar": url_state.als_tekst(2016), "marge": url_state.als_tekst(20)}
    assert url_state.kies(params, "wijk", WIJKEN, None, "wijk").waarde == "WK034205"
    assert url_state.kies_meerdere(params, "wijken", WIJKEN, (), "wijken").waarde == ["WK034203", "WK034208"]
    assert url_state.kies_jaar(params, [2016, 2020], 2020).waarde == 2016
    assert url_state.kies(params, "marge", ["10", "20"], "10", "marge").waarde == "20"


def test_absolute_link_keeps_host_base_path_and_only_the_pages_own_choices():
    link = url_state.absolute_link("https://wijken.soest.nl/dashboard/kaart", "vergelijken",
                                   {"wijken": "WK034205,WK034207", "opgave": "bestaanszekerheid", "onzin": "x"})
    assert link == "https://wijken.soest.nl/dashboard/vergelijken?wijken=WK034205,WK034207&opgave=bestaanszekerheid"
    assert url_state.absolute_link("http://localhost:8501/", "", {"wijk": "WK034205"}) == "http://localhost:8501/"
    assert url_state.absolute_link("http://localhost:8501/wijkprofiel", "wijkprofiel", {"wijk": "WK034205"}) \
        == "http://localhost:8501/wijkprofiel?wijk=WK034205"


def test_absolute_link_encodes_what_a_visitor_typed():
    link = url_state.absolute_link("http://localhost:8501/data", "data", {"indicator": "<script>&x=1"})
    assert link == "http://localhost:8501/data?indicator=%3Cscript%3E%26x%3D1"


def test_huidige_wijk_from_wijk_or_the_first_of_wijken_and_nothing_else():
    assert url_state.huidige_wijk({"wijk": "wk034205"}) == "WK034205"
    assert url_state.huidige_wijk({"wijken": "WK034207,WK034205"}) == "WK034207"
    assert url_state.huidige_wijk({"wijk": "javascript:alert(1)"}) is None
    assert url_state.huidige_wijk({}) is None


def test_every_page_has_its_parameters_listed():
    from pathlib import Path
    paginas = {p.stem for p in (Path(__file__).resolve().parents[2] / "pages").glob("*.py")}
    assert paginas | {""} == set(url_state.PARAMETERS)


def test_a_comparison_opened_from_a_wijk_starts_with_that_wijk():
    for wijk in WIJKEN:
        eerste, tweede = url_state.vergelijking_met(wijk, WIJKEN).split(",")
        assert eerste == wijk and tweede != wijk and tweede in WIJKEN
    assert url_state.standaard_wijken(list(reversed(WIJKEN))) == tuple(WIJKEN[:2])  # from the data, in code order
