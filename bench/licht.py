"""Light on the wire: what a phone downloads for a first and a repeat visit, through scripts/serve.sh (nginx).

Chromium with a phone profile (390×844, touch, a phone's user agent) opens each page once in a fresh browser
context (first visit, empty cache) and then again in the same context (repeat visit: what the cache kept). The
browser talks to nginx through a small TCP relay that counts every byte nginx sends (HTTP with its compression and
the websocket with its permessage-deflate): the bytes on the wire. The DevTools protocol counts the responses, those
served from the cache, the HTTP bytes, and the websocket's messages unpacked (what Streamlit sends before compression).
A benchmark, not a test: the targets of issue 24 are printed beside the figures, the exit code is 1 when one is
missed.

Usage: .venv/bin/python bench/licht.py [--url http://127.0.0.1:8501] [--replicas 1]
Without --url it starts scripts/serve.sh itself on a free port and stops it afterwards.
"""
from __future__ import annotations

import argparse
import asyncio
import base64
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PAGINAS = {"start": "/", "wijkprofiel": "/wijkprofiel?wijk=WK034205"}
DOEL_EERSTE, DOEL_HERHAALD = 1_500_000, 150_000  # bytes (issue 24): first visit ≤ 1,5 MB, repeat visit ≤ 150 kB
TELEFOON = {
    "viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True,
    "locale": "nl-NL",
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/126.0 Mobile Safari/537.36",
}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(replicas: int, werkmap: Path) -> tuple[str, subprocess.Popen]:
    poort = _vrije_poort()
    omgeving = {**os.environ, "PORT": str(poort), "REPLICAS": str(replicas),
                "SOEST_RUN": str(werkmap)}
    proces = subprocess.Popen(["bash", "scripts/serve.sh"], cwd=PROJECT, env=omgeving, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    einde = time.monotonic() + 240
    while time.monotonic() < einde:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{poort}/gezond", timeout=2):
                return f"http://127.0.0.1:{poort}", proces
        except OSError:
            time.sleep(0.5)
    raise SystemExit("serve.sh kwam niet op")


class Teller:
    """A TCP relay on a free loopback port in front of `doel` (host, port), counting the bytes sent back."""

    def __init__(self, doel: tuple[str, int]):
        self.doel, self.ontvangen = doel, 0
        self.poort = _vrije_poort()
        self._lus = asyncio.new_event_loop()
        klaar = threading.Event()
        threading.Thread(target=self._draai, args=(klaar,), daemon=True).start()
        klaar.wait()

    def _draai(self, klaar: threading.Event) -> None:
        asyncio.set_event_loop(self._lus)
        self._lus.run_until_complete(asyncio.start_server(self._verbind, "127.0.0.1", self.poort))
        klaar.set()
        self._lus.run_forever()

    async def _verbind(self, lezer, schrijver) -> None:
        try:
            naar_lezer, naar_schrijver = await asyncio.open_connection(*self.doel)
        except OSError:
            schrijver.close()
            return
        await asyncio.gather(self._pomp(lezer, naar_schrijver, False), self._pomp(naar_lezer, schrijver, True))

    async def _pomp(self, lezer, schrijver, terug: bool) -> None:
        try:
            while data := await lezer.read(65536):
                if terug:
                    self.ontvangen += len(data)
                schrijver.write(data)
                await schrijver.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            schrijver.close()


class Meting:
    """Bytes and responses of one page load, from the DevTools protocol."""

    def __init__(self, context, page):
        self.antwoorden, self.uit_cache, self.http, self.ws, self.lijn = 0, 0, 0, 0, 0
        self.adres, self.grootte = {}, {}  # request id → URL, bytes on the wire
        self._cdp = context.new_cdp_session(page)
        self._cdp.send("Network.enable")
        self._cdp.on("Network.responseReceived", self._antwoord)
        self._cdp.on("Network.loadingFinished", self._klaar)
        self._cdp.on("Network.webSocketFrameReceived", self._bericht)

    def _klaar(self, e) -> None:
        self.http += e["encodedDataLength"]
        self.grootte[e["requestId"]] = e["encodedDataLength"]

    def grootste(self, aantal: int) -> list[tuple[int, str]]:
        return sorted(((n, self.adres.get(i, "?")) for i, n in self.grootte.items()), reverse=True)[:aantal]

    def _antwoord(self, e) -> None:
        self.antwoorden += 1
        self.adres[e["requestId"]] = e["response"]["url"]
        if e["response"].get("fromDiskCache") or e["response"].get("fromServiceWorker") \
                or e["response"].get("fromPrefetchCache"):
            self.uit_cache += 1

    def _bericht(self, e) -> None:
        data = e["response"]["payloadData"]
        self.ws += len(base64.b64decode(data)) if e["response"]["opcode"] == 2 else len(data.encode())


def bezoek(context, url: str, teller: Teller) -> Meting:
    page = context.new_page()
    meting = Meting(context, page)
    voor = teller.ontvangen
    page.goto(url)
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=120_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)
    page.wait_for_load_state("networkidle")
    time.sleep(2)  # late fonts, images and chart data
    page.close()
    meting.lijn = teller.ontvangen - voor
    return meting


