"""Aandacht per opgave: which wijken score clearly unfavourably on many indicators of an opgave. Pure pandas/Altair.

The rule is open and has one knob, the margin:
- an indicator counts for a wijk only if it has a direction (higher is better / lower is better); neutral and
  descriptive indicators (age, household size) and absolute counts never count;
- it is *clearly unfavourable* when the wijk is more than `marge` (a share of the Soest value) on the wrong side
  of Soest, exactly the judgement of `scoring.beoordeel_wijken`; a value exactly on the edge is not "clearly";
- relative statements from the wijkprofielen count through scoring: 'hoger'/'hoogste' and 'lager'/'laagste'
  are clear, 'iets hoger'/'iets lager'/'gemiddeld' are around the average; the margin does not change them;
- missing values are neither favourable nor unfavourable: they are counted apart, never as zero;
- an opgave *valt op* for a wijk when at least half of its judged indicators, and at least two, are unfavourable.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from soest_data import opmaak, scoring
from soest_data.begrippen import OPGAVEN, RELATIEF, VIJF_OPGAVEN
from soest_data.weergave import grafieken

VALT_OP_AANDEEL = 0.5
VALT_OP_MINIMUM = 2
MARGES = list(range(0, 55, 5))  # the slider and ?marge= accept these percentages

# Share of unfavourable indicators → a light-to-dark class (YlOrBr, colour-blind safe). The words in the cell
# carry the meaning; the colour only repeats it.
_KLASSEN = [(0.0, "geen ongunstig"), (0.25, "tot een kwart ongunstig"), (0.5, "een kwart tot de helft"),
            (0.75, "de helft tot driekwart"), (1.01, "driekwart of meer")]
_ORDE = {scoring.ONGUNSTIG: 0, scoring.ROND: 1, scoring.GUNSTIG: 2, scoring.ONBEKEND: 3}


def regel_in_woorden(marge: float) -> str:
    """The rule as it stands on the page, with the chosen margin."""
    pct = opmaak.getal(marge * 100, 0)
    return (f"Een indicator telt als **duidelijk ongunstig** als de wijk meer dan **{pct} %** van de Soester waarde "
            f"afwijkt, en wel de verkeerde kant op (bijvoorbeeld meer inwoners met geldzorgen, of minder sporters). "
            f"Precies {pct} % verschil telt nog als 'rond het gemiddelde'. Alleen indicatoren waarbij hoger of lager "
            f"duidelijk beter is tellen mee; beschrijvende cijfers (zoals leeftijd of huishoudgrootte) en aantallen "
            f"niet. Uitspraken uit de wijkprofielen ('hoger dan gemiddeld', 'het hoogst van alle wijken') tellen "
            f"mee zoals ze zijn geschreven; 'iets hoger' of 'iets lager' telt als rond het gemiddelde. Ontbreekt een "
            f"cijfer, dan telt het niet mee (ook niet als nul). Een opgave **valt op** als minstens de helft van de "
            f"indicatoren met een oordeel ongunstig is, en minstens {VALT_OP_MINIMUM}.")


def _volledig(beoordeeld: pd.DataFrame, wijken: pd.DataFrame) -> pd.DataFrame:
    """Indicators with a direction in the five opgaven, one row per wijk × indicator: a wijk the source does not
    mention gets a row with oordeel 'onbekend' (missing stays visible, never zero)."""
    kolommen = ["gebied_code", "gebied_naam", "indicator", "label", "opgave", "volgorde", "oordeel"]
    if beoordeeld.empty:
        return pd.DataFrame(columns=kolommen)
    rijen = met_richting(beoordeeld)
    indicatoren = rijen[["indicator", "label", "opgave", "volgorde"]].drop_duplicates("indicator")
    rooster = wijken[["code", "naam"]].rename(columns={"code": "gebied_code", "naam": "gebied_naam"}).merge(
        indicatoren, how="cross")
    uit = rooster.merge(rijen.drop(columns=["gebied_naam", "label", "opgave", "volgorde"]),
                        on=["gebied_code", "indicator"], how="left")
    uit["oordeel"] = uit["oordeel"].fillna(scoring.ONBEKEND)
    return uit


def telling(beoordeeld: pd.DataFrame, wijken: pd.DataFrame) -> pd.DataFrame:
    """Per wijk × opgave: how many indicators are clearly unfavourable, out of how many with a judgement.

    `beoordeeld` comes from scoring.beoordeel_wijken (with the chosen margin); `wijken` has code and naam.
    Columns: gebied_code, gebied_naam, opgave, opgave_naam, ongunstig, gunstig, rond, met_oordeel, geen_gegevens,
    aandeel (NaN without judged indicators), valt_op, tekst, ongunstige_indicatoren (labels, catalogue order).
    """
    volledig = _volledig(beoordeeld, wijken)
    rijen = []
    for _, wijk in wijken.iterrows():
        deze = volledig[volledig["gebied_code"] == wijk["code"]]
        for opgave in VIJF_OPGAVEN:
            deel = deze[deze["opgave"] == opgave].sort_values("volgorde")
            tel = deel["oordeel"].value_counts()
            ongunstig, gunstig, rond = (int(tel.get(k, 0)) for k in (scoring.ONGUNSTIG, scoring.GUNSTIG, scoring.ROND))
            met_oordeel = ongunstig + gunstig + rond
            aandeel = ongunstig / met_oordeel if met_oordeel else float("nan")
            valt = bool(met_oordeel and ongunstig >= VALT_OP_MINIMUM and aandeel >= VALT_OP_AANDEEL)
            geen = int(tel.get(scoring.ONBEKEND, 0))
            rijen.append({
                "gebied_code": wijk["code"], "gebied_naam": wijk["naam"], "opgave": opgave,
                "opgave_naam": OPGAVEN[opgave], "ongunstig": ongunstig, "gunstig": gunstig, "rond": rond,
                "met_oordeel": met_oordeel, "geen_gegevens": geen, "aandeel": aandeel, "valt_op": valt,
                "tekst": cel_tekst(ongunstig, met_oordeel, geen, valt),
                "ongunstige_indicatoren": list(deel.loc[deel["oordeel"] == scoring.ONGUNSTIG, "label"]),
            })
    return pd.DataFrame(rijen)


def cel_tekst(ongunstig: int, met_oordeel: int, geen_gegevens: int = 0, valt_op: bool = False) -> str:
    """'3 van 7 ongunstig ▼', '0 van 7 ongunstig', '– geen gegevens'; '(valt op)' and missing ones added."""
    if met_oordeel == 0:
        return "– geen gegevens"
    tekst = f"{ongunstig} van {met_oordeel} ongunstig" + (" ▼" if ongunstig else "")
    if valt_op:
        tekst += " — valt op"
    if geen_gegevens:
        tekst += f" ({geen_gegevens} zonder gegevens)"
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


def met_richting(beoordeeld: pd.DataFrame) -> pd.DataFrame:
    """The rows that can count: the five opgaven, indicators with a direction."""
    if beoordeeld.empty:
        return beoordeeld
    return beoordeeld[beoordeeld["opgave"].isin(VIJF_OPGAVEN) & (beoordeeld["richting"] != "neutraal")]


def grenzen(beoordeeld: pd.DataFrame) -> list[str]:
    """The limits of the count, in plain words, with the numbers of the data at hand."""
    rijen = met_richting(beoordeeld)
    per_indicator = rijen.drop_duplicates("indicator") if len(rijen) else rijen
    totaal = len(per_indicator)
    model = int(per_indicator["modelschatting"].astype(bool).sum()) if totaal else 0
    relatief = int((per_indicator["soort"] == "relatief").sum()) if totaal else 0
    jaren = sorted({int(j) for j in rijen["jaar"].dropna()}) if totaal else []
    zinnen = [
        f"**Modelschattingen.** {model} van de {totaal} indicatoren die meetellen "
        f"{'is een schatting' if model == 1 else 'zijn schattingen'} (zoals de gezondheidsmonitor van RIVM en "
        f"GGD), geen tellingen. Kleine verschillen zeggen daar weinig."
        if model else "**Modelschattingen.** Er tellen nu geen modelschattingen mee.",
        f"**Verschillende jaren.** De cijfers komen uit {opmaak.opsomming([str(j) for j in jaren])}. We nemen per indicator "
        f"het laatste jaar; een wijk kan sindsdien veranderd zijn." if jaren else
        "**Verschillende jaren.** Er zijn nog geen cijfers per wijk.",
        (f"**Uitspraken zonder getal.** {relatief} "
         f"{'indicator is een uitspraak' if relatief == 1 else 'indicatoren zijn uitspraken'} uit de wijkprofielen "
         f"('hoger dan gemiddeld'). Die tellen mee zoals ze zijn geschreven; de marge verandert ze niet.") if relatief else
        ("**Uitspraken zonder getal.** Uitspraken als 'hoger dan gemiddeld' uit de wijkprofielen zouden meetellen "
         "zoals ze zijn geschreven; op dit moment telt er geen mee."),
        "**Tellen is geen wegen.** Elke indicator telt één keer. Sommige hangen sterk samen (zoals 'eenzaam' en "
        "'ernstig eenzaam'), en niet elke opgave heeft evenveel indicatoren. Lees daarom altijd welke indicatoren "
        "erachter zitten.",
        "**Gemiddelden verbergen verschillen.** Een wijk kan buurten hebben die heel verschillend zijn (zoals in "
        "De Eng-Soest-Midden en Soesterberg).",
    ]
    return zinnen


def details(beoordeeld: pd.DataFrame, wijken: pd.DataFrame, wijk: str | None = None,
            opgave: str | None = None) -> pd.DataFrame:
    """The indicators behind the cells: per wijk × indicator the wijk value, Soest, the difference and the judgement.

    Unfavourable first. Readable columns, for the page and for the download.
    """
    volledig = _volledig(beoordeeld, wijken)
    if wijk is not None:
        volledig = volledig[volledig["gebied_code"] == wijk]
    if opgave is not None:
        volledig = volledig[volledig["opgave"] == opgave]
    volledig = volledig.assign(_orde=volledig["oordeel"].map(_ORDE)).sort_values(
        ["gebied_code", "opgave", "_orde", "volgorde"], key=lambda k: k.map(VIJF_OPGAVEN.index) if k.name == "opgave"
        else k, kind="stable")
    rijen = []
    for _, r in volledig.iterrows():
        rijen.append({
            "Wijk": r["gebied_naam"], "Opgave": OPGAVEN[r["opgave"]], "Indicator": r["label"],
            "Oordeel": scoring.SYMBOOL[r["oordeel"]],
            "Wijk-waarde": _wijkwaarde(r), "Soest": _soestwaarde(r), "Verschil met Soest": _verschil(r),
            "Jaar": "" if pd.isna(r.get("jaar")) else str(int(r["jaar"])),
            "Modelschatting": "ja" if r.get("modelschatting") is True else "nee",
            "Beter is": {"hoger_is_beter": "hoger", "lager_is_beter": "lager"}.get(r.get("richting"), ""),
            "Bron": "" if pd.isna(r.get("bron_titel")) else r["bron_titel"],
        })
    kolommen = ["Wijk", "Opgave", "Indicator", "Oordeel", "Wijk-waarde", "Soest", "Verschil met Soest", "Beter is",
                "Jaar", "Modelschatting", "Bron"]
    return pd.DataFrame(rijen, columns=kolommen)


def _wijkwaarde(r: pd.Series) -> str:
    if not pd.isna(r.get("waarde")):
        return opmaak.waarde_met_eenheid(r["waarde"], r["eenheid"])
    if isinstance(r.get("relatief"), str) and r["relatief"]:
        return RELATIEF[r["relatief"]]
    return scoring.status_in_woorden(r.get("status"))


def _soestwaarde(r: pd.Series) -> str:
    if pd.isna(r.get("soest")):
        return "gemiddelde van Soest" if isinstance(r.get("relatief"), str) and r["relatief"] else "geen gegevens"
    return opmaak.waarde_met_eenheid(r["soest"], r["eenheid"])


def _verschil(r: pd.Series) -> str:
    """Difference as a share of the Soest value: '+23 %' (the number the margin is compared with)."""
    if pd.isna(r.get("waarde")) or pd.isna(r.get("soest")) or r["soest"] == 0:
        return "–"
    pct = (r["waarde"] - r["soest"]) / abs(r["soest"]) * 100
    teken = "+" if pct > 0 else ("−" if pct < 0 else "")
    return f"{teken}{opmaak.getal(abs(pct), 0)} %"


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


def legenda() -> pd.DataFrame:
    """Colour + meaning per class (for _ui.legenda): the words carry the meaning."""
    betekenis = ["0 ongunstig", "minder dan een kwart ongunstig", "een kwart tot de helft ongunstig",
                 "de helft tot driekwart ongunstig (valt op bij minstens 2)",
                 "driekwart of meer ongunstig (valt op bij minstens 2)"]
    return pd.DataFrame({"kleur": opmaak.SCHAAL_ONGUNSTIG + [opmaak.KLEUR_GEEN_GEGEVENS],
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


def matrixgrafiek(tel: pd.DataFrame, uitgelicht: str | None = None, breedte: int | str = "container",
                  hoogte_per_wijk: int = 58) -> alt.LayerChart:
    """Wijk × opgave grid: each cell says '3 van 7 ▼' in words; the colour (light → dark) repeats the share.

    A highlighted wijk gets a ◆ before its name and a black frame around its row. By default the grid takes the
    width of its container (st.altair_chart(..., width="stretch")), so it fits a phone-narrow column too.
    """
    kleuren = opmaak.SCHAAL_ONGUNSTIG + [opmaak.KLEUR_GEEN_GEGEVENS]
    namen = {c: ("◆ " + n if c == uitgelicht else n) for c, n in zip(tel["gebied_code"], tel["gebied_naam"])}
    data = tel.assign(
        wijk=tel["gebied_code"].map(namen),
        klasse=[str(klasse(a)) for a in tel["aandeel"]],
        regel1=[f"{o} van {m}" + (" ▼" if o else "") if m else "geen" for o, m in zip(tel["ongunstig"], tel["met_oordeel"])],
        regel2=["valt op" if v else ("ongunstig" if m else "gegevens") for v, m in zip(tel["valt_op"], tel["met_oordeel"])],
        donker=[klasse(a) >= 4 for a in tel["aandeel"]],
        uitgelicht=tel["gebied_code"] == uitgelicht,
        aandeel_tekst=[("–" if pd.isna(a) else f"{opmaak.getal(a * 100, 0)} %") for a in tel["aandeel"]],
        lijst=[", ".join(namen) if namen else "–" for namen in tel["ongunstige_indicatoren"]],
    )[["wijk", "opgave_naam", "klasse", "regel1", "regel2", "donker", "uitgelicht", "tekst", "aandeel_tekst",
       "lijst", "valt_op"]]
    wijkvolgorde = list(dict.fromkeys(data["wijk"]))
    opgavevolgorde = [OPGAVEN[o] for o in VIJF_OPGAVEN]
    x = alt.X("opgave_naam:N", sort=opgavevolgorde, title=None,
              axis=None)
    y = alt.Y("wijk:N", sort=wijkvolgorde, title=None,
              axis=alt.Axis(labelFontSize=opmaak.LETTER, labelLimit=200, labelColor="#1A1A1A", domain=False, ticks=False))
    tooltip = [alt.Tooltip("wijk:N", title="Wijk"), alt.Tooltip("opgave_naam:N", title="Opgave"),
               alt.Tooltip("tekst:N", title="Ongunstig"), alt.Tooltip("aandeel_tekst:N", title="Aandeel"),
               alt.Tooltip("lijst:N", title="Ongunstige indicatoren")]
    basis = alt.Chart(data).encode(x=x, y=y, tooltip=tooltip)
    vakken = basis.mark_rect(stroke="#FFFFFF", strokeWidth=3).encode(
        color=alt.Color("klasse:N", scale=alt.Scale(domain=["0", "1", "2", "3", "4", "-1"], range=kleuren),
                        legend=None))
    kader = basis.mark_rect(fill=None, stroke=opmaak.KLEUR_UITGELICHT, strokeWidth=4).transform_filter(
        "datum.uitgelicht")
    tekstkleur = alt.condition("datum.donker", alt.value("#FFFFFF"), alt.value("#1A1A1A"))
    regel1 = basis.mark_text(fontSize=opmaak.LETTER_KOP, fontWeight="bold", dy=-10).encode(text="regel1:N", color=tekstkleur)
    regel2 = basis.mark_text(fontSize=opmaak.LETTER, dy=11).encode(text="regel2:N", color=tekstkleur)
    # Column heads as text above the grid (axis labels would hide long names), split over two lines.
    koppen = pd.DataFrame({"opgave_naam": opgavevolgorde, "kop": [_twee_regels(n) for n in opgavevolgorde]})
    kop = alt.Chart(koppen).mark_text(fontSize=opmaak.LETTER, fontWeight="bold", baseline="bottom", lineBreak="\n",
                                      lineHeight=19, color="#1A1A1A", dy=-27).encode(
        x=alt.X("opgave_naam:N", sort=opgavevolgorde, axis=None), y=alt.value(0), text="kop:N")
    lagen = [vakken, kader, regel1, regel2, kop] if uitgelicht in set(tel["gebied_code"]) else \
        [vakken, regel1, regel2, kop]  # an empty frame layer would be an unlabelled graphic for screen readers
    return grafieken.stijl(alt.layer(*lagen).properties(
        width=breedte, height=hoogte_per_wijk * len(wijkvolgorde) + 50,
        description="Matrix van wijken en opgaven: per vak hoeveel indicatoren duidelijk ongunstig zijn. "
                    "Dezelfde gegevens staan in de tabel onder de grafiek."))


def matrixstapel(tel: pd.DataFrame, uitgelicht: str | None = None) -> alt.LayerChart:
    """The wijk × opgave matrix for a narrow screen: per wijk its name, then one line per opgave with the count in
    words ('3 van 7 ▼ · valt op'); the colour behind each line repeats the share, as in the wide matrix."""
    # The light half of the same YlOrBr scale: black text stays readable on every line (≥ 6:1).
    kleuren = dict(zip(["0", "1", "2", "3", "4", "-1"],
                       ["#fff7bc", "#fee391", "#fec44f", "#fe9929", "#ec7014", opmaak.KLEUR_GEEN_GEGEVENS]))
    data = tel.assign(
        wijk=[("◆ " + n if c == uitgelicht else n) for c, n in zip(tel["gebied_code"], tel["gebied_naam"])],
        klasse=[str(klasse(a)) for a in tel["aandeel"]],
        regel=[(f"{o} van {m}" + (" ▼" if o else "") + (" · valt op" if v else "")) if m else "geen gegevens"
               for o, m, v in zip(tel["ongunstig"], tel["met_oordeel"], tel["valt_op"])])
    return grafieken.stapel(data, "wijk", "opgave_naam", "regel", "klasse", kleuren)
