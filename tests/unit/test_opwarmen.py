"""The warm-up visits every page state a visitor can click to, on pages that exist."""
from pathlib import Path

from scripts import opwarmen
from soest_data.begrippen import VIJF_OPGAVEN

PROJECT = Path(__file__).resolve().parents[2]


def test_the_warm_up_covers_every_wijk_opgave_and_only_existing_pages(echte_db, monkeypatch):
    monkeypatch.setenv("SOEST_DB", str(echte_db))
    staten = opwarmen.staten()
    paginas = {p for p, _ in staten} - {""}
    assert all((PROJECT / "pages" / f"{p}.py").exists() for p in paginas)
    assert {"kaart", "wijkprofiel", "opgave", "vergelijken", "aandacht", "inwoners", "data"} <= paginas
    profielen = {q for p, q in staten if p == "wijkprofiel"}
    assert len(profielen) == 8 * len(VIJF_OPGAVEN)
    # every pair and triple of the 8 wijken, with and without heel Soest beside them
    assert len({q for p, q in staten if p == "vergelijken"}) == 2 * (28 + 56)
    assert len(staten) == len(set(staten))
