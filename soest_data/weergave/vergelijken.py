"""Two or more wijken side by side: values, the difference, an index (Soest = 100), largest differences first.

Pure pandas/Altair. The rows come from `scoring.beoordeel_wijken` (latest year per indicator, Soest in the same
year, absolute counts left out), so every judgement here is the same as elsewhere in the dashboard.

How the differences are ranked (open and simple):
- with a Soest value, the distance is the spread of the index: highest index − lowest index of the chosen wijken
  (index = wijk / Soest × 100), so a gap of 12 index points means the same for percentages and euros;
- without a Soest value, the spread is taken relative to the average of the chosen wijken (× 100), the same scale;
- fewer than two wijken with a number, or a statement instead of a number ('hoger dan gemiddeld'): no distance,
  these come last; missing is never counted as zero.
"""
from __future__ import annotations

from functools import cache

import altair as alt
import pandas as pd

from soest_data import opmaak, scoring
from soest_data.begrippen import ACHTERGROND, OPGAVEN, VIJF_OPGAVEN
from soest_data.gemeente import GEMEENTE
from soest_data.rijen import als_dicts
from soest_data.weergave import grafieken, regio
from soest_data.weergave.sjabloon import Sjabloon, gat

LETTER = opmaak.LETTER
TEKST = opmaak.TEKSTKLEUR


_KLEUR = {
    scoring.SYMBOOL[scoring.GUNSTIG]: opmaak.KLEUR_GUNSTIG,
    scoring.SYMBOOL[scoring.ROND]: opmaak.KLEUR_ROND,
    scoring.SYMBOOL[scoring.ONGUNSTIG]: opmaak.KLEUR_ONGUNSTIG,
    scoring.SYMBOOL[scoring.HOGER]: opmaak.KLEUR_NEUTRAAL,
    scoring.SYMBOOL[scoring.LAGER]: opmaak.KLEUR_NEUTRAAL,
}


def vergelijking(beoordeeld: pd.DataFrame, codes: list[str], namen: dict[str, str]) -> pd.DataFrame:
    """The chosen wijken's rows (long: indicator × wijk), completed so that a wijk without a row gets one with
    oordeel 'onbekend'. Adds waarde_tekst and oordeel_tekst. `namen` maps wijk code → name."""
    if beoordeeld.empty:
        return pd.DataFrame(columns=["indicator", "gebied_code", "gebied_naam", "waarde", "index", "oordeel"])
    per_indicator = ["indicator", "label", "opgave", "volgorde", "eenheid", "soort", "richting", "modelschatting",
                     "soest", "jaar", "jaar_tekst", "jaar_kort", "thema"]
    indicatoren = beoordeeld[per_indicator + ["rol"]].drop_duplicates("indicator")
    # Care use and background are never 'better' or 'worse' between wijken either: no direction here.
    indicatoren["richting"] = [r if scoring.wordt_beoordeeld(r, rol) else "neutraal"
                               for r, rol in zip(indicatoren["richting"], indicatoren["rol"])]
    indicatoren = indicatoren.drop(columns="rol")
    rooster = pd.DataFrame({"gebied_code": codes, "gebied_naam": [namen[c] for c in codes]}).merge(
        indicatoren, how="cross")
    deel = beoordeeld[beoordeeld["gebied_code"].isin(codes)]
    rest = deel.drop(columns=[k for k in per_indicator if k != "indicator"] + ["gebied_naam"])
    uit = rooster.merge(rest, on=["gebied_code", "indicator"], how="left")
    uit["oordeel"] = uit["oordeel"].fillna(scoring.ONBEKEND)
    for kolom in ("relatief", "status", "bron_titel"):
        uit[kolom] = uit[kolom].fillna("") if kolom in uit else ""
    uit["index"] = [scoring.index(w, s) for w, s in zip(uit["waarde"], uit["soest"])]
    uit["index"] = uit["index"].astype(float)
    uit["waarde_tekst"] = [scoring.waarde_in_woorden(r) for r in als_dicts(uit)]
    uit["oordeel_tekst"] = [scoring.oordeel_symbool(o, w, s)
                            for o, w, s in zip(uit["oordeel"], uit["waarde"], uit["soest"])]
    _met_grafiekteksten(uit)
    volgorde = {c: i for i, c in enumerate(codes)}
    return uit.assign(_w=uit["gebied_code"].map(volgorde)).sort_values(["volgorde", "_w"]).drop(
        columns="_w").reset_index(drop=True)


