"""A raadslid's path: open the map, switch the indicator, click through to Smitsveen's profile."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import draaiende_app, echte_fouten, schermafdruk, wacht_op_app, wacht_op_kaart
from tests.conftest import uitersten

pytestmark = pytest.mark.browser


def test_map_indicator_switch_and_click_through_to_the_profile(app_url, pagina, echte_db):
    pagina.goto(f"{app_url}/kaart")
    wacht_op_app(pagina)
    wacht_op_kaart(pagina)
    u = uitersten(echte_db, "moeite_met_rondkomen_18plus")
    expect(pagina.get_by_text(f"Het hoogst in {u['hoogst']}").first).to_be_visible()
    expect(pagina.get_by_text(f"Soest: {u['soest']}").first).to_be_visible()
    schermafdruk(pagina, "kaart_moeite_met_rondkomen")

    keuze = pagina.get_by_role("combobox").first
    keuze.click()
    pagina.keyboard.type("Eenzaam (18+)")
    pagina.keyboard.press("Enter")
    pagina.wait_for_function("() => location.search.includes('indicator=eenzaam_18plus')", timeout=20_000)
    wacht_op_app(pagina)
    pagina.get_by_text("Eenzaam (18+) —").first.wait_for(timeout=20_000)
    wacht_op_kaart(pagina)
    schermafdruk(pagina, "kaart_eenzaam")

    pagina.get_by_role("link", name="Smitsveen").first.click()
    pagina.wait_for_url("**/wijkprofiel?wijk=WK034205", timeout=20_000)
    wacht_op_app(pagina)
    pagina.get_by_text("Wijkprofiel Smitsveen").first.wait_for(timeout=20_000)
    # the locator is a still picture; the profile's charts come on request (tests/browser/test_licht_browser.py)
    pagina.wait_for_function("() => document.querySelector('img.stil')?.naturalWidth > 0", timeout=30_000)
    schermafdruk(pagina, "wijkprofiel_smitsveen")
    expect(pagina.get_by_role("heading", name="De vijf opgaven in één oogopslag")).to_be_visible()
    assert not echte_fouten(pagina), pagina.fouten


def test_profile_link_with_an_unknown_wijk_offers_a_choice(app_url, pagina):
    pagina.goto(f"{app_url}/wijkprofiel?wijk=WK999999")
    wacht_op_app(pagina)
    expect(pagina.get_by_text("Kies hieronder een wijk")).to_be_visible()
    expect(pagina.get_by_role("link", name="Soest-Zuid").first).to_be_visible()
    assert not echte_fouten(pagina), pagina.fouten


def test_a_shared_link_is_the_first_visit_of_a_fresh_server(echte_db, browser):
    """Classic multipage runs a deep-linked page file on its own: ui.pagina() must still give it the shared shell
    (page config, style, our navigation), with no "Page not found" on the way."""
    with draaiende_app(echte_db) as url:
        pagina = browser.new_page(viewport={"width": 1600, "height": 1000})
        meldingen = []
        pagina.on("console", lambda m: meldingen.append(m.text))
        pagina.goto(f"{url}/wijkprofiel?wijk=WK034207")
        wacht_op_app(pagina)
        assert pagina.locator("h1").first.inner_text() == "Wijkprofiel Soest-Zuid"
        assert pagina.title() == "Wijkprofiel · Wijkprofielen Soest"  # set by ui.pagina, not by a router
        zijbalk = pagina.locator("[data-testid='stSidebar']")
        # the main area can be ready before the sidebar has drawn its links (a CI run read it too early once)
        zijbalk.get_by_text("Over de data").wait_for(timeout=30_000)
        navigatie = zijbalk.inner_text()
        assert "Aandacht per opgave" in navigatie and "Over de data" in navigatie
        assert not any("page not found" in m.lower() for m in meldingen), meldingen
        assert "Page not found" not in pagina.content()
        pagina.close()
