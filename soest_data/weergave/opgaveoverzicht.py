"""One opgave across the wijken: its texts, key figures for Soest, the wijk × indicator matrix, trends. Pure pandas/Altair.

The judgement per cell is exactly that of `scoring.beoordeel_wijken` (latest year, Soest in the same year, margin
10 %). Every cell says it in a symbol and in words; the colour only repeats it (light tints with black text, so
the words stay readable). Missing stays visible as 'geen gegevens', never as zero.
"""
from __future__ import annotations

import textwrap
from functools import cache

import altair as alt
import pandas as pd

from soest_data import gemeente, jaren, opmaak, scoring
from soest_data.begrippen import NEDERLAND
from soest_data.gemeente import GEMEENTE
from soest_data.rijen import als_dicts
from soest_data.weergave import grafieken
from soest_data.weergave.sjabloon import Sjabloon, gat

LETTER = opmaak.LETTER
TEKST = opmaak.TEKSTKLEUR

# Light tints of the Okabe-Ito colours of opmaak, so black text on them passes WCAG AA (≥ 7:1).
TINT = {
    scoring.GUNSTIG: "#9CCBEC",    # light blue
    scoring.ONGUNSTIG: "#F5B183",  # light vermillion
    scoring.ROND: "#E6E6E6",       # light grey
    scoring.HOGER: "#D8D0EA",      # light purple: higher, no judgement
    scoring.LAGER: "#D8D0EA",      # light purple: lower, no judgement
    scoring.ONBEKEND: "#FFFFFF",   # white: no figure
    "soest": "#FFFFFF",
}


# Second line of a cell: symbol and a short word (the legend, tooltip and table give the full words).
KORT_OORDEEL = {scoring.GUNSTIG: "▲ gunstig", scoring.ONGUNSTIG: "▼ ongunstig", scoring.ROND: "● gemiddeld",
                scoring.HOGER: "↑ hoger", scoring.LAGER: "↓ lager", scoring.ONBEKEND: ""}


def opgave_tekst(opgaven: list[dict], opgave_id: str) -> dict | None:
    """The entry of data/opgaven.yaml for this opgave, or None when it is not (yet) there."""
    return next((o for o in opgaven if o.get("id") == opgave_id), None)


def herkomst_opgaven(opgaven: list[dict], nadruk: bool = False) -> str:
    """Where the five opgaven come from, after 'de vijf opgaven': the gemeente's own Visie, or (without its texts in
    the data) Soest's, used here as the frame."""
    if any(o.get("ambitie") for o in opgaven):
        return "van de **Integrale Visie Sociaal Domein 2024-2028**" if nadruk else \
            "van de Integrale Visie Sociaal Domein 2024-2028"
    return ("(de indeling van de Integrale Visie Sociaal Domein van Soest; een eigen visie van de gemeente is niet "
            "opgenomen)")


# --- key figures ---------------------------------------------------------------------------------------------------