def telling_tabel(tel: pd.DataFrame, codes: list[str], namen: dict[str, str]) -> pd.DataFrame:
    """The one tally (scoring.tel_per_opgave, kernset) for the chosen wijken: a row per opgave, a column per wijk."""
    deel = tel[tel["gebied_code"].isin(codes)]
    tabel = deel.pivot(index="opgave_naam", columns="gebied_code", values="tekst")
    tabel = tabel.reindex(index=[OPGAVEN[o] for o in VIJF_OPGAVEN], columns=codes)
    tabel.columns = [namen[c] for c in codes]
    return tabel.rename_axis("Opgave").reset_index()


def beter(waarde_a: float | None, waarde_b: float | None, richting: str) -> int:
    """Which of two values is favourable given the direction: -1 (a), 1 (b), 0 (equal, neutral or missing)."""
    if pd.isna(waarde_a) or pd.isna(waarde_b) or richting == "neutraal" or waarde_a == waarde_b:
        return 0
    a_hoger = waarde_a > waarde_b
    return -1 if a_hoger == (richting == "hoger_is_beter") else 1


_PER_INDICATOR = ["indicator", "label", "opgave", "volgorde", "eenheid", "soort", "richting", "modelschatting", "jaar",
                  "jaar_tekst", "soest"]
VERSCHIL_KOLOMMEN = _PER_INDICATOR + ["aantal", "hoogste_naam", "hoogste", "laagste_naam", "laagste", "verschil",
                                      "indexverschil", "afstand", "gunstigste_naam", "ongunstigste_naam",
                                      "verschil_tekst"]


def verschillen(lang: pd.DataFrame, met_gemeente: bool = False) -> pd.DataFrame:
    """One row per indicator: highest and lowest of the chosen wijken, the difference, the index spread, the distance
    used for ranking and which wijk is favourable (only for indicators with a direction). Ranked: largest first.

    `met_gemeente` (one wijk beside heel Soest): Soest's own figure of the same year takes part as one more column
    (index 100), so the gap, its ranking and the favourable side are those between the wijk and Soest.
    Column-wise over all indicators at once (a first visit to a new combination of wijken computes this)."""
    if lang.empty:
        return pd.DataFrame(columns=VERSCHIL_KOLOMMEN)
    if met_gemeente:
        lang = pd.concat([lang, _gemeenterijen(lang)])
    lang = lang.reset_index(drop=True)
    uit = lang.drop_duplicates("indicator")[_PER_INDICATOR].set_index("indicator", drop=False)
    met = lang.loc[lang["waarde"].notna(), ["indicator", "gebied_naam", "waarde", "index"]]
    per = met.groupby("indicator", sort=False)
    uit["aantal"] = per.size().reindex(uit.index, fill_value=0)
    twee = uit["aantal"] >= 2  # fewer than two figures: nothing to compare, all stays missing
    # the first wijk (in the chosen order) with the highest / lowest figure, as idxmax / idxmin give it
    hoog = met.loc[per["waarde"].idxmax()].set_index("indicator").reindex(uit.index)
    laag = met.loc[per["waarde"].idxmin()].set_index("indicator").reindex(uit.index)
    uit["hoogste_naam"] = hoog["gebied_naam"].where(twee, None)
    uit["hoogste"] = hoog["waarde"].where(twee).astype(float)
    uit["laagste_naam"] = laag["gebied_naam"].where(twee, None)
    uit["laagste"] = laag["waarde"].where(twee).astype(float)
    uit["verschil"] = uit["hoogste"] - uit["laagste"]
    indexen = met.dropna(subset=["index"]).groupby("indicator")["index"].agg(["max", "min", "count"]).reindex(uit.index)
    met_index = twee & (indexen["count"] >= 2)
    uit["indexverschil"] = (indexen["max"] - indexen["min"]).where(met_index).astype(float)
    gemiddeld = met["waarde"].abs().groupby(met["indicator"]).mean().reindex(uit.index)
    relatief = uit["verschil"] / gemiddeld.where(gemiddeld != 0) * 100
    uit["afstand"] = uit["indexverschil"].where(met_index, relatief.where(twee)).astype(float)
    oordeel = (uit["verschil"] > 0) & (uit["richting"] != "neutraal")
    hoog_is_goed = uit["richting"] == "hoger_is_beter"
    uit["gunstigste_naam"] = uit["hoogste_naam"].where(hoog_is_goed, uit["laagste_naam"]).where(oordeel, None)
    uit["ongunstigste_naam"] = uit["laagste_naam"].where(hoog_is_goed, uit["hoogste_naam"]).where(oordeel, None)
    uitspraken = lang.groupby("indicator", sort=False)["relatief"].agg(list).reindex(uit.index)
    rijen = lang.groupby("indicator", sort=False).size().reindex(uit.index)
    uit["verschil_tekst"] = [verschil_tekst(rij, r, n) for rij, r, n in
                             zip(als_dicts(uit[["verschil", "eenheid", "hoogste_naam", "laagste_naam"]]),
                                 uitspraken, rijen)]
    return rangschik(uit.reset_index(drop=True)[VERSCHIL_KOLOMMEN])


