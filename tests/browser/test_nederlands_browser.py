"""No English on any page (issue 23, 'Dutch everywhere'), at 1280×800: not on screen, not in the accessibility tree.

Per page the test gathers (1) every visible text node, (2) every name, description and value in Chromium's full
accessibility tree (CDP Accessibility.getFullAXTree, the tree a screen reader reads), and (3) the aria-label, title,
placeholder, alt and aria-roledescription of every element a screen reader can reach; with the main menu and the
'Kopieer link' popover opened once, and the page scrolled through so every chart is drawn. A string counts as English
when it holds a word from ENGELS (English words that are not also Dutch words) or a raw column name ('gebied_naam').
What stays is allowed only with a reason (TOEGESTAAN). The list found is written to test-artifacts/engels.json.
"""
from __future__ import annotations

import json
import re

import pytest

from tests.browser.conftest import ARTEFACTEN, wacht_op_app

pytestmark = pytest.mark.browser

PAGINAS = ["", "kaart", "wijkprofiel?wijk=WK034205", "opgave", "vergelijken", "aandacht", "inwoners", "data",
           "wijkprofiel?wijk=WK034205&presentatie=ja"]

# English words that are not also Dutch words (so not: of, is, in, was, band, link, data, download, menu, open, bar,
# filter, plot, last, help, stop, drop, container, document, as, map, info).
ENGELS = set("""the to and for with from this that these are be been by on at an or not no yes all any more less
skip main content show hide copy copied spec heading sidebar clipboard axis scale discrete continuous record screen
made view source compiled editor close settings about search sort ascending descending column columns pin unpin
choose option options clear value values running rerun deploy fullscreen exit collapse expand chart field titled
legend press select selected file browse loading items item results previous next page row rows cell cells keyboard
shortcuts navigate tooltip zoom reset scroll please wait error warning success mark symbol point points rule linear
ordinal nominal quantitative temporal range visualization toggle button get report bug dismiss ending graphics image
print theme light dark app wide mode""".split())
VELDNAAM = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")

# What may stay, each with why: (pattern, reason).
TOEGESTAAN = [
    (r"\bCC BY(-SA)?\b", "naam van de licentie (Creative Commons Attribution)"),
    (r"\bsoest_data (export|import|build|validate|vernieuw|factsheet)\b",
     "een opdracht om te typen (python -m soest_data …), als code getoond op Over de data"),
    (r"\(CSV: gebied_code, opgave, ongunstig, beoordeeld, oordeel, marge\)",
     "de echte kolomnamen van het machineleesbare CSV-bestand dat de knop levert"),
    (r"\bVega-Lite\b", "naam van de grafiektaal"),
    (r"\bStreamlit\b", "naam van de software"),
]


def _sleutels() -> re.Pattern:
    """The catalogue's keys of indicators (`indicator=…` in a link, the Indicator-id column on Over de data) and of
    sources (the Bron-id column): fixed identifiers shown as such, not English words."""
    from soest_data import paden
    from soest_data.bronnen import catalogus
    cat = catalogus.laad(paden.data_dir())
    ids = sorted([*cat.indicatoren, *cat.bronnen], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ids)) + r")\b")


SLEUTELS = _sleutels()


def engels_in(tekst: str) -> list[str]:
    """The English words and raw column names in a text, after the allowed phrases (and the catalogue's indicator
    keys) are taken out."""
    for patroon, _ in TOEGESTAAN:
        tekst = re.sub(patroon, " ", tekst)
    tekst = SLEUTELS.sub(" ", tekst)
    woorden = [w for w in re.findall(r"[A-Za-z]+", tekst) if w.lower() in ENGELS]
    return woorden + VELDNAAM.findall(tekst)


