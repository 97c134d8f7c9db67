"""The content model: every page is `bouw(gegevens, staat) -> Inhoud`, pure, and says each statement the way every
other output says it. Asserted on the Inhoud itself, without Streamlit, on the real data."""
import importlib
import pkgutil

import pandas as pd
import pytest

from soest_data.begrippen import VIJF_OPGAVEN
from soest_data.weergave import afgeleid, blokken, paginas
from soest_data.weergave.blokken import Figuur, Inhoud, Kaart, Melding, Opgavekaartjes, Tabel, Tekst
from soest_data.weergave.paginas import aandacht as aandacht_pagina
from soest_data.weergave.paginas import start as start_pagina
from soest_data.weergave.paginas import wijkprofiel as wijkprofiel_pagina
from tests.conftest import snel_en_traag

MODULES = sorted(m.name for m in pkgutil.iter_modules(paginas.__path__))


def _module(naam: str):
    return importlib.import_module(f"soest_data.weergave.paginas.{naam}")


def test_every_page_module_has_the_same_interface():
    for naam in MODULES:
        module = _module(naam)
        for functie in ("staat_uit", "bouw", "voorbeeldstaten"):
            assert callable(getattr(module, functie, None)), f"{naam}.{functie}"


@pytest.mark.parametrize("naam", snel_en_traag(MODULES, ["aandacht"]))
def test_every_example_state_builds_a_complete_page(naam, echte_gegevens):
    module = _module(naam)
    for staat in module.voorbeeldstaten(echte_gegevens)[:3]:
        inhoud = module.bouw(echte_gegevens, staat)
        assert isinstance(inhoud, Inhoud) and inhoud.titel
        for blok in inhoud.alle():
            assert type(blok).__module__ == blokken.__name__, blok
            if isinstance(blok, Figuur | Kaart):
                assert blok.alt.strip(), f"{naam}: a chart or map without a text alternative"
            if isinstance(blok, Figuur):
                assert "datasets" in blok.spec or "data" in blok.spec
            if isinstance(blok, Tabel):
                assert isinstance(blok.frame, pd.DataFrame) and len(blok.frame.columns)
        woorden = inhoud.tekst()
        for fout in ("nan", "None", "NaT", "<NA>"):
            assert f" {fout} " not in f" {woorden} ".replace("\n", " "), f"{naam}: '{fout}' in de tekst"


def test_a_state_from_a_link_keys_on_its_content_not_on_its_notices(echte_gegevens):
    g = echte_gegevens
    wijk = next(iter(g.wijknamen))
    goed = wijkprofiel_pagina.staat_uit({"wijk": wijk}, g)
    met_fout = wijkprofiel_pagina.staat_uit({"wijk": wijk, "opgave": "http://evil.example", "buren": "x"}, g)
    assert met_fout.meldingen and not goed.meldingen
    assert goed == met_fout and hash(goed) == hash(met_fout)


def test_bad_link_values_become_notices_never_content(echte_gegevens):
    staat = aandacht_pagina.staat_uit({"marge": "[klik](http://evil.example)", "wijk": "<b>x</b>"}, echte_gegevens)
    assert len(staat.meldingen) == 2
    inhoud = aandacht_pagina.bouw(echte_gegevens, staat)
    assert "evil.example" not in inhoud.tekst() and "<b>" not in inhoud.tekst()
    assert not inhoud.alle(Melding)  # notices travel beside the content, shown as plain text by every renderer


@pytest.mark.parametrize("wijk", snel_en_traag(["WK034201", "WK034202", "WK034203", "WK034204", "WK034205",
                                                "WK034206", "WK034207", "WK034208"], ["WK034205"]))
