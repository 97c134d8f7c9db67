"""The geo join on the real data: 8 wijken, 29 buurten, each with a shape, values attached."""
from soest_data import db, gebieden, waarden


def test_real_boundaries_hold_8_wijken_and_29_buurten(echte_db):
    con = db.open_readonly(echte_db)
    wijken = gebieden.geodataframe(waarden.geometrie(con, "wijk"))
    buurten = gebieden.geodataframe(waarden.geometrie(con, "buurt"))
    assert len(wijken) == 8 and len(buurten) == 29
    assert wijken.geometry.is_valid.all() and not wijken.geometry.is_empty.any()
    assert 40 < gebieden.oppervlakte_km2(wijken).sum() < 50


def test_every_wijk_has_a_value_for_each_full_coverage_indicator(echte_db):
    con = db.open_readonly(echte_db)
    vormen = gebieden.geodataframe(waarden.geometrie(con, "wijk"))
    alle = waarden.alle_waarden(con)
    volledig = waarden.indicatoren(con).query("wijken_met_waarde == 8 and soort == 'getal'")
    assert len(volledig) >= 60
    for indicator in volledig["id"]:
        rijen = alle[(alle["indicator"] == indicator) & (alle["niveau"] == "wijk")]
        laatste = rijen[rijen["jaar"] == rijen["jaar"].max()]
        gekoppeld = gebieden.koppel(vormen, laatste)
        assert len(gekoppeld) == 8
        # every wijk has a number, a relative statement from the source, or a status (e.g. shielded): never nothing
        heeft_iets = gekoppeld["waarde"].notna() | gekoppeld["relatief"].fillna("").ne("") | gekoppeld["status"].fillna("").ne("")
        assert heeft_iets.all(), indicator


def test_koppel_keeps_areas_without_value(fixture_db):
    con = db.open_readonly(fixture_db)
    vormen = gebieden.geodataframe(waarden.geometrie(con, "buurt"))
    rijen = waarden.waarden(con, "test_moeite", "buurt", 2020)
    gekoppeld = gebieden.koppel(vormen, rijen[rijen["niveau"] == "buurt"])
    assert len(gekoppeld) == 29
    assert gekoppeld["waarde"].notna().sum() == 1
    assert gebieden.als_geojson(gekoppeld)["type"] == "FeatureCollection"
