"""How a wijk stands against Soest: favourable / around average / unfavourable, in words, never colour alone.

The rule is open and simple: a wijk differs from Soest when its value is more than `marge` (a fraction of the
Soest value, default 10 %) away from it. Direction from the catalogue turns "higher" into "better" or "worse";
neutral indicators only get higher/lower. Relative statements from the wijkprofielen map onto the same scale.
"""
from __future__ import annotations

import math

import pandas as pd

from soest_data import opmaak
from soest_data.begrippen import AFGESCHERMD, RELATIEF, STATUSSEN

STANDAARD_MARGE = 0.10

GUNSTIG, ROND, ONGUNSTIG, HOGER, LAGER, ONBEKEND = "gunstig", "rond", "ongunstig", "hoger", "lager", "onbekend"
SYMBOOL = {GUNSTIG: "▲ gunstig", ONGUNSTIG: "▼ ongunstig", ROND: "● rond gemiddelde",
           HOGER: "↑ hoger", LAGER: "↓ lager", ONBEKEND: "– geen gegevens"}
_RELATIEF_NAAR_KANT = {"hoogste": HOGER, "hoger": HOGER, "iets_hoger": ROND, "gemiddeld": ROND,
                       "iets_lager": ROND, "lager": LAGER, "laagste": LAGER}


def kant(waarde: float | None, soest: float | None, marge: float = STANDAARD_MARGE) -> str:
    """Is the value higher than, around, or lower than Soest's?"""
    if _leeg(waarde) or _leeg(soest):
        return ONBEKEND
    grens = abs(soest) * marge
    if waarde > soest + grens:
        return HOGER
    if waarde < soest - grens:
        return LAGER
    return ROND


def kant_relatief(relatief: str | None) -> str:
    return _RELATIEF_NAAR_KANT.get(relatief or "", ONBEKEND)


def oordeel(kant_: str, richting: str) -> str:
    """From higher/lower to favourable/unfavourable, using the indicator's direction."""
    if kant_ in (ROND, ONBEKEND) or richting == "neutraal":
        return kant_
    beter = HOGER if richting == "hoger_is_beter" else LAGER
    return GUNSTIG if kant_ == beter else ONGUNSTIG


def index(waarde: float | None, soest: float | None) -> float | None:
    """Soest = 100."""
    if _leeg(waarde) or _leeg(soest) or soest == 0:
        return None
    return waarde / soest * 100


def _leeg(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or pd.isna(x)


def vergelijk_met_soest(wijken: pd.DataFrame, soest: float | None, richting: str,
                        marge: float = STANDAARD_MARGE) -> pd.DataFrame:
    """Add kant, oordeel, index, verschil and rang columns to the rows of one indicator × year (one row per wijk).

    Expects columns `waarde` and `relatief`; rang 1 is the highest value.
    """
    uit = wijken.copy()
    uit["kant"] = [kant_relatief(r) if _leeg(w) else kant(w, soest, marge)
                   for w, r in zip(uit["waarde"], uit.get("relatief", pd.Series([""] * len(uit), index=uit.index)))]
    uit["oordeel"] = [oordeel(k, richting) for k in uit["kant"]]
    uit["index"] = [index(w, soest) for w in uit["waarde"]]
    uit["verschil"] = uit["waarde"] - soest if not _leeg(soest) else float("nan")
    uit["rang"] = uit["waarde"].rank(ascending=False, method="min")
    return uit


def in_woorden(rij: pd.Series, hoogste: float | None, laagste: float | None) -> str:
    """E.g. 'het hoogst van alle wijken', 'hoger dan gemiddeld', 'rond het Soester gemiddelde'."""
    waarde = rij.get("waarde")
    if _leeg(waarde):
        if rij.get("relatief"):
            return RELATIEF[rij["relatief"]]
        return status_in_woorden(rij.get("status"))
    if hoogste != laagste and waarde == hoogste:
        return "het hoogst van alle wijken"
    if hoogste != laagste and waarde == laagste:
        return "het laagst van alle wijken"
    return {HOGER: "hoger dan gemiddeld", LAGER: "lager dan gemiddeld", ROND: "rond het Soester gemiddelde"}.get(
        rij.get("kant"), "geen vergelijking met Soest mogelijk")


def waarde_in_woorden(rij: pd.Series, eenheid: str | None = None) -> str:
    """'18,9 %'; else the source's statement ('hoger dan gemiddeld'); else why there is no figure."""
    if not _leeg(rij.get("waarde")):
        return opmaak.waarde_met_eenheid(rij["waarde"], eenheid if eenheid is not None else rij["eenheid"])
    if rij.get("relatief"):
        return RELATIEF[rij["relatief"]]
    return status_in_woorden(rij.get("status") or None)


def status_in_woorden(status: str | None) -> str:
    if status == AFGESCHERMD:
        return "afgeschermd (te klein aantal)"
    return STATUSSEN.get(status or "", "geen gegevens")


def is_aantal(eenheid: str) -> bool:
    """Absolute counts (inhabitants, benefit recipients) cannot be held against Soest's total: no judgement."""
    return eenheid.startswith("aantal") and "gemiddeld" not in eenheid  # 'aantal (gemiddeld)' is an average


def beoordeel_wijken(waarden: pd.DataFrame, indicatoren: pd.DataFrame, marge: float = STANDAARD_MARGE,
                     jaar: int | None = None) -> pd.DataFrame:
    """Every wijk × indicator in its latest year (or `jaar`), scored against Soest in the same year.

    One row per wijk and indicator that has wijk values; columns of alle_waarden plus label, thema, soort,
    richting, modelschatting, soest (the Soest value), kant, oordeel, index, verschil and rang. Indicators without
    a wijk value in that year are left out; a wijk without a value keeps its row (kant 'onbekend').
    """
    cat = indicatoren.set_index("id")
    wijk = waarden[waarden["niveau"] == "wijk"]
    soest = waarden[waarden["niveau"] == "gemeente"].set_index(["indicator", "jaar"])["waarde"]
    delen = []
    for indicator_id, rijen in wijk.groupby("indicator", sort=False):
        jaren = rijen["jaar"] if jaar is None else rijen["jaar"][rijen["jaar"] == jaar]
        if jaren.empty or indicator_id not in cat.index or is_aantal(cat.loc[indicator_id, "eenheid"]):
            continue
        laatste = int(jaren.max())
        ind = cat.loc[indicator_id]
        soest_waarde = soest.get((indicator_id, laatste))
        deel = vergelijk_met_soest(rijen[rijen["jaar"] == laatste], soest_waarde, ind["richting"], marge)
        delen.append(deel.assign(label=ind["label"], thema=ind["thema"], soort=ind["soort"], richting=ind["richting"],
                                 modelschatting=bool(ind["modelschatting"]), volgorde=ind["volgorde"],
                                 soest=soest_waarde if soest_waarde is not None else float("nan")))
    if not delen:
        return pd.DataFrame()
    return pd.concat(delen, ignore_index=True).sort_values(["volgorde", "gebied_code"]).reset_index(drop=True)
