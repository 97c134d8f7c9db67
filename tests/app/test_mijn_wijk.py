"""AppTest of Mijn wijk (ui.mijn_wijk) on the start page and on the wijkprofiel without a wijk: a postcode lands on its
wijk, a border postcode offers a choice, an unknown one gets a Dutch message; the URL never holds what was typed.
The network answers from recordings (offline unless a test says otherwise): no test goes online."""
import pytest

from soest_data.bronnen import vernieuw
from tests.opnames import opname_sessie


@pytest.fixture(autouse=True)
def geen_internet(monkeypatch):
    monkeypatch.setattr(vernieuw, "nieuwe_sessie", lambda: opname_sessie(offline=True))


def _links(at) -> list[tuple[str, str]]:
    return [(p.label, str(p.proto)) for p in at.get("page_link")]


def _typ(at, tekst: str):
    voor = _links(at)
    at.text_input(key="mijn_wijk").set_value(tekst).run()
    assert not at.exception
    na = _links(at)
    nieuw = [link for link in na if link not in voor or na.count(link) > voor.count(link)]
    return at, [label for label, _ in dict.fromkeys(nieuw)], [t.value for t in at.text]


def test_start_page_begins_with_mijn_wijk_and_3769_lands_on_soesterberg(open_pagina, echte_db):
    at = open_pagina(echte_db, "app.py")
    assert at.text_input(key="mijn_wijk").label == "Mijn wijk: typ uw postcode of adres"
    at, nieuw, teksten = _typ(at, "3769")
    assert teksten == ["Postcode 3769 ligt in de wijk Soesterberg."]
    assert nieuw == ["Soesterberg"]
    link = next(proto for label, proto in _links(at) if label == "Soesterberg" and "WK034208" in proto)
    assert "wijkprofiel" in link


def test_border_postcode_offers_a_choice_and_unknown_gets_a_message(open_pagina, echte_db):
    at = open_pagina(echte_db, "app.py")
    at, nieuw, teksten = _typ(at, "3765")
    assert "meer dan één wijk" in teksten[0] and nieuw == ["Smitsveen", "De Eng-Soest-Midden"]
    at, nieuw, teksten = _typ(at, "1234")
    assert teksten[0].startswith("Postcode 1234 ligt niet in de gemeente Soest") and nieuw == []


def test_unreachable_pdok_still_answers_from_the_table(open_pagina, echte_db):
    at, nieuw, teksten = _typ(open_pagina(echte_db, "app.py"), "3769 AB")
    assert teksten[0].startswith("De adresdienst (PDOK) is nu niet bereikbaar") and nieuw == ["Soesterberg"]


def test_online_answer_gives_the_buurt(open_pagina, echte_db, monkeypatch):
    monkeypatch.setattr(vernieuw, "nieuwe_sessie", lambda: opname_sessie(
        {"locatieserver/search/v3_1/free": "pdok/locatieserver_free_soest_een_buurt_TESTVARIANT.json"}))
    at, nieuw, teksten = _typ(open_pagina(echte_db, "app.py"), "3769XA")
    assert teksten == ["Postcode 3769 XA ligt in de wijk Soesterberg, buurt Soesterberg Kom."]
    assert nieuw == ["Soesterberg (buurt Soesterberg Kom)"]


def test_what_is_typed_stays_out_of_the_url_and_the_markdown(open_pagina, echte_db):
    at, _, teksten = _typ(open_pagina(echte_db, "app.py"), "**Voorbeeldstraat** [1](https://x.nl) 3769 Soest")
    assert dict(at.query_params) == {}
    assert not any("Voorbeeldstraat" in m.value for m in at.markdown)
    assert teksten[0].startswith("De adresdienst (PDOK) is nu niet bereikbaar")


def test_wijkprofiel_without_a_wijk_has_mijn_wijk(open_pagina, echte_db):
    at = open_pagina(echte_db, "pages/wijkprofiel.py")
    at, nieuw, teksten = _typ(at, "3769")
    assert teksten == ["Postcode 3769 ligt in de wijk Soesterberg."] and nieuw == ["Soesterberg"]
