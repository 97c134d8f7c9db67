"""Browser tier: the real app (`streamlit run`) on a free port, opened in Debian chromium through Playwright.

No browser download: Playwright drives /usr/bin/chromium (installed by scripts/test.sh when missing).
"""
from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
ARTEFACTEN = PROJECT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_VLAGGEN = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _vrije_poort() -> int:
    """A free port; SOEST_TESTPOORT=8790 keeps to 8790-8799 (on a shared machine each engineer has an own range)."""
    basis = int(os.environ.get("SOEST_TESTPOORT") or 0)
    for poort in range(basis, basis + 10) if basis else [0]:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", poort))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError(f"geen vrije poort in {basis}-{basis + 9}")


def start_streamlit(script: Path, db: Path, poort: int, log=subprocess.DEVNULL) -> subprocess.Popen:
    """`streamlit run script` against `db`; its output goes to `log` (an open file), by default nowhere."""
    env = {**os.environ, "SOEST_DB": str(db)}
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(poort),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT if log is not subprocess.DEVNULL else log)


def wacht_op_gezond(url: str, proces: subprocess.Popen, seconden: float = 60) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise RuntimeError("streamlit stopte tijdens het opstarten")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as antwoord:
                if antwoord.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("streamlit werd niet gezond binnen de tijd")


@contextmanager
def draaiende_app(db: Path, script: Path = PROJECT / "server.py", log=subprocess.DEVNULL):
    """`streamlit run server.py` (or another script, with the project's config) on a free port against `db`; yields its
    URL and stops it afterwards. Its output goes to `log` (an open file), by default nowhere."""
    poort = _vrije_poort()
    proces = start_streamlit(script, db, poort, log)
    url = f"http://127.0.0.1:{poort}"
    try:
        wacht_op_gezond(url, proces)
        yield url
    finally:
        proces.terminate()
        proces.wait(timeout=20)


@pytest.fixture(scope="session")
def app_url(echte_db) -> str:
    with draaiende_app(echte_db) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_VLAGGEN)
        yield b
        b.close()


@pytest.fixture
def pagina(browser):
    """A fresh page (1600×1000, like a projector) that records console errors in `pagina.fouten`."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="nl-NL")
    page = context.new_page()
    page.fouten = []
    page.on("console", lambda m: page.fouten.append(f"{m.text} [{m.location.get('url')}]") if m.type == "error" else None)
    page.on("pageerror", lambda e: page.fouten.append(str(e)))
    yield page
    context.close()


def echte_fouten(page) -> list[str]:
    """Console errors that are ours. Streamlit probes /<page>/_stcore/health and host-config before the root ones
    when a page is opened on its own path; those 404s (and a missing favicon) are not errors of the app."""
    return [f for f in page.fouten if "/_stcore/" not in f and "favicon" not in f]


def wacht_op_app(page, timeout: int = 60_000) -> None:
    """Wait until Streamlit finished the run: the app view is there and no element is still 'running'."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]') "
        "&& document.querySelector('[data-testid=\"stMain\"] h1')", timeout=timeout)


def wacht_op_grafieken(page, aantal: int = 1) -> None:
    """Until `aantal` Vega charts have drawn (a canvas or svg with a size)."""
    page.wait_for_function(f"""() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"] canvas, '
                               + '[data-testid="stVegaLiteChart"] svg')]
                               .filter(e => e.getBoundingClientRect().height > 0).length >= {aantal}""",
                           timeout=30_000)


def wacht_op_kaart(page) -> None:
    """Until deck.gl has drawn the map: its canvas exists and has a size."""
    page.wait_for_function("() => [...document.querySelectorAll('canvas')].some(c => c.width > 0 && c.height > 0)",
                           timeout=30_000)


def wacht_op_opmaak(page) -> None:
    """Until the browser has laid out and painted the current state (two animation frames)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))")


def hele_pagina(page, naam: str, max_hoogte: int = 14_000) -> Path:
    """Streamlit scrolls inside its own container, so a 'full page' shot stops at the window: make the window as
    tall as the content first (at the same width), then take the shot."""
    hoogte = page.evaluate("() => Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], "
                           "[data-testid=\"stMainBlockContainer\"]')].map(e => e.scrollHeight), 800)")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": min(int(hoogte) + 80, max_hoogte)})
    wacht_op_opmaak(page)
    return schermafdruk(page, naam)


AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"


@functools.cache
def _axe_bron() -> str:
    return AXE.read_text(encoding="utf-8")


def axe_overtredingen(page, alle_gewichten: bool = False) -> list[dict]:
    """Serious and critical WCAG 2.1 A/AA violations found by axe-core (npm registry, injected offline); with
    `alle_gewichten` also the moderate and minor ones."""
    if not AXE.exists():
        pytest.fail(f"{AXE} ontbreekt: draai bash scripts/test.sh (npm ci)")
    # Streamlit fades the elements of a run still in progress ('stale'): contrast is only measured on a settled page.
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]') "
                           "&& !document.querySelector('[data-stale=\"true\"]')", timeout=30_000)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))")
    if not page.evaluate("() => typeof axe !== 'undefined'"):  # a context may bring it on every page (init script)
        page.add_script_tag(content=_axe_bron())
    # only the violations are read: axe then skips writing out every passing node (half the time on a large page)
    resultaat = page.evaluate("""async () => await axe.run(document, {resultTypes: ['violations'],
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
    return [{"regel": v["id"], "impact": v["impact"], "hulp": v["help"], "waar": [n["target"] for n in v["nodes"][:3]]}
            for v in resultaat["violations"] if alle_gewichten or v["impact"] in ("serious", "critical")]


def schermafdruk(page, naam: str) -> Path:
    ARTEFACTEN.mkdir(exist_ok=True)
    pad = ARTEFACTEN / f"{naam}.png"
    page.screenshot(path=str(pad), full_page=True)
    return pad