def _gemeenterijen(lang: pd.DataFrame) -> pd.DataFrame:
    """Per indicator Soest as a participant of the comparison: its figure (the `soest` column, the same year as the
    wijken's), index 100, no statement of its own."""
    soest = lang.drop_duplicates("indicator")[[*_PER_INDICATOR]].copy()
    soest["gebied_naam"] = heel_gemeente()
    soest["waarde"] = soest["soest"]
    soest["index"] = [scoring.index(s, s) for s in soest["soest"]]
    soest["index"] = soest["index"].astype(float)
    soest["relatief"] = ""
    return soest


def heel_gemeente() -> str:
    """'heel Soest': the gemeente as the other side of a one-wijk comparison."""
    return f"heel {GEMEENTE.naam}"


def rangschik(verschillen_: pd.DataFrame) -> pd.DataFrame:
    """Largest distance first; indicators without a distance last (catalogue order among equals)."""
    return verschillen_.assign(_geen=verschillen_["afstand"].isna()).sort_values(
        ["_geen", "afstand", "volgorde"], ascending=[True, False, True], kind="stable").drop(
        columns="_geen").reset_index(drop=True)


def verschil_tekst(rij: dict, relatief: list[str], aantal_wijken: int) -> str:
    """'Smitsveen 12,2 procentpunt hoger dan Soest-Zuid' (two wijken); '12,2 procentpunt: hoogst Smitsveen, laagst
    Soest-Zuid' (more); 'even hoog'; for statements 'zelfde uitspraak' / 'verschillende uitspraak'."""
    if pd.isna(rij["verschil"]):
        uitspraken = [r for r in relatief if r]
        if len(uitspraken) >= 2:
            kanten = {scoring.kant_relatief(r) for r in uitspraken}
            return "zelfde uitspraak" if len(set(uitspraken)) == 1 else (
                "verschillende uitspraak" if len(kanten) > 1 else "bijna dezelfde uitspraak")
        return "geen vergelijking mogelijk (te weinig cijfers)"
    if rij["verschil"] == 0:
        return "even hoog"
    grootte = f"{opmaak.getal(rij['verschil'], 1 if abs(rij['verschil']) < 100 else 0)} " \
              f"{opmaak.verschil_eenheid(rij['eenheid'])}"
    if aantal_wijken == 2:
        return f"{rij['hoogste_naam']} {grootte} hoger dan {rij['laagste_naam']}"
    return f"{grootte}: hoogst {rij['hoogste_naam']}, laagst {rij['laagste_naam']}"


