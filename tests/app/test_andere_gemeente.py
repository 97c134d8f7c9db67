"""AppTest: every screen of the app runs for a second gemeente (Amersfoort, data/gemeenten/GM0307/), chosen with
SOEST_GEMEENTE, and says its own name; what Soest alone has is reported missing, not shown as Soest's."""
from pathlib import Path

import pytest

from soest_data.bronnen import bouw
from tests.conftest import PROJECT, teksten

CODE = "GM0307"
SCHERMEN = [("app.py", {}), ("pages/kaart.py", {"niveau": "buurt"}), ("pages/wijkprofiel.py", {"wijk": "WK030707"}),
            ("pages/opgave.py", {"opgave": "kansengelijkheid"}), ("pages/vergelijken.py", {}),
            ("pages/aandacht.py", {"wijk": "WK030707"}), ("pages/inwoners.py", {}), ("pages/data.py", {})]


@pytest.fixture(scope="module")
def amersfoort_db(tmp_path_factory) -> Path:
    doel = tmp_path_factory.mktemp(CODE) / "wijkprofielen.duckdb"
    bouw.bouw(PROJECT / "data" / "gemeenten" / CODE, PROJECT / "geo" / "gemeenten" / CODE, doel)
    return doel


@pytest.mark.parametrize(("pagina", "query"), SCHERMEN, ids=[s[0] for s in SCHERMEN])
def test_every_screen_runs_for_the_second_gemeente(monkeypatch, app_op, amersfoort_db, pagina, query):
    monkeypatch.delenv("SOEST_DATA", raising=False)
    monkeypatch.setenv("SOEST_GEMEENTE", CODE)
    at = app_op(amersfoort_db, **query)
    if pagina != "app.py":
        at.switch_page(pagina)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    tekst = teksten(at)
    assert "Amersfoort" in tekst
    if pagina in ("app.py", "pages/inwoners.py"):
        assert "opgenomen" in tekst  # the missing Visie or survey is named, not filled with Soest's
