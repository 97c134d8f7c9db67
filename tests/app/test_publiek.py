"""The public view as a visitor gets it: what really goes over the websocket (bench/sessie.py speaks Streamlit's
protocol), fresh data after a rebuild without a restart, no traceback, hostile links, small counts, the proxy."""
from __future__ import annotations

import asyncio
import importlib
import os
import random
import re
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

from bench.sessie import Sessie
from soest_data.bronnen import bouw
from tests.browser.conftest import _vrije_poort, draaiende_app
from tests.conftest import GEO, PROJECT, alle_teksten
from tests.unit.test_url_fuzz import VIJANDIG, WAARDEN


async def _bezoek(url: str, pagina: str, query: str = ""):
    sessie = await Sessie.open(url)
    try:
        return await sessie.run(pagina, query)
    finally:
        await sessie.sluit()


def bezoek(url: str, pagina: str, query: str = ""):
    return asyncio.run(_bezoek(url, pagina, query))


def test_een_fout_geeft_de_bezoeker_geen_traceback(tmp_path):
    """A page that raises, served with the project's .streamlit/config.toml: the browser gets a generic message,
    no stack trace, no exception type, no message text, no file path."""
    kapot = tmp_path / "kapot.py"
    kapot.write_text("import streamlit as st\nst.title('Kapot')\n"
                     "raise RuntimeError('geheim: /srv/soest/wachtwoord.txt')\n", encoding="utf-8")
    with draaiende_app(tmp_path / "geen.duckdb", kapot) as url:
        run = bezoek(url, "")
    assert run.uitzonderingen, "the page must fail, or this test proves nothing"
    for fout in run.uitzonderingen:
        assert not fout.stack_trace
        zichtbaar = f"{fout.type} {fout.message}"
        assert "RuntimeError" not in zichtbaar and "geheim" not in zichtbaar and "/srv/" not in zichtbaar
        assert str(tmp_path) not in zichtbaar and "kapot.py" not in zichtbaar


def _met_soest_moeite(data: Path, waarde: str) -> None:
    csv = data / "waarden" / "test.csv"
    frame = pd.read_csv(csv, dtype=str, keep_default_na=False)
    frame.loc[(frame["gebied_code"] == "GM0342") & (frame["indicator"] == "test_moeite")
              & (frame["jaar"] == "2020"), "waarde"] = waarde
    frame.to_csv(csv, index=False)


def test_een_nieuwe_database_bereikt_de_volgende_bezoeker_zonder_herstart(tmp_path, fixture_data):
    """Build while the app runs: a new session sees the new value (connections are keyed by the file identity)."""
    doel = tmp_path / "live.duckdb"
    bouw.bouw(fixture_data, GEO, doel)
    with draaiende_app(doel) as url:
        voor = bezoek(url, "kaart", "indicator=test_moeite&jaar=2020")
        assert any("Soest: 11,6" in t for t in voor.teksten), voor.teksten[:8]
        _met_soest_moeite(fixture_data, "13.4")
        bouw.bouw(fixture_data, GEO, doel)  # atomic replace of the file the server is reading
        na = bezoek(url, "kaart", "indicator=test_moeite&jaar=2020")
    assert not na.fout
    assert any("Soest: 13,4" in t for t in na.teksten) and not any("Soest: 11,6" in t for t in na.teksten)


PAGINAS = {
    "pages/kaart.py": ["indicator", "jaar", "niveau"], "pages/wijkprofiel.py": ["wijk", "opgave"],
    "pages/opgave.py": ["opgave"], "pages/vergelijken.py": ["wijken", "soest"],
    "pages/aandacht.py": ["wijk", "marge"], "pages/inwoners.py": ["opgave", "wijk"], "pages/data.py": ["indicator"],
}


