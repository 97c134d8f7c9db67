"""Factsheet benchmark (by hand, not in the test suite): size, pages and generation time of every factsheet.

Targets: a wijk factsheet in under 3 s on the development machine, so the download button feels immediate after the
first click (it is cached per wijk and database version afterwards); and at most 4 pages per wijk (a take-away for
raadsleden, with wijk, Soest and Nederland side by side). Usage: .venv/bin/python bench/factsheet.py
"""
import io
import sys
import time
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from soest_data import db, paden  # noqa: E402
from soest_data.begrippen import VIJF_OPGAVEN  # noqa: E402
from soest_data.weergave import factsheet  # noqa: E402

DOEL_SECONDEN = 3.0
DOEL_PAGINAS = 4


def main() -> int:
    con = db.open_readonly(paden.db_path())
    g = factsheet.invoer(con.cursor())
    print(f"{'factsheet':32} {'pagina':>6} {'kB':>6} {'s':>6}")
    te_traag = te_lang = 0
    for soort, wat in [("wijk", w) for w in g.wijknamen] + [("opgave", o) for o in VIJF_OPGAVEN]:
        start = time.perf_counter()
        pdf = factsheet.pdf(g, soort, wat)
        duur = time.perf_counter() - start
        te_traag += duur > DOEL_SECONDEN
        naam = g.wijknamen.get(wat, wat)
        paginas = len(PdfReader(io.BytesIO(pdf)).pages)
        te_lang += soort == "wijk" and paginas > DOEL_PAGINAS
        print(f"{naam:32} {paginas:>6} {len(pdf) / 1024:>6.0f} {duur:>6.2f}")
    print(f"doel: elke factsheet binnen {DOEL_SECONDEN} s — {'gehaald' if not te_traag else f'{te_traag} te traag'}")
    print(f"doel: elke wijk op hoogstens {DOEL_PAGINAS} pagina's — {'gehaald' if not te_lang else f'{te_lang} te lang'}")
    return 1 if te_traag or te_lang else 0


if __name__ == "__main__":
    sys.exit(main())
