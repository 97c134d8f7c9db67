"""The public edition: every view a visitor reaches by a link, written as static HTML pages from one validated database.

Each page is the Inhoud of the same `bouw` the app draws (paginas/), rendered by html.py: the two editions never say
different things. Paths are readable and last (/wijk/smitsveen/bestaanszekerheid/, /opgave/kansengelijkheid/);
`adres` maps the app's own shareable links onto them, so a link copied in the app finds its static page
(deploy/nginx-statisch.conf does the same on the server). The site is written into a temporary folder beside the
target and swapped in only when every page is written: a failure leaves the old site as it was.
"""
from __future__ import annotations

import gzip
import hashlib
import multiprocessing
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from html import escape
from itertools import combinations
from pathlib import Path

import brotli

from soest_data import db, gegevens, opmaak
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.gegevens import Gegevens
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import factsheet, html
from soest_data.weergave import vergelijken as vergelijking
from soest_data.weergave.paginas import aandacht, data, inwoners, kaart, opgave, start, vergelijken, wijkprofiel

SJABLONEN = Path(__file__).parent / "sjablonen"
MENU = [("", "Start"), ("kaart", "Kaart"), ("opgave", "Opgaven"), ("aandacht", "Aandacht per opgave"),
        ("vergelijken", "Vergelijken"), ("inwoners", "Inwoners aan het woord"), ("data", "Over de data")]


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
        if pad == "vergelijken":  # the app's reading of the link; more than two wijken: the default pair
            codes = vergelijken.staat_uit(query, self.g).wijken
            return self.vergelijkpad(codes if len(codes) <= 2 else vergelijken.staat_uit({}, self.g).wijken)
        if pad == "kaart":
            staat = kaart.staat_uit(query, self.g)  # the app's own reading of the link: a bad year → the latest
            return self.kaartpad(staat.indicator, staat.jaar, staat.niveau)
        if pad in ("inwoners", "data"):
            return f"/{pad}/"
        return None

    def vergelijkpad(self, codes: tuple[str, ...]) -> str:
        """'/vergelijken/smitsveen--soest-zuid/' (a pair), '/vergelijken/smitsveen--heel-soest/' (one wijk beside the
        gemeente; a wijk's part never holds '--', so the two kinds never meet)."""
        delen = [self.deel[c] for c in codes] + ([naamdeel(vergelijking.heel_gemeente())] if len(codes) == 1 else [])
        return f"/vergelijken/{'--'.join(delen)}/"

    def vergelijkingen(self) -> list[tuple[str, ...]]:
        """The comparisons the edition publishes: each wijk beside heel Soest, then every pair of wijken."""
        return [(c,) for c in self.g.wijknamen] + list(combinations(self.g.wijknamen, 2))

    @staticmethod
    def kaartpad(indicator: str, jaar: int, niveau: str) -> str:
        return f"/kaart/{indicator.replace('_', '-')}/{jaar}/" + ("buurten/" if niveau == "buurt" else "")

    def paginas(self) -> list[Pagina]:
        """Every page of the edition: start; each wijk × opgave; each opgave; Aandacht (and per wijk); every pair of
        wijken and each wijk beside heel Soest; Inwoners; Over de data; every map; the list of wijken."""
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
        for codes in self.vergelijkingen():  # the app's reading of its link, with every tab's chart (opgave None)
            link = f"vergelijken?wijken={','.join(codes)}"
            staat = replace(vergelijken.staat_uit({"wijken": ",".join(codes)}, g), opgave=None)
            uit.append(Pagina(self.vergelijkpad(codes).lstrip("/"), vergelijken, staat, link))
        uit += [Pagina("inwoners/", inwoners, inwoners.Staat(), "inwoners"),
                Pagina("data/", data, data.Staat(), "data")]
        for indicator in kaart.op_kaart(g):  # every indicator × level × year the map's pickers offer
            niveaus = ("wijk", "buurt") if kaart.staat_uit({"indicator": indicator}, g).kan_buurten else ("wijk",)
            for niveau in niveaus:
                for jaar in kaart.staat_uit({"indicator": indicator, "niveau": niveau}, g).jaren:
                    staat = kaart.staat_uit({"indicator": indicator, "jaar": str(jaar), "niveau": niveau}, g)
                    uit.append(Pagina(self.kaartpad(indicator, jaar, niveau).lstrip("/"), kaart, staat,
                                      f"kaart?indicator={indicator}&jaar={jaar}&niveau={niveau}"))
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
            namen = self.g.wijknamen
            paren = [(f"{namen[a]} en {namen[b]}", self.vergelijkpad((a, b))) for a, b in self.vergelijkingen()[len(namen):]]
            # the pairs behind a disclosure (on a phone they are screens of links), open on a pair's own page
            plek["kiezer"] = lijst(f"Een wijk naast {vergelijking.heel_gemeente()}", [
                (namen[c], self.vergelijkpad((c,))) for c in namen], huidig) + (
                f'<details class="keuze"{" open" if huidig in dict(paren).values() else ""}>'
                f"<summary>Twee wijken naast elkaar</summary>{lijst('Twee wijken', paren, huidig)}</details>")
        if p.module is kaart:
            plek["keuzes"] = self._kaartkeuzes(p.staat, huidig)
        pdf = self.factsheet(p)
        if pdf:
            plek["bovenaan"] = plek.get("bovenaan", "") + (
                f'<p class="download"><a href="{escape(pdf[0])}" download>Factsheet (PDF)</a></p>')
        return plek

    def _kaartkeuzes(self, staat, huidig: str) -> str:
        """The map's pickers as links: the years and levels of this indicator, and every other indicator by opgave
        (its latest year) behind a disclosure."""
        def links(paren: list[tuple[str, str]]) -> str:
            return "<ul>" + "".join(f'<li><a href="{escape(d)}"' + (' aria-current="page"' if d == huidig else "")
                                    + f">{escape(t)}</a></li>" for t, d in paren) + "</ul>"
        delen = []
        if len(staat.jaren) > 1:
            delen.append('<nav class="keuze" aria-label="Jaar"><strong>Jaar:</strong>' + links(
                [(str(j), self.kaartpad(staat.indicator, j, staat.niveau)) for j in staat.jaren]) + "</nav>")
        if staat.kan_buurten:
            delen.append('<nav class="keuze" aria-label="Kaartlaag"><strong>Kaartlaag:</strong>' + links(
                [(titel, self.adres("kaart", {"indicator": staat.indicator, "jaar": str(staat.jaar), "niveau": n}))
                 for titel, n in (("Wijken", "wijk"), ("Buurten", "buurt"))]) + "</nav>")
        per_opgave: dict[str, list[tuple[str, str]]] = {}
        for indicator, naam in kaart.op_kaart(self.g).items():
            opgave_, label = naam.split(" › ", 1)
            per_opgave.setdefault(opgave_, []).append((label, self.adres("kaart", {"indicator": indicator})))
        delen.append('<details class="keuze"><summary>Kies een andere indicator</summary>' + "".join(
            f"<h4>{escape(o)}</h4>{links(rijen)}" for o, rijen in per_opgave.items()) + "</details>")
        return "".join(delen)

    def factsheet(self, p: Pagina) -> tuple[str, str, str] | None:
        """The factsheet (PDF) a page offers, as the app's button does: (its path, soort, wijk or opgave)."""
        if p.module is wijkprofiel and p.staat.wijk:
            code = p.staat.wijk
            naam = f"wijkprofiel_{code}_{factsheet.bestandsnaam(self.g.wijknamen[code])}.pdf"
            return f"/wijk/{self.deel[code]}/{naam}", "wijk", code
        if p.module is opgave:
            return f"/opgave/{p.staat.opgave}/opgave_{p.staat.opgave}.pdf", "opgave", p.staat.opgave
        return None

    def nginx_adressen(self) -> str:
        """nginx maps from the app's shareable links (path and query) to the static page that shows the same view,
        made by `adres` itself, so the server and this module never disagree (deploy/nginx-statisch.conf)."""
        wijken = list(self.g.wijknamen)
        blokken = {
            "$arg_wijk|$arg_opgave $statisch_wijkprofiel": [
                (f"{w}|{o}", self.adres("wijkprofiel", {"wijk": w, "opgave": o})) for w in wijken for o in ("", *VIJF_OPGAVEN)],
            "$arg_opgave $statisch_opgave": [(o, self.adres("opgave", {"opgave": o})) for o in VIJF_OPGAVEN],
            "$arg_wijk $statisch_aandacht": [(w, self.adres("aandacht", {"wijk": w})) for w in wijken],
            "$arg_wijken $statisch_vergelijken": [(w, self.vergelijkpad((w,))) for w in wijken] + [
                (f"{x}{komma}{y}", self.vergelijkpad((a, b)))
                for a, b in combinations(wijken, 2) for x, y in ((a, b), (b, a)) for komma in (",", "%2C")],
            "$arg_indicator $statisch_kaart_indicator": [
                (i, self.adres("kaart", {"indicator": i})) for i in kaart.op_kaart(self.g)],
        }
        standaard = {"$statisch_wijkprofiel": self.adres("wijkprofiel", {}), "$statisch_opgave": self.adres("opgave", {}),
                     "$statisch_aandacht": self.adres("aandacht", {}),
                     "$statisch_vergelijken": self.adres("vergelijken", {}),
                     "$statisch_kaart_indicator": self.adres("kaart", {})}
        kaartregels = []
        for indicator in kaart.op_kaart(self.g):
            for niveau in ("", "wijk", "buurt"):
                jaren = kaart.staat_uit({"indicator": indicator, "niveau": niveau}, self.g).jaren
                for jaar in ("", *map(str, jaren)):
                    query = {"indicator": indicator, "jaar": jaar, "niveau": niveau}
                    kaartregels.append((f"{indicator}|{jaar}|{niveau}",
                                        self.adres("kaart", {k: v for k, v in query.items() if v})))
        blokken["$arg_indicator|$arg_jaar|$arg_niveau $statisch_kaart"] = kaartregels
        standaard["$statisch_kaart"] = "$statisch_kaart_indicator"
        uit = ["# Made by `python -m soest_data publiceer` from the same mapping the pages use (publiceer.Site.adres).",
               "# Included by deploy/nginx-statisch.conf; reload nginx after publishing a site with other wijken or",
               "# indicators."]
        for kop, regels in blokken.items():
            naam = kop.split()[-1]
            uit.append(f'map "{kop.rsplit(" ", 1)[0]}" {naam} {{')
            uit.append(f"    default {standaard[naam]};")
            uit += [f'    "{sleutel}" {doel};' for sleutel, doel in dict(regels).items()]
            uit.append("}")
        return "\n".join(uit) + "\n"




