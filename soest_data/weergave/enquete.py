"""The resident survey ('Zorgen voor elkaar in Soest-Soesterberg') and the resident voices: frames and charts.

Pure: a dict (from waarden.enquete) or DataFrame in, a DataFrame, Altair chart or text out. Every number is shown
exactly as the data file gives it, in Dutch notation, with the number of respondents beside it.
"""
from __future__ import annotations

import textwrap
from functools import cache

import altair as alt
import pandas as pd

from soest_data import opmaak
from soest_data.begrippen import AFGESCHERMD, OPGAVEN, VIJF_OPGAVEN
from soest_data.scoring import status_in_woorden
from soest_data.weergave import grafieken
from soest_data.weergave.sjabloon import Sjabloon, gat

ALGEMEEN = "algemeen"  # questions and stories that belong to no single opgave
LETTER = opmaak.LETTER
TEKST = opmaak.TEKSTKLEUR
KLEUR_STAAF = opmaak.KLEUR_NEUTRAAL  # a survey answer is no judgement: the neutral colour
RIJ = 40  # pixels per answer
ASSEN = 90  # Streamlit fits the whole chart, axis and its title included, into the height


def is_rapportcijfer(eenheid: str | None) -> bool:
    return (eenheid or "").lower().startswith("rapportcijfer")


def waarde_tekst(waarde: float | None, eenheid: str | None, status: str | None = None) -> str:
    """87 → '87 %', 7.5 (rapportcijfer) → '7,5', 35 (respondenten) → '35 respondenten'; missing → 'geen gegevens';
    hidden by the disclosure control (onthulling) → 'afgeschermd (te klein aantal)'."""
    eenheid = eenheid or ""
    if status == AFGESCHERMD:
        return status_in_woorden(status)
    if waarde is None or pd.isna(waarde):
        return "geen gegevens"
    if is_rapportcijfer(eenheid) or not eenheid:
        return opmaak.getal(float(waarde))
    return opmaak.met_eenheid(opmaak.getal(float(waarde)), eenheid)


def vragen(enquete: dict) -> pd.DataFrame:
    """One row per answer of every question, in the order of the data file.

    Columns: vraag_nr, vraag_id, vraag, opgave ('algemeen' when none), eenheid, n, meerdere_antwoorden,
    antwoord_nr, antwoord, waarde, waarde_tekst, citaat.
    """
    kolommen = ["vraag_nr", "vraag_id", "vraag", "opgave", "eenheid", "n", "meerdere_antwoorden", "antwoord_nr",
                "antwoord", "waarde", "waarde_tekst", "citaat"]
    rijen = []
    for i, v in enumerate(enquete.get("vragen") or [], start=1):
        for j, a in enumerate(v.get("antwoorden") or [], start=1):
            waarde = a.get("waarde")
            rijen.append({
                "vraag_nr": i, "vraag_id": v.get("id") or f"vraag_{i}", "vraag": v.get("vraag") or "",
                "opgave": v.get("opgave") or ALGEMEEN, "eenheid": v.get("eenheid") or "",
                "n": v.get("n"), "meerdere_antwoorden": bool(v.get("meerdere_antwoorden")),
                "antwoord_nr": j, "antwoord": str(a.get("antwoord") or ""),
                "waarde": float(waarde) if waarde is not None else float("nan"),
                "waarde_tekst": waarde_tekst(waarde, v.get("eenheid"), a.get("status")),
                "citaat": v.get("citaat") or "",
            })
    frame = pd.DataFrame(rijen, columns=kolommen)
    frame["n"] = frame["n"].astype("Int64")
    return frame


def opgaven_in_volgorde(frame: pd.DataFrame, kolom: str = "opgave") -> list[str]:
    """The opgaven present, in the fixed order of the five, 'algemeen' last."""
    aanwezig = set(frame[kolom].fillna(ALGEMEEN))
    return [o for o in [*VIJF_OPGAVEN, ALGEMEEN] if o in aanwezig]


def opgave_naam(opgave: str | None) -> str:
    return OPGAVEN.get(opgave or "", "Algemeen en meerdere opgaven")


def n_tekst(n, totaal) -> str:
    """'Beantwoord door 248 van de 263 deelnemers' — or plainly that the report does not say."""
    if n is None or pd.isna(n):
        return (f"Het rapport noemt niet hoeveel van de {opmaak.getal(totaal)} deelnemers deze vraag beantwoordden."
                if totaal else "Het rapport noemt niet hoeveel deelnemers deze vraag beantwoordden.")
    if totaal and int(n) != int(totaal):
        return f"Beantwoord door **{opmaak.getal(int(n))}** van de {opmaak.getal(totaal)} deelnemers."
    return f"Beantwoord door **{opmaak.getal(int(n))}** deelnemers."