def kerncijfers(opgave: dict | None, waarden: pd.DataFrame, indicatoren: pd.DataFrame) -> pd.DataFrame:
    """The opgave's Soest-level key figures: the latest year with a Soest value, Nederland in the same year.

    Columns: indicator, label, eenheid, richting, jaar, jaar_tekst ('2020', or 'jaar onbekend, vóór 2024' when the
    source names no year; soest_data/jaren.py), jaar_kort (its short form), soest, soest_tekst, nederland,
    nederland_tekst, vergelijking (Soest against Nederland in words, with symbol), modelschatting. Unknown ids are
    skipped; an id without a Soest value keeps its row ('geen gegevens', jaar None).
    """
    kolommen = ["indicator", "label", "eenheid", "richting", "jaar", "jaar_tekst", "jaar_kort", "soest", "soest_tekst",
                "nederland", "nederland_tekst", "vergelijking", "modelschatting"]
    ids = list((opgave or {}).get("kerncijfers") or [])
    cat = indicatoren.set_index("id")
    rijen = []
    for indicator_id in ids:
        if indicator_id not in cat.index:
            continue
        ind = cat.loc[indicator_id]
        rij = {"indicator": indicator_id, "label": ind["label"], "eenheid": ind["eenheid"], "richting": ind["richting"],
               "jaar": None, "jaar_tekst": "", "jaar_kort": "", "soest": float("nan"), "soest_tekst": "geen gegevens",
               "nederland": float("nan"),
               "nederland_tekst": "", "vergelijking": "", "modelschatting": bool(ind["modelschatting"])}
        eigen = waarden[(waarden["indicator"] == indicator_id) & (waarden["gebied_code"] == gemeente.huidige().code)]
        eigen = eigen.dropna(subset=["waarde"]).sort_values("jaar")
        if len(eigen):
            laatste = eigen.iloc[-1]
            jaar = int(laatste["jaar"])
            nl = waarden[(waarden["indicator"] == indicator_id) & (waarden["gebied_code"] == NEDERLAND)
                         & (waarden["jaar"] == jaar)].dropna(subset=["waarde"])
            nl_waarde = float(nl["waarde"].iloc[0]) if len(nl) else float("nan")
            rij.update(jaar=jaar, soest=float(laatste["waarde"]),
                       jaar_tekst=jaar_tekst(jaar, ind.get("meetjaar"), ind.get("peilperiode")),
                       jaar_kort=jaren.kort(jaar, ind.get("meetjaar"), ind.get("peilperiode")),
                       soest_tekst=metricwaarde(laatste["waarde"], ind["eenheid"]),
                       nederland=nl_waarde,
                       nederland_tekst="" if pd.isna(nl_waarde) else metricwaarde(nl_waarde, ind["eenheid"]),
                       vergelijking=met_nederland(float(laatste["waarde"]), nl_waarde, ind["richting"],
                                                              ind["eenheid"], ind["rol"]))
        rijen.append(rij)
    return pd.DataFrame(rijen, columns=kolommen)


def jaar_tekst(jaar: int | None, meetjaar: str | None = None, peilperiode: str | None = None) -> str:
    """'2020'; for a figure whose source names no year: 'jaar onbekend, vóór 2024' (never a made-up year); where
    edition and reference period differ: 'editie 2023, …' (see soest_data/jaren.py)."""
    return jaren.jaar_tekst(jaar, meetjaar, peilperiode)


def metricwaarde(waarde: float | None, eenheid: str) -> str:
    """A key figure short enough for a metric tile: '€ 37.700', '629' (the label says what is counted), '3,3 %'."""
    if waarde is None or pd.isna(waarde):
        return "geen gegevens"
    if eenheid == "x 1000 euro":
        return f"€ {opmaak.getal(waarde * 1000, 0)}"
    if eenheid.startswith("aantal"):
        return opmaak.getal(waarde)
    return opmaak.waarde_met_eenheid(waarde, eenheid)


def met_nederland(soest: float, nederland: float, richting: str, eenheid: str = "", rol: str = "uitkomst") -> str:
    """'▲ gunstig: hoger dan landelijk' / '● rond het landelijk gemiddelde' / '' without a national figure.
    The same rule as a wijk against Soest (scoring.kant), with Nederland as the reference."""
    if pd.isna(nederland) or pd.isna(soest):
        return ""
    kant = scoring.kant(soest, nederland, eenheid=eenheid, stap=scoring.resolutie([soest, nederland]))
    oordeel = scoring.oordeel(kant, richting, rol)
    woorden = {scoring.HOGER: "hoger dan landelijk", scoring.LAGER: "lager dan landelijk",
               scoring.ROND: "rond het landelijk gemiddelde"}[kant]
    if oordeel in (scoring.GUNSTIG, scoring.ONGUNSTIG):
        return f"{scoring.SYMBOOL[oordeel]}: {woorden}"
    return f"{scoring.SYMBOOL[oordeel].split(' ')[0]} {woorden}"


# --- the wijk × indicator matrix -----------------------------------------------------------------------------------

