"""Benchmark: how long a user interaction takes, as a ratio against a trivial Streamlit page in the same run.

Server-side rerun time through streamlit.testing (the part the app controls); ratios, not absolute seconds, so the
targets hold on slow and fast machines alike. Exit code 1 when an interaction exceeds its target.
Usage: .venv/bin/python bench/benchmark.py [--herhaal N]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

PROJECT = Path(__file__).resolve().parent.parent
# target: at most this many times the trivial page's rerun
DOELEN = {"kaart: andere indicator": 40, "kaart: andere jaar": 40, "wijkprofiel: andere wijk": 60,
          "wijkprofiel: andere opgave": 60}


def _tijd(at: AppTest, actie) -> float:
    begin = time.perf_counter()
    actie(at).run()
    return time.perf_counter() - begin


def _mediaan(maak, acties, herhaal: int) -> float:
    at = maak()
    at.run()
    tijden = [_tijd(at, acties[i % len(acties)]) for i in range(herhaal)]
    return statistics.median(tijden)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--herhaal", type=int, default=10)
    herhaal = parser.parse_args().herhaal
    os.environ.setdefault("SOEST_DB", str(PROJECT / "data" / "wijkprofielen.duckdb"))

    def app(pagina: str, **query):
        def maak():
            at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
            for k, v in query.items():
                at.query_params[k] = v
            at.switch_page(pagina)
            return at
        return maak

    triviaal = _mediaan(lambda: AppTest.from_file(str(PROJECT / "bench" / "triviaal.py")),
                        [lambda at: at.selectbox[0].select("b"), lambda at: at.selectbox[0].select("a")], herhaal)
    metingen = {
        "kaart: andere indicator": _mediaan(app("pages/kaart.py"), [
            lambda at: at.selectbox(key="kaart_indicator").select("eenzaam_18plus"),
            lambda at: at.selectbox(key="kaart_indicator").select("moeite_met_rondkomen_18plus")], herhaal),
        "kaart: andere jaar": _mediaan(app("pages/kaart.py"), [
            lambda at: at.segmented_control(key="kaart_jaar").set_value(2016),
            lambda at: at.segmented_control(key="kaart_jaar").set_value(2020)], herhaal),
        "wijkprofiel: andere wijk": _mediaan(app("pages/wijkprofiel.py", wijk="WK034205"), [
            lambda at: at.selectbox(key="profiel_wijk").select("WK034207"),
            lambda at: at.selectbox(key="profiel_wijk").select("WK034205")], herhaal),
        "wijkprofiel: andere opgave": _mediaan(app("pages/wijkprofiel.py", wijk="WK034205"), [
            lambda at: at.segmented_control(key="profiel_opgave").set_value("bestaanszekerheid"),
            lambda at: at.segmented_control(key="profiel_opgave").set_value("gezonde_leefstijl")], herhaal),
    }
    print(f"triviale pagina: {triviaal * 1000:.0f} ms per rerun (mediaan van {herhaal})")
    te_traag = []
    for naam, tijd in metingen.items():
        verhouding = tijd / triviaal
        oordeel = "ok" if verhouding <= DOELEN[naam] else "TE TRAAG"
        print(f"{naam:30s} {tijd * 1000:6.0f} ms  = {verhouding:5.1f} × triviaal (doel ≤ {DOELEN[naam]}×)  {oordeel}")
        if oordeel != "ok":
            te_traag.append(naam)
    return 1 if te_traag else 0


if __name__ == "__main__":
    sys.exit(main())
