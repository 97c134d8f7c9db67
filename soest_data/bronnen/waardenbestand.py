"""Read a tidy values CSV (a source file in data/waarden/ or an import file) and check every row.

Problems are collected, never raised one by one, so a user sees all of them at once with file and line.
"""
from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import pandas as pd

from soest_data.begrippen import RELATIEF, STATUSSEN, VERGELIJKNIVEAUS
from soest_data.bronnen.catalogus import Bronnen
from soest_data.bronnen.probleem import Probleem

VERPLICHTE_KOLOMMEN = ("gebied_code", "indicator", "jaar", "waarde", "eenheid", "bron")
KOLOMMEN = ("gebied_code", "indicator", "jaar", "waarde", "eenheid", "relatief", "status", "bron", "citaat")
SLEUTEL = ["gebied_code", "indicator", "jaar"]


def lees_tekst(pad: Path, problemen: list[Probleem]) -> str | None:
    """The file's text, or None with a problem when it cannot be read as UTF-8."""
    try:
        ruw = pad.read_bytes()
    except OSError as fout:
        problemen.append(Probleem(pad.name, None, f"bestand kan niet gelezen worden ({fout.strerror})"))
        return None
    try:
        return ruw.decode("utf-8-sig")
    except UnicodeDecodeError:
        problemen.append(Probleem(pad.name, None,
                                  "bestand is geen UTF-8-tekst; sla het op als 'CSV UTF-8' / file is not UTF-8"))
        return None


def lees_waarden(pad: Path, bronnen: Bronnen, naam: str | None = None, berekende_overslaan: bool = False
                 ) -> tuple[pd.DataFrame, list[Probleem]]:
    """Parse and check one values file. Returns the rows that are fine and all problems found.

    With `berekende_overslaan` (imports), rows of computed indicators are skipped: an export contains them,
    but the build computes them from their parts, so importing an export back changes nothing.
    """
    naam = naam or pad.name
    problemen: list[Probleem] = []
    tekst = lees_tekst(pad, problemen)
    if tekst is None:
        return _leeg(), problemen
    if not tekst.strip():
        return _leeg(), [Probleem(naam, None, "bestand is leeg / file is empty")]
    lezer = csv.DictReader(io.StringIO(tekst, newline=""), strict=True)
    kop = lezer.fieldnames or []
    ontbrekend = [k for k in VERPLICHTE_KOLOMMEN if k not in kop]
    if ontbrekend:
        hint = ""
        if len(kop) == 1 and any(t in kop[0] for t in ";\t|"):
            hint = " — het scheidingsteken lijkt geen komma; gebruik komma's / use commas as delimiter"
        return _leeg(), [Probleem(naam, 1, f"kolommen ontbreken: {', '.join(ontbrekend)}{hint}")]
    rijen = []
    try:
        for regel, rij in enumerate(lezer, start=2):
            if not any((v or "").strip() for k, v in rij.items() if k is not None):
                continue
            if berekende_overslaan and (bronnen.indicatoren.get((rij.get("indicator") or "").strip()) or {}).get("berekening"):
                continue
            gecontroleerd = _controleer_rij(rij, regel, naam, bronnen, problemen)
            if gecontroleerd:
                rijen.append(gecontroleerd)
    except csv.Error as fout:
        problemen.append(Probleem(naam, lezer.line_num, f"CSV kan niet gelezen worden ({fout}); is het bestand afgebroken?"))
    frame = pd.DataFrame(rijen, columns=[*KOLOMMEN, "bestand", "regel"]) if rijen else _leeg()
    problemen += dubbele_sleutels(frame)
    return frame, problemen


def _leeg() -> pd.DataFrame:
    return pd.DataFrame(columns=[*KOLOMMEN, "bestand", "regel"])


def _controleer_rij(rij: dict, regel: int, naam: str, b: Bronnen, problemen: list[Probleem]) -> dict | None:
    def meld(tekst: str) -> None:
        problemen.append(Probleem(naam, regel, tekst))

    if None in rij or any(v is None for v in rij.values()):
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
    getal = None
    if waarden["waarde"]:
        try:
            getal = float(waarden["waarde"])
            if not math.isfinite(getal):
                raise ValueError
        except ValueError:
            hint = " (gebruik een punt als decimaalteken)" if "," in waarden["waarde"] else ""
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
    if waarden["eenheid"] != ind["eenheid"]:
        meld(f"eenheid '{waarden['eenheid']}' wijkt af van de catalogus ('{ind['eenheid']}')")
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
