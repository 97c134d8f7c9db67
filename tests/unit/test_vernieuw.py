"""`vernieuw`: refresh from CBS, RIVM and PDOK against recorded responses (tests/fixtures/opnames), on a copy of
data/ and geo/. Offline, a changed wijk code, suppressed cells and missing columns are reported; nothing is guessed."""
import hashlib
import json
import shutil

import pandas as pd
import pytest

from soest_data.__main__ import main
from soest_data.bronnen import bouw, catalogus, vernieuw
from tests.conftest import ECHTE_DATA, GEO, zonder_nederland_kwb_2024
from tests.opnames import opname_sessie


def _bestanden(*mappen):
    return {p.as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for m in mappen for p in sorted(m.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sjabloon(tmp_path_factory):
    """The real data/ and geo/ with their database, built once per module; each test gets its own copy."""
    map_ = tmp_path_factory.mktemp("sjabloon")
    shutil.copytree(ECHTE_DATA, map_ / "data", ignore=shutil.ignore_patterns("*.duckdb*"))
    zonder_nederland_kwb_2024(map_ / "data")
    shutil.copytree(GEO, map_ / "geo")
    bouw.bouw(map_ / "data", map_ / "geo", map_ / "data" / "wijkprofielen.duckdb")
    return map_


@pytest.fixture
def kopie(sjabloon, tmp_path, monkeypatch):
    """A copy of the real data/ and geo/ with its database; the CLI points at it and answers from recordings."""
    data, geo, doel = tmp_path / "data", tmp_path / "geo", tmp_path / "data" / "wijkprofielen.duckdb"
    shutil.copytree(sjabloon / "data", data)
    shutil.copytree(sjabloon / "geo", geo)
    for naam, pad in (("SOEST_DATA", data), ("SOEST_GEO", geo), ("SOEST_DB", doel)):
        monkeypatch.setenv(naam, str(pad))
    monkeypatch.setattr(vernieuw, "nieuwe_sessie", opname_sessie)
    return data, geo, doel


def _met(monkeypatch, **varianten):
    monkeypatch.setattr(vernieuw, "nieuwe_sessie", lambda: opname_sessie(varianten))


def _cbs_csv(data):
    return pd.read_csv(data / "waarden" / "cbs_kwb.csv", dtype=str, keep_default_na=False)


def test_dry_run_shows_the_diff_per_indicator_and_changes_nothing(kopie, capsys):
    data, geo, _ = kopie
    voor = _bestanden(data, geo)
    assert main(["vernieuw", "cbs", "--jaar", "2024", "--dry-run"]) == 0
    uit = capsys.readouterr().out
    assert "Zou veranderen (dry run, er is niets geschreven): 9 nieuw, 0 gewijzigd, 369 ongewijzigd." in uit
    assert any(r.split()[:5] == ["inwoners", "1", "0", "38", "0"] for r in uit.splitlines())
    assert "kolom PersonenPerSoortUitkeringBijstand_94 ontbreekt in het antwoord" in uit
    assert _bestanden(data, geo) == voor


def test_refresh_imports_nederland_into_the_source_file_with_a_quote_per_value(kopie, capsys):
    data, geo, doel = kopie
    assert main(["vernieuw", "cbs", "--jaar", "2024"]) == 0
    assert "Bijgewerkt: 9 nieuw" in capsys.readouterr().out
    rijen = _cbs_csv(data)
    nl = rijen[(rijen["gebied_code"] == "NL01") & (rijen["indicator"] == "inwoners")].iloc[0]
    assert nl["waarde"] == "17942942" and nl["bron"] == "cbs_kwb_2024"
    assert nl["citaat"] == "85984NED WijkenEnBuurten=NL00 AantalInwoners_5=17942942"
    assert sorted(p.name for p in (data / "waarden").glob("*.csv")) == sorted(
        p.name for p in (ECHTE_DATA / "waarden").glob("*.csv"))
    assert "land" in catalogus.laad(data).indicatoren["inwoners"]["niveaus"]
    assert "&id" not in (data / "catalogus" / "kwb.yaml").read_text(encoding="utf-8")
    assert not bouw.is_verouderd(doel, data, geo)


def test_offline_gives_a_clear_message_an_exit_code_and_changes_nothing(kopie, monkeypatch, capsys):
    data, geo, _ = kopie
    monkeypatch.setattr(vernieuw, "nieuwe_sessie", lambda: opname_sessie(offline=True))
    voor = _bestanden(data, geo)
    for soort, jaar in (("cbs", "2025"), ("rivm", "2022"), ("grenzen", "2025")):
        assert main(["vernieuw", soort, "--jaar", jaar]) == 1
        fout = capsys.readouterr().err
        assert "Geen verbinding met" in fout and "Er is niets veranderd." in fout
    assert _bestanden(data, geo) == voor


def test_suppressed_cells_stay_suppressed_never_zero(kopie, monkeypatch, capsys):
    data, _, _ = kopie
    _met(monkeypatch, **{"85984NED/UntypedDataSet": "cbs/85984NED_UntypedDataSet_geheim.json"})
    assert main(["vernieuw", "cbs", "--jaar", "2024", "--dry-run"]) == 0
    uit = capsys.readouterr().out
    assert "let op (inwoners_0_15): 3 cel(len) geheim bij de bron: opgenomen als status geheim, niet als 0" in uit
    assert "let op (inwoners_65_plus): 1 cel(len) geheim" in uit
    assert main(["vernieuw", "cbs", "--jaar", "2024"]) == 0
    rijen = _cbs_csv(data)
    geheim = rijen[(rijen["indicator"] == "inwoners_0_15") & (rijen["gebied_code"] == "BU03420303")].iloc[0]
    assert (geheim["waarde"], geheim["status"]) == ("", "geheim")
    assert geheim["citaat"].endswith("k_0Tot15Jaar_8=.")
    assert not (rijen["status"].eq("geheim") & rijen["waarde"].ne("")).any()


def test_a_new_wijk_code_is_reported_and_not_imported(kopie, monkeypatch, capsys):
    data, _, _ = kopie
    _met(monkeypatch, **{"85984NED/UntypedDataSet": "cbs/85984NED_UntypedDataSet_nieuwe_wijkcode.json"})
    assert main(["vernieuw", "cbs", "--jaar", "2024"]) == 0
    uit = capsys.readouterr().out
    assert "let op: nieuwe gebiedscode WK034209 staat niet in data/gebieden.csv: niet geïmporteerd" in uit
    assert "let op: WK034208 (Soesterberg) ontbreekt in het antwoord" in uit
    assert "WK034209" not in (data / "waarden" / "cbs_kwb.csv").read_text(encoding="utf-8")


def test_a_missing_column_is_reported_for_its_indicator_and_the_old_values_stay(kopie, monkeypatch, capsys):
    data, _, _ = kopie
    _met(monkeypatch, **{"85984NED/UntypedDataSet": "cbs/85984NED_UntypedDataSet_kolom_weg.json"})
    voor = _cbs_csv(data)
    assert main(["vernieuw", "cbs", "--jaar", "2024"]) == 0
    assert "let op (herkomst_buiten_europa): kolom BuitenEuropa_19 ontbreekt in het antwoord voor 39 gebied(en)" \
        in capsys.readouterr().out
    na = _cbs_csv(data)
    assert voor[voor["indicator"] == "herkomst_buiten_europa"].equals(na[na["indicator"] == "herkomst_buiten_europa"])


def test_a_new_edition_gets_a_source_entry_and_lands_in_the_series_file(kopie, capsys):
    # Mechanics only, on a copy: the recorded 2024 table is offered as if it were a new edition (--tabel).
    data, _, _ = kopie
    assert main(["vernieuw", "cbs", "--jaar", "2025", "--tabel", "85984NED"]) == 0
    assert "met een nieuwe bron in data/bronnen.yaml" in capsys.readouterr().out
    b = catalogus.laad(data)
    assert b.bronnen["cbs_kwb_2025"]["tabel"] == "85984NED" and b.bronnen["cbs_kwb_2025"]["jaren"] == [2025]
    assert "cbs_kwb_2025" in b.indicatoren["inwoners"]["bronnen"]
    assert set(_cbs_csv(data).query("jaar == '2025'")["bron"]) == {"cbs_kwb_2025"}
    assert not (data / "waarden" / "cbs_kwb_2025.csv").exists()


def test_a_year_cbs_has_not_published_says_so(kopie, monkeypatch, capsys):
    _met(monkeypatch, **{"ODataCatalog/Tables": "cbs/catalogus_leeg.json"})
    assert main(["vernieuw", "cbs", "--jaar", "2031"]) == 1
    assert "CBS heeft (nog) geen tabel 'Kerncijfers wijken en buurten 2031'" in capsys.readouterr().err


def test_rivm_refresh_maps_every_recorded_value_onto_the_current_ones(kopie, monkeypatch, capsys):
    assert main(["vernieuw", "rivm", "--jaar", "2020", "--dry-run"]) == 0
    assert "0 nieuw, 0 gewijzigd, 1161 ongewijzigd" in capsys.readouterr().out
    _met(monkeypatch, **{"50150NED/UntypedDataSet": "rivm/50090NED_UntypedDataSet_leeg.json",
                         "50150NED/TableInfos": "rivm/50090NED_TableInfos.json"})
    assert main(["vernieuw", "rivm", "--jaar", "2022", "--dry-run"]) == 1
    assert "RIVM-tabel 50150NED heeft geen cijfers voor 2022" in capsys.readouterr().err
    assert main(["vernieuw", "rivm", "--jaar", "2030", "--dry-run"]) == 1
    assert "Voor 2030 is geen RIVM-tabel bekend" in capsys.readouterr().err


def test_a_renamed_column_is_found_by_its_stem_or_reported(kopie):
    opbrengst = vernieuw.Opbrengst("rivm", 2022, {}, pd.DataFrame())
    kolommen = {"a": {"kolom": ["ErvarenGezondheidGoedZeerGoed", "GoedErvarenGezondheid"]},
                "b": {"kolom": "Roker"}, "c": {"kolom": "Nederland", "groep": "Herkomstland"}}
    onderwerpen = [("GoedErvarenGezondheid_4", []), ("Nederland_17", ["Herkomstland", "Bevolking"]),
                   ("Nederland_20", ["Geboren in Nederland", "Bevolking"])]
    assert vernieuw.zoek_kolommen(kolommen, onderwerpen, "50150NED", opbrengst) == {
        "a": "GoedErvarenGezondheid_4", "c": "Nederland_17"}
    assert opbrengst.meldingen["b"] == ["tabel 50150NED heeft geen kolom Roker — pas data/koppelingen aan; "
                                        "niet bijgewerkt"]


def test_boundaries_from_pdok_are_simplified_nested_and_picked_up_by_the_build(kopie, capsys):
    data, geo, doel = kopie
    assert main(["vernieuw", "grenzen", "--jaar", "2024", "--dry-run"]) == 0
    assert "geo/soest_buurten_2024.geojson: 29 gebieden" in capsys.readouterr().out
    assert main(["vernieuw", "grenzen", "--jaar", "2024"]) == 0
    wijken = json.loads((geo / "soest_wijken_2024.geojson").read_text(encoding="utf-8"))["features"]
    buurten = json.loads((geo / "soest_buurten_2024.geojson").read_text(encoding="utf-8"))["features"]
    assert len(wijken) == 8 and len(buurten) == 29
    assert sum(w["properties"]["n_buurten"] for w in wijken) == 29
    assert not bouw.is_verouderd(doel, data, geo)


def test_the_gemeente_is_a_setting(kopie, capsys):
    assert main(["vernieuw", "cbs", "--jaar", "2024", "--gemeente", "Soest"]) == 2
    assert "moet de vorm GM en vier cijfers hebben" in capsys.readouterr().err
    sessie = opname_sessie()
    vernieuw.haal_kwb(vernieuw.Haler(sessie), kopie[0], 2024, "GM0308")
    assert any("startswith%28WijkenEnBuurten%2C%27WK0308%27%29" in url for url in sessie.adapter.gevraagd)


def test_rows_the_catalogue_does_not_allow_are_reported_not_imported(fixture_data):
    # TESTGEGEVENS: fixture catalogue, made-up figures
    rijen = pd.DataFrame([
        {"gebied_code": "BU03420201", "indicator": "test_sporters", "jaar": 2020, "waarde": 50.0, "eenheid": "",
         "relatief": "", "status": "", "bron": "test_bron", "citaat": "TESTGEGEVENS"},
        {"gebied_code": "WK034202", "indicator": "bestaat_niet", "jaar": 2020, "waarde": 1.0, "eenheid": "",
         "relatief": "", "status": "", "bron": "test_bron", "citaat": "TESTGEGEVENS"},
    ])
    opbrengst = vernieuw.Opbrengst("cbs", 2020, {"id": "test_bron"}, rijen)
    verslag, over = vernieuw.vergelijk_opbrengst(opbrengst, bouw.lees(fixture_data, GEO))
    assert over.empty and verslag.wijzigingen.aantal == 0
    assert verslag.meldingen["test_sporters"] == [
        "1 waarde(n) op niveau buurt overgeslagen: de catalogus noemt alleen gemeente, wijk"]
    assert verslag.meldingen["bestaat_niet"] == ["staat in data/koppelingen maar niet in de catalogus; overgeslagen"]
