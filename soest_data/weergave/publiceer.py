"""The public edition: every view a visitor reaches by a link, written as static HTML pages from one validated database.

Each page is the Inhoud of the same `bouw` the app draws (paginas/), rendered by html.py: the two editions never say
different things. Paths are readable and last (/wijk/smitsveen/bestaanszekerheid/, /opgave/kansengelijkheid/);
`app_adres` maps the app's own shareable links onto them, so a link copied in the app finds its static page
(deploy/nginx-statisch.conf does the same on the server). The site is written into a temporary folder beside the
target and swapped in only when every page is written: a failure leaves the old site as it was.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from itertools import combinations
from pathlib import Path

from soest_data import opmaak
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.gegevens import Gegevens
from soest_data.weergave import html
from soest_data.weergave.paginas import aandacht, data, inwoners, opgave, start, vergelijken, wijkprofiel

SJABLONEN = Path(__file__).parent / "sjablonen"
MENU = [("", "Start"), ("opgave", "Opgaven"), ("aandacht", "Aandacht per opgave"), ("vergelijken", "Vergelijken"),
        ("inwoners", "Inwoners aan het woord"), ("data", "Over de data")]


def naamdeel(naam: str) -> str:
    """"'t Hart-Soestdijk" → 't-hart-soestdijk': a wijk name as a path segment (lower case, ASCII, hyphens)."""
    tekst = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", tekst).strip("-")


@dataclass(frozen=True)
class Pagina:
    pad: str          # 'wijk/smitsveen/bestaanszekerheid/' ('' is the start page)
    module: object    # the paginas module whose bouw makes it
    staat: object
    app_link: str     # the same view in the interactive app: path and query


class Site:
    """The paths of one database's pages, and the mapping from app links to them."""

    def __init__(self, g: Gegevens) -> None:
        self.g = g
        self.deel = {code: naamdeel(naam) for code, naam in g.wijknamen.items()}

    def adres(self, pad: str, query: Mapping[str, str]) -> str | None:
        """The static page that shows what the app shows at /pad?query, or None when the edition has none."""
        wijk = query.get("wijk")
        if pad == "":
            return "/"
        if pad == "wijkprofiel":
            if wijk not in self.deel:
                return "/wijk/"
            kies = query.get("opgave") if query.get("opgave") in VIJF_OPGAVEN else VIJF_OPGAVEN[0]
            return f"/wijk/{self.deel[wijk]}/" + ("" if kies == VIJF_OPGAVEN[0] else f"{kies}/")
        if pad == "opgave":
            kies = query.get("opgave") if query.get("opgave") in VIJF_OPGAVEN else VIJF_OPGAVEN[0]
            return f"/opgave/{kies}/"
        if pad == "aandacht":
            return f"/aandacht/{self.deel[wijk]}/" if wijk in self.deel else "/aandacht/"
        if pad == "vergelijken":
            codes = sorted(c for c in (query.get("wijken") or "").split(",") if c in self.deel)
            if len(codes) != 2:
                return "/vergelijken/"
            return f"/vergelijken/{self.deel[codes[0]]}--{self.deel[codes[1]]}/"
        if pad in ("inwoners", "data"):
            return f"/{pad}/"
        return None

    def paginas(self) -> list[Pagina]:
        """Every page of the edition: start; each wijk × opgave; each opgave; Aandacht (and per wijk); every pair of
        wijken; Inwoners; Over de data; and the pages that list what to choose (wijken, comparisons)."""
        g, uit = self.g, [Pagina("", start, start.Staat(), "")]
        for code in g.wijknamen:
            for o in VIJF_OPGAVEN:
                uit.append(Pagina(self.adres("wijkprofiel", {"wijk": code, "opgave": o}).strip("/") + "/", wijkprofiel,
                                  wijkprofiel.Staat(code, o), f"wijkprofiel?wijk={code}&opgave={o}"))
            uit.append(Pagina(f"aandacht/{self.deel[code]}/", aandacht, aandacht.Staat(wijk=code),
                              f"aandacht?wijk={code}"))
        uit.append(Pagina("wijk/", wijkprofiel, wijkprofiel.Staat(None), "wijkprofiel"))
        uit += [Pagina(f"opgave/{o}/", opgave, opgave.Staat(o), f"opgave?opgave={o}") for o in VIJF_OPGAVEN]
        uit.append(Pagina("aandacht/", aandacht, aandacht.Staat(), "aandacht"))
        for a, b in combinations(g.wijknamen, 2):
            uit.append(Pagina(f"vergelijken/{self.deel[a]}--{self.deel[b]}/", vergelijken, vergelijken.Staat((a, b)),
                              f"vergelijken?wijken={a},{b}"))
        uit += [Pagina("inwoners/", inwoners, inwoners.Staat(), "inwoners"),
                Pagina("data/", data, data.Staat(), "data")]
        return uit

    def plekken(self, p: Pagina) -> dict[str, str]:
        """What stands where the app has a picker: links to the sibling pages, so every view is one click away."""
        def lijst(titel: str, links: list[tuple[str, str]], huidig: str) -> str:
            items = "".join(f'<li><a href="{escape(d)}"' + (' aria-current="page"' if d == huidig else "")
                            + f">{escape(t)}</a></li>" for t, d in links)
            return f'<nav class="keuze" aria-label="{escape(titel)}"><strong>{escape(titel)}:</strong><ul>{items}</ul></nav>'
        huidig = f"/{p.pad}"
        wijken = [(n, self.adres("wijkprofiel", {"wijk": c})) for c, n in self.g.wijknamen.items()]
        plek = {}
        if p.module is wijkprofiel and p.staat.wijk:
            plek["bovenaan"] = lijst("Andere wijk", wijken, huidig)
            plek["opgave"] = lijst("Opgave", [(OPGAVEN[o], self.adres("wijkprofiel", {"wijk": p.staat.wijk, "opgave": o}))
                                              for o in VIJF_OPGAVEN], huidig)
        if p.module is opgave:
            plek["bovenaan"] = lijst("Opgave", [(OPGAVEN[o], f"/opgave/{o}/") for o in VIJF_OPGAVEN], huidig)
        if p.module is aandacht:
            plek["wijk"] = lijst("Wijk", [("Geen wijk", "/aandacht/")] + [
                (n, self.adres("aandacht", {"wijk": c})) for c, n in self.g.wijknamen.items()], huidig)
        if p.module is vergelijken:
            plek["kiezer"] = lijst("Andere vergelijking", [
                (f"{self.g.wijknamen[a]} en {self.g.wijknamen[b]}",
                 self.adres("vergelijken", {"wijken": f"{a},{b}"})) for a, b in combinations(self.g.wijknamen, 2)],
                huidig)
        return plek


