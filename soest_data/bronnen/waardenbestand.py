"""Read a tidy values CSV (a source file in data/waarden/ or an import file) and check every row.

Problems are collected, never raised one by one, so a user sees all of them at once with file and line.
Every number is checked against the kind of its indicator (`bereik`, read from the catalogue's unit): counts are
whole and not negative, percentages 0–100, a rapportcijfer 1–10; and across rows (`samenhang`) a count is not above
its population or above the same count for the area it lies in.
"""
from __future__ import annotations

import csv
import io
import math
import os
import re
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd

from soest_data import opmaak
from soest_data.begrippen import AFGESCHERMD, RELATIEF, STATUSSEN, VERGELIJKNIVEAUS
from soest_data.bronnen.catalogus import Catalogus
from soest_data.bronnen.probleem import Probleem, oorzaak

VERPLICHTE_KOLOMMEN = ("gebied_code", "indicator", "jaar", "waarde", "bron")
KOLOMMEN = ("gebied_code", "indicator", "jaar", "waarde", "eenheid", "relatief", "status", "bron", "citaat")
SLEUTEL = ["gebied_code", "indicator", "jaar"]
# A source file of the largest gemeente (~100 wijken, ~500 buurten, every year and a quote per value) is tens of MB;
# beyond MAX_RIJEN rows of a few hundred bytes it is a wrong file, not a bigger gemeente.
MAX_BYTES = 200_000_000
MAX_UITGEPAKT = 200_000_000  # an .xlsx is a zip: its unpacked parts are capped too (a zip bomb is small on disk)
MAX_RIJEN = 500_000  # the full export has a few thousand rows
EXCEL_FIX = ("sla in Excel op via Bestand > Opslaan als > 'CSV UTF-8 (door komma's gescheiden) (*.csv)', "
             "of importeer het .xlsx-bestand zelf")
# The largest count there is: the inhabitants of the Netherlands (17,9 million in 2024). A count above this is a typo.
AANTAL_MAX = 20_000_000
# CBS rounds counts in wijken and buurten at random to a multiple of 5 (the catalogue's voorbehoud on those counts):
# a part can then read up to 5 above its whole.
AFRONDING = 5
_DUIZENDTALLEN = re.compile(r"-?\d{1,3}(\.\d{3})+(,\d+)?")
_NL_GETAL = re.compile(r"-?\d+(,\d+)?")
_SCHAAL = re.compile(r"\((\d+)\s*-\s*(\d+)\)")
_PER = re.compile(r"^per ([\d.]+) ")


@dataclass(frozen=True)
class Bereik:
    """The kind of number an indicator holds and the values it can take, derived from its unit."""
    soort: str                  # aantal, percentage, rapportcijfer, per, verandering, oordeel or grootheid
    laagste: float | None = 0
    hoogste: float | None = None
    geheel: bool = False

    @property
    def is_aantal(self) -> bool:
        return self.soort == "aantal"


def bereik(eenheid: str) -> Bereik:
    """'aantal' → whole, 0 to AANTAL_MAX; '%' → 0–100; 'rapportcijfer (1-10)' → 1–10; 'per 1000 inwoners' → 0–1000;
    '% stijging' → any number; any other measure (km, ha, euro, 'aantal (gemiddeld)') → 0 or more."""
    if eenheid.startswith("oordeel"):
        return Bereik("oordeel", None)
    if "stijging" in eenheid or "verandering" in eenheid:
        return Bereik("verandering", None)
    if eenheid.startswith("%"):
        return Bereik("percentage", 0, 100)
    if eenheid.startswith("rapportcijfer"):
        schaal = _SCHAAL.search(eenheid)
        return Bereik("rapportcijfer", *(map(int, schaal.groups()) if schaal else (1, 10)))
    if eenheid.startswith("aantal") and "gemiddeld" not in eenheid:
        return Bereik("aantal", 0, AANTAL_MAX, geheel=True)
    per = _PER.match(eenheid)
    if per and "inwoners" in eenheid:
        return Bereik("per", 0, int(per.group(1).replace(".", "")))
    return Bereik("grootheid", 0)