def opgaverijen(beoordeeld: pd.DataFrame, wijken: pd.DataFrame, opgave: str) -> pd.DataFrame:
    """Every wijk × indicator of this opgave (rows from scoring.beoordeel_wijken), completed so that a wijk the source
    does not mention still has its row (oordeel 'onbekend'). Adds waarde_tekst, soest_tekst, oordeel_tekst, woorden.

    `wijken` has code and naam. Catalogue order, then wijk code.
    """
    leeg = pd.DataFrame(columns=["gebied_code", "gebied_naam", "indicator", "label", "opgave", "volgorde", "eenheid",
                                 "soort", "richting", "modelschatting", "soest", "jaar", "waarde", "relatief",
                                 "status", "kant", "oordeel", "waarde_tekst", "soest_tekst", "oordeel_tekst",
                                 "woorden"])
    if beoordeeld.empty or "opgave" not in beoordeeld:
        return leeg
    deel = beoordeeld[beoordeeld["opgave"] == opgave]
    if deel.empty:
        return leeg
    per_indicator = ["indicator", "label", "opgave", "volgorde", "eenheid", "thema", "soort", "richting", "rol",
                     "kern", "modelschatting", "soest", "jaar"] + [k for k in ("meetjaar", "jaar_tekst", "jaar_kort")
                                                                  if k in beoordeeld]
    indicatoren = deel[per_indicator].drop_duplicates("indicator")
    rooster = wijken[["code", "naam"]].rename(columns={"code": "gebied_code", "naam": "gebied_naam"}).merge(
        indicatoren, how="cross")
    rest = deel.drop(columns=[k for k in per_indicator if k != "indicator"] + ["gebied_naam"])
    uit = rooster.merge(rest, on=["gebied_code", "indicator"], how="left")
    uit["oordeel"] = uit["oordeel"].fillna(scoring.ONBEKEND)
    uit["kant"] = uit["kant"].fillna(scoring.ONBEKEND)
    for kolom in ("relatief", "status", "bron_titel"):
        uit[kolom] = uit[kolom].fillna("")
    uiterst = uit.groupby("indicator")["waarde"].agg(["max", "min"])
    hoogste, laagste = uiterst["max"].to_dict(), uiterst["min"].to_dict()
    records = als_dicts(uit)
    uit["waarde_tekst"] = [scoring.waarde_in_woorden(r) for r in records]
    uit["soest_tekst"] = [_soest_tekst(r) for r in records]
    uit["oordeel_tekst"] = [scoring.oordeel_symbool(o, w, s)
                            for o, w, s in zip(uit["oordeel"], uit["waarde"], uit["soest"])]
    uit["woorden"] = [scoring.in_woorden(r, hoogste[r["indicator"]], laagste[r["indicator"]]) for r in records]
    return uit.sort_values(["volgorde", "gebied_code"]).reset_index(drop=True)


def _soest_tekst(r: pd.Series) -> str:
    if pd.isna(r.get("soest")):
        return f"gemiddelde van {GEMEENTE.naam}" if r.get("soort") == "relatief" else "geen gegevens"
    return opmaak.waarde_met_eenheid(r["soest"], r["eenheid"])


def _zonder_punt(tekst: str) -> str:
    return tekst.lower().replace(".", "")


def _eenheid_in_cel(eenheid: str) -> bool:
    return eenheid.startswith("%") or len(eenheid) <= 3


def rijlabel(r: pd.Series) -> str:
    """'Moeite met rondkomen (18+) · 2020 · schatting': the unit when the cell cannot hold it, the year, and
    'schatting' for model estimates."""
    jaar = r["jaar_kort"] if isinstance(r.get("jaar_kort"), str) else jaar_tekst(r.get("jaar"), r.get("meetjaar"))
    jaar = f" · {jaar}" if jaar else ""
    eenheid = "" if (_eenheid_in_cel(r["eenheid"]) or _zonder_punt(r["eenheid"]) in _zonder_punt(r["label"])
                     or r.get("soort") == "relatief") else f" ({opmaak.eenheid(r['eenheid'])})"
    return (f"{'★ ' if r.get('kern') is True else ''}{r['label']}{eenheid}{jaar}"
            f"{' · schatting' if opmaak.is_schatting(r.get('modelschatting')) else ''}")


def _kort(tekst: str) -> str:
    """Cell text must fit: the long phrases get a short form (the tooltip and table keep the full one)."""
    return {"het hoogst van alle wijken": "hoogste wijk", "het laagst van alle wijken": "laagste wijk",
            "hoger dan gemiddeld": "hoger", "lager dan gemiddeld": "lager",
            "iets hoger dan gemiddeld": "iets hoger", "iets lager dan gemiddeld": "iets lager",
            "rond het gemiddelde": "gemiddeld", "onbekend volgens de bron": "onbekend",
            "afgeschermd (te klein aantal)": "afgeschermd", "geheim (onderdrukt door de bron)": "geheim",
            "geen gegevens": "geen",
            f"gemiddelde van {GEMEENTE.naam}": "gemiddelde"}.get(tekst, tekst)


