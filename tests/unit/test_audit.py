"""The audit over all the data (issue 21): what we say about the values is true to the sources and the same everywhere.

One row per check: how many cases were tried and how many failed. Run with -s to read the table:
    .venv/bin/python -m pytest -q -s tests/unit/test_audit.py
Every check reads its cases from the data (all value files, all quotes, every figure a builder shows, every change,
every wijk × opgave), so a new figure, quote or year is audited without touching this file.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
import yaml
from pypdf import PdfReader

from soest_data import db, jaren, scoring, waarden
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.weergave import aandacht, afgeleid, factsheet, opgaveoverzicht, regio, uitspraken, verandering, wijkprofiel
from tests.conftest import ECHTE_DATA

BRONTEKSTEN = ECHTE_DATA / "bronteksten"
GEMEENTELIJK = ("visie_soest_2024", "verwey_jonker_wijkprofielen")


def _normaal(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst)


def _bronteksten() -> str:
    return " ".join(_normaal(p.read_text(encoding="utf-8")) for p in sorted(BRONTEKSTEN.glob("*.txt")))


def _waardenrijen() -> list[dict]:
    rijen = []
    for pad in sorted((ECHTE_DATA / "waarden").glob("*.csv")):
        with pad.open(encoding="utf-8", newline="") as f:
            rijen += [{**r, "_bestand": pad.name} for r in csv.DictReader(f)]
    return rijen


def _yaml(naam: str) -> dict:
    return yaml.safe_load((ECHTE_DATA / naam).read_text(encoding="utf-8"))


def _vormen(waarde: float) -> set[str]:
    """The ways a source may write this number: 9.9, 9,9, 47.110, 10, 10,0 …"""
    vormen = {f"{waarde:g}", f"{waarde:g}".replace(".", ",")}
    for d in (0, 1, 2):
        vormen |= {f"{waarde:.{d}f}", f"{waarde:.{d}f}".replace(".", ",")}
    if waarde == int(waarde):
        vormen.add(f"{int(waarde):,}".replace(",", "."))
    return vormen


def _staat_erin(waarde: float, citaat: str) -> bool:
    if any(re.search(rf"(?<![\d.,]){re.escape(v)}(?![\d])", citaat) for v in _vormen(waarde)):
        return True
    # an export that wrote the float's binary form: 'p_jz_tn=8.800000000000001' is 8,8
    return any(abs(float(x) - waarde) < 1e-9 for x in re.findall(r"=\s*(-?\d+\.\d+)", citaat))


# --- the checks; each returns (tried, failures) ---------------------------------------------------------------------

def waarden_tegen_bron() -> tuple[int, list]:
    """Every value in data/waarden/ is proved by its verbatim quote from the source: the number is in it, and for the
    statistical tables also the area (its code, NL00 for NL01, or its name in a row quoted by name) and, for RIVM,
    the period."""
    with (ECHTE_DATA / "gebieden.csv").open(encoding="utf-8", newline="") as f:
        naam = {r["code"]: r["naam"] for r in csv.DictReader(f)}
    fout, tried = [], 0
    for r in _waardenrijen():
        if not r["waarde"]:
            continue
        tried += 1
        citaat = r["citaat"]
        if not _staat_erin(float(r["waarde"]), citaat):
            fout.append((r["_bestand"], r["gebied_code"], r["indicator"], r["jaar"], "getal"))
        elif r["bron"] not in GEMEENTELIJK and r["bron"] != "burgerpeiling_2019" and not (
                r["gebied_code"] in citaat or (r["gebied_code"] == "NL01" and "NL00" in citaat)
                or re.search(rf"{re.escape(naam[r['gebied_code']])}\"?\s*;", citaat, re.IGNORECASE)):
            fout.append((r["_bestand"], r["gebied_code"], r["indicator"], r["jaar"], "gebied"))
        elif r["bron"].startswith("rivm_") and f"Perioden={r['jaar']}JJ00" not in citaat:
            fout.append((r["_bestand"], r["gebied_code"], r["indicator"], r["jaar"], "periode"))
    return tried, fout


def berekend_opnieuw(alle: pd.DataFrame, indicatoren: pd.DataFrame) -> tuple[int, list]:
    """Every computed value recomputes, unrounded, from the two source values its catalogue formula names (before
    disclosure control, which masks small counts)."""
    formule = re.compile(r"(\w+) / (\w+) × ([\d.]+)")
    formules = {i: formule.match(f).groups() for i, f in zip(indicatoren["id"], indicatoren["formule"]) if f}
    bron = alle[~alle["berekend"].astype(bool)].set_index(["gebied_code", "indicator", "jaar"])["waarde"]
    berekend = alle[alle["berekend"].astype(bool) & alle["waarde"].notna()]
    fout = []
    for _, r in berekend.iterrows():
        teller, noemer, factor = formules[r["indicator"]]
        t, n = bron.get((r["gebied_code"], teller, r["jaar"])), bron.get((r["gebied_code"], noemer, r["jaar"]))
        if t is None or n is None or abs(t / n * float(factor) - r["waarde"]) > 1e-9 * max(1.0, abs(r["waarde"])):
            fout.append((r["gebied_code"], r["indicator"], r["jaar"]))
    return len(berekend), fout


def citaten_letterlijk() -> tuple[int, list]:
    """Every quote we show is verbatim in the source text: the Visie figures' quotes, the wijkprofielen stances, the
    survey's quotes, and whatever stands in quotation marks (or as `citaat`) in the stories."""
    bron = _bronteksten()
    teksten = [("visie.csv", r["citaat"]) for r in _waardenrijen() if r["bron"] in GEMEENTELIJK]
    teksten += [(f"uitspraken {u['gebied']} {u['opgave']}", c["tekst"]) for u in _yaml("uitspraken.yaml")["uitspraken"]
                for c in u["citaten"]]
    for vraag in _yaml("enquete.yaml")["enquete"]["vragen"]:
        teksten += [(f"enquete {vraag['id']}", d) for d in re.split(r"\s*(?:\.\.\.|…)\s*", vraag["citaat"]) if d]
    for v in _yaml("verhalen.yaml")["verhalen"]:
        teksten += [(f"verhalen {v['gebied']} {v['thema']}", f) for f in re.findall(r"[\"“]([^\"”]+)[\"”]", v["tekst"])]
        if v.get("citaat"):
            teksten.append((f"verhalen {v['gebied']} {v['thema']} citaat", v["citaat"]))
    return len(teksten), [(waar, t[:60]) for waar, t in teksten if _normaal(t) not in bron]


