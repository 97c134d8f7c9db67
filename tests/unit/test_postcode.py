"""Mijn wijk (soest_data.bronnen.postcode): postcode or address → wijk and buurt. The table's invariants are read from data/;
the online answers come from recorded PDOK Locatieserver responses (tests/fixtures/opnames/pdok, README there says
which are real and which are constructed test variants). Nothing goes online."""
import logging
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest
import yaml

from soest_data.__main__ import main
from soest_data.bronnen import postcode, vernieuw
from tests.conftest import ECHTE_DATA
from tests.opnames import opname_sessie

TABEL = ECHTE_DATA / "postcodes" / "pc4_wijken.csv"
FREE = "locatieserver/search/v3_1/free"
GEBIEDEN = pd.read_csv(ECHTE_DATA / "gebieden.csv", dtype=str)
WIJKEN = dict(GEBIEDEN.query("niveau == 'wijk'")[["code", "naam"]].itertuples(index=False))


@pytest.fixture(scope="module")
def boek():
    return postcode.laad(TABEL, postcode.namen_uit(ECHTE_DATA / "gebieden.csv"))


def _haler(opname: str | None = None, offline: bool = False) -> vernieuw.Haler:
    sessie = opname_sessie({FREE: f"pdok/{opname}"} if opname else None, offline=offline)
    return vernieuw.Haler(sessie, timeout=postcode.TIMEOUT_S)


def _gevraagd(haler: vernieuw.Haler) -> dict[str, list[str]]:
    return parse_qs(urlparse(haler.sessie.adapter.gevraagd[-1]).query)


# --- the offline table -------------------------------------------------------------------------------------------

def test_table_holds_only_wijken_of_soest_and_every_wijk_is_reachable():
    tabel = pd.read_csv(TABEL, dtype={"postcode": str})
    assert list(tabel.columns) == ["postcode", "wijk_code", "aandeel"]
    assert tabel["postcode"].str.fullmatch(r"[1-9]\d{3}").all()
    assert set(tabel["wijk_code"]) <= set(WIJKEN), "every wijk code exists in data/gebieden.csv"
    assert tabel["aandeel"].between(0.01, 1).all()
    per_pc4 = tabel.groupby("postcode")["aandeel"].sum()
    assert (per_pc4 >= 0.5).all() and (per_pc4 <= 1.005).all(), "mostly in Soest; shares ≤ 100 % (each rounded to 0,1 %)"
    aangeboden = tabel[tabel["aandeel"] >= postcode.AANBIEDEN]
    assert set(aangeboden["wijk_code"]) == set(WIJKEN), "each wijk is offered for at least one postcode"


def test_table_has_its_source_with_year():
    bronnen = {b["id"]: b for b in yaml.safe_load((ECHTE_DATA / "bronnen.yaml").read_text())["bronnen"]}
    bron = bronnen["cbs_pc4_2020"]
    assert bron["jaren"] == [2020] and bron["uitgever"] == "CBS"
    assert "certegis" in bron["overgenomen_uit"] and "pc4_wijken.csv" in bron["voorbehoud"]


def test_soesterberg_postcode_lands_on_soesterberg(boek):
    antwoord = postcode.zoek("3769", boek)
    assert antwoord.soort == "wijk"
    assert [WIJKEN[p.wijk_code] for p in antwoord.plekken] == ["Soesterberg"]
    assert antwoord.tekst == "Postcode 3769 ligt in de wijk Soesterberg." and "CBS" in antwoord.bron


def test_postcode_on_a_wijk_border_offers_the_wijken_largest_first(boek):
    tabel = pd.read_csv(TABEL, dtype={"postcode": str}).query("aandeel >= @postcode.AANBIEDEN")
    grens = tabel.groupby("postcode").filter(lambda d: len(d) > 1)
    assert len(grens), "Soest has postcodes that span several wijken"
    for pc4, deel in grens.groupby("postcode"):
        antwoord = postcode.zoek(f" {pc4} ", boek)
        assert antwoord.soort == "keuze" and "meer dan één wijk" in antwoord.tekst
        assert [p.wijk_code for p in antwoord.plekken] == list(deel.sort_values("aandeel", ascending=False)["wijk_code"])
        assert all(p.buurt_naam is None for p in antwoord.plekken)


