"""Query parameters → validated state. An unknown value falls back to a default with a message, never an error.

Plain keys select data (wijk, wijken, indicator, jaar, opgave, niveau); nothing from the URL ever reaches SQL, and
what a visitor typed is only ever shown as literal text (`als_tekst`): never a link, image or HTML on the page.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

STANDAARD_WIJKEN = ("WK034205", "WK034207")  # Smitsveen and Soest-Zuid: the sharpest contrast


@dataclass(frozen=True)
class Keuze:
    waarde: object
    melding: str | None = None


def als_tekst(tekst: str, maximum: int = 40) -> str:
    """URL text as a markdown code span: shown literally, so '[Log in](https://…)', '![x](…)', '<b>', ':red[x]' or
    'www.…' stay plain characters. Control and format characters go; long text is cut with '…'."""
    schoon = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in str(tekst)).strip()
    if len(schoon) > maximum:
        schoon = schoon[:maximum] + "…"
    if not schoon:
        return "` `"
    hek = "`" * (max((len(r) for r in re.findall(r"`+", schoon)), default=0) + 1)
    return f"{hek} {schoon} {hek}"


def _eerste(params: Mapping, sleutel: str) -> str | None:
    waarde = params.get(sleutel)
    if isinstance(waarde, list):
        waarde = waarde[0] if waarde else None
    return waarde.strip() if isinstance(waarde, str) else None


def kies(params: Mapping, sleutel: str, toegestaan: Iterable[str], standaard: str | None, wat: str) -> Keuze:
    """One value from a known set (a wijk code, an indicator id, an opgave id)."""
    toegestaan = list(toegestaan)
    gevraagd = _eerste(params, sleutel)
    if gevraagd is None or gevraagd == "":
        return Keuze(standaard)
    if gevraagd in toegestaan:
        return Keuze(gevraagd)
    gevonden = {t.lower(): t for t in toegestaan}.get(gevraagd.lower())
    if gevonden:
        return Keuze(gevonden)
    return Keuze(standaard, f"Onbekende {wat} {als_tekst(gevraagd)} in de link; we tonen de standaardkeuze.")


def kies_jaar(params: Mapping, jaren: Iterable[int], standaard: int | None) -> Keuze:
    gevraagd = _eerste(params, "jaar")
    if not gevraagd:
        return Keuze(standaard)
    # only ASCII digits: "²".isdigit() is True but int("²") fails
    if re.fullmatch(r"[0-9]{1,4}", gevraagd) and int(gevraagd) in set(jaren):
        return Keuze(int(gevraagd))
    return Keuze(standaard, f"Voor jaar {als_tekst(gevraagd, 10)} zijn er geen gegevens; we tonen het laatste jaar.")


def kies_meerdere(params: Mapping, sleutel: str, toegestaan: Iterable[str], standaard: tuple[str, ...],
                  wat: str, minimum: int = 2) -> Keuze:
    """A comma-separated list (e.g. wijken=WK034205,WK034207); unknown or too few → the default."""
    gevraagd = _eerste(params, sleutel)
    if not gevraagd:
        return Keuze(list(standaard))
    toegestaan = list(toegestaan)
    delen = [d.strip().upper() for d in gevraagd.split(",") if d.strip()]
    geldig = list(dict.fromkeys(d for d in delen if d in toegestaan))
    if len(geldig) == len(delen) and len(geldig) >= minimum:
        return Keuze(geldig)
    return Keuze(list(standaard), f"De {wat} in de link ({als_tekst(gevraagd, 60)}) zijn niet (allemaal) bekend of het "
                                  f"zijn er minder dan {minimum}; we tonen de standaardkeuze.")