def nl(getal: float) -> str:
    """A number in Dutch notation with every digit kept: 4970 → '4.970', 4.97 → '4,97', 1e9 → '1.000.000.000'."""
    decimalen = max(-Decimal(getal_tekst(getal)).as_tuple().exponent, 0)
    return opmaak.getal(float(getal), decimalen)


def lees_getal(tekst: str, nederlands: bool) -> tuple[float | None, str | None, bool]:
    """(number, problem, read with a thousands separator) for one value as written.

    In Dutch notation (Dutch Excel's CSV, or a number typed as text in Excel) the comma is the decimal sign and a dot
    only ever separates thousands: '4.970' is 4970, '1.234,5' is 1234.5. A dot that cannot be a thousands separator
    ('4.97') is refused: it could mean 4,97 or 497.
    """
    if nederlands and _DUIZENDTALLEN.fullmatch(tekst):
        return float(tekst.replace(".", "").replace(",", ".")), None, True
    if nederlands and "." in tekst:
        return None, (f"waarde '{tekst}' is dubbelzinnig: in een bestand met puntkomma's (Nederlandse Excel) of in "
                      "een tekstcel scheidt een punt alleen duizendtallen, maar hier staan er geen groepjes van drie "
                      f"cijfers achter; schrijf {tekst.replace('.', ',')} als het een decimaal getal is, of laat "
                      "de punt weg"), False
    if nederlands and _NL_GETAL.fullmatch(tekst):
        tekst = tekst.replace(",", ".")
    try:
        getal = float(tekst)
    except ValueError:
        hint = " (gebruik een punt als decimaalteken, zonder scheiding van duizendtallen)" if "," in tekst else ""
        return None, f"waarde '{tekst}' is geen getal{hint}", False
    if not math.isfinite(getal):
        return None, f"waarde '{tekst}' is geen getal", False
    return getal, None, False


def lees_bytes(pad: Path, naam: str, problemen: list[Probleem]) -> bytes | None:
    """The file's bytes, or None with a problem. Only a regular file is read: a device (/dev/zero) never ends, a pipe
    (FIFO) waits forever, a folder or a symbolic link is not the file meant. The type is checked before opening and
    again on the open file; at most MAX_BYTES are read, so nothing big is ever parsed."""
    def weiger(tekst: str) -> None:
        problemen.append(Probleem(naam, None, tekst))

    try:
        soort = _geen_gewoon_bestand(os.lstat(pad).st_mode)
        if soort:
            weiger(f"{soort}, geen gewoon bestand; geef het bestand zelf op")
            return None
        if os.lstat(pad).st_size > MAX_BYTES:
            weiger(_te_groot())
            return None
        fd = os.open(pad, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as f:
            soort = _geen_gewoon_bestand(os.fstat(f.fileno()).st_mode)
            if soort:  # swapped between the check and the open
                weiger(f"{soort}, geen gewoon bestand; geef het bestand zelf op")
                return None
            ruw = f.read(MAX_BYTES + 1)
    except OSError as fout:
        weiger(f"bestand kan niet gelezen worden ({oorzaak(fout)})")
        return None
    if len(ruw) > MAX_BYTES:
        weiger(_te_groot())
        return None
    return ruw


def _te_groot() -> str:
    return f"bestand is groter dan {MAX_BYTES // 1_000_000} MB; is dit het goede bestand?"


def _geen_gewoon_bestand(modus: int) -> str | None:
    """What a path is when it is not a regular file, in Dutch; None for a regular file."""
    for toets, soort in ((stat.S_ISLNK, "dit is een symbolische link (snelkoppeling)"), (stat.S_ISDIR, "dit is een map"),
                         (stat.S_ISFIFO, "dit is een pijp (FIFO)"), (stat.S_ISCHR, "dit is een apparaat"),
                         (stat.S_ISBLK, "dit is een apparaat"), (stat.S_ISSOCK, "dit is een socket")):
        if toets(modus):
            return soort
    return None if stat.S_ISREG(modus) else "dit is een onbekend soort bestand"


def lees_tekst(pad: Path, naam: str, problemen: list[Probleem]) -> str | None:
    """The file's text, or None with a problem when it is not a regular file, too big or not UTF-8."""
    ruw = lees_bytes(pad, naam, problemen)
    if ruw is None:
        return None
    try:
        return ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        problemen.append(Probleem(naam, None, f"bestand is geen UTF-8-tekst; {EXCEL_FIX}"))
        return None


def _csv_regels(tekst: str, naam: str, problemen: list[Probleem]) -> Iterator[tuple[int, list[str], bool]]:
    """(line where the record starts, fields, Dutch notation) per record. Dutch Excel writes `;` and a decimal comma.

    The start line, not csv's end line, so a quote with a line break does not shift every later line number.
    """
    eerste = tekst.split("\n", 1)[0]
    nederlands = ";" in eerste and "," not in eerste
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=";" if nederlands else ",", strict=True)
    while True:
        begin = lezer.line_num + 1
        try:
            velden = next(lezer)
        except StopIteration:
            return
        except csv.Error as fout:
            problemen.append(Probleem(naam, begin, f"CSV kan niet gelezen worden ({fout}); is het bestand afgebroken?"))
            return
        yield begin, velden, nederlands