@pytest.mark.parametrize("tekst, verwacht", [
    ("1234", "Postcode 1234 ligt niet in de gemeente Soest"),
    ("3767", "Postcode 3767 ligt niet in de gemeente Soest"),
    ("", "Typ uw postcode"),
    ("   ", "Typ uw postcode"),
    ("376", "Dit is geen postcode"),
    ("37690", "Dit is geen postcode"),
    ("3769 A", "Dit is geen postcode"),
    ("0342", "Dit is geen postcode"),
    ("Kerkstraat", "Typ ook uw huisnummer"),
    ("x" * 101, "te lang"),
])
def test_unknown_or_malformed_input_gets_a_dutch_message(boek, tekst, verwacht):
    antwoord = postcode.zoek(tekst, boek)
    assert antwoord.soort == "melding" and verwacht in antwoord.tekst


def test_offline_a_full_postcode_answers_from_its_first_four_digits(boek):
    antwoord = postcode.zoek("3769ab", boek)  # no haler: offline
    assert antwoord.tekst.startswith("Zonder verbinding") and antwoord.plekken[0].wijk_code == "WK034208"
    adres = postcode.zoek("Kerkstraat 1, 3769 AB Soesterberg", boek)
    assert adres.plekken[0].wijk_code == "WK034208"
    assert "zonder postcode" in postcode.zoek("Kerkstraat 1 Soest", boek).tekst
    assert "zonder postcode" in postcode.zoek("Dorpsstraat 1000 Soest", boek).tekst  # a house number, not a postcode
    assert postcode.zoek("Dorpsstraat 1000, 3769 Soesterberg", boek).plekken[0].wijk_code == "WK034208"


# --- online, against recorded PDOK Locatieserver answers ------------------------------------------------------------

def test_full_postcode_in_one_buurt_gives_the_buurt(boek):
    haler = _haler("locatieserver_free_soest_een_buurt_TESTVARIANT.json")
    antwoord = postcode.zoek("3769 xa", boek, haler)
    assert antwoord.soort == "wijk" and antwoord.plekken == (postcode.Plek("WK034208", "Soesterberg", "Soesterberg Kom"),)
    assert antwoord.tekst == "Postcode 3769 XA ligt in de wijk Soesterberg, buurt Soesterberg Kom."
    vraag = _gevraagd(haler)
    assert vraag["q"] == ["postcode:3769XA"] and vraag["fq"] == ["type:adres"]
    assert "buurtcode" in vraag["fl"][0] and vraag["rows"] == [str(postcode.RIJEN)]


def test_full_postcode_in_two_buurten_offers_both(boek):
    antwoord = postcode.zoek("3765XA", boek, _haler("locatieserver_free_soest_twee_buurten_TESTVARIANT.json"))
    assert antwoord.soort == "keuze" and "meer dan één buurt" in antwoord.tekst
    assert [(p.wijk_code, p.buurt_naam) for p in antwoord.plekken] == [("WK034204", "Soest Midden"),
                                                                       ("WK034205", "Smitsveen")]


@pytest.mark.parametrize("opname", ["locatieserver_free_1118CP_202_adres.json", "locatieserver_free_1118CP_postcode.json"])
def test_real_answer_outside_soest_says_where(boek, opname):
    antwoord = postcode.zoek("1118 CP", boek, _haler(opname))
    assert antwoord.tekst == "Postcode 1118 CP ligt niet in de gemeente Soest, maar in Haarlemmermeer."
    assert antwoord.plekken == () and "PDOK" in antwoord.bron


def test_real_empty_answer_is_an_unknown_postcode(boek):
    antwoord = postcode.zoek("3769ZZ", boek, _haler("locatieserver_free_leeg.json"))
    assert antwoord.soort == "melding" and antwoord.tekst.startswith("Postcode 3769 ZZ is niet gevonden")


