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
    ("gebied_code,indicator,jaar\nWK034205,test_moeite,2020\n", "kolommen ontbreken: waarde, eenheid, bron"),
    (KOP.replace(",", ";") + GOED.replace(",", ";"), "scheidingsteken"),
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