def _xlsx_regels(pad: Path, naam: str, problemen: list[Probleem]) -> Iterator[tuple[int, list[str], bool]]:
    """Rows of the first sheet (the export's 'waarden'), numbered as Excel shows them, each cell as the text it shows.

    A number typed as text is read in Dutch notation (the row's flag): '1.234' is 1234, as Excel in Dutch shows it.
    """
    ruw = lees_bytes(pad, naam, problemen)
    if ruw is None:
        return iter(())
    try:
        with zipfile.ZipFile(io.BytesIO(ruw)) as zip_:
            uitgepakt = sum(deel.file_size for deel in zip_.infolist())
        if uitgepakt > MAX_UITGEPAKT:
            problemen.append(Probleem(naam, None, f"Excel-bestand is uitgepakt groter dan "
                                                  f"{MAX_UITGEPAKT // 1_000_000} MB; is dit het goede bestand?"))
            return iter(())
        boek = openpyxl.load_workbook(io.BytesIO(ruw), read_only=True, data_only=True)
    except Exception as fout:  # zipfile and openpyxl raise many types for a damaged or non-Excel file
        problemen.append(Probleem(naam, None, f"Excel-bestand kan niet gelezen worden ({type(fout).__name__})"))
        return iter(())
    try:
        blad = boek["waarden"] if "waarden" in boek.sheetnames else boek.worksheets[0]
        rijen, waardekolom = [], None
        for i, rij in enumerate(blad.iter_rows(), start=1):
            if i > MAX_RIJEN:
                problemen.append(Probleem(naam, None, f"meer dan {MAX_RIJEN} regels; is dit het goede bestand?"))
                return iter(())
            velden = [_celtekst(c) for c in rij]
            if i == 1:
                waardekolom = next((k for k, v in enumerate(velden) if v.strip() == "waarde"), len(velden))
            rijen.append((i, velden, waardekolom < len(rij) and isinstance(rij[waardekolom].value, str)))
    finally:
        boek.close()
    return iter(rijen)


def _celtekst(cel) -> str:
    """A cell as the text of the number it shows: a cell formatted as a percentage shows 19,5 % and holds 0.195."""
    waarde = cel.value
    if waarde is None:
        return ""
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        if "%" in re.sub(r'"[^"]*"|\\.', "", cel.number_format or ""):  # a quoted or escaped % is only text
            return getal_tekst(float(Decimal(repr(float(waarde))) * 100))
        return getal_tekst(float(waarde))
    return str(waarde)


