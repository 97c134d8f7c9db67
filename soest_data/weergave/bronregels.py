"""Where a figure comes from, in words: source lines under charts and texts, and source and licence on every row of
a download. One place for citation and licence wording, for the app, the factsheet and the downloads alike.

Source lines are markdown with links (a renderer turns them into HTML or PDF text); `bronregel_tekst` is plain text
for inside a downloaded picture.
"""
from __future__ import annotations

import pandas as pd

from soest_data import export, gemeente, jaren
from soest_data.begrippen import VERGELIJKNIVEAUS
from soest_data.gegevens import Gegevens
from soest_data.gemeente import GEMEENTE


def bronvermelding(g: Gegevens, indicator_id: str, jaar: int | None = None) -> str:
    """Source, year, 'modelschatting' and caveat right under a chart, with a link to the definition."""
    ind = g.indicator(indicator_id)
    gemeten = {b for (i, j), ids in g.bronnen_per_meting.items() if i == indicator_id and jaar in (None, j)
               for b in ids}
    bron_ids = sorted(gemeten) or [b.strip() for b in ind["bronnen"].split(",")]
    bronnen = g.bron_per_id
    delen = []
    for bron_id in bron_ids:
        bron = bronnen.loc[bron_id]
        tabel = f", tabel {bron['tabel']}" if bron["tabel"] else ""
        delen.append(f"[{bron['uitgever']}, {bron['titel']}{tabel}]({bron['url']}) ({bron['licentie']})")
    regel = "Bron: " + "; ".join(delen)
    if ind.get("meetjaar") or jaar is not None:  # the year as the source gives it (soest_data/jaren.py)
        regel += f" · {jaren.met_woord(jaren.jaar_tekst(jaar, ind.get('meetjaar'), ind.get('peilperiode')))}"
    if ind["modelschatting"]:
        regel += " · **modelschatting**, geen telling"
    if ind["formule"]:
        regel += f" · berekend: {ind['formule']}"
    if ind["voorbehoud"]:
        regel += f" · {ind['voorbehoud']}"
    return regel + f" · [definitie](/data?indicator={indicator_id})"


def bronnen_van(g: Gegevens, indicator_jaren) -> str:
    """One source line for a chart that holds several indicators: each source once, then the definitions."""
    paren = tuple(dict.fromkeys((i, int(j)) for i, j in indicator_jaren))
    bron_jaren: dict[str, set[int]] = {}
    for indicator_id, jaar in paren:
        for bron_id in g.bronnen_per_meting.get((indicator_id, jaar), ()):
            bron_jaren.setdefault(bron_id, set()).add(jaar)
    bronnen = g.bron_per_id
    delen = [f"[{bronnen.loc[b, 'uitgever']}, {bronnen.loc[b, 'titel']}]({bronnen.loc[b, 'url']}) "
             f"({bronnen.loc[b, 'licentie']})"
             + (" · **modelschatting**" if "modelschat" in bronnen.loc[b, "voorbehoud"].lower() else "")
             for b in sorted(bron_jaren)]
    namen = g.indicator_per_id["label"]
    definities = ", ".join(f"[{namen[i]}](/data?indicator={i})" for i in dict.fromkeys(i for i, _ in paren))
    return "Bronnen: " + "; ".join(delen) + f" · Definities: {definities}"


def verhaalbron(g: Gegevens, verhalen: pd.DataFrame) -> str:
    """Source line under texts from the documents: each document once, with the places in it."""
    titels = g.bron_per_id
    per_bron: dict[str, dict[str, None]] = {}
    for bron_id, plek in sorted(zip(verhalen["bron"], verhalen["vindplaats"].fillna("")), key=lambda bp: bp[0]):
        per_bron.setdefault(bron_id, {})
        if plek:
            per_bron[bron_id][plek] = None
    delen = [f"[{titels.loc[b, 'uitgever']}, {titels.loc[b, 'titel']}]({titels.loc[b, 'url']}) ({'; '.join(p)})"
             for b, p in per_bron.items()]
    return "Bron: " + "; ".join(delen) + " — in eigen woorden samengevat"


def _bronrijen(g: Gegevens, indicator_ids) -> pd.DataFrame:
    w = g.waarden
    return w[w["indicator"].isin(list(indicator_ids))].drop_duplicates("bron").sort_values("bron")


def bron_en_licentie(g: Gegevens, bron_id: str | None) -> tuple[str, str]:
    """('Verwey-Jonker Instituut, Zorgen voor elkaar …', 'openbaar …') for a table whose rows share one source."""
    bronnen = g.bron_per_id
    if bron_id not in bronnen.index:
        return "onbekend", "onbekend"
    b = bronnen.loc[bron_id]
    return f"{b['uitgever']}, {b['titel']}", b["licentie"]