def referentie_uitleg(met_nederland: bool, met_buren: bool) -> str:
    """The sentence under the chart's heading that names the reference marks (with a leading space), or ''."""
    delen = (["┃ Nederland"] if met_nederland else []) + ([f"○ {GEMEENTE.de_buurgemeenten}"] if met_buren else [])
    if not delen:
        return ""
    return (f" Ter vergelijking {' en '.join(delen)}, als index tegen hetzelfde {GEMEENTE.eigen('cijfer')} (zelfde bron en jaar; "
            "alleen waar er een cijfer is). Zij tellen niet mee in de verschillen.")


def _index_tekst(index: float | None) -> str:
    return "–" if index is None or pd.isna(index) else opmaak.getal(index, 0)


def tabel(lang: pd.DataFrame, verschil: pd.DataFrame, codes: list[str], namen: dict[str, str],
          met_soest: bool = False, opgave: str | None = None, referenties: pd.DataFrame | None = None) -> pd.DataFrame:
    """Readable table (also the download): per indicator the values side by side with units and judgement, Soest
    (optional), the reference areas in `referenties` (regio.referenties: Nederland, buurgemeenten; same year, '–'
    without a figure), the difference, the index per wijk (Soest = 100). In ranking order of `verschil`."""
    rijen = verschil if opgave is None else verschil[verschil["opgave"] == opgave]
    per = _per_cel(lang)
    uit = []
    for v in als_dicts(rijen):
        rij = {"Opgave": OPGAVEN[v["opgave"]], "Indicator": v["label"]}
        for code in codes:
            waarde_tekst, oordeel_, _ = per[(v["indicator"], code)]
            rij[namen[code]] = f"{waarde_tekst} {_symbool(oordeel_)}".strip()
        if met_soest:
            rij[GEMEENTE.naam] = (f"gemiddelde van {GEMEENTE.naam}" if v["soort"] == "relatief" else "geen gegevens") \
                if pd.isna(v["soest"]) else opmaak.waarde_met_eenheid(v["soest"], v["eenheid"])
        rij["Verschil"] = v["verschil_tekst"]
        for code in codes:
            rij[f"Index {namen[code]}"] = _index_tekst(per[(v["indicator"], code)][2])
        if met_soest:
            rij[f"Index {GEMEENTE.naam}"] = "100" if not pd.isna(v["soest"]) else "–"
        if isinstance(v["gunstigste_naam"], str):
            rij["Gunstiger"] = v["gunstigste_naam"]
        else:
            rij["Gunstiger"] = "geen oordeel (hoger is niet beter of slechter)" if v["richting"] == "neutraal" else "–"
        rij["Jaar"] = v["jaar_tekst"] if isinstance(v["jaar_tekst"], str) else ""
        rij["Modelschatting"] = "ja" if opmaak.is_schatting(v["modelschatting"]) else "nee"
        uit.append(rij)
    tabel_ = pd.DataFrame(uit)
    extra = regio.referentiekolommen(rijen.reset_index(drop=True), referenties)
    if len(tabel_) and len(extra.columns):  # the references stand beside the wijken (and Soest), before the gap
        plek = tabel_.columns.get_loc("Verschil")
        for i, kolom in enumerate(extra.columns):
            tabel_.insert(plek + i, kolom, extra[kolom].to_numpy())
    return tabel_


def _per_cel(lang: pd.DataFrame) -> dict[tuple[str, str], tuple[str, str, float]]:
    """(indicator, wijk) → (waarde_tekst, oordeel, index): plain lookups for the cells of a table or a sentence."""
    return {(i, c): (t, o, x) for i, c, t, o, x in
            zip(lang["indicator"], lang["gebied_code"], lang["waarde_tekst"], lang["oordeel"], lang["index"])}


def _symbool(oordeel: str) -> str:
    """Only the symbol and word of a judgement, without 'geen gegevens' doubling a missing value."""
    return "" if oordeel == scoring.ONBEKEND else f"({scoring.SYMBOOL[oordeel]})"


