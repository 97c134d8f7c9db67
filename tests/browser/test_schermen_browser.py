"""Every screen in the room: beamer (1920×1080), laptop (1280×800) and phone (390×844), for every page.

Per page and size: nothing wider than the window, every chart and table inside the main column, lang="nl",
no chart text below 16 px at 1920, and no serious WCAG 2.1 AA violation (axe). One server for the whole session;
screenshots go to test-artifacts/schermen_<pagina>_<breedte>.png.
"""
from __future__ import annotations

import json

import pytest

from tests.browser.conftest import axe_overtredingen, schermafdruk, wacht_op_app

pytestmark = pytest.mark.browser

PAGINAS = {
    "start": "",
    "kaart": "kaart",
    "wijkprofiel": "wijkprofiel?wijk=WK034205",
    "opgave": "opgave?opgave=bestaanszekerheid",
    "vergelijken": "vergelijken?wijken=WK034205,WK034207",
    "aandacht": "aandacht",
    "inwoners": "inwoners",
    "data": "data",
}
SCHERMEN = {"beamer": (1920, 1080), "laptop": (1280, 800), "telefoon": (390, 844)}

# What the page measures of itself: horizontal overflow, boxes of charts/tables outside the main column, the
# language, and the smallest visible chart text (SVG text nodes of every Vega chart; hidden forms are skipped).
METING = """() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
  const zichtbaar = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const vakken = [...document.querySelectorAll('[data-testid="stVegaLiteChart"], [data-testid="stDataFrame"], '
      + '[data-testid="stTable"], [data-testid="stDeckGlJsonChart"]')].filter(zichtbaar);
  const buiten = vakken.map(el => [el.dataset.testid, el.getBoundingClientRect()])
      .filter(([, r]) => r.left < main.left - 1 || r.right > main.right + 1)
      .map(([t, r]) => `${t} ${Math.round(r.left)}-${Math.round(r.right)} `
                       + `(kolom ${Math.round(main.left)}-${Math.round(main.right)})`);
  // A chart drawn wider than its own box is cut off even when the box fits.
  const tekeningen = '[data-testid="stVegaLiteChart"] > svg, [data-testid="stVegaLiteChart"] > canvas';
  for (const el of document.querySelectorAll(tekeningen)) {
    if (!zichtbaar(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > main.right + 1 || r.left < main.left - 1) {
      buiten.push(`tekening ${Math.round(r.left)}-${Math.round(r.right)}`);
    }
  }
  const maten = [...document.querySelectorAll('[data-testid="stVegaLiteChart"] svg text')]
      .filter(t => zichtbaar(t) && t.textContent.trim())
      .map(t => [parseFloat(getComputedStyle(t).fontSize), t.textContent.trim().slice(0, 40)]);
  maten.sort((a, b) => a[0] - b[0]);
  return {fout: !!document.querySelector('[data-testid="stException"]'),
          overloop: document.documentElement.scrollWidth - innerWidth, buiten, lang: document.documentElement.lang,
          kleinste: maten.length ? maten[0] : null, grafieken: vakken.length};
}"""


def open_op(browser, app_url, pad: str, breedte: int, hoogte: int):
    context = browser.new_context(viewport={"width": breedte, "height": hoogte}, locale="nl-NL")
    pagina = context.new_page()
    pagina.goto(f"{app_url}/{pad}")
    wacht_op_app(pagina)
    wacht_tot_stil(pagina)
    return context, pagina


def alles_getekend(pagina) -> None:
    """Streamlit draws charts only once they scroll into view: make the window as tall as the page (same width),
    so every chart is drawn and measured, then wait until it is still again."""
    hoogte = pagina.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    pagina.set_viewport_size({"width": pagina.viewport_size["width"], "height": min(int(hoogte) + 80, 16_000)})
    wacht_tot_stil(pagina)


def wacht_tot_stil(pagina, stil_ms: int = 1000) -> None:
    """Until the run is over and the page stopped changing for `stil_ms`: every visible chart has drawn its SVG
    (Vega renders asynchronously, after Streamlit's run) and the number of elements and the height stay put."""
    pagina.wait_for_function("""(stil) => {
        const app = document.querySelector('[data-testid="stApp"]');
        const klaar = app && app.dataset.testScriptState === 'notRunning'
          && app.dataset.testConnectionState === 'CONNECTED'
          && !document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"]')
          && document.documentElement.lang === 'nl'
          && [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
               .filter(el => el.getClientRects().length).every(el => el.querySelector('svg text'));
        const stand = document.querySelectorAll('*').length + ':' + document.body.scrollHeight;
        const nu = performance.now();
        if (!klaar || window.__stand !== stand) { window.__stand = stand; window.__sinds = nu; return false; }
        return nu - window.__sinds >= stil;
    }""", arg=stil_ms, timeout=60_000, polling=200)


