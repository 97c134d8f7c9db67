"""Maintenance tool: the open-data figures and boundaries of another gemeente, read from the same public files as
Soest's, into data/gemeenten/<code>/ and geo/gemeenten/<code>/ (see README, "Een andere gemeente").

Soest's own rows (data/waarden/*.csv) are the recipe: for every figure Soest has per wijk or buurt from RIVM
Gezondheid per wijk en buurt (50090NED) and CBS Kerncijfers wijken en buurten (85618NED, 85984NED), the same table,
column and age group is read for the other gemeente's wijken and buurten, with a verbatim quote of the cell in the
same form. Before writing, the recipe is checked by reading Soest's own wijken and buurten again: every one of those
rows must come out identical (value and quote), else nothing is written. The gemeente's own figures and those of
Nederland and the buurgemeenten are the rows already in Soest's data (the same public files): the other gemeente is
one of Soest's buurgemeenten, Soest one of its.

The public files are read from the fetched git snapshots (MIRRORS/<owner>+<name>/repo) at the commits below, never
from the network. Boundaries: cartomap/nl rd/buurt_2024.geojson (the national file Soest's come from), or a file of
the same form that holds at least the gemeente's buurten.

Run from the project root:
  .venv/bin/python scripts/gemeente_overnemen.py --gemeente GM0307 --naam Amersfoort \
      --buurgemeenten GM0342 GM0308 GM0313 GM0327 --mirrors /work/.mirror --grenzen buurt_2024.geojson
The dashboard never needs this script; its output is committed.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd
import shapely
import yaml
from pyproj import Transformer
from shapely.geometry import mapping, shape

PROJECT = Path(__file__).resolve().parent.parent
SOEST = "GM0342"
KOLOMMEN = ["gebied_code", "indicator", "jaar", "waarde", "eenheid", "relatief", "status", "bron", "citaat"]
# The public files Soest's figures were read from (data/bronnen.yaml, ../shared/data/BRONNEN.md): repository,
# commit, path.
BESTANDEN = {
    ("rivm", 2012, "18+"): ("ImkeDekkers/Buurtvergelijker", "df3b857", "Data/RIVM_Gezondheid2012/2012_18+.xlsx"),
    ("rivm", 2012, "18_65"): ("ImkeDekkers/Buurtvergelijker", "df3b857", "Data/RIVM_Gezondheid2012/2012_18_65.xlsx"),
    ("rivm", 2012, "65+"): ("ImkeDekkers/Buurtvergelijker", "df3b857", "Data/RIVM_Gezondheid2012/2012_65+.xlsx"),
    ("rivm", 2016, "18+"): ("ImkeDekkers/Buurtvergelijker", "df3b857", "Data/RIVM_Gezondheid2016/2016_18+.xlsx"),
    ("rivm", 2016, "18_65"): ("ImkeDekkers/Buurtvergelijker", "df3b857", "Data/RIVM_Gezondheid2016/2016_18_65.xlsx"),
    ("rivm", 2016, "65+"): ("ImkeDekkers/Buurtvergelijker", "df3b857", "Data/RIVM_Gezondheid2016/2016_65+.xlsx"),
    ("rivm", 2020, "18+"): ("ImkeDekkers/Buurtvergelijker", "df3b857",
                            "Data/RIVM_Gezondheid2020/RIVM_gezondheid2020_18+.xlsx"),
    ("rivm", 2020, "65+"): ("ImkeDekkers/Buurtvergelijker", "df3b857",
                            "Data/RIVM_Gezondheid2020/RIVM_gezondheid2020_65+.xlsx"),
    ("kwb2023",): ("TheCodeMaestro/INMINDAEN-geboortezorg-project", "474b304",
                   "Python_Scripts/Bewerkte_datasets/kwb-2023-transformed.xlsx"),
    ("json2024",): ("niquedegraaff/Wikipedia-Generator-CBS-Kerncijfers-Wijken-en-Buurten", "db6d0b9",
                    "2024/cbs_data/stripped_filtered_data_2024.json"),
    ("csv2024", "herkomst"): ("Swienn/ScientificDataAnalysisProject", "87339a8",
                              "Data/Kerncijfers_wijken_en_buurten_2024_11122025_141648.csv"),
    ("csv2024", "leeftijd"): ("Swienn/ScientificDataAnalysisProject", "87339a8",
                              "Data/Kerncijfers_wijken_en_buurten_2024_geslachten.csv"),
}
LEEFTIJD = {"20300": "18+", "80200": "65+"}  # RIVM's age codes; any other is the 18-65 file
BRONNEN = ("rivm_gezondheid", "cbs_kwb")
GEEN = {"", ".", "nan", "None"}
KOP_INSTELLING = ('# De gemeente van deze datamap (zie soest_data/gemeente.py en README, "Een andere gemeente"). Gemaakt met\n'
                  "# scripts/gemeente_overnemen.py; buurgemeenten: de gemeenten naast Nederland als referentie.\n")


class Lezer:
    """The public files, read once each from the fetched snapshots at the recorded commit."""

    def __init__(self, mirrors: Path):
        self.mirrors = mirrors
        self._cache: dict = {}

    def ruw(self, sleutel: tuple) -> bytes:
        repo, commit, pad = BESTANDEN[sleutel]
        git = self.mirrors / repo.replace("/", "+") / "repo"
        return subprocess.run(["git", f"--git-dir={git}", "show", f"{commit}:{pad}"], check=True,
                              capture_output=True).stdout

    def tabel(self, sleutel: tuple):
        if sleutel not in self._cache:
            ruw = self.ruw(sleutel)
            if sleutel[0] in ("rivm", "kwb2023"):
                frame = pd.read_excel(io.BytesIO(ruw), dtype=str)
                code = "Codering_3" if sleutel[0] == "rivm" else "gwb_code_10"
                frame["_code"] = frame[code].str.strip()
                self._cache[sleutel] = frame
            elif sleutel[0] == "json2024":
                self._cache[sleutel] = json.loads(ruw)
            else:
                self._cache[sleutel] = ruw.decode("utf-8-sig").splitlines()
        return self._cache[sleutel]

    def regels_2024(self) -> dict[str, tuple[str, str]]:
        """Area code → (line of the age file, the same line of the origin file): the two Swienn exports have the
        same rows in the same order; only the age file names the code."""
        leeftijd, herkomst = self.tabel(("csv2024", "leeftijd")), self.tabel(("csv2024", "herkomst"))
        assert len(leeftijd) == len(herkomst)
        uit = {}
        for a, b in zip(leeftijd[1:], herkomst[1:]):
            velden_a, velden_b = a.split(";"), b.split(";")
            assert velden_a[0] == velden_b[0], (a, b)  # the same area on the same line
            uit[velden_a[3].strip('" ')] = (a.replace('"', ""), b.replace('"', ""))
        return uit


def recept(soest_rijen: pd.DataFrame) -> dict[tuple, dict]:
    """Per (bron, indicator, level) how Soest's figure was read: file, column (and age code)."""
    uit: dict[tuple, dict] = {}
    kandidaten: dict[tuple, set] = defaultdict(set)
    for r in soest_rijen.itertuples():
        niveau, citaat = r.gebied_code[:2], r.citaat
        sleutel = (r.bron, r.indicator, niveau)
        if citaat.startswith("ID="):
            delen = dict(d.split("=", 1) for d in citaat.split(" "))
            kolom = citaat.rsplit(" ", 1)[1].split("=", 1)[0]
            bestand = ("rivm", int(r.jaar), LEEFTIJD.get(delen["Leeftijd"], "18_65"))
            uit[sleutel] = {"vorm": "rivm", "bestand": bestand, "kolom": kolom, "leeftijd": delen["Leeftijd"],
                            "eenheid": r.eenheid, "jaar": r.jaar}
        elif citaat.startswith("gwb_code_10="):
            uit[sleutel] = {"vorm": "kwb2023", "bestand": ("kwb2023",), "kolom": citaat.rsplit(" ", 1)[1].split("=")[0],
                            "eenheid": r.eenheid, "jaar": r.jaar}
        elif citaat.startswith('"'):
            uit[sleutel] = {"vorm": "json2024", "bestand": ("json2024",),
                            "kolom": re.search(r'"(\w+)": [^"]+$', citaat)[1], "eenheid": r.eenheid, "jaar": r.jaar}
        else:  # a line of a Swienn export: the column is where Soest's value stands, in every Soest row
            velden = citaat.split(";")
            soort = "leeftijd" if len(velden) > 6 else "herkomst"
            posities = {i for i, v in enumerate(velden) if v.strip() == str(r.waarde)}
            kandidaten[sleutel] = kandidaten[sleutel] & posities if sleutel in kandidaten else posities
            uit[sleutel] = {"vorm": "csv2024", "bestand": ("csv2024", soort), "eenheid": r.eenheid, "jaar": r.jaar}
    for sleutel, posities in kandidaten.items():
        if len(posities) != 1:
            raise SystemExit(f"{sleutel}: de kolom is niet eenduidig ({sorted(posities)})")
        uit[sleutel]["positie"] = posities.pop()
    return uit