def vraaggrafiek(rijen: pd.DataFrame, breedte: int | str = "container") -> dict:
    """Horizontal bars for one question, answers in the order of the report, the number printed at each bar.

    Percentages run from 0 to 100 %, a rapportcijfer from 0 to 10, so bars are never stretched to look bigger.
    A Vega-Lite dict (sjabloon.py): one template per kind of scale.
    """
    eenheid = rijen["eenheid"].iloc[0] if len(rijen) else ""
    # Answers over lines of at most ANTWOORD_TEKENS characters (a longer word stays whole): on one line a long
    # answer left the bars a sliver of a laptop's column and cut the axis title.
    regels = [textwrap.wrap(a, ANTWOORD_TEKENS, break_long_words=False, break_on_hyphens=False) or [""]
              for a in rijen["antwoord"]]
    data = rijen[["antwoord", "waarde", "waarde_tekst", "antwoord_nr"]].assign(label=["\n".join(r) for r in regels])
    soort = "procent" if eenheid.startswith("%") else "rapportcijfer" if is_rapportcijfer(eenheid) else "anders"
    gaten = {"volgorde": list(data.sort_values("antwoord_nr")["label"])}
    if soort == "procent":
        gaten["bereik"] = [0, max(100.0, float(data["waarde"].max(skipna=True) or 0))]
    vraag = rijen["vraag"].iloc[0] if "vraag" in rijen and len(rijen) else "Enquêtevraag"
    beschrijving = f"{vraag} " + "; ".join(f"{a}: {t}" for a, t in zip(data["antwoord"], data["waarde_tekst"]))
    rij = max(RIJ, REGELHOOGTE * max((len(r) for r in regels), default=1) + 6)
    return _vraagsjabloon(soort, eenheid if soort == "anders" else "", breedte).vul(
        {"antwoorden": data}, height=rij * len(data) + ASSEN, description=beschrijving, **gaten)


ANTWOORD_TEKENS, REGELHOOGTE = 24, 20  # characters per line of an answer; px per line at LETTER


@cache
def _vraagsjabloon(soort: str, eenheid: str, breedte: int | str) -> Sjabloon:
    schaal, titel = {"procent": (alt.Scale(domain=[gat("bereik")]), "procent van de deelnemers"),
                     "rapportcijfer": (alt.Scale(domain=[0, 10]), "rapportcijfer (1-10)")}.get(
        soort, (alt.Scale(zero=True), eenheid))
    y = alt.Y("label:N", sort=[gat("volgorde")], title=None,
              axis=alt.Axis(labelFontSize=LETTER, labelLimit=300, labelColor=TEKST,
                            labelExpr="split(datum.label, '\\n')"))
    basis = alt.Chart(alt.NamedData("antwoorden")).encode(
        y=y, tooltip=[alt.Tooltip("antwoord:N", title="Antwoord"), alt.Tooltip("waarde_tekst:N", title="Uitkomst")])
    staven = basis.mark_bar(color=KLEUR_STAAF, size=RIJ - 12).encode(
        x=alt.X("waarde:Q", scale=schaal, title=titel,
                axis=alt.Axis(labelFontSize=LETTER, titleFontSize=LETTER, labelColor=TEKST,
                              titleColor=TEKST, tickCount=5)))
    getallen = basis.mark_text(align="left", dx=5, fontSize=LETTER, fontWeight="bold", color=TEKST).encode(
        x=alt.X("waarde_of_nul:Q", scale=schaal), text=alt.Text("waarde_tekst:N"),
    ).transform_calculate(waarde_of_nul="isValid(datum.waarde) ? datum.waarde : 0")
    return Sjabloon(grafieken.stijl(alt.layer(staven, getallen).properties(width=breedte)))


def alle_vragen_tabel(frame: pd.DataFrame, totaal: int | None = None) -> pd.DataFrame:
    """Every figure of the survey in one table (the page's table alternative and download)."""
    return pd.DataFrame({
        "Opgave": [opgave_naam(o) for o in frame["opgave"]], "Vraag": frame["vraag"], "Antwoord": frame["antwoord"],
        "Uitkomst": frame["waarde_tekst"], "Waarde": frame["waarde"], "Eenheid": frame["eenheid"],
        "Aantal deelnemers": [("niet genoemd" if pd.isna(n) else str(int(n))) for n in frame["n"]],
        "Meerdere antwoorden": frame["meerdere_antwoorden"].map({True: "ja", False: "nee"}),
    })


def per_wijk(enquete: dict, gebieden: pd.DataFrame) -> pd.DataFrame:
    """Where the participants live: the shares the report gives, and the other wijken as 'niet genoemd'."""
    wijken = gebieden[gebieden["niveau"] == "wijk"]
    gegeven = {r.get("gebied"): r for r in enquete.get("respondenten_per_wijk") or []}
    rijen = []
    for _, w in wijken.iterrows():
        rij = gegeven.get(w["code"]) or {}
        aandeel = rij.get("aandeel")
        rijen.append({"gebied_code": w["code"], "Wijk": w["naam"],
                      "aandeel": float(aandeel) if aandeel is not None else float("nan"),
                      "Deel van de deelnemers": waarde_tekst(aandeel, "%", rij.get("status")) if rij
                      else "niet genoemd in het rapport"})
    return pd.DataFrame(rijen).sort_values(["aandeel", "Wijk"], ascending=[False, True], na_position="last",
                                           kind="stable").reset_index(drop=True)