ZICHTBARE_TEKST = """() => {
  const verborgen = (el) => el.closest('[aria-hidden="true"], [data-testid="stIconMaterial"], script, style, noscript')
    || !el.checkVisibility({visibilityProperty: true, opacityProperty: false});
  const uit = [];
  const loop = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = loop.nextNode(); n; n = loop.nextNode()) {
    const t = n.nodeValue.trim();
    if (t && n.parentElement && !verborgen(n.parentElement)) uit.push(t);
  }
  const metNaam = '[aria-label],[title],[placeholder],[alt],[aria-roledescription],[aria-description]';
  for (const el of document.querySelectorAll(metNaam)) {
    if (el.closest('[aria-hidden="true"]') || !el.checkVisibility({visibilityProperty: true})) continue;
    for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-description']) {
      const v = el.getAttribute(a);
      if (v && v.trim()) uit.push(v.trim());
    }
  }
  return uit;
}"""


def _toegankelijkheidsboom(page) -> list[str]:
    cdp = page.context.new_cdp_session(page)
    try:
        knopen = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    uit = []
    for knoop in knopen:
        if knoop.get("ignored"):
            continue
        for sleutel in ("name", "description", "value"):
            waarde = (knoop.get(sleutel) or {}).get("value")
            if isinstance(waarde, str) and waarde.strip():
                uit.append(waarde.strip())
    return uit


def _doorscrollen(page) -> None:
    """Scroll the main column top to bottom, so every chart below the fold is drawn (and read)."""
    page.evaluate("""async () => {
      const hoofd = document.querySelector('[data-testid="stMain"]');
      for (let y = 0; y < hoofd.scrollHeight; y += 500) {
        hoofd.scrollTo(0, y);
        await new Promise(r => setTimeout(r, 120));
      }
      hoofd.scrollTo(0, 0);
    }""")
    page.wait_for_timeout(800)


def _menus_open(page) -> list[str]:
    """The texts of the main menu and of the 'Kopieer link' popover (with its copy button), opened one at a time."""
    teksten = []
    for knop in (page.locator('[data-testid="stMainMenu"] button'), page.get_by_role("button", name="Kopieer link")):
        if knop.count():
            knop.first.click()
            page.wait_for_timeout(600)
            teksten += page.evaluate(ZICHTBARE_TEKST) + _toegankelijkheidsboom(page)
            page.keyboard.press("Escape")
            page.wait_for_timeout(300)
    return teksten


def test_no_english_on_any_page_on_screen_or_in_the_accessibility_tree(app_url, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    gevonden: dict[str, list[dict]] = {}
    gezien = 0
    try:
        for pad in PAGINAS:
            page = context.new_page()
            page.goto(f"{app_url}/{pad}")
            wacht_op_app(page)
            page.wait_for_timeout(1500)  # the translation script runs on the next animation frame
            _doorscrollen(page)
            teksten = page.evaluate(ZICHTBARE_TEKST) + _toegankelijkheidsboom(page)
            if pad == "":
                teksten += _menus_open(page)
            gezien += len(teksten)
            engels = {t: engels_in(t) for t in dict.fromkeys(teksten)}
            gevonden[pad or "start"] = [{"tekst": t[:200], "engels": w} for t, w in engels.items() if w]
            page.close()
    finally:
        context.close()
    ARTEFACTEN.mkdir(exist_ok=True)
    (ARTEFACTEN / "engels.json").write_text(json.dumps(
        {"gevonden": gevonden, "toegestaan": [{"patroon": p, "waarom": w} for p, w in TOEGESTAAN]},
        ensure_ascii=False, indent=1), encoding="utf-8")
    assert gezien > 2000, "the pages were read"
    assert not any(gevonden.values()), json.dumps(gevonden, ensure_ascii=False, indent=1)[:3000]


@pytest.mark.parametrize("tekst, engels", [
    ("Skip to main content", True), ("Help for Marge: vanaf hoeveel", True), ("gebied_naam: Smitsveen", True),
    ("X-axis for a discrete scale with 8 values", True), ("Made with Streamlit v1.67.0", True),
    ("Moeite met rondkomen of geldzorgen", False), ("Bron: RIVM (CC BY 4.0)", False), ("Link naar dit kopje", False),
    ("Download de gegevens", False), ("Kopieer naar het klembord", False),
])
def test_the_english_detector_itself(tekst, engels):
    assert bool(engels_in(tekst)) is engels