def publiceer(g: Gegevens, uit: Path, app_url: str | None = None, met_bestanden: bool = True) -> int:
    """Write the whole edition into `uit` (replaced as a whole at the end). Returns the number of pages."""
    import jinja2

    site = Site(g)
    omgeving_ = jinja2.Environment(loader=jinja2.FileSystemLoader(SJABLONEN), autoescape=True)
    sjabloon = omgeving_.get_template("site.html.j2")
    gebouwd = opmaak.datum(datetime.now(UTC).isoformat())
    gegevens_van = opmaak.datum(g.bouwinfo.get("gebouwd_op"))
    uit = uit.resolve()
    uit.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".{uit.name}-", dir=uit.parent))
    try:
        paginas = site.paginas()
        for p in paginas:
            omgeving = html.Omgeving(g, site.adres, site.plekken(p), met_bestanden=met_bestanden)
            inhoud = p.module.bouw(g, p.staat)
            tekst = sjabloon.render(
                titel=inhoud.titel, inhoud=html.pagina(inhoud, omgeving), menu=MENU, adres=site.adres,
                app_link=f"{app_url.rstrip('/')}/{p.app_link}" if app_url else None, gebouwd=gebouwd,
                gegevens_van=gegevens_van, stijl=(SJABLONEN / "site.css").read_text(encoding="utf-8"))
            map_ = tijdelijk / p.pad
            map_.mkdir(parents=True, exist_ok=True)
            (map_ / "index.html").write_text(tekst, encoding="utf-8")
            for naam, inhoud_bestand in omgeving.bestanden.items():
                (map_ / naam).write_bytes(inhoud_bestand)
        (tijdelijk / "sitemap.txt").write_text("".join(f"/{p.pad}\n" for p in paginas), encoding="utf-8")
        if uit.exists():
            oud = uit.with_name(f".{uit.name}-oud-{os.getpid()}")
            uit.rename(oud)
            tijdelijk.rename(uit)
            shutil.rmtree(oud, ignore_errors=True)
        else:
            tijdelijk.rename(uit)
    except BaseException:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        raise
    return len(paginas)
