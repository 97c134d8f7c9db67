"""Imports flow one way: pages → ui → soest_data.weergave → core, and soest_data.bronnen → core.

The data layer never imports streamlit (it must be usable from the CLI and tests without a server); the core never
imports a builder or a source reader, and builders never read the text sources.
"""
import ast
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
PAKKET = PROJECT / "soest_data"


def _imports(pad: Path) -> list[str]:
    namen = []
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            namen += [a.name for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom) and knoop.module:
            namen += [knoop.module] + [f"{knoop.module}.{a.name}" for a in knoop.names]
    return namen


def _laag(pad: Path) -> str:
    deel = pad.relative_to(PAKKET).parts
    return deel[0] if len(deel) > 1 else "kern"


def test_soest_data_never_imports_streamlit():
    for pad in PAKKET.rglob("*.py"):
        assert not any(n.split(".")[0] == "streamlit" for n in _imports(pad)), f"{pad.name} importeert streamlit"


def test_imports_only_go_down():
    verboden = {"kern": ("soest_data.weergave", "soest_data.bronnen"), "weergave": ("soest_data.bronnen",),
                "bronnen": ("soest_data.weergave",)}
    fouten = []
    for pad in PAKKET.rglob("*.py"):
        if pad.name == "__main__.py":  # the CLI is the top of the data layer and may use every part
            continue
        for naam in _imports(pad):
            if naam.startswith(verboden[_laag(pad)]):
                fouten.append(f"{pad.relative_to(PROJECT)} → {naam}")
    assert not fouten, fouten


def test_soest_data_never_imports_the_pages_or_ui():
    for pad in PAKKET.rglob("*.py"):
        assert not any(n.split(".")[0] in ("ui", "pages", "app") for n in _imports(pad)), pad
