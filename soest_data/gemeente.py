"""The one gemeente setting: which gemeente this dashboard is about (code, name, its buurgemeenten).

The setting is the file `gemeente.yaml` in the data folder (paden.data_dir): `data/gemeente.yaml` for the default
gemeente, `data/gemeenten/<code>/gemeente.yaml` for another one, chosen with the environment variable SOEST_GEMEENTE
(or `python -m soest_data build --gemeente GM0307`). Everything else follows from it and from the data: the wijk code
pattern (WK + the gemeente's four digits + two digits), the number and names of wijken and buurten, the default
wijken of Vergelijken. The build checks that gebieden.csv agrees with the setting.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from soest_data import paden

BESTAND = "gemeente.yaml"
CODE = re.compile(r"^GM\d{4}$")
TELWOORDEN = dict(enumerate(("geen", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
                             "elf", "twaalf")))


class GemeenteFout(ValueError):
    """The setting is missing or wrong: a Dutch message that names the file."""


@dataclass(frozen=True)
class Gemeente:
    code: str                      # CBS code, GM0342
    naam: str                      # Soest
    buurgemeenten: tuple[str, ...]  # CBS codes of the neighbouring gemeenten shown beside it (with Nederland)
    bijvoeglijk: str = ""          # 'Soester' (het Soester gemiddelde); without it: 'het gemiddelde van Amersfoort'

    def eigen(self, woord: str) -> str:
        """'Soester cijfer', or 'cijfer van Amersfoort' for a gemeente whose setting gives no adjective."""
        return f"{self.bijvoeglijk} {woord}" if self.bijvoeglijk else f"{woord} van {self.naam}"

    @property
    def nummer(self) -> str:
        """'0342': the four digits every wijk and buurt code of the gemeente carries."""
        return self.code[2:]

    @property
    def wijkcode(self) -> re.Pattern:
        """A wijk code of this gemeente: WK + the gemeente's four digits + two characters (WK034205; digits, or
        letters in a gemeente with more than 99 wijken, like Amsterdam's WK0363AF)."""
        return re.compile(rf"^WK{self.nummer}[0-9A-Z]{{2}}$")

    @property
    def de_buurgemeenten(self) -> str:
        """'de zes buurgemeenten': their number in words (up to twaalf), as the sentences say it."""
        aantal = len(self.buurgemeenten)
        return f"de {TELWOORDEN.get(aantal, str(aantal))} buurgemeente{'' if aantal == 1 else 'n'}"

    @property
    def titel(self) -> str:
        return f"Wijkprofielen {self.naam}"

    @property
    def heel(self) -> str:
        """'Heel Soest': the gemeente as a whole, beside its wijken."""
        return f"Heel {self.naam}"


def lees(pad: Path) -> Gemeente:
    """The setting in one file; a clear Dutch error if it is missing or incomplete."""
    try:
        inhoud = yaml.safe_load(pad.read_text(encoding="utf-8")) or {}
    except OSError as fout:
        raise GemeenteFout(f"De gemeente-instelling {pad.name} ontbreekt of is onleesbaar ({fout.strerror}).") from None
    except yaml.YAMLError:
        raise GemeenteFout(f"De gemeente-instelling {pad.name} is geen geldige YAML.") from None
    code, naam = str(inhoud.get("code") or ""), str(inhoud.get("naam") or "")
    codes = tuple(str(c) for c in inhoud.get("buurgemeenten") or ())
    if not CODE.match(code) or not naam or not all(CODE.match(c) for c in codes):
        raise GemeenteFout(f"De gemeente-instelling {pad.name} moet een code (zoals GM0342), een naam en "
                           "buurgemeenten met CBS-codes hebben.")
    return Gemeente(code, naam, codes, str(inhoud.get("bijvoeglijk") or ""))


@lru_cache(maxsize=8)
def _gelezen(_data: str | None, _keuze: str | None) -> Gemeente:
    return lees(paden.data_dir() / BESTAND)


def huidige() -> Gemeente:
    """The gemeente of the current data folder, read once per process and choice (SOEST_DATA, SOEST_GEMEENTE): a
    changed setting takes a restart, like a changed data folder."""
    return _gelezen(os.environ.get("SOEST_DATA"), os.environ.get("SOEST_GEMEENTE"))


def controleer(gemeente: Gemeente, gebieden: dict[str, dict]) -> list[str]:
    """What gebieden.csv says against the setting: one gemeente with this code and name, these comparison gemeenten,
    and every wijk code of the gemeente's own pattern. Empty when they agree."""
    fouten = []
    eigen = [c for c, r in gebieden.items() if r.get("niveau") == "gemeente"]
    if eigen != [gemeente.code]:
        fouten.append(f"gebieden.csv noemt als gemeente {', '.join(eigen) or 'niets'}; de instelling zegt "
                      f"{gemeente.code} ({gemeente.naam})")
    vergelijk = {c for c, r in gebieden.items() if r.get("niveau") == "vergelijkgemeente"}
    if vergelijk != set(gemeente.buurgemeenten):
        fouten.append(f"de vergelijkgemeenten in gebieden.csv ({', '.join(sorted(vergelijk)) or 'geen'}) zijn niet "
                      f"de buurgemeenten van de instelling ({', '.join(gemeente.buurgemeenten) or 'geen'})")
    fouten += [f"wijk {c} hoort niet bij {gemeente.code} (een wijkcode is WK{gemeente.nummer} en twee tekens)"
               for c, r in gebieden.items() if r.get("niveau") == "wijk" and not gemeente.wijkcode.match(c)]
    return fouten


class _Huidige:
    """`GEMEENTE.naam` in a sentence: the current gemeente's attribute, looked up when the sentence is made (never at
    import), so one process can serve the setting it was started with and tests can switch it."""

    def __getattr__(self, sleutel: str):
        return getattr(huidige(), sleutel)


GEMEENTE = _Huidige()
