"""Helpers for the tests of the public edition: a sample of its pages published quickly, a link checker over a
published folder, and nginx with deploy/nginx-statisch.conf (scripts/statisch.sh) on a free loopback port."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from soest_data.weergave import publiceer
from tests.browser.conftest import _vrije_poort
from tests.conftest import PROJECT

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
zonder_nginx = pytest.mark.skipif(NGINX is None, reason="nginx ontbreekt (scripts/test.sh installeert het)")

# One page of every kind (start, kaart per wijk and per buurt, wijkprofiel, opgave, vergelijken of a pair and of one
# wijk beside the gemeente, aandacht with and without a wijk, inwoners, data, the wijk list): the pages the browser
# tests and the fast link check look at.
SOORTEN = ("start", "kaart", "kaart-buurten", "wijkprofiel", "wijkprofiel-opgave", "opgave", "vergelijken",
           "vergelijken-gemeente", "aandacht", "aandacht-wijk", "inwoners", "data", "wijken")


def soort(p: publiceer.Pagina) -> str:
    delen = p.pad.strip("/").split("/")
    if p.pad == "":
        return "start"
    if delen[0] == "kaart":
        return "kaart-buurten" if delen[-1] == "buurten" else "kaart"
    if delen[0] == "wijk":
        return {1: "wijken", 2: "wijkprofiel"}.get(len(delen), "wijkprofiel-opgave")
    if delen[0] == "vergelijken":
        return "vergelijken" if len(p.staat.wijken) > 1 else "vergelijken-gemeente"
    if delen[0] == "aandacht":
        return "aandacht-wijk" if len(delen) > 1 else "aandacht"
    return delen[0]


def steekproef(paginas: list[publiceer.Pagina]) -> list[publiceer.Pagina]:
    """The first page of every kind, in the edition's order."""
    gekozen: dict[str, publiceer.Pagina] = {}
    for p in paginas:
        gekozen.setdefault(soort(p), p)
    assert set(gekozen) == set(SOORTEN), set(SOORTEN) ^ set(gekozen)
    return list(gekozen.values())


def publiceer_steekproef(g, uit: Path, **opties) -> list[publiceer.Pagina]:
    """Publish only the sample (in this process); returns the whole edition's pages (to tell a link to a page that
    is not in the sample from a broken one)."""
    alle = publiceer.Site(g).paginas()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(publiceer.Site, "paginas", lambda self: steekproef(alle))
        publiceer.publiceer(g, uit, processen=1, **opties)
    return alle


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ankers: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        for naam, waarde in attrs:
            if naam in ("href", "src") and waarde is not None:
                self.links.append(waarde)
            if naam == "id" and waarde:
                self.ankers.add(waarde)


def gebroken_links(site: Path, ook_bekend: set[str] = frozenset()) -> tuple[list[str], int]:
    """Every href and src of every page, checked against the files written: (broken ones as 'page → link', the
    number checked). A link to /pad/ needs /pad/index.html, a link to a file the file, '#anker' an id on that page.
    Links away from the site (https://…, mailto:) are not followed. `ook_bekend`: page paths that count as present
    (a sample links to pages it did not write)."""
    kapot, geteld = [], 0
    paginas = sorted(site.rglob("index.html"))
    ankers: dict[Path, set[str]] = {}

    def lees(pad: Path) -> _Links:
        lezer = _Links()
        lezer.feed(pad.read_text(encoding="utf-8"))
        ankers[pad] = lezer.ankers
        return lezer

    gelezen = {p: lees(p) for p in paginas}
    for pagina, lezer in gelezen.items():
        basis = "/" + str(pagina.parent.relative_to(site)).strip(".") + "/"
        basis = re.sub("/+", "/", basis)
        for link in lezer.links:
            delen = urlsplit(link)
            if delen.scheme or delen.netloc or link.startswith("mailto:"):
                continue
            geteld += 1
            pad = unquote(delen.path) if delen.path.startswith("/") else basis + unquote(delen.path)
            if not delen.path:
                pad = basis
            doel = site / pad.lstrip("/")
            if pad.endswith("/"):
                doel = doel / "index.html"
            if not doel.is_file() and pad not in ook_bekend:
                kapot.append(f"{basis} → {link}")
            elif delen.fragment and doel.is_file():
                if delen.fragment not in ankers.get(doel, set()) and doel in gelezen:
                    kapot.append(f"{basis} → {link} (geen anker)")
    return kapot, geteld


@contextmanager
def nginx_op(site: Path) -> Iterator[str]:
    """scripts/statisch.sh serving `site` on a free loopback port; yields its URL, stops it afterwards."""
    poort = _vrije_poort()
    proces = subprocess.Popen(["bash", "scripts/statisch.sh", str(site)], cwd=PROJECT,
                              env={**os.environ, "PORT": str(poort), "HOST": "127.0.0.1"},
                              start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{poort}"
    try:
        einde = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/", timeout=2):
                    break
            except urllib.error.HTTPError:
                break
            except OSError:
                if proces.poll() is not None or time.monotonic() > einde:
                    raise RuntimeError(f"nginx kwam niet op: {proces.stderr.read().decode()[-2000:]}") from None
                time.sleep(0.2)
        yield url
    finally:
        proces.send_signal(signal.SIGTERM)  # statisch.sh stops its nginx and removes its run folder
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proces.kill()


@pytest.fixture(scope="session")
def statische_steekproef(echte_gegevens, tmp_path_factory) -> tuple[Path, list[publiceer.Pagina]]:
    """One page of every kind published with its downloads into a temporary site/ (the whole edition's page list
    beside it)."""
    uit = tmp_path_factory.mktemp("statisch") / "site"
    alle = publiceer_steekproef(echte_gegevens, uit, app_url="https://dashboard.example")
    return uit, alle
