"""A beleidsmedewerker weighs a proposal for Smitsveen; a raadslid reads what residents said. Screenshots in
test-artifacts/: aandacht_smitsveen, aandacht_marge_25, aandacht_telefoon, inwoners_echt, inwoners_testgegevens."""
import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_overtredingen, draaiende_app, echte_fouten, hele_pagina, wacht_op_app, wacht_op_grafieken

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def test_app_url(fixture_db):
    """The app on the made-up test data (tests/fixtures/data), which has a survey and resident voices."""
    with draaiende_app(fixture_db) as url:
        yield url


def test_aandacht_smitsveen_on_one_page(app_url, pagina):
    pagina.goto(f"{app_url}/aandacht?wijk=WK034205")
    wacht_op_app(pagina)
    wacht_op_grafieken(pagina)
    expect(pagina.get_by_text("Draagt het bij aan een wijk of doelgroep die extra aandacht vereist?").first).to_be_visible()
    expect(pagina.get_by_text("Een signaal, geen oordeel.").first).to_be_visible()
    expect(pagina.get_by_text("Smitsveen: de opgaven op een rij")).to_be_visible()
    # the kernset list in the collapsed expanders also names it: look for the visible one (the wijk sentences)
    expect(pagina.locator("text=Moeite met rondkomen (18+) >> visible=true").first).to_be_visible()
    hele_pagina(pagina, "aandacht_smitsveen")
    assert not echte_fouten(pagina), pagina.fouten
    ernstig = axe_overtredingen(pagina)
    assert not ernstig, json.dumps(ernstig, indent=1, ensure_ascii=False)


def test_aandacht_margin_slider_updates_the_url(app_url, pagina):
    pagina.goto(f"{app_url}/aandacht")
    wacht_op_app(pagina)
    wacht_op_grafieken(pagina)
    schuif = pagina.get_by_role("slider").first
    schuif.focus()
    for _ in range(3):
        schuif.press("ArrowRight")
    pagina.wait_for_function("() => location.search.includes('marge=25')", timeout=20_000)
    wacht_op_app(pagina)
    pagina.get_by_text("meer dan 25 %", exact=False).first.wait_for(timeout=20_000)
    wacht_op_grafieken(pagina)
    hele_pagina(pagina, "aandacht_marge_25")
    assert not echte_fouten(pagina), pagina.fouten


def test_aandacht_on_a_phone(app_url, browser):
    context = browser.new_context(viewport={"width": 400, "height": 860}, locale="nl-NL")
    pagina = context.new_page()
    try:
        pagina.goto(f"{app_url}/aandacht?wijk=WK034205")
        wacht_op_app(pagina)
        wacht_op_grafieken(pagina)
        # on a phone the chosen wijk's opgaven are there in words, whatever the matrix chart does
        expect(pagina.get_by_text("Smitsveen: de opgaven op een rij")).to_be_visible()
        hele_pagina(pagina, "aandacht_telefoon")
    finally:
        context.close()


def test_inwoners_on_real_data(app_url, pagina):
    pagina.goto(f"{app_url}/inwoners")
    wacht_op_app(pagina)
    expect(pagina.get_by_text("Tellen én vertellen.").first).to_be_visible()
    wacht_op_grafieken(pagina)
    hele_pagina(pagina, "inwoners_echt")
    assert not echte_fouten(pagina), pagina.fouten


def test_inwoners_survey_and_voices_on_test_data(test_app_url, pagina):
    pagina.goto(f"{test_app_url}/inwoners")
    wacht_op_app(pagina)
    wacht_op_grafieken(pagina, 5)
    expect(pagina.get_by_text("Beantwoord door 30 van de 200 deelnemers.")).to_be_visible()
    expect(pagina.get_by_text("In woorden: meer ontmoetingsplekken: 52,5 %", exact=False)).to_be_visible()
    hele_pagina(pagina, "inwoners_testgegevens")
    assert not echte_fouten(pagina), pagina.fouten
    ernstig = axe_overtredingen(pagina)
    assert not ernstig, json.dumps(ernstig, indent=1, ensure_ascii=False)

    pagina.goto(f"{test_app_url}/inwoners?opgave=mentale_weerbaarheid&wijk=WK034205")
    wacht_op_app(pagina)
    wacht_op_grafieken(pagina)
    expect(pagina.get_by_text("Testjongeren zeggen", exact=False)).to_be_visible()
    assert not pagina.get_by_text("testbuurthuis", exact=False).count()
    hele_pagina(pagina, "inwoners_testgegevens_gefilterd")


def test_aandacht_through_the_menu(app_url, pagina):
    """Opened from the start page (the way the app shell is meant to run: wide layout, our style)."""
    pagina.goto(app_url)
    wacht_op_app(pagina)
    pagina.locator("[data-testid='stSidebar']").get_by_role("link", name="Aandacht per opgave").click()
    pagina.wait_for_url(re.compile(r".*/aandacht(\?.*)?$"), timeout=20_000)
    wacht_op_app(pagina)
    wacht_op_grafieken(pagina)
    pagina.get_by_role("combobox", name="Kies een wijk").click()
    pagina.keyboard.type("Smitsveen")
    pagina.keyboard.press("Enter")
    pagina.wait_for_function("() => location.search.includes('wijk=WK034205')", timeout=20_000)
    wacht_op_app(pagina)
    pagina.get_by_text("Smitsveen: de opgaven op een rij").wait_for(timeout=20_000)
    wacht_op_grafieken(pagina)
    hele_pagina(pagina, "aandacht_via_menu")
    assert not echte_fouten(pagina), pagina.fouten