def test_the_wijk_cards_slides_and_attention_page_say_the_same_tally(wijk, echte_gegevens):
    """One statement, one source: the cards of the wijkprofiel, every slide of that wijk and the attention page's
    wijk sentences come from the one tally (afgeleid.telling), with the same words."""
    g = echte_gegevens
    if wijk not in g.wijknamen:
        pytest.skip("wijk niet in deze gegevens")
    oogopslag = afgeleid.oogopslag(g, wijk)
    profiel = wijkprofiel_pagina.bouw(g, wijkprofiel_pagina.Staat(wijk))
    kaartjes = profiel.alle(Opgavekaartjes)
    assert len(kaartjes) == 1 and kaartjes[0].rijen == oogopslag
    tel = afgeleid.telling(g).set_index(["gebied_code", "opgave"])
    for rij in oogopslag:
        cel = tel.loc[(wijk, rij["opgave_id"])]
        assert (rij["ongunstig"], rij["gunstig"], rij["rond"]) == (cel["ongunstig"], cel["gunstig"], cel["rond"])
        dia = wijkprofiel_pagina.dia(g, wijk, rij["opgave_id"])
        assert rij["In woorden"] in dia.tekst()
    aandacht = aandacht_pagina.bouw(g, aandacht_pagina.Staat(wijk=wijk)).tekst()
    for opgave in VIJF_OPGAVEN:
        assert tel.loc[(wijk, opgave), "tekst"] in aandacht


def test_the_start_page_names_exactly_the_wijken_the_tally_marks(echte_gegevens):
    g = echte_gegevens
    tekst = start_pagina.bouw(g, start_pagina.Staat()).tekst()
    tel = afgeleid.telling(g)
    for _, cel in tel[tel["valt_op"]].iterrows():
        assert f"{cel['gebied_naam']}: {cel['ongunstig']} van {cel['met_oordeel']} ▼" in tekst
    assert tekst.count(" ▼\n") == tel["valt_op"].sum()


def test_a_figure_sends_only_the_columns_it_names():
    spec = {"mark": "bar", "encoding": {"x": {"field": "waarde"}}, "datasets": {"d": [{"waarde": 1, "citaat": "x"}]}}
    figuur = blokken.figuur(spec, alt="staaf")
    assert figuur.spec["datasets"]["d"] == [{"waarde": 1}]
    assert isinstance(figuur, Figuur) and not isinstance(figuur, Tekst)


def test_a_map_keeps_its_shapes_though_no_encoding_names_them():
    spec = {"mark": "geoshape", "encoding": {"color": {"field": "deze"}},
            "datasets": {"d": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [5, 52]},
                                "deze": True, "naam": "x"}]}}
    rij = blokken.figuur(spec, alt="kaartje").spec["datasets"]["d"][0]
    assert set(rij) == {"type", "geometry", "deze"}


def _eerste_beeld(inhoud: Inhoud) -> list:
    """The blocks the app sends on a first view: everything except what stands behind an Uitklap sent on request."""
    verzoek = [u for u in inhoud.alle(blokken.Uitklap) if u.op_verzoek]
    later = {id(b) for u in verzoek for b in Inhoud("", u.blokken).alle()}
    return [b for b in inhoud.alle() if id(b) not in later]


@pytest.mark.parametrize("opgave", VIJF_OPGAVEN)
def test_a_wijkprofiel_needs_no_map_chart_or_grid_library_until_the_visitor_asks(opgave, echte_gegevens):
    """Issue 24 (light on the wire): the first view of every wijk's profile holds only still pictures and plain
    tables; its live charts (per opgave: all wijken per indicator, the trends) stand behind an Uitklap sent on request,
    so a phone downloads deck.gl, Vega and the data grid only when it asks."""
    g = echte_gegevens
    beoordeeld = afgeleid.beoordeeld(g)
    getallen = beoordeeld[(beoordeeld["opgave"] == opgave) & (beoordeeld["soort"] == "getal")]
    for wijk in g.wijknamen:
        inhoud = wijkprofiel_pagina.bouw(g, wijkprofiel_pagina.staat_uit({"wijk": wijk, "opgave": opgave}, g))
        eerst = _eerste_beeld(inhoud)
        assert not [b for b in inhoud.alle() if isinstance(b, Kaart)], wijk
        assert [b for b in eerst if isinstance(b, Figuur)], wijk  # the locator
        assert all(b.svg and b.svg.startswith("<svg") for b in eerst if isinstance(b, Figuur)), wijk
        assert all(b.plat for b in eerst if isinstance(b, Tabel)), wijk
        if getallen["waarde"].notna().any():  # the charts are there, on request
            assert len(inhoud.alle(Figuur)) > len([b for b in eerst if isinstance(b, Figuur)]), wijk
