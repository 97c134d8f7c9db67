"""Read a tidy values CSV (a source file in data/waarden/ or an import file) and check every row.

Problems are collected, never raised one by one, so a user sees all of them at once with file and line.
"""
from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pandas as pd

from soest_data.begrippen import RELATIEF, STATUSSEN, VERGELIJKNIVEAUS
from soest_data.bronnen.catalogus import Catalogus
from soest_data.bronnen.probleem import Probleem

VERPLICHTE_KOLOMMEN = ("gebied_code", "indicator", "jaar", "waarde", "bron")
KOLOMMEN = ("gebied_code", "indicator", "jaar", "waarde", "eenheid", "relatief", "status", "bron", "citaat")
SLEUTEL = ["gebied_code", "indicator", "jaar"]
MAX_BYTES = 20_000_000  # an import is a few thousand rows; a bigger file is a wrong file, not a bigger year
EXCEL_FIX = ("sla in Excel op via Bestand > Opslaan als > 'CSV UTF-8 (door komma's gescheiden) (*.csv)', "
             "of importeer het .xlsx-bestand zelf")


def lees_tekst(pad: Path, problemen: list[Probleem]) -> str | None:
    """The file's text, or None with a problem when it is too big or cannot be read as UTF-8."""
    ruw = _lees_bytes(pad, problemen)
    if ruw is None:
        return None
    try:
        return ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        problemen.append(Probleem(pad.name, None, f"bestand is geen UTF-8-tekst; {EXCEL_FIX}"))
        return None


def _lees_bytes(pad: Path, problemen: list[Probleem]) -> bytes | None:
    try:
        if pad.stat().st_size > MAX_BYTES:
            problemen.append(Probleem(pad.name, None, f"bestand is groter dan {MAX_BYTES // 1_000_000} MB; "
                                                      "is dit het goede bestand?"))
            return None
        return pad.read_bytes()
    except OSError as fout:
        problemen.append(Probleem(pad.name, None, f"bestand kan niet gelezen worden ({fout.strerror})"))
        return None


def _csv_regels(tekst: str, naam: str, problemen: list[Probleem]) -> tuple[Iterator[tuple[int, list[str]]], bool]:
    """(line where the record starts, fields) per record, and whether this is Dutch Excel (`;`, decimal comma).

    The start line, not csv's end line, so a quote with a line break does not shift every later line number.
    """
    eerste = tekst.split("\n", 1)[0]
    nederlands = ";" in eerste and "," not in eerste
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=";" if nederlands else ",", strict=True)

    def regels():
        while True:
            begin = lezer.line_num + 1
            try:
                velden = next(lezer)
            except StopIteration:
                return
            except csv.Error as fout:
                problemen.append(Probleem(naam, begin, f"CSV kan niet gelezen worden ({fout}); is het bestand afgebroken?"))
                return
            yield begin, velden
    return regels(), nederlands


def _xlsx_regels(pad: Path, naam: str, problemen: list[Probleem]) -> Iterator[tuple[int, list[str]]]:
    """Rows of the first sheet (the export's 'waarden'), numbered as Excel shows them."""
    if _lees_bytes(pad, problemen) is None:
        return iter(())
    try:
        boek = openpyxl.load_workbook(pad, read_only=True, data_only=True)
    except Exception as fout:  # openpyxl raises many types for a damaged or non-Excel file
        problemen.append(Probleem(naam, None, f"Excel-bestand kan niet gelezen worden ({type(fout).__name__})"))
        return iter(())
    try:
        blad = boek["waarden"] if "waarden" in boek.sheetnames else boek.worksheets[0]
        rijen = [(i, [_celtekst(c) for c in rij]) for i, rij in enumerate(blad.iter_rows(values_only=True), start=1)]
    finally:
        boek.close()
    return iter(rijen)


def _celtekst(cel) -> str:
    if cel is None:
        return ""
    if isinstance(cel, float):
        return getal_tekst(cel)
    return str(cel)


