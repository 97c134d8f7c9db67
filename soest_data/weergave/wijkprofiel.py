"""One wijk at a glance: header facts, a summary over the five opgaven, and per opgave its indicators. Pure pandas."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from soest_data import gemeente, jaren, opmaak, scoring
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.gemeente import GEMEENTE
from soest_data.rijen import als_dicts
from soest_data.weergave import uitspraken


@dataclass
class Kop:
    naam: str
    inwoners: str          # '9.610 (1 januari 2024)' or 'geen gegevens'
    oppervlakte: str       # '4,1 km² land (2024)'
    buurten: list[str]


def _laatste(waarden: pd.DataFrame, indicator: str, gebied: str) -> pd.Series | None:
    rijen = waarden[(waarden["indicator"] == indicator) & (waarden["gebied_code"] == gebied)].dropna(subset=["waarde"])
    return rijen.sort_values("jaar").iloc[-1] if len(rijen) else None


def kop(wijk: str, gebieden: pd.DataFrame, waarden: pd.DataFrame) -> Kop:
    naam = gebieden.set_index("code").loc[wijk, "naam"]
    inwoners = _laatste(waarden, "inwoners", wijk)
    opp = _laatste(waarden, "oppervlakte_land", wijk)
    buurten = list(gebieden.loc[(gebieden["niveau"] == "buurt") & (gebieden["ouder"] == wijk), "naam"])
    return Kop(
        naam=naam,
        inwoners=f"{opmaak.getal(inwoners['waarde'])} (1 januari {inwoners['jaar']})" if inwoners is not None
        else "geen gegevens",
        oppervlakte=f"{opmaak.getal(opp['waarde'] / 100, 1)} km² land ({opp['jaar']})" if opp is not None
        else "geen gegevens",
        buurten=buurten,
    )


def met_woorden(beoordeeld: pd.DataFrame) -> pd.DataFrame:
    """Add `woorden` per row ('het hoogst van alle wijken', 'hoger dan gemiddeld', …), per indicator."""
    uit = beoordeeld.copy()
    per_indicator = uit.groupby("indicator")["waarde"]
    uit["woorden"] = [scoring.in_woorden(r, hoogste, laagste) for r, hoogste, laagste in
                      zip(als_dicts(uit[[k for k in ("waarde", "relatief", "status", "kant") if k in uit]]),
                          per_indicator.transform("max"), per_indicator.transform("min"))]
    return uit


def opgaven_in_een_oogopslag(tel: pd.DataFrame, wijk: str, standpunten: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per opgave the one tally (scoring.tel_per_opgave over the kernset) for this wijk, in words; with `standpunten`
    (uitspraken.standpunten) also what the texts say (`Tekst`, one sentence, and `tekst_html` for a card)."""
    deze = tel[tel["gebied_code"] == wijk].set_index("opgave")
    rijen = []
    for opgave in VIJF_OPGAVEN:
        r = deze.loc[opgave]
        standpunt = uitspraken.van(standpunten, wijk, opgave) if standpunten is not None else None
        rijen.append({
            "opgave_id": opgave, "Opgave": OPGAVEN[opgave], "gunstig": int(r["gunstig"]), "rond": int(r["rond"]),
            "ongunstig": int(r["ongunstig"]), "met oordeel": int(r["met_oordeel"]), "kernset": int(r["kernset"]),
            "geen gegevens": int(r["geen_gegevens"] + r["zonder_soest"]), "valt op": bool(r["valt_op"]),
            "In woorden": in_woorden(int(r["gunstig"]), int(r["rond"]), int(r["ongunstig"]), bool(r["valt_op"])),
            "Tekst": standpunt["zin"] if standpunt is not None else "",
            "tekst_html": uitspraken.zin_html(standpunt) if standpunt is not None else "",
        })
    return pd.DataFrame(rijen)


def in_woorden(gunstig: int, rond: int, ongunstig: int, valt_op: bool = False) -> str:
    if gunstig + rond + ongunstig == 0:
        return "geen indicatoren met een oordeel"
    return (f"▲ {gunstig} gunstig · ● {rond} rond gemiddelde · ▼ {ongunstig} ongunstig"
            + (" — valt op" if valt_op else ""))


def indicatoren_van_opgave(beoordeeld: pd.DataFrame, wijk: str, opgave: str) -> pd.DataFrame:
    """This wijk's rows for one opgave (from met_woorden), in catalogue order."""
    return beoordeeld[(beoordeeld["gebied_code"] == wijk) & (beoordeeld["opgave"] == opgave)].sort_values("volgorde")


