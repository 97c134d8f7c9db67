"""The public edition: the same Inhoud as the app, written as static HTML with readable, lasting paths; the old
site stays when publishing fails."""
import re

import pytest

from soest_data.gemeente import GEMEENTE
from soest_data.weergave import html, publiceer
from soest_data.weergave.paginas import aandacht, kaart, vergelijken, wijkprofiel


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


def test_each_wijk_beside_the_gemeente_and_every_pair_has_a_comparison_page(site, echte_gegevens):
    g = echte_gegevens
    codes = list(g.wijknamen)
    paginas = {p.pad: p for p in site.paginas()}
    heel = publiceer.naamdeel(f"heel {GEMEENTE.naam}")  # the gemeente's name from the setting, not a literal
    for code in codes:
        pad = site.adres("vergelijken", {"wijken": code})
        assert pad == f"/vergelijken/{site.deel[code]}--{heel}/" and paginas[pad.lstrip("/")].staat.wijken == (code,)
        assert site.adres("vergelijken", {"wijken": code, "soest": "ja"}) == pad
    a, b = codes[1], codes[0]
    paar = site.adres("vergelijken", {"wijken": f"{a},{b}"})
    assert paar == f"/vergelijken/{site.deel[b]}--{site.deel[a]}/" and paar.lstrip("/") in paginas
    vergelijkingen = [p for p in paginas.values() if p.module is vergelijken]
    assert len(vergelijkingen) == len(codes) + len(codes) * (len(codes) - 1) // 2
    assert all(p.staat.opgave is None for p in vergelijkingen)  # every tab's chart on the one static page
    kiezer = site.plekken(vergelijkingen[0])["kiezer"]
    assert set(re.findall(r'href="([^"]+)"', kiezer)) == {f"/{p.pad}" for p in vergelijkingen}


def test_every_page_of_the_edition_has_its_own_path_and_every_link_between_them_resolves(site):
    paginas = site.paginas()
    paden = [p.pad for p in paginas]
    assert len(paden) == len(set(paden))
    bekend = {f"/{p}" for p in paden} | {site.factsheet(p)[0] for p in paginas if site.factsheet(p)}
    for p in paginas:  # the pickers become links to sibling pages (or their factsheet): each one exists
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
    assert '<th scope="col" role="columnheader">' in tekst and '<th scope="row" role="rowheader">' in tekst
    # a table of many columns stacks on a phone: every cell names its column, and the roles keep it a table
    for tabel in re.findall(r'<div class="tabel stapel".*?</table>', tekst, re.S):
        koppen = re.findall(r'<th scope="col" role="columnheader">([^<]*)</th>', tabel)
        assert len(koppen) >= html.STAPEL_VANAF and '<table role="table">' in tabel
        for rij in re.findall(r'<tr role="row"><th scope="row".*?</tr>', tabel):
            assert re.findall(r'<td role="cell" data-kop="([^"]*)">', rij) == koppen[1:]
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


