"""How long a full refresh takes against the recorded responses (tests/fixtures/opnames): CBS, RIVM and PDOK boundaries,
dry run and then written, on a copy of data/ and geo/ in a temporary folder. Not part of the test suite.

Usage: .venv/bin/python bench/vernieuw.py
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from soest_data import gemeente  # noqa: E402
from soest_data.bronnen import bouw, vernieuw  # noqa: E402
from tests.opnames import opname_sessie  # noqa: E402

STAPPEN = [("cbs", 2024), ("rivm", 2020), ("grenzen", 2024)]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="soest-bench-") as werk:
        data, geo = Path(werk) / "data", Path(werk) / "geo"
        shutil.copytree(PROJECT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*"))
        shutil.copytree(PROJECT / "geo", geo)
        doel = data / "wijkprofielen.duckdb"
        bouw.bouw(data, geo, doel)
        haler = vernieuw.Haler(opname_sessie())
        totaal = {}
        for dry_run in (True, False):
            begin = time.perf_counter()
            for soort, jaar in STAPPEN:
                stap = time.perf_counter()
                verslag = vernieuw.vernieuw(soort, jaar, data, geo, doel, haler, gemeente.huidige().code,
                                            dry_run=dry_run)
                print(f"{'dry run' if dry_run else 'schrijven'} {soort} {jaar}: {time.perf_counter() - stap:.2f} s")
                if dry_run:
                    print("\n".join(f"    {r}" for r in vernieuw.verslagregels(verslag, dry_run)))
            totaal["dry run" if dry_run else "schrijven"] = time.perf_counter() - begin
        for soort, tijd in totaal.items():
            print(f"volledige vernieuwing ({soort}, cbs + rivm + grenzen): {tijd:.2f} s")


if __name__ == "__main__":
    main()