@pytest.mark.parametrize("pagina", list(PAGINAS))
def test_vijandige_links_op_elke_pagina(fixture_db, open_pagina, pagina):
    """Sampled from the fuzz values: every parameter of the page at once; no exception, notices literal."""
    rnd = random.Random(pagina)
    query = {sleutel: rnd.choice(VIJANDIG + rnd.sample(WAARDEN, 5)) for sleutel in PAGINAS[pagina]}
    at = open_pagina(fixture_db, pagina, **query)
    # a notice that quotes the link is escaped plain text (ui.meldingen), never markdown in st.info or st.markdown
    notities = [h.value for h in at.html if "melding" in h.value]
    assert all(re.fullmatch(r"<div class='melding'>[^<>]*</div>", n) for n in notities), notities
    assert not [t for t in [*(i.value for i in at.info), *(m.value for m in at.markdown)] if "„" in t]  # no quoted link text
    zichtbaar = alle_teksten(at)
    assert not at.exception and "Traceback" not in zichtbaar and 'File "' not in zichtbaar


def test_de_kaart_toont_een_klein_aantal_als_afgeschermd(fixture_db, open_pagina):
    """The fixture plants 5 for Boerenstreek: the map's table says 'afgeschermd', never 5."""
    at = open_pagina(fixture_db, "pages/kaart.py", indicator="test_bijstand")
    tabel = at.dataframe[0].value
    rij = tabel[tabel["Gebied"] == "Boerenstreek"].iloc[0].astype(str)
    assert not any(v.strip() in {"5", "5,0", "5.0"} for v in rij)
    assert any("afgeschermd" in v for v in rij)


@pytest.mark.traag  # starts nginx and two Streamlit servers: a deployment check, run by scripts/test.sh (CI)
@pytest.mark.skipif(shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
                    reason="nginx ontbreekt (scripts/test.sh installeert het)")
