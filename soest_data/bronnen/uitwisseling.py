"""Export of all values as one tidy table, and the transactional import of such a table.

An import changes the text sources in data/ (so a rebuild keeps it) and the database together:
everything is checked and the new database is built before any file is replaced.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from soest_data import waarden
from soest_data.bronnen import bouw
from soest_data.bronnen.probleem import BronFout, oorzaak
from soest_data.bronnen.waardenbestand import KOLOMMEN, SLEUTEL, bereik, getal_tekst, lees_waarden, nl, samenhang
from soest_data.export import EXPORTKOLOMMEN

OUD_BESTAND = "geimporteerd.csv"  # the old catch-all for new rows; emptied into the source files
VERGELIJK = ["waarde", "eenheid", "relatief", "status", "bron"]


def exporttabel(con: duckdb.DuckDBPyConnection, afschermen: bool = True) -> pd.DataFrame:
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
    overgeslagen: dict[str, int] = field(default_factory=dict)  # berekend / afgeschermd rows of an export
    waarschuwingen: list[str] = field(default_factory=list)  # implausible jumps, shown before anything is written

    @property
    def aantal(self) -> int:
        return len(self.nieuw) + len(self.gewijzigd)


class ImportFout(Exception):
    """Writing an import failed; the message says what and that nothing changed."""


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
    invoer, problemen = lees_waarden(pad, bronset.catalogus, als_import=True)
    overgeslagen = invoer.attrs.get("overgeslagen", {})
    # across rows, with the import in place: a count not above its population or its surrounding area
    problemen += samenhang(samen(bronset.waarden, invoer), bronset.catalogus, voorkeur=pad.name) if not problemen \
        else []
    if problemen:
        raise BronFout(problemen)
    invoer = invoer.assign(citaat=invoer["citaat"].where(invoer["citaat"] != "", f"geïmporteerd uit {pad.name}"))
    wijzigingen = verschil(invoer, bronset.waarden)
    wijzigingen.overgeslagen = overgeslagen
    wijzigingen.waarschuwingen = sprongen(invoer, bronset.waarden, bronset.catalogus)
    return wijzigingen, invoer


def samen(huidig: pd.DataFrame, invoer: pd.DataFrame) -> pd.DataFrame:
    """The current values with the imported rows in place of the same keys."""
    sleutel = lambda f: list(zip(f["gebied_code"], f["indicator"], f["jaar"].astype(int)))  # noqa: E731
    vervangen = pd.Series(sleutel(huidig), index=huidig.index).isin(set(sleutel(invoer)))
    return pd.concat([huidig[~vervangen], invoer], ignore_index=True)


# A change this large between two values of one area and indicator is rare in real figures and common in a wrong
# one (a decimal comma read as a point, a share typed as a fraction): the dry run shows it with a warning.
SPRONG_PROCENTPUNT = 25
SPRONG_RAPPORTCIJFER = 2
SPRONG_FACTOR = 2
SPRONG_AANTAL_MIN = 50  # small counts move a lot; a jump of fewer people is not flagged


def is_sprong(oud: float, nieuw: float, eenheid: str) -> bool:
    r = bereik(eenheid)
    if r.soort == "percentage":
        return abs(nieuw - oud) > SPRONG_PROCENTPUNT
    if r.soort == "rapportcijfer":
        return abs(nieuw - oud) > SPRONG_RAPPORTCIJFER
    if r.soort in ("verandering", "oordeel"):
        return False
    laag, hoog = sorted((abs(oud), abs(nieuw)))
    if r.is_aantal and hoog - laag < SPRONG_AANTAL_MIN:
        return False
    return hoog > SPRONG_FACTOR * laag


def sprongen(invoer: pd.DataFrame, huidig: pd.DataFrame, b) -> list[str]:
    """Dutch warnings for imported numbers far from the value they replace, or else from the latest earlier year."""
    getallen = huidig[huidig["waarde"].notna()].astype({"jaar": "int64"})
    vorige = {(g, i): groep.sort_values("jaar")[["jaar", "waarde"]].to_numpy()
              for (g, i), groep in getallen.groupby(["gebied_code", "indicator"])}
    meldingen = []
    for g, i, jaar, waarde, bestand, regel in invoer[["gebied_code", "indicator", "jaar", "waarde", "bestand", "regel"]
                                                     ].itertuples(index=False):
        reeks = vorige.get((g, i))
        if pd.isna(waarde) or reeks is None or i not in b.indicatoren:
            continue
        eerder = [(int(j), w) for j, w in reeks if int(j) <= int(jaar)]
        if not eerder:
            continue
        oudjaar, oud = eerder[-1]
        if is_sprong(oud, waarde, b.indicatoren[i]["eenheid"]):
            was = "nu" if oudjaar == int(jaar) else f"in {oudjaar}"
            meldingen.append(f"{bestand}:{regel}: let op: {g} {i} {jaar} wordt {nl(waarde)}, {was} {nl(oud)}. Zo'n "
                             "grote sprong is ongewoon: klopt het getal (decimaalteken, duizendtallen, een percentage "
                             "als fractie)?")
    return meldingen


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

    1. Everything is written to a copy in a temporary folder, checked and built there.
    2. Each changed file is written to a temporary file beside its target, each existing target gets a hard link
       as its previous version, and the new database is built beside the old one. Any failure: those are removed,
       nothing changed.
    3. A journal lists the targets; then each is replaced by an atomic rename, the database last. A failure rolls
       every replaced file back; a killed run is rolled back by the next run (`ruim_op`).
    """
    with tempfile.TemporaryDirectory(prefix=f"{WERKMAP}{os.getpid()}-") as werk:
        kopie, geokopie = Path(werk) / "data", Path(werk) / "geo"
        shutil.copytree(data, kopie, ignore=shutil.ignore_patterns("*.duckdb*", ".*.import*", ".*.vorige-*",
                                                                   ".soest-import-*"))
        shutil.copytree(geo, geokopie, ignore=shutil.ignore_patterns(".*.import*", ".*.vorige-*"))
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
        doelen = [(wortel / naam, werkwortel / naam if (werkwortel / naam).exists() else None)
                  for wortel, werkwortel, namen in ((data, kopie, bestanden), (geo, geokopie, geobestanden or {}))
                  for naam in namen]
        staging = doel.with_name(f"{doel.name}.import-{os.getpid()}")
        stappen: list[Stap] = []
        try:
            stappen = _zet_klaar(doelen)
            verslag = bouw.schrijf(bronset, staging, bouw.bronhash(kopie, geokopie))
            stappen.append(Stap(doel, staging, _vorige_versie(doel)))
        except OSError as fout:
            _ruim_stappen_op(stappen)
            staging.unlink(missing_ok=True)
            raise ImportFout(f"Kan {fout.filename or 'een bestand'} niet schrijven ({oorzaak(fout)}). "
                             f"{NIETS_VERANDERD}") from None
        except BaseException:
            _ruim_stappen_op(stappen)
            staging.unlink(missing_ok=True)
            raise
        _vervang_alles(data, stappen)
    return verslag


