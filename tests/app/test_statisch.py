"""The public edition as written and served: every link of the site resolves to a written file, and nginx with
deploy/nginx-statisch.conf serves it compressed, with cache and security headers, and sends the app's shareable
links on to the static page of the same view. nginx tests are skipped only when nginx is absent."""
from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request

import pytest

from soest_data.weergave import publiceer
from soest_data.weergave.paginas import kaart
from tests.statisch import gebroken_links, nginx_op, soort, statische_steekproef, zonder_nginx

__all__ = ["statische_steekproef"]  # a fixture, used by name


def test_every_link_in_the_sample_resolves_and_downloads_lie_beside_their_page(statische_steekproef):
    site, alle = statische_steekproef
    kapot, geteld = gebroken_links(site, {f"/{p.pad}" for p in alle})
    assert geteld > 100 and kapot == []
    start = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in start and "gemaakt op" in start and "met cijfers over" in start
    assert re.search(r'<link rel="stylesheet" href="/stijl/site\.[0-9a-f]{12}\.css">', start)
    kaartmap = next(site.glob("kaart/*/*/index.html")).parent
    assert {p.suffix for p in kaartmap.iterdir()} >= {".html", ".csv", ".xlsx"}
    wijk = next(p for p in (site / "wijk").iterdir() if p.is_dir())
    pdf = next(wijk.glob("wijkprofiel_*.pdf"))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.name in (wijk / "index.html").read_text(encoding="utf-8")
    assert (site / "sitemap.xml").exists() and (site / "robots.txt").exists()
    for gz in site.rglob("*.gz"):  # every compressed form is the file beside it (brotli: when the package is there)
        assert gzip.decompress(gz.read_bytes()) == gz.with_suffix("").read_bytes()
        br = gz.with_suffix(".br")
        assert br.exists() == (publiceer.brotli is not None)
        assert not br.exists() or publiceer.brotli.decompress(br.read_bytes()) == gz.with_suffix("").read_bytes()
    assert "https://dashboard.example/" in start  # each page links to the same view in the app


@pytest.mark.traag
def test_the_whole_edition_has_no_broken_link(echte_gegevens, echte_db, tmp_path):
    site = tmp_path / "site"
    aantal = publiceer.publiceer(echte_gegevens, site, processen=2, db_pad=echte_db)
    assert aantal == len(list(site.rglob("index.html")))
    kapot, geteld = gebroken_links(site)
    assert kapot == [] and geteld > 10_000
    assert {soort(p) for p in publiceer.Site(echte_gegevens).paginas()} >= {"kaart", "kaart-buurten"}


_SOORT = {"gzip": "gz", "br": "br"}