def getal_tekst(getal: float) -> str:
    """A number as the values files write it: no exponent, no trailing .0, every digit kept (repr, not :g)."""
    return str(int(getal)) if float(getal).is_integer() else repr(float(getal))


def lees_waarden(pad: Path, bronnen: Catalogus, naam: str | None = None, als_import: bool = False
                 ) -> tuple[pd.DataFrame, list[Probleem]]:
    """Parse and check one values file (CSV, or .xlsx for imports). Returns the rows that are fine and all problems.

    With `als_import`, rows of computed indicators and rows hidden by disclosure control are skipped (counted in
    the frame's attrs): an export contains them, but the build computes the first from their parts and the second
    only say that a public export left a number out, so importing an export back changes nothing.
    """
    naam = naam or pad.name
    problemen: list[Probleem] = []
    if pad.suffix.lower() == ".xlsx":
        regels = _xlsx_regels(pad, naam, problemen)
    else:
        tekst = lees_tekst(pad, naam, problemen)
        if tekst is None:
            return _leeg(), problemen
        if not tekst.strip():
            return _leeg(), [Probleem(naam, None, "bestand is leeg / file is empty")]
        regels = _csv_regels(tekst, naam, problemen)
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
    overgeslagen = {"berekend": 0, "afgeschermd": 0}
    for regel, velden, nederlands in regels:
        if not any(v.strip() for v in velden):
            continue
        rij = dict(zip(kop, velden)) if len(velden) == len(kop) else None
        if als_import and rij:
            if (bronnen.indicatoren.get(rij["indicator"].strip()) or {}).get("berekening"):
                overgeslagen["berekend"] += 1
                continue
            if (rij.get("status") or "").strip() == AFGESCHERMD:
                overgeslagen["afgeschermd"] += 1
                continue
        gecontroleerd = _controleer_rij(rij, regel, naam, bronnen, problemen, nederlands)
        if gecontroleerd:
            rijen.append(gecontroleerd)
    frame = pd.DataFrame(rijen, columns=[*KOLOMMEN, "bestand", "regel"]) if rijen else _leeg()
    frame.attrs["overgeslagen"] = overgeslagen
    problemen += dubbele_sleutels(frame)
    return frame, problemen


def _leeg() -> pd.DataFrame:
    return pd.DataFrame(columns=[*KOLOMMEN, "bestand", "regel"])


def _controleer_rij(rij: dict | None, regel: int, naam: str, b: Catalogus, problemen: list[Probleem],
                    nederlands: bool = False) -> dict | None:
    def meld(tekst: str) -> None:
        problemen.append(Probleem(naam, regel, tekst))

    if rij is None:
        meld("regel heeft niet evenveel velden als de kop; is het bestand afgebroken? / row is incomplete")
        return None
    waarden = {k: (rij.get(k) or "").strip() for k in KOLOMMEN}
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
    getal, duizendtallen = None, False
    if waarden["waarde"]:
        getal, fout, duizendtallen = lees_getal(waarden["waarde"], nederlands)
        if fout:
            meld(fout)
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
        gelezen = " (gelezen met de punt als scheiding van duizendtallen, zoals Nederlandse Excel schrijft)" \
            if duizendtallen else ""
        _controleer_tegen_catalogus(ind, gebied, waarden, getal, lambda tekst: meld(tekst + gelezen))
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
    if getal is not None:
        for fout in buiten_bereik(getal, ind["eenheid"]):
            meld(fout)