def test_proxy_met_twee_replicas(tmp_path, echte_db):
    """scripts/serve.sh: health check, security headers, a sticky cookie, a page over the proxied websocket,
    compression and cache headers, and nothing private served (the database file, data/, Streamlit's metrics)."""
    poort = _vrije_poort()
    omgeving = {**os.environ, "PORT": str(poort), "REPLICAS": "2", "SOEST_RUN": str(tmp_path / "run"),
                "SOEST_DB": str(echte_db)}
    proces = subprocess.Popen(["bash", "scripts/serve.sh"], cwd=PROJECT, env=omgeving, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(240):
            try:
                with urllib.request.urlopen(f"{url}/gezond", timeout=2) as antwoord:
                    koppen = antwoord.headers
                    break
            except OSError:
                asyncio.run(asyncio.sleep(0.5))
        else:
            pytest.fail("de proxy kwam niet op")
        assert "frame-ancestors 'none'" in koppen["Content-Security-Policy"]
        assert koppen["X-Content-Type-Options"] == "nosniff" and koppen["Referrer-Policy"] == "no-referrer"
        assert "soest_sessie=" in koppen["Set-Cookie"] or "soest_sessie=" in str(koppen.get_all("Set-Cookie"))
        run = bezoek(url, "wijkprofiel", "wijk=WK034205")
        assert not run.fout and any("Smitsveen" in t for t in run.teksten)
        _licht_en_dicht(url, echte_db)
    finally:
        os.killpg(proces.pid, 15)
        proces.wait(timeout=30)


def _vraag(url: str, **koppen) -> tuple[int, dict, bytes]:
    verzoek = urllib.request.Request(url, headers=koppen)
    try:
        with urllib.request.urlopen(verzoek, timeout=10) as antwoord:
            return antwoord.status, dict(antwoord.headers), antwoord.read()
    except urllib.error.HTTPError as fout:
        return fout.code, dict(fout.headers), fout.read()


def _licht_en_dicht(url: str, db_pad: Path) -> None:
    # Streamlit's hashed files: compressed, kept a year; the page's HTML asked again every time
    _, koppen, html = _vraag(url + "/wijkprofiel")
    assert koppen["Cache-Control"] == "no-cache"
    script = re.search(r'/static/js/[^"]+\.js', html.decode()).group(0)
    status, koppen, _ = _vraag(url + script, **{"Accept-Encoding": "gzip"})
    assert status == 200 and koppen["Content-Encoding"] == "gzip"
    assert koppen["Cache-Control"] == "public, max-age=31536000, immutable"
    # never the database (it holds the unhidden small counts), data/ or the session count, however it is asked for
    naam = db_pad.name
    for pad in ["/_stcore/metrics", "/wijkprofiel/_stcore/metrics", f"/{naam}", f"/data/{naam}", f"/DATA/{naam}",
                "/data/%77ijkprofielen.duckdb", f"/app/static/../../data/{naam}", f"/static/../data/{naam}",
                "/data/waarden/cbs_kwb.csv", "/data/catalogus/", f"/{naam}.wal", "/.run/nginx.conf"]:
        status, _, inhoud = _vraag(url + pad)
        assert status in (200, 404), (pad, status)
        assert b"DUCK" not in inhoud[:64] and b"gebied_code" not in inhoud and b"# TYPE" not in inhoud, pad
        if status == 200:  # only ever the app's own page (Streamlit answers an unknown path with it)
            assert b"<title>Streamlit</title>" in inhoud, pad


def test_a_download_comes_from_the_database_of_the_page_that_offers_it(tmp_path, fixture_data, monkeypatch):
    """Show a page, rebuild the database with another value, then 'click' its downloads: the open page's files hold
    the figures that page shows, a fresh page's files the new ones (never old figures under a new version)."""
    from soest_data import db
    from soest_data.gegevens import lees
    from soest_data.weergave import afgeleid, bronregels
    from soest_data.weergave.blokken import Download
    from soest_data.weergave.paginas import kaart
    ui_gegevens = importlib.import_module("ui.gegevens")  # the module (ui.gegevens is also the function)

    doel = tmp_path / "live.duckdb"
    bouw.bouw(fixture_data, GEO, doel)
    monkeypatch.setenv("SOEST_DB", str(doel))
    houder = db.LaatsteGoede(doel, lees)
    monkeypatch.setattr(ui_gegevens, "_database", lambda pad: houder)

    def downloads(g) -> str:
        staat = kaart.staat_uit({"indicator": "test_moeite", "jaar": "2020"}, g)
        inhoud = ui_gegevens.inhoud(kaart.bouw, g, staat)
        return "\n".join(bronregels.downloadtabel(g, d.frame, d.indicator_ids, d.bron_id).to_csv()
                         for d in inhoud.alle(Download))

    oud = ui_gegevens.gegevens()  # the page as drawn before the rebuild
    _met_soest_moeite(fixture_data, "13.4")
    bouw.bouw(fixture_data, GEO, doel)
    nieuw = ui_gegevens.gegevens()  # a fresh page after it
    assert nieuw is not oud
    assert "11.6" in downloads(oud) and "13.4" not in downloads(oud)
    assert "13.4" in downloads(nieuw) and "11.6" not in downloads(nieuw)
    assert afgeleid.inhoud(nieuw, kaart.bouw, kaart.staat_uit({"indicator": "test_moeite"}, nieuw)) is not \
        afgeleid.inhoud(oud, kaart.bouw, kaart.staat_uit({"indicator": "test_moeite"}, oud))


def test_een_nieuwe_database_is_klaar_voordat_een_bezoeker_hem_krijgt(tmp_path, fixture_data, monkeypatch):
    """After a rebuild the server reads the new file and makes what every visitor reads of it (afgeleid.voor_iedereen) before
    it serves it: the first visitor after an update finds the tally and every map label already made, as after a
    start."""
    from soest_data.weergave import afgeleid
    ui_gegevens = importlib.import_module("ui.gegevens")

    doel = tmp_path / "live.duckdb"
    bouw.bouw(fixture_data, GEO, doel)
    monkeypatch.setenv("SOEST_DB", str(doel))
    ui_gegevens._database.cache_clear()
    oud = ui_gegevens.gegevens()
    _met_soest_moeite(fixture_data, "13.4")
    bouw.bouw(fixture_data, GEO, doel)
    nieuw = ui_gegevens.gegevens()
    assert nieuw is not oud
    gemaakt = afgeleid.gemaakt(nieuw)
    verwacht = {(geef.__module__, geef.__qualname__, tuple(argumenten))
                for geef, vooraf in afgeleid._VOORAF for argumenten in vooraf(nieuw)}
    assert ("soest_data.weergave.afgeleid", "telling", (afgeleid.scoring.STANDAARD_MARGE,)) in verwacht
    assert not verwacht - gemaakt
    ui_gegevens._database.cache_clear()
