"""WCAG 2.1 AA check with axe-core (from the npm registry, injected offline) on every page of the running app."""
import json

import pytest

from tests.browser.conftest import axe_overtredingen, wacht_op_app, wacht_op_opmaak

pytestmark = pytest.mark.browser
PAGINAS = ["", "kaart", "wijkprofiel?wijk=WK034205", "opgave?opgave=bestaanszekerheid",
           "vergelijken?wijken=WK034205,WK034207", "aandacht", "inwoners", "data"]


@pytest.mark.parametrize("pad", PAGINAS)
def test_page_has_no_serious_wcag_violations(app_url, pagina, pad):
    pagina.goto(f"{app_url}/{pad}")
    wacht_op_app(pagina)
    wacht_op_opmaak(pagina)
    ernstig = axe_overtredingen(pagina)
    assert not ernstig, json.dumps(ernstig, indent=1, ensure_ascii=False)
