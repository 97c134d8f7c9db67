"""Where the project's files live. `SOEST_DB`, `SOEST_DATA` and `SOEST_GEO` override the defaults (tests use them).

`SOEST_GEMEENTE` (a CBS code such as GM0307) chooses another gemeente: its data and boundaries live in
data/gemeenten/<code>/ and geo/gemeenten/<code>/ (see soest_data/gemeente.py); without it, or for the gemeente of
data/gemeente.yaml itself, data/ and geo/.
"""
import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
GEMEENTEN = "gemeenten"


def _gekozen(basis: Path) -> Path:
    code = os.environ.get("SOEST_GEMEENTE", "").strip().upper()
    map_ = basis / GEMEENTEN / code
    return map_ if code and map_.is_dir() else basis


def data_dir() -> Path:
    return Path(os.environ["SOEST_DATA"]) if "SOEST_DATA" in os.environ else _gekozen(PROJECT / "data")


def geo_dir() -> Path:
    return Path(os.environ["SOEST_GEO"]) if "SOEST_GEO" in os.environ else _gekozen(PROJECT / "geo")


def db_path() -> Path:
    return Path(os.environ.get("SOEST_DB", data_dir() / "wijkprofielen.duckdb"))
