"""Where the project's files live. `SOEST_DB` and `SOEST_DATA` override the defaults (tests use them)."""
import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("SOEST_DATA", PROJECT / "data"))


def geo_dir() -> Path:
    return Path(os.environ.get("SOEST_GEO", PROJECT / "geo"))


def db_path() -> Path:
    return Path(os.environ.get("SOEST_DB", data_dir() / "wijkprofielen.duckdb"))
