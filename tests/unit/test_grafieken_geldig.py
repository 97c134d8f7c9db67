"""Every chart the pages draw is a valid Vega-Lite spec. The app skips Altair's schema check when it draws a chart
(blokken.figuur: a third of a chart's cost); this sweep runs the check instead, on the real data, for every builder
with the inputs the pages give it (each opgave; two wijken; with Nederland and the buurgemeenten).

Most builders fill a chart template per state (soest_data/weergave/sjabloon.py) and return a plain Vega-Lite dict; it is
checked against the Vega-Lite schema that ships with Altair. The same sweep checks that the spec as the app sends it
(blokken.figuur: cut to the columns the chart names) draws the very same picture: both are
rendered to SVG by vl-convert and compared."""
import json
import re
import sys
from functools import partial

import jsonschema
import pytest
import vl_convert
from altair.vegalite.v6.schema.core import load_schema

from soest_data import scoring
from soest_data.begrippen import VIJF_OPGAVEN
from soest_data.weergave import aandacht, enquete, grafieken, opgaveoverzicht, regio, vergelijken, wijkprofiel
from soest_data.weergave.blokken import figuur
from tests.conftest import snel_en_traag

WIJKEN = ["WK034205", "WK034201"]


@pytest.fixture(scope="module")
def g(echte_gegevens):
    return echte_gegevens


@pytest.fixture(scope="module")
def beoordeeld(g):
    return wijkprofiel.met_woorden(scoring.beoordeel_wijken(g.waarden, g.indicatoren,
                                                            kernset=scoring.kernsets(g.opgaven)))


_AL_GETEKEND: set[int] = set()
_ALLE = True


@pytest.fixture(scope="module", autouse=True)
def _alle_beelden(request):
    """With --traag every chart's picture is compared; the fast loop compares one chart per call site of _geldig
    (every builder and form once), since drawing costs ~0,1 s a picture."""
    global _ALLE
    _ALLE = request.config.getoption("--traag")


def velden_zonder_titel(spec) -> list[str]:
    """Every encoding that names a field but has no Dutch title of its own: Vega shows the raw field name
    ('gebied_naam') in tooltips, and reads it out in a mark's description. A title is a text, not the field itself and
    not a column name with underscores."""
    uit = []

    def loop(deel) -> None:
        if isinstance(deel, list):
            for d in deel:
                loop(d)
            return
        if not isinstance(deel, dict):
            return
        for kanaal, definities in (deel.get("encoding") or {}).items():
            for d in definities if isinstance(definities, list) else [definities]:
                if not isinstance(d, dict) or "field" not in d:
                    continue
                titel = d.get("title")
                titel = " ".join(titel) if isinstance(titel, list) else titel
                veld = d["field"] if isinstance(d["field"], str) else str(d["field"])
                if not isinstance(titel, str) or not titel.strip() or titel == veld or re.fullmatch(r"\w+_\w+", titel):
                    uit.append(f"{kanaal}: {veld} (titel {titel!r})")
        for sleutel, waarde in deel.items():
            if sleutel not in ("encoding", "data", "datasets"):
                loop(waarde)
    loop(spec)
    return uit


_VEGA_LITE = jsonschema.validators.validator_for(load_schema())(load_schema())


def _geldig(grafiek) -> None:
    """A builder's chart is valid Vega-Lite (a filled template: every hole filled, every record JSON) and draws the
    same picture as the app sends it (datasets in Arrow form, cut to the columns the chart names)."""
    if isinstance(grafiek, dict):
        _VEGA_LITE.validate(grafiek)  # raises on a spec Vega-Lite would not accept
        assert "⟨" not in json.dumps({k: v for k, v in grafiek.items() if k != "datasets"})  # no hole left
        json.dumps(grafiek["datasets"], allow_nan=False)  # missing is null, never NaN
        spec = grafiek
    else:
        spec = grafiek.to_dict(validate=True)
    assert not velden_zonder_titel(spec), velden_zonder_titel(spec)
    regel = sys._getframe(1).f_lineno
    if _ALLE or regel not in _AL_GETEKEND:
        _AL_GETEKEND.add(regel)
        verstuurd = figuur(grafiek, alt="grafiek").spec  # as every renderer gets it: only the columns it names
        assert vl_convert.vegalite_to_svg(verstuurd) == vl_convert.vegalite_to_svg(
            grafiek if isinstance(grafiek, dict) else grafiek.to_dict(validate=False))


