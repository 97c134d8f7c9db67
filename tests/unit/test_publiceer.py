"""The public edition: the same Inhoud as the app, written as static HTML with readable, lasting paths; the old
site stays when publishing fails."""
import re

import pytest

from soest_data.weergave import html, publiceer
from soest_data.weergave.paginas import aandacht, wijkprofiel


@pytest.fixture(scope="module")
def site(echte_gegevens):
    return publiceer.Site(echte_gegevens)


def test_app_links_map_onto_readable_static_paths(site, echte_gegevens):
    code, naam = next(iter(echte_gegevens.wijknamen.items()))
    deel = publiceer.naamdeel(naam)
    assert site.adres("", {}) == "/"
    assert site.adres("wijkprofiel", {"wijk": code}) == f"/wijk/{deel}/"
    assert site.adres("wijkprofiel", {"wijk": code, "opgave": "bestaanszekerheid"}) == f"/wijk/{deel}/bestaanszekerheid/"
    assert site.adres("aandacht", {"wijk": code}) == f"/aandacht/{deel}/"
    assert site.adres("opgave", {"opgave": "onzin"}).startswith("/opgave/")  # a bad link still finds a page
    assert all(re.fullmatch(r"[a-z0-9-]+", d) for d in site.deel.values())
    assert len(set(site.deel.values())) == len(site.deel)  # every wijk its own path


def test_every_page_of_the_edition_has_its_own_path_and_every_link_between_them_resolves(site):
    paginas = site.paginas()
    paden = [p.pad for p in paginas]
    assert len(paden) == len(set(paden))
    bekend = {f"/{p}" for p in paden}
    for p in paginas:  # the pickers become links to sibling pages: each one exists
        for doel in re.findall(r'href="([^"]+)"', "".join(site.plekken(p).values())):
            assert doel in bekend, (p.pad, doel)


def test_a_page_renders_as_semantic_html_with_the_apps_words(site, echte_gegevens):
    g = echte_gegevens
    code = next(iter(g.wijknamen))
    staat = wijkprofiel.Staat(code, "bestaanszekerheid")
    inhoud = wijkprofiel.bouw(g, staat)
    omgeving = html.Omgeving(g, site.adres, met_bestanden=False)
    tekst = html.pagina(inhoud, omgeving)
    assert f"<h1>{inhoud.titel}</h1>" in tekst.replace("&#x27;", "'")
    assert '<th scope="col">' in tekst and '<th scope="row">' in tekst
    svgs = re.findall(r"<svg [^>]*>", tekst)
    assert svgs and all('role="img"' in s and "aria-label=" in s for s in svgs)
    assert "<script" not in tekst
    assert 'href="/aandacht?' not in tekst  # app links point at the static pages


def test_notices_and_visitor_text_are_plain_text(site, echte_gegevens):
    staat = aandacht.staat_uit({"marge": "<b>[x](http://evil.example)</b>"}, echte_gegevens)
    tekst = html.pagina(aandacht.bouw(echte_gegevens, staat), html.Omgeving(echte_gegevens, site.adres,
                                                                             met_bestanden=False), staat.meldingen)
    assert "<b>" not in tekst and 'href="http://evil.example' not in tekst


def test_publishing_that_fails_leaves_the_old_site(tmp_path, echte_gegevens, monkeypatch):
    uit = tmp_path / "site"
    uit.mkdir()
    (uit / "index.html").write_text("oude site", encoding="utf-8")

    def kapot(self):
        raise RuntimeError("mislukt")
    monkeypatch.setattr(publiceer.Site, "paginas", kapot)
    with pytest.raises(RuntimeError):
        publiceer.publiceer(echte_gegevens, uit)
    assert (uit / "index.html").read_text(encoding="utf-8") == "oude site"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no half-written folder left beside it