def celwaarde(r: pd.Series) -> str:
    """The short first line of a cell: '18,9 %' or '48,6' (the unit is then in the row label), or a short word."""
    if not pd.isna(r.get("waarde")) and not _eenheid_in_cel(r["eenheid"]):
        return opmaak.getal(r["waarde"])
    return _kort(r["waarde_tekst"])


def celregel2(r: pd.Series) -> str:
    """Symbol and short word of the judgement; a missing figure reads 'geen' / 'gegevens' over the two lines."""
    if r["oordeel"] == scoring.ONBEKEND and r["waarde_tekst"] == "geen gegevens":
        return "gegevens"
    return KORT_OORDEEL[r["oordeel"]]


def _soestcel(r: pd.Series) -> str:
    if not pd.isna(r.get("soest")) and not _eenheid_in_cel(r["eenheid"]):
        return opmaak.getal(r["soest"])
    return _kort(r["soest_tekst"])


def matrixgegevens(rijen: pd.DataFrame) -> pd.DataFrame:
    """The cells of the matrix: a Soest column and the wijken, one row per indicator. Two lines of text per cell."""
    kolommen = ["rij", "kolom", "volgorde", "kolomvolgorde", "klasse", "regel1", "regel2", "tooltip_waarde",
                "tooltip_oordeel", "tooltip_woorden", "tooltip_soest"]
    if rijen.empty:
        return pd.DataFrame(columns=kolommen)
    records = als_dicts(rijen)
    rijen = rijen.assign(rij=[rijlabel(r) for r in records])
    wijkcellen = pd.DataFrame({
        "rij": rijen["rij"], "kolom": rijen["gebied_naam"], "volgorde": rijen["volgorde"],
        "kolomvolgorde": rijen["gebied_code"], "klasse": rijen["oordeel"],
        "regel1": [celwaarde(r) for r in records], "regel2": [celregel2(r) for r in records],
        "tooltip_waarde": rijen["waarde_tekst"], "tooltip_oordeel": rijen["oordeel_tekst"],
        "tooltip_woorden": rijen["woorden"], "tooltip_soest": rijen["soest_tekst"],
    })
    per_indicator = rijen.drop_duplicates("indicator")
    soestcellen = pd.DataFrame({
        "rij": per_indicator["rij"], "kolom": GEMEENTE.naam, "volgorde": per_indicator["volgorde"],
        "kolomvolgorde": "GM", "klasse": "soest", "regel1": [_soestcel(r) for r in als_dicts(per_indicator)],
        "regel2": "referentie", "tooltip_waarde": per_indicator["soest_tekst"], "tooltip_oordeel": "referentie",
        "tooltip_woorden": f"het {GEMEENTE.eigen('gemiddelde')}", "tooltip_soest": per_indicator["soest_tekst"],
    })
    return pd.concat([soestcellen, wijkcellen], ignore_index=True)[kolommen]


# 'De Eng-Soest-Midden' → 'De Eng-' / 'Soest-Midden': at most two lines above a column, split at the first hyphen.
_TWEE_REGELS = ("indexof(datum.label, '-') > 0 ? [substring(datum.label, 0, indexof(datum.label, '-') + 1), "
                "substring(datum.label, indexof(datum.label, '-') + 1)] : datum.label")


def _regels(tekst: str, breedte: int = 40) -> str:
    """A row label over at most two lines (joined by '\n'), so the labels leave room for the cells."""
    regels = textwrap.wrap(tekst, breedte)
    return "\n".join(regels[:1] + ([" ".join(regels[1:])] if len(regels) > 1 else []))


