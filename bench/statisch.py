"""The public edition: how long publishing takes, what a phone downloads, and what nginx holds (issue 25).

(a) `python -m soest_data publiceer` into a temporary folder: wall time, pages, files and total size.
(b) A first visit on a phone profile (bench/licht.py's: 390×844, touch, a phone's user agent, empty cache) to the
    start page and a wijkprofiel through nginx with deploy/nginx-statisch.conf (scripts/statisch.sh): the bytes on the
    wire (a TCP relay counts what nginx sends, compressed) and the first contentful paint in Chromium.
(c) wrk with 1.000 open connections for --duur seconds (≤ 60) against the same nginx on loopback, each request a
    random page, style sheet or download of the site (compression asked for, as a browser does): p50/p95/p99,
    requests per second, errors (connect, read, write, timeout, and any answer of 400 or more).
(d) with --axe: axe-core (WCAG 2.1 A/AA, every impact: tests/browser/conftest.axe_overtredingen) on every page of the
    site at the phone's width (390), one after another in one browser context; too slow for the test suite (some 400
    pages), which checks one page of each kind at 390 and 1280 (tests/browser/test_statisch_browser.py).
A benchmark, not a test: the targets of the issue are printed beside the figures; the exit code is 1 when one is
missed. For comparison: the interactive app needed 4 Streamlit replicas on this machine's 2 cores for 100 sessions
(p95 0,38 s; scripts/serve.sh, bench/load.py).

Usage: .venv/bin/python bench/statisch.py [--site map] [--duur 30] [--verbindingen 1000] [--axe]
With --site it measures an already published folder and skips (a). Needs nginx, chromium and wrk (Debian).
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from licht import TELEFOON, _vrije_poort, chromium, via_teller

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
from tests.browser.conftest import AXE, axe_overtredingen  # noqa: E402

PAGINAS = {"start": "/", "wijkprofiel": "/wijkprofiel?wijk=WK034205"}  # the app's link: nginx sends it on
DOEL_PUBLICEREN, DOEL_BYTES, DOEL_FCP, DOEL_P95 = 300.0, 300_000, 1.0, 0.100  # s, bytes, s, s


def publiceer(uit: Path) -> tuple[float, float, str]:
    """Wall time and CPU time (all its processes) of one publication, and what it said."""
    start, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    klaar = subprocess.run([sys.executable, "-m", "soest_data", "publiceer", "--uit", str(uit)], cwd=PROJECT,
                           capture_output=True, text=True)
    if klaar.returncode:
        raise SystemExit(f"publiceer faalde: {klaar.stderr[-2000:]}")
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - start, na.ru_utime + na.ru_stime - cpu.ru_utime - cpu.ru_stime, klaar.stdout.strip()


def omvang(site: Path) -> tuple[int, int, int]:
    bestanden = [p for p in site.rglob("*") if p.is_file()]
    return len(list(site.rglob("index.html"))), len(bestanden), sum(p.stat().st_size for p in bestanden)


class Nginx:
    """scripts/statisch.sh on a free loopback port."""

    def __init__(self, site: Path):
        self.poort = _vrije_poort()
        self.proces = subprocess.Popen(["bash", "scripts/statisch.sh", str(site)], cwd=PROJECT, start_new_session=True,
                                       env={**os.environ, "PORT": str(self.poort), "HOST": "127.0.0.1"},
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.poort}"
        einde = time.monotonic() + 30
        while time.monotonic() < einde:
            try:
                urllib.request.urlopen(self.url + "/", timeout=2).close()
                return
            except OSError:
                time.sleep(0.2)
        raise SystemExit("nginx kwam niet op (scripts/statisch.sh)")

    def stop(self) -> None:
        self.proces.send_signal(signal.SIGTERM)
        self.proces.wait(timeout=20)


def eerste_bezoek(url: str) -> list[tuple[str, int, float, int]]:
    """Per page: (name, bytes on the wire, first contentful paint in s, responses)."""
    from playwright.sync_api import sync_playwright

    teller, relais = via_teller(url)
    uit = []
    with sync_playwright() as p:
        browser = chromium(p)
        browser.new_context().close()  # the browser itself warmed up: not part of a visit
        for naam, pad in PAGINAS.items():
            context = browser.new_context(**TELEFOON)
            page = context.new_page()
            antwoorden: list = []
            page.on("response", lambda r, lijst=antwoorden: lijst.append(r.url))
            voor = teller.ontvangen
            page.goto(relais + pad, wait_until="load")
            page.wait_for_load_state("networkidle")
            fcp = page.evaluate("() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1")
            time.sleep(0.5)
            uit.append((naam, teller.ontvangen - voor, fcp / 1000, len(antwoorden)))
            context.close()
        browser.close()
    return uit


def axe_overal(url: str, site: Path) -> tuple[int, float, dict[str, list[dict]]]:
    """axe on every page of `site` at 390 wide, in one context that brings axe along on every page: (pages checked,
    seconds, violations per page)."""
    from playwright.sync_api import sync_playwright

    paden = sorted(f"/{p.relative_to(site).parent}/".replace("/./", "/") for p in site.rglob("index.html"))
    gevonden = {}
    with sync_playwright() as p:
        browser = chromium(p)
        # axe is a script; the site's own CSP forbids every script, so this context alone ignores it
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", bypass_csp=True)
        context.add_init_script(path=str(AXE))
        page = context.new_page()
        start = time.perf_counter()
        for pad in paden:
            page.goto(url + pad)
            if overtredingen := axe_overtredingen(page, alle_gewichten=True):
                gevonden[pad] = overtredingen
        seconden = time.perf_counter() - start
        browser.close()
    return len(paden), seconden, gevonden


LUA = """
local paden = {}
for regel in io.lines("%s") do paden[#paden + 1] = regel end
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%%x+)"), 16) %% 100000)
request = function()
  return wrk.format("GET", paden[math.random(#paden)], {["Accept-Encoding"] = "br, gzip"})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULTAAT %%d %%d %%d %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read + e.write, e.timeout, e.status))
end
"""


def last(url: str, site: Path, duur: int, verbindingen: int) -> dict[str, float]:
    """wrk at `verbindingen` open connections for `duur` s over a random mix of the site's pages and files."""
    paden = [f"/{p.relative_to(site).parent}/".replace("/./", "/") for p in site.rglob("index.html")]
    stijl = [f"/{p.relative_to(site)}" for p in (site / "stijl").iterdir()]
    bestanden = [f"/{p.relative_to(site)}" for p in site.rglob("*.csv")]
    mengsel = paden * 8 + stijl * 100 + random.Random(25).sample(bestanden, min(len(bestanden), 200))
    with tempfile.TemporaryDirectory(prefix="soest-wrk-") as map_:
        lijst, script = Path(map_) / "paden.txt", Path(map_) / "mix.lua"
        lijst.write_text("\n".join(mengsel) + "\n", encoding="utf-8")
        script.write_text(LUA % lijst, encoding="utf-8")
        klaar = subprocess.run(["wrk", "-t", "2", "-c", str(verbindingen), "-d", f"{duur}s", "--timeout", "10s",
                                "-s", str(script), url], capture_output=True, text=True, timeout=duur + 60)
    regel = next((r for r in klaar.stdout.splitlines() if r.startswith("RESULTAAT")), None)
    if regel is None:
        raise SystemExit(f"wrk gaf geen uitkomst: {klaar.stdout[-1000:]} {klaar.stderr[-1000:]}")
    n, duur_us, p50, p95, p99, hoogst, verbinden, lezen, tijd, status = map(int, regel.split()[1:])
    return {"verzoeken": n, "per_seconde": n / (duur_us / 1e6), "p50": p50 / 1e6, "p95": p95 / 1e6, "p99": p99 / 1e6,
            "max": hoogst / 1e6, "fouten": verbinden + lezen + tijd + status, "verbinden": verbinden,
            "lezen/schrijven": lezen, "time-out": tijd, "status ≥ 400": status}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already published folder (skips the publishing time)")
    parser.add_argument("--duur", type=int, default=30, help="seconds of load (at most 60)")
    parser.add_argument("--verbindingen", type=int, default=1000)
    parser.add_argument("--axe", action="store_true", help="also axe on every page at 390 wide (some minutes)")
    args = parser.parse_args(argv)
    for nodig in ("nginx", "wrk"):
        if shutil.which(nodig) is None and not Path(f"/usr/sbin/{nodig}").exists():
            raise SystemExit(f"{nodig} ontbreekt: apt-get install {nodig}")
    gemist = []
    with tempfile.TemporaryDirectory(prefix="soest-statisch-") as tijdelijk:
        site = args.site
        if site is None:
            site = Path(tijdelijk) / "site"
            belasting = os.getloadavg()[0]
            seconden, cpu, melding = publiceer(site)
            print(f"(a) publiceren: {seconden:.0f} s ({melding}); doel ≤ {DOEL_PUBLICEREN:.0f} s. CPU-tijd van alle "
                  f"processen {cpu:.0f} s: op {os.cpu_count()} vrije cores zo'n {cpu / (os.cpu_count() or 1):.0f} s. "
                  f"Belasting van de machine bij de start: {belasting:.1f}")
            gemist += ["publiceren"] if seconden > DOEL_PUBLICEREN else []
        paginas, bestanden, bytes_ = omvang(site)
        print(f"    {paginas} pagina's, {bestanden} bestanden, samen {bytes_ / 1e6:.1f} MB")
        nginx = Nginx(site)
        try:
            print("(b) eerste bezoek, telefoonprofiel, via nginx (gecomprimeerd over de lijn):")
            for naam, lijn, fcp, antwoorden in eerste_bezoek(nginx.url):
                print(f"    {naam:12} {lijn / 1000:7.1f} kB in {antwoorden} antwoorden, eerste inhoud {fcp:.2f} s "
                      f"(doel ≤ {DOEL_BYTES // 1000} kB, ≤ {DOEL_FCP:.0f} s)")
                gemist += [f"{naam} bytes"] if lijn > DOEL_BYTES else []
                gemist += [f"{naam} eerste inhoud"] if not 0 <= fcp <= DOEL_FCP else []
            duur = min(args.duur, 60)
            print(f"(c) wrk: {args.verbindingen} verbindingen, {duur} s, gemengde adressen (pagina's, stijl, downloads):")
            uit = last(nginx.url, site, duur, args.verbindingen)
            print(f"    {uit['verzoeken']} verzoeken ({uit['per_seconde']:.0f}/s); p50 {uit['p50'] * 1000:.0f} ms, "
                  f"p95 {uit['p95'] * 1000:.0f} ms, p99 {uit['p99'] * 1000:.0f} ms, max {uit['max'] * 1000:.0f} ms "
                  f"(doel p95 ≤ {DOEL_P95 * 1000:.0f} ms)")
            print(f"    fouten: {uit['fouten']} (verbinden {uit['verbinden']}, lezen/schrijven {uit['lezen/schrijven']}, "
                  f"time-out {uit['time-out']}, status ≥ 400 {uit['status ≥ 400']}; doel 0)")
            gemist += ["p95"] if uit["p95"] > DOEL_P95 else []
            gemist += ["fouten"] if uit["fouten"] else []
            if args.axe:
                aantal, seconden, gevonden = axe_overal(nginx.url, site)
                print(f"(d) axe (WCAG 2.1 A/AA, elk gewicht) op elke pagina, 390 breed: {aantal} pagina's in "
                      f"{seconden:.0f} s; {len(gevonden)} met overtredingen (doel 0)")
                for pad, overtredingen in list(gevonden.items())[:10]:
                    print(f"    {pad}: " + "; ".join(f"{o['regel']} ({o['impact']}) {o['waar']}" for o in overtredingen))
                gemist += ["axe"] if gevonden else []
        finally:
            nginx.stop()
    print("Ter vergelijking de interactieve app: bench/load.py --sessies 100 --replicas 4 (meet het in dezelfde "
          "periode; een getal hier zou verouderen).")
    print("Gehaald." if not gemist else f"Niet gehaald: {', '.join(gemist)}.")
    return 1 if gemist else 0


if __name__ == "__main__":
    sys.exit(main())
