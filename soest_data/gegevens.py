"""Everything a page reads, loaded once per database version: catalogue, values (after disclosure control),
areas, sources, texts. Read-only: the app shares one instance between all sessions, so never mutate its frames."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import duckdb
import pandas as pd

from soest_data import db, gebieden, waarden


@dataclass(frozen=True)
class Gegevens:
    indicatoren: pd.DataFrame
    waarden: pd.DataFrame
    gebieden: pd.DataFrame
    bronnen: pd.DataFrame
    verhalen: pd.DataFrame
    opgaven: list[dict]
    enquete: dict
    bouwinfo: dict[str, str]
    uitspraken: pd.DataFrame
    vormen: dict  # niveau ('wijk', 'buurt') → simplified shapes as a GeoDataFrame

    @cached_property
    def wijken(self) -> pd.DataFrame:
        """The wijken in code order, columns code and naam."""
        return self.gebieden.loc[self.gebieden["niveau"] == "wijk", ["code", "naam"]].reset_index(drop=True)

    @cached_property
    def wijknamen(self) -> dict[str, str]:
        """Wijk code → name, in code order (the choices of every wijk picker)."""
        return dict(zip(self.wijken["code"], self.wijken["naam"]))

    @cached_property
    def naam_van(self) -> dict[str, str]:
        """Area code → name, for every area (gemeente, wijken, buurten)."""
        return dict(zip(self.gebieden["code"], self.gebieden["naam"]))

    @cached_property
    def bron_per_id(self) -> pd.DataFrame:
        return self.bronnen.set_index("id")

    @cached_property
    def bronnen_per_meting(self) -> dict[tuple[str, int], tuple[str, ...]]:
        """(indicator, jaar) → the ids of the sources of its values, for source lines (one lookup, not a scan)."""
        paren = self.waarden[["indicator", "jaar", "bron"]].drop_duplicates()
        uit: dict[tuple[str, int], tuple[str, ...]] = {}
        for indicator_id, jaar, bron_id in zip(paren["indicator"], paren["jaar"], paren["bron"]):
            uit[(indicator_id, int(jaar))] = (*uit.get((indicator_id, int(jaar)), ()), bron_id)
        return uit

    @cached_property
    def indicator_per_id(self) -> pd.DataFrame:
        return self.indicatoren.set_index("id", drop=False)

    def indicator(self, indicator_id: str) -> pd.Series:
        return self.indicator_per_id.loc[indicator_id]


def laad(con: duckdb.DuckDBPyConnection) -> Gegevens:
    """Every figure after disclosure control (onthulling): values and survey; the raw survey stays out of bouwinfo."""
    indicatoren = waarden.indicatoren(con)
    bouwinfo = {k: v for k, v in waarden.bouwinfo(con).items() if k != "enquete"}
    return Gegevens(indicatoren=indicatoren, waarden=waarden.alle_waarden(con, catalogus=indicatoren),
                    gebieden=waarden.gebieden(con), bronnen=waarden.bronnen(con), verhalen=waarden.verhalen(con),
                    opgaven=waarden.opgaven(con), enquete=waarden.enquete(con), bouwinfo=bouwinfo,
                    uitspraken=waarden.uitspraken(con),
                    vormen={niveau: gebieden.geodataframe(waarden.geometrie(con, niveau)) for niveau in ("wijk", "buurt")})


def lees(pad: Path) -> Gegevens:
    """Everything a server serves from the database file at `pad`. The connection is closed right after reading: an
    open one would keep reading a replaced file. Raises db.DatabaseFout for a file that does not open or fails its
    integrity stamp."""
    with db.verbinding(pad) as con:
        return laad(con)