def getal(tekst: str) -> str:
    """A cell as our files write it: decimal point, no padding."""
    return tekst.strip().replace(",", ".")


def lees_cel(lezer: Lezer, bron: str, manier: dict, code: str, regels: dict) -> tuple[str, str] | None:
    """(value, quote) of one area, or None when the file has no figure for it (absent, never zero)."""
    if manier["vorm"] == "rivm":
        t = lezer.tabel(manier["bestand"])
        rij = t[(t["_code"] == code) & (t["Leeftijd"] == manier["leeftijd"]) & (t["Marges"] == "MW00000")]
        if len(rij) != 1 or str(rij.iloc[0][manier["kolom"]]).strip() in GEEN:
            return None
        rij = rij.iloc[0]
        cel = str(rij[manier["kolom"]]).strip()
        return cel, (f"ID={rij['ID']} Leeftijd={rij['Leeftijd']} Marges=MW00000 Codering_3={code} "
                     f"Perioden={rij['Perioden']} {manier['kolom']}={cel}")
    if manier["vorm"] == "kwb2023":
        t = lezer.tabel(manier["bestand"])
        rij = t[t["_code"] == code]
        if len(rij) != 1 or str(rij.iloc[0][manier["kolom"]]).strip() in GEEN:
            return None
        cel = str(rij.iloc[0][manier["kolom"]]).strip()
        return getal(cel), f"gwb_code_10={code} ... {manier['kolom']}={cel}"
    if manier["vorm"] == "json2024":
        waarde = (lezer.tabel(manier["bestand"]).get(code) or {}).get(manier["kolom"])
        if waarde is None:
            return None
        return str(waarde), f'"{code}": {{ ... "{manier["kolom"]}": {waarde}'
    regel = regels.get(code)
    if not regel:
        return None
    tekst = regel[0] if manier["bestand"][1] == "leeftijd" else regel[1]
    cel = tekst.split(";")[manier["positie"]].strip()
    return (None if cel in GEEN else (getal(cel), tekst))


