"""Mijn wijk on a phone (390×844): the box is on the first screen of the start page; 3769 lands on Soesterberg, a
border postcode offers its wijken, an unknown one gets a Dutch message. Only four-digit postcodes are typed: they
are answered from the table, so the app never goes online. Screenshot: test-artifacts/mijn_wijk_telefoon.png."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_overtredingen, echte_fouten, schermafdruk, wacht_op_app

pytestmark = pytest.mark.browser
LABEL = "Mijn wijk: typ uw postcode of adres"


@pytest.fixture
def telefoon(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.fouten = []
    page.on("pageerror", lambda e: page.fouten.append(str(e)))
    yield page
    context.close()


def _typ(page, tekst: str):
    veld = page.get_by_label(LABEL)
    veld.fill(tekst)
    veld.press("Enter")
    return page.locator(".st-key-mijn_wijk_vak")


def test_postcode_on_a_phone_leads_to_the_wijk(app_url, telefoon):
    telefoon.goto(app_url)
    wacht_op_app(telefoon)
    veld = telefoon.get_by_label(LABEL)
    expect(veld).to_be_visible()
    vak = veld.bounding_box()
    assert vak["y"] + vak["height"] <= 844, "the box is on the first screen of a phone"

    doos = _typ(telefoon, "3769")
    expect(doos.get_by_text("Postcode 3769 ligt in de wijk Soesterberg.")).to_be_visible()
    schermafdruk(telefoon, "mijn_wijk_telefoon")
    assert not axe_overtredingen(telefoon)
    doos.get_by_role("link", name="Soesterberg").click()
    telefoon.wait_for_url(re.compile(r"/wijkprofiel\?wijk=WK034208$"))
    wacht_op_app(telefoon)
    expect(telefoon.locator("h1").first).to_have_text(re.compile("Wijkprofiel Soesterberg"))
    assert not echte_fouten(telefoon), telefoon.fouten


def test_border_postcode_offers_a_choice_and_unknown_gets_a_message(app_url, telefoon):
    telefoon.goto(f"{app_url}/wijkprofiel")
    wacht_op_app(telefoon)
    doos = _typ(telefoon, "3765")
    expect(doos.get_by_text(re.compile("Postcode 3765 ligt in meer dan één wijk"))).to_be_visible()
    expect(doos.get_by_role("link")).to_have_count(2)
    expect(doos.get_by_role("link", name="Smitsveen")).to_be_visible()
    expect(doos.get_by_role("link", name="De Eng-Soest-Midden")).to_be_visible()
    doos = _typ(telefoon, "1234")
    expect(doos.get_by_text(re.compile("Postcode 1234 ligt niet in de gemeente Soest"))).to_be_visible()
    expect(doos.get_by_role("link")).to_have_count(0)
    assert "1234" not in telefoon.url