@dataclass(frozen=True)
class _Opdracht:
    """What every page of one publication shares (sent once to each worker process)."""
    db_pad: Path | None       # the validated database, read again by a worker process (its stamp must match)
    controlegetal: str | None
    tijdelijk: Path
    app_url: str | None
    met_bestanden: bool
    gebouwd: str
    stijl: str                # the style sheet's path on the site (its name holds a hash of its content)


_WERK: dict = {}  # in a worker process: its Gegevens, Site and template, made once


def _begin(opdracht: _Opdracht, g: Gegevens | None = None) -> None:
    """Set up a worker (or this process): the database read again must be the one validated, else nothing is written."""
    import jinja2
    if g is None:
        g = gegevens.lees(opdracht.db_pad)
        if g.bouwinfo.get("controlegetal") != opdracht.controlegetal:
            raise db.DatabaseFout("De database is tijdens het publiceren vervangen; er is niets gepubliceerd. "
                                  "Publiceer opnieuw.")
    omgeving = jinja2.Environment(loader=jinja2.FileSystemLoader(SJABLONEN), autoescape=True)
    site = Site(g)
    _WERK.update(g=g, site=site, paginas=site.paginas(), sjabloon=omgeving.get_template("site.html.j2"),
                 opdracht=opdracht, gegevens_van=opmaak.datum(g.bouwinfo.get("gebouwd_op")),
                 peiljaren=_peiljaren(g))


