"""Summaries of the catalogue for the start and data pages (pure pandas)."""
from __future__ import annotations

import pandas as pd

from soest_data import jaren
from soest_data.begrippen import OPGAVEN, ROLLEN


def indicatoren_per_opgave(indicatoren: pd.DataFrame, aantal_wijken: int) -> pd.DataFrame:
    """Per opgave: number of indicators, how many have a value for all wijken, and how many a figure for Nederland."""
    rijen = []
    for opgave_id, naam in OPGAVEN.items():
        deel = indicatoren[indicatoren["opgave"] == opgave_id]
        rijen.append({"opgave": naam, "indicatoren": len(deel),
                      f"met waarde voor alle {aantal_wijken} wijken": int((deel["wijken_met_waarde"] == aantal_wijken).sum()),
                      "met cijfer voor Nederland": int(deel["heeft_nederland"].sum())})
    return pd.DataFrame(rijen)


def laatste_jaar(waarden: pd.DataFrame) -> int | None:
    wijk = waarden[waarden["niveau"] == "wijk"]
    return int(wijk["jaar"].max()) if len(wijk) else None


def catalogustabel(indicatoren: pd.DataFrame, bronnen: pd.DataFrame) -> pd.DataFrame:
    """The catalogue in readable Dutch columns, one row per indicator."""
    richting = {"hoger_is_beter": "hoger is beter", "lager_is_beter": "lager is beter", "neutraal": "neutraal"}
    titels = bronnen.set_index("id")["titel"]
    return pd.DataFrame({
        "indicator": indicatoren["id"],
        "naam": indicatoren["label"],
        "opgave": indicatoren["opgave"].map(OPGAVEN),
        "thema": indicatoren["thema"],
        "eenheid": indicatoren["eenheid"],
        "richting": indicatoren["richting"].map(richting),
        "rol": indicatoren["rol"].map(ROLLEN),
        "jaren": [jaren.jaar_tekst(None, m) if m else ", ".join(jaren.jaar_tekst(x, None, p) for x in j)
                  for j, m, p in zip(indicatoren["jaren"], indicatoren["meetjaar"], indicatoren["peilperiode"])],
        "wijken met waarde": indicatoren["wijken_met_waarde"],
        "modelschatting": indicatoren["modelschatting"].map({True: "ja", False: "nee"}),
        "bron": indicatoren["bronnen"].map(lambda b: "; ".join(titels.get(x.strip(), x) for x in b.split(","))),
        "definitie": indicatoren["definitie"],
    })
