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
