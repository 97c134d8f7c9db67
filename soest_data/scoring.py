"""How a wijk stands against Soest: favourable / around average / unfavourable, in words, never colour alone.

One rule for every view (map, wijkprofiel, opgave, vergelijken, aandacht, downloads); docs/METHODE.md explains it.
- Only indicators with the role 'uitkomst' and a direction are judged. Care use ('zorggebruik') and background
  ('context') only get higher/lower: much care use can mean much need or good reach.
- The threshold fits the kind of figure: a percentage differs in percentage points (the margin × 25 procentpunt,
  2,5 at the default 10 %), a rate, amount or distance relatively (the margin × the Soest value, as the Rotterdam
  index band 90-110).
- Zero-gap rule: a gap no larger than the source's rounding step (1,0 vs 0,9 km) could be no gap at all: 'rond'.
- Relative statements from the wijkprofielen map onto the same scale ('iets hoger' is 'rond').
- The tally per wijk × opgave counts the opgave's kernset only (`tel_per_opgave`); every page uses it.
"""
from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from soest_data import gemeente, jaren, opmaak
from soest_data.begrippen import AFGESCHERMD, CONTEXT, RELATIEF, STATUSSEN, UITKOMST, VIJF_OPGAVEN
from soest_data.gemeente import GEMEENTE
from soest_data.rijen import als_dicts

STANDAARD_MARGE = 0.10
PROCENTPUNT_PER_MARGE = 25  # margin 10 % → 2,5 procentpunt: the relative margin applied to a share of 25 %
VALT_OP_AANDEEL = 0.5
VALT_OP_MINIMUM = 2

GUNSTIG, ROND, ONGUNSTIG, HOGER, LAGER, ONBEKEND = "gunstig", "rond", "ongunstig", "hoger", "lager", "onbekend"
SYMBOOL = {GUNSTIG: "▲ gunstig", ONGUNSTIG: "▼ ongunstig", ROND: "● rond gemiddelde",
           HOGER: "↑ hoger", LAGER: "↓ lager", ONBEKEND: "– geen gegevens"}
MET_OORDEEL = (GUNSTIG, ROND, ONGUNSTIG)
_RELATIEF_NAAR_KANT = {"hoogste": HOGER, "hoger": HOGER, "iets_hoger": ROND, "gemiddeld": ROND,
                       "iets_lager": ROND, "lager": LAGER, "laagste": LAGER}


def is_percentage(eenheid: str | None) -> bool:
    return str(eenheid or "").startswith("%")


def drempel(soest: float, eenheid: str, marge: float = STANDAARD_MARGE) -> float:
    """The gap (in the indicator's unit) beyond which a wijk differs from Soest: percentage points for a
    percentage, else a share of the Soest value."""
    return marge * PROCENTPUNT_PER_MARGE if is_percentage(eenheid) else abs(soest) * marge


def resolutie(getallen) -> float:
    """The source's rounding step, read from the values themselves: 0,1 when the finest value has one decimal."""
    decimalen = [_decimalen(float(x)) for x in getallen if not _leeg(x)]
    return 10.0 ** -max(decimalen) if decimalen else 0.0


def _decimalen(x: float) -> int:
    for d in range(6):
        if abs(x * 10 ** d - round(x * 10 ** d)) < 1e-6:
            return d
    return 6


def kant(waarde: float | None, soest: float | None, marge: float = STANDAARD_MARGE, eenheid: str = "",
         stap: float = 0.0) -> str:
    """Is the value higher than, around, or lower than Soest's? `stap` is the rounding step (zero-gap rule)."""
    if _leeg(waarde) or _leeg(soest):
        return ONBEKEND
    verschil = round(waarde - soest, 9)
    if abs(verschil) <= stap + 1e-9:
        return ROND
    grens = drempel(soest, eenheid, marge)
    if verschil > grens:
        return HOGER
    if verschil < -grens:
        return LAGER
    return ROND


def kant_relatief(relatief: str | None) -> str:
    return _RELATIEF_NAAR_KANT.get(relatief or "", ONBEKEND)


def wordt_beoordeeld(richting: str, rol: str = UITKOMST) -> bool:
    return rol == UITKOMST and richting != "neutraal"