def lees_waarden(lezer: Lezer, manieren: dict, codes: list[str]) -> list[dict]:
    regels = lezer.regels_2024()
    rijen = []
    for (bron, indicator, niveau), manier in sorted(manieren.items()):
        for code in codes:
            if code[:2] != niveau:
                continue
            gelezen = lees_cel(lezer, bron, manier, code, regels)
            if gelezen:
                rijen.append({"gebied_code": code, "indicator": indicator, "jaar": manier["jaar"],
                              "waarde": gelezen[0], "eenheid": manier["eenheid"], "relatief": "", "status": "",
                              "bron": bron, "citaat": gelezen[1]})
    return rijen


def indelingen(lezer: Lezer, nummer: str) -> dict[str, dict[str, set[str]]]:
    """Per source file: wijk code → its buurt codes, for this gemeente (the indeling that file uses)."""
    uit = {}
    for sleutel in BESTANDEN:
        if sleutel[0] == "rivm":
            codes = set(lezer.tabel(sleutel)["_code"])
        elif sleutel[0] == "kwb2023":
            codes = set(lezer.tabel(sleutel)["_code"])
        else:  # both KWB 2024 exports are table 85984NED; the stripped json has no buurten, the Swienn files do
            codes = set(lezer.regels_2024())
        wijken: dict[str, set[str]] = {c: set() for c in codes if c.startswith(f"WK{nummer}")}
        for c in codes:
            if c.startswith(f"BU{nummer}"):
                wijken.setdefault(f"WK{c[2:8]}", set()).add(c)
        uit[sleutel] = wijken
    return uit