def _peiljaren(g: Gegevens) -> str:
    """The years the figures cover ('2016 tot en met 2024'), for the footer beside the build date."""
    jaren = g.waarden["jaar"].dropna()
    return f"{int(jaren.min())} tot en met {int(jaren.max())}" if len(jaren) else "geen"


def _schrijf(nummers: list[int]) -> int:
    """Write the pages with these numbers (each into its own folder, downloads beside it)."""
    g, site, opdracht = _WERK["g"], _WERK["site"], _WERK["opdracht"]
    for nummer in nummers:
        p = _WERK["paginas"][nummer]
        omgeving = html.Omgeving(g, site.adres, site.plekken(p), met_bestanden=opdracht.met_bestanden)
        inhoud = p.module.bouw(g, p.staat)
        tekst = _WERK["sjabloon"].render(
            titel=inhoud.titel, inhoud=html.pagina(inhoud, omgeving), menu=MENU, adres=site.adres,
            app_link=f"{opdracht.app_url.rstrip('/')}/{p.app_link}" if opdracht.app_url else None,
            gebouwd=opdracht.gebouwd, gegevens_van=_WERK["gegevens_van"], peiljaren=_WERK["peiljaren"],
            stijl=opdracht.stijl, site_naam=GEMEENTE.titel)
        map_ = opdracht.tijdelijk / p.pad
        map_.mkdir(parents=True, exist_ok=True)
        schrijf(map_ / "index.html", tekst.encode("utf-8"))
        for naam, inhoud_bestand in omgeving.bestanden.items():
            schrijf(map_ / naam, inhoud_bestand)
    return len(nummers)


