"""The data layer never imports streamlit (it must be usable from the CLI and tests without a server)."""
import ast
from pathlib import Path

PAKKET = Path(__file__).resolve().parents[2] / "soest_data"


def test_soest_data_never_imports_streamlit():
    for pad in PAKKET.rglob("*.py"):
        boom = ast.parse(pad.read_text(encoding="utf-8"))
        for knoop in ast.walk(boom):
            namen = [a.name for a in knoop.names] if isinstance(knoop, ast.Import) else \
                [knoop.module or ""] if isinstance(knoop, ast.ImportFrom) else []
            assert not any(n.split(".")[0] == "streamlit" for n in namen), f"{pad.name} imports streamlit"
