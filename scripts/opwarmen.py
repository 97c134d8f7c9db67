"""Warm a replica's caches before the room arrives: every page state a visitor reaches by clicking, visited once.

A first visit to a page state builds its charts, tables and maps (0,2–2 s of server CPU); every later visit by anyone
is served from the shared cache (ui.bewaar) in tens of milliseconds. So after a start, or after a new database, one
websocket session per replica walks through: the start page, every indicator × year on the map (wijk and buurt),
every wijk × opgave profile, every opgave, every pair and triple of wijken, every margin of Aandacht (alone and with each
wijk), and Inwoners per opgave and per wijk. Run by scripts/serve.sh; bench/load.py uses it.

Usage: .venv/bin/python scripts/opwarmen.py URL [URL …]   (one URL per replica, e.g. http://127.0.0.1:8502)
"""
from __future__ import annotations

import asyncio
import itertools
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench.sessie import Sessie  # noqa: E402
from soest_data import db, paden, waarden  # noqa: E402
from soest_data.begrippen import VIJF_OPGAVEN  # noqa: E402
from soest_data.weergave.aandacht import MARGES  # noqa: E402


def staten() -> list[tuple[str, str]]:
    """(page, query string) of every state worth building ahead, cheapest and most visited first."""
    with db.verbinding(paden.db_path()) as con:
        cat = waarden.indicatoren(con)
        wijken = sorted(waarden.gebieden(con, "wijk")["code"])
    cat = cat[cat["wijken_met_waarde"] > 0]
    uit = [("", "")]
    uit += [("opgave", f"opgave={o}") for o in VIJF_OPGAVEN]
    uit += [("wijkprofiel", f"wijk={w}&opgave={o}") for w in wijken for o in VIJF_OPGAVEN]
    uit += [("aandacht", f"marge={m}" + (f"&wijk={w}" if w else "")) for m in MARGES for w in [None, *wijken]]
    uit += [("inwoners", "")] + [("inwoners", f"opgave={o}") for o in VIJF_OPGAVEN] + \
        [("inwoners", f"wijk={w}") for w in wijken]
    uit += [("data", "")]
    for rij in cat.itertuples():
        for jaar in list(rij.jaren) or [None]:
            query = f"indicator={rij.id}" + (f"&jaar={jaar}" if jaar is not None else "")
            uit += [("kaart", query)] + ([("kaart", query + "&niveau=buurt")] if rij.heeft_buurten else [])
    for soest in ("", "&soest=ja"):  # the comparison also with heel Soest beside the wijken (its own charts)
        for aantal in (2, 3):
            uit += [("vergelijken", "wijken=" + ",".join(c) + soest) for c in itertools.combinations(wijken, aantal)]
    return uit


async def _open(basis: str, seconden: float = 180) -> Sessie:
    """A session as soon as the replica answers (it may still be starting)."""
    einde = time.monotonic() + seconden
    while True:
        try:
            return await Sessie.open(basis, cookie="soest_sessie=opwarmen")
        except OSError:
            if time.monotonic() > einde:
                raise
            await asyncio.sleep(1)


async def warm(basis: str, alles: list[tuple[str, str]]) -> tuple[str, float, int]:
    begin, fouten = time.monotonic(), 0
    sessie = await _open(basis)
    try:
        for pagina, query in alles:
            run = await sessie.run(pagina, query, timeout=300)
            fouten += run.fout is not None
    finally:
        await sessie.sluit()
    return basis, time.monotonic() - begin, fouten


async def main(adressen: list[str]) -> int:
    alles = staten()
    uitslagen = await asyncio.gather(*[warm(a, alles) for a in adressen])
    for basis, seconden, fouten in uitslagen:
        print(f"opgewarmd: {basis}, {len(alles)} paginastaten in {seconden:.0f} s, {fouten} fouten")
    return 1 if any(f for _, _, f in uitslagen) else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(asyncio.run(main(sys.argv[1:])))
