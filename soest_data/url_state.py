"""Query parameters → validated state. An unknown value falls back to a default with a message, never an error.

Plain keys select data (wijk, wijken, indicator, jaar, opgave, niveau); nothing from the URL ever reaches SQL, and
what a visitor typed is only ever quoted in plain text (`letterlijk`): never markdown, a link, image or HTML.
The other direction too: a widget's value → its text in the URL (`als_tekst`), and a shareable absolute link
(`absolute_link`). PARAMETERS lists every page's keys; ui.url_widget is the one Streamlit sync that uses them.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from soest_data import gemeente

# Every choice of every page lives in the URL under these keys (URL path → keys), so a link shows the same view.
REFERENTIES = ("nederland", "buren")  # the switches for Nederland (ja by default) and the buurgemeenten (nee)
PARAMETERS = {
    "": (),
    "kaart": ("indicator", "niveau", "jaar", *REFERENTIES),
    "wijkprofiel": ("wijk", "opgave", *REFERENTIES),
    "opgave": ("opgave", *REFERENTIES),
    "vergelijken": ("wijken", "soest", "opgave", *REFERENTIES),
    "aandacht": ("marge", "wijk", *REFERENTIES),
    "inwoners": ("opgave", "wijk"),
    "data": ("indicator", "opgave"),
}


@dataclass(frozen=True)
class Keuze:
    waarde: object
    melding: str | None = None


def letterlijk(tekst: str, maximum: int = 40) -> str:
    """URL text for a notice, between Dutch quotes: „…”. The notice is plain text and shown as such (ui.meldingen),
    so '[Log in](https://…)', '<b>', ':skull:' or 'www.…' stay the characters they are. Control and format characters
    go; long text is cut with '…'."""
    schoon = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in str(tekst)).strip()
    if len(schoon) > maximum:
        schoon = schoon[:maximum] + "…"
    return f"„{schoon}”"


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
    return Keuze(standaard, f"Onbekende {wat} {letterlijk(gevraagd)} in de link; we tonen de standaardkeuze.")


def kies_jaar(params: Mapping, jaren: Iterable[int], standaard: int | None) -> Keuze:
    gevraagd = _eerste(params, "jaar")
    if not gevraagd:
        return Keuze(standaard)
    # only ASCII digits: "²".isdigit() is True but int("²") fails
    if re.fullmatch(r"[0-9]{1,4}", gevraagd) and int(gevraagd) in set(jaren):
        return Keuze(int(gevraagd))
    return Keuze(standaard, f"Voor jaar {letterlijk(gevraagd, 10)} zijn er geen gegevens; we tonen het laatste jaar.")


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
    te_weinig = f" of het zijn er minder dan {minimum}" if minimum > 1 else ""
    return Keuze(list(standaard), f"De {wat} in de link ({letterlijk(gevraagd, 60)}) zijn niet (allemaal) "
                                  f"bekend{te_weinig}; we tonen de standaardkeuze.")


def als_tekst(waarde, standaard=None) -> str | None:
    """A widget's value as it stands in the URL; None (leave the key out) when empty or the default.

    Lists become 'a,b' (wijken=WK034205,WK034207), booleans 'ja'/'nee', numbers their digits.
    """
    if waarde is None or waarde == "" or waarde == standaard:
        return None
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, list | tuple):
        return ",".join(str(w) for w in waarde) or None
    return str(waarde)


def query(params: Mapping[str, str]) -> str:
    """'wijken=WK034205,WK034207&soest=ja': keys in the page's order, commas kept readable."""
    return urlencode({k: v for k, v in params.items() if v not in (None, "")}, safe=",")


def absolute_link(browser_url: str, pad: str, params: Mapping[str, str]) -> str:
    """The link to send on: scheme, host and base path of the address the browser used, the page, and its choices.

    `browser_url` is what the browser asked for (any page of this app, possibly under a base path such as
    https://host/soest/kaart); `pad` is the page's own path ('' for the start page, 'kaart', …).
    """
    delen = urlsplit(browser_url or "")
    stukken = [d for d in delen.path.split("/") if d]
    if stukken and stukken[-1] in PARAMETERS:  # strip the page the browser is on; what remains is the base path
        stukken = stukken[:-1]
    basis = f"{delen.scheme or 'http'}://{delen.netloc or 'localhost'}"
    pad_deel = "/".join([*stukken, pad] if pad else stukken)
    q = query({k: params[k] for k in PARAMETERS.get(pad, ()) if k in params})
    return f"{basis}/{pad_deel}" + (f"?{q}" if q else "")


def standaard_wijken(wijken: Sequence[str]) -> tuple[str, ...]:
    """The comparison a visitor sees first: the first two wijken in code order (read from the data, any gemeente)."""
    return tuple(sorted(wijken)[:2])


def vergelijking_met(wijk: str, wijken: Sequence[str]) -> str:
    """'WK034208,WK034201': the comparison a page about one wijk opens, that wijk first beside the first other wijk
    of the default comparison (standaard_wijken)."""
    partner = next((w for w in standaard_wijken([w for w in wijken if w != wijk]) if w != wijk), None)
    return f"{wijk},{partner}" if partner else wijk


def huidige_wijk(params: Mapping) -> str | None:
    """The wijk the visitor is looking at (wijk=…, or the first of wijken=…), for navigation links that keep it."""
    wijkcode = gemeente.huidige().wijkcode
    wijk = (_eerste(params, "wijk") or "").upper()
    if wijkcode.match(wijk):
        return wijk
    eerste = (_eerste(params, "wijken") or "").split(",")[0].strip().upper()
    return eerste if wijkcode.match(eerste) else None