@pytest.fixture(scope="module", params=list(SCHERMEN), ids=list(SCHERMEN))
def scherm(request):
    return request.param


@pytest.mark.parametrize("naam", list(PAGINAS))
def test_page_fits_every_screen(app_url, browser, scherm, naam):
    breedte, hoogte = SCHERMEN[scherm]
    context, pagina = open_op(browser, app_url, PAGINAS[naam], breedte, hoogte)
    try:
        schermafdruk(pagina, f"schermen_{naam}_{breedte}_eerste_scherm")
        alles_getekend(pagina)
        meting = pagina.evaluate(METING)
        schermafdruk(pagina, f"schermen_{naam}_{breedte}")
        assert not meting["fout"], f"{naam}: de pagina toont een fout"
        assert meting["lang"] == "nl"
        assert meting["overloop"] <= 0, f"{naam} bij {breedte}: {meting['overloop']} px te breed"
        assert not meting["buiten"], meting["buiten"]
        if scherm == "beamer" and meting["kleinste"]:
            assert meting["kleinste"][0] >= 16, meting["kleinste"]
        ernstig = axe_overtredingen(pagina)
        assert not ernstig, json.dumps(ernstig, indent=1, ensure_ascii=False)
    finally:
        context.close()


@pytest.mark.parametrize("breedte,hoogte", [(1920, 1080), (1920, 950), (1280, 720)])
def test_presentation_mode_fits_one_screen_and_steps_with_the_arrow_keys(app_url, browser, breedte, hoogte):
    """The opgave's overview first (every wijk, its tally and what the text says), then one wijk per screen: each fits
    the screen without scrolling, and the key figures are large enough for the back of the room."""
    context, pagina = open_op(browser, app_url, "opgave?opgave=bestaanszekerheid&presentatie=ja", breedte, hoogte)
    passend = "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight <= innerHeight"
    cijfers = ("() => [...document.querySelectorAll('[data-testid=\"stMetricValue\"]')]"
               ".map(e => parseFloat(getComputedStyle(e).fontSize))")
    try:
        assert not pagina.locator("[data-testid='stSidebar']").is_visible()
        assert pagina.locator("h1").first.inner_text() == "Bestaanszekerheid · alle wijken"
        assert pagina.evaluate(passend), "het overzicht past niet op één scherm"
        schermafdruk(pagina, f"schermen_presentatie_overzicht_{breedte}x{hoogte}")
        pagina.keyboard.press("ArrowRight")
        pagina.wait_for_function("() => location.search.includes('wijk=WK034201')")
        wacht_tot_stil(pagina)
        assert pagina.locator("h1").first.inner_text() == "'t Hart-Soestdijk · Bestaanszekerheid"
        assert pagina.evaluate(passend), "de dia past niet op één scherm"
        groottes = pagina.evaluate(cijfers)
        assert groottes and min(groottes) >= (32 if breedte >= 1920 else 24), groottes
        schermafdruk(pagina, f"schermen_presentatie_{breedte}x{hoogte}")
        pagina.keyboard.press("ArrowRight")
        pagina.wait_for_function("() => location.search.includes('wijk=WK034202')")
        wacht_tot_stil(pagina)
        assert pagina.locator("h1").first.inner_text() == "Klaarwater · Bestaanszekerheid"
        assert pagina.evaluate(passend)
        pagina.keyboard.press("ArrowLeft")
        pagina.wait_for_function("() => location.search.includes('wijk=WK034201')")
        wacht_tot_stil(pagina)
        pagina.keyboard.press("ArrowLeft")  # back to the overview: no wijk in the link
        pagina.wait_for_function("() => !location.search.includes('wijk=')")
        wacht_tot_stil(pagina)
        pagina.keyboard.press("ArrowLeft")  # round the end: from the overview back to the last wijk
        pagina.wait_for_function("() => location.search.includes('wijk=WK034208')")
        wacht_tot_stil(pagina)
        assert pagina.locator("h1").first.inner_text() == "Soesterberg · Bestaanszekerheid"
    finally:
        context.close()


def test_presentation_mode_of_a_wijk_steps_through_the_opgaven(app_url, browser):
    context, pagina = open_op(browser, app_url, "wijkprofiel?wijk=WK034205&presentatie=ja", 1920, 1080)
    try:
        assert pagina.locator("h1").first.inner_text() == "Smitsveen · Gezonde leefstijl"
        pagina.keyboard.press("ArrowRight")
        pagina.wait_for_function("() => location.search.includes('opgave=bestaanszekerheid')")
        wacht_tot_stil(pagina)
        assert pagina.locator("h1").first.inner_text() == "Smitsveen · Bestaanszekerheid"
    finally:
        context.close()
