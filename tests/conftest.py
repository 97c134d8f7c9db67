"""Shared fixtures. The fixture database is built from tests/fixtures/data (TESTGEGEVENS, made up); the real
database from data/. Both are built into temporary folders, never over the app's own file."""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from soest_data.bronnen import bouw

PROJECT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = PROJECT / "tests" / "fixtures" / "data"
ECHTE_DATA = PROJECT / "data"
GEO = PROJECT / "geo"


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    doel = tmp_path_factory.mktemp("fixture") / "test.duckdb"
    bouw.bouw(FIXTURE_DATA, GEO, doel)
    return doel


@pytest.fixture(scope="session")
def echte_db(tmp_path_factory) -> Path:
    doel = tmp_path_factory.mktemp("echt") / "wijkprofielen.duckdb"
    bouw.bouw(ECHTE_DATA, GEO, doel)
    return doel


@pytest.fixture(scope="session")
def echte_gegevens(echte_db):
    """Everything the pages read (soest_data.gegevens.laad) from the real database, once per session: read only."""
    from soest_data import db
    from soest_data.gegevens import laad

    with db.verbinding(echte_db) as con:
        return laad(con)


@pytest.fixture
def fixture_data(tmp_path) -> Path:
    """A writable copy of the test sources, for tests that import into them."""
    kopie = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, kopie)
    return kopie


def _apptest(query: dict):
    """AppTest of app.py with these URL parameters, not yet run (SOEST_DB says which database it reads)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=60)
    for sleutel, waarde in query.items():
        at.query_params[sleutel] = waarde
    return at


def _geopend(at, pagina: str):
    at.switch_page(pagina).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def app_op(monkeypatch):
    """Point the app at a database: app_op(db_pad) → AppTest of app.py, not yet run."""
    def maak(db_pad: Path, **query):
        monkeypatch.setenv("SOEST_DB", str(db_pad))
        return _apptest(query)

    return maak


@pytest.fixture
def open_pagina(app_op):
    """open_pagina(db_pad, "pages/kaart.py", indicator=…) → the page run through app.py, without an exception."""
    return lambda db_pad, pagina, **query: _geopend(app_op(db_pad, **query), pagina)


@pytest.fixture(scope="session")
def bekijk_pagina():
    """bekijk_pagina(db_pad, "pages/kaart.py", indicator=…) → like open_pagina, but opened once per session and
    shared by every test that opens the same link: only to read. A test that changes a widget uses open_pagina."""
    geopend = {}

    def bekijk(db_pad: Path, pagina: str, **query):
        sleutel = (str(db_pad), pagina, tuple(sorted(query.items())))
        if sleutel not in geopend:
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("SOEST_DB", str(db_pad))
                geopend[sleutel] = _geopend(_apptest(query), pagina)
        return geopend[sleutel]

    return bekijk


def laatste_waarden(db_pad: Path, indicator: str) -> dict[str, float]:
    """Area code → value of the indicator's latest year, straight from the database."""
    from soest_data import db, waarden

    con = db.open_readonly(db_pad)
    rijen = waarden.alle_waarden(con)
    con.close()
    rijen = rijen[(rijen["indicator"] == indicator) & rijen["waarde"].notna()]
    rijen = rijen[rijen["jaar"] == rijen["jaar"].max()]
    return dict(zip(rijen["gebied_code"], rijen["waarde"]))


def uitersten(db_pad: Path, indicator: str) -> dict[str, str]:
    """The wijk with the highest and the lowest value and Soest's value (latest year), recomputed from the database
    and formatted the Dutch way: what a summary sentence must say, whatever next year's figures are."""
    from soest_data import db, opmaak, waarden

    con = db.open_readonly(db_pad)
    rijen = waarden.alle_waarden(con)
    con.close()
    rijen = rijen[(rijen["indicator"] == indicator) & rijen["waarde"].notna()]
    rijen = rijen[rijen["jaar"] == rijen["jaar"].max()]
    wijken = rijen[rijen["niveau"] == "wijk"].sort_values("waarde")
    eenheid = wijken["eenheid"].iloc[0]
    soest = rijen.loc[rijen["niveau"] == "gemeente", "waarde"]
    return {"hoogst": f"{wijken['gebied_naam'].iloc[-1]} ({opmaak.waarde_met_eenheid(wijken['waarde'].iloc[-1], eenheid)})",
            "laagst": f"{wijken['gebied_naam'].iloc[0]} ({opmaak.waarde_met_eenheid(wijken['waarde'].iloc[0], eenheid)})",
            "soest": opmaak.waarde_met_eenheid(soest.iloc[0], eenheid) if len(soest) else "geen gegevens",
            "jaar": str(int(rijen["jaar"].max()))}