@pytest.mark.parametrize("opgave", snel_en_traag(VIJF_OPGAVEN, ["bestaanszekerheid"]))
def test_opgave_page_charts(g, beoordeeld, opgave):
    rijen = opgaveoverzicht.opgaverijen(beoordeeld, g.wijken, opgave)
    paren = rijen[["indicator", "jaar"]].dropna().itertuples(index=False)
    referenties = regio.referenties(g.waarden, paren, True, True)
    _geldig(opgaveoverzicht.matrixgrafiek(rijen))
    _geldig(opgaveoverzicht.matrixstapel(rijen))
    for indicator_id, deel in list(rijen[rijen["soort"] != "relatief"].groupby("indicator"))[:4]:
        eerste = deel.iloc[0]
        _geldig(grafieken.wijkstaaf(deel, eerste["soest"], eerste["eenheid"], hoogte_per_wijk=38,
                                    referenties=referenties[referenties["indicator"] == indicator_id]))
    reeksen = opgaveoverzicht.trendreeksen(g.waarden, opgaveoverzicht.indicatorvolgorde(rijen), g.wijken)
    lijnen = regio.referenties(g.waarden, reeksen[["indicator", "jaar"]].itertuples(index=False), True, True)
    for indicator_id, reeks in list(reeksen.groupby("indicator"))[:2]:
        _geldig(opgaveoverzicht.trendgrafiek(reeks, "titel", referenties=lijnen[lijnen["indicator"] == indicator_id]))
    regiowaarden = regio.regiowaarden(g.waarden, g.indicatoren, opgave)
    oordelen = regio.regio_oordelen(regiowaarden)
    if len(oordelen):
        _geldig(regio.regiografiek(regiowaarden, oordelen[["indicator", "oordeel"]]))
        _geldig(regio.regiografiek(regiowaarden, oordelen[["indicator", "oordeel"]], breedte=300))


@pytest.mark.parametrize("wijk", WIJKEN[:1])
def test_wijkprofiel_and_presentation_charts(g, beoordeeld, wijk):
    naam = g.wijknamen[wijk]
    for opgave in VIJF_OPGAVEN:
        getallen = beoordeeld[(beoordeeld["opgave"] == opgave) & (beoordeeld["soort"] == "getal")]
        ref = regio.referenties(g.waarden, getallen[["indicator", "jaar"]].itertuples(index=False), True, True)
        _geldig(grafieken.stippen(getallen, wijk, naam, referenties=ref))
        _geldig(grafieken.stippen(getallen, wijk, naam, referenties=ref, regelbreedte=grafieken.SMAL))
        ids = wijkprofiel.presentatie_indicatoren(beoordeeld, wijk, opgave, 4)
        if ids:
            _geldig(partial(grafieken.stippen, rij=36, letter=20)(beoordeeld[beoordeeld["indicator"].isin(ids)], wijk,
                                                                   naam))
        rijen = wijkprofiel.indicatoren_van_opgave(beoordeeld, wijk, opgave)
        reeksen = wijkprofiel.trendreeksen(g.waarden, rijen, wijk)
        lijnen = regio.referenties(g.waarden, reeksen[["indicator", "jaar"]].itertuples(index=False), True, True)
        for indicator_id, reeks in list(reeksen.groupby("indicator"))[:1]:
            _geldig(grafieken.trend(reeks, reeks["eenheid"].iloc[0], titel="titel",
                                    referenties=lijnen[lijnen["indicator"] == indicator_id]))


def test_aandacht_and_vergelijken_charts(g, beoordeeld):
    tel = aandacht.telling(beoordeeld, g.wijken, scoring.kernsets(g.opgaven))
    for uitgelicht in (None, WIJKEN[1]):
        _geldig(aandacht.matrixgrafiek(tel, uitgelicht))
        _geldig(aandacht.matrixstapel(tel, uitgelicht))
    lang = vergelijken.vergelijking(beoordeeld, WIJKEN, g.wijknamen)
    verschil = vergelijken.verschillen(lang)
    opgavendeel = vergelijken.opgaven(verschil)
    zin = vergelijken.samenvatting(lang, opgavendeel, WIJKEN, g.wijknamen)
    for spec in vergelijken.divergentiegrafieken(lang, opgavendeel, zin):  # wide and narrow
        _geldig(spec)
    deel = verschil[verschil["opgave"] == VIJF_OPGAVEN[1]]
    _geldig(vergelijken.divergentiegrafieken(lang, deel, zin, aantal=None)[0])
    for met_buren in (False, True):  # Nederland (on by default) and the buurgemeenten beside the wijken
        ref = regio.referenties(g.waarden, verschil[["indicator", "jaar"]].dropna().itertuples(index=False), True,
                                met_buren)
        _geldig(vergelijken.divergentiegrafieken(lang, opgavendeel, zin, referenties=ref)[0])
        _geldig(vergelijken.divergentiegrafieken(lang, deel, zin, aantal=None, referenties=ref)[1])


def test_survey_charts(g):
    e = g.enquete  # after disclosure control, as the page gets it
    vragen = enquete.vragen(e)
    for vraag_id in list(dict.fromkeys(vragen["vraag_id"]))[:3]:
        _geldig(enquete.vraaggrafiek(vragen[vragen["vraag_id"] == vraag_id]))
    _geldig(enquete.wijkgrafiek(enquete.per_wijk(e, g.gebieden)))


def test_every_encoding_check_finds_a_raw_field_name():
    spec = {"layer": [{"mark": "bar", "encoding": {"y": {"field": "gebied_naam", "type": "nominal", "title": None},
                                                   "x": {"field": "waarde", "type": "quantitative", "title": "Waarde"},
                                                   "tooltip": [{"field": "opgave_naam", "type": "nominal"}]}}]}
    assert velden_zonder_titel(spec) == ["y: gebied_naam (titel None)", "tooltip: opgave_naam (titel None)"]