GECOMPRIMEERD = {".html", ".css", ".csv", ".svg", ".xml", ".txt"}


def schrijf(pad: Path, inhoud: bytes) -> None:
    """Write a file of the site, and beside a text file of some size its gzip form (pad.gz) and its brotli form
    (pad.br, a sixth to a quarter smaller than gzip): a server sends those as they are (nginx gzip_static,
    brotli_static) instead of compressing the same page again for every visitor."""
    pad.write_bytes(inhoud)
    if pad.suffix in GECOMPRIMEERD and len(inhoud) >= 512:
        pad.with_name(pad.name + ".gz").write_bytes(gzip.compress(inhoud, 9, mtime=0))
        # quality 9: within 10 % of the best (11) at a fifteenth of its time (publishing stays well under 5 min)
        pad.with_name(pad.name + ".br").write_bytes(brotli.compress(inhoud, quality=9))


def _factsheet(pad: str, soort: str, wat: str) -> None:
    """A factsheet as the app's button makes it (factsheet.pdf), beside its page."""
    doel = _WERK["opdracht"].tijdelijk / pad.lstrip("/")
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(factsheet.pdf(_WERK["g"], soort, wat))


def _taak(taak: tuple) -> None:
    if taak[0] == "paginas":
        _schrijf(taak[1])
    else:
        _factsheet(*taak[1])


def publiceer(g: Gegevens, uit: Path, app_url: str | None = None, met_bestanden: bool = True,
              processen: int = 1, db_pad: Path | None = None, adres: str | None = None) -> int:
    """Write the whole edition into `uit` (replaced as a whole at the end). Returns the number of pages.

    `processen` > 1: the pages and factsheets are shared among that many worker processes, each reading `db_pad`
    again and checking it is the database `g` was read from (its checksum); `adres`: the site's public address, for
    the sitemap."""
    gebouwd = opmaak.datum(datetime.now(UTC).isoformat())
    uit = uit.resolve()
    uit.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".{uit.name}-", dir=uit.parent))
    try:
        tijdelijk.chmod(0o755)  # mkdtemp makes it private; a web server must read the site
        stijl = (SJABLONEN / "site.css").read_bytes()
        stijlpad = f"/stijl/site.{hashlib.sha256(stijl).hexdigest()[:12]}.css"
        (tijdelijk / "stijl").mkdir()
        schrijf(tijdelijk / stijlpad.lstrip("/"), stijl)
        opdracht = _Opdracht(db_pad, g.bouwinfo.get("controlegetal"), tijdelijk, app_url, met_bestanden, gebouwd,
                             stijlpad)
        _begin(opdracht, g)
        site, paginas = _WERK["site"], _WERK["paginas"]
        pdfs = {site.factsheet(p) for p in paginas} - {None} if met_bestanden else set()
        stap = 8
        taken = [("factsheet", f) for f in sorted(pdfs)] + [
            ("paginas", list(range(i, min(i + stap, len(paginas))))) for i in range(0, len(paginas), stap)]
        if processen > 1 and db_pad is not None:
            context = multiprocessing.get_context("spawn")  # a fresh interpreter: no threads or state inherited
            with ProcessPoolExecutor(processen, mp_context=context, initializer=_begin,
                                     initargs=(opdracht,)) as pool:
                for gedaan in pool.map(_taak, taken):
                    del gedaan
        else:
            for taak in taken:
                _taak(taak)
        _sitemap(tijdelijk, paginas, adres)
        (tijdelijk / ".nginx").mkdir()
        (tijdelijk / ".nginx" / "adressen.conf").write_text(site.nginx_adressen(), encoding="utf-8")
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
    finally:
        _WERK.clear()
    return len(paginas)


def _sitemap(map_: Path, paginas: list[Pagina], adres: str | None) -> None:
    """sitemap.xml (full addresses when the site's address is known) and robots.txt pointing at it."""
    basis = (adres or "").rstrip("/")
    regels = "".join(f"<url><loc>{escape(basis)}/{escape(p.pad)}</loc></url>\n" for p in paginas)
    schrijf(map_ / "sitemap.xml", ('<?xml version="1.0" encoding="UTF-8"?>\n'
                                   '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                                   f"{regels}</urlset>\n").encode())
    (map_ / "robots.txt").write_text("User-agent: *\nAllow: /\n" + (f"Sitemap: {basis}/sitemap.xml\n" if adres else ""),
                                     encoding="utf-8")