def _vraag(url: str, **koppen) -> tuple[int, dict, bytes]:
    class Niet(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    opener = urllib.request.build_opener(Niet)
    try:
        with opener.open(urllib.request.Request(url, headers=koppen), timeout=10) as antwoord:
            return antwoord.status, dict(antwoord.headers), antwoord.read()
    except urllib.error.HTTPError as fout:
        return fout.code, dict(fout.headers), fout.read()


@zonder_nginx
def test_nginx_serves_the_site_compressed_with_cache_and_security_headers(statische_steekproef):
    site, _ = statische_steekproef
    with nginx_op(site) as url:
        status, koppen, inhoud = _vraag(url + "/", **{"Accept-Encoding": "gzip"})
        assert status == 200 and koppen["Content-Encoding"] == "gzip"
        assert gzip.decompress(inhoud) == (site / "index.html").read_bytes()  # the page's own .gz, sent as it is
        assert (site / "index.html.gz").exists() and _vraag(url + "/")[2] == (site / "index.html").read_bytes()
        csp = koppen["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp and "script-src" not in csp
        assert koppen["X-Content-Type-Options"] == "nosniff" and koppen["Referrer-Policy"] == "no-referrer"
        assert koppen["Cache-Control"] == "no-cache"
        stijl = re.search(r'href="(/stijl/[^"]+)"', (site / "index.html").read_text(encoding="utf-8")).group(1)
        status, koppen, inhoud = _vraag(url + stijl, **{"Accept-Encoding": "br, gzip"})
        assert status == 200 and "immutable" in koppen["Cache-Control"] and "max-age=31536000" in koppen["Cache-Control"]
        assert koppen["Content-Type"].startswith("text/css")
        # its .gz as it is, or its .br where nginx has the brotli_static module (and publiceer the brotli package)
        assert inhoud == (site / f"{stijl.lstrip('/')}.{_SOORT[koppen['Content-Encoding']]}").read_bytes()
        assert _vraag(url + "/.nginx/adressen.conf")[0] == 404  # the address map is not public
        assert _vraag(url + "/bestaat-niet/")[0] == 404
        pdf = next(site.glob("wijk/*/*.pdf")).relative_to(site)
        status, koppen, inhoud = _vraag(f"{url}/{pdf}")
        assert status == 200 and koppen["Content-Type"] == "application/pdf" and inhoud.startswith(b"%PDF")


@zonder_nginx
def test_nginx_sends_the_apps_shareable_links_on_to_the_static_page(statische_steekproef, echte_gegevens):
    site, alle = statische_steekproef
    g, s = echte_gegevens, publiceer.Site(echte_gegevens)
    codes = list(g.wijknamen)
    indicator = kaart.STANDAARD_INDICATOR
    jaren = kaart.staat_uit({"indicator": indicator}, g).jaren
    gevallen = {
        f"/wijkprofiel?wijk={codes[4]}": s.adres("wijkprofiel", {"wijk": codes[4]}),
        f"/wijkprofiel?wijk={codes[4]}&opgave=kansengelijkheid&nederland=nee":
            s.adres("wijkprofiel", {"wijk": codes[4], "opgave": "kansengelijkheid"}),
        "/wijkprofiel?wijk=onzin": "/wijk/",
        "/opgave?opgave=meedoen_inclusie": "/opgave/meedoen_inclusie/",
        f"/aandacht?wijk={codes[0]}&marge=15": s.adres("aandacht", {"wijk": codes[0]}),
        f"/vergelijken?wijken={codes[6]},{codes[4]}": s.adres("vergelijken", {"wijken": f"{codes[4]},{codes[6]}"}),
        f"/vergelijken?wijken={codes[4]}%2C{codes[6]}": s.adres("vergelijken", {"wijken": f"{codes[4]},{codes[6]}"}),
        "/vergelijken": s.adres("vergelijken", {}),
        f"/vergelijken?wijken={codes[4]}": s.adres("vergelijken", {"wijken": codes[4]}),
        f"/vergelijken?wijken={codes[4]}&soest=ja": s.adres("vergelijken", {"wijken": codes[4]}),
        f"/kaart?indicator={indicator}&jaar={jaren[0]}": s.kaartpad(indicator, jaren[0], "wijk"),
        f"/kaart?indicator={indicator}&niveau=buurt": s.adres("kaart", {"indicator": indicator, "niveau": "buurt"}),
        f"/kaart?indicator={indicator}&jaar=1800": s.kaartpad(indicator, jaren[-1], "wijk"),
        "/kaart": s.adres("kaart", {}),
        "/inwoners": "/inwoners/",
        "/data": "/data/",
    }
    bestaand = {f"/{p.pad}" for p in alle}
    with nginx_op(site) as url:
        for link, doel in gevallen.items():
            status, koppen, _ = _vraag(url + link)
            assert status in (301, 302) and koppen["Location"] == doel, (link, status, koppen.get("Location"))
            assert doel in bestaand, link
        geschreven = [f"/{p.relative_to(site).parent}/".replace("/./", "/") for p in site.rglob("index.html")]
        for pad in geschreven:  # every written page answers 200 at its readable path
            assert _vraag(url + pad)[0] == 200, pad
