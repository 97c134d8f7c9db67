from soest_data import db, waarden


def test_onthulling_hides_counts_below_the_threshold(fixture_db):
    con = db.open_readonly(fixture_db)
    alle = waarden.alle_waarden(con)
    klein = alle[(alle["gebied_code"] == "BU03420101") & (alle["indicator"] == "test_bijstand")].iloc[0]
    assert klein["status"] == "afgeschermd" and klein["waarde"] != klein["waarde"]
    groot = alle[(alle["gebied_code"] == "WK034205") & (alle["indicator"] == "test_bijstand")].iloc[0]
    assert groot["waarde"] == 300


def test_onthulling_can_be_skipped_for_the_admin_export(fixture_db):
    con = db.open_readonly(fixture_db)
    ruw = waarden.alle_waarden(con, afschermen=False)
    assert ruw[(ruw["gebied_code"] == "BU03420101") & (ruw["indicator"] == "test_bijstand")].iloc[0]["waarde"] == 5