def buiten_bereik(getal: float, eenheid: str) -> list[str]:
    """What is wrong with this number for an indicator with this unit (nothing: an empty list)."""
    r = bereik(eenheid)
    fouten = []
    if r.soort == "percentage" and not r.laagste <= getal <= r.hoogste:
        fouten.append(f"percentage {nl(getal)} ligt niet tussen 0 en 100")
    elif r.soort == "rapportcijfer" and not r.laagste <= getal <= r.hoogste:
        fouten.append(f"rapportcijfer {nl(getal)} ligt niet tussen {r.laagste} en {r.hoogste}")
    elif r.soort == "per" and not r.laagste <= getal <= r.hoogste:
        fouten.append(f"{nl(getal)} {eenheid} ligt niet tussen 0 en {nl(r.hoogste)}")
    elif r.laagste is not None and getal < r.laagste:
        fouten.append(f"{'aantal' if r.is_aantal else 'waarde'} {nl(getal)} is negatief; "
                      f"{eenheid} kan niet onder 0 liggen")
    if r.geheel and not float(getal).is_integer():
        fouten.append(f"aantal {nl(getal)} is geen heel getal: een aantal mensen, huishoudens of woningen is heel")
    if r.is_aantal and getal > r.hoogste:
        fouten.append(f"aantal {nl(getal)} is groter dan het aantal inwoners van Nederland; is het getal goed "
                      "overgenomen?")
    return fouten


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


def samenhang(waarden: pd.DataFrame, b: Catalogus, voorkeur: str | None = None) -> list[Probleem]:
    """Checks across rows, each reported once at the row in file `voorkeur` (an import) if one of the two is there:
    a count is not above its population (the noemer of a share computed from it in the catalogue), and not above
    the same count for the area it lies in (gebieden.csv: ouder). Both with CBS's rounding (AFRONDING) allowed."""
    getallen = waarden[waarden["waarde"].notna()]
    aantal = getallen["indicator"].map(lambda i: bereik(b.indicatoren[i]["eenheid"]).is_aantal
                                       if i in b.indicatoren else False).astype(bool)
    tellingen = getallen[aantal]
    rij = {(g, i, int(j)): (w, bestand, int(regel) if pd.notna(regel) else None) for g, i, j, w, bestand, regel in tellingen[
        ["gebied_code", "indicator", "jaar", "waarde", "bestand", "regel"]].itertuples(index=False)}
    paren = []  # (part, whole, why)
    for ind in b.indicatoren.values():
        formule = ind.get("berekening") or {}
        if formule.get("teller") and formule.get("noemer"):
            for (g, i, j) in rij:
                if i == formule["teller"] and (g, formule["noemer"], j) in rij:
                    paren.append(((g, i, j), (g, formule["noemer"], j), "noemer"))
    for (g, i, j) in rij:
        ouder = (b.gebieden.get(g) or {}).get("ouder")
        if ouder and (ouder, i, j) in rij:
            paren.append(((g, i, j), (ouder, i, j), "ouder"))
    problemen = []
    for deel, geheel, waarom in paren:
        (w_deel, *plek_deel), (w_geheel, *plek_geheel) = rij[deel], rij[geheel]
        if w_deel <= w_geheel + AFRONDING:
            continue
        plek = plek_geheel if plek_geheel[0] == voorkeur and plek_deel[0] != voorkeur else plek_deel
        naam = (b.gebieden.get(deel[0]) or {}).get("naam", deel[0])
        if waarom == "noemer":
            tekst = (f"{deel[1]} {nl(w_deel)} in {naam} ({deel[2]}) is groter dan {geheel[1]} {nl(w_geheel)}: een "
                     "deel kan niet groter zijn dan het geheel")
        else:
            tekst = (f"{deel[1]} {nl(w_deel)} in {naam} ({deel[2]}) is groter dan in "
                     f"{(b.gebieden.get(geheel[0]) or {}).get('naam', geheel[0])}, waar het in ligt "
                     f"({nl(w_geheel)})")
        problemen.append(Probleem(plek[0], plek[1], tekst))
    return problemen