def opgaven(verschil: pd.DataFrame) -> pd.DataFrame:
    """Only the indicators of the five opgaven (no background figures): what the summary and main chart are about."""
    return verschil[verschil["opgave"] != ACHTERGROND].reset_index(drop=True)


def groepen(verschil: pd.DataFrame) -> list[str]:
    """The opgaven that have indicators here, in the fixed order, background last."""
    aanwezig = set(verschil["opgave"])
    return [o for o in OPGAVEN if o in aanwezig]


def samenvatting(lang: pd.DataFrame, verschil: pd.DataFrame, codes: list[str], namen: dict[str, str],
                 aantal: int = 3) -> str:
    """A few sentences in words of the biggest differences; also the text alternative of the chart."""
    wijknamen = opmaak.opsomming([namen[c] for c in codes] + ([heel_gemeente()] if len(codes) == 1 else []))
    grootste = verschil.dropna(subset=["afstand"]).head(aantal)
    if grootste.empty:
        return f"Voor {wijknamen} zijn er geen cijfers die we naast elkaar kunnen zetten."
    per = _per_cel(lang)
    delen = []
    for v in als_dicts(grootste):
        waarden = ", ".join(f"{namen[c]} {per[(v['indicator'], c)][0]}" for c in codes)
        soest = "" if pd.isna(v["soest"]) else f"; {GEMEENTE.naam} {opmaak.waarde_met_eenheid(v['soest'], v['eenheid'])}"
        delen.append(f"{opmaak.in_zin(v['label'])} ({waarden}{soest})")
    zinnen = [f"De grootste verschillen tussen {wijknamen} zijn er bij {opmaak.opsomming(delen)}."]
    zinnen.append(_wie_gunstiger(verschil, codes, namen))
    return " ".join(z for z in zinnen if z)


def _wie_gunstiger(verschil: pd.DataFrame, codes: list[str], namen: dict[str, str]) -> str:
    """'Van de 40 indicatoren met een oordeel scoort Soest-Zuid er 31 gunstiger en Smitsveen 9.' (two wijken, or one
    wijk and heel Soest), or which wijk is most often the most favourable / unfavourable (more wijken)."""
    met = verschil.dropna(subset=["gunstigste_naam"])
    if met.empty:
        return ""
    if len(codes) <= 2:
        tel = met["gunstigste_naam"].value_counts()
        a, b = namen[codes[0]], namen[codes[1]] if len(codes) == 2 else heel_gemeente()
        volgorde = sorted([(a, int(tel.get(a, 0))), (b, int(tel.get(b, 0)))], key=lambda t: -t[1])
        return (f"Van de {len(met)} indicatoren waarbij hoger of lager beter is en de cijfers verschillen, scoort "
                f"{volgorde[0][0]} er {volgorde[0][1]} gunstiger en {volgorde[1][0]} {volgorde[1][1]}.")
    goed = met["gunstigste_naam"].value_counts()
    slecht = met["ongunstigste_naam"].value_counts()
    return (f"Van de {len(met)} indicatoren waarbij hoger of lager beter is, scoort {goed.index[0]} het vaakst het "
            f"gunstigst ({goed.iloc[0]} keer) en {slecht.index[0]} het vaakst het ongunstigst ({slecht.iloc[0]} keer).")


# What the chart, its sources and its references read of the long rows (not the ~40 columns of every row).
_GRAFIEKBRON = ["indicator", "gebied_code", "gebied_naam", "index", "oordeel", "oordeel_tekst", "label", "jaar", "jaar_kort",
                "jaar_tekst", "modelschatting", "soest", "eenheid", "waarde_tekst"]


_GRAFIEKTEKSTEN = ["rij", "soest_tekst", "symbool", "label_tekst", "boven"]