def gelijke_gebieden(indeling: dict[str, set[str]], nu: dict[str, set[str]]) -> set[str]:
    """The wijken (and their buurten) that a file's indeling shares with the current one: same wijk code with the
    same buurt codes. A wijk whose buurten changed is left out, with its buurten: its old figures would describe
    another area."""
    gelijk = set()
    for wijk, buurten in nu.items():
        if indeling.get(wijk) == buurten:
            gelijk |= {wijk, *buurten}
    return gelijk


def grenzen(pad: Path, nummer: str, namen: dict[str, str], gemeente: str, naam: str, jaar: int) -> tuple[dict, dict]:
    """The buurten of the gemeente from cartomap's national buurt file (RD), reprojected to WGS84 and rounded to
    6 decimals; the wijken dissolved from their buurten (BU + gemeente + WW + BB belongs to WK + gemeente + WW)."""
    naar_wgs84 = Transformer.from_crs(28992, 4326, always_xy=True)
    bron = json.loads(pad.read_text(encoding="utf-8"))
    buurten, per_wijk = [], defaultdict(list)
    for f in bron["features"]:
        code = f["properties"]["statcode"]
        if not code.startswith(f"BU{nummer}"):
            continue
        vorm = shapely.set_precision(shapely.transform(shape(f["geometry"]),
                                                       lambda xy: _omzetten(naar_wgs84, xy)), 1e-6)
        wijk = f"WK{code[2:8]}"
        per_wijk[wijk].append(vorm)
        buurten.append({"type": "Feature", "geometry": mapping(vorm), "properties": {
            "buurt_code": code, "buurt_naam": namen.get(code, f["properties"]["statnaam"]), "wijk_code": wijk,
            "wijk_naam": namen.get(wijk, wijk), "gemeente_code": gemeente, "indeling_jaar": jaar}})
    wijken = []
    for wijk, vormen in sorted(per_wijk.items()):
        vorm = shapely.set_precision(shapely.union_all(vormen), 1e-6)
        wijken.append({"type": "Feature", "geometry": mapping(vorm), "properties": {
            "wijk_code": wijk, "wijk_naam": namen.get(wijk, wijk), "wijk_naam_display": namen.get(wijk, wijk),
            "cbs_statnaam": namen.get(wijk, wijk), "gemeente_code": gemeente, "gemeente_naam": naam,
            "indeling_jaar": jaar, "n_buurten": len(vormen),
            "geometry_source": f"dissolved from CBS buurten {jaar} (cartomap/nl rd/buurt_{jaar}.geojson, "
                               "mapshaper-generalised)"}})
    buurten.sort(key=lambda f: f["properties"]["buurt_code"])
    return ({"type": "FeatureCollection", "name": f"{naam.lower()}_wijken_{jaar}", "features": wijken},
            {"type": "FeatureCollection", "name": f"{naam.lower()}_buurten_{jaar}", "features": buurten})