WERKMAP = "soest-import-"  # prefix of the temporary folder (with the process id: a killed run's folder is removed)
OUD_NA = 600  # seconds: a leftover without a process id (an older version's) is removed only when older than this
NIETS_VERANDERD = "Er is niets veranderd: geen enkel bronbestand en niet de database."


@dataclass
class Stap:
    """One target of an import: the file to replace, its new content beside it (None: remove it), its previous
    version (a hard link beside it; None: it did not exist)."""
    doel: Path
    nieuw: Path | None
    vorige: Path | None


def _zet_klaar(doelen: list[tuple[Path, Path | None]]) -> list[Stap]:
    """Step 2 for the source files: a refused target or a failed write removes what was made and raises."""
    stappen: list[Stap] = []
    try:
        for pad, bron in doelen:
            _controleer_doel(pad)
            stap = Stap(pad, None, None)
            stappen.append(stap)
            if bron is not None:
                pad.parent.mkdir(parents=True, exist_ok=True)
                stap.nieuw = _naast(pad, "import")
                shutil.copyfile(bron, stap.nieuw)
            stap.vorige = _vorige_versie(pad)
    except BaseException:
        _ruim_stappen_op(stappen)
        raise
    return stappen


def _naast(pad: Path, soort: str) -> Path:
    return pad.with_name(f".{pad.name}.{soort}-{os.getpid()}")


def _vorige_versie(pad: Path) -> Path | None:
    """A hard link to the file as it is (a copy where links are not possible), to roll back to."""
    if not pad.exists():
        return None
    vorige = _naast(pad, "vorige")
    vorige.unlink(missing_ok=True)
    try:
        os.link(pad, vorige)
    except OSError:
        shutil.copy2(pad, vorige)
    return vorige


def _controleer_doel(pad: Path) -> None:
    """Only a regular, writable file (or a new one) is replaced. A symbolic link is refused, not silently replaced
    by a file: the rename would remove the link and leave its target as it was."""
    try:
        info = os.lstat(pad)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise ImportFout(f"{pad} is een symbolische link. Een import vervangt het bestand en zou de link weghalen; "
                         "zet het bestand zelf op die plek (of importeer waar de link naar wijst) en probeer het "
                         f"opnieuw. {NIETS_VERANDERD}")
    if not stat.S_ISREG(info.st_mode):
        raise ImportFout(f"{pad} is geen gewoon bestand (maar een map, apparaat of pijp). {NIETS_VERANDERD}")
    if not info.st_mode & 0o222 or not os.access(pad, os.W_OK):
        raise ImportFout(f"{pad} is alleen-lezen; maak het schrijfbaar en probeer het opnieuw. {NIETS_VERANDERD}")


def _ruim_stappen_op(stappen: list[Stap]) -> None:
    for stap in stappen:
        for pad in (stap.nieuw, stap.vorige):
            if pad is not None:
                pad.unlink(missing_ok=True)


