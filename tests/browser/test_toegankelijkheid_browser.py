"""WCAG 2.1 AA check with axe-core (from the npm registry, injected offline) on every page of the running app."""
import json
from pathlib import Path

import pytest

from tests.browser.conftest import PROJECT, wacht_op_app

pytestmark = pytest.mark.browser
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
PAGINAS = ["", "kaart", "wijkprofiel?wijk=WK034205", "opgave?opgave=bestaanszekerheid",
           "vergelijken?wijken=WK034205,WK034207", "aandacht", "inwoners", "data"]


@pytest.mark.parametrize("pad", PAGINAS)
def test_page_has_no_serious_wcag_violations(app_url, pagina, pad):
    if not AXE.exists():
        pytest.fail(f"{AXE} ontbreekt: draai bash scripts/test.sh (npm ci)")
    pagina.goto(f"{app_url}/{pad}")
    wacht_op_app(pagina)
    pagina.wait_for_timeout(1500)
    pagina.add_script_tag(content=Path(AXE).read_text(encoding="utf-8"))
    resultaat = pagina.evaluate("""async () => await axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
    ernstig = [{"regel": v["id"], "impact": v["impact"], "hulp": v["help"],
                "waar": [n["target"] for n in v["nodes"][:3]]}
               for v in resultaat["violations"] if v["impact"] in ("serious", "critical")]
    assert not ernstig, json.dumps(ernstig, indent=1, ensure_ascii=False)