def meldingen(at) -> list[str]:
    """The notices about the link (ui.meldingen) as a visitor reads them: each one's plain text."""
    return [html.unescape(m.group(1)) for h in at.html
            if (m := re.fullmatch(r"<div class='melding'>([^<>]*)</div>", h.value))]


def teksten(at) -> str:
    """All markdown on a page as one text."""
    return "\n".join(m.value for m in at.markdown)


def op_verzoek_aan(at):
    """Switch on every 'Toon …' switch (Uitklap op_verzoek) and rerun: what a visitor sees after asking for it all."""
    for schakelaar in at.toggle:
        if str(schakelaar.key or "").startswith("op-verzoek-"):
            schakelaar.set_value(True)
    return at.run()


def alle_teksten(at) -> str:
    """Every text a visitor can read on the page: markdown, captions, notices, plain text, code and exceptions."""
    soorten = (at.markdown, at.caption, at.info, at.warning, at.error, at.success, at.text, at.code, at.exception)
    return "\n".join(str(e.value) for soort in soorten for e in soort)


def snel_en_traag(gevallen: list, snel) -> list:
    """Parameters of a sweep: the representative case(s) `snel` (a list) in the fast loop, every other case marked
    traag. A case of several arguments is a tuple."""
    return [g if g in snel else pytest.param(*(g if isinstance(g, tuple) else (g,)), marks=pytest.mark.traag)
            for g in gevallen]


def pytest_addoption(parser):
    parser.addoption("--traag", action="store_true",
                     help="also the full sweeps marked traag (scripts/test.sh, and so CI, always passes this)")


def pytest_collection_modifyitems(config, items):
    """Mark each test with its tier by folder (unit, app, browser), so `pytest -m "not browser"` is the fast loop.
    Tests marked traag (the full sweeps behind a fast representative case) run with --traag or when -m names
    traag; otherwise they are skipped, visibly, so the fast loop stays fast."""
    traag = config.getoption("--traag") or "traag" in (config.getoption("markexpr") or "")
    overslaan = pytest.mark.skip(reason="traag: volledige sweep, draait met --traag (scripts/test.sh)")
    for item in items:
        tier = Path(item.fspath).parent.name
        if tier in ("unit", "app", "browser"):
            item.add_marker(getattr(pytest.mark, tier))
        if not traag and item.get_closest_marker("traag"):
            item.add_marker(overslaan)


def zonder_nederland_kwb_2024(data: Path) -> None:
    """The state before a CBS refresh of 2024 in a copy of data/: without the Nederland figures of KWB 2024 that
    data/waarden/vergelijk_cbs_kwb.csv already holds, so `vernieuw cbs --jaar 2024` has them to add."""
    pad = data / "waarden" / "vergelijk_cbs_kwb.csv"
    regels = pad.read_text(encoding="utf-8").splitlines(keepends=True)
    pad.write_text("".join(r for r in regels if not (r.startswith("NL01,") and ",cbs_kwb_2024," in r)),
                   encoding="utf-8")


def pytest_xdist_auto_num_workers(config) -> int:
    """`-n auto` (pyproject): the fast loop `pytest -m "not browser"` on two workers (one per core here: under a
    minute instead of ~1,5); everything else in one process (0 = no workers), the browser tier and CI included."""
    return 2 if (config.getoption("markexpr") or "").replace("'", '"') == "not browser" else 0
