"""Maintenance tool: copy the official figures from the team's shared folder into data/waarden/*.csv.

Only indicators in the catalogue (data/catalogus/*.yaml) are copied, with the verbatim quote that proves each figure.
The comparison figures (Nederland and the neighbouring gemeenten, vergelijk_cijfers.csv) land in their own files
data/waarden/vergelijk_<bron>.csv, for the indicators that have gemeente values.
Run from the project root: .venv/bin/python scripts/overnemen_shared.py [path/to/shared/data]
The dashboard never needs this script or the shared folder; its output is committed.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
BRON = {  # (publisher text in shared, year) → our source id and the values file it lands in
    ("RIVM/GGD/CBS, Gezondheid per wijk en buurt 2012 (modelschatting)", "2012"): ("rivm_gezondheid_2012", "rivm_gezondheid"),
    ("RIVM/GGD/CBS, Gezondheid per wijk en buurt 2016 (modelschatting)", "2016"): ("rivm_gezondheid_2016", "rivm_gezondheid"),
    ("RIVM/GGD/CBS, Gezondheid per wijk en buurt 2020 (modelschatting)", "2020"): ("rivm_gezondheid_2020", "rivm_gezondheid"),
    ("CBS, Kerncijfers wijken en buurten 2023", "2023"): ("cbs_kwb_2023", "cbs_kwb"),
    ("CBS, Kerncijfers wijken en buurten 2024", "2024"): ("cbs_kwb_2024", "cbs_kwb"),
    ("GGD/RIVM/CBS, Gezondheidsmonitor Jongvolwassenen 2024", "2024"): ("ggd_jongvolwassenen_2024", "ggd_jongvolwassenen"),
    ("Gemeente Soest, Burgerpeiling 2019 (Waar staat je gemeente)", "2019"): ("burgerpeiling_2019", "burgerpeiling"),
}
KOLOMMEN = ["gebied_code", "indicator", "jaar", "waarde", "eenheid", "relatief", "status", "bron", "citaat"]
NIVEAU = {"GM": "gemeente", "WK": "wijk", "BU": "buurt"}
BESTANDEN = {"soest_wijken_cijfers.csv": "", "soest_buurten_cijfers.csv": "", "vergelijk_cijfers.csv": "vergelijk_",
             "rivm2012_soest_wijken.csv": "", "rivm2012_soest_buurten.csv": "", "rivm2012_vergelijk.csv": "vergelijk_"}


def niveau(gebied_code: str) -> str:
    """The level whose figures this row repeats: a comparison area (NL01, another GM) stands beside the gemeente."""
    return NIVEAU.get(gebied_code[:2], "gemeente")


def onze_id(indicator: str) -> str:
    if indicator.startswith("gezondheid_"):
        return indicator.removeprefix("gezondheid_")
    if indicator.startswith("gmjv_"):
        return "jv_" + indicator.removeprefix("gmjv_")
    return indicator


def catalogus() -> dict[str, dict]:
    uit = {}
    for pad in (PROJECT / "data" / "catalogus").glob("*.yaml"):
        for ind in yaml.safe_load(pad.read_text(encoding="utf-8"))["indicatoren"]:
            uit[ind["id"]] = ind
    return uit


def main(shared: Path) -> None:
    cat = catalogus()
    per_bestand: dict[str, list[dict]] = {}
    gezien: dict[tuple, str] = {}
    for naam, voorvoegsel in BESTANDEN.items():
        with (shared / naam).open(encoding="utf-8", newline="") as f:
            for rij in csv.DictReader(f):
                bron = BRON.get((rij["bron"], rij["jaar"]))
                ind = cat.get(onze_id(rij["indicator"]))
                if not bron or not ind or ind.get("berekening") or bron[0] not in ind["bronnen"]:
                    continue
                if niveau(rij["gebied_code"]) not in ind["niveaus"]:
                    continue
                sleutel = (rij["gebied_code"], ind["id"], rij["jaar"])
                if sleutel in gezien:  # the same figure read from two exports of one table: keep one, but they must agree
                    if gezien[sleutel] != rij["waarde"]:
                        raise SystemExit(f"{sleutel}: twee exports geven {gezien[sleutel]} en {rij['waarde']}")
                    continue
                gezien[sleutel] = rij["waarde"]
                per_bestand.setdefault(voorvoegsel + bron[1], []).append({
                    "gebied_code": rij["gebied_code"], "indicator": ind["id"], "jaar": rij["jaar"],
                    "waarde": rij["waarde"], "eenheid": ind["eenheid"], "relatief": "", "status": "",
                    "bron": bron[0], "citaat": rij["citaat"],
                })
    for bestand, rijen in per_bestand.items():
        rijen.sort(key=lambda r: (r["indicator"], r["jaar"], r["gebied_code"]))
        with (PROJECT / "data" / "waarden" / f"{bestand}.csv").open("w", encoding="utf-8", newline="") as f:
            schrijver = csv.DictWriter(f, fieldnames=KOLOMMEN, lineterminator="\n")
            schrijver.writeheader()
            schrijver.writerows(rijen)
        print(f"data/waarden/{bestand}.csv: {len(rijen)} rijen")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT.parent / "shared" / "data")
