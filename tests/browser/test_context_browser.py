"""Soest in context in a real browser: the opgave's 'Soest in de regio', the wijkprofiel with Nederland, the
buurgemeenten switch and 'wat is veranderd', the start page with the largest changes. Screenshots go to
test-artifacts/ to be looked at."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_overtredingen, echte_fouten, hele_pagina, wacht_op_app, wacht_op_grafieken

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("pad, kop, uitklap, grafieken, schakelaar, naam", [
    ("/opgave?opgave=bestaanszekerheid", "Soest in de regio", "elk met de wijken op volgorde", 3, None,
     "opgave_bestaanszekerheid_regio"),
    ("/wijkprofiel?wijk=WK034205&opgave=mentale_weerbaarheid", "Wat is veranderd", "Ontwikkeling door de jaren", 2,
     "Toon de buurgemeenten", "wijkprofiel_smitsveen_context"),
    ("/", "Wat is veranderd", None, 0, None, "start_veranderd"),
])
def test_context_sections_render_without_errors(app_url, pagina, pad, kop, uitklap, grafieken, schakelaar, naam):
    pagina.goto(f"{app_url}{pad}")
    wacht_op_app(pagina)
    if uitklap:  # the charts with the references stand behind an Uitklap
        pagina.get_by_text(uitklap).first.click()
    wacht_op_grafieken(pagina, grafieken)
    expect(pagina.get_by_role("heading", name=kop).first).to_be_visible()
    if schakelaar:
        pagina.get_by_text(schakelaar).first.click()
        wacht_op_app(pagina)
        wacht_op_grafieken(pagina, grafieken)
    hele_pagina(pagina, naam)
    assert not echte_fouten(pagina), pagina.fouten
    assert not axe_overtredingen(pagina)


@pytest.mark.parametrize("breedte, hoogte", [(1280, 800), (390, 844)])
@pytest.mark.parametrize("pad, kop, naam", [
    ("/vergelijken?wijken=WK034205,WK034207", "De grootste verschillen", "vergelijken_nederland"),
    ("/aandacht?wijk=WK034205", "Eén wijk: welke opgaven vallen op, en waarom?", "aandacht_nederland"),
])
def test_nederland_is_shown_on_vergelijken_and_aandacht_on_laptop_and_phone(app_url, pagina, pad, kop, naam, breedte,
                                                                            hoogte):
    pagina.set_viewport_size({"width": breedte, "height": hoogte})
    pagina.goto(f"{app_url}{pad}")
    wacht_op_app(pagina)
    wacht_op_grafieken(pagina, 1)
    expect(pagina.get_by_role("heading", name=kop).first).to_be_visible()
    expect(pagina.get_by_text("Toon Nederland als referentie").first).to_be_visible()
    # Nederland is in a table head, on by default; the buurgemeenten only after the switch
    expect(pagina.locator("[data-testid='stTable'] th, [data-testid='stDataFrame']").filter(
        has_text="Nederland").first).to_be_attached()
    assert pagina.get_by_text("Amersfoort", exact=True).count() == 0
    pagina.get_by_text("Toon de buurgemeenten").first.click()
    wacht_op_app(pagina)
    assert not axe_overtredingen(pagina)  # waits until nothing on the page is left from the previous run
    wacht_op_grafieken(pagina, 1)
    hele_pagina(pagina, f"{naam}_{breedte}")
    assert not echte_fouten(pagina), pagina.fouten
