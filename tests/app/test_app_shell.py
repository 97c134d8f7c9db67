"""AppTest on the app shell: start page, data page, and a plain Dutch notice for a missing/corrupt database."""
import logging

import pytest

from soest_data import db
from tests.conftest import meldingen


def test_start_page_says_what_the_dashboard_holds(app_op, echte_db):
    at = app_op(echte_db).run()
    assert not at.exception
    assert at.title[0].value == "Wijkprofielen Soest"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Wijken"] == "8"
    assert int(metrics["Indicatoren"]) >= 60


def test_data_page_shows_the_definition_from_the_url(app_op, fixture_db):
    at = app_op(fixture_db, indicator="test_moeite")
    at.switch_page("pages/data.py").run()
    assert not at.exception
    assert any(s.value == "Test moeite met rondkomen" for s in at.subheader)


def test_data_page_handles_an_unknown_indicator_in_the_url(app_op, fixture_db):
    at = app_op(fixture_db, indicator="<script>")
    at.switch_page("pages/data.py").run()
    assert not at.exception
    assert any("Onbekende indicator" in m for m in meldingen(at))


@pytest.mark.parametrize("soort", ["ontbreekt", "beschadigd"])
def test_without_a_good_database_the_visitor_reads_a_plain_notice_and_the_log_the_fix(app_op, tmp_path, caplog, soort):
    pad = tmp_path / f"{soort}.duckdb"
    if soort == "beschadigd":
        pad.write_bytes(b"\x00kapot" * 1000)
    with caplog.at_level(logging.ERROR, logger="soest_data.db"):
        at = app_op(pad).run()
    assert not at.exception
    assert at.error[0].value == db.GEEN_GEGEVENS  # no path, command, variable or error name (tests/unit/test_laatste_goede.py)
    assert str(pad) in caplog.text and soort in caplog.text and "python -m soest_data build" in caplog.text


def test_without_a_database_a_wijk_page_keeps_its_whole_menu_and_the_notice_is_on_the_page(app_op, tmp_path):
    # the menu keeps the wijk in its links, but reads no data for them: it is drawn whole above the notice
    at = app_op(tmp_path / "ontbreekt.duckdb", wijk="WK034205").run()
    at.switch_page("pages/wijkprofiel.py").run()
    assert not at.exception
    assert [e.value for e in at.main.error] == [db.GEEN_GEGEVENS] and not at.sidebar.error
    assert len(at.sidebar.get("page_link")) == 8
