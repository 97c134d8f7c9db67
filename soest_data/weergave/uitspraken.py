"""What the texts say per wijk × opgave, beside the tally: the one source for every page, the slides and the factsheet.

The stance comes from data/uitspraken.yaml only (aandacht, geen_aandacht or gemengd, with every sentence of the passage
that bears on it, quoted). The thematic notes in data/verhalen.yaml (sterk, aandacht) describe a wijk; they never
decide this stance. Where the text takes a position (aandacht / geen_aandacht) and the tally has judged indicators,
`eens` says whether they agree; where they differ, every place that shows either says so and links to the explanation
on /aandacht. Pure pandas.
"""
from __future__ import annotations

from html import escape

import pandas as pd

from soest_data import opmaak
from soest_data.begrippen import UITSPRAAK_OORDELEN

UITLEG_ANKER = "tekst-en-telling"
UITLEG_LINK = f"/aandacht#{UITLEG_ANKER}"
KORT = {"aandacht": "aandacht", "geen_aandacht": "geen aandacht (goed of gemiddeld)", "gemengd": "gemengd"}
KOLOMMEN = ["gebied_code", "gebied_naam", "opgave", "telling", "valt_op", "met_oordeel", "profiel", "citaten", "eens",
            "zin"]


def standpunten(tel: pd.DataFrame, uitspraken: pd.DataFrame) -> pd.DataFrame:
    """One row per wijk × opgave of `tel` (the one tally, with its `tekst`): the text's stance (`profiel`: aandacht,
    geen_aandacht, gemengd or '' when the text says nothing), its quotes, and `eens` (True/False where the text takes
    a position and the tally judged indicators, else None), plus `zin`, the stance in one plain sentence."""
    profiel = uitspraken.set_index(["gebied", "opgave"]) if len(uitspraken) else None
    rijen = []
    for _, r in tel.iterrows():
        sleutel = (r["gebied_code"], r["opgave"])
        u = profiel.loc[sleutel] if profiel is not None and sleutel in profiel.index else None
        oordeel = u["oordeel"] if u is not None else ""
        eens = None
        if oordeel in ("aandacht", "geen_aandacht") and r["met_oordeel"]:
            eens = bool(r["valt_op"]) == (oordeel == "aandacht")
        rij = {"gebied_code": r["gebied_code"], "gebied_naam": r["gebied_naam"], "opgave": r["opgave"],
               "telling": r.get("tekst", ""), "valt_op": bool(r["valt_op"]), "met_oordeel": int(r["met_oordeel"]),
               "profiel": oordeel, "citaten": list(u["citaten"]) if u is not None else [], "eens": eens}
        rij["zin"] = zin(rij) if profiel is not None else ""  # no wijkprofielen at all: nothing to say per wijk
        rijen.append(rij)
    return pd.DataFrame(rijen, columns=KOLOMMEN)


def zin(r) -> str:
    """'Wijkprofiel: aandacht; de telling zegt hetzelfde (valt op).' — or, where they differ, a sentence that says so
    and where the explanation is. Plain text (no markdown), for pages and the factsheet alike."""
    if not r["profiel"]:
        return "De wijkprofielen en de Visie zeggen hier niets over."
    kop = f"Wijkprofiel/Visie: {KORT[r['profiel']]}"
    telling = "valt op" if r["valt_op"] else "valt niet op"
    if r["eens"] is None:
        reden = ("de tekst " + UITSPRAAK_OORDELEN[r["profiel"]]) if r["profiel"] == "gemengd" else \
            "de telling heeft hier geen cijfers met een oordeel"
        return f"{kop}; niet vergeleken met de telling ({reden})."
    if r["eens"]:
        return f"{kop}; de telling zegt hetzelfde ({telling})."
    return (f"{kop}, maar in de telling {telling}: tekst en telling verschillen. Waarom dat kan, staat op Aandacht "
            "per opgave onder 'Telling en tekst'.")


def zin_met_link(r) -> str:
    """`zin` for a page (markdown): where text and tally differ, the explanation is a link."""
    tekst = r["zin"]
    return tekst.replace("Aandacht per opgave onder 'Telling en tekst'",
                         f"[Aandacht per opgave, 'Telling en tekst']({UITLEG_LINK})")


def zin_html(r) -> str:
    """`zin` for an HTML card: escaped, the explanation as a link."""
    tekst = escape(r["zin"])
    return tekst.replace(escape("Aandacht per opgave onder 'Telling en tekst'"),
                         f"<a href='{UITLEG_LINK}'>Aandacht per opgave, 'Telling en tekst'</a>")


def van(standpunten_: pd.DataFrame, gebied: str, opgave: str) -> pd.Series | None:
    """The row of one wijk × opgave, or None."""
    rij = standpunten_[(standpunten_["gebied_code"] == gebied) & (standpunten_["opgave"] == opgave)]
    return rij.iloc[0] if len(rij) else None


def verschillen(standpunten_: pd.DataFrame, opgave: str | None = None) -> pd.DataFrame:
    """The cells where text and tally differ (of one opgave, or all)."""
    deel = standpunten_ if opgave is None else standpunten_[standpunten_["opgave"] == opgave]
    return deel[deel["eens"].map(lambda e: e is False)]


def telling_en_tekst(standpunten_: pd.DataFrame) -> tuple[int, int]:
    """(agree, compared): in how many of the cells where the text takes a position and the tally has judged
    indicators the two agree."""
    vergeleken = standpunten_[standpunten_["eens"].notna()]
    return int(vergeleken["eens"].astype(bool).sum()), len(vergeleken)


def opgave_regels(standpunten_: pd.DataFrame, opgave: str) -> str:
    """Per wijk of one opgave its stance sentence, as a markdown list (the opgave page)."""
    deel = standpunten_[standpunten_["opgave"] == opgave]
    return "\n".join(f"- **{r['gebied_naam']}**: {zin_met_link(r)}" for _, r in deel.iterrows())


def verschil_regel(standpunten_: pd.DataFrame, opgave: str) -> str:
    """For an opgave's card on the start page: '' when text and tally agree everywhere, else 'Tekst en telling
    verschillen in Overhees en Soesterberg (uitleg).' (markdown, with the link)."""
    deel = verschillen(standpunten_, opgave)
    if deel.empty:
        return ""
    return f"Tekst en telling verschillen in {opmaak.opsomming(list(deel['gebied_naam']))} ([uitleg]({UITLEG_LINK}))."
