"""What the wijkprofielen say per wijk × opgave (data/uitspraken.yaml) and how the tally agrees with it, cell by cell.

Run with -s to read the agreement table; docs/METHODE.md records it with a reason for every disagreement.
"""
import re
from pathlib import Path

import yaml

from soest_data import scoring
from soest_data.begrippen import OPGAVEN
from soest_data.weergave import aandacht

PROJECT = Path(__file__).resolve().parents[2]
VISIE = PROJECT / "data" / "bronteksten" / "integrale_visie_sociaal_domein_2024-2028.txt"
METHODE = PROJECT / "docs" / "METHODE.md"
# A quote never stops just before the half of its sentence that turns it around.
OMSLAG = re.compile(r"^\s*,?\s*(maar|echter|al |terwijl|hoewel|daarentegen)", re.IGNORECASE)


def _uitspraken() -> list[dict]:
    return yaml.safe_load((PROJECT / "data" / "uitspraken.yaml").read_text(encoding="utf-8"))["uitspraken"]


def test_every_quote_is_verbatim_in_the_visie():
    tekst = re.sub(r"\s+", " ", VISIE.read_text(encoding="utf-8"))
    for u in _uitspraken():
        for citaat in u["citaten"]:
            assert re.sub(r"\s+", " ", citaat["tekst"]) in tekst, (u["gebied"], u["opgave"], citaat["tekst"])


def test_no_quote_is_cut_before_its_maar():
    tekst = re.sub(r"\s+", " ", VISIE.read_text(encoding="utf-8"))
    for u in _uitspraken():
        for citaat in u["citaten"]:
            deel = re.sub(r"\s+", " ", citaat["tekst"])
            plek = tekst.index(deel) + len(deel)
            if deel.endswith((".", "?", "!")):
                continue  # a whole sentence
            assert not OMSLAG.match(tekst[plek:plek + 20]), (u["gebied"], u["opgave"], deel[-60:], tekst[plek:plek + 20])


def test_the_stories_never_contradict_the_stance():
    """verhalen.yaml's themes describe a wijk; an 'aandacht' theme never stands in a cell the text calls good."""
    standpunt = {(u["gebied"], u["opgave"]): u["oordeel"] for u in _uitspraken()}
    verhalen = yaml.safe_load((PROJECT / "data" / "verhalen.yaml").read_text(encoding="utf-8"))["verhalen"]
    for v in verhalen:
        if v["soort"] == "aandacht":
            assert standpunt.get((v["gebied"], v.get("opgave"))) != "geen_aandacht", (v["gebied"], v["opgave"], v["thema"])


def test_one_statement_per_wijk_and_opgave_with_a_place_in_the_document():
    sleutels = [(u["gebied"], u["opgave"]) for u in _uitspraken()]
    assert len(sleutels) == len(set(sleutels))
    assert all(c["vindplaats"].startswith(("Bijlage 2", "Visie §")) for u in _uitspraken() for c in u["citaten"])


def test_agreement_with_the_wijkprofielen_cell_by_cell(echte_gegevens, capsys):
    g = echte_gegevens
    kernset = scoring.kernsets(g.opgaven)
    tel = aandacht.telling(scoring.beoordeel_wijken(g.waarden, g.indicatoren, kernset=kernset), g.wijken, kernset)
    overeen = aandacht.overeenstemming(tel, g.uitspraken)
    vergeleken = overeen[overeen["eens"].notna()]
    with capsys.disabled():
        print("\nwijk | opgave | telling | wijkprofiel | eens")
        for _, r in overeen[overeen["profiel"] != ""].iterrows():
            eens = {True: "ja", False: "NEE", None: "–"}[r["eens"]]
            print(f"{r['gebied_naam']} | {OPGAVEN[r['opgave']]} | {r['telling']} | {r['profiel']} | {eens}")
        print(f"eens: {int(vergeleken['eens'].astype(bool).sum())} van {len(vergeleken)}")
    # every cell where they differ is in docs/METHODE.md's table, with its reason
    methode = METHODE.read_text(encoding="utf-8")
    for _, r in overeen[overeen["eens"].map(lambda e: e is False)].iterrows():
        assert f"| {r['gebied_naam']} | {OPGAVEN[r['opgave']]} |" in methode, (r["gebied_naam"], r["opgave"])
    # the wijk the profiles call lowest on bestaanszekerheid and kansengelijkheid stands out on both
    smitsveen = tel.set_index(["gebied_code", "opgave"])
    assert smitsveen.loc[("WK034205", "bestaanszekerheid"), "valt_op"]
    assert smitsveen.loc[("WK034205", "kansengelijkheid"), "valt_op"]