def jaren_zoals_de_bron() -> tuple[int, list]:
    """No figure is shown with a year its source does not give: a Visie or wijkprofiel figure without `meetjaar` has
    its year in or just before its quote; every other figure's year is one of its source's periods."""
    bron = _bronteksten()
    cat = {i["id"]: i for p in sorted((ECHTE_DATA / "catalogus").glob("*.yaml"))
           for i in yaml.safe_load(p.read_text(encoding="utf-8"))["indicatoren"]}
    bronnen = {b["id"]: b for p in sorted(ECHTE_DATA.glob("bronnen*.yaml"))
               for b in yaml.safe_load(p.read_text(encoding="utf-8"))["bronnen"]}
    fout, rijen = [], _waardenrijen()
    for r in rijen:
        ind = cat[r["indicator"]]
        if int(r["jaar"]) not in bronnen[r["bron"]]["jaren"]:
            fout.append((r["gebied_code"], r["indicator"], r["jaar"], "niet in de jaren van de bron"))
        elif r["bron"] in GEMEENTELIJK and not ind.get("meetjaar"):
            plek = bron.find(_normaal(r["citaat"]))
            if plek < 0 or r["jaar"] not in bron[max(0, plek - 300):plek + len(r["citaat"]) + 60]:
                fout.append((r["gebied_code"], r["indicator"], r["jaar"], "de bron noemt dit jaar niet"))
    return len(rijen), fout


