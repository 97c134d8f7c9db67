"""Shapes and the map join on the real data, as invariants that hold for next year's figures too.

The sweep over every mappable indicator runs the map builder directly (what the kaart page shows), instead of
one AppTest run per indicator.
"""
import pandas as pd
import pytest

from soest_data import db, gebieden, opmaak, waarden
from soest_data.gegevens import laad
from soest_data.weergave import kaart, kaartvormen
from tests.conftest import snel_en_traag


@pytest.fixture(scope="module")
def echt(echte_db):
    con = db.open_readonly(echte_db)
    yield laad(con), {n: gebieden.geodataframe(waarden.geometrie(con, n)) for n in ("wijk", "buurt")}
    con.close()


def test_real_boundaries_hold_8_wijken_and_29_buurten(echt):
    _, vormen = echt
    assert len(vormen["wijk"]) == 8 and len(vormen["buurt"]) == 29
    for laag in vormen.values():
        assert laag.geometry.is_valid.all() and not laag.geometry.is_empty.any()
    # the buurten tile the wijken: same total area (in m², Dutch RD projection)
    oppervlak = {n: v.to_crs("EPSG:28992").area.sum() for n, v in vormen.items()}
    assert oppervlak["buurt"] == pytest.approx(oppervlak["wijk"], rel=0.01)


def _kaartbare_indicatoren(g, alle: bool):
    """Every indicator with a wijk value; for the fast loop every tenth, and each that has a value for fewer than
    8 wijken (the edge cases: missing wijken, statements, statuses)."""
    kaartbaar = g.indicatoren[g.indicatoren["wijken_met_waarde"] > 0].reset_index(drop=True)
    return kaartbaar if alle else kaartbaar[(kaartbaar.index % 10 == 0) | (kaartbaar["wijken_met_waarde"] < 8)]


@pytest.mark.parametrize("alle", snel_en_traag([False, True], [False]), ids=["steekproef", "alle"])
def test_every_mappable_indicator_gives_a_map_whose_summary_names_the_true_extremes(echt, alle):
    g, vormen = echt
    wijken = kaartvormen.kaartvormen(vormen["wijk"])  # prepared once, as ui.kaartvormen does per database version
    gekeken = 0
    for _, ind in _kaartbare_indicatoren(g, alle).iterrows():
        jaar = int(max(ind["jaren"]))
        beeld = kaart.kaartbeeld(wijken, g.waarden, ind, jaar)
        assert len(beeld.gebieden) == 8, ind["id"]
        assert all(deck.to_json() for deck in beeld.decks.values())
        # every wijk has a number, a relative statement or a status: never nothing
        leeg = beeld.gebieden["waarde"].isna() & beeld.gebieden["relatief"].eq("") & beeld.gebieden["status"].eq("")
        rijen = g.waarden[(g.waarden["indicator"] == ind["id"]) & (g.waarden["jaar"] == jaar)
                          & (g.waarden["niveau"] == "wijk")]
        assert leeg.sum() == 8 - len(rijen), ind["id"]
        getallen = beeld.gebieden.dropna(subset=["waarde"])
        if getallen["waarde"].nunique() > 1:
            for waarde in (getallen["waarde"].max(), getallen["waarde"].min()):
                naam = getallen.loc[getallen["waarde"] == waarde, "gebied_naam"].iloc[0]
                assert f"{naam}" in beeld.samenvatting, (ind["id"], beeld.samenvatting)
                assert opmaak.waarde_met_eenheid(waarde, ind["eenheid"]) in beeld.samenvatting
        gekeken += 1
    assert gekeken >= (60 if alle else 15)


def test_the_map_keeps_areas_without_a_value_as_geen_gegevens(fixture_db):
    con = db.open_readonly(fixture_db)
    g = laad(con)
    vormen = gebieden.geodataframe(waarden.geometrie(con, "buurt"))
    beeld = kaart.kaartbeeld(vormen, g.waarden, g.indicator("test_moeite"), 2020, niveau="buurt")
    assert len(beeld.gebieden) == 29
    assert beeld.gebieden["waarde"].notna().sum() == 1
    assert pd.isna(beeld.gebieden["waarde"]).sum() == 28