def getal_tekst(getal: float) -> str:
    """A number as the values files write it: no exponent, no trailing .0, every digit kept (repr, not :g)."""
    return str(int(getal)) if float(getal).is_integer() else repr(float(getal))


def lees_waarden(pad: Path, bronnen: Catalogus, naam: str | None = None, berekende_overslaan: bool = False
                 ) -> tuple[pd.DataFrame, list[Probleem]]:
    """Parse and check one values file (CSV, or .xlsx for imports). Returns the rows that are fine and all problems.

    With `berekende_overslaan` (imports), rows of computed indicators are skipped: an export contains them,
    but the build computes them from their parts, so importing an export back changes nothing.
    """
    naam = naam or pad.name
    problemen: list[Probleem] = []
    nederlands = False
    if pad.suffix.lower() == ".xlsx":
        regels = _xlsx_regels(pad, naam, problemen)
    else:
        tekst = lees_tekst(pad, problemen)
        if tekst is None:
            return _leeg(), problemen
        if not tekst.strip():
            return _leeg(), [Probleem(naam, None, "bestand is leeg / file is empty")]
        regels, nederlands = _csv_regels(tekst, naam, problemen)
    eerste = next(regels, None)
    if eerste is None:
        return _leeg(), problemen or [Probleem(naam, None, "bestand is leeg / file is empty")]
    kop = [k.strip() for k in eerste[1]]
    ontbrekend = [k for k in VERPLICHTE_KOLOMMEN if k not in kop]
    if ontbrekend:
        hint = ""
        if len(kop) == 1 and any(t in kop[0] for t in ";\t|"):
            hint = f" — het scheidingsteken is geen komma of puntkomma; {EXCEL_FIX}"
        return _leeg(), [Probleem(naam, eerste[0], f"kolommen ontbreken: {', '.join(ontbrekend)}{hint}")]
    rijen = []
    for regel, velden in regels:
        if not any(v.strip() for v in velden):
            continue
        rij = dict(zip(kop, velden)) if len(velden) == len(kop) else None
        if berekende_overslaan and rij and (bronnen.indicatoren.get(rij["indicator"].strip()) or {}).get("berekening"):
            continue
        gecontroleerd = _controleer_rij(rij, regel, naam, bronnen, problemen, nederlands)
        if gecontroleerd:
            rijen.append(gecontroleerd)
    frame = pd.DataFrame(rijen, columns=[*KOLOMMEN, "bestand", "regel"]) if rijen else _leeg()
    problemen += dubbele_sleutels(frame)
    return frame, problemen


def _leeg() -> pd.DataFrame:
    return pd.DataFrame(columns=[*KOLOMMEN, "bestand", "regel"])