def _met_grafiekteksten(lang: pd.DataFrame) -> None:
    """In place: what the diverging chart writes for each row (its row title with the year, Soest with its unit, the
    label 'Smitsveen 163 ▼'), made once per choice of wijken, not again for every chart of a tab or a switch."""
    lang["rij"] = [f"{label}{f' · {jaar}' if jaar else ''}{' · schatting' if opmaak.is_schatting(m) else ''}"
                   for label, jaar, m in zip(lang["label"], lang["jaar_kort"], lang["modelschatting"])]
    lang["soest_tekst"] = [opmaak.waarde_met_eenheid(s, e) for s, e in zip(lang["soest"], lang["eenheid"])]
    lang["symbool"] = [scoring.SYMBOOL[o].split(" ")[0] for o in lang["oordeel"]]
    lang["label_tekst"] = [f"{n} {opmaak.getal(i, 0)} {s}" for n, i, s in
                           zip(lang["gebied_naam"], lang["index"], lang["symbool"])]
    lang["boven"] = lang["index"] >= 100


def grafiekgegevens(lang: pd.DataFrame, verschil: pd.DataFrame, aantal: int | None = 12) -> pd.DataFrame:
    """The bars of the diverging chart: for the `aantal` largest differences with an index, each wijk's index. The
    row title carries the indicator's year: every wijk has its figure from that one year (`vergelijking`)."""
    boven = verschil.dropna(subset=["indexverschil"])
    if aantal is not None:
        boven = boven.head(aantal)
    data = lang.loc[lang["indicator"].isin(boven["indicator"]) & lang["index"].notna(), _GRAFIEKBRON + _GRAFIEKTEKSTEN]
    if data.empty:
        return pd.DataFrame(columns=["indicator", "rij", "gebied_naam", "index", "oordeel_tekst", "label_tekst"])
    data.insert(len(_GRAFIEKBRON), "rang", data["indicator"].map({i: n for n, i in enumerate(boven["indicator"])}))
    return data.sort_values(["rang", "gebied_code"]).reset_index(drop=True)


def referentiegegevens(data: pd.DataFrame, referenties: pd.DataFrame | None) -> pd.DataFrame:
    """The reference marks of the diverging chart: for each indicator in `data` (grafiekgegevens) the reference areas
    (regio.referenties, same year) as an index against the same Soest value: Nederland 95 = 95 % of Soest."""
    kolommen = ["rij", "rol", "gebied_naam", "index", "tekst", "soest_tekst"]
    if referenties is None or referenties.empty or data.empty:
        return pd.DataFrame(columns=kolommen)
    # a few dozen rows: plain lookups, cheaper than a merge of arrow-backed frames on every chart built
    per = {(i, float(j)): (r, s, t) for i, j, r, s, t in data.drop_duplicates("indicator")[
        ["indicator", "jaar", "rij", "soest", "soest_tekst"]].itertuples(index=False)}
    rijen = []
    for i, j, rol, naam, w, tekst in referenties[["indicator", "jaar", "rol", "gebied_naam", "waarde", "tekst"]
                                                 ].itertuples(index=False):
        rij, soest, soest_tekst = per.get((i, float(j)), (None, None, None))
        index = scoring.index(w, soest) if rij is not None else None
        if index is not None:
            rijen.append((rij, rol, naam, float(index), tekst, soest_tekst))
    return pd.DataFrame(rijen, columns=kolommen)


_STAAFKOLOMMEN = ["band", "index", "label_tekst", "oordeel_tekst", "label", "jaar_tekst", "gebied_naam", "waarde_tekst",
                  "soest_tekst"]


def divergentiegrafieken(lang: pd.DataFrame, verschil: pd.DataFrame, beschrijving: str, aantal: int | None = 12,
                         rij: int = 24, referenties: pd.DataFrame | None = None) -> tuple[dict, dict]:
    """Diverging bars around Soest (index 100), for a wide and for a narrow column (indicator names wrapped at
    grafieken.SMAL), from one set of bars: per indicator its name and year, then per wijk a line 'Smitsveen
    163 ▼' and a bar from 100 to its index. Labels have their own line, so they never cover a bar or each other at
    any width; the dashed Soest line is drawn only on the lines of bars and reference marks, so it never runs
    through a label or a title either (tests/unit/test_vergelijken_geometrie.py measures it).

    Colour = judgement (blue favourable, orange unfavourable, grey around, purple higher/lower without judgement);
    never alone: each bar is labelled with the wijk, its index and the symbol, and the tooltip says it in words.
    `beschrijving` (the summary sentence) becomes the chart's description for screen readers. Vega-Lite dicts
    (sjabloon.py).
    """
    data = grafiekgegevens(lang, verschil, aantal)
    staven = [dict(zip(["rij", *_STAAFKOLOMMEN[1:]], r)) for r in
              data[["rij", *_STAAFKOLOMMEN[1:]]].itertuples(index=False, name=None)] if len(data) else []
    ref = als_dicts(referentiegegevens(data, referenties))
    return tuple(_divergentie(staven, ref, beschrijving, rij, breedte) for breedte in (None, grafieken.SMAL))


