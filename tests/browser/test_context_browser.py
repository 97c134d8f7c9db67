"""Soest in context in a real browser: the opgave's 'Soest in de regio', the wijkprofiel with Nederland and 'wat is
veranderd', the start page with the largest changes. Screenshots go to test-artifacts/ to be looked at."""
import pytest

from tests.browser.conftest import echte_fouten, hele_pagina, wacht_op_app, wacht_op_grafieken

pytestmark = pytest.mark.browser


def test_opgave_shows_soest_in_de_regio(app_url, pagina):
    pagina.goto(f"{app_url}/opgave?opgave=bestaanszekerheid")
    wacht_op_app(pagina)
    wacht_op_grafieken(pagina, 3)
    regio = pagina.get_by_role("heading", name="Soest in de regio")
    regio.scroll_into_view_if_needed()
    assert pagina.get_by_text("gunstiger dan Nederland").first.is_visible()
    pagina.wait_for_timeout(1000)
    hele_pagina(pagina, "opgave_bestaanszekerheid_regio")
    assert not echte_fouten(pagina), pagina.fouten


def test_wijkprofiel_shows_nederland_and_what_changed(app_url, pagina):
    pagina.goto(f"{app_url}/wijkprofiel?wijk=WK034205&opgave=mentale_weerbaarheid")
    wacht_op_app(pagina)
    wacht_op_grafieken(pagina, 2)
    assert pagina.get_by_role("heading", name="Wat is veranderd").is_visible()
    pagina.get_by_text("Toon de zes buurgemeenten").first.click()
    wacht_op_app(pagina)
    wacht_op_grafieken(pagina, 2)
    hele_pagina(pagina, "wijkprofiel_smitsveen_context")
    assert not echte_fouten(pagina), pagina.fouten


def test_start_page_names_the_largest_changes(app_url, pagina):
    pagina.goto(app_url)
    wacht_op_app(pagina)
    assert pagina.get_by_text("Wat is veranderd").first.is_visible()
    hele_pagina(pagina, "start_veranderd")
    assert not echte_fouten(pagina), pagina.fouten