def wijkgrafiek(wijken: pd.DataFrame, breedte: int | str = "container") -> alt.LayerChart:
    """Bars for the wijken whose share the report names (the others are in the table as 'niet genoemd')."""
    data = wijken.dropna(subset=["aandeel"]).rename(columns={"Wijk": "wijk", "Deel van de deelnemers": "tekst"})
    data = data[["wijk", "aandeel", "tekst"]]
    schaal = alt.Scale(domain=[0, 100])
    basis = alt.Chart(data).encode(
        y=alt.Y("wijk:N", sort=list(data["wijk"]), title=None,
                axis=alt.Axis(labelFontSize=LETTER, labelColor=TEKST, labelLimit=260)),
        tooltip=[alt.Tooltip("wijk:N", title="Wijk"), alt.Tooltip("tekst:N", title="Deel van de deelnemers")])
    staven = basis.mark_bar(color=KLEUR_STAAF, size=RIJ - 12).encode(
        x=alt.X("aandeel:Q", scale=schaal, title="procent van de deelnemers",
                axis=alt.Axis(labelFontSize=LETTER, titleFontSize=LETTER, labelColor=TEKST, titleColor=TEKST)))
    getallen = basis.mark_text(align="left", dx=5, fontSize=LETTER, fontWeight="bold", color=TEKST).encode(
        x=alt.X("aandeel:Q", scale=schaal), text=alt.Text("tekst:N"))
    return grafieken.stijl(alt.layer(staven, getallen).properties(
        width=breedte, height=RIJ * len(data) + ASSEN,
        description="Deel van de deelnemers per wijk: " + "; ".join(f"{w}: {t}" for w, t in zip(data["wijk"],
                                                                                             data["tekst"]))))


_STANDAARD_VOORBEHOUD = [
    ("zelf", "De deelnemers hebben zich zelf aangemeld. Zij zijn geen steekproef die de hele gemeente vertegenwoordigt: "
             "lees de uitkomsten als 'wat deze deelnemers zeggen', niet als 'wat alle inwoners vinden'."),
    ("100", "Bij sommige vragen mochten deelnemers meer dan één antwoord kiezen. De percentages tellen dan op tot "
            "meer dan 100 %."),
]


def voorbehouden(enquete: dict) -> list[str]:
    """The caveats of the data file, completed with the two that must always be there (self-selection, >100 %)."""
    eigen = [str(v) for v in enquete.get("voorbehoud") or []]
    samen = " ".join(eigen).lower()
    aanvulling = [tekst for sleutel, tekst in _STANDAARD_VOORBEHOUD if sleutel not in samen]
    return eigen + aanvulling


def stemmen(verhalen: pd.DataFrame, opgave: str | None = None, gebied: str | None = None) -> pd.DataFrame:
    """What residents said (soort 'inwoners'), optionally for one opgave ('algemeen' = none) and one area."""
    deel = verhalen[verhalen["soort"] == "inwoners"].copy()
    deel["opgave"] = deel["opgave"].fillna(ALGEMEEN).replace("", ALGEMEEN)
    if opgave is not None:
        deel = deel[deel["opgave"] == opgave]
    if gebied is not None:
        deel = deel[deel["gebied"] == gebied]
    return deel.reset_index(drop=True)


SAMENGEVAT = "Wat inwoners vertelden, samengevat door de gemeente"


def stem_tekst(verhaal: pd.Series) -> str:
    """What residents said as the gemeente's summary (never in quotation marks: it is not their words), followed by
    the verbatim quote with its place where the data has one: 'Een deelnemer … Letterlijk: “Het was …” (§1.3 …)'."""
    citaat = verhaal.get("citaat")
    if isinstance(citaat, str) and citaat.strip():
        return f"{verhaal['tekst']} Letterlijk: “{' '.join(citaat.split())}” ({verhaal['vindplaats']})"
    return str(verhaal["tekst"])


def stem_regel(verhaal: pd.Series, naam_van: dict[str, str]) -> str:
    """'**Smitsveen** · Veiligheid — text' (markdown list item text; the text is the gemeente's summary)."""
    waar = naam_van.get(verhaal["gebied"], verhaal["gebied"])
    thema = f" · {verhaal['thema']}" if isinstance(verhaal.get("thema"), str) and verhaal["thema"] else ""
    return f"**{waar}**{thema} — {stem_tekst(verhaal)}"