@pytest.mark.parametrize("haler", [lambda: _haler(offline=True), lambda: vernieuw.Haler(opname_sessie(), timeout=1)],
                         ids=["geen netwerk", "HTTP 404"])
def test_unreachable_service_falls_back_to_the_table_with_a_dutch_message(boek, haler):
    antwoord = postcode.zoek("3769 AB", boek, haler())
    assert antwoord.tekst.startswith("De adresdienst (PDOK) is nu niet bereikbaar")
    assert [p.wijk_code for p in antwoord.plekken] == ["WK034208"] and "CBS" in antwoord.bron
    assert "niet bereikbaar" in postcode.zoek("Kerkstraat 1 Soest", boek, haler()).tekst


def test_address_gives_its_buurt_and_is_searched_in_soest_only(boek):
    haler = _haler("locatieserver_free_soest_adres_TESTVARIANT.json")
    antwoord = postcode.zoek("Voorbeeldstraat 1  Soest", boek, haler)
    assert antwoord.tekst == "Voorbeeldstraat 1, 3764XA Soest ligt in de wijk De Eng-Soest-Midden, buurt Soest Midden."
    vraag = _gevraagd(haler)
    assert vraag["q"] == ["Voorbeeldstraat 1 Soest"] and vraag["fq"] == ["type:adres", "gemeentecode:0342"]
    leeg = postcode.zoek("Voorbeeldstraat 1 Soest", boek, _haler("locatieserver_free_leeg.json"))
    assert leeg.soort == "melding" and "niet gevonden" in leeg.tekst


def test_a_buurt_the_dashboard_does_not_know_still_gives_its_wijk(boek):
    antwoord = postcode.zoek("3769XB", boek, _haler("locatieserver_free_soest_nieuwe_buurt_TESTVARIANT.json"))
    assert antwoord.plekken == (postcode.Plek("WK034208", "Soesterberg"),)
    assert antwoord.tekst == "Postcode 3769 XB ligt in de wijk Soesterberg."


def test_what_a_visitor_types_is_never_logged(boek, caplog):
    caplog.set_level(logging.DEBUG)
    postcode.zoek("Voorbeeldstraat 1 Soest", boek, _haler("locatieserver_free_soest_adres_TESTVARIANT.json"))
    postcode.zoek("Voorbeeldstraat 1 Soest", boek, _haler(offline=True))
    assert "Voorbeeldstraat" not in caplog.text
    urllib3 = logging.getLogger("urllib3.connectionpool")
    regel = urllib3.makeRecord(urllib3.name, logging.DEBUG, __file__, 1, '%s://%s:%s "%s %s %s" %s %s',
                               ("https", postcode.PDOK_HOST, 443, "GET", "/free?q=Voorbeeldstraat+1", "HTTP/1.1", 200, 9),
                               None)
    assert not urllib3.filter(regel), "urllib3's request line with the query is dropped for PDOK"
    assert urllib3.filter(urllib3.makeRecord(urllib3.name, logging.DEBUG, __file__, 1, "%s", ("opendata.cbs.nl",), None))


def test_the_visitor_waits_at_most_a_few_seconds():
    assert postcode.haler().timeout == postcode.TIMEOUT_S <= 10


# --- command line ------------------------------------------------------------------------------------------------------

def test_cli_prints_the_wijk_and_its_link(capsys):
    assert main(["postcode", "3769", "--offline"]) == 0
    uit = capsys.readouterr().out
    assert "Postcode 3769 ligt in de wijk Soesterberg." in uit and "/wijkprofiel?wijk=WK034208" in uit
    assert main(["postcode", "1234"]) == 1
    assert "niet in de gemeente Soest" in capsys.readouterr().out


def test_cli_looks_up_online_through_the_network_layer(capsys, monkeypatch):
    monkeypatch.setattr(vernieuw, "nieuwe_sessie", lambda: opname_sessie(
        {FREE: "pdok/locatieserver_free_soest_een_buurt_TESTVARIANT.json"}))
    assert main(["postcode", "3769", "XA"]) == 0
    assert "buurt Soesterberg Kom" in capsys.readouterr().out