def matrixgrafiek(rijen: pd.DataFrame, celhoogte: int = 56, labelbreedte: int = 330) -> dict:
    """Heatmap: one row per indicator, a Soest column and one column per wijk. Each cell: value + symbol and word.

    Takes the width of its column (width container); row labels wrap over two lines. Below 1400 px of window
    the page shows matrixstapel() instead (see ui.breed_of_smal). A Vega-Lite dict (sjabloon.py).
    """
    data = matrixgegevens(rijen)
    data["rij"] = [_regels(r) for r in data["rij"]]
    rijvolgorde = list(data.sort_values("volgorde")["rij"].drop_duplicates())
    kolomvolgorde = list(data.sort_values("kolomvolgorde")["kolom"].drop_duplicates())
    return _matrixsjabloon(labelbreedte).vul({"matrix": data}, kolomvolgorde=kolomvolgorde, rijvolgorde=rijvolgorde,
                                             height=celhoogte * len(rijvolgorde))


@cache
def _matrixsjabloon(labelbreedte: int) -> Sjabloon:
    klassen = list(TINT)
    x = alt.X("kolom:N", sort=[gat("kolomvolgorde")], title=None,
              axis=alt.Axis(orient="top", labelAngle=0, labelFontWeight="bold", labelLimit=0, domain=False,
                            ticks=False, labelOverlap=False, labelExpr=_TWEE_REGELS, labelPadding=24,
                            labelBaseline="bottom", labelLineHeight=18))
    y = alt.Y("rij:N", sort=[gat("rijvolgorde")], title=None,
              axis=alt.Axis(labelLimit=labelbreedte, domain=False, ticks=False, labelOverlap=False,
                            labelExpr="split(datum.label, '\\n')"))
    tooltip = [alt.Tooltip("rij:N", title="Indicator"), alt.Tooltip("kolom:N", title="Gebied"),
               alt.Tooltip("tooltip_waarde:N", title="Waarde"), alt.Tooltip("tooltip_soest:N", title=GEMEENTE.naam),
               alt.Tooltip("tooltip_oordeel:N", title="Oordeel"), alt.Tooltip("tooltip_woorden:N", title="In woorden")]
    basis = alt.Chart(alt.NamedData("matrix")).encode(x=x, y=y, tooltip=tooltip)
    vakken = basis.mark_rect(stroke="#8C8C8C", strokeWidth=1).encode(
        color=alt.Color("klasse:N", scale=alt.Scale(domain=klassen, range=[TINT[k] for k in klassen]), legend=None))
    regel1 = basis.mark_text(dy=-10, fontSize=opmaak.LETTER_KOP, fontWeight="bold").encode(text=alt.Text("regel1:N"))
    regel2 = basis.mark_text(dy=11).encode(text=alt.Text("regel2:N"))
    return Sjabloon(grafieken.stijl(alt.layer(vakken, regel1, regel2).properties(width="container")))


def matrixstapel(rijen: pd.DataFrame) -> dict:
    """The matrix for a narrow screen, stacked: per indicator its name, then one line per area (Soest first) with
    the value and the judgement in words."""
    data = matrixgegevens(rijen)
    data = data.assign(rij=[_regels(r, 34) for r in data["rij"]],
                       tekst=[f"{a} {b}".strip() if b != "referentie" else a
                              for a, b in zip(data["regel1"], data["regel2"])])
    return grafieken.stapel(data.sort_values(["volgorde", "kolomvolgorde"]), "rij", "kolom", "tekst", "klasse",
                            {k: TINT[k] for k in TINT})


_DREMPELS = (f"{opmaak.getal(scoring.STANDAARD_MARGE * scoring.PROCENTPUNT_PER_MARGE, 1)} procentpunt bij "
             f"percentages, {round(scoring.STANDAARD_MARGE * 100)} % bij andere cijfers")


def legenda() -> pd.DataFrame:
    """Colour + meaning for _ui.legenda: the words carry the meaning."""
    return pd.DataFrame({
        "kleur": [TINT[scoring.GUNSTIG], TINT[scoring.ROND], TINT[scoring.ONGUNSTIG], TINT[scoring.HOGER],
                  TINT[scoring.ONBEKEND]],
        "betekenis": [f"{scoring.SYMBOOL[scoring.GUNSTIG]}: beter dan {GEMEENTE.naam} (meer dan {_DREMPELS} verschil)",
                      f"{scoring.SYMBOOL[scoring.ROND]}: binnen {_DREMPELS} van {GEMEENTE.naam}, of binnen de afronding",
                      f"{scoring.SYMBOOL[scoring.ONGUNSTIG]}: slechter dan {GEMEENTE.naam} (meer dan {_DREMPELS} verschil)",
                      f"{scoring.SYMBOOL[scoring.HOGER]} / {scoring.SYMBOOL[scoring.LAGER]}: hoger of lager, "
                      "zonder oordeel (zorggebruik, achtergrond, of hoger is niet beter of slechter)",
                      f"{scoring.SYMBOOL[scoring.ONBEKEND]}"],
    })


