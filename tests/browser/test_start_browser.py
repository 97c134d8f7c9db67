import pytest
from playwright.sync_api import expect

from tests.browser.conftest import echte_fouten, schermafdruk, wacht_op_app

pytestmark = pytest.mark.browser


def test_start_page_opens_in_chromium_and_shows_the_dashboard(app_url, pagina):
    pagina.goto(app_url)
    wacht_op_app(pagina)
    assert pagina.locator("h1").first.inner_text().startswith("Wijkprofielen Soest")
    expect(pagina.get_by_text("Waar valt het op?")).to_be_visible()  # the first screen: who stands out per opgave
    expect(pagina.get_by_text("Wat erin zit")).to_be_visible()
    schermafdruk(pagina, "start")
    assert not echte_fouten(pagina), pagina.fouten