def _divergentie(staven: list[dict], ref: list[dict], beschrijving: str, rij: int, regelbreedte: int | None) -> dict:
    """One layout of the diverging chart: every text line and every bar or reference its own band (row)."""
    wijken = list(dict.fromkeys(s["gebied_naam"] for s in staven))
    koppen, staafband, refband, band = [], {}, {}, 0
    met_referentie = {(r["rij"], r["rol"]) for r in ref}
    for rij_ in dict.fromkeys(s["rij"] for s in staven):
        for lijn in grafieken.regels(rij_, regelbreedte):
            koppen.append({"rij": lijn, "band": band})
            band += 1
        for w in wijken:
            staafband[(rij_, w)] = band + 1  # the label line, then the bar
            band += 2
        for rol in (regio.NEDERLAND_NAAM, regio.BUURGEMEENTE):  # then the references, each a label line and marks
            if (rij_, rol) in met_referentie:
                refband[(rij_, rol)] = band + 1
                band += 2
    # only the columns the chart uses: the data goes inline into the spec
    rijen = [{**{k: s[k] for k in _STAAFKOLOMMEN[1:]}, "band": staafband[(s["rij"], s["gebied_naam"])]}
             for s in staven]
    refrijen = [{"band": refband[(r["rij"], r["rol"])], **{k: v for k, v in r.items() if k != "rij"}} for r in ref]
    # each reference group's label line goes with the wijken's labels (no index: no bar is drawn for it)
    rijen += [{k: None for k in _STAAFKOLOMMEN} | label for label in _referentielabels(refrijen)]
    indexen = [r["index"] for r in rijen + refrijen if r["index"] is not None]
    laag = min(0.0, min(indexen, default=0.0))
    hoog = max(200.0, max(indexen, default=200.0))
    # the Soest line only on the lines that hold marks (bars, references), never on a text line
    bronnen = {"staven": [{k: r[k] for k in _STAAFKOLOMMEN} for r in rijen], "koppen": koppen,
               "soest": [{"band": b} for b in sorted({*staafband.values(), *refband.values()})]}
    if refrijen:
        bronnen["referenties"] = refrijen
    banden = band or 1
    return _divergentiesjabloon(rij, regelbreedte is not None, bool(refrijen)).vul(
        bronnen, banden=list(range(banden)), domein=[laag, hoog], height=banden * rij,
        description=beschrijving[:1000])


