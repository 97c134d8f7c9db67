"""Export of all values as one tidy table, and the transactional import of such a table.

An import changes the text sources in data/ (so a rebuild keeps it) and the database together:
everything is checked and the new database is built before any file is replaced.
"""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd

from soest_data import waarden
from soest_data.bronnen import bouw
from soest_data.bronnen.probleem import BronFout
from soest_data.bronnen.waardenbestand import KOLOMMEN, SLEUTEL, getal_tekst, lees_waarden
from soest_data.export import EXPORTKOLOMMEN

OUD_BESTAND = "geimporteerd.csv"  # the old catch-all for new rows; emptied into the source files
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


def bestaande_rijen(data: Path) -> pd.DataFrame:
    """Every row of data/waarden/*.csv as text, with the file it is in."""
    frames = [pd.read_csv(p, dtype=str, keep_default_na=False).assign(_bestand=p.name)
              for p in sorted((data / "waarden").glob("*.csv"))]
    if not frames:
        return pd.DataFrame(columns=[*KOLOMMEN, "_bestand"])
    return pd.concat(frames, ignore_index=True)


def vergelijk(pad: Path, data: Path, geo: Path) -> tuple[Wijzigingen, pd.DataFrame]:
    """Check the import file (CSV or .xlsx) against the catalogue and compare it with the current sources."""
    bronset = bouw.lees(data, geo)
    if bronset.problemen:
        raise BronFout(bronset.problemen)
    invoer, problemen = lees_waarden(pad, bronset.catalogus, berekende_overslaan=True)
    if problemen:
        raise BronFout(problemen)
    totaal = _aantal_rijen(pad)
    invoer = invoer.assign(citaat=invoer["citaat"].where(invoer["citaat"] != "", f"geïmporteerd uit {pad.name}"))
    wijzigingen = verschil(invoer, bronset.waarden)
    wijzigingen.berekend_overgeslagen = totaal - len(invoer)
    return wijzigingen, invoer


def verschil(invoer: pd.DataFrame, huidig: pd.DataFrame) -> Wijzigingen:
    """New, changed and unchanged rows of `invoer` against the current values (same key: area × indicator × year)."""
    sleutels = huidig[SLEUTEL].astype({"jaar": "int64"}).drop_duplicates()
    links = invoer.astype({"jaar": "int64"}).reset_index(drop=True)
    paren = links.reset_index().merge(huidig.astype({"jaar": "int64"})[[*SLEUTEL, *VERGELIJK]], on=SLEUTEL,
                                       how="inner", suffixes=("", "_oud"))
    anders = pd.Series(False, index=paren.index)
    for kolom in VERGELIJK:
        nieuw, oud = paren[kolom], paren[f"{kolom}_oud"]
        beide_leeg = nieuw.isna() & oud.isna()
        anders |= ~beide_leeg & (nieuw.isna() | oud.isna() | (nieuw != oud))
    bestaat = links.merge(sleutels, on=SLEUTEL, how="left", indicator=True)["_merge"].eq("both").to_numpy()
    gewijzigd = links.index.isin(paren.loc[anders, "index"])
    return Wijzigingen(nieuw=invoer[~bestaat], gewijzigd=invoer[gewijzigd], ongewijzigd=int(bestaat.sum() - gewijzigd.sum()))


def _aantal_rijen(pad: Path) -> int:
    """Data rows in the file, counted the way the reader counts them (blank rows do not count)."""
    if pad.suffix.lower() == ".xlsx":
        boek = openpyxl.load_workbook(pad, read_only=True)
        try:
            blad = boek["waarden"] if "waarden" in boek.sheetnames else boek.worksheets[0]
            return max(sum(1 for rij in blad.iter_rows(values_only=True) if any(c is not None for c in rij)) - 1, 0)
        finally:
            boek.close()
    with pad.open(encoding="utf-8-sig", newline="") as f:
        return max(sum(1 for rij in csv.reader(f, delimiter=";" if _is_puntkomma(f) else ",") if any(rij)) - 1, 0)


def _is_puntkomma(f) -> bool:
    eerste = f.readline()
    f.seek(0)
    return ";" in eerste and "," not in eerste


def importeer(pad: Path, data: Path, geo: Path, doel: Path, dry_run: bool = False) -> Wijzigingen:
    """Add or replace values. All or nothing: on any problem, data/ and the database stay as they were."""
    wijzigingen, _ = vergelijk(pad, data, geo)
    if dry_run or (wijzigingen.aantal == 0 and not (data / "waarden" / OUD_BESTAND).exists()):
        return wijzigingen
    bronnen = bouw.lees(data, geo).catalogus.bronnen
    schrijf_transactioneel(data, geo, doel, waardenbestanden(data, pd.concat([wijzigingen.nieuw, wijzigingen.gewijzigd]),
                                                             bronnen))
    return wijzigingen