def _vervang_alles(data: Path, stappen: list[Stap]) -> None:
    """Step 3: replace every target, the database last; on any failure put every one back."""
    journaal = data / f".soest-import-{os.getpid()}.journaal"
    gedaan: list[Stap] = []
    try:
        _schrijf_journaal(journaal, stappen)
        for stap in stappen:
            gedaan.append(stap)
            if stap.nieuw is None:
                stap.doel.unlink(missing_ok=True)
            else:
                os.replace(stap.nieuw, stap.doel)
    except BaseException as fout:
        try:
            _draai_terug(gedaan)
        except OSError as terug:
            raise ImportFout(f"Het vervangen van de bestanden is halverwege mislukt ({oorzaak(fout)}) en terugzetten "
                             f"ook ({oorzaak(terug)}). De volgende opdracht (bijvoorbeeld build) zet alles terug zoals "
                             f"het was; zolang staat {journaal}.") from None
        _ruim_stappen_op(stappen)
        journaal.unlink(missing_ok=True)
        if isinstance(fout, OSError):
            raise ImportFout(f"Kan {fout.filename or 'een bestand'} niet vervangen ({oorzaak(fout)}). Wat al vervangen "
                             f"was is teruggezet. {NIETS_VERANDERD}") from None
        raise
    journaal.unlink(missing_ok=True)
    _ruim_stappen_op(stappen)


def _schrijf_journaal(journaal: Path, stappen: list[Stap]) -> None:
    tijdelijk = journaal.with_name(journaal.name + ".tmp")
    try:
        tijdelijk.write_text(json.dumps([{"doel": str(s.doel), "vorige": str(s.vorige) if s.vorige else None}
                                         for s in stappen]), encoding="utf-8")
        os.replace(tijdelijk, journaal)
    finally:
        tijdelijk.unlink(missing_ok=True)


def _draai_terug(stappen: list[Stap]) -> None:
    for stap in reversed(stappen):
        if stap.vorige is not None:
            if stap.doel.exists() and os.path.samefile(stap.vorige, stap.doel):
                stap.vorige.unlink()  # never replaced; a rename onto a hard link of itself would do nothing
            else:
                os.replace(stap.vorige, stap.doel)
            stap.vorige = None
        else:
            stap.doel.unlink(missing_ok=True)


def ruim_op(data: Path, geo: Path, doel: Path) -> list[str]:
    """What earlier runs that were killed left behind, undone and removed; returns Dutch lines saying what.

    A journal of a dead process means an import stopped halfway through replacing files: every file goes back to
    its previous version (the database too, or it is rebuilt as stale). Then its temporary files and folders go.
    Files of a process that still runs are left alone.
    """
    gedaan = []
    for journaal in data.glob(".soest-import-*.journaal"):
        if _van_levend_proces(journaal):
            continue
        try:
            stappen = [Stap(Path(s["doel"]), None, Path(s["vorige"]) if s["vorige"] else None)
                       for s in json.loads(journaal.read_text(encoding="utf-8"))]
            _draai_terug([s for s in stappen if s.vorige is None or s.vorige.exists()])
            journaal.unlink()
            gedaan.append(f"Een afgebroken import is teruggedraaid ({len(stappen)} bestanden terug zoals ze waren).")
        except (OSError, ValueError, KeyError, TypeError) as fout:
            gedaan.append(f"Een afgebroken import kan niet teruggedraaid worden ({journaal}: {fout}); zet data/ terug "
                          "met git restore data/ geo/ en bouw opnieuw.")
    resten = [*data.rglob(".*.import*"), *data.rglob(".*.vorige-*"), *data.glob(".soest-import-*.journaal.tmp"),
              *geo.glob(".*.import*"), *geo.glob(".*.vorige-*"), *doel.parent.glob(f"{doel.name}.import*"),
              *doel.parent.glob(f".{doel.name}.vorige-*")]
    mappen = [p for p in Path(tempfile.gettempdir()).glob(f"{WERKMAP}*") if p.is_dir() and not p.is_symlink()]
    weg = 0
    for pad in [*resten, *mappen]:
        if _van_levend_proces(pad):
            continue
        try:
            shutil.rmtree(pad) if pad in mappen else pad.unlink()
            weg += 1
        except OSError:
            continue  # a read-only folder: nothing to clean there
    if weg:
        gedaan.append(f"{weg} tijdelijke bestanden of mappen van een afgebroken import opgeruimd.")
    return gedaan


def _van_levend_proces(pad: Path) -> bool:
    """Whether the process whose id is in this name may still run. A name without one was left by an older version:
    removed only when it is older than OUD_NA seconds (an older version's import may still run beside this one)."""
    gevonden = re.search(r"(?:import|vorige)-(\d{1,9})(?=[-.]|$)", pad.name)
    if not gevonden:
        try:
            return time.time() - pad.lstat().st_mtime < OUD_NA
        except OSError:
            return False
    pid = int(gevonden.group(1))
    return pid == os.getpid() or (pid > 0 and bouw.leeft(pid))


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