@cache
def _divergentiesjabloon(rij: int, smal: bool, met_referenties: bool) -> Sjabloon:
    y = alt.Y("band:O", axis=None, scale=alt.Scale(domain=[gat("banden")]))
    x = alt.X("index:Q", title=f"index ({GEMEENTE.naam} = 100)", scale=alt.Scale(domain=[gat("domein")], nice=True),
              axis=alt.Axis(tickCount=5, grid=True, gridColor="#E6E6E6"))
    tooltip = [alt.Tooltip("label:N", title="Indicator"), alt.Tooltip("jaar_tekst:N", title="Jaar"),
               alt.Tooltip("gebied_naam:N", title="Wijk"),
               alt.Tooltip("waarde_tekst:N", title="Waarde"), alt.Tooltip("soest_tekst:N", title=GEMEENTE.naam),
               alt.Tooltip("index:Q", title=f"Index ({GEMEENTE.naam} = 100)", format=".0f"),
               alt.Tooltip("oordeel_tekst:N", title="Oordeel")]
    kleuren = list(_KLEUR)
    basis = alt.Chart(alt.NamedData("staven")).encode(y=y, tooltip=tooltip)
    staven = basis.mark_bar(height=rij - 6).encode(
        x=x, x2=alt.X2Datum(100),
        color=alt.Color("oordeel_tekst:N", title="Oordeel",
                        scale=alt.Scale(domain=kleuren, range=[_KLEUR[k] for k in kleuren]),
                        legend=alt.Legend(orient="top", direction="horizontal", columns=2 if smal else 5,
                                          labelLimit=0)))
    labels = basis.mark_text(align="left", baseline="middle", dy=2, aria=False).encode(
        x=alt.XValue(0), y=alt.Y("labelband:O", axis=None, scale=alt.Scale(domain=[gat("banden")])),
        text=alt.Text("label_tekst:N")).transform_calculate(labelband="datum.band - 1")
    kop = alt.Chart(alt.NamedData("koppen")).mark_text(align="left", baseline="middle", fontWeight="bold", dy=4,
                                                       fontSize=opmaak.LETTER_KOP, aria=False).encode(
        x=alt.XValue(0), y=y, text=alt.Text("rij:N"))
    # one segment over the whole height of each listed line: a column of dashes at 100 beside the bars
    lijn = alt.Chart(alt.NamedData("soest")).mark_rule(color="#000000", strokeWidth=2, strokeDash=[6, 4]).encode(
        x=alt.XDatum(100), y=alt.Y("band:O", axis=None, bandPosition=0, scale=alt.Scale(domain=[gat("banden")])),
        y2=alt.Y2("band", bandPosition=1))
    lagen = [staven, labels, kop, lijn] + ([_referentiemarkering(x, y)] if met_referenties else [])
    # the references' black and grey are their own, not a judgement's colour
    return Sjabloon(grafieken.stijl(alt.layer(*lagen).resolve_scale(color="independent").properties(
        width="container")))


# Nederland as a black upright stroke, the buurgemeenten as grey rings: one layer (each layer costs ~15 ms to build),
# a reference beside the wijken, never a bar like theirs.
_REFERENTIEVORM = {regio.NEDERLAND_NAAM: ("M0,-1L0,1", "#000000", 500), regio.BUURGEMEENTE: ("circle", regio.KLEUR_BUREN, 70)}


def _referentielabels(ref: list[dict]) -> list[dict]:
    """One label line per reference group: '┃ Nederland 95', '○ buurgemeenten 81 tot 118'."""
    groepen: dict[tuple, list[float]] = {}
    for r in ref:
        groepen.setdefault((r["band"], r["rol"]), []).append(r["index"])
    return [{"band": band, "label_tekst":
             f"┃ Nederland {opmaak.getal(min(x), 0)}" if rol == regio.NEDERLAND_NAAM else
             f"○ buurgemeenten {opmaak.getal(min(x), 0)}"
             + (f" tot {opmaak.getal(max(x), 0)}" if round(max(x)) != round(min(x)) else "")}
            for (band, rol), x in groepen.items()]


def _referentiemarkering(x: alt.X, y: alt.Y) -> alt.Chart:
    rollen = list(_REFERENTIEVORM)
    vorm, kleur, grootte = (alt.Scale(domain=rollen, range=[_REFERENTIEVORM[r][i] for r in rollen]) for i in range(3))
    return alt.Chart(alt.NamedData("referenties")).mark_point(filled=False, strokeWidth=3, opacity=1).encode(
        x=x, y=y, shape=alt.Shape("rol:N", scale=vorm, legend=None), color=alt.Color("rol:N", scale=kleur, legend=None),
        size=alt.Size("rol:N", scale=grootte, legend=None),
        tooltip=[alt.Tooltip("gebied_naam:N", title="Gebied"), alt.Tooltip("tekst:N", title="Waarde"),
                 alt.Tooltip("soest_tekst:N", title=GEMEENTE.naam),
                 alt.Tooltip("index:Q", title=f"Index ({GEMEENTE.naam} = 100)", format=".0f")])
