"""docs/ARCHITECTUUR.md names every module, and docs/DATAFORMAAT.md every kind of data file."""
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def test_architectuur_names_every_module():
    tekst = (PROJECT / "docs" / "ARCHITECTUUR.md").read_text(encoding="utf-8")
    modules = [p for p in (PROJECT / "soest_data").rglob("*.py") if p.name != "__init__.py"]
    ontbreekt = [str(p.relative_to(PROJECT)) for p in modules if f"`{p.name}`" not in tekst]
    assert not ontbreekt, f"docs/ARCHITECTUUR.md noemt deze modules niet: {ontbreekt}"


def test_dataformaat_names_every_data_file():
    tekst = (PROJECT / "docs" / "DATAFORMAAT.md").read_text(encoding="utf-8")
    data = PROJECT / "data"
    bestanden = {p.name for p in data.glob("*.*") if p.suffix in (".csv", ".yaml")}
    mappen = {f"{p.name}/" for p in data.iterdir() if p.is_dir()}
    ontbreekt = sorted(n for n in bestanden | mappen if n not in tekst)
    assert not ontbreekt, f"docs/DATAFORMAAT.md noemt deze databestanden niet: {ontbreekt}"