def jaren_getoond(g, beoordeeld) -> tuple[int, list]:
    """Every year a builder shows for a figure (scoring's jaar_tekst/jaar_kort, the regio table, the opgave's key
    figures) is the filed year only when the source gives it: a figure with a meetjaar never shows a bare year, one
    with a peilperiode always says 'editie'."""
    cat = g.indicatoren.set_index("id")
    getoond = [(r["indicator"], r["jaar"], t) for _, r in beoordeeld.iterrows() for t in (r["jaar_tekst"], r["jaar_kort"])]
    for opgave in VIJF_OPGAVEN:
        regio_ = regio.regio_oordelen(regio.regiowaarden(g.waarden, g.indicatoren, opgave))
        getoond += [(r["indicator"], r["jaar"], t) for _, r in regio_.iterrows() for t in [r["jaar_tekst"]]]
        tekst = opgaveoverzicht.opgave_tekst(g.opgaven, opgave)
        kern = opgaveoverzicht.kerncijfers(tekst, g.waarden, g.indicatoren).dropna(subset=["jaar"])
        getoond += [(r["indicator"], r["jaar"], t) for _, r in kern.iterrows() for t in (r["jaar_tekst"], r["jaar_kort"])]
    fout = []
    for indicator, jaar, tekst in getoond:
        meetjaar, peil = cat.loc[indicator, "meetjaar"], cat.loc[indicator, "peilperiode"]
        if meetjaar and re.fullmatch(r"\d{4}", tekst or ""):
            fout.append((indicator, jaar, tekst, "jaartal bij een cijfer zonder meetjaar"))
        elif meetjaar and str(int(jaar)) in tekst and str(int(jaar)) not in meetjaar:
            fout.append((indicator, jaar, tekst, "geplaatst jaar getoond"))
        elif peil and not tekst.startswith("editie"):
            fout.append((indicator, jaar, tekst, "editie zonder peilperiode"))
    return len(getoond), fout


def geen_onbekend_jaar_in_trend_of_verandering(g, veranderingen) -> tuple[int, list]:
    """A figure without a known year is in no change and no trend."""
    zonder = set(g.indicatoren.loc[g.indicatoren["meetjaar"] != "", "id"])
    trend = opgaveoverzicht.trendreeksen(g.waarden, list(g.indicatoren["id"]), g.wijken)
    profieltrends = pd.concat([wijkprofiel.trendreeksen(g.waarden, g.indicatoren.rename(columns={"id": "indicator"}),
                                                        code) for code in g.wijken["code"]])
    gevallen = [*veranderingen["indicator"], *trend["indicator"], *profieltrends["indicator"]]
    return len(gevallen), sorted({i for i in gevallen if i in zonder})


def definitiebreuken_genoemd(g, veranderingen) -> tuple[int, list]:
    """Every change and trend across a definition change says so in words; none crosses a hard break."""
    cat = g.indicatoren.set_index("id")
    fout, tried = [], 0
    for _, r in veranderingen.iterrows():
        wijziging, vanaf = cat.loc[r["indicator"], "wijziging_jaar"], cat.loc[r["indicator"], "vergelijkbaar_vanaf"]
        if not pd.isna(vanaf) and r["jaar_van"] < vanaf <= r["jaar_naar"]:
            fout.append((r["gebied_code"], r["indicator"], "over een definitiebreuk vergeleken"))
        if jaren.over_wijziging(r["jaar_van"], r["jaar_naar"], wijziging):
            tried += 1
            if "definitie gewijzigd" not in r["zin"] or not r["definitie"]:
                fout.append((r["gebied_code"], r["indicator"], "verandering zonder noot"))
    trend = opgaveoverzicht.trendreeksen(g.waarden, list(g.indicatoren["id"]), g.wijken)
    tabel = opgaveoverzicht.trendtabel(trend)
    for (indicator, _), deel in trend.groupby(["indicator", "gebied_code"]):
        if jaren.over_wijziging(deel["jaar"].min(), deel["jaar"].max(), cat.loc[indicator, "wijziging_jaar"]):
            tried += 1
            rij = tabel[(tabel["Indicator"] == deel["indicator_label"].iloc[0])
                        & (tabel["Gebied"] == deel["gebied_naam"].iloc[0])]
            if not rij["Verandering"].str.contains("definitie gewijzigd").all():
                fout.append((deel["gebied_code"].iloc[0], indicator, "trend zonder noot"))
    return tried, fout