def schrijf_transactioneel(data: Path, geo: Path, doel: Path, bestanden: dict[str, bytes | None],
                           geobestanden: dict[str, bytes] | None = None) -> dict:
    """Replace files in data/ (path relative to data/; None removes) and geo/, and rebuild — all or nothing.

    Everything is written to a copy first, checked and built; only when the new database exists are the real files
    replaced, each by an atomic rename, and the database last.
    """
    with tempfile.TemporaryDirectory(prefix="soest-import-") as werk:
        kopie, geokopie = Path(werk) / "data", Path(werk) / "geo"
        shutil.copytree(data, kopie, ignore=shutil.ignore_patterns("*.duckdb*"))
        shutil.copytree(geo, geokopie)
        for naam, inhoud in bestanden.items():
            if inhoud is None:
                (kopie / naam).unlink(missing_ok=True)
            else:
                (kopie / naam).parent.mkdir(parents=True, exist_ok=True)
                (kopie / naam).write_bytes(inhoud)
        for naam, inhoud in (geobestanden or {}).items():
            (geokopie / naam).write_bytes(inhoud)
        bronset = bouw.lees(kopie, geokopie)
        if bronset.problemen:
            raise BronFout(bronset.problemen)
        staging = doel.with_name(doel.name + ".import")
        verslag = bouw.schrijf(bronset, staging, bouw.bronhash(kopie, geokopie))
        for wortel, werkwortel, namen in ((data, kopie, bestanden), (geo, geokopie, geobestanden or {})):
            for naam in namen:
                if not (werkwortel / naam).exists():
                    (wortel / naam).unlink(missing_ok=True)
                    continue
                (wortel / naam).parent.mkdir(parents=True, exist_ok=True)
                klaar = (wortel / naam).with_name(f".{(wortel / naam).name}.import")
                shutil.copyfile(werkwortel / naam, klaar)
                os.replace(klaar, wortel / naam)
        os.replace(staging, doel)
    return verslag


def bestand_voor_bron(bron: str, bronnen: dict[str, dict], bestaand: pd.DataFrame) -> str:
    """The values file a source's rows belong in: one file per source (series), never a catch-all.

    In order: the source's own `bestand` in bronnen.yaml; the file that already holds its rows; the file of an
    earlier edition of the same series (cbs_kwb_2025 → the file with cbs_kwb_2024); else a new file named after
    the series.
    """
    if (bronnen.get(bron) or {}).get("bestand"):
        return bronnen[bron]["bestand"]
    bestaand = bestaand[bestaand["_bestand"] != OUD_BESTAND]
    eigen = bestaand.loc[bestaand["bron"] == bron, "_bestand"].unique()
    if len(eigen):
        return sorted(eigen)[0]
    reeks = reeks_van(bron)
    verwant = bestaand.loc[bestaand["bron"].map(reeks_van) == reeks, "_bestand"].unique()
    return sorted(verwant)[0] if len(verwant) else f"{reeks}.csv"


def reeks_van(bron: str) -> str:
    """cbs_kwb_2024 → cbs_kwb: the series an edition belongs to."""
    return re.sub(r"_\d{4}$", "", bron)


def waardenbestanden(data: Path, rijen: pd.DataFrame, bronnen: dict[str, dict]) -> dict[str, bytes | None]:
    """The values files that change, as bytes: replaced rows stay where they were, new rows go to their source's
    file. Rows left in the old catch-all geimporteerd.csv move to their source's file too, and that file goes."""
    bestaand = bestaande_rijen(data)
    tekst = rijen.assign(jaar=rijen["jaar"].astype(int).astype(str),
                         waarde=rijen["waarde"].map(lambda w: "" if pd.isna(w) else getal_tekst(w)))[list(KOLOMMEN)]
    oud = bestaand[bestaand["_bestand"] == OUD_BESTAND]
    bestaand = bestaand[bestaand["_bestand"] != OUD_BESTAND]
    sleutel = lambda f: f["gebied_code"] + "|" + f["indicator"] + "|" + f["jaar"].astype(str)  # noqa: E731
    tekst = pd.concat([oud[list(KOLOMMEN)], tekst], ignore_index=True).drop_duplicates(SLEUTEL, keep="last")
    per_sleutel = tekst.set_index(sleutel(tekst))
    bestaand = bestaand.assign(_sleutel=sleutel(bestaand))
    doelbestand = {b: bestand_voor_bron(b, bronnen, bestaand) for b in per_sleutel["bron"].unique()}
    uit = {naam: frame for naam, frame in bestaand.groupby("_bestand")}
    veranderd: set[str] = set()
    blijft = set()  # keys replaced in place: same file as before, so the row keeps its position (a small diff)
    for naam, frame in uit.items():
        raak = frame["_sleutel"].isin(per_sleutel.index)
        if not raak.any():
            continue
        nieuw_in = per_sleutel.loc[frame.loc[raak, "_sleutel"]]
        op_plek = (nieuw_in["bron"].map(doelbestand) == naam).to_numpy()
        frame = frame.copy()
        idx = frame.index[raak]
        frame.loc[idx[op_plek], list(KOLOMMEN)] = nieuw_in.loc[op_plek, list(KOLOMMEN)].to_numpy()
        uit[naam] = frame.drop(idx[~op_plek])  # a row whose source now lives elsewhere moves there
        blijft.update(frame.loc[idx[op_plek], "_sleutel"])
        veranderd.add(naam)
    nieuw = per_sleutel[~per_sleutel.index.isin(blijft)].reset_index(drop=True)
    for bron, groep in nieuw.groupby("bron", sort=False):
        naam = doelbestand[bron]
        uit[naam] = pd.concat([uit.get(naam, pd.DataFrame(columns=list(KOLOMMEN))), groep], ignore_index=True)
        veranderd.add(naam)
    resultaat: dict[str, bytes | None] = {f"waarden/{n}": _csv_bytes(uit[n]) for n in sorted(veranderd)}
    if len(oud) or (data / "waarden" / OUD_BESTAND).exists():
        resultaat[f"waarden/{OUD_BESTAND}"] = None
    return resultaat


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    """The same text layout as the committed files (csv module, minimal quoting, \\n), so a diff shows only rows."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, lineterminator="\n")
    schrijver.writerow(KOLOMMEN)
    schrijver.writerows(frame[list(KOLOMMEN)].fillna("").astype(str).itertuples(index=False, name=None))
    return buffer.getvalue().encode("utf-8")