def trendreeksen(waarden: pd.DataFrame, rijen: pd.DataFrame, wijk: str) -> pd.DataFrame:
    """The wijk and Soest over the years, for those indicators in `rijen` that have more than one year."""
    reeks = waarden[waarden["indicator"].isin(rijen["indicator"]) & waarden["gebied_code"].isin([wijk, gemeente.huidige().code])]
    reeks = reeks.dropna(subset=["waarde"])
    reeks = reeks[reeks["meetjaar"].map(jaren.jaar_bekend)] if "meetjaar" in reeks else reeks
    aantal_jaren = reeks.groupby("indicator")["jaar"].nunique()
    reeks = reeks[reeks["indicator"].isin(aantal_jaren[aantal_jaren > 1].index)]
    return reeks.merge(rijen[["indicator", "label"]].drop_duplicates(), on="indicator")


def profieltabel(beoordeeld: pd.DataFrame, wijk: str, nederland: pd.Series | None = None) -> pd.DataFrame:
    """All indicators of the wijk as one table (text alternative and download): wijk, Soest and, where `nederland`
    (values by indicator and jaar) has the same year, Nederland side by side."""
    deze = beoordeeld[beoordeeld["gebied_code"] == wijk].sort_values("volgorde")
    nl = nederland.to_dict() if nederland is not None else {}  # a dict lookup per row, not a MultiIndex one
    return pd.DataFrame({
        "opgave": deze["opgave"].map(OPGAVEN), "indicator": deze["label"],
        "jaar": deze["jaar_tekst"].fillna(""),
        "wijk": [opmaak.waarde_met_eenheid(w, e) if not pd.isna(w) else r for w, e, r in
                 zip(deze["waarde"], deze["eenheid"], deze["woorden"])],
        GEMEENTE.naam: [opmaak.waarde_met_eenheid(s, e) for s, e in zip(deze["soest"], deze["eenheid"])],
        "Nederland": [opmaak.waarde_met_eenheid(nl[(i, j)], e) if (i, j) in nl else "–"
                      for i, j, e in zip(deze["indicator"], deze["jaar"], deze["eenheid"])],
        f"t.o.v. {GEMEENTE.naam}": deze["woorden"], "oordeel": [
            oordeel_tekst(r) for r in als_dicts(deze[["richting", "rol", "oordeel", "waarde", "soest"]])],
        "telt mee": deze["kern"].map({True: "ja (kernset)", False: "nee"}),
        "bron": deze["bron_titel"], "modelschatting": deze["modelschatting"].map({True: "ja", False: "nee"}),
    })


def presentatie_indicatoren(beoordeeld: pd.DataFrame, wijk: str, opgave: str, aantal: int = 4) -> list[str]:
    """For one screen of the presentation: first the opgave's kernset figures (the ones the tally counts, so the room
    sees why a wijk stands out), then the other numeric figures on which this wijk differs most from Soest (largest
    distance of its index from 100, unfavourable first among equals), `aantal` in all (more if the kernset is
    larger)."""
    deze = beoordeeld[(beoordeeld["gebied_code"] == wijk) & (beoordeeld["opgave"] == opgave)
                      & (beoordeeld["soort"] == "getal")]
    kern = list(deze.loc[deze["kern"] & deze["waarde"].notna(), :].sort_values("volgorde")["indicator"])
    overig = deze[~deze["indicator"].isin(kern)].dropna(subset=["index"])
    afstand = (overig["index"] - 100).abs()
    volgorde = overig.assign(_afstand=afstand, _ongunstig=overig["oordeel"] != scoring.ONGUNSTIG).sort_values(
        ["_afstand", "_ongunstig", "volgorde"], ascending=[False, True, True])
    return kern + list(volgorde["indicator"].head(max(aantal - len(kern), 0)))


def stappen(huidige: str, alle: list[str]) -> tuple[str, str]:
    """The previous and next step of a presentation, going round: (vorige, volgende)."""
    i = alle.index(huidige)
    return alle[i - 1], alle[(i + 1) % len(alle)]


def oordeel_tekst(r: pd.Series) -> str:
    """'▼ ongunstig' for a judged outcome; for care use and background why there is no judgement."""
    if scoring.wordt_beoordeeld(r["richting"], r["rol"]) or r["oordeel"] == scoring.ONBEKEND:
        return scoring.oordeel_symbool(r["oordeel"], r.get("waarde"), r.get("soest"))
    return f"{scoring.SYMBOOL[r['oordeel']]} ({scoring.rol_in_woorden(r['rol'])})"