def matrixtabel(rijen: pd.DataFrame, nederland: pd.Series | None = None) -> pd.DataFrame:
    """The matrix as a table of words (its text alternative): indicator, Soest, then per wijk 'value — judgement'.

    With `nederland` (values by indicator and jaar, regio.nederland_per_jaar) a Nederland column beside Soest, for
    the same year; '–' where there is no national figure.
    """
    if rijen.empty:
        return pd.DataFrame(columns=["Indicator", GEMEENTE.naam])
    rijen = rijen.assign(rij=[rijlabel(r) for _, r in rijen.iterrows()],
                         cel=[f"{w} — {o}" if o != scoring.SYMBOOL[scoring.ONBEKEND] else w
                              for w, o in zip(rijen["waarde_tekst"], rijen["oordeel_tekst"])])
    tabel = rijen.pivot(index="rij", columns="gebied_naam", values="cel")
    volgorde = list(rijen.sort_values("volgorde")["rij"].drop_duplicates())
    wijken = list(rijen.sort_values("gebied_code")["gebied_naam"].drop_duplicates())
    tabel = tabel.reindex(index=volgorde, columns=wijken)
    soest = rijen.drop_duplicates("rij").set_index("rij")["soest_tekst"]
    tabel.insert(0, GEMEENTE.naam, soest.reindex(volgorde))
    if nederland is not None:
        per_rij = rijen.drop_duplicates("rij").set_index("rij")
        tabel.insert(1, "Nederland", [
            opmaak.waarde_met_eenheid(nederland[(r["indicator"], r["jaar"])], r["eenheid"])
            if (r["indicator"], r["jaar"]) in nederland.index else "–" for _, r in per_rij.loc[volgorde].iterrows()])
    tabel.columns.name = None
    return tabel.rename_axis("Indicator").reset_index()


def ongunstig_per_wijk(tel: pd.DataFrame, opgave: str) -> pd.DataFrame:
    """The one tally (scoring.tel_per_opgave, kernset) of this opgave per wijk: most unfavourable first (count, then
    share); ties in wijk-code order."""
    deel = tel[tel["opgave"] == opgave]
    return deel.sort_values(["ongunstig", "aandeel", "gebied_code"], ascending=[False, False, True],
                            kind="stable").reset_index(drop=True)


def ongunstig_zinnen(tel: pd.DataFrame, opgave: str, maximum: int = 4) -> list[str]:
    """Per wijk one line: '**Smitsveen** — ▼ 4 van 5 ongunstig, …. Ongunstig: …' (most unfavourable first)."""
    zinnen = []
    for _, r in ongunstig_per_wijk(tel, opgave).iterrows():
        if r["met_oordeel"] == 0:
            zinnen.append(f"**{r['gebied_naam']}** — geen kernset-indicatoren met een oordeel")
            continue
        zin = (f"**{r['gebied_naam']}** — ▼ {r['ongunstig']} van {r['met_oordeel']} ongunstig, "
               f"▲ {r['gunstig']} gunstig, ● {r['rond']} rond het gemiddelde" + (" — valt op" if r["valt_op"] else ""))
        namen = r["ongunstige_indicatoren"]
        if namen:
            extra = f" en {len(namen) - maximum} andere" if len(namen) > maximum else ""
            zin += ". Ongunstig: " + ", ".join(opmaak.in_zin(n) for n in namen[:maximum]) + extra
        zinnen.append(zin + ".")
    return zinnen


# --- per indicator -------------------------------------------------------------------------------------------------

def indicatorvolgorde(rijen: pd.DataFrame) -> list[str]:
    return list(rijen.sort_values("volgorde")["indicator"].drop_duplicates())


