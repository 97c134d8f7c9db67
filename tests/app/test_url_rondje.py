"""Every choice of every page lives in the URL and survives a fresh browser: change a widget, read the URL, open that
URL in a new session (a new AppTest) and find the same choice. The keys per page are url_state.PARAMETERS."""
import pytest

from soest_data import url_state
from soest_data.gemeente import GEMEENTE
from tests.conftest import meldingen, snel_en_traag, teksten


def _param(at, sleutel):
    waarde = at.query_params.get(sleutel)
    return waarde[0] if isinstance(waarde, list) else waarde


def _url(at) -> dict:
    return {k: _param(at, k) for k in at.query_params}


# page, widget (kind, key), new value, URL key, text expected in the URL
GEVALLEN = [
    ("pages/kaart.py", ("selectbox", "kaart_indicator"), "eenzaam_18plus", "indicator", "eenzaam_18plus"),
    ("pages/kaart.py", ("toggle", "kaart_buurten"), True, "niveau", "buurt"),
    ("pages/kaart.py", ("segmented_control", "kaart_jaar"), 2016, "jaar", "2016"),
    ("pages/wijkprofiel.py", ("selectbox", "profiel_wijk"), "WK034208", "wijk", "WK034208"),
    ("pages/wijkprofiel.py", ("segmented_control", "profiel_opgave"), "kansengelijkheid", "opgave", "kansengelijkheid"),
    ("pages/opgave.py", ("segmented_control", "opgave_keuze"), "bestaanszekerheid", "opgave", "bestaanszekerheid"),
    ("pages/vergelijken.py", ("multiselect", "vergelijk_wijken"), ["WK034201", "WK034208"], "wijken",
     "WK034201,WK034208"),
    ("pages/vergelijken.py", ("checkbox", "vergelijk_soest"), True, "soest", "ja"),
    ("pages/aandacht.py", ("slider", "aandacht_marge"), 20, "marge", "20"),
    ("pages/aandacht.py", ("selectbox", "aandacht_wijk"), "WK034205", "wijk", "WK034205"),
    ("pages/inwoners.py", ("selectbox", "inwoners_opgave"), "meedoen_inclusie", "opgave", "meedoen_inclusie"),
    ("pages/inwoners.py", ("selectbox", "inwoners_wijk"), "WK034205", "wijk", "WK034205"),
    ("pages/data.py", ("selectbox", "data_opgave"), "kansengelijkheid", "opgave", "kansengelijkheid"),
]
START = {"pages/wijkprofiel.py": {"wijk": "WK034205"}}


# The fast loop takes each page's first choice; the other choices of a page run with --traag (CI).
SNEL = [next(g for g in GEVALLEN if g[0] == p) for p in dict.fromkeys(g[0] for g in GEVALLEN)]


@pytest.mark.parametrize(("pagina", "widget", "nieuw", "sleutel", "tekst"),
                         snel_en_traag(GEVALLEN, SNEL),
                         ids=[f"{p.split('/')[-1][:-3]}-{s}" for p, _, _, s, _ in GEVALLEN])
def test_a_changed_choice_is_in_the_url_and_a_fresh_session_opens_on_it(open_pagina, bekijk_pagina, echte_db, pagina,
                                                                       widget, nieuw, sleutel, tekst):
    soort, key = widget
    at = open_pagina(echte_db, pagina, **START.get(pagina, {}))
    element = getattr(at, soort)(key=key)
    (element.check() if soort == "checkbox" else element.set_value(nieuw)).run()
    assert not at.exception
    assert _param(at, sleutel) == tekst
    assert sleutel in url_state.PARAMETERS[pagina.split("/")[-1][:-3]]

    vers = bekijk_pagina(echte_db, pagina, **_url(at))   # the link, opened in a new browser (a new session)
    assert getattr(vers, soort)(key=key).value == nieuw
    assert not meldingen(vers)  # no 'unknown value' notice: a valid link


def test_the_vergelijken_tab_is_in_the_url(bekijk_pagina, echte_db):
    at = bekijk_pagina(echte_db, "pages/vergelijken.py", wijken="WK034205,WK034207", opgave="bestaanszekerheid")
    assert at.session_state["vergelijk_tab"] == "Bestaanszekerheid"
    assert not meldingen(at)


def test_a_default_choice_leaves_the_url_clean(open_pagina, echte_db):
    at = open_pagina(echte_db, "pages/aandacht.py", marge="20")
    at.slider(key="aandacht_marge").set_value(10).run()
    assert "marge" not in at.query_params


def test_one_wijk_in_vergelijken_is_that_wijk_beside_the_gemeente_and_none_stays_out_of_the_url(open_pagina, echte_db):
    at = open_pagina(echte_db, "pages/vergelijken.py", wijken="WK034205,WK034207")
    at.multiselect(key="vergelijk_wijken").set_value(["WK034205"]).run()
    assert _param(at, "wijken") == "WK034205" and not at.warning and not meldingen(at)
    assert f"en heel {GEMEENTE.naam} zijn er bij" in teksten(at)
    assert not [c for c in at.checkbox if c.key == "vergelijk_soest"]  # the gemeente always stands beside one wijk
    at.multiselect(key="vergelijk_wijken").set_value([]).run()
    assert _param(at, "wijken") == "WK034205" and at.warning  # none: a choice still being made


def test_menu_links_keep_the_wijk(bekijk_pagina, echte_db):
    at = bekijk_pagina(echte_db, "pages/vergelijken.py", wijken="WK034203,WK034207")
    links = {p.label: p for p in at.get("page_link")}
    assert "wijk=WK034203" in links["Wijkprofiel"].proto.page or \
        "WK034203" in str(links["Wijkprofiel"].proto)
