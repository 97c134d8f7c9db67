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
# Cells where the tally and the text agree, out of the cells where the text takes a position (2026-11-26: 22 of 27;
# before the kernset and the rule per kind of figure: 16 of 27). A drop means the method or the data changed: look.
MINIMUM_EENS = 22


def _uitspraken() -> list[dict]:
    return yaml.safe_load((PROJECT / "data" / "uitspraken.yaml").read_text(encoding="utf-8"))["uitspraken"]


def test_every_quote_is_verbatim_in_the_visie():
    tekst = re.sub(r"\s+", " ", VISIE.read_text(encoding="utf-8"))
    for u in _uitspraken():
        for citaat in u["citaten"]:
            assert re.sub(r"\s+", " ", citaat["tekst"]) in tekst, (u["gebied"], u["opgave"], citaat["tekst"])


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
    assert int(vergeleken["eens"].astype(bool).sum()) >= MINIMUM_EENS
    # the wijk the profiles call lowest on bestaanszekerheid and kansengelijkheid stands out on both
    smitsveen = tel.set_index(["gebied_code", "opgave"])
    assert smitsveen.loc[("WK034205", "bestaanszekerheid"), "valt_op"]
    assert smitsveen.loc[("WK034205", "kansengelijkheid"), "valt_op"]
