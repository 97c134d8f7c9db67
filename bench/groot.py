"""Benchmark with a generated large gemeente (issue 26): data load and disclosure control at 8, 100 and 400 wijken.

SYNTHETISCH: the data this script makes is invented. It copies data/ and scales it to N wijken of ~5 buurten each,
in the project's own source formats (data/gebieden.csv, data/waarden/*.csv, geo/*.geojson), into a temporary
folder (never into data/). Every value row's citaat, every source title and every area name says SYNTHETISCH.
Values are drawn from the real Soest wijken and buurten (counts scaled and rounded to fives, as CBS does; rates and
shares jittered); a wijk count is the sum of its buurten and Soest the sum of its wijken, so the disclosure
control meets the same sums as in a real release, including rounded small wijk counts whose buurten are all 0.

Per size it builds a database and measures, each in a fresh process: the data load (`gegevens.laad`, which
includes the disclosure control), the disclosure control alone (`onthulling.pas_toe`), both as wall-clock and CPU
time (on a busy machine the CPU time is the fairer figure), and peak memory.
With --paginas also every page's example states, built cold in a fresh process (bench/koud.py), and their size.
Usage: .venv/bin/python bench/groot.py [--wijken 8 100 400] [--buurten 5] [--bewaar MAP] [--paginas]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from soest_data.bronnen import bouw  # noqa: E402
from soest_data.scoring import is_aantal  # noqa: E402

MERK = "SYNTHETISCH (benchmark, niet echt)"
GEMEENTE = "GM0342"
DOEL_LADEN = 1.0  # seconds, issue 26: data load in a fresh process at 400 wijken

METEN = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from soest_data import db, gegevens, onthulling, waarden
t1 = time.perf_counter()
with db.verbinding(sys.argv[1]) as con:
    t2, c2 = time.perf_counter(), time.process_time()
    g = gegevens.laad(con)
    t3, c3 = time.perf_counter(), time.process_time()
    ruw = waarden.alle_waarden(con, afschermen=False)
    cat = waarden.indicatoren(con)
    t4, c4 = time.perf_counter(), time.process_time()
    onthulling.pas_toe(ruw, cat)
    t5, c5 = time.perf_counter(), time.process_time()
print(json.dumps({"import": t1 - t0, "laad": t3 - t2, "onthulling": t5 - t4, "laad_cpu": c3 - c2,
                  "onthulling_cpu": c5 - c4, "waarden": len(g.waarden),
                  "afgeschermd": int((g.waarden["status"] == "afgeschermd").sum()),
                  "piek_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def wijkcode(i: int) -> str:
    """WK0342 + two characters: 01–99 as digits, then AA, AB, … (CBS uses letters from 100 wijken on)."""
    if i < 100:
        return f"WK{GEMEENTE[2:]}{i:02d}"
    n = i - 100
    return f"WK{GEMEENTE[2:]}{chr(65 + n // 26)}{chr(65 + n % 26)}"


def _vijftal(x: float) -> float:
    return float(5 * round(x / 5))


def _jitter(waarde: float, eenheid: str, rng: random.Random) -> float:
    """A share, rate or average near the real one, with the same number of decimals (a share stays ≤ 100)."""
    decimalen = len(repr(float(waarde)).split(".")[1].rstrip("0"))
    nieuw = round(waarde * rng.uniform(0.9, 1.1), decimalen)
    return min(nieuw, 100.0) if eenheid.startswith("%") else nieuw


def maak(doel: Path, wijken: int, buurten: int = 5, zaad: int = 26, kleine_wijktelling: bool = True
         ) -> tuple[Path, Path]:
    """Write a synthetic data/ and geo/ under `doel`; returns (data, geo). At least 8 wijken: the texts in data/
    (verhalen, uitspraken, enquête) name Soest's eight, and wijk 1–8 keep their codes."""
    if wijken < 8:
        raise ValueError("minstens 8 wijken: de teksten in data/ noemen de acht wijken van Soest")
    rng = random.Random(zaad)
    data, geo = doel / "data", doel / "geo"
    shutil.copytree(PROJECT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", "gemeenten"))
    geo.mkdir(parents=True)
    echte = pd.read_csv(PROJECT / "data" / "gebieden.csv", dtype=str, keep_default_na=False)
    echte_wijken = list(echte.loc[echte["niveau"] == "wijk", "code"])
    echte_buurten = list(echte.loc[echte["niveau"] == "buurt", "code"])

    # areas: wijk i copies real wijk i mod 8, its buurten copy real buurten in turn
    gebieden, wijk_van, buurt_van = [], {}, {}
    for i in range(1, wijken + 1):
        wk = wijkcode(i)
        wijk_van[wk] = echte_wijken[(i - 1) % len(echte_wijken)]
        gebieden.append({"code": wk, "naam": f"Wijk {i} {MERK}", "niveau": "wijk", "ouder": GEMEENTE})
        for j in range(1, buurten + 1):
            bu = f"BU{wk[2:]}{j:02d}"
            buurt_van[bu] = echte_buurten[((i - 1) * buurten + j - 1) % len(echte_buurten)]
            gebieden.append({"code": bu, "naam": f"Buurt {i}.{j} {MERK}", "niveau": "buurt", "ouder": wk})
    overige = echte[~echte["niveau"].isin(["wijk", "buurt"])].copy()
    overige.loc[overige["code"] == GEMEENTE, "naam"] += f" {MERK}"  # its counts are the sums of invented wijken
    pd.concat([overige, pd.DataFrame(gebieden)]).to_csv(data / "gebieden.csv", index=False)
    _grenzen(geo, gebieden)

    for pad in sorted((data / "waarden").glob("*.csv")):
        frame = pd.read_csv(pad, dtype=str, keep_default_na=False)
        frame = _schaal(frame, wijk_van, buurt_van, rng, kleine_wijktelling)
        frame["citaat"] = MERK + ": " + frame["citaat"]
        frame.to_csv(pad, index=False)
    for naam in ("bronnen.yaml", "bronnen_visie.yaml"):
        inhoud = yaml.safe_load((data / naam).read_text(encoding="utf-8"))
        for bron in inhoud["bronnen"]:
            bron["titel"] = f"{MERK}: {bron['titel']}"
        (data / naam).write_text(f"# {MERK}\n" + yaml.safe_dump(inhoud, allow_unicode=True, sort_keys=False),
                                 encoding="utf-8")
    (doel / "LEESMIJ.txt").write_text(f"{MERK}: gemaakt door bench/groot.py, {wijken} wijken.\n", encoding="utf-8")
    return data, geo


def _schaal(frame: pd.DataFrame, wijk_van: dict, buurt_van: dict, rng: random.Random, kleine_wijktelling: bool
            ) -> pd.DataFrame:
    """The rows of the real wijken and buurten, copied for every synthetic area; counts add up upwards."""
    gebied = frame["gebied_code"]
    echt = frame[gebied.str.startswith(("WK", "BU"))]
    if echt.empty:
        return frame
    per_gebied = {code: rijen for code, rijen in echt.groupby("gebied_code")}
    nieuw = []
    for code, bron in buurt_van.items():
        if bron in per_gebied:
            nieuw.append(_kopie(per_gebied[bron], code, rng, schaal=rng.uniform(0.5, 1.5)))
    buurtrijen = pd.concat(nieuw) if nieuw else echt.iloc[:0]
    tellingen = buurtrijen[_telling(buurtrijen)]
    buurtsom = tellingen.assign(wijk=tellingen["gebied_code"].str[2:8].radd("WK"),
                                getal=pd.to_numeric(tellingen["waarde"])).groupby(
        ["wijk", "indicator", "jaar"])["getal"].sum()
    wijkrijen = []
    for nummer, (code, bron) in enumerate(wijk_van.items()):
        if bron not in per_gebied:
            continue
        rijen = _kopie(per_gebied[bron], code, rng, schaal=rng.uniform(0.5, 1.5))
        som = [buurtsom.get((code, i, j)) for i, j in zip(rijen["indicator"], rijen["jaar"])]
        telling = _telling(rijen)
        rijen.loc[telling, "waarde"] = [f"{_vijftal(s):g}" if s is not None else w
                                        for s, w in zip([s for s, t in zip(som, telling) if t],
                                                        rijen.loc[telling, "waarde"])]
        if kleine_wijktelling and nummer % 50 == 7 and telling.any():
            # CBS rounds small counts: now and then a wijk shows 5 where its buurten show 0 or nothing
            eerste = rijen.index[telling][0]
            rijen.loc[eerste, "waarde"] = "5"
            sleutel = (rijen.loc[eerste, "indicator"], rijen.loc[eerste, "jaar"])
            onder = (buurtrijen["gebied_code"].str[2:8].radd("WK") == code) & \
                (buurtrijen["indicator"] == sleutel[0]) & (buurtrijen["jaar"] == sleutel[1])
            buurtrijen.loc[onder, "waarde"] = "0"
        wijkrijen.append(rijen)
    wijkrijen = pd.concat(wijkrijen) if wijkrijen else echt.iloc[:0]
    rest = frame[~gebied.str.startswith(("WK", "BU"))].copy()
    tel = wijkrijen[_telling(wijkrijen)]
    wijksom = pd.to_numeric(tel["waarde"]).groupby([tel["indicator"], tel["jaar"]]).sum()
    gemeente = (rest["gebied_code"] == GEMEENTE) & _telling(rest)
    rest.loc[gemeente, "waarde"] = [f"{wijksom[(i, j)]:g}" if (i, j) in wijksom.index else w for i, j, w in
                                    rest.loc[gemeente, ["indicator", "jaar", "waarde"]].itertuples(index=False)]
    return pd.concat([rest, wijkrijen, buurtrijen], ignore_index=True)


def _telling(rijen: pd.DataFrame) -> pd.Series:
    """Rows that hold a count with a number."""
    return rijen["eenheid"].map(is_aantal).astype(bool) & (rijen["waarde"] != "")


def _kopie(rijen: pd.DataFrame, code: str, rng: random.Random, schaal: float) -> pd.DataFrame:
    kopie = rijen.copy()
    kopie["gebied_code"] = code
    waarden = []
    for waarde, eenheid in zip(kopie["waarde"], kopie["eenheid"]):
        if waarde == "":
            waarden.append(waarde)
        elif is_aantal(eenheid):
            waarden.append(f"{_vijftal(float(waarde) * schaal):g}")
        else:
            waarden.append(f"{_jitter(float(waarde), eenheid, rng):g}")
    kopie["waarde"] = waarden
    return kopie


def _grenzen(geo: Path, gebieden: list[dict]) -> None:
    """Squares on a grid near Soest: a wijk per square, its buurten as strips of it."""
    wijken = [g for g in gebieden if g["niveau"] == "wijk"]
    kolommen = max(1, int(len(wijken) ** 0.5 + 0.999))
    stap = 0.01
    wijkvlakken, buurtvlakken = [], []
    for n, wijk in enumerate(wijken):
        x0, y0 = 5.2 + (n % kolommen) * stap, 52.1 + (n // kolommen) * stap
        wijkvlakken.append(_vlak({"wijk_code": wijk["code"], "wijk_naam": wijk["naam"],
                                  "gemeente_code": GEMEENTE}, x0, y0, stap, stap))
        eigen = [g for g in gebieden if g["ouder"] == wijk["code"]]
        for m, buurt in enumerate(eigen):
            breedte = stap / len(eigen)
            buurtvlakken.append(_vlak({"buurt_code": buurt["code"], "buurt_naam": buurt["naam"],
                                       "wijk_code": wijk["code"], "gemeente_code": GEMEENTE},
                                      x0 + m * breedte, y0, breedte, stap))
    for naam, vlakken in (("soest_wijken_2024", wijkvlakken), ("soest_buurten_2024", buurtvlakken)):
        (geo / f"{naam}.geojson").write_text(json.dumps(
            {"type": "FeatureCollection", "name": f"{naam} ({MERK})", "features": vlakken}), encoding="utf-8")


def _vlak(eigenschappen: dict, x: float, y: float, b: float, h: float) -> dict:
    ring = [[round(x, 6), round(y, 6)], [round(x + b, 6), round(y, 6)], [round(x + b, 6), round(y + h, 6)],
            [round(x, 6), round(y + h, 6)], [round(x, 6), round(y, 6)]]
    return {"type": "Feature", "properties": eigenschappen, "geometry": {"type": "Polygon", "coordinates": [ring]}}


def meet(database: Path, tijdslimiet: float) -> dict:
    """One fresh process: imports, gegevens.laad (with disclosure control), pas_toe alone, peak memory."""
    try:
        uit = subprocess.run([sys.executable, "-c", METEN, str(database)], cwd=PROJECT, capture_output=True,
                             text=True, timeout=tijdslimiet, check=True)
    except subprocess.TimeoutExpired:
        return {"fout": f"na {tijdslimiet:.0f} s gestopt"}
    return json.loads(uit.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wijken", type=int, nargs="+", default=[8, 100, 400])
    parser.add_argument("--buurten", type=int, default=5)
    parser.add_argument("--bewaar", type=Path, help="maak de gegevens in deze map (anders een tijdelijke)")
    parser.add_argument("--tijdslimiet", type=float, default=300)
    parser.add_argument("--zonder-kleine-wijktelling", action="store_true",
                        help="geen wijktelling van 5 boven buurten van 0 (om code van vóór issue 26 te meten)")
    parser.add_argument("--paginas", action="store_true",
                        help="meet ook per pagina een koude staat en hoeveel een staat verstuurt (bench/koud.py)")
    args = parser.parse_args()
    print(f"{MERK}: gegenereerde gegevens, elke meting in een nieuw proces.")
    print(f"Belasting van de machine (load average): {os.getloadavg()[0]:.1f} op {os.cpu_count()} cores; "
          "bij drukte zegt de CPU-tijd meer dan de wandkloktijd.")
    print("| wijken | buurten | waarden | afgeschermd | import | laden (met onthulling) | CPU | onthulling | CPU "
          "| piek |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    te_traag = False
    paginas: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="soest-groot-") as tijdelijk:
        for wijken in args.wijken:
            basis = (args.bewaar or Path(tijdelijk)) / f"{wijken}_wijken"
            shutil.rmtree(basis, ignore_errors=True)
            data, geo = maak(basis, wijken, args.buurten,
                             kleine_wijktelling=not args.zonder_kleine_wijktelling)
            database = basis / "wijkprofielen.duckdb"
            bouw.bouw(data, geo, database)
            m = meet(database, args.tijdslimiet)
            if "fout" in m:
                print(f"| {wijken} | {wijken * args.buurten} | | | | {m['fout']} | | | | |")
                te_traag = True
                continue
            print(f"| {wijken} | {wijken * args.buurten} | {m['waarden']} | {m['afgeschermd']} | {m['import']:.2f} s "
                  f"| {m['laad']:.2f} s | {m['laad_cpu']:.2f} s | {m['onthulling']:.2f} s | {m['onthulling_cpu']:.2f} s "
                  f"| {m['piek_mb']:.0f} MB |", flush=True)
            te_traag |= wijken >= 400 and m["laad"] > DOEL_LADEN
            if args.paginas:
                paginas[wijken] = _paginas(database, args.tijdslimiet)
    if paginas:
        _paginatabel(paginas)
    return 1 if te_traag else 0


def _paginas(database: Path, tijdslimiet: float) -> dict:
    """Every page's example states built cold in a fresh process on this database (bench/koud.py)."""
    try:
        uit = subprocess.run([sys.executable, str(PROJECT / "bench" / "koud.py"), "--kind", "--db", str(database)],
                             cwd=PROJECT, capture_output=True, text=True, timeout=tijdslimiet)
    except subprocess.TimeoutExpired:
        print(f"paginas: na {tijdslimiet:.0f} s gestopt", flush=True)
        return {}
    if uit.returncode:
        print("paginas: fout\n" + "\n".join(uit.stderr.strip().splitlines()[-8:]), flush=True)
        return {}
    return json.loads(uit.stdout.strip().splitlines()[-1])["paginas"]


def _paginatabel(paginas: dict[int, dict]) -> None:
    """Per page and size: the first state (with the work once per database), then the median cold state and the
    largest state's size; the targets of issue 26 are ≤ 2× (100 wijken) and ≤ 4× (400) Soest's cold state, and at
    most 500 kB per state."""
    maten = sorted(paginas)
    print("\n| pagina | " + " | ".join(f"{w} wijken: eerste / mediaan / grootste" for w in maten) + " |")
    print("|---|" + "---|" * len(maten))
    for pagina in sorted({p for deel in paginas.values() for p in deel}):
        cellen = []
        for w in maten:
            m = paginas[w].get(pagina)
            cellen.append("–" if m is None else
                          f"{m['eerste_ms']:.0f} / {m['mediaan_ms']:.0f} ms / {m['max_kb']:.0f} kB")
        print(f"| {pagina} | " + " | ".join(cellen) + " |")


if __name__ == "__main__":
    sys.exit(main())
