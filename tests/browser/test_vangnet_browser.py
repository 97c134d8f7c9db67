"""A bad database file on a running server (`streamlit run`, in Chromium): the page keeps showing its figures from
the last good file, the server's log names the refused file and why; with no good file at all the visitor reads a
plain Dutch notice without path, command or error name."""
from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import draaiende_app, wacht_op_app

pytestmark = pytest.mark.browser

KAART = "/kaart?indicator=test_moeite&jaar=2020"
SOEST = "Soest: 11,6"  # the fixture's Soest value for test_moeite in 2020 (tests/fixtures/data/waarden/test.csv)


def _afgekapt(pad, goed) -> None:
    """What a half-copied file looks like: a new file at the same path, a third of the good one."""
    pad.unlink()
    pad.write_bytes(goed.read_bytes()[: goed.stat().st_size // 3])


def test_a_truncated_new_database_leaves_the_page_with_its_figures(tmp_path, fixture_db, pagina):
    live, log = tmp_path / "live.duckdb", tmp_path / "server.log"
    shutil.copy(fixture_db, live)
    with open(log, "w") as uit, draaiende_app(live, log=uit) as url:
        pagina.goto(url + KAART)
        wacht_op_app(pagina)
        expect(pagina.get_by_text(SOEST).first).to_be_visible()
        _afgekapt(live, fixture_db)
        pagina.goto(url + KAART)  # a new session on the same server, after the file was replaced
        wacht_op_app(pagina)
        expect(pagina.get_by_text(SOEST).first).to_be_visible()
        assert "niet beschikbaar" not in pagina.inner_text("body")
    regels = [r for r in log.read_text().splitlines() if "Databasebestand geweigerd" in r]
    assert len(regels) == 1, log.read_text()[-2000:]
    assert str(live) in regels[0] and "beschadigd" in regels[0] and "vorige goede versie" in regels[0]


def test_without_a_good_database_the_visitor_reads_a_plain_notice(tmp_path, fixture_db, pagina):
    live, log = tmp_path / "live.duckdb", tmp_path / "server.log"
    shutil.copy(fixture_db, live)
    _afgekapt(live, fixture_db)
    with open(log, "w") as uit, draaiende_app(live, log=uit) as url:
        pagina.goto(url + KAART)
        pagina.wait_for_selector("[data-testid='stAlertContentError']", timeout=60_000)
        tekst = pagina.inner_text("[data-testid='stMain']")
    assert "De cijfers zijn op dit moment niet beschikbaar" in tekst
    for intern in (str(tmp_path), "/", "SOEST_DB", "python", "build", "DatabaseFout", "Error", "duckdb"):
        assert intern not in tekst, (intern, tekst)
    assert str(live) in log.read_text()
