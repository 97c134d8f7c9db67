"""Bad input: every malformed values file gives a clear message with file and line, and nothing is accepted."""
from pathlib import Path

import pytest

from soest_data.bronnen import catalogus
from soest_data.bronnen.waardenbestand import lees_waarden
from tests.conftest import FIXTURE_DATA

KOP = "gebied_code,indicator,jaar,waarde,eenheid,relatief,status,bron,citaat\n"
GOED = "WK034205,test_moeite,2020,18.9,%,,,test_bron,TEST\n"


@pytest.fixture(scope="module")
def bronnen():
    return catalogus.laad(FIXTURE_DATA)


def _lees(tmp_path: Path, bronnen, inhoud: str | bytes):
    pad = tmp_path / "invoer.csv"
    pad.write_bytes(inhoud if isinstance(inhoud, bytes) else inhoud.encode("utf-8"))
    return lees_waarden(pad, bronnen)


def _meldingen(problemen) -> str:
    return " | ".join(str(p) for p in problemen)


def test_lees_waarden_accepts_a_correct_row(tmp_path, bronnen):
    frame, problemen = _lees(tmp_path, bronnen, KOP + GOED)
    assert problemen == []
    assert frame.iloc[0]["waarde"] == 18.9


@pytest.mark.parametrize("inhoud, verwacht", [
    ("", "leeg"),
    ("gebied_code,indicator,jaar\nWK034205,test_moeite,2020\n", "kolommen ontbreken: waarde, bron"),
    ("gebied_code\tindicator\tjaar\twaarde\tbron\nWK034205\ttest_moeite\t2020\t1\ttest_bron\n", "CSV UTF-8"),
    ("gebied_code;indicator;jaar;waarde;bron\nWK034205;test_moeite;2020;1.234,5;test_bron\n", "duizendtallen"),
    (KOP + "WK999999,test_moeite,2020,1,%,,,test_bron,x\n", "onbekende gebiedscode 'WK999999'"),
    (KOP + "WK034205,bestaat_niet,2020,1,%,,,test_bron,x\n", "onbekende indicator 'bestaat_niet'"),
    (KOP + "WK034205,test_moeite,2020,veel,%,,,test_bron,x\n", "waarde 'veel' is geen getal"),
    (KOP + "WK034205,test_moeite,2020,\"18,9\",%,,,test_bron,x\n", "gebruik een punt"),
    (KOP + "WK034205,test_moeite,twintig,1,%,,,test_bron,x\n", "jaar 'twintig' is geen heel getal"),
    (KOP + GOED + GOED, "dubbel: WK034205 × test_moeite × 2020"),
    (KOP + "WK034205,test_moeite,2020,18.9,aantal,,,test_bron,x\n", "eenheid 'aantal' wijkt af"),
    (KOP + "WK034205,test_moeite,2020,18.9,%,,,,x\n", "waarde zonder bron"),
    (KOP + "WK034205,test_moeite,2019,18.9,%,,,test_bron,x\n", "jaar 2019 valt buiten de jaren van bron"),
    (KOP + "WK034205,test_bijstand,2023,-5,aantal personen,,,test_bron,x\n", "negatief"),
    (KOP + "WK034205,test_moeite,2020,140,%,,,test_bron,x\n", "niet tussen 0 en 100"),
    (KOP + "WK034205,test_moeite,2020,18.9,%,,,test_bron\n", "niet evenveel velden"),
    (KOP + "WK034205,test_moeite,2020,18.9,%,,,test_bron,\"afgebroken\n", "afgebroken"),
    (KOP + "WK034205,test_moeite,2020,18.9,%,hoger,,test_bron,x\n", "precies één van waarde, relatief of status"),
    (KOP + "WK034205,test_ggz,2020,,oordeel t.o.v. Soest,veel_hoger,,test_bron,x\n", "relatief 'veel_hoger'"),
    (KOP + "WK034205,test_bijstand_per_1000,2023,5,per 1.000 inwoners,,,test_bron,x\n", "berekende indicator"),
    (KOP + "NL01,test_ggz,2020,,oordeel t.o.v. Soest,hoger,,test_bron,x\n", "geen waarden op niveau land"),
])
def test_lees_waarden_reports_bad_input_clearly(tmp_path, bronnen, inhoud, verwacht):
    frame, problemen = _lees(tmp_path, bronnen, inhoud)
    assert problemen, "a bad file must give at least one problem"
    assert verwacht in _meldingen(problemen)
    assert all(p.bestand == "invoer.csv" for p in problemen)


def test_lees_waarden_rejects_a_file_that_is_not_utf8(tmp_path, bronnen):
    _, problemen = _lees(tmp_path, bronnen, (KOP + "WK034205,test_moeite,2020,18.9,%,,,test_bron,Soestdijk é\n")
                         .encode("utf-16"))
    assert "UTF-8" in _meldingen(problemen)


def test_lees_waarden_names_the_line_of_each_problem(tmp_path, bronnen):
    _, problemen = _lees(tmp_path, bronnen, KOP + GOED + "WK034205,test_sporters,2020,abc,%,,,test_bron,x\n")
    assert [p.regel for p in problemen] == [3]


def test_dutch_excel_csv_with_semicolons_decimal_comma_and_bom_is_accepted(tmp_path, bronnen):
    inhoud = "\ufeffgebied_code;indicator;jaar;waarde;eenheid;bron\r\nWK034205;test_moeite;2020;18,9;%;test_bron\r\n"
    frame, problemen = _lees(tmp_path, bronnen, inhoud)
    assert problemen == []
    assert frame.iloc[0]["waarde"] == 18.9