def via_teller(url: str) -> tuple[Teller, str]:
    """A byte-counting relay in front of `url` (http://host:port), and the address to browse instead."""
    host, poort = url.removeprefix("http://").split(":")
    teller = Teller((host, int(poort)))
    return teller, f"http://127.0.0.1:{teller.poort}"


def chromium(p):
    """Debian's Chromium, headless, with the flags this closed network needs."""
    return p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu",
                                                             "--no-first-run", "--disable-quic"])


def meet(url: str) -> list[tuple[str, str, Meting]]:
    from playwright.sync_api import sync_playwright

    teller, url = via_teller(url)
    uit = []
    with sync_playwright() as p:
        browser = chromium(p)
        for naam, pad in PAGINAS.items():
            context = browser.new_context(**TELEFOON)
            uit.append((naam, "eerste bezoek", bezoek(context, url + pad, teller)))
            uit.append((naam, "herhaald bezoek", bezoek(context, url + pad, teller)))
            context.close()
        browser.close()
    return uit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running serve.sh (default: start one)")
    parser.add_argument("--replicas", type=int, default=1)
    parser.add_argument("--grootste", type=int, default=0, help="also list the N largest responses per visit")
    args = parser.parse_args(argv)
    proces = None
    with tempfile.TemporaryDirectory(prefix="soest-licht-") as werkmap:
        url = args.url
        if not url:
            url, proces = start_serve(args.replicas, Path(werkmap))
        try:
            metingen = meet(url)
        finally:
            if proces is not None:
                os.killpg(proces.pid, signal.SIGTERM)
                proces.wait(timeout=30)
    gemist = False
    print(f"{'pagina':<12} {'bezoek':<16} {'antwoorden':>10} {'uit cache':>9} {'HTTP kB':>9} {'ws uitgepakt':>12} "
          f"{'op de lijn kB':>13}  doel")
    for naam, soort, m in metingen:
        totaal = m.lijn
        doel = DOEL_EERSTE if soort == "eerste bezoek" else DOEL_HERHAALD
        gemist |= totaal > doel
        print(f"{naam:<12} {soort:<16} {m.antwoorden:>10} {m.uit_cache:>9} {m.http / 1000:>9.0f} {m.ws / 1000:>12.0f} "
              f"{totaal / 1000:>13.0f}  ≤ {doel / 1000:.0f} {'ok' if totaal <= doel else 'GEMIST'}")
        for n, adres in m.grootste(args.grootste):
            print(f"    {n / 1000:>7.0f} kB  {adres.split('/', 3)[-1][:90]}")
    return 1 if gemist else 0


if __name__ == "__main__":
    sys.exit(main())
