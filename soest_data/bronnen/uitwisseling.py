"""Export of all values as one tidy table, and the transactional import of such a table.

An import changes the text sources in data/ (so a rebuild keeps it) and the database together:
everything is checked and the new database is built before any file is replaced.
"""
from __future__ import annotations

import csv
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from soest_data import waarden
from soest_data.bronnen import bouw
from soest_data.bronnen.probleem import BronFout
from soest_data.bronnen.waardenbestand import KOLOMMEN, SLEUTEL, lees_waarden

EXPORTKOLOMMEN = ["gebied_code", "gebied_naam", "indicator", "indicator_label", "opgave", "jaar", "waarde",
                  "eenheid", "relatief", "status", "bron", "bron_titel", "licentie", "berekend", "citaat"]
NIEUW_BESTAND = "geimporteerd.csv"
VERGELIJK = ["waarde", "eenheid", "relatief", "status", "bron"]


def exporttabel(con: duckdb.DuckDBPyConnection, afschermen: bool = False) -> pd.DataFrame:
    return waarden.alle_waarden(con, afschermen=afschermen)[EXPORTKOLOMMEN]


def naar_csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8")


def naar_xlsx(frame: pd.DataFrame, pad_of_buffer) -> None:
    frame.to_excel(pad_of_buffer, index=False, sheet_name="waarden")


@dataclass
class Wijzigingen:
    nieuw: pd.DataFrame
    gewijzigd: pd.DataFrame
    ongewijzigd: int
    berekend_overgeslagen: int = 0
    samenvatting: list[str] = field(default_factory=list)

    @property
    def aantal(self) -> int:
        return len(self.nieuw) + len(self.gewijzigd)


def _bestaande(data: Path) -> pd.DataFrame:
    frames = [pd.read_csv(p, dtype=str, keep_default_na=False).assign(_bestand=p.name)
              for p in sorted((data / "waarden").glob("*.csv"))]
    if not frames:
        return pd.DataFrame(columns=[*KOLOMMEN, "_bestand"])
    return pd.concat(frames, ignore_index=True)


def vergelijk(pad: Path, data: Path, geo: Path) -> tuple[Wijzigingen, pd.DataFrame]:
    """Check the import file against the catalogue and compare it with the current sources."""
    bronset = bouw.lees(data, geo)
    if bronset.problemen:
        raise BronFout(bronset.problemen)
    invoer, problemen = lees_waarden(pad, bronset.catalogus, berekende_overslaan=True)
    if problemen:
        raise BronFout(problemen)
    totaal = _aantal_rijen(pad)
    invoer = invoer.assign(citaat=invoer["citaat"].where(invoer["citaat"] != "", f"geïmporteerd uit {pad.name}"))
    huidig = bronset.waarden.set_index(SLEUTEL)
    nieuw_idx = invoer.set_index(SLEUTEL)
    gedeeld = nieuw_idx.index.intersection(huidig.index)
    anders = [k for k in gedeeld if not _gelijk(nieuw_idx.loc[k], huidig.loc[k])]
    wijzigingen = Wijzigingen(
        nieuw=invoer[~nieuw_idx.index.isin(huidig.index)],
        gewijzigd=invoer[nieuw_idx.index.isin(anders)],
        ongewijzigd=len(gedeeld) - len(anders),
        berekend_overgeslagen=totaal - len(invoer),
    )
    return wijzigingen, invoer


def _aantal_rijen(pad: Path) -> int:
    with pad.open(encoding="utf-8-sig", newline="") as f:
        return max(sum(1 for _ in csv.reader(f)) - 1, 0)


def _gelijk(a: pd.Series, b: pd.Series) -> bool:
    for kolom in VERGELIJK:
        x, y = a[kolom], b[kolom]
        if pd.isna(x) and pd.isna(y):
            continue
        if pd.isna(x) or pd.isna(y) or x != y:
            return False
    return True


def importeer(pad: Path, data: Path, geo: Path, doel: Path, dry_run: bool = False) -> Wijzigingen:
    """Add or replace values. All or nothing: on any problem, data/ and the database stay as they were."""
    wijzigingen, _ = vergelijk(pad, data, geo)
    if dry_run or wijzigingen.aantal == 0:
        return wijzigingen
    bestaand = _bestaande(data)
    nieuwe_bestanden = _pas_toe(bestaand, pd.concat([wijzigingen.nieuw, wijzigingen.gewijzigd]))
    with tempfile.TemporaryDirectory(prefix="soest-import-") as werk:
        kopie = Path(werk) / "data"
        shutil.copytree(data, kopie, ignore=shutil.ignore_patterns("*.duckdb*"))
        for naam, frame in nieuwe_bestanden.items():
            frame.to_csv(kopie / "waarden" / naam, index=False)
        bronset = bouw.lees(kopie, geo)
        if bronset.problemen:
            raise BronFout(bronset.problemen)
        staging = doel.with_name(doel.name + ".import")
        bouw.schrijf(bronset, staging, bouw.bronhash(kopie, geo))
        # Only now, with the new database built, are the sources replaced (each file by an atomic rename).
        for naam in nieuwe_bestanden:
            klaar = data / "waarden" / f".{naam}.import"
            shutil.copyfile(kopie / "waarden" / naam, klaar)
            os.replace(klaar, data / "waarden" / naam)
        os.replace(staging, doel)
    return wijzigingen


def _pas_toe(bestaand: pd.DataFrame, rijen: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The source files that change: replaced rows stay in their own file, new rows go to geimporteerd.csv."""
    tekst = rijen.assign(jaar=rijen["jaar"].astype(int).astype(str),
                         waarde=rijen["waarde"].map(lambda w: "" if pd.isna(w) else f"{w:g}"))[list(KOLOMMEN)]
    sleutel = lambda f: f["gebied_code"] + "|" + f["indicator"] + "|" + f["jaar"].astype(str)  # noqa: E731
    per_sleutel = tekst.set_index(sleutel(tekst))
    bestaand = bestaand.assign(_sleutel=sleutel(bestaand))
    uit: dict[str, pd.DataFrame] = {}
    for naam, frame in bestaand.groupby("_bestand"):
        raak = frame["_sleutel"].isin(per_sleutel.index)
        if raak.any():
            frame = frame.copy()
            frame.loc[raak, list(KOLOMMEN)] = per_sleutel.loc[frame.loc[raak, "_sleutel"], list(KOLOMMEN)].to_numpy()
            uit[naam] = frame[[k for k in frame.columns if not k.startswith("_")]]
    nieuw = per_sleutel[~per_sleutel.index.isin(bestaand["_sleutel"])]
    if len(nieuw):
        vorige = uit.get(NIEUW_BESTAND, bestaand[bestaand["_bestand"] == NIEUW_BESTAND][list(KOLOMMEN)])
        uit[NIEUW_BESTAND] = pd.concat([vorige, nieuw.reset_index(drop=True)], ignore_index=True)
    return uit