def zelfde_standpunt_overal(g, beoordeeld, vormen) -> tuple[int, list]:
    """Per wijk × opgave the same text stance and the same tally in every builder that shows them: /aandacht
    (overeenstemming), the wijkprofiel cards and slides (opgaven_in_een_oogopslag), the opgave page (opgave_regels),
    and the printed wijk factsheet (its overview table)."""
    kernset = scoring.kernsets(g.opgaven)
    tel = aandacht.telling(beoordeeld, g.wijken, kernset)
    bron = uitspraken.standpunten(tel, g.uitspraken)
    overeen = aandacht.overeenstemming(tel, g.uitspraken, beoordeeld)
    fout, tried = [], 0
    for code in g.wijken["code"]:
        kaart = wijkprofiel.opgaven_in_een_oogopslag(tel, code, bron).set_index("opgave_id")
        pdf = _normaal(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(
            factsheet.pdf(g, "wijk", code))).pages))
        for opgave in VIJF_OPGAVEN:
            tried += 1
            s = uitspraken.van(bron, code, opgave)
            o = overeen[(overeen["gebied_code"] == code) & (overeen["opgave"] == opgave)].iloc[0]
            t = tel[(tel["gebied_code"] == code) & (tel["opgave"] == opgave)].iloc[0]
            if (o["profiel"], o["eens"]) != (s["profiel"], s["eens"]):
                fout.append((code, opgave, "aandacht"))
            if kaart.loc[opgave, "Tekst"] != s["zin"] or bool(kaart.loc[opgave, "valt op"]) != bool(t["valt_op"]):
                fout.append((code, opgave, "wijkprofiel"))
            if s["zin"] not in _normaal(uitspraken.opgave_regels(bron, opgave)).replace(
                    "[Aandacht per opgave, 'Telling en tekst'](/aandacht#tekst-en-telling)",
                    "Aandacht per opgave onder 'Telling en tekst'"):
                fout.append((code, opgave, "opgavepagina"))
            cel = factsheet._tekstcel(s)
            rij = f"{OPGAVEN[opgave]} {t['gunstig']} {t['rond']} {t['ongunstig']}"
            if cel != "–" and not re.search(re.escape(rij) + r" \d+ (ja|nee) " + re.escape(cel), pdf):
                fout.append((code, opgave, "factsheet"))
    return tried, fout


def test_audit_table(echte_db, capsys):
    con = db.open_readonly(echte_db)
    try:
        g = factsheet.invoer(con.cursor())
        beoordeeld, vormen = afgeleid.beoordeeld(g), g.vormen["wijk"]  # scored as the pages and the CLI score it
        alle = waarden.alle_waarden(con.cursor(), afschermen=False)
    finally:
        con.close()
    veranderingen = verandering.veranderingen(g.waarden, g.indicatoren, g.bronnen)
    uitkomsten = {
        "waarden tegen hun bron (getal, gebied, periode in het citaat)": waarden_tegen_bron(),
        "berekende waarden rekenen na (ongerond)": berekend_opnieuw(alle, g.indicatoren),
        "citaten letterlijk in de brontekst": citaten_letterlijk(),
        "jaar van elk cijfer zoals de bron het geeft": jaren_zoals_de_bron(),
        "getoond jaar (meetjaar, editie + peilperiode)": jaren_getoond(g, beoordeeld),
        "cijfers zonder bekend jaar in trend of verandering": geen_onbekend_jaar_in_trend_of_verandering(g, veranderingen),
        "veranderingen en trends over een definitiewijziging met noot": definitiebreuken_genoemd(g, veranderingen),
        "zelfde standpunt en telling op elke plek en in de pdf": zelfde_standpunt_overal(g, beoordeeld, vormen),
    }
    with capsys.disabled():
        print("\n| controle | geprobeerd | mislukt |\n|---|---|---|")
        for naam, (tried, fout) in uitkomsten.items():
            print(f"| {naam} | {tried} | {len(fout)} |")
    for naam, (tried, fout) in uitkomsten.items():
        assert tried > 0, naam
        assert not fout, (naam, fout[:10])


def test_audit_reads_all_value_files():
    """The audit reads every values file in data/waarden/ (a new file is audited without touching this test)."""
    assert {r["_bestand"] for r in _waardenrijen()} == {p.name for p in Path(ECHTE_DATA / "waarden").glob("*.csv")}