def oordeel(kant_: str, richting: str, rol: str = UITKOMST) -> str:
    """From higher/lower to favourable/unfavourable, for an outcome with a direction; else higher/lower stays."""
    if kant_ in (ROND, ONBEKEND) or not wordt_beoordeeld(richting, rol):
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
                        marge: float = STANDAARD_MARGE, eenheid: str = "", rol: str = UITKOMST) -> pd.DataFrame:
    """Add kant, oordeel, index, verschil, rang and stap columns to the rows of one indicator × year (one per wijk).

    Expects columns `waarde` and `relatief`; rang 1 is the highest value. The rounding step comes from the wijk
    values and Soest together.
    """
    uit = wijken.copy()
    stap = resolutie([*uit["waarde"], soest])
    relatief = uit["relatief"] if "relatief" in uit else pd.Series([""] * len(uit), index=uit.index)
    uit["kant"] = [kant_relatief(r) if _leeg(w) else kant(w, soest, marge, eenheid, stap)
                   for w, r in zip(uit["waarde"], relatief)]
    uit["oordeel"] = [oordeel(k, richting, rol) for k in uit["kant"]]
    uit["index"] = [index(w, soest) for w in uit["waarde"]]
    uit["verschil"] = uit["waarde"] - soest if not _leeg(soest) else float("nan")
    uit["rang"] = uit["waarde"].rank(ascending=False, method="min")
    uit["stap"] = stap
    return uit


def oordeel_symbool(oordeel_: str, waarde=None, soest=None) -> str:
    """'▼ ongunstig', …; a figure without a Soest value to compare with is not 'geen gegevens'."""
    if oordeel_ == ONBEKEND and not _leeg(waarde) and _leeg(soest):
        return f"– geen {GEMEENTE.eigen('cijfer')}"
    return SYMBOOL[oordeel_]


def in_woorden(rij: Mapping, hoogste: float | None, laagste: float | None, gebied: str = "wijk") -> str:
    """E.g. 'het hoogst van alle wijken' (or buurten), 'hoger dan gemiddeld', 'rond het Soester gemiddelde'."""
    waarde = rij.get("waarde")
    if _leeg(waarde):
        if rij.get("relatief"):
            return RELATIEF[rij["relatief"]]
        return status_in_woorden(rij.get("status"))
    if hoogste != laagste and waarde == hoogste:
        return f"het hoogst van alle {gebied}en"
    if hoogste != laagste and waarde == laagste:
        return f"het laagst van alle {gebied}en"
    kant = rij.get("kant")
    if kant in _KANT_IN_WOORDEN:
        return _KANT_IN_WOORDEN[kant]
    return f"rond het {GEMEENTE.eigen('gemiddelde')}" if kant == ROND else \
        f"geen {GEMEENTE.eigen('cijfer')} om mee te vergelijken"


_KANT_IN_WOORDEN = {HOGER: "hoger dan gemiddeld", LAGER: "lager dan gemiddeld"}


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


def verschil_in_woorden(waarde: float | None, soest: float | None, eenheid: str) -> str:
    """The gap the threshold is compared with: '+3,8 procentpunt' for a percentage, '+23 %' for anything else."""
    if _leeg(waarde) or _leeg(soest) or (soest == 0 and not is_percentage(eenheid)):
        return "–"
    verschil = waarde - soest if is_percentage(eenheid) else (waarde - soest) / abs(soest) * 100
    teken = "+" if verschil > 0 else ("−" if verschil < 0 else "")
    if is_percentage(eenheid):
        return f"{teken}{opmaak.getal(abs(verschil), 1)} procentpunt"
    # Compared unrounded; shown rounded. A gap that would round onto a possible threshold (a multiple of 5 %: the
    # margins) keeps two decimals, so '+10,05 %' (ongunstig) never reads '+10 %' beside 'meer dan 10 %'.
    decimalen = 2 if round(abs(verschil)) % 5 == 0 and abs(abs(verschil) - round(abs(verschil))) > 1e-9 else 0
    return f"{teken}{opmaak.getal(abs(verschil), decimalen)} %"


def drempel_in_woorden(soest: float | None, eenheid: str, marge: float, stap: float = 0.0) -> str:
    """'meer dan 2,5 procentpunt' or 'meer dan 10 %, hier 0,09 km', with the rounding step when that is larger."""
    if _leeg(soest):
        return "–"
    grens = drempel(soest, eenheid, marge)
    if is_percentage(eenheid):
        tekst = f"meer dan {opmaak.getal(grens, 1)} procentpunt"
    else:
        tekst = f"meer dan {opmaak.getal(marge * 100, 0)} %, hier {opmaak.waarde_met_eenheid(grens, eenheid)}"
    if stap and stap >= grens:
        tekst += f"; en meer dan de afronding ({opmaak.waarde_met_eenheid(stap, eenheid)})"
    return tekst


