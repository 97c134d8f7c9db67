"""The public edition in Chromium through nginx (deploy/nginx-statisch.conf): one page of every kind passes axe
(WCAG 2.1 A/AA, every impact) on a phone (390) and a laptop (1280), reads without JavaScript, and the map's wijken
are links. Screenshots of start, kaart, a wijkprofiel and vergelijken (a pair, and a wijk beside the gemeente) at
1920×1080, 1280×800 and 390×844 go to test-artifacts/statisch/ (whole pages)."""
from __future__ import annotations

import pytest

from tests.browser.conftest import ARTEFACTEN, axe_overtredingen
from tests.statisch import SOORTEN, nginx_op, soort, statische_steekproef, steekproef, zonder_nginx

__all__ = ["statische_steekproef"]  # a fixture, used by name
pytestmark = zonder_nginx


@pytest.fixture(scope="module")
def statisch(statische_steekproef):
    site, alle = statische_steekproef
    paden = {soort(p): f"/{p.pad}" for p in steekproef(alle)}
    with nginx_op(site) as url:
        yield url, paden


@pytest.mark.parametrize("breedte", [390, 1280])
def test_every_kind_of_static_page_passes_axe(browser, statisch, breedte):
    url, paden = statisch
    # axe is injected as a script; the site's own CSP forbids every script, so this context alone ignores it
    context = browser.new_context(viewport={"width": breedte, "height": 900}, locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    gevonden = {}
    for naam in SOORTEN:
        page.goto(url + paden[naam])
        if overtredingen := axe_overtredingen(page, alle_gewichten=True):
            gevonden[naam] = overtredingen
    context.close()
    assert gevonden == {}


def test_static_pages_read_without_javascript_and_the_maps_wijken_are_links(browser, statisch):
    url, paden = statisch
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    fouten = []
    page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    page.goto(url + paden["kaart"])
    assert page.locator("h1").inner_text().startswith("Kaart van de wijken")
    links = page.locator("figure.kaart.breed svg a")
    assert links.count() == 8 and page.locator("figure.kaart.smal").is_hidden()
    doel = links.first.get_attribute("href")
    links.first.click()
    page.wait_for_url(url + doel)
    assert page.locator("h1").count() == 1
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url + paden["kaart"])
    assert page.locator("figure.kaart.smal").is_visible() and page.locator("figure.kaart.breed").is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    assert fouten == []
    context.close()


def test_screenshots_of_the_static_site(browser, statisch):
    url, paden = statisch
    map_ = ARTEFACTEN / "statisch"
    map_.mkdir(parents=True, exist_ok=True)
    for breedte, hoogte in ((1920, 1080), (1280, 800), (390, 844)):  # beamer, laptop, phone
        context = browser.new_context(viewport={"width": breedte, "height": hoogte}, locale="nl-NL")
        page = context.new_page()
        for naam in ("start", "kaart", "wijkprofiel", "vergelijken", "vergelijken-gemeente"):
            page.goto(url + paden[naam])
            page.screenshot(path=str(map_ / f"{naam}-{breedte}.png"), full_page=True)
            assert page.evaluate("document.documentElement.scrollWidth") <= breedte, (naam, breedte)
        context.close()