def test_the_eenheid_column_is_optional_and_taken_from_the_catalogue(tmp_path, bronnen):
    frame, problemen = _lees(tmp_path, bronnen, "gebied_code,indicator,jaar,waarde,bron\n"
                                                "WK034205,test_moeite,2020,18.9,test_bron\n"
                                                "WK034205,test_inwoners,2023,9000,test_bron\n")
    assert problemen == []
    assert list(frame["eenheid"]) == ["%", "aantal"]


def test_line_numbers_count_the_lines_of_a_quote_with_a_line_break(tmp_path, bronnen):
    inhoud = (KOP + "WK034205,test_moeite,2020,18.9,%,,,test_bron,\"twee\nregels\"\n"
              + "WK034205,test_sporters,2020,abc,%,,,test_bron,x\n")
    _, problemen = _lees(tmp_path, bronnen, inhoud)
    assert [p.regel for p in problemen] == [4]


def test_an_xlsx_import_is_read_with_excel_row_numbers(tmp_path, bronnen):
    import openpyxl
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.title = "waarden"
    blad.append(["gebied_code", "indicator", "jaar", "waarde", "bron"])
    blad.append(["WK034205", "test_moeite", 2020, 18.9, "test_bron"])
    blad.append(["WK034205", "test_sporters", 2020, "veel", "test_bron"])
    boek.save(tmp_path / "cijfers.xlsx")
    frame, problemen = lees_waarden(tmp_path / "cijfers.xlsx", bronnen)
    assert frame.iloc[0]["waarde"] == 18.9 and frame.iloc[0]["jaar"] == 2020
    assert [(p.bestand, p.regel) for p in problemen] == [("cijfers.xlsx", 3)]


def test_a_file_above_the_size_cap_is_refused_unread(tmp_path, bronnen, monkeypatch):
    from soest_data.bronnen import waardenbestand
    monkeypatch.setattr(waardenbestand, "MAX_BYTES", 100)
    _, problemen = _lees(tmp_path, bronnen, KOP + GOED * 5)
    assert "groter dan" in _meldingen(problemen)


def test_every_indicator_of_the_real_catalogue_has_a_kind_and_the_real_values_fit_it():
    from soest_data.bronnen import bouw
    from soest_data.bronnen.waardenbestand import bereik
    from tests.conftest import ECHTE_DATA, GEO
    bronset = bouw.lees(ECHTE_DATA, GEO)
    assert bronset.problemen == [], "the real data must pass its own range and population checks"
    for ind in bronset.catalogus.indicatoren.values():
        soort = bereik(ind["eenheid"]).soort
        assert (soort == "oordeel") == (ind["soort"] == "relatief"), ind["id"]
        if ind["eenheid"].startswith("aantal") and "gemiddeld" not in ind["eenheid"]:
            assert soort == "aantal", ind["id"]


@pytest.mark.parametrize("eenheid, getal, fout", [
    ("aantal", 12.5, "geen heel getal"), ("aantal", -1, "negatief"), ("aantal", 1e9, "inwoners van Nederland"),
    ("%", 100.1, "niet tussen 0 en 100"), ("% van jongeren", -0.1, "niet tussen 0 en 100"),
    ("rapportcijfer (1-10)", 42, "niet tussen 1 en 10"), ("rapportcijfer (1-10)", 0.5, "niet tussen 1 en 10"),
    ("per 1000 inwoners", 1000.5, "niet tussen 0 en 1.000"), ("km", -0.3, "negatief"),
    ("aantal (gemiddeld)", 2.5, None), ("% stijging", 140, None), ("% stijging", -20, None), ("aantal", 0, None),
    ("%", 0, None), ("%", 100, None), ("rapportcijfer (1-10)", 10, None), ("x 1000 euro", 922, None),
])
def test_each_kind_has_its_range(eenheid, getal, fout):
    from soest_data.bronnen.waardenbestand import buiten_bereik
    fouten = buiten_bereik(getal, eenheid)
    assert (fout in " ".join(fouten)) if fout else fouten == []


def test_build_and_validate_refuse_a_count_above_its_population(fixture_data, capsys, monkeypatch):
    from soest_data.__main__ import main
    from tests.conftest import GEO
    waarden = fixture_data / "waarden" / "test.csv"
    waarden.write_text(waarden.read_text(encoding="utf-8").replace(
        "WK034205,test_bijstand,2023,300,", "WK034205,test_bijstand,2023,5300,"), encoding="utf-8")
    monkeypatch.setenv("SOEST_DATA", str(fixture_data))
    monkeypatch.setenv("SOEST_GEO", str(GEO))
    monkeypatch.setenv("SOEST_DB", str(fixture_data / "test.duckdb"))
    assert main(["validate"]) == 1
    assert "waarden/test.csv:" in capsys.readouterr().err
    assert main(["build"]) == 1
    assert "een deel kan niet groter zijn dan het geheel" in capsys.readouterr().err
    assert not (fixture_data / "test.duckdb").exists()


@pytest.mark.parametrize("grens, waarde, melding", [("MAX_UITGEPAKT", 1000, "uitgepakt groter dan"),
                                                    ("MAX_RIJEN", 1, "meer dan 1 regels")])
def test_an_xlsx_beyond_its_caps_is_refused_before_its_rows_are_kept(tmp_path, bronnen, monkeypatch, grens, waarde,
                                                                       melding):
    import openpyxl

    from soest_data.bronnen import waardenbestand
    boek = openpyxl.Workbook()
    boek.active.append(["gebied_code", "indicator", "jaar", "waarde", "bron"])
    for _ in range(3):
        boek.active.append(["WK034205", "test_moeite", 2020, 18.9, "test_bron"])
    boek.save(tmp_path / "groot.xlsx")
    monkeypatch.setattr(waardenbestand, grens, waarde)
    _, problemen = lees_waarden(tmp_path / "groot.xlsx", bronnen)
    assert melding in _meldingen(problemen)
