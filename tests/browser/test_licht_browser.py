"""Light on a phone (issue 24): a wijkprofiel's first view fetches neither the map library (deck.gl) nor the chart
library (Vega) nor the data grid; its locator is a still picture with a text alternative, and its charts come when
the visitor asks for them. bench/licht.py measures the bytes through nginx; this test guards what is fetched."""
import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import echte_fouten, wacht_op_app, wacht_op_grafieken

pytestmark = pytest.mark.browser
ZWAAR = {"kaart": re.compile(r"DeckGlJsonChart"), "grafiek": re.compile(r"/embed\.[^/]*\.js"),
         "tabelraster": re.compile(r"/DataFrame\.[^/]*\.js")}


@pytest.fixture
def telefoon(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.fouten, page.gevraagd = [], []
    page.on("pageerror", lambda e: page.fouten.append(str(e)))
    page.on("request", lambda r: page.gevraagd.append(r.url))
    yield page
    context.close()


def _zware(page) -> set[str]:
    return {naam for naam, patroon in ZWAAR.items() if any(patroon.search(u) for u in page.gevraagd)}


def test_a_wijkprofiel_on_a_phone_fetches_its_charts_only_when_asked(app_url, telefoon):
    telefoon.goto(f"{app_url}/wijkprofiel?wijk=WK034205&opgave=gezonde_leefstijl")
    wacht_op_app(telefoon)
    expect(telefoon.get_by_role("heading", name="De vijf opgaven in één oogopslag")).to_be_visible()
    locator = telefoon.locator("img.stil")
    expect(locator).to_have_attribute("alt", re.compile("Kaartje van de gemeente Soest"))
    locator.scroll_into_view_if_needed()
    telefoon.wait_for_function("() => document.querySelector('img.stil').naturalWidth > 0")
    telefoon.wait_for_load_state("networkidle")
    time.sleep(1)  # a chunk asked for late would still show up here
    assert not _zware(telefoon), f"fetched on the first view: {_zware(telefoon)}"

    telefoon.get_by_text(re.compile(r"^Toon de ontwikkeling door de jaren")).click()
    wacht_op_grafieken(telefoon, 1)
    assert "grafiek" in _zware(telefoon)
    assert not echte_fouten(telefoon), telefoon.fouten
