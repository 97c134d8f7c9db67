"""Wat is veranderd: per area and indicator the change between the two most recent comparable measurements.

Two measurements are comparable only when their sources belong to the same declared series (`reeks` in
data/bronnen.yaml, e.g. RIVM Gezondheid per wijk en buurt 2016 → 2020) and they lie on the same side of a definition
break (`vergelijkbaar_vanaf` in the catalogue, e.g. the CBS herkomst classification of 2023). A value without a
number or a known year (`meetjaar` in the catalogue: the source names none) never takes part. A change across a smaller
definition change (`definitiewijziging`, e.g. RIVM's age base 19+ in 2012/2016, 18+ in 2020) is compared but says so
in words (column `definitie`, and in `zin`). A change smaller than the stated threshold counts as "gelijk gebleven": model
estimates carry uncertainty, so a small difference says nothing. Pure pandas.
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from soest_data import jaren, opmaak, scoring
from soest_data.gemeente import GEMEENTE
from soest_data.rijen import als_dicts

# Threshold below which a change is "gelijk gebleven".
DREMPEL_PP_SCHATTING = 2.0   # percentage points, for model estimates (RIVM small-area estimates)
DREMPEL_PP = 1.0             # percentage points, for other percentages
DREMPEL_RELATIEF = 0.05      # other figures: 5 % of the earlier value

VERBETERD, VERSLECHTERD, GESTEGEN, GEDAALD, GELIJK = (
    "verbeterd", "verslechterd", "gestegen", "gedaald", "gelijk gebleven")
SYMBOOL = {VERBETERD: "▲ verbeterd", VERSLECHTERD: "▼ verslechterd", GESTEGEN: "↑ gestegen", GEDAALD: "↓ gedaald",
           GELIJK: "● gelijk gebleven"}

KOLOMMEN = ["gebied_code", "gebied_naam", "niveau", "indicator", "label", "opgave", "eenheid", "richting",
            "modelschatting", "volgorde", "jaar_van", "waarde_van", "jaar_naar", "waarde_naar", "bron_van", "bron_naar",
            "verschil", "drempel", "maat", "oordeel", "definitie", "zin"]


def drempel_in_woorden() -> str:
    """The threshold rule as one sentence for under every change list."""
    return (f"Een verschil kleiner dan {opmaak.getal(DREMPEL_PP_SCHATTING)} procentpunt (bij modelschattingen), "
            f"{opmaak.getal(DREMPEL_PP)} procentpunt (bij andere percentages) of "
            f"{opmaak.getal(DREMPEL_RELATIEF * 100)} % van de eerdere waarde (bij andere cijfers) heet hier "
            "'gelijk gebleven'. Modelschattingen zijn berekende schattingen met onzekerheid: een klein verschil kan "
            "toeval zijn. We vergelijken alleen metingen uit dezelfde bronreeks en nooit over een definitiebreuk heen; is "
            "de definitie tussen twee metingen iets gewijzigd (zoals de leeftijdsgrens van het RIVM), dan staat dat "
            "bij de verandering. Een cijfer waarvan de bron geen jaar noemt, telt niet mee.")


def voorbehouden(veranderingen_: pd.DataFrame, bronnen: pd.DataFrame) -> str:
    """The caveats of the sources of the shown measurements (e.g. 'De monitor van 2020 viel in de coronaperiode'),
    each once, as one text for under a change list."""
    ids = dict.fromkeys([*veranderingen_["bron_van"], *veranderingen_["bron_naar"]])
    per_id = bronnen.set_index("id")
    delen = [f"{per_id.loc[b, 'titel']}: {' '.join(str(per_id.loc[b, 'voorbehoud']).split())}" for b in ids
             if b in per_id.index and per_id.loc[b, "voorbehoud"]]
    return " ".join(d if d.endswith(".") else d + "." for d in delen)


def drempel(eenheid: str, modelschatting: bool, eerdere: float) -> float:
    if eenheid.startswith("%"):
        return DREMPEL_PP_SCHATTING if modelschatting else DREMPEL_PP
    return abs(eerdere) * DREMPEL_RELATIEF


def veranderingen(waarden: pd.DataFrame, indicatoren: pd.DataFrame, bronnen: pd.DataFrame) -> pd.DataFrame:
    """One row per area × indicator that has two comparable measurements: the latest and the one before it.

    `waarden` as from waarden.alle_waarden (numbers after disclosure control), `indicatoren` the catalogue (with
    vergelijkbaar_vanaf), `bronnen` with id and reeks. Columns: KOLOMMEN; `maat` = |verschil| / drempel, so changes
    in different units can be put side by side; `oordeel` one of the words above.
    """
    if waarden.empty:
        return pd.DataFrame(columns=KOLOMMEN)
    reeks = bronnen.set_index("id")["reeks"].fillna("") if "reeks" in bronnen else pd.Series(dtype=str)
    cat = indicatoren.set_index("id")
    # only the columns used: every filter, sort and merge below copies each column it carries
    metingen = waarden[["gebied_code", "gebied_naam", "niveau", "indicator", "jaar", "waarde", "bron"]].dropna(
        subset=["waarde", "jaar"])
    metingen = metingen[metingen["indicator"].isin(cat.index)].assign(reeks=lambda d: d["bron"].map(reeks).fillna(""))
    metingen = metingen[metingen["reeks"] != ""]
    if "meetjaar" in cat:  # the source names no year: the filed year is only a place in the data
        metingen = metingen[metingen["indicator"].map(cat["meetjaar"]).map(jaren.jaar_bekend)]
    vanaf = metingen["indicator"].map(cat["vergelijkbaar_vanaf"]) if "vergelijkbaar_vanaf" in cat else None
    # Which side of a definition break a measurement lies on (True without a break).
    metingen = metingen.assign(na_breuk=(metingen["jaar"] >= vanaf) | vanaf.isna() if vanaf is not None else True)
    metingen = metingen.sort_values("jaar", ascending=False)
    sleutel = ["gebied_code", "indicator"]
    laatste = metingen.groupby(sleutel, sort=False).head(1)[[*sleutel, "reeks", "na_breuk"]]
    vergelijkbaar = metingen.merge(laatste, on=[*sleutel, "reeks", "na_breuk"])
    twee = vergelijkbaar.groupby(sleutel, sort=False).head(2)
    naar = twee.groupby(sleutel, sort=False).nth(0).set_index(sleutel)
    van = twee.groupby(sleutel, sort=False).nth(1).set_index(sleutel)
    paren = naar.merge(van[["jaar", "waarde", "bron"]], left_index=True, right_index=True,
                       suffixes=("", "_van")).reset_index()
    if paren.empty:
        return pd.DataFrame(columns=KOLOMMEN)
    ind = cat.loc[paren["indicator"]]
    uit = pd.DataFrame({
        "gebied_code": paren["gebied_code"], "gebied_naam": paren["gebied_naam"], "niveau": paren["niveau"],
        "indicator": paren["indicator"], "label": ind["label"].to_numpy(), "opgave": ind["opgave"].to_numpy(),
        "eenheid": ind["eenheid"].to_numpy(), "richting": ind["richting"].to_numpy(),
        "modelschatting": ind["modelschatting"].fillna(False).astype(bool).to_numpy(),
        "volgorde": ind["volgorde"].to_numpy(),
        "jaar_van": paren["jaar_van"].astype(int), "waarde_van": paren["waarde_van"],
        "jaar_naar": paren["jaar"].astype(int), "waarde_naar": paren["waarde"],
        "bron_van": paren["bron_van"], "bron_naar": paren["bron"],
    })
    uit["verschil"] = uit["waarde_naar"] - uit["waarde_van"]
    rijen = als_dicts(uit[["eenheid", "modelschatting", "waarde_van", "verschil", "richting", "jaar_van", "jaar_naar",
                           "waarde_naar"]])  # plain dicts: a pandas column read cell by cell is slow
    for r in rijen:
        r["drempel"] = drempel(r["eenheid"], r["modelschatting"], r["waarde_van"])
        r["oordeel"] = oordeel(r["verschil"], r["drempel"], r["richting"], r["eenheid"])
    uit["drempel"] = [r["drempel"] for r in rijen]
    uit["maat"] = [abs(r["verschil"]) / r["drempel"] if r["drempel"] else float("nan") for r in rijen]
    uit["oordeel"] = [r["oordeel"] for r in rijen]
    wijziging = (ind[["wijziging_jaar", "wijziging_uitleg"]] if "wijziging_jaar" in ind
                 else pd.DataFrame({"wijziging_jaar": [pd.NA] * len(ind), "wijziging_uitleg": [""] * len(ind)}))
    for r, j, u in zip(rijen, wijziging["wijziging_jaar"].tolist(), wijziging["wijziging_uitleg"].tolist()):
        r["definitie"] = jaren.wijzigingsnoot(j, u) if jaren.over_wijziging(r["jaar_van"], r["jaar_naar"], j) else ""
    uit["definitie"] = [r["definitie"] for r in rijen]
    uit["zin"] = [in_woorden(r) for r in rijen]
    return uit.sort_values(["volgorde", "gebied_code"]).reset_index(drop=True)[KOLOMMEN]


def oordeel(verschil: float, drempel_: float, richting: str, eenheid: str) -> str:
    """Gelijk gebleven below the threshold; else verbeterd/verslechterd by the catalogue's direction, or just
    gestegen/gedaald for neutral indicators and counts (a count grows with the population)."""
    if abs(verschil) < drempel_ or verschil == 0:
        return GELIJK
    hoger = verschil > 0
    if richting == "neutraal" or scoring.is_aantal(eenheid):
        return GESTEGEN if hoger else GEDAALD
    return VERBETERD if hoger == (richting == "hoger_is_beter") else VERSLECHTERD


def verschil_tekst(verschil: float, eenheid: str) -> str:
    """'+2,9 procentpunt', '−310 aantal' → the signed difference in the unit of a difference."""
    teken = "+" if verschil > 0 else "−" if verschil < 0 else ""
    return f"{teken}{opmaak.getal(abs(verschil), 1 if abs(verschil) < 100 else 0)} {opmaak.verschil_eenheid(eenheid)}"


def in_woorden(r: Mapping) -> str:
    """'gestegen van 45,1 % (2016) naar 48,0 % (2020), +2,9 procentpunt: verslechterd' or
    'gelijk gebleven: 45,1 % (2016) en 45,6 % (2020)'; across a definition change followed by its note."""
    van = f"{opmaak.waarde_met_eenheid(r['waarde_van'], r['eenheid'])} ({int(r['jaar_van'])})"
    naar = f"{opmaak.waarde_met_eenheid(r['waarde_naar'], r['eenheid'])} ({int(r['jaar_naar'])})"
    noot = f" ({r['definitie']})" if r.get("definitie") else ""
    if r["oordeel"] == GELIJK:
        return f"gelijk gebleven: {van} en {naar}{noot}"
    beweging = "gestegen" if r["verschil"] > 0 else "gedaald"
    zin = f"{beweging} van {van} naar {naar}, {verschil_tekst(r['verschil'], r['eenheid'])}"
    return zin + (f": {r['oordeel']}" if r["oordeel"] in (VERBETERD, VERSLECHTERD) else "") + noot


def grootste(veranderingen_: pd.DataFrame, aantal: int = 3, per_indicator: bool = False) -> pd.DataFrame:
    """The largest changes (by multiple of the threshold), leaving out what stayed the same; with `per_indicator`
    only the largest per indicator, so one indicator that moved everywhere does not fill the list."""
    echt = veranderingen_[veranderingen_["oordeel"] != GELIJK]
    echt = echt.sort_values(["maat", "volgorde", "gebied_code"], ascending=[False, True, True])
    return (echt.drop_duplicates("indicator") if per_indicator else echt).head(aantal)


def grootste_per_opgave(veranderingen_: pd.DataFrame, opgaven: list[str], aantal: int = 3
                        ) -> dict[str, pd.DataFrame]:
    """Per opgave its up to `aantal` largest changes, one per indicator (rows of veranderingen)."""
    return {opgave: grootste(veranderingen_[veranderingen_["opgave"] == opgave], aantal, per_indicator=True)
            for opgave in opgaven}


def regel(r: pd.Series) -> str:
    """'**Smitsveen** — overgewicht (18+): gestegen van … naar …, +2,9 procentpunt: verslechterd'; a wijk's name links
    to its profile, where all its changes are."""
    naam = f"**{r['gebied_naam']}**"
    if r.get("niveau") == "wijk":
        naam = f"[{naam}](/wijkprofiel?wijk={r['gebied_code']})"
    return f"{naam} — {opmaak.in_zin(r['label'])}: {r['zin']}"


def telling(veranderingen_: pd.DataFrame) -> dict[str, int]:
    """How many changes per word (verbeterd, verslechterd, …), for a summary sentence."""
    tel = veranderingen_["oordeel"].value_counts()
    return {k: int(tel.get(k, 0)) for k in SYMBOOL}


def samenvatting(veranderingen_: pd.DataFrame, naam: str) -> str:
    """'In Smitsveen zijn 3 cijfers verbeterd, 5 verslechterd en 20 gelijk gebleven (…)'."""
    if veranderingen_.empty:
        return f"Voor {naam} zijn er geen twee vergelijkbare metingen van hetzelfde cijfer."
    tel = telling(veranderingen_)
    delen = [f"{tel[k]} {k}" for k in (VERBETERD, VERSLECHTERD, GESTEGEN, GEDAALD, GELIJK) if tel[k]]
    jaren = sorted({f"{int(a)} → {int(b)}" for a, b in zip(veranderingen_["jaar_van"], veranderingen_["jaar_naar"])})
    return (f"Van de {len(veranderingen_)} cijfers van {naam} met twee vergelijkbare metingen zijn er "
            f"{opmaak.opsomming(delen)} (metingen {opmaak.opsomming(jaren)}).")


def tabel(veranderingen_: pd.DataFrame, soest: pd.DataFrame | None = None) -> pd.DataFrame:
    """The changes as a table of words (text alternative and download); with `soest` (Soest's changes) a column with
    Soest's change between the same two years beside each wijk row."""
    uit = pd.DataFrame({
        "Indicator": veranderingen_["label"],
        "Eerder": [f"{opmaak.waarde_met_eenheid(w, e)} ({int(j)})" for w, e, j in
                   zip(veranderingen_["waarde_van"], veranderingen_["eenheid"], veranderingen_["jaar_van"])],
        "Nu": [f"{opmaak.waarde_met_eenheid(w, e)} ({int(j)})" for w, e, j in
               zip(veranderingen_["waarde_naar"], veranderingen_["eenheid"], veranderingen_["jaar_naar"])],
        "Verschil": [verschil_tekst(v, e) for v, e in zip(veranderingen_["verschil"], veranderingen_["eenheid"])],
        "Oordeel": veranderingen_["oordeel"].map(SYMBOOL),
        "Modelschatting": veranderingen_["modelschatting"].map({True: "ja", False: "nee"}),
        "Definitie": [d or "gelijk" for d in veranderingen_["definitie"]],
    })
    if soest is not None:
        per_paar = {(r["indicator"], r["jaar_van"], r["jaar_naar"]): f"{SYMBOOL[r['oordeel']]} "
                    f"({verschil_tekst(r['verschil'], r['eenheid'])})" for _, r in soest.iterrows()}
        uit.insert(4, f"Heel {GEMEENTE.naam}", [per_paar.get(k, "geen vergelijking") for k in
                                     zip(veranderingen_["indicator"], veranderingen_["jaar_van"], veranderingen_["jaar_naar"])])
    return uit
