"""A cold page state: what `bouw(gegevens, staat)` costs the first time a state is asked for, in a fresh process.

Starts as server.py does (loads the database, imports every page module, makes what is the same for every visitor:
afgeleid.voor_iedereen), then builds every example state (`voorbeeldstaten(g)`) of every page module in
soest_data/weergave/paginas/ exactly once, and prints per module the milliseconds per state (median, max) against a
trivial build in the same process, plus the time spent in each chart builder. The first state of a module is shown
apart: it also pays what is made once per chart kind (the templates) that start-up did not make.
Runs itself `--keer` times in fresh processes (default 3) and reports the median of each figure.
Usage: .venv/bin/python bench/koud.py [--keer 3] [--db data/wijkprofielen.duckdb]
"""
from __future__ import annotations

import argparse
import importlib
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from functools import wraps
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

# The chart builders whose time is reported apart (inclusive: a builder that calls another counts both).
BOUWERS = {
    "grafieken": ["stippen", "stippenrijen", "trend", "wijkstaaf", "stapel"],
    "aandacht": ["matrixgrafiek", "matrixstapel"],
    "opgaveoverzicht": ["matrixgrafiek", "matrixstapel", "trendgrafiek"],
    "regio": ["regiografiek", "referenties"],
    "vergelijken": ["divergentiegrafieken"],
    "kaart": ["locatorkaart"],
}


def _meet_bouwers(tijden: dict[str, list[float]]) -> None:
    """Wrap every builder in BOUWERS so each call's time lands in `tijden` under 'module.naam'."""
    for module_naam, namen in BOUWERS.items():
        module = importlib.import_module(f"soest_data.weergave.{module_naam}")
        for naam in namen:
            functie = getattr(module, naam, None)
            if functie is None:
                continue

            def gemeten(*args, _f=functie, _sleutel=f"{module_naam}.{naam}", **kwargs):
                begin = time.perf_counter()
                try:
                    return _f(*args, **kwargs)
                finally:
                    tijden[_sleutel].append(time.perf_counter() - begin)
            setattr(module, naam, wraps(functie)(gemeten))


def _triviaal(g) -> None:
    """The yardstick: one filter on the database's values and a page of one table."""
    from soest_data.weergave.blokken import Inhoud, Tabel
    wijk = next(iter(g.wijknamen))
    Inhoud("Triviaal", (Tabel(g.waarden[g.waarden["gebied_code"] == wijk], "triviaal"),))


def omvang(inhoud) -> int:
    """Roughly what a state sends with every switch on: every chart's spec with its data (JSON), every map (JSON)
    and every table (Arrow IPC, as Streamlit sends it: a page of rows, twice when it has a print copy), in bytes
    before compression."""
    import dataclasses

    import pyarrow as pa

    from soest_data.weergave.blokken import RIJEN_PER_PAGINA, RIJEN_ZONDER_PAGINAS, Figuur, Kaart, Tabel
    def _op_scherm(frame):
        return frame if len(frame) <= RIJEN_ZONDER_PAGINAS else frame.iloc[:RIJEN_PER_PAGINA]
    totaal = 0
    stapel = [inhoud]
    while stapel:
        blok = stapel.pop()
        if isinstance(blok, Figuur):
            totaal += len(json.dumps(blok.spec, default=str))
        elif isinstance(blok, Kaart):
            totaal += len(blok.json)
        elif isinstance(blok, Tabel):
            try:
                uit = pa.BufferOutputStream()
                tabel = pa.Table.from_pandas(_op_scherm(blok.frame))
                with pa.ipc.new_stream(uit, tabel.schema) as schrijver:
                    schrijver.write_table(tabel)
                totaal += uit.getvalue().size * (1 if blok.plat else 2)
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                totaal += len(_op_scherm(blok.frame).to_csv())
        if dataclasses.is_dataclass(blok) and not isinstance(blok, type):
            stapel += [getattr(blok, f.name) for f in dataclasses.fields(blok)]
        elif isinstance(blok, (list, tuple)):
            stapel += list(blok)
    return totaal