def _controleer_rij(rij: dict | None, regel: int, naam: str, b: Catalogus, problemen: list[Probleem],
                    decimale_komma: bool = False) -> dict | None:
    def meld(tekst: str) -> None:
        problemen.append(Probleem(naam, regel, tekst))

    if rij is None:
        meld("regel heeft niet evenveel velden als de kop; is het bestand afgebroken? / row is incomplete")
        return None
    waarden = {k: (rij.get(k) or "").strip() for k in KOLOMMEN}
    if decimale_komma and "." not in waarden["waarde"]:
        # Dutch Excel writes 19,5; a dot as well would be a thousands separator, which stays an error below.
        waarden["waarde"] = waarden["waarde"].replace(",", ".")
    fouten_voor = len(problemen)
    gebied = b.gebieden.get(waarden["gebied_code"])
    ind = b.indicatoren.get(waarden["indicator"])
    if not gebied:
        meld(f"onbekende gebiedscode '{waarden['gebied_code']}'")
    if not ind:
        meld(f"onbekende indicator '{waarden['indicator']}'")
    try:
        jaar = int(waarden["jaar"])
    except ValueError:
        meld(f"jaar '{waarden['jaar']}' is geen heel getal")
        jaar = None
    getal = None
    if waarden["waarde"]:
        try:
            getal = float(waarden["waarde"])
            if not math.isfinite(getal):
                raise ValueError
        except ValueError:
            hint = " (gebruik een punt als decimaalteken, zonder scheiding van duizendtallen)" \
                if "," in waarden["waarde"] else ""
            meld(f"waarde '{waarden['waarde']}' is geen getal{hint}")
    gevuld = [k for k in ("waarde", "relatief", "status") if waarden[k]]
    if len(gevuld) != 1:
        meld("vul precies één van waarde, relatief of status")
    if waarden["relatief"] and waarden["relatief"] not in RELATIEF:
        meld(f"relatief '{waarden['relatief']}' moet een van {', '.join(RELATIEF)} zijn")
    if waarden["status"] and waarden["status"] not in STATUSSEN:
        meld(f"status '{waarden['status']}' moet een van {', '.join(STATUSSEN)} zijn")
    if not waarden["bron"]:
        meld("waarde zonder bron")
    elif waarden["bron"] not in b.bronnen:
        meld(f"onbekende bron '{waarden['bron']}'")
    else:
        bron = b.bronnen[waarden["bron"]]
        if jaar is not None and jaar not in (bron.get("jaren") or []):
            meld(f"jaar {jaar} valt buiten de jaren van bron '{bron['id']}' ({bron.get('jaren')})")
    if ind:
        _controleer_tegen_catalogus(ind, gebied, waarden, getal, meld)
    if len(problemen) > fouten_voor:
        return None
    return {**waarden, "jaar": jaar, "waarde": getal, "bestand": naam, "regel": regel}


def _controleer_tegen_catalogus(ind: dict, gebied: dict | None, waarden: dict, getal: float | None, meld) -> None:
    if ind.get("berekening"):
        meld(f"'{ind['id']}' is een berekende indicator; lever teller en noemer aan")
    if not waarden["eenheid"]:  # optional: the catalogue knows the unit
        waarden["eenheid"] = ind["eenheid"]
    elif waarden["eenheid"] != ind["eenheid"]:
        meld(f"eenheid '{waarden['eenheid']}' wijkt af van de catalogus ('{ind['eenheid']}'); "
             "laat de kolom eenheid leeg of weg")
    if waarden["bron"] and waarden["bron"] not in (ind.get("bronnen") or []):
        meld(f"bron '{waarden['bron']}' hoort niet bij indicator '{ind['id']}' (catalogus: {ind.get('bronnen')})")
    niveaus = ind.get("niveaus") or []
    if gebied and gebied["niveau"] not in niveaus and not (gebied["niveau"] in VERGELIJKNIVEAUS and "gemeente" in niveaus):
        meld(f"indicator '{ind['id']}' heeft geen waarden op niveau {gebied['niveau']} (catalogus: {ind.get('niveaus')})")
    if ind.get("soort") == "relatief" and getal is not None:
        meld(f"'{ind['id']}' is een relatieve uitspraak: vul 'relatief', geen getal")
    # A numeric indicator may still carry a relative statement where the source gives no number for an area
    # ("het aantal is gemiddeld"): stored as such, never turned into a number.
    if getal is None:
        return
    eenheid = ind["eenheid"]
    if eenheid.startswith("%") and not 0 <= getal <= 100:
        meld(f"percentage {getal} ligt niet tussen 0 en 100")
    elif eenheid.startswith(("aantal", "per ")) and getal < 0:
        meld(f"aantal {getal} is negatief")


def dubbele_sleutels(frame: pd.DataFrame) -> list[Probleem]:
    dubbel = frame[frame.duplicated(SLEUTEL, keep=False)]
    problemen = []
    for _, groep in dubbel.groupby(SLEUTEL):
        eerste = groep.iloc[0]
        for _, rij in groep.iloc[1:].iterrows():
            problemen.append(Probleem(rij["bestand"], rij["regel"],
                                      f"dubbel: {rij['gebied_code']} × {rij['indicator']} × {rij['jaar']} "
                                      f"staat ook in {eerste['bestand']}:{eerste['regel']}"))
    return problemen
