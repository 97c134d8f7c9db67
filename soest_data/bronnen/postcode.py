"""Mijn wijk: from a postcode or an address that a visitor types to the wijk (and buurt) it lies in.

Two ways, the first that answers wins:
- online, the PDOK Locatieserver (`free`, free and without a key; Kadaster's BAG addresses carry their CBS buurtcode
  and wijkcode): a full postcode (3769 AB) or an address gives the exact buurt;
- offline, the postcode table data/postcodes/pc4_wijken.csv (CBS PC4 2020 × wijken 2024, by area): a four-digit
  postcode gives its wijk, or the wijken to choose from where it spans several.
A four-digit postcode always comes from the table: PDOK has no single buurt for it.

What a visitor types is never logged or stored: it goes to PDOK as the query and nowhere else (no cache, no URL, no
log line; urllib3's debug line with the query is filtered out below). The network is `vernieuw.Haler`, so tests
answer from recorded responses.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from soest_data import gemeente
from soest_data.bronnen.vernieuw import Haler, VernieuwFout

PDOK_FREE = "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
PDOK_HOST = "api.pdok.nl"
VELDEN = "type,weergavenaam,postcode,gemeentecode,gemeentenaam,buurtcode,wijkcode"
RIJEN = 100  # addresses asked per full postcode: a PC6 has far fewer
TIMEOUT_S = 5  # a visitor waits for this; then the table answers
AANBIEDEN = 0.05  # a wijk is offered for a four-digit postcode when it holds at least 5 % of the postcode's area
MAX_LENGTE = 100
BRON_PDOK = "Bron: PDOK Locatieserver (Kadaster, BAG-adressen met CBS-buurtcode), nu opgevraagd."
BRON_TABEL = ("Bron: postcodetabel afgeleid van CBS, postcodegebieden (PC4) 2020, en de CBS-wijkindeling 2024: "
              "de wijken waarin het postcodegebied ligt (naar oppervlakte).")

_PC4 = re.compile(r"([1-9]\d{3})")
_PC6 = re.compile(r"([1-9]\d{3}) ?([A-Z]{2})")
_PC_IN_TEKST = re.compile(r"\b([1-9]\d{3}) ?([A-Z]{2})?\b")


@dataclass(frozen=True)
class Plek:
    """A place to go: a wijk, and the buurt when it is known exactly."""
    wijk_code: str
    wijk_naam: str
    buurt_naam: str | None = None

    @property
    def label(self) -> str:
        return f"{self.wijk_naam} (buurt {self.buurt_naam})" if self.buurt_naam else self.wijk_naam

    @property
    def in_woorden(self) -> str:
        return f"de wijk {self.wijk_naam}, buurt {self.buurt_naam}" if self.buurt_naam else f"de wijk {self.wijk_naam}"


@dataclass(frozen=True)
class Antwoord:
    """One Dutch sentence for the visitor, and the wijk (one Plek) or the wijken to choose from (several)."""
    tekst: str
    plekken: tuple[Plek, ...] = ()
    bron: str = ""

    @property
    def soort(self) -> str:
        return "melding" if not self.plekken else "wijk" if len(self.plekken) == 1 else "keuze"


@dataclass(frozen=True)
class Postcodeboek:
    """The offline table: four-digit postcode → (wijk code, area share) from large to small; and area names."""
    wijken: dict[str, tuple[tuple[str, float], ...]]
    namen: dict[str, str]


def laad(tabel: Path, namen: dict[str, str]) -> Postcodeboek:
    """Read data/postcodes/pc4_wijken.csv; `namen` maps area codes to names (wijken and buurten)."""
    rijen = pd.read_csv(tabel, dtype={"postcode": str, "wijk_code": str, "aandeel": float})
    rijen = rijen.sort_values(["postcode", "aandeel"], ascending=[True, False])
    return Postcodeboek({pc: tuple(zip(deel["wijk_code"], deel["aandeel"])) for pc, deel in rijen.groupby("postcode")},
                        dict(namen))


def namen_uit(gebieden_csv: Path) -> dict[str, str]:
    """Area code → name from data/gebieden.csv (for the command line; the app has them from the database)."""
    gebieden = pd.read_csv(gebieden_csv, dtype=str)
    return dict(zip(gebieden["code"], gebieden["naam"]))


def haler() -> Haler:
    """The network layer for PDOK, with a short timeout: a visitor is waiting."""
    return Haler(timeout=TIMEOUT_S)


def zoek(tekst: str, boek: Postcodeboek, haler: Haler | None = None) -> Antwoord:
    """The answer to what a visitor typed: a four-digit postcode, a full postcode, or an address with a house number.

    Without `haler` (offline) only the table answers, so a full postcode or address falls back to its first four
    digits."""
    schoon = " ".join((tekst or "").split()).upper()
    if not schoon:
        return Antwoord("Typ uw postcode (bijvoorbeeld 3769 of 3769 AB) of uw adres met huisnummer.")
    if len(schoon) > MAX_LENGTE:
        return Antwoord(f"Dat is te lang voor een postcode of adres (hoogstens {MAX_LENGTE} tekens).")
    if _PC4.fullmatch(schoon):
        return _uit_tabel(schoon, boek)
    if pc6 := _PC6.fullmatch(schoon):
        postcode = pc6[1] + pc6[2]
        if haler is None:
            return _uit_tabel(pc6[1], boek, voorvoegsel=_ZONDER_NET)
        return _postcode_online(postcode, boek, haler)
    if re.fullmatch(r"[\d ]*\d[\d ]* ?[A-Z]{0,3}", schoon):  # digits, maybe letters, but not a postcode
        return Antwoord("Dit is geen postcode. Een postcode heeft vier cijfers, eventueel met twee letters, "
                        "bijvoorbeeld 3769 of 3769 AB.")
    if not re.search(r"\d", schoon):
        return Antwoord(f"Typ ook uw huisnummer, bijvoorbeeld: Kerkstraat 1 {gemeente.huidige().naam}. Of typ uw postcode.")
    if haler is None:
        return _terugval_adres(schoon, boek, _ZONDER_NET)
    return _adres_online(" ".join((tekst or "").split()), schoon, boek, haler)


_ZONDER_NET = "Zonder verbinding met de adresdienst (PDOK) kijken we alleen naar de eerste vier cijfers. "
_ONBEREIKBAAR = "De adresdienst (PDOK) is nu niet bereikbaar; probeer het later nog eens. "


def _uit_tabel(pc4: str, boek: Postcodeboek, voorvoegsel: str = "") -> Antwoord:
    wijken = [(code, aandeel) for code, aandeel in boek.wijken.get(pc4, ()) if aandeel >= AANBIEDEN]
    if not wijken:
        return Antwoord(f"{voorvoegsel}Postcode {pc4} ligt niet in de gemeente {gemeente.huidige().naam}. De postcodes van "
                        f"{gemeente.huidige().naam} beginnen "
                        f"met {_opsomming(sorted(boek.wijken))}.")
    plekken = tuple(Plek(code, boek.namen.get(code, code)) for code, _ in wijken)
    if len(plekken) == 1:
        return Antwoord(f"{voorvoegsel}Postcode {pc4} ligt in de wijk {plekken[0].wijk_naam}.", plekken, BRON_TABEL)
    namen = _opsomming([p.wijk_naam for p in plekken])
    advies = "Kies uw wijk." if voorvoegsel else \
        "Kies uw wijk, of typ uw volledige postcode (bijvoorbeeld 3765 AB) voor de precieze buurt."
    return Antwoord(f"{voorvoegsel}Postcode {pc4} ligt in meer dan één wijk: {namen}. {advies}", plekken, BRON_TABEL)


def _terugval_adres(schoon: str, boek: Postcodeboek, voorvoegsel: str) -> Antwoord:
    """Without PDOK: a postcode inside the typed address still answers from the table. Four digits alone count only
    when they are a postcode of the gemeente (in 'Dorpsstraat 1000' they are a house number)."""
    for gevonden in _PC_IN_TEKST.finditer(schoon):
        if gevonden[2] or gevonden[1] in boek.wijken:
            return _uit_tabel(gevonden[1], boek, voorvoegsel)
    return Antwoord(f"{voorvoegsel}Een adres zonder postcode kan zo niet worden opgezocht. Typ uw postcode, "
                    "bijvoorbeeld 3769: die vinden we ook zonder verbinding.")


def _vraag(haler: Haler, q: str, extra: list[str], rijen: int) -> dict:
    antwoord = haler.json(PDOK_FREE, {"q": q, "fq": ["type:adres", *extra], "fl": VELDEN, "rows": rijen})
    if not isinstance(antwoord, dict) or not isinstance(antwoord.get("response"), dict):
        raise VernieuwFout("De adresdienst (PDOK) gaf een onbruikbaar antwoord.")
    return antwoord["response"]


def _postcode_online(postcode: str, boek: Postcodeboek, haler: Haler) -> Antwoord:
    try:
        docs = _vraag(haler, f"postcode:{postcode}", [], RIJEN).get("docs") or []
    except VernieuwFout:
        return _uit_tabel(postcode[:4], boek, voorvoegsel=_ONBEREIKBAAR + "Daarom alleen op de eerste vier cijfers. ")
    nette = f"{postcode[:4]} {postcode[4:]}"
    if not docs:
        return Antwoord(f"Postcode {nette} is niet gevonden. Controleer de postcode, of typ alleen de eerste vier "
                        "cijfers.", bron=BRON_PDOK)
    if not any(d.get("gemeentecode") == gemeente.huidige().nummer for d in docs):
        elders = sorted({d.get("gemeentenaam") or "een andere gemeente" for d in docs})
        return Antwoord(f"Postcode {nette} ligt niet in de gemeente {gemeente.huidige().naam}, maar in {_opsomming(elders)}.",
                        bron=BRON_PDOK)
    plekken = _plekken(docs, boek)
    if not plekken:
        return _uit_tabel(postcode[:4], boek, voorvoegsel="De buurt van deze postcode staat niet in dit dashboard. ")
    if len(plekken) == 1:
        return Antwoord(f"Postcode {nette} ligt in {plekken[0].in_woorden}.", plekken, BRON_PDOK)
    return Antwoord(f"Postcode {nette} ligt in meer dan één buurt. Kies uw buurt, of typ uw adres met huisnummer.",
                    plekken, BRON_PDOK)


def _adres_online(origineel: str, schoon: str, boek: Postcodeboek, haler: Haler) -> Antwoord:
    try:
        docs = _vraag(haler, origineel, [f"gemeentecode:{gemeente.huidige().nummer}"], 1).get("docs") or []
    except VernieuwFout:
        return _terugval_adres(schoon, boek, _ONBEREIKBAAR)
    if not docs:
        return Antwoord(f"Dit adres is in de gemeente {gemeente.huidige().naam} niet gevonden. Controleer straat en "
                        "huisnummer, of typ uw "
                        "postcode.", bron=BRON_PDOK)
    plekken = _plekken(docs, boek)
    if not plekken:
        return Antwoord("De buurt van dit adres staat niet in dit dashboard. Typ uw postcode om uw wijk te vinden.",
                        bron=BRON_PDOK)
    return Antwoord(f"{docs[0].get('weergavenaam') or 'Dit adres'} ligt in {plekken[0].in_woorden}.", plekken,
                    BRON_PDOK)


def _plekken(docs: list[dict], boek: Postcodeboek) -> tuple[Plek, ...]:
    """The distinct buurten of the gemeente among PDOK's addresses, as places. A buurt this dashboard doesn't know (a newer
    indeling) still gives its wijk when that is known; otherwise the address is left out."""
    gezien: dict[str, Plek] = {}
    for doc in docs:
        buurt, wijk = str(doc.get("buurtcode") or ""), str(doc.get("wijkcode") or "")
        if doc.get("gemeentecode") != gemeente.huidige().nummer or wijk not in boek.namen:
            continue
        if buurt in boek.namen:
            gezien.setdefault(buurt, Plek(wijk, boek.namen[wijk], boek.namen[buurt]))
        else:
            gezien.setdefault(wijk, Plek(wijk, boek.namen[wijk]))
    return tuple(sorted(gezien.values(), key=lambda p: (p.wijk_code, p.buurt_naam or "")))


def _opsomming(namen: list[str]) -> str:
    return namen[0] if len(namen) == 1 else f"{', '.join(namen[:-1])} en {namen[-1]}"


class _ZonderZoekvraag(logging.Filter):
    """urllib3 logs every request line at debug level, query included: never for PDOK (it holds an address)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return PDOK_HOST not in str(record.args) and PDOK_HOST not in str(record.msg)


logging.getLogger("urllib3.connectionpool").addFilter(_ZonderZoekvraag())