def relatief_zinnen(rijen: pd.DataFrame, indicator: str) -> list[str]:
    """For an indicator that is a statement ('hoger dan gemiddeld'): one line per wijk, wijken with a statement first."""
    deel = rijen[rijen["indicator"] == indicator]
    deel = deel.assign(_heeft=deel["relatief"] != "").sort_values(["_heeft", "gebied_code"], ascending=[False, True])
    return [f"**{r['gebied_naam']}**: {r['waarde_tekst']}"
            + (f" — {r['oordeel_tekst']}" if r["oordeel"] != scoring.ONBEKEND else "") for _, r in deel.iterrows()]


# --- trends --------------------------------------------------------------------------------------------------------

def trendreeksen(waarden: pd.DataFrame, indicator_ids: list[str], wijken: pd.DataFrame) -> pd.DataFrame:
    """Soest and every wijk over the years, for the indicators (of `indicator_ids`) with more than one year.

    Columns of alle_waarden (numbers only) plus `is_soest`; in the order of `indicator_ids`, Soest first.
    """
    eigen = gemeente.huidige().code
    codes = [eigen, *wijken["code"]]
    reeks = waarden[waarden["indicator"].isin(indicator_ids) & waarden["gebied_code"].isin(codes)]
    reeks = reeks.dropna(subset=["waarde"])
    # astype(bool): map() on no rows gives an object column, which pandas would read as column names, not as a mask
    reeks = reeks[reeks["meetjaar"].map(jaren.jaar_bekend).astype(bool)] if "meetjaar" in reeks else reeks
    aantal_jaren = reeks.groupby("indicator")["jaar"].nunique()
    reeks = reeks[reeks["indicator"].isin(aantal_jaren[aantal_jaren > 1].index)]
    volgorde = {i: n for n, i in enumerate(indicator_ids)}
    return reeks.assign(is_soest=reeks["gebied_code"] == eigen, _orde=reeks["indicator"].map(volgorde)).sort_values(
        ["_orde", "gebied_code", "jaar"]).drop(columns="_orde").reset_index(drop=True)


def trendgrafiek(reeks: pd.DataFrame, titel: str = "", referenties: pd.DataFrame | None = None) -> dict:
    """One indicator over the years: Soest as a thick black line with labels, the wijken as thin grey lines.

    Fills its column (width container); the page lays the indicators out in columns that stack on a phone.
    The tooltip names each wijk; the table of trendtabel() says the same in words. `referenties`
    (regio.referenties, this indicator) adds Nederland (black, dotted) and the buurgemeenten (thin, dashed grey) behind them.
    A Vega-Lite dict (sjabloon.py).
    """
    eenheid = reeks["eenheid"].iloc[0] if len(reeks) else ""
    wijken = reeks.loc[~reeks["is_soest"].astype(bool), "gebied_naam"].nunique()
    reeks = meest_veranderd(reeks)
    data = reeks.assign(tekst=[opmaak.waarde_met_eenheid(w, e) for w, e in zip(reeks["waarde"], reeks["eenheid"])]
                        )[["gebied_naam", "jaar", "waarde", "tekst", "is_soest"]]
    rollen = set(referenties["rol"]) if referenties is not None else set()
    bronnen = {"trend": data}
    if rollen:
        bronnen["referenties"] = grafieken.trendreferentierijen(referenties, eenheid)
    uitleg = f"{GEMEENTE.naam} (dik, zwart), {trendlijnen(wijken)} (dun, grijs)" + (
        ", Nederland (stippellijn)" if "Nederland" in rollen
                                                             else "") + (
        ", de buurgemeenten (dun, grijs gestreept)" if "buurgemeente" in rollen else "")
    noot = grafieken.trendnoot(reeks)
    return _trend_sjabloon(bool(rollen)).vul(
        bronnen, description=f"{titel}: {uitleg}, door de jaren. {noot}".strip(), as_titel=opmaak.eenheid(eenheid),
        **grafieken.trendtitel(titel, 190, noot))


# Up to this many wijken every wijk is a line; a large gemeente draws the TRENDLIJNEN_GROOT wijken that changed most
# (first to last year, either way), the table 'De ontwikkeling als tabel' has them all.
TRENDLIJNEN_PER_WIJK_TOT, TRENDLIJNEN_GROOT = 40, 10


def trendlijnen(wijken: int) -> str:
    """What the thin lines are, in words."""
    if wijken <= TRENDLIJNEN_PER_WIJK_TOT:
        return f"de {wijken} wijken" if wijken != 1 else "de wijk"
    return f"de {TRENDLIJNEN_GROOT} van de {wijken} wijken die het meest veranderden"


