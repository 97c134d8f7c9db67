"""The real text data taken from the gemeente's documents (Integrale Visie, wijkprofielen, enquête).

Checks the files in data/ that quote the documents in data/bronteksten/: bronnen_visie.yaml, catalogus/visie.yaml,
waarden/visie.csv, opgaven.yaml, verhalen.yaml and enquete.yaml. Other files in data/ may be changing at the same time, so the
validation test only looks at problems that concern these files.
"""
import csv
import re
from pathlib import Path

import yaml

from soest_data.begrippen import OPGAVEN
from soest_data.bronnen import bouw

PROJECT = Path(__file__).resolve().parents[2]
DATA = PROJECT / "data"
BRONTEKSTEN = DATA / "bronteksten"
VISIE_BESTANDEN = ("bronnen_visie.yaml", "visie.yaml", "visie.csv", "opgaven.yaml", "verhalen.yaml", "enquete.yaml")
WIJKEN = [f"WK0342{i:02d}" for i in range(1, 9)]
VIJF = [o for o in OPGAVEN if o != "context"]


def _yaml(naam: str) -> dict:
    return yaml.safe_load((DATA / naam).read_text(encoding="utf-8"))


def _visie_waarden() -> list[dict]:
    with (DATA / "waarden" / "visie.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_visie_files_validate():
    problemen = bouw.valideer(DATA, PROJECT / "geo")
    eigen = [p for p in problemen if any(naam in str(p) for naam in VISIE_BESTANDEN)]
    assert not eigen, "\n".join(str(p) for p in eigen)


def test_the_five_sources_are_there_with_their_years():
    bronnen = {b["id"]: b for b in _yaml("bronnen_visie.yaml")["bronnen"]}
    assert set(bronnen) == {"visie_soest_2024", "verwey_jonker_wijkprofielen", "verwey_jonker_enquete_2023",
                            "raadsinfo_2026", "participatie_2023"}
    for rij in _visie_waarden():
        assert int(rij["jaar"]) in bronnen[rij["bron"]]["jaren"], rij


def test_every_opgave_has_goals_activities_and_key_figures_in_the_fixed_order():
    opgaven = _yaml("opgaven.yaml")["opgaven"]
    assert [o["id"] for o in opgaven] == VIJF
    indicatoren = {i["id"] for i in _yaml("catalogus/visie.yaml")["indicatoren"]}
    for o in opgaven:
        assert o["doelen"] and all(d.startswith("We willen dat") for d in o["doelen"]), o["id"]
        assert o["activiteiten"], o["id"]
        assert o["kerncijfers"] and set(o["kerncijfers"]) <= indicatoren, o["id"]


def test_every_wijk_has_a_situatieschets():
    verhalen = _yaml("verhalen.yaml")["verhalen"]
    met_schets = {v["gebied"] for v in verhalen if v["soort"] == "situatieschets"}
    assert set(WIJKEN) <= met_schets


def test_mixed_wijken_carry_a_caveat():
    verhalen = _yaml("verhalen.yaml")["verhalen"]
    met_voorbehoud = {v["gebied"] for v in verhalen if v["soort"] == "voorbehoud"}
    assert {"WK034201", "WK034204", "WK034208"} <= met_voorbehoud


def test_the_survey_has_263_participants_and_the_named_shares_per_wijk():
    enquete = _yaml("enquete.yaml")["enquete"]
    assert enquete["n"] == 263
    assert {r["gebied"]: r["aandeel"] for r in enquete["respondenten_per_wijk"]} == {
        "WK034208": 24, "WK034201": 21, "WK034205": 7}
    cijfer = next(v for v in enquete["vragen"] if v["id"] == "rapportcijfer_leven")
    assert cijfer["antwoorden"][0]["waarde"] == 7.5
    assert all(v.get("n") is None or v["n"] <= 263 for v in enquete["vragen"])


def test_each_row_has_exactly_one_of_value_statement_or_status():
    for rij in _visie_waarden():
        assert sum(bool(rij[k]) for k in ("waarde", "relatief", "status")) == 1, rij


def test_known_figures_from_the_wijkprofielen():
    waarden = {(r["gebied_code"], r["indicator"]): r for r in _visie_waarden()}
    assert float(waarden[("WK034205", "vj_jeugdhulp_zonder_verblijf")]["waarde"]) == 10.6
    assert float(waarden[("GM0342", "vj_ouders_0_4_laag_opleidingsniveau")]["waarde"]) == 34
    assert float(waarden[("NL01", "visie_lid_sportvereniging")]["waarde"]) == 24.6
    assert waarden[("WK034206", "vj_jeugdhulp_zonder_verblijf")]["status"] == "onbekend"
    assert waarden[("WK034202", "vj_wmo_clienten")]["relatief"] == "hoogste"


def test_every_citaat_is_verbatim_in_the_source_document():
    tekst = re.sub(r"\s+", " ", (BRONTEKSTEN / "integrale_visie_sociaal_domein_2024-2028.txt").read_text(encoding="utf-8"))
    for rij in _visie_waarden():
        assert re.sub(r"\s+", " ", rij["citaat"]) in tekst, rij
    for vraag in _yaml("enquete.yaml")["enquete"]["vragen"]:
        for deel in re.split(r"\s*(?:\.\.\.|…)\s*", vraag["citaat"]):
            assert not deel or re.sub(r"\s+", " ", deel) in tekst, (vraag["id"], deel)


def test_every_quote_contains_its_number():
    for rij in _visie_waarden():
        if not rij["waarde"]:
            continue
        getal = float(rij["waarde"])
        vormen = {f"{getal:.{d}f}".replace(".", ",") for d in (0, 1, 2)} | {f"{int(getal):,}".replace(",", ".")}
        assert any(v in rij["citaat"] for v in vormen), rij


def test_no_invented_years_a_figure_without_a_year_says_so():
    """A Visie or wijkprofiel figure is filed under a year only if the document names that year in or just before its
    quote; any other figure has a `meetjaar` text in the catalogue, and pages show that text instead of the filed year
    (soest_data/jaren.py). No figure is filed under the RIVM year it happens to equal."""
    catalogus = {i["id"]: i for i in _yaml("catalogus/visie.yaml")["indicatoren"]}
    tekst = re.sub(r"\s+", " ", (BRONTEKSTEN / "integrale_visie_sociaal_domein_2024-2028.txt").read_text(encoding="utf-8"))
    for rij in _visie_waarden():
        if catalogus[rij["indicator"]].get("meetjaar"):
            continue
        plek = tekst.index(re.sub(r"\s+", " ", rij["citaat"]))
        assert rij["jaar"] in tekst[max(0, plek - 300):plek + len(rij["citaat"]) + 60], rij
    # one sentence, one (unknown) year: 31 % social and 23 % emotional loneliness of the elderly
    zin = {r["indicator"]: r["jaar"] for r in _visie_waarden()
           if r["indicator"] in ("visie_ouderen_sociaal_eenzaam", "visie_ouderen_emotioneel_eenzaam")}
    assert len(set(zin.values())) == 1
    assert all(catalogus[i].get("meetjaar") for i in zin)


def test_the_story_of_soest_does_not_say_everyone_gave_a_7():
    verhalen = _yaml("verhalen.yaml")["verhalen"]
    soest = next(v for v in verhalen if v["gebied"] == "GM0342" and v["soort"] == "situatieschets")
    assert "5 of 6" in soest["tekst"] and "Wie meedeed aan het participatietraject gaf het leven een 7" not in soest["tekst"]


def test_only_verbatim_text_stands_in_quotation_marks_in_the_stories():
    """verhalen.yaml's `tekst` is the gemeente's summary; a fragment in quotation marks inside it, and every `citaat`,
    is verbatim in the source documents."""
    bronnen = " ".join(re.sub(r"\s+", " ", p.read_text(encoding="utf-8")) for p in BRONTEKSTEN.glob("*.txt"))
    for v in _yaml("verhalen.yaml")["verhalen"]:
        tekst = " ".join(v["tekst"].split())
        for fragment in re.findall(r"[\"“]([^\"”]+)[\"”]", tekst):
            assert fragment in bronnen, (v["gebied"], v["thema"], fragment)
        if v.get("citaat"):
            assert " ".join(v["citaat"].split()) in bronnen, (v["gebied"], v["thema"])