def _omzetten(transformer: Transformer, xy):
    x, y = transformer.transform(xy[:, 0], xy[:, 1])
    return pd.DataFrame({"x": x, "y": y}).to_numpy()


def _zelfde(a, b) -> bool:
    """The same number (Soest's shared files wrote 23.0 or 9.199999999999999 where the spreadsheet cell holds 23 or
    9.2: one stored double, two ways of printing it)."""
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return a == b


def _zelfde_citaat(a, b) -> bool:
    if a == b:
        return True
    kop_a, _, getal_a = str(a).rpartition("=")
    kop_b, _, getal_b = str(b).rpartition("=")
    return kop_a == kop_b and _zelfde(getal_a.replace(",", "."), getal_b.replace(",", "."))


def schrijf_csv(pad: Path, rijen: list[dict], kolommen: list[str]) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    with pad.open("w", encoding="utf-8", newline="") as f:
        schrijver = csv.DictWriter(f, fieldnames=kolommen, lineterminator="\n")
        schrijver.writeheader()
        schrijver.writerows(rijen)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--gemeente", required=True)
    p.add_argument("--naam", required=True)
    p.add_argument("--buurgemeenten", nargs="+", required=True)
    p.add_argument("--mirrors", type=Path, required=True)
    p.add_argument("--grenzen", type=Path, required=True, help="cartomap/nl rd/buurt_2024.geojson (of een deel)")
    args = p.parse_args()
    code, nummer = args.gemeente, args.gemeente[2:]
    data, doel = PROJECT / "data", PROJECT / "data" / "gemeenten" / code
    lezer = Lezer(args.mirrors)

    soest = pd.concat([pd.read_csv(data / "waarden" / f"{b}.csv", dtype=str, keep_default_na=False) for b in BRONNEN])
    per_gebied = soest[soest["gebied_code"].str[:2].isin(["WK", "BU"])]
    manieren = recept(per_gebied)
    # the recipe reads Soest's own wijken and buurten back exactly, or nothing is written
    opnieuw = pd.DataFrame(lees_waarden(lezer, manieren, sorted(set(per_gebied["gebied_code"]))), columns=KOLOMMEN)
    vergelijk = per_gebied.merge(opnieuw, on=["gebied_code", "indicator", "jaar", "bron"], how="outer",
                                 suffixes=("", "_nieuw"), indicator=True)
    verschil = vergelijk[(vergelijk["_merge"] != "both")
                         | ~vergelijk.apply(lambda r: _zelfde(r["waarde"], r["waarde_nieuw"]), axis=1)
                         | ~vergelijk.apply(lambda r: _zelfde_citaat(r["citaat"], r["citaat_nieuw"]), axis=1)]
    if len(verschil):
        print(verschil[["gebied_code", "indicator", "jaar", "waarde", "waarde_nieuw", "citaat", "citaat_nieuw",
                        "_merge"]].head(20).to_string(), file=sys.stderr)
        raise SystemExit(f"Het recept geeft {len(verschil)} Soester rijen niet exact terug; er is niets geschreven.")
    print(f"recept: {len(manieren)} (bron, indicator, niveau); alle {len(per_gebied)} Soester rijen exact terug")

    # the areas: the current indeling (KWB 2024), names as CBS writes them there
    regels = lezer.regels_2024()
    namen = {c: r[0].split(";")[0] for c, r in regels.items() if c[2:6] == nummer}
    per_bestand = indelingen(lezer, nummer)
    nu = per_bestand[("csv2024", "leeftijd")]
    gebieden = sorted(c for c in namen if c[:2] in ("WK", "BU"))
    gelijk = {sleutel: gelijke_gebieden(indeling, nu) for sleutel, indeling in per_bestand.items()}
    rijen, weggelaten = [], defaultdict(int)
    for rij in lees_waarden(lezer, manieren, gebieden):
        if rij["gebied_code"] in gelijk[manieren[(rij["bron"], rij["indicator"], rij["gebied_code"][:2])]["bestand"]]:
            rijen.append(rij)
        else:
            weggelaten[(rij["bron"], rij["gebied_code"][:2])] += 1
    for (bron, niveau), n in sorted(weggelaten.items()):
        print(f"  weggelaten (andere indeling dan 2024): {bron} {niveau}: {n} cijfers")

    # the gemeente itself, Nederland and the buurgemeenten: the rows already in Soest's data (same files)
    alle = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False) for p in sorted((data / "waarden").glob("*.csv"))])
    eigen = alle[alle["gebied_code"] == code]
    buren = alle[alle["gebied_code"].isin(["NL01", *args.buurgemeenten])]
    buren = buren[buren["bron"].str.match(r"^(rivm_|cbs_|ggd_)")]
    per_bron: dict[str, list[dict]] = defaultdict(list)
    bron_bestand = {"rivm": "rivm_gezondheid", "cbs_": "cbs_kwb", "ggd_": "ggd_jongvolwassenen"}
    for r in [*rijen, *eigen.to_dict("records")]:
        per_bron[next(v for k, v in bron_bestand.items() if r["bron"].startswith(k))].append(r)
    for r in buren.to_dict("records"):
        per_bron["vergelijk_" + next(v for k, v in bron_bestand.items() if r["bron"].startswith(k))].append(r)
    for bestand, lijst in per_bron.items():
        lijst.sort(key=lambda r: (r["indicator"], str(r["jaar"]), r["gebied_code"]))
        schrijf_csv(doel / "waarden" / f"{bestand}.csv", lijst, KOLOMMEN)
        print(f"{doel.relative_to(PROJECT)}/waarden/{bestand}.csv: {len(lijst)} rijen")

    # gebieden.csv: Nederland, the gemeente, its buurgemeenten (names from Soest's gebieden.csv), wijken, buurten
    soest_gebieden = pd.read_csv(data / "gebieden.csv", dtype=str, keep_default_na=False).set_index("code")["naam"]
    soest_gebieden[SOEST] = "Soest"
    regels_uit = [{"code": "NL01", "naam": "Nederland", "niveau": "land", "ouder": ""},
                  {"code": code, "naam": args.naam, "niveau": "gemeente", "ouder": "NL01"}]
    regels_uit += [{"code": b, "naam": soest_gebieden[b], "niveau": "vergelijkgemeente", "ouder": "NL01"}
                   for b in args.buurgemeenten]
    regels_uit += [{"code": c, "naam": namen[c], "niveau": "wijk", "ouder": code} for c in gebieden if c[:2] == "WK"]
    regels_uit += [{"code": c, "naam": namen[c], "niveau": "buurt", "ouder": f"WK{c[2:8]}"}
                   for c in gebieden if c[:2] == "BU"]
    schrijf_csv(doel / "gebieden.csv", regels_uit, ["code", "naam", "niveau", "ouder"])

    wijken, buurten = grenzen(args.grenzen, nummer, namen, code, args.naam, 2024)
    geo = PROJECT / "geo" / "gemeenten" / code
    geo.mkdir(parents=True, exist_ok=True)
    for soort, inhoud in (("wijken", wijken), ("buurten", buurten)):
        (geo / f"{args.naam.lower()}_{soort}_2024.geojson").write_text(
            json.dumps(inhoud, ensure_ascii=False), encoding="utf-8")
    print(f"grenzen: {len(wijken['features'])} wijken, {len(buurten['features'])} buurten")
    (doel / "gemeente.yaml").write_text(KOP_INSTELLING + yaml.safe_dump(
        {"code": code, "naam": args.naam, "buurgemeenten": list(args.buurgemeenten)}, allow_unicode=True,
        sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    main()