def test_the_map_is_drawn_in_as_svg_with_every_wijk_a_link_to_its_profile(site, echte_gegevens):
    g = echte_gegevens
    staat = kaart.staat_uit({}, g)
    inhoud = kaart.bouw(g, staat)
    tekst = html.pagina(inhoud, html.Omgeving(g, site.adres, met_bestanden=False))
    figuren = re.findall(r'<figure class="kaart (\w+)">(.*?)</figure>', tekst, re.S)
    assert [vorm for vorm, _ in figuren] == ["breed", "smal"]  # the laptop and the phone form, one shown by width
    for _, figuur in figuren:
        assert re.search(r'<svg [^>]*viewBox="[-\d. ]+"[^>]*role="group"[^>]*aria-label="[^"]+"', figuur)
        links = re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"><path d="M[^"]+"[^>]*><title>([^<]+)</title>', figuur)
        assert sorted(h for h, _, _ in links) == sorted(site.adres("wijkprofiel", {"wijk": c}) for c in g.wijknamen)
        for _, label, titel in links:  # each area names itself (and its value) to a screen reader and on hover
            assert label == titel and any(titel.startswith(n.replace("'", "&#x27;")) for n in g.wijknamen.values())
        assert "<script" not in figuur
    assert "<figcaption" in tekst
    # 'Kies een wijk in de tabel': in the table of figures each wijk is a link to its profile too
    ranglijst = re.search(r'<div class="tabel stapel".*?</table>', tekst, re.S).group(0)
    rijkoppen = re.findall(r'<th scope="row" role="rowheader"><a href="([^"]+)">', ranglijst)
    assert sorted(rijkoppen) == sorted(site.adres("wijkprofiel", {"wijk": c}) for c in g.wijknamen)


def test_a_chart_with_a_narrow_form_is_drawn_in_both_and_the_style_sheet_shows_one(site, echte_gegevens):
    g = echte_gegevens
    staat = vergelijken.staat_uit({"wijken": next(iter(g.wijknamen))}, g)
    tekst = html.pagina(vergelijken.bouw(g, staat), html.Omgeving(g, site.adres, met_bestanden=False))
    breed = re.findall(r'<div class="breed vanaf-700"><figure class="grafiek"><svg [^>]*width="(\d+)"', tekst)
    smal = re.findall(r'<div class="smal vanaf-700"><figure class="grafiek"><svg [^>]*width="(\d+)"', tekst)
    assert breed and len(breed) == len(smal) and all(int(s) < int(b) for s, b in zip(smal, breed))
    css = (publiceer.SJABLONEN / "site.css").read_text(encoding="utf-8")
    for vanaf in html.SMALLE_GRAFIEK:
        assert f"@media (min-width: {vanaf}px) {{ .breed.vanaf-{vanaf} {{ display: block; }}" in css


def test_a_buurt_on_the_map_links_to_the_profile_of_its_wijk(site, echte_gegevens):
    g = echte_gegevens
    staat = kaart.staat_uit({"niveau": "buurt"}, g)
    assert staat.niveau == "buurt"
    tekst = html.pagina(kaart.bouw(g, staat), html.Omgeving(g, site.adres, met_bestanden=False))
    breed = re.search(r'<figure class="kaart breed">(.*?)</figure>', tekst, re.S).group(1)
    doelen = re.findall(r'<a href="([^"]+)"', breed)
    assert len(doelen) == (g.gebieden["niveau"] == "buurt").sum()
    assert set(doelen) <= {site.adres("wijkprofiel", {"wijk": c}) for c in g.wijknamen}


def test_map_links_follow_the_apps_reading_of_the_link(site, echte_gegevens):
    g = echte_gegevens
    indicator = kaart.STANDAARD_INDICATOR
    jaren = kaart.staat_uit({"indicator": indicator}, g).jaren
    laatste = site.kaartpad(indicator, jaren[-1], "wijk")
    assert site.adres("kaart", {}) == laatste
    assert site.adres("kaart", {"indicator": indicator, "jaar": "1800"}) == laatste  # an unknown year: the latest
    assert site.adres("kaart", {"indicator": "bestaat_niet"}) == laatste
    assert site.adres("kaart", {"indicator": indicator, "jaar": str(jaren[0])}) == site.kaartpad(indicator, jaren[0],
                                                                                                "wijk")
    alleen_wijk = next(i for i in kaart.op_kaart(g) if not kaart.staat_uit({"indicator": i}, g).kan_buurten)
    assert site.adres("kaart", {"indicator": alleen_wijk, "niveau": "buurt"}).endswith("/") \
        and "buurten" not in site.adres("kaart", {"indicator": alleen_wijk, "niveau": "buurt"})
    paden = {f"/{p.pad}" for p in site.paginas()}
    assert laatste in paden and laatste.startswith("/kaart/moeite-met-rondkomen")


def test_the_servers_address_map_is_the_pages_own_mapping_and_every_target_exists(site):
    tekst = site.nginx_adressen()
    paden = {f"/{p.pad}" for p in site.paginas()}
    blokken = re.findall(r'map "([^"]+)" (\$\w+) \{\n(.*?)\n\}', tekst, re.S)
    assert {v for _, v, _ in blokken} == {"$statisch_wijkprofiel", "$statisch_opgave", "$statisch_aandacht",
                                           "$statisch_vergelijken", "$statisch_kaart", "$statisch_kaart_indicator"}
    for _, _, regels in blokken:
        for regel in regels.splitlines():
            doel = regel.strip().rstrip(";").split()[-1]
            assert doel in paden or doel == "$statisch_kaart_indicator", regel
    code = next(iter(site.g.wijknamen))
    assert f'"{code}|bestaanszekerheid" {site.adres("wijkprofiel", {"wijk": code, "opgave": "bestaanszekerheid"})};' \
        in tekst
    assert f'"{code}" {site.adres("vergelijken", {"wijken": code})};' in tekst  # one wijk: beside the gemeente


def test_publiceer_refuses_a_database_that_does_not_validate_and_writes_nothing(tmp_path, echte_db, monkeypatch,
                                                                                capsys):
    from soest_data.__main__ import main
    kapot = tmp_path / "kapot.duckdb"
    kapot.write_bytes(echte_db.read_bytes()[: echte_db.stat().st_size // 2])  # a build broken off halfway
    uit = tmp_path / "site"
    uit.mkdir()
    (uit / "index.html").write_text("oude site", encoding="utf-8")
    monkeypatch.setenv("SOEST_DB", str(kapot))
    assert main(["publiceer", "--uit", str(uit)]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert (uit / "index.html").read_text(encoding="utf-8") == "oude site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kapot.duckdb", "site"]


def test_a_worker_refuses_a_database_other_than_the_one_validated(tmp_path, echte_db):
    opdracht = publiceer._Opdracht(echte_db, "een ander controlegetal", tmp_path, None, False, "vandaag", "/stijl/x.css")
    with pytest.raises(publiceer.db.DatabaseFout, match="vervangen"):
        publiceer._begin(opdracht)