def kind(db: Path) -> dict:
    from soest_data import db as database
    from soest_data.gegevens import laad
    from soest_data.weergave import afgeleid, paginas

    begin = time.perf_counter()
    with database.verbinding(db) as con:
        g = laad(con)
    uit = {"laden_ms": (time.perf_counter() - begin) * 1000, "paginas": {}}
    # as server.py starts: every page module imported, then what is the same for every visitor made ahead
    modules = paginas.alle()
    begin = time.perf_counter()
    afgeleid.voor_iedereen(g)
    uit["vooraf_ms"] = (time.perf_counter() - begin) * 1000
    triviaal = []
    for _ in range(50):
        begin = time.perf_counter()
        _triviaal(g)
        triviaal.append(time.perf_counter() - begin)
    uit["triviaal_ms"] = statistics.median(triviaal) * 1000
    tijden: dict[str, list[float]] = defaultdict(list)
    _meet_bouwers(tijden)
    for naam, module in modules.items():
        if not hasattr(module, "voorbeeldstaten"):
            continue
        staten = module.voorbeeldstaten(g)
        per_staat, grootte = [], []
        tijden.clear()
        for staat in staten:
            begin = time.perf_counter()
            inhoud = module.bouw(g, staat)
            per_staat.append((time.perf_counter() - begin) * 1000)
            grootte.append(omvang(inhoud))
            if len(per_staat) == 1 and len(staten) > 1:
                tijden.clear()  # the builders' time is reported for the states after the first
        rest = per_staat[1:] or per_staat
        uit["paginas"][naam] = {
            "staten": len(staten), "eerste_ms": per_staat[0], "mediaan_ms": statistics.median(rest),
            "max_ms": max(rest), "max_kb": max(grootte) / 1000,
            "bouwers": {naam: {"aanroepen": len(t), "ms_per_staat": sum(t) * 1000 / len(rest)}
                        for naam, t in sorted(tijden.items())}}
    return uit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keer", type=int, default=3, help="runs, each in a fresh process (median reported)")
    parser.add_argument("--db", type=Path, default=PROJECT / "data" / "wijkprofielen.duckdb")
    parser.add_argument("--kind", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.kind:
        print(json.dumps(kind(args.db)))
        return
    runs = [json.loads(subprocess.run([sys.executable, __file__, "--kind", "--db", str(args.db)], check=True,
                                      capture_output=True, text=True).stdout) for _ in range(args.keer)]

    def mediaan(pad) -> float:
        waarden = []
        for run in runs:
            deel = run
            for stap in pad:
                deel = deel.get(stap, {}) if isinstance(deel, dict) else {}
            if isinstance(deel, (int, float)):
                waarden.append(deel)
        return statistics.median(waarden) if waarden else float("nan")

    triviaal = mediaan(["triviaal_ms"])
    print(f"{args.keer} verse processen, mediaan per getal. Database laden: {mediaan(['laden_ms']):.0f} ms; "
          f"vooraf voor iedereen (server.py, voor de eerste bezoeker): {mediaan(['vooraf_ms']):.0f} ms; "
          f"triviale opbouw: {triviaal:.3f} ms")
    for pagina, info in runs[0]["paginas"].items():
        p = ["paginas", pagina]
        med, mx = mediaan([*p, "mediaan_ms"]), mediaan([*p, "max_ms"])
        print(f"\n{pagina}: {info['staten']} staten, elk voor het eerst gebouwd")
        print(f"  eerste staat (met wat per grafieksoort eenmaal gemaakt wordt): {mediaan([*p, 'eerste_ms']):.0f} ms")
        print("  daarna per staat (en per bouwer, inclusief wat die aanroept):")
        print(f"  mediaan {med:.1f} ms, max {mx:.1f} ms "
              f"({med / triviaal:.0f}× triviaal; doel ≤ 150 ms); grootste staat {mediaan([*p, 'max_kb']):.0f} kB")
        for bouwer, b in info["bouwers"].items():
            print(f"    {bouwer:32} {b['aanroepen'] / max(info['staten'] - 1, 1):5.1f}× per staat, "
                  f"{mediaan([*p, 'bouwers', bouwer, 'ms_per_staat']):7.1f} ms per staat")


if __name__ == "__main__":
    main()