def met_bronnen(g: Gegevens, frame: pd.DataFrame, indicator_ids) -> pd.DataFrame:
    """A summary table built from many indicators (a matrix): all their sources and licences on every row."""
    rijen = _bronrijen(g, indicator_ids)
    return frame.assign(Bron="; ".join(f"{u}, {t}" for u, t in zip(rijen["bron_uitgever"], rijen["bron_titel"])),
                        Licentie="; ".join(dict.fromkeys(rijen["licentie"])))


def bronregel_tekst(g: Gegevens, indicator_ids) -> str:
    """'Bron: CBS, Kerncijfers wijken en buurten 2024 (CC BY 4.0); …' as plain text, under a downloaded chart."""
    rijen = _bronrijen(g, indicator_ids)
    return "Bron: " + "; ".join(f"{u}, {t} ({lic})" for u, t, lic in
                                 zip(rijen["bron_uitgever"], rijen["bron_titel"], rijen["licentie"])) \
        + f" · Wijkprofielen {GEMEENTE.naam}"


def met_bron_en_licentie(g: Gegevens, frame: pd.DataFrame) -> pd.DataFrame:
    """Readable columns, and Bron and Licentie on every row: from the export columns, from the source title, or
    from the indicator (and year) of the row."""
    if {"indicator", "bron"} <= set(frame.columns) and "gebied_code" in frame:
        return export.leesbaar(frame)
    frame = frame.rename(columns=lambda k: k[:1].upper() + k[1:])  # 'indicator' → 'Indicator' in a display table
    if export.heeft_bron_en_licentie(frame):
        return frame
    w = g.waarden
    licentie_van = dict(zip(w["bron_titel"], w["licentie"]))
    if "Bron" in frame:
        return frame.assign(Licentie=frame["Bron"].map(  # a cell may name several sources: 'A; B'
            lambda b: "; ".join(dict.fromkeys(licentie_van.get(t.strip(), "") for t in str(b).split(";")))))
    if "Indicator" in frame:
        sleutel = ["indicator_label", "jaar"] if "Jaar" in frame else ["indicator_label"]
        per = w.groupby(sleutel).agg(Bron=("bron_titel", lambda b: "; ".join(sorted(set(b)))),
                                     Licentie=("licentie", lambda b: "; ".join(sorted(set(b))))).reset_index()
        per = per.rename(columns={"indicator_label": "Indicator", "jaar": "_jaar"})
        sleutels = ["Indicator"]
        if "Jaar" in frame:  # the year as shown may be text; match on its number, show it as it was
            per["_jaar"] = per["_jaar"].astype(float)
            frame = frame.assign(_jaar=pd.to_numeric(frame["Jaar"], errors="coerce"))
            sleutels.append("_jaar")
        return frame.merge(per, on=sleutels, how="left").drop(columns="_jaar", errors="ignore").fillna(
            {"Bron": "", "Licentie": ""})
    return frame


def downloadtabel(g: Gegevens, frame: pd.DataFrame, indicator_ids=None, bron_id: str | None = None) -> pd.DataFrame:
    """A download of exactly what a table shows, with source and licence on every row: from one shared source
    (`bron_id`), from the sources of many indicators (`indicator_ids`), or from the rows themselves."""
    if bron_id is not None:
        return export.met_bron(frame, *bron_en_licentie(g, bron_id))
    if indicator_ids is not None:
        return met_bronnen(g, frame, indicator_ids)
    return met_bron_en_licentie(g, frame)


def exportregels(g: Gegevens, indicator_id: str | None = None, jaar: int | None = None, niveau: str | None = None,
                 gebied: str | None = None) -> pd.DataFrame:
    """The rows behind a view, in the export format (with source and licence), for its download: one indicator
    (and year, level) or every indicator of one area. Nederland and the buurgemeenten come along as the reference
    they are on screen, each with its source."""
    w = g.waarden
    kies = w["indicator"] == indicator_id if indicator_id else pd.Series(True, index=w.index)
    if jaar is not None:
        kies &= w["jaar"] == jaar
    if niveau is not None:
        kies &= w["niveau"].isin([niveau, "gemeente", *VERGELIJKNIVEAUS])
    if gebied is not None:
        kies &= w["gebied_code"].isin([gebied, gemeente.huidige().code]) | w["niveau"].isin(VERGELIJKNIVEAUS)
    return w.loc[kies, export.EXPORTKOLOMMEN]


def documentbron(g: Gegevens, bron_id: str | None, vindplaats: str | None, extra: str = "") -> str:
    """'Bron: [uitgever, titel](url), vindplaats' for a text or survey taken from one document."""
    bronnen = g.bron_per_id
    if bron_id in bronnen.index:
        b = bronnen.loc[bron_id]
        regel = f"Bron: [{b['uitgever']}, {b['titel']}]({b['url']})"
    else:
        regel = "Bron: onbekend"
    return regel + (f", {vindplaats}" if vindplaats else "") + extra
