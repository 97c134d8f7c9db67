"""AppTest on the app shell: start page, data page, and a clear Dutch message for a missing/corrupt database."""


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
    assert any("Onbekende indicator" in i.value for i in at.info)


def test_missing_database_gives_a_dutch_message_with_the_fix(app_op, tmp_path):
    at = app_op(tmp_path / "ontbreekt.duckdb").run()
    assert not at.exception
    assert "python -m soest_data build" in at.error[0].value


def test_corrupt_database_gives_a_dutch_message_with_the_fix(app_op, tmp_path):
    kapot = tmp_path / "kapot.duckdb"
    kapot.write_bytes(b"\x00kapot" * 1000)
    at = app_op(kapot).run()
    assert not at.exception
    assert "beschadigd" in at.error[0].value and "python -m soest_data build" in at.error[0].value