def is_aantal(eenheid: str) -> bool:
    """Absolute counts (inhabitants, benefit recipients) cannot be held against Soest's total: no judgement."""
    return eenheid.startswith("aantal") and "gemiddeld" not in eenheid  # 'aantal (gemiddeld)' is an average


def kernsets(opgaven: list[dict]) -> dict[str, list[str]]:
    """Per opgave the indicators that count in the tally (data/opgaven.yaml, `kernset`)."""
    return {o["id"]: list(o.get("kernset") or []) for o in opgaven}


def zelfde_begrip(opgaven: list[dict]) -> dict[str, str]:
    """Indicator → the kernset indicator that measures the same concept (shown beside it, not counted)."""
    return {ander: telt for o in opgaven for ander, telt in (o.get("zelfde_begrip") or {}).items()}


def beoordeel_wijken(waarden: pd.DataFrame, indicatoren: pd.DataFrame, marge: float = STANDAARD_MARGE,
                     jaar: int | None = None, kernset: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Every wijk × indicator in its latest year (or `jaar`), scored against Soest in the same year.

    Only areas with niveau 'wijk' are scored, against Soest (GM0342) only: Nederland and comparison gemeenten never
    enter a ranking or a count. One row per wijk and indicator that has wijk values; columns of alle_waarden plus
    label, thema, soort, richting, rol, modelschatting, soest, kant, oordeel, index, verschil, rang, stap,
    `kern` (in the kernset of its opgave) and `jaar_tekst`/`jaar_kort` (the year as the source gives
    it, soest_data/jaren.py).
    A wijk without a value keeps its row (kant 'onbekend').
    """
    # One pass over all rows (per-indicator pandas work cost ~1 s per margin, and every margin is a page state).
    cat = indicatoren.set_index("id").to_dict("index")
    kern = {i for ids in (kernset or {}).values() for i in ids}
    wijk = waarden[(waarden["niveau"] == "wijk") & waarden["indicator"].isin(
        [i for i, ind in cat.items() if not is_aantal(ind["eenheid"])])]
    if jaar is not None:
        wijk = wijk[wijk["jaar"] == jaar]
    rijen = wijk[wijk["jaar"] == wijk.groupby("indicator", sort=False)["jaar"].transform("max")]
    if rijen.empty:
        return pd.DataFrame()
    # Soest in the same year; None when Soest has no row (a row without a figure stays NaN)
    soest_rijen = waarden[waarden["gebied_code"] == gemeente.huidige().code]
    soest_per = dict(zip(zip(soest_rijen["indicator"], soest_rijen["jaar"]), soest_rijen["waarde"]))
    # per indicator: Soest's value, the rounding step, and the catalogue's words with the year as the source gives it
    per_indicator, eigen = {}, {}
    for indicator_id, deel in rijen.groupby("indicator", sort=False)[["jaar", "waarde"]]:
        laatste, m = int(deel["jaar"].iat[0]), cat[indicator_id]
        soest_waarde = soest_per.get((indicator_id, laatste))
        per_indicator[indicator_id] = (soest_waarde, resolutie([*deel["waarde"], soest_waarde]))
        eigen[indicator_id] = {
            "label": m["label"], "thema": m["thema"], "soort": m["soort"], "richting": m["richting"],
            "rol": m.get("rol", UITKOMST), "modelschatting": bool(m["modelschatting"]), "volgorde": m["volgorde"],
            "kern": indicator_id in kern, "marge": marge, "meetjaar": m.get("meetjaar") or "",
            "jaar_tekst": jaren.jaar_tekst(laatste, m.get("meetjaar"), m.get("peilperiode")),
            "jaar_kort": jaren.kort(laatste, m.get("meetjaar"), m.get("peilperiode"))}
    ind_ids = list(rijen["indicator"])
    soest = [per_indicator[i][0] for i in ind_ids]
    stap = [per_indicator[i][1] for i in ind_ids]
    relatief = rijen["relatief"] if "relatief" in rijen else [""] * len(rijen)
    kanten = [kant_relatief(r) if _leeg(w) else kant(w, s, marge, cat[i]["eenheid"], st)
              for i, w, r, s, st in zip(ind_ids, rijen["waarde"], relatief, soest, stap)]
    soest_getal = pd.Series([float("nan") if s is None else s for s in soest], index=rijen.index, dtype="float64")
    uit = rijen.assign(
        kant=kanten,
        oordeel=[oordeel(k, eigen[i]["richting"], eigen[i]["rol"]) for k, i in zip(kanten, ind_ids)],
        index=[index(w, s) for w, s in zip(rijen["waarde"], soest)],
        verschil=rijen["waarde"] - soest_getal,
        rang=rijen.groupby("indicator", sort=False)["waarde"].rank(ascending=False, method="min"),
        stap=stap)
    for kolom in next(iter(eigen.values())):
        uit[kolom] = [eigen[i][kolom] for i in ind_ids]
    uit["soest"] = soest_getal
    # the indicators in the order they first appear, then the catalogue order (as the per-indicator loop made it)
    uit = uit.iloc[pd.factorize(uit["indicator"])[0].argsort(kind="stable")]
    return uit.sort_values(["volgorde", "gebied_code"], kind="stable").reset_index(drop=True)


def tel_per_opgave(beoordeeld: pd.DataFrame, wijken: pd.DataFrame, kernset: dict[str, list[str]]) -> pd.DataFrame:
    """The one tally, per wijk × opgave, over the opgave's kernset: how many unfavourable, favourable and around.

    `wijken` has code and naam (areas of niveau 'wijk' only). A kernset indicator a wijk has no judgement for counts
    apart: `geen_gegevens` (no figure) or `zonder_soest` (a figure, but no Soest value to compare with). Columns:
    gebied_code, gebied_naam, opgave, ongunstig, gunstig, rond, met_oordeel, kernset (its size), geen_gegevens,
    zonder_soest, aandeel (NaN without judged indicators), valt_op, ongunstige_indicatoren (labels).
    """
    rijen = []
    # (wijk, indicator) → its row: plain lookups, a few per wijk × opgave (a MultiIndex lookup each was most of it)
    per_cel = {(r["gebied_code"], r["indicator"]): r for r in
               als_dicts(beoordeeld[["gebied_code", "indicator", "oordeel", "waarde", "soest"]])} \
        if len(beoordeeld) else {}
    labels = dict(zip(beoordeeld.get("indicator", []), beoordeeld.get("label", [])))
    for code, naam in zip(wijken["code"], wijken["naam"]):
        for opgave in VIJF_OPGAVEN:
            ids = kernset.get(opgave, [])
            oordelen, ongunstige, zonder_soest = [], [], 0
            for ind in ids:
                rij = per_cel.get((code, ind))
                o = ONBEKEND if rij is None else rij["oordeel"]
                if o == ONBEKEND and rij is not None and not _leeg(rij["waarde"]) and _leeg(rij["soest"]):
                    zonder_soest += 1
                oordelen.append(o)
                if o == ONGUNSTIG:
                    ongunstige.append(labels.get(ind, ind))
            tel = {k: oordelen.count(k) for k in MET_OORDEEL}
            met_oordeel = sum(tel.values())
            aandeel = tel[ONGUNSTIG] / met_oordeel if met_oordeel else float("nan")
            rijen.append({
                "gebied_code": code, "gebied_naam": naam, "opgave": opgave, "ongunstig": tel[ONGUNSTIG],
                "gunstig": tel[GUNSTIG], "rond": tel[ROND], "met_oordeel": met_oordeel, "kernset": len(ids),
                "geen_gegevens": len(ids) - met_oordeel - zonder_soest, "zonder_soest": zonder_soest,
                "aandeel": aandeel, "valt_op": valt_op(tel[ONGUNSTIG], met_oordeel),
                "ongunstige_indicatoren": ongunstige,
            })
    return pd.DataFrame(rijen)


def valt_op(ongunstig: int, met_oordeel: int) -> bool:
    """An opgave stands out for a wijk when at least half of its judged kernset is unfavourable, and at least two."""
    return bool(met_oordeel and ongunstig >= VALT_OP_MINIMUM and ongunstig / met_oordeel >= VALT_OP_AANDEEL)


def rol_in_woorden(rol: str) -> str:
    """Why an indicator has no verdict, for a table cell."""
    return {CONTEXT: "achtergrond, geen oordeel", UITKOMST: ""}.get(rol, "zorggebruik: behoefte of bereik, geen oordeel")
