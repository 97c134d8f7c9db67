"""Aandacht per opgave: which wijken score clearly unfavourably on an opgave's kernset. Pure pandas/Altair.

The count itself is `scoring.tel_per_opgave` (the one tally every page shows); this module words it, draws the
matrix, lists the indicators behind each cell, sets it beside what the wijkprofielen say (data/uitspraken.yaml) and
writes the machine-readable matrix. docs/METHODE.md explains and justifies the rule.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import altair as alt
import pandas as pd

from soest_data import opmaak, scoring
from soest_data.begrippen import OPGAVEN, RELATIEF, ROLLEN, UITKOMST, UITSPRAAK_OORDELEN, VIJF_OPGAVEN
from soest_data.gemeente import GEMEENTE
from soest_data.rijen import als_dicts
from soest_data.weergave import grafieken, regio
from soest_data.weergave.sjabloon import Sjabloon, gat
from soest_data.weergave.uitspraken import KORT, standpunten

MARGES = list(range(0, 55, 5))  # the slider and ?marge= accept these percentages
VALT_OP_MINIMUM = scoring.VALT_OP_MINIMUM
MATRIX_KOLOMMEN = ["gebied_code", "opgave", "ongunstig", "beoordeeld", "oordeel", "marge", "kernset", "regel"]

# Share of unfavourable indicators → a light-to-dark class (YlOrBr, colour-blind safe). The words in the cell
# carry the meaning; the colour only repeats it.
_KLASSEN = [(0.0, "geen ongunstig"), (0.25, "tot een kwart ongunstig"), (0.5, "een kwart tot de helft"),
            (0.75, "de helft tot driekwart"), (1.01, "driekwart of meer")]
_ORDE = {scoring.ONGUNSTIG: 0, scoring.ROND: 1, scoring.GUNSTIG: 2, scoring.ONBEKEND: 3}


def regel_in_woorden(marge: float) -> str:
    """The rule as it stands on the page, with the chosen margin, in plain Dutch."""
    pct = opmaak.getal(marge * 100, 0)
    pp = opmaak.getal(marge * scoring.PROCENTPUNT_PER_MARGE, 1)
    return (f"Per opgave tellen we een vaste **kernset**: één indicator per onderwerp uit de doelen van de opgave "
            f"('We willen dat …'). Een indicator is **duidelijk ongunstig** als de wijk de verkeerde kant op afwijkt "
            f"van heel {GEMEENTE.naam}, en wel: bij een **percentage** meer dan **{pp} procentpunt**; bij een **bedrag, "
            f"aantal per 1.000 of afstand** meer dan **{pct} %** van de {GEMEENTE.eigen('waarde')}. Een verschil dat binnen de "
            f"afronding van de bron valt (zoals 1,0 tegen 0,9 km) telt altijd als rond het gemiddelde. Uitspraken uit "
            f"de wijkprofielen ('hoger dan gemiddeld') tellen zoals ze zijn geschreven; 'iets hoger' is rond het "
            f"gemiddelde. **Zorggebruik** (jeugdhulp, Wmo, ggz) krijgt geen oordeel: veel gebruik kan veel behoefte "
            f"betekenen, of juist dat hulp goed gevonden wordt. Ontbreekt een cijfer, dan telt het niet mee (ook niet "
            f"als nul). Een opgave **valt op** als minstens de helft van de kernset-indicatoren met een oordeel "
            f"ongunstig is, en minstens {VALT_OP_MINIMUM}.")


def waarom_in_woorden() -> list[str]:
    """Why this rule, in plain Dutch (docs/METHODE.md has the long version with sources)."""
    return [
        "**Procentpunten bij percentages.** Bij een percentage is het verschil in procentpunten eerlijker dan een "
        f"percentage van het {GEMEENTE.eigen('cijfer')}: 4 procentpunt meer overgewicht is veel, ook al is het 'maar' 8 % meer. "
        "Gezondheidsmonitors van GGD'en vergelijken buurten ook in procentpunten.",
        f"**Procenten bij bedragen en tarieven.** Zoals het Rotterdamse Wijkprofiel: daar is 90 tot 110 ({GEMEENTE.naam} = 100) "
        "'rond gemiddelde'. Onze standaardmarge van 10 % is die band.",
        "**Afronding.** Cijfers zijn afgerond. Verschillen twee cijfers maar één afrondingsstap (1,0 tegen 0,9 km), "
        "dan kan het echte verschil nul zijn: dat telt als rond het gemiddelde.",
        "**Eén cijfer per onderwerp.** Meet het CBS en het wijkprofiel hetzelfde (zoals een laag inkomen), dan telt "
        "het nieuwste cijfer en staat het andere ernaast. Samenvattende oordelen uit de wijkprofielen citeren we.",
        "**Zorggebruik zonder oordeel.** Veel jeugdhulp of Wmo kan veel behoefte betekenen, maar ook dat hulp goed "
        "gevonden wordt — wat de Visie juist wil.",
    ]


def telling(beoordeeld: pd.DataFrame, wijken: pd.DataFrame, kernset: dict[str, list[str]]) -> pd.DataFrame:
    """scoring.tel_per_opgave plus opgave_naam and the cell text ('3 van 5 ongunstig ▼ — valt op')."""
    tel = scoring.tel_per_opgave(beoordeeld, wijken, kernset)
    tel["opgave_naam"] = tel["opgave"].map(OPGAVEN)
    tel["tekst"] = [cel_tekst(o, m, g, v, z) for o, m, g, v, z in
                    zip(tel["ongunstig"], tel["met_oordeel"], tel["geen_gegevens"], tel["valt_op"], tel["zonder_soest"])]
    return tel


def oordeel_tekst(valt_op: bool, met_oordeel: int) -> str:
    return "geen gegevens" if not met_oordeel else ("valt op" if valt_op else "valt niet op")


def matrix_tabel(tel: pd.DataFrame, marge: float) -> pd.DataFrame:
    """The machine-readable matrix (download and CLI): one row per wijk × opgave."""
    regel = (f"kernset per opgave; ongunstig = verkeerde kant op, meer dan "
             f"{opmaak.getal(marge * scoring.PROCENTPUNT_PER_MARGE, 1)} procentpunt (percentages) of "
             f"{opmaak.getal(marge * 100, 0)} % van {GEMEENTE.naam} (overige), niet binnen de afronding; valt op = minstens de "
             f"helft van de beoordeelde indicatoren en minstens {VALT_OP_MINIMUM}")
    return pd.DataFrame({
        "gebied_code": tel["gebied_code"], "opgave": tel["opgave"], "ongunstig": tel["ongunstig"],
        "beoordeeld": tel["met_oordeel"], "oordeel": [oordeel_tekst(v, m) for v, m in zip(tel["valt_op"], tel["met_oordeel"])],
        "marge": round(marge * 100), "kernset": tel["kernset"], "regel": regel,
    }, columns=MATRIX_KOLOMMEN)


def matrix_csv(tel: pd.DataFrame, marge: float) -> bytes:
    """The machine-readable matrix as CSV (comma, decimal point, UTF-8): the same bytes on /aandacht and from the CLI."""
    return matrix_tabel(tel, marge).to_csv(index=False).encode("utf-8")


def cel_tekst(ongunstig: int, met_oordeel: int, geen_gegevens: int = 0, valt_op: bool = False,
              zonder_soest: int = 0) -> str:
    """'3 van 7 ongunstig ▼', '0 van 7 ongunstig', '– geen gegevens'; '(valt op)' and missing ones added."""
    if met_oordeel == 0:
        return "– geen gegevens"
    tekst = f"{ongunstig} van {met_oordeel} ongunstig" + (" ▼" if ongunstig else "")
    if valt_op:
        tekst += " — valt op"
    if geen_gegevens:
        tekst += f" ({geen_gegevens} zonder gegevens)"
    if zonder_soest:
        tekst += f" ({zonder_soest} zonder {GEMEENTE.eigen('cijfer')})"
    return tekst


def matrix(tel: pd.DataFrame) -> pd.DataFrame:
    """Wijk × opgave as a table of words: the text alternative of the matrix chart."""
    tabel = tel.pivot(index="gebied_naam", columns="opgave", values="tekst")
    tabel = tabel.reindex(index=list(dict.fromkeys(tel["gebied_naam"])), columns=VIJF_OPGAVEN)
    tabel.columns = [OPGAVEN[o] for o in tabel.columns]
    return tabel.rename_axis("Wijk").reset_index()


def rangorde(tel: pd.DataFrame, opgave: str) -> pd.DataFrame:
    """The wijken of one opgave, most unfavourable first: share, then count, then fewer missing; ties keep the
    wijk-code order (stable sort), so equal wijken are listed side by side and never one hidden behind another."""
    deel = tel[tel["opgave"] == opgave].copy()
    deel["_aandeel"] = deel["aandeel"].fillna(-1)
    deel = deel.sort_values(["_aandeel", "ongunstig", "gebied_code"], ascending=[False, False, True], kind="stable")
    return deel.drop(columns="_aandeel").reset_index(drop=True)


def aandachtswijken(tel: pd.DataFrame, opgave: str) -> list[str]:
    """Names of the wijken where this opgave stands out (valt op), most unfavourable first."""
    rang = rangorde(tel, opgave)
    return list(rang.loc[rang["valt_op"], "gebied_naam"])


def opgave_zin(tel: pd.DataFrame, opgave: str) -> str:
    """One sentence per opgave for the page: which wijken stand out, or that none does."""
    namen = aandachtswijken(tel, opgave)
    naam = OPGAVEN[opgave]
    if tel.loc[tel["opgave"] == opgave, "met_oordeel"].sum() == 0:
        return f"**{naam}**: nog geen cijfers per wijk met een oordeel."
    if not namen:
        return f"**{naam}**: geen wijk waar minstens de helft van de indicatoren ongunstig is."
    return f"**{naam}**: valt op in {opmaak.opsomming(namen)}."


def wijk_zinnen(tel: pd.DataFrame, wijk: str) -> list[str]:
    """For one wijk, per opgave a sentence with the count and the indicators behind it, most unfavourable first."""
    deze = tel[tel["gebied_code"] == wijk].copy()
    deze["_aandeel"] = deze["aandeel"].fillna(-1)
    deze = deze.sort_values(["_aandeel", "ongunstig"], ascending=False, kind="stable")
    zinnen = []
    for _, r in deze.iterrows():
        kop = f"**{r['opgave_naam']}** — {r['tekst']}"
        if r["ongunstige_indicatoren"]:
            kop += ": " + ", ".join(r["ongunstige_indicatoren"])
        zinnen.append(kop)
    return zinnen


def kernrijen(beoordeeld: pd.DataFrame) -> pd.DataFrame:
    """The rows that count: kernset indicators of the five opgaven."""
    if beoordeeld.empty:
        return beoordeeld
    return beoordeeld[beoordeeld["opgave"].isin(VIJF_OPGAVEN) & beoordeeld["kern"]]


def grenzen(beoordeeld: pd.DataFrame) -> list[str]:
    """The limits of the count, in plain words, with the numbers of the data at hand."""
    rijen = kernrijen(beoordeeld)
    per_indicator = rijen.drop_duplicates("indicator") if len(rijen) else rijen
    totaal = len(per_indicator)
    model = int(per_indicator["modelschatting"].astype(bool).sum()) if totaal else 0
    relatief = int((per_indicator["soort"] == "relatief").sum()) if totaal else 0
    jaren = sorted({t for t in rijen["jaar_tekst"] if t}) if totaal else []
    zinnen = [
        f"**Modelschattingen.** {model} van de {totaal} indicatoren die meetellen "
        f"{'is een schatting' if model == 1 else 'zijn schattingen'} (de gezondheidsmonitor van RIVM en GGD), geen "
        f"tellingen. Het RIVM geeft per wijk geen foutmarge; kleine verschillen zeggen daar weinig."
        if model else "**Modelschattingen.** Er tellen nu geen modelschattingen mee.",
        f"**Verschillende jaren.** De cijfers komen uit {opmaak.opsomming([str(j) for j in jaren])}. We nemen per indicator "
        f"het laatste jaar; een wijk kan sindsdien veranderd zijn." if jaren else
        "**Verschillende jaren.** Er zijn nog geen cijfers per wijk.",
        (f"**Uitspraken zonder getal.** {relatief} "
         f"{'indicator is een uitspraak' if relatief == 1 else 'indicatoren zijn uitspraken'} uit de wijkprofielen "
         f"('hoger dan gemiddeld'). Die tellen mee zoals ze zijn geschreven; de marge verandert ze niet.") if relatief else
        "**Uitspraken zonder getal.** Er telt nu geen uitspraak uit de wijkprofielen mee.",
        "**Tellen is geen wegen.** Elk onderwerp telt één keer: van twee cijfers voor hetzelfde begrip (CBS en "
        "wijkprofiel) telt er één, het andere staat ernaast. Lees altijd welke indicatoren erachter zitten.",
        "**Gemiddelden verbergen verschillen.** Een wijk kan buurten hebben die heel verschillend zijn; de kaart "
        "toont ook de buurten.",
    ]
    return zinnen


def telt_mee(r: Mapping, zelfde: dict[str, str], labels: dict[str, str]) -> str:
    """Why an indicator does or does not count in the tally, in words."""
    if r.get("kern"):
        return "ja (kernset)"
    if r.get("rol") != UITKOMST:
        return "nee: " + ROLLEN.get(r.get("rol"), "").split(": ", 1)[-1]
    if r["indicator"] in zelfde:
        return f"nee: zelfde begrip als '{labels.get(zelfde[r['indicator']], zelfde[r['indicator']])}'"
    return "nee: buiten de kernset" if r.get("richting") != "neutraal" else "nee: geen richting"


def detailkolommen() -> list[str]:
    """The columns of `details` before any reference column (with the gemeente's name as it is set now)."""
    return ["Wijk", "Opgave", "Indicator", "Telt mee", "Oordeel", "Wijk-waarde", GEMEENTE.naam,
            f"Verschil met {GEMEENTE.naam}", "Drempel", "Beter is", "Jaar", "Modelschatting", "Bron"]


def details(beoordeeld: pd.DataFrame, wijken: pd.DataFrame, wijk: str | None = None, opgave: str | None = None,
            zelfde: dict[str, str] | None = None, alleen_kern: bool = False,
            referenties: pd.DataFrame | None = None) -> pd.DataFrame:
    """The indicators behind the cells: per wijk × indicator the wijk value, Soest, the gap, the threshold, the
    judgement and whether it counts. Kernset first (a wijk without a figure keeps its row), then the other indicators
    of the opgave (shown, not counted). Readable columns, for the page and for the download. With `referenties`
    (regio.referenties) a column per reference area right after Soest, in the row's year: only to read beside Soest,
    the judgement and the count stay against Soest."""
    return met_referenties(*details_zonder_referenties(beoordeeld, wijken, wijk, opgave, zelfde, alleen_kern),
                           referenties)


def details_zonder_referenties(beoordeeld: pd.DataFrame, wijken: pd.DataFrame, wijk: str | None = None,
                               opgave: str | None = None, zelfde: dict[str, str] | None = None,
                               alleen_kern: bool = False) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """`details` without reference columns, and each row's (indicator, jaar) for `met_referenties` (None: no rows
    to add them to): the costly part, a text per cell, the same whichever references a visitor switches on."""
    if beoordeeld.empty:
        return pd.DataFrame(columns=detailkolommen()), None
    rijen = beoordeeld[beoordeeld["opgave"].isin(VIJF_OPGAVEN)]
    if alleen_kern:
        rijen = rijen[rijen["kern"]]
    per_indicator = rijen.drop_duplicates("indicator").drop(columns=["gebied_code", "gebied_naam"])
    rooster = wijken[["code", "naam"]].rename(columns={"code": "gebied_code", "naam": "gebied_naam"}).merge(
        per_indicator[["indicator"]], how="cross")
    eigen = ["indicator", "label", "opgave", "volgorde", "kern", "rol", "richting", "eenheid", "modelschatting"]
    volledig = rooster.merge(per_indicator[eigen], on="indicator").merge(
        rijen.drop(columns=[k for k in eigen if k != "indicator"] + ["gebied_naam"]), on=["gebied_code", "indicator"],
        how="left")
    volledig["oordeel"] = volledig["oordeel"].fillna(scoring.ONBEKEND)
    if wijk is not None:
        volledig = volledig[volledig["gebied_code"] == wijk]
    if opgave is not None:
        volledig = volledig[volledig["opgave"] == opgave]
    volledig = volledig.assign(_orde=volledig["oordeel"].map(_ORDE).fillna(1), _kern=~volledig["kern"].astype(bool),
                               _opgave=volledig["opgave"].map(VIJF_OPGAVEN.index)).sort_values(
        ["gebied_code", "_opgave", "_kern", "_orde", "volgorde"], kind="stable")
    labels = dict(zip(per_indicator["indicator"], per_indicator["label"]))
    kolommen = detailkolommen()
    naam, verschilkop = GEMEENTE.naam, kolommen[7]  # once, not per row (the setting is looked up on every use)
    uit = [{
        "Wijk": r["gebied_naam"], "Opgave": OPGAVEN[r["opgave"]], "Indicator": r["label"],
        "Telt mee": telt_mee(r, zelfde or {}, labels),
        "Oordeel": scoring.oordeel_symbool(r["oordeel"], r.get("waarde"), r.get("soest")),
        "Wijk-waarde": _wijkwaarde(r), naam: _soestwaarde(r),
        verschilkop: scoring.verschil_in_woorden(r.get("waarde"), r.get("soest"), r["eenheid"]),
        "Drempel": scoring.drempel_in_woorden(r.get("soest"), r["eenheid"], r["_marge"], r.get("stap") or 0.0)
        if scoring.wordt_beoordeeld(r["richting"], r["rol"]) and not pd.isna(r.get("waarde")) else "–",
        "Beter is": {"hoger_is_beter": "hoger", "lager_is_beter": "lager"}.get(r["richting"], "")
        if scoring.wordt_beoordeeld(r["richting"], r["rol"]) else "",
        "Jaar": r.get("jaar_tekst") or "",
        "Modelschatting": "ja" if r.get("modelschatting") is True else "nee",
        "Bron": "" if pd.isna(r.get("bron_titel")) else r["bron_titel"],
    } for r in als_dicts(volledig.assign(_marge=_marge_van(beoordeeld)))]
    return pd.DataFrame(uit, columns=kolommen), volledig[["indicator", "jaar"]].reset_index(drop=True)


def met_referenties(tabel: pd.DataFrame, paren: pd.DataFrame | None, referenties: pd.DataFrame | None
                    ) -> pd.DataFrame:
    """The table of `details_zonder_referenties` (not changed) with the reference areas' sources and columns."""
    if paren is None:
        return tabel
    tabel = tabel.copy()
    tabel["Bron"] = regio.met_referentiebronnen(paren, tabel["Bron"], referenties)
    extra = regio.referentiekolommen(paren, referenties)
    for i, kolom in enumerate(extra.columns):
        tabel.insert(detailkolommen().index(GEMEENTE.naam) + 1 + i, kolom, extra[kolom].to_numpy())
    return tabel


def _marge_van(beoordeeld: pd.DataFrame) -> float:
    return float(beoordeeld["marge"].iloc[0]) if "marge" in beoordeeld and len(beoordeeld) else scoring.STANDAARD_MARGE


def _wijkwaarde(r: Mapping) -> str:
    if not pd.isna(r.get("waarde")):
        return opmaak.waarde_met_eenheid(r["waarde"], r["eenheid"])
    if isinstance(r.get("relatief"), str) and r["relatief"]:
        return RELATIEF[r["relatief"]]
    return scoring.status_in_woorden(r.get("status") if isinstance(r.get("status"), str) else None)


def _soestwaarde(r: Mapping) -> str:
    if pd.isna(r.get("soest")):
        if isinstance(r.get("relatief"), str) and r["relatief"]:
            return f"gemiddelde van {GEMEENTE.naam}"
        return f"geen {GEMEENTE.eigen('cijfer')}" if not pd.isna(r.get("waarde")) else "geen gegevens"
    return opmaak.waarde_met_eenheid(r["soest"], r["eenheid"])


# --- what the wijkprofielen say ------------------------------------------------------------------------------------

def overeenstemming(tel: pd.DataFrame, uitspraken: pd.DataFrame, beoordeeld: pd.DataFrame | None = None
                    ) -> pd.DataFrame:
    """Per wijk × opgave the tally beside what the wijkprofielen say: `eens` is True/False where the text takes a
    position (aandacht / geen_aandacht) and the tally has judged indicators, else None (not compared). With
    `beoordeeld`, `cijfers` lists the kernset figures of the cell (wijk and Soest), to show where they disagree.
    The stance and `eens` come from the one function for it, uitspraken.standpunten."""
    uit = standpunten(tel, uitspraken)
    kern = kernrijen(beoordeeld) if beoordeeld is not None and len(beoordeeld) else pd.DataFrame()
    per_cel: dict[tuple[str, str], list[str]] = {}
    if len(kern):
        for c in als_dicts(kern.sort_values("volgorde", kind="stable")):
            per_cel.setdefault((c["gebied_code"], c["opgave"]), []).append(
                f"{c['label']} {_wijkwaarde(c)} ({GEMEENTE.naam} {_soestwaarde(c)}) "
                f"{scoring.SYMBOOL[c['oordeel']].split(' ')[0]}")
    return uit.assign(cijfers=[per_cel.get(cel, []) for cel in zip(uit["gebied_code"], uit["opgave"])])


def profiel_zinnen(overeen: pd.DataFrame, opgave: str) -> list[str]:
    """Per wijk a short block for the page: the tally and whether it agrees with the text, then the quotes; where
    they differ, the kernset figures (wijk and Soest) too."""
    zinnen = []
    for _, r in overeen[overeen["opgave"] == opgave].iterrows():
        if not r["citaten"]:
            zinnen.append(f"**{r['gebied_naam']}** — telling: {r['telling']}. *De wijkprofielen zeggen hier niets over.*")
            continue
        oordeel_ = {True: "✔ telling en tekst zijn het eens", False: "✘ telling en tekst verschillen",
                    None: "niet vergeleken: de tekst " + UITSPRAAK_OORDELEN.get(r["profiel"], "")}[r["eens"]]
        regels = [f"**{r['gebied_naam']}** — telling: {r['telling']} · tekst: {KORT[r['profiel']]} · **{oordeel_}**"]
        regels += [f"*\"{c['tekst']}\"* ({c['vindplaats']})" for c in r["citaten"]]
        if r["eens"] is False and r["cijfers"]:
            regels.append("De cijfers: " + "; ".join(r["cijfers"]) + ".")
        zinnen.append("  \n".join(regels))
    return zinnen


def klasse(aandeel: float) -> int:
    """0..4: the colour class of a share of unfavourable indicators; -1 without judged indicators."""
    if pd.isna(aandeel):
        return -1
    if aandeel == 0:
        return 0
    for i, (grens, _) in enumerate(_KLASSEN[1:], start=1):
        if aandeel < grens:
            return i
    return len(_KLASSEN) - 1


# The light half of the same YlOrBr scale for the narrow matrix (matrixstapel): black text on a coloured line stays
# readable on every class (≥ 6:1).
STAPELSCHAAL = ["#fff7bc", "#fee391", "#fec44f", "#fe9929", "#ec7014"]


def legenda(smal: bool = False) -> pd.DataFrame:
    """Colour + meaning per class (for ui.legenda), in the colours of the wide matrix or (`smal`) the narrow one:
    the words carry the meaning."""
    betekenis = ["0 ongunstig", "minder dan een kwart ongunstig", "een kwart tot de helft ongunstig",
                 "de helft tot driekwart ongunstig (valt op bij minstens 2)",
                 "driekwart of meer ongunstig (valt op bij minstens 2)"]
    return pd.DataFrame({"kleur": (STAPELSCHAAL if smal else opmaak.SCHAAL_ONGUNSTIG) + [opmaak.KLEUR_GEEN_GEGEVENS],
                         "betekenis": betekenis + ["geen gegevens"]})


_KOPPEN = {"Bestaanszekerheid": "Bestaans-\nzekerheid", "Kansengelijkheid": "Kansen-\ngelijkheid"}


def _twee_regels(naam: str) -> str:
    """Column head over two lines, so five columns fit a narrow screen: 'Meedoen en inclusie' → 'Meedoen en\ninclusie'
    (the space nearest the middle), 'Bestaanszekerheid' → 'Bestaans-\nzekerheid'."""
    if naam in _KOPPEN:
        return _KOPPEN[naam]
    spaties = [i for i, c in enumerate(naam) if c == " "]
    if not spaties:
        return "\n" + naam  # an empty first line, so every head ends on the same baseline
    i = min(spaties, key=lambda s: abs(s - len(naam) / 2))
    return naam[:i] + "\n" + naam[i + 1:]


WIJKEN_IN_MATRIX = 40  # more rows are not read on a beamer or a phone: a large gemeente shows the ones that stand out


def in_de_matrix(tel: pd.DataFrame, uitgelicht: str | None = None, hoeveel: int = WIJKEN_IN_MATRIX) -> pd.DataFrame:
    """The tally's rows a wijk × opgave picture shows: every wijk, or in a gemeente of more than `hoeveel` wijken
    the `hoeveel` with the most clearly unfavourable indicators over the opgaven in `tel` (ties: the first in wijk
    order), plus the highlighted wijk; in wijk order."""
    per_wijk = tel.groupby("gebied_code", sort=False)["ongunstig"].sum()
    if len(per_wijk) <= hoeveel:
        return tel
    meeste = per_wijk.sort_values(ascending=False, kind="stable")  # equal counts keep the wijk order
    gekozen = set(meeste.index[:hoeveel]) | ({uitgelicht} if uitgelicht in per_wijk.index else set())
    return tel[tel["gebied_code"].isin(gekozen)]


def matrixgrafiek(tel: pd.DataFrame, uitgelicht: str | None = None, breedte: int | str = "container",
                  hoogte_per_wijk: int = 58) -> dict:
    """Wijk × opgave grid: each cell says '3 van 7 ▼' in words; the colour (light → dark) repeats the share.

    A highlighted wijk gets a ◆ before its name and a black frame around its row. By default the grid takes the
    width of its container (st.altair_chart(..., width="stretch")), so it fits a phone-narrow column too.
    A Vega-Lite dict (sjabloon.py).
    """
    namen = {c: ("◆ " + n if c == uitgelicht else n) for c, n in zip(tel["gebied_code"], tel["gebied_naam"])}
    data = tel.assign(
        wijk=tel["gebied_code"].map(namen),
        klasse=[str(klasse(a)) for a in tel["aandeel"]],
        regel1=[f"{o} van {m}" + (" ▼" if o else "") if m else "geen" for o, m in zip(tel["ongunstig"], tel["met_oordeel"])],
        regel2=["valt op" if v else ("ongunstig" if m else "gegevens") for v, m in zip(tel["valt_op"], tel["met_oordeel"])],
        tekstkleur=["#FFFFFF" if klasse(a) >= 4 else opmaak.TEKSTKLEUR for a in tel["aandeel"]],  # white on dark
        uitgelicht=tel["gebied_code"] == uitgelicht,
        aandeel_tekst=[("–" if pd.isna(a) else f"{opmaak.getal(a * 100, 0)} %") for a in tel["aandeel"]],
        lijst=[", ".join(namen) if namen else "–" for namen in tel["ongunstige_indicatoren"]],
    )[["wijk", "opgave_naam", "klasse", "regel1", "regel2", "tekstkleur", "uitgelicht", "tekst", "aandeel_tekst",
       "lijst", "valt_op"]]
    wijkvolgorde = list(dict.fromkeys(data["wijk"]))
    return _matrixsjabloon(breedte, uitgelicht in set(tel["gebied_code"])).vul(
        {"matrix": data, "koppen": _KOPRIJEN}, wijkvolgorde=wijkvolgorde,
        height=hoogte_per_wijk * len(wijkvolgorde) + 50)


_OPGAVEVOLGORDE = [OPGAVEN[o] for o in VIJF_OPGAVEN]
# Column heads as text above the grid (axis labels would hide long names), split over two lines.
_KOPRIJEN = [{"opgave_naam": n, "kop": _twee_regels(n)} for n in _OPGAVEVOLGORDE]


@cache
def _matrixsjabloon(breedte: int | str, met_kader: bool) -> Sjabloon:
    kleuren = opmaak.SCHAAL_ONGUNSTIG + [opmaak.KLEUR_GEEN_GEGEVENS]
    x = alt.X("opgave_naam:N", sort=_OPGAVEVOLGORDE, title=None,
              axis=None)
    y = alt.Y("wijk:N", sort=[gat("wijkvolgorde")], title=None,
              axis=alt.Axis(labelFontSize=opmaak.LETTER, labelLimit=200, labelColor=opmaak.TEKSTKLEUR, domain=False, ticks=False))
    tooltip = [alt.Tooltip("wijk:N", title="Wijk"), alt.Tooltip("opgave_naam:N", title="Opgave"),
               alt.Tooltip("tekst:N", title="Ongunstig"), alt.Tooltip("aandeel_tekst:N", title="Aandeel"),
               alt.Tooltip("lijst:N", title="Ongunstige indicatoren")]
    basis = alt.Chart(alt.NamedData("matrix")).encode(x=x, y=y, tooltip=tooltip)
    vakken = basis.mark_rect(stroke="#FFFFFF", strokeWidth=3).encode(
        color=alt.Color("klasse:N", scale=alt.Scale(domain=["0", "1", "2", "3", "4", "-1"], range=kleuren),
                        legend=None))
    kader = basis.mark_rect(fill=None, stroke=opmaak.KLEUR_UITGELICHT, strokeWidth=4).transform_filter(
        "datum.uitgelicht")
    tekstkleur = alt.Color("tekstkleur:N", scale=None, legend=None)
    regel1 = basis.mark_text(fontSize=opmaak.LETTER_KOP, fontWeight="bold", dy=-10).encode(text=alt.Text("regel1:N"),
                                                                                         color=tekstkleur)
    regel2 = basis.mark_text(fontSize=opmaak.LETTER, dy=11).encode(text=alt.Text("regel2:N"), color=tekstkleur)
    kop = alt.Chart(alt.NamedData("koppen")).mark_text(
        fontSize=opmaak.LETTER, fontWeight="bold", baseline="bottom", lineBreak="\n", lineHeight=19,
        color=opmaak.TEKSTKLEUR, dy=-27).encode(
        x=alt.X("opgave_naam:N", sort=_OPGAVEVOLGORDE, axis=None), y=alt.YValue(0), text=alt.Text("kop:N"))
    # an empty frame layer would be an unlabelled graphic for screen readers
    lagen = [vakken, kader, regel1, regel2, kop] if met_kader else [vakken, regel1, regel2, kop]
    return Sjabloon(grafieken.stijl(alt.layer(*lagen).properties(
        width=breedte,
        description="Matrix van wijken en opgaven: per vak hoeveel indicatoren duidelijk ongunstig zijn. "
                    "Dezelfde gegevens staan in de tabel onder de grafiek.")))


def matrixstapel(tel: pd.DataFrame, uitgelicht: str | None = None) -> dict:
    """The wijk × opgave matrix for a narrow screen: per wijk its name, then one line per opgave with the count in
    words ('3 van 7 ▼ · valt op'); the colour behind each line repeats the share, as in the wide matrix."""
    kleuren = dict(zip(["0", "1", "2", "3", "4", "-1"], [*STAPELSCHAAL, opmaak.KLEUR_GEEN_GEGEVENS]))
    data = tel.assign(
        wijk=[("◆ " + n if c == uitgelicht else n) for c, n in zip(tel["gebied_code"], tel["gebied_naam"])],
        klasse=[str(klasse(a)) for a in tel["aandeel"]],
        regel=[(f"{o} van {m}" + (" ▼" if o else "") + (" · valt op" if v else "")) if m else "geen gegevens"
               for o, m, v in zip(tel["ongunstig"], tel["met_oordeel"], tel["valt_op"])])
    return grafieken.stapel(data, "wijk", "opgave_naam", "regel", "klasse", kleuren)
