"""A beleidsmedewerker opens Bestaanszekerheid and then Smitsveen beside Soest-Zuid, and shares that view by link.
Screenshots in test-artifacts/: opgave_bestaanszekerheid, vergelijken_smitsveen_soest_zuid, vergelijken_drie_wijken."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    echte_fouten,
    hele_pagina,
    schermafdruk,
    wacht_op_app,
    wacht_op_grafieken,
)

pytestmark = pytest.mark.browser


def test_bestaanszekerheid_page(app_url, pagina):
    pagina.goto(f"{app_url}/opgave?opgave=bestaanszekerheid")
    wacht_op_app(pagina)
    expect(pagina.get_by_role("heading", name="Opgave: Bestaanszekerheid")).to_be_visible()
    expect(pagina.get_by_text("We willen dat", exact=False).first).to_be_visible()
    # the wijken that stand out are on the page; the long overviews open on demand
    expect(pagina.get_by_text("Meest ongunstig eerst", exact=False).first).to_be_visible()
    pagina.get_by_text("indicatoren in één overzicht, per wijk").click()
    pagina.get_by_text("elk met de wijken op volgorde").click()
    wacht_op_grafieken(pagina, 3)
    # the matrix and the bars are drawn, and the matrix says its judgements in words
    assert pagina.locator("[data-testid='stVegaLiteChart']").count() >= 3
    expect(pagina.get_by_text("▼ ongunstig: slechter dan Soest", exact=False).first).to_be_visible()
    pad = hele_pagina(pagina, "opgave_bestaanszekerheid")
    assert pad.stat().st_size > 50_000
    assert not echte_fouten(pagina), echte_fouten(pagina)


def test_compare_page_is_the_shared_link(app_url, pagina):
    pagina.goto(f"{app_url}/vergelijken?wijken=WK034205,WK034207")
    wacht_op_app(pagina)
    wacht_op_grafieken(pagina)
    expect(pagina.get_by_role("heading", name="Wijken vergelijken")).to_be_visible()
    expect(pagina.get_by_text("De grootste verschillen tussen Smitsveen en Soest-Zuid", exact=False).first).to_be_visible()
    # the chart has the summary as its text alternative
    beschrijving = pagina.locator("[data-testid='stVegaLiteChart']").first.evaluate(
        "e => [e, ...e.querySelectorAll('[aria-label]')].map(x => x.getAttribute('aria-label') || '').join(' ')")
    assert "De grootste verschillen tussen Smitsveen en Soest-Zuid" in beschrijving
    hele_pagina(pagina, "vergelijken_smitsveen_soest_zuid")
    assert not echte_fouten(pagina), echte_fouten(pagina)


def test_compare_three_wijken_with_soest(app_url, pagina):
    pagina.goto(f"{app_url}/vergelijken?wijken=WK034205,WK034207,WK034202&soest=ja")
    wacht_op_app(pagina)
    wacht_op_grafieken(pagina)
    expect(pagina.get_by_text("De grootste verschillen tussen Klaarwater, Smitsveen en Soest-Zuid",
                              exact=False).first).to_be_visible()
    schermafdruk(pagina, "vergelijken_drie_wijken")
    assert not echte_fouten(pagina), echte_fouten(pagina)