def meest_veranderd(reeks: pd.DataFrame) -> pd.DataFrame:
    """The gemeente's rows and the rows of the wijken drawn (all, or the TRENDLIJNEN_GROOT that changed most)."""
    is_soest = reeks["is_soest"].astype(bool)
    wijken = reeks[~is_soest]
    if wijken["gebied_naam"].nunique() <= TRENDLIJNEN_PER_WIJK_TOT:
        return reeks
    per_wijk = wijken.dropna(subset=["waarde"]).sort_values("jaar").groupby("gebied_naam", sort=False)["waarde"]
    verandering = (per_wijk.last() - per_wijk.first()).abs().sort_values(ascending=False, kind="stable")
    return reeks[is_soest | reeks["gebied_naam"].isin(verandering.index[:TRENDLIJNEN_GROOT])]


@cache
def _trend_sjabloon(met_referenties: bool) -> Sjabloon:
    basis = alt.Chart(alt.NamedData("trend")).encode(
        **grafieken.trendassen(),
        detail=alt.Detail("gebied_naam:N"),
        tooltip=[alt.Tooltip("gebied_naam:N", title="Gebied"), alt.Tooltip("jaar:O", title="Jaar"),
                 alt.Tooltip("tekst:N", title="Waarde")],
    )
    wijklijnen = basis.mark_line(point=alt.OverlayMarkDef(size=30, color="#8C8C8C"), strokeWidth=1.5,
                                 color="#8C8C8C", opacity=0.8).transform_filter("!datum.is_soest")
    referentielijnen = grafieken.trendreferentielagen(kleur_nederland="#000000") if met_referenties else []
    soestlijn = basis.mark_line(point=alt.OverlayMarkDef(size=80, color="#000000"), strokeWidth=4,
                                color="#000000").transform_filter("datum.is_soest")
    soesttekst = basis.mark_text(dy=-14, fontWeight="bold", color="#000000").encode(
        text=alt.Text("tekst:N")).transform_filter("datum.is_soest")
    return Sjabloon(grafieken.stijl(alt.layer(*referentielijnen, wijklijnen, soestlijn, soesttekst).properties(
        width="container")))


def trendtabel(reeks: pd.DataFrame) -> pd.DataFrame:
    """The trend panels in words: per indicator and area the first and last value and the change (with a note when a
    definition changed between them)."""
    kolommen = ["indicator_label", "gebied_naam", "jaar", "waarde", "eenheid"] + [
        k for k in ("wijziging_jaar", "wijziging_uitleg") if k in reeks]
    reeksen: dict[tuple[str, str], list[dict]] = {}  # per (indicator, area), in order of appearance
    for rij in als_dicts(reeks[kolommen]):
        reeksen.setdefault((rij["indicator_label"], rij["gebied_naam"]), []).append(rij)
    uit = []
    for (label, naam), rijen in reeksen.items():
        rijen.sort(key=lambda r: r["jaar"])
        eerste, laatste = rijen[0], rijen[-1]
        verschil = laatste["waarde"] - eerste["waarde"]
        eenheid = eerste["eenheid"]
        if abs(verschil) < 1e-9:
            verandering = "gelijk gebleven"
        else:
            tekst = opmaak.getal(abs(verschil), 1 if abs(verschil) < 100 else 0)
            verandering = f"{'gestegen' if verschil > 0 else 'gedaald'} met {tekst} {opmaak.verschil_eenheid(eenheid)}"
        if noot := grafieken.noot_bij([r["jaar"] for r in rijen], [r.get("wijziging_jaar") for r in rijen],
                                      [r.get("wijziging_uitleg") for r in rijen]):
            verandering += f" ({noot})"
        uit.append({"Indicator": label, "Gebied": naam,
                    "Eerste jaar": f"{opmaak.waarde_met_eenheid(eerste['waarde'], eenheid)} ({int(eerste['jaar'])})",
                    "Laatste jaar": f"{opmaak.waarde_met_eenheid(laatste['waarde'], eenheid)} ({int(laatste['jaar'])})",
                    "Verandering": verandering})
    return pd.DataFrame(uit, columns=["Indicator", "Gebied", "Eerste jaar", "Laatste jaar", "Verandering"])
