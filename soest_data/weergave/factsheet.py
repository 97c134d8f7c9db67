"""Factsheets as tagged PDF: one wijk against Soest (A4 portrait) and one opgave over all wijken (A4 landscape).

The functions here say what is printed (`wijk_document`, `opgave_document` → a document.Document of headings,
sentences, tables and figures); document.py renders it as HTML with one Jinja2 template and WeasyPrint makes a tagged
PDF/UA-1 from that HTML (see docs/FACTSHEET.md). Every judgement, tally and stance is the very result the pages show
(afgeleid: beoordeeld, telling, standpunten, oogopslag of the same database), never computed again here; a missing
figure reads "geen gegevens", never 0. What data a factsheet holds is said on it: every source with the years of its figures.
"""
from __future__ import annotations

import re
from datetime import date, datetime

import geopandas as gpd
import pandas as pd

from soest_data import gebieden, gemeente, opmaak, scoring
from soest_data.begrippen import NEDERLAND, OPGAVEN, VIJF_OPGAVEN
from soest_data.export import grafiek_svg
from soest_data.gegevens import Gegevens, laad
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import afgeleid, document, enquete, opgaveoverzicht, uitspraken, wijkprofiel
from soest_data.weergave.document import Alinea, Document, Figuur, Kop, Naast, Opsomming, Tabel
from soest_data.weergave.kaart import locatorkaart

SCHATTING = "\u00a0*"                # after an indicator's label: a model estimate (said once under each table's heading)


def regel(marge: float) -> str:
    """The rule in one sentence (docs/METHODE.md)."""
    return (f"Een wijk wijkt af bij meer dan {opmaak.getal(marge * scoring.PROCENTPUNT_PER_MARGE, 1)} procentpunt "
            f"(percentages) of {round(marge * 100)} % van de {GEMEENTE.eigen('waarde')} (andere cijfers), en niet binnen de "
            "afronding; zorggebruik en achtergrond krijgen geen oordeel.")


def invoer(cur) -> Gegevens:
    """Outside the app (the CLI): the data, as the pages read it."""
    return laad(cur)


def bestandsnaam(naam: str) -> str:
    """"'t Hart-Soestdijk" → 't_hart_soestdijk': safe in a file name on every system."""
    return re.sub(r"[^a-z0-9]+", "_", naam.lower()).strip("_")


class FactsheetFout(Exception):
    """A factsheet cannot be made (unknown wijk or opgave); the message is Dutch and says why."""


def _datum(iso: str | None) -> str:
    if not iso:
        return "onbekend"
    try:
        return datetime.fromisoformat(iso).strftime("%d-%m-%Y")
    except ValueError:
        return iso


def _jaartekst(jaar, meetjaar=None) -> str | None:
    """A figure's year as printed: the source's own words where it names no year ('onbekend, vóór 2024')."""
    if isinstance(meetjaar, str) and meetjaar:
        return meetjaar
    return None if jaar is None or pd.isna(jaar) else str(int(jaar))


class Bronnen:
    """The sources a factsheet prints figures or texts from, each with the years of exactly those figures: what data
    the factsheet holds (said under its title, in its footer and in the closing table)."""

    def __init__(self, g: Gegevens) -> None:
        self.g = g
        self.jaren: dict[str, set[str]] = {}

    def voeg(self, bron: str | None, jaar=None, meetjaar=None) -> None:
        if not isinstance(bron, str) or not bron:
            return
        tekst = _jaartekst(jaar, meetjaar)
        self.jaren.setdefault(bron, set())
        if tekst:
            self.jaren[bron].add(tekst)

    def voeg_rijen(self, rijen: pd.DataFrame, bronkolom: str = "bron") -> None:
        meetjaren = rijen["meetjaar"] if "meetjaar" in rijen else [None] * len(rijen)
        for bron, jaar, meetjaar in zip(rijen[bronkolom], rijen["jaar"], meetjaren):
            self.voeg(bron, jaar, meetjaar)

    def voeg_teksten(self, verhalen: pd.DataFrame) -> None:
        """Texts from documents: the source's own years (a text has no year of its own)."""
        for bron in verhalen["bron"]:
            if bron in self.g.bron_per_id.index:
                for jaar in str(self.g.bron_per_id.loc[bron, "jaren"] or "").split(","):
                    self.voeg(bron, int(jaar) if jaar.strip().isdigit() else None)

    def voeg_soest(self, rijen: pd.DataFrame) -> None:
        """The sources of the Soest figures printed beside these rows (same indicator, same year)."""
        w = self.g.waarden
        soest = w[w["niveau"] == "gemeente"].merge(rijen[["indicator", "jaar"]].drop_duplicates(), on=["indicator", "jaar"])
        self.voeg_rijen(soest)

    def _jaren(self, bron: str) -> str:
        """'2019–2021, 2023' (consecutive years as a range), then any year in words ('onbekend, vóór 2024')."""
        getallen = sorted(int(j) for j in self.jaren[bron] if j.isdigit())
        reeksen: list[list[int]] = []
        for jaar in getallen:
            if reeksen and jaar == reeksen[-1][-1] + 1:
                reeksen[-1].append(jaar)
            else:
                reeksen.append([jaar])
        delen = [str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in reeksen]
        return ", ".join(delen + sorted(j for j in self.jaren[bron] if not j.isdigit()))

    def periode(self) -> str:
        """'2016 tot en met 2024' over every numbered year printed."""
        jaren = sorted(int(j) for js in self.jaren.values() for j in js if j.isdigit())
        if not jaren:
            return "onbekend"
        return str(jaren[0]) if jaren[0] == jaren[-1] else f"{jaren[0]} tot en met {jaren[-1]}"

    def zin(self) -> str:
        return (f"De cijfers komen uit {len(self.jaren)} bronnen en gaan over de jaren {self.periode()}; per bron "
                "staan de jaren onder Bronnen.")

    def blokken(self, gemaakt: date) -> list:
        """Every source used, with the years of its figures here and its licence: a printed page must say where each
        figure comes from and how old it is."""
        bronnen = self.g.bron_per_id
        rijen = []
        for bron_id in sorted(b for b in self.jaren if b in bronnen.index):
            b = bronnen.loc[bron_id]
            tabel = f", tabel {b['tabel']}" if b["tabel"] else ""
            rijen.append((f"{b['uitgever']}, {b['titel']}{tabel}\n{b['url']}", self._jaren(bron_id) or "–",
                          b["licentie"]))
        return [Kop("Bronnen"),
                Tabel(("Bron", "Jaren", "Licentie"), tuple(rijen), (63, 13, 24), soort="bronnen"),
                Alinea(f"Grenzen van wijken en buurten: {gebieden.grenzen_bron(self.g.bouwinfo)}. Ontbrekende cijfers "
                       "staan er als 'geen gegevens', nooit als 0. Kleine aantallen zijn afgeschermd. Deze factsheet is "
                       f"gemaakt op {gemaakt:%d-%m-%Y} uit de database van {_datum(self.g.bouwinfo.get('gebouwd_op'))}.",
                       "klein")]

    def voetregel(self, titel: str, gemaakt: date) -> str:
        return f"{titel} · Wijkprofielen {GEMEENTE.naam} · cijfers {self.periode()} · gemaakt op {gemaakt:%d-%m-%Y}"


# The printed judgement is short, so it fits a narrow column: the symbol and word, plus only what the numbers beside
# it do not already say (the extreme among the wijken). 'hoger dan gemiddeld' is read from the figures.
_KORT = {"het hoogst van alle wijken": "hoogste wijk", "het laagst van alle wijken": "laagste wijk"}


def _kort(woorden: str) -> str | None:
    if woorden.startswith("geen ") and woorden.endswith(" om mee te vergelijken"):
        return woorden.removesuffix(" om mee te vergelijken")
    return _KORT.get(woorden)


def _cel_oordeel(r: pd.Series) -> str:
    """The judgement in few words: '▼ ongunstig · hoogste wijk', '● rond gemiddelde', '↑ hoger'."""
    if r["oordeel"] == scoring.ONBEKEND:
        return _kort(r["woorden"]) or r["woorden"]
    symbool = scoring.SYMBOOL.get(r["oordeel"], "")
    return f"{symbool} · {kort}" if (kort := _kort(r["woorden"])) else symbool


def _tekstcel(standpunt: pd.Series | None) -> str:
    """The texts' stance in a table cell: 'aandacht ✔', 'geen aandacht ✘', 'gemengd', '–' (uitspraken.standpunten)."""
    if standpunt is None or not standpunt["profiel"]:
        return "–"
    teken = {True: " ✔", False: " ✘"}.get(standpunt["eens"], "")
    return {"geen_aandacht": "geen aandacht"}.get(standpunt["profiel"], standpunt["profiel"]) + teken


def _indicatorlabel(r: pd.Series) -> str:
    jaar = f" ({r['jaar_kort']})" if r.get("jaar_kort") else ""
    return f"{r['label']}{jaar}{SCHATTING if opmaak.is_schatting(r['modelschatting']) else ''}"


def wijkregels(beoordeeld: pd.DataFrame, wijk: str, opgave: str, nederland: pd.DataFrame | None = None
               ) -> pd.DataFrame:
    """One opgave's rows of a wijk as printed: Indicator, Wijk, Soest, NL, Oordeel (texts), plus the raw figures and
    the sources (`bron`, and `bron_nl` of the Nederland figure). `nederland`: Nederland's rows of the values; its
    figure is printed only in exactly the row's year, else '–'."""
    rijen = wijkprofiel.indicatoren_van_opgave(beoordeeld, wijk, opgave)
    nl = _nederland_bij(rijen, nederland)
    return pd.DataFrame({
        "indicator": rijen["indicator"],
        "Indicator": [_indicatorlabel(r) for _, r in rijen.iterrows()],
        "Wijk": [scoring.waarde_in_woorden(r) for _, r in rijen.iterrows()],
        # a statement ('hoger dan gemiddeld') is itself measured against Soest: there is no Soest figure to miss
        GEMEENTE.naam: [f"gemiddelde van {GEMEENTE.naam}" if pd.isna(s) and soort == "relatief"
                        else opmaak.waarde_met_eenheid(s, e)
                        for s, e, soort in zip(rijen["soest"], rijen["eenheid"], rijen["soort"])],
        "NL": [opmaak.waarde_met_eenheid(w, e) if not pd.isna(w) else "–" for w, e in zip(nl["waarde"], rijen["eenheid"])],
        "Oordeel": [_cel_oordeel(r) for _, r in rijen.iterrows()],
        "bron": rijen["bron"], "bron_nl": nl["bron"].to_numpy(),
        "jaar": rijen["jaar"], "meetjaar": rijen["meetjaar"] if "meetjaar" in rijen else "",
    })


def _nederland_bij(rijen: pd.DataFrame, nederland: pd.DataFrame | None) -> pd.DataFrame:
    """Nederland's waarde and bron for each row's (indicator, jaar), NaN where the country has no figure that year."""
    sleutels = rijen[["indicator", "jaar"]].reset_index(drop=True)
    if nederland is None or nederland.empty:
        return sleutels.assign(waarde=float("nan"), bron=None)
    nl = nederland.dropna(subset=["waarde"]).drop_duplicates(["indicator", "jaar"])[["indicator", "jaar", "waarde", "bron"]]
    return sleutels.merge(nl, on=["indicator", "jaar"], how="left")


def nederland(g: Gegevens) -> pd.DataFrame:
    """Nederland's rows of the values (the reference printed beside wijk and Soest)."""
    return g.waarden[g.waarden["gebied_code"] == NEDERLAND]


def _verhaalbron(g: Gegevens, verhalen: pd.DataFrame) -> str:
    titels = g.bron_per_id
    delen = []
    for bron_id, groep in verhalen.groupby("bron", sort=True):
        plekken = "; ".join(dict.fromkeys(p for p in groep["vindplaats"].fillna("") if p))
        naam = f"{titels.loc[bron_id, 'uitgever']}, {titels.loc[bron_id, 'titel']}" if bron_id in titels.index else bron_id
        delen.append(f"{naam}" + (f" ({plekken})" if plekken else ""))
    return "Bron: " + "; ".join(delen) + " — in eigen woorden samengevat."


def _kaart(g: Gegevens, vormen: gpd.GeoDataFrame, wijk: str, naam: str) -> Figuur:
    return Figuur(grafiek_svg(locatorkaart(vormen, wijk).to_dict()),
                  alt=f"Kaart van de gemeente {GEMEENTE.naam} met haar wijken; {naam} is blauw gekleurd, de andere wijken grijs.",
                  bijschrift=f"{naam} (blauw) in de gemeente {GEMEENTE.naam}. Grenzen: "
                             f"{gebieden.grenzen_bron(g.bouwinfo).replace(' (vereenvoudigd)', '')}.",
                  breedte_mm=46)


def wijk_document(g: Gegevens, wijk: str, marge: float = scoring.STANDAARD_MARGE,
                  gemaakt: date | None = None) -> Document:
    """What the factsheet of one wijk says: key figures and map, the five opgaven at a glance, the story, per opgave
    the indicators with Soest, Nederland and the judgement in words, residents' voices, the sources with the years of
    their figures and licence."""
    if wijk not in g.wijknamen:
        raise FactsheetFout(f"Onbekende wijk '{wijk}'. Kies een van: "
                            + ", ".join(f"{c} ({n})" for c, n in g.wijknamen.items()) + ".")
    gemaakt = gemaakt or date.today()
    beoordeeld = afgeleid.beoordeeld(g, marge)
    kop = wijkprofiel.kop(wijk, g.gebieden, g.waarden)
    bronnen = Bronnen(g)
    verhalen = g.verhalen[g.verhalen["gebied"] == wijk]
    blokken: list = []

    # --- key figures beside the map ------------------------------------------------------------------------------
    achtergrond = beoordeeld[(beoordeeld["gebied_code"] == wijk) & (beoordeeld["opgave"] == "context")
                             & beoordeeld["waarde"].notna()].sort_values("volgorde")
    rijen = [("Inwoners", kop.inwoners, ""), ("Oppervlakte", kop.oppervlakte, ""),
             (f"Buurten ({len(kop.buurten)})", ", ".join(kop.buurten) or "geen gegevens", "")]
    getoond = achtergrond[~achtergrond["indicator"].isin(["oppervlakte_land", "inwoners"])]
    rijen += [(_indicatorlabel(r), scoring.waarde_in_woorden(r), opmaak.waarde_met_eenheid(r["soest"], r["eenheid"]))
              for _, r in getoond.iterrows()]
    bronnen.voeg_rijen(achtergrond)
    bronnen.voeg_soest(getoond)
    blokken.append(Naast(hoofd=(Kop("Kerncijfers"), Tabel(("", kop.naam, GEMEENTE.naam), tuple(rijen), (48, 26, 26))),
                         zij=(_kaart(g, g.vormen["wijk"], wijk, kop.naam),)))
    blokken += [Alinea(f"Let op: {v['tekst']}", "let-op") for _, v in verhalen[verhalen["soort"] == "voorbehoud"].iterrows()]

    # --- the five opgaven at a glance ----------------------------------------------------------------------------
    standpunten = afgeleid.standpunten(g, marge)  # the texts' stance and the tally: the pages' own results
    blokken += [
        Kop("De vijf opgaven in één oogopslag"),
        Alinea(f"Per opgave: op hoeveel indicatoren van de kernset {kop.naam} gunstig (▲), rond (●) of ongunstig (▼) "
               f"uitvalt t.o.v. {GEMEENTE.naam}, zoals op het dashboard. {regel(marge)}"),
        Tabel(("Opgave", "▲ gunstig", "● rond", "▼ ongunstig", "geen gegevens", "valt op", "wijkprofiel/Visie"),
              tuple((r["Opgave"], str(r["gunstig"]), str(r["rond"]), str(r["ongunstig"]), str(r["geen gegevens"]),
                     "ja" if r["valt op"] else "nee", _tekstcel(uitspraken.van(standpunten, wijk, r["opgave_id"])))
                    for r in afgeleid.oogopslag(g, wijk, marge)),
              (27, 10, 10, 11, 11, 9, 22)),
        Alinea("Wijkprofiel/Visie: wat de wijkprofielen en de Visie over deze wijk en opgave zeggen. ✔ = tekst en "
               "telling zijn het eens, ✘ = ze verschillen; de letterlijke passages en waarom ze kunnen verschillen "
               "staan op het dashboard onder Aandacht per opgave, 'Telling en tekst'.", "klein"),
    ]

    # --- the story -----------------------------------------------------------------------------------------------
    verhaal = verhalen[verhalen["soort"].isin(["situatieschets", "sterk", "aandacht"])]
    if len(verhaal):
        blokken.append(Kop("Het verhaal van de wijk"))
        for soort, kopje in (("situatieschets", None), ("sterk", "Sterke kanten"), ("aandacht", "Aandachtspunten")):
            deel = verhaal[verhaal["soort"] == soort]
            if not len(deel):
                continue
            if kopje:
                blokken += [Alinea(kopje, "tussenkop"), Opsomming(tuple(deel["tekst"]))]
            else:
                blokken += [Alinea(tekst) for tekst in deel["tekst"]]
        blokken.append(Alinea(_verhaalbron(g, verhaal), "klein"))
        bronnen.voeg_teksten(verhaal)

    # --- per opgave ----------------------------------------------------------------------------------------------
    # A compact NL column: Nederland in the same year and from the same source, '–' where the country has none.
    nl = nederland(g)
    blokken += [
        Kop(f"Per opgave: {kop.naam} naast {GEMEENTE.naam} en Nederland"),
        Alinea("NL = Nederland, in hetzelfde jaar en uit dezelfde bron als de wijk; – = geen landelijk cijfer. Het "
               f"oordeel gaat over de wijk ten opzichte van {GEMEENTE.naam}; Nederland is alleen een referentie. "
               "* = modelschatting (RIVM/GGD), geen telling. Editie = het jaar van de CBS-tabel; het cijfer gaat over "
               "een eerder peilmoment (peildatum volgens de bron).", "klein"),
    ]
    for opgave in VIJF_OPGAVEN:
        regels = wijkregels(beoordeeld, wijk, opgave, nl)
        blokken.append(Kop(f"{OPGAVEN[opgave]}: {kop.naam} naast {GEMEENTE.naam}", 3))
        if regels.empty:
            blokken.append(Alinea("Voor deze opgave zijn er nog geen cijfers per wijk."))
        else:
            blokken.append(Tabel(("Indicator (jaar)", kop.naam, GEMEENTE.naam, "NL", f"Oordeel t.o.v. {GEMEENTE.naam}"),
                                 tuple(map(tuple, regels[["Indicator", "Wijk", GEMEENTE.naam, "NL", "Oordeel"]]
                                           .values.tolist())),
                                 (36, 14, 14, 12, 24)))
            bronnen.voeg_rijen(regels)
            bronnen.voeg_rijen(regels, "bron_nl")
            bronnen.voeg_soest(regels)
        stemmen = verhalen[(verhalen["opgave"] == opgave) & (verhalen["soort"] == "inwoners")]
        if len(stemmen):
            blokken += [Alinea(enquete.SAMENGEVAT, "tussenkop"),
                        *[Alinea(enquete.stem_tekst(v)) for _, v in stemmen.iterrows()],
                        Alinea(_verhaalbron(g, stemmen), "klein")]
            bronnen.voeg_teksten(stemmen)
    blokken += bronnen.blokken(gemaakt)
    titel = f"Wijkprofiel {kop.naam}"
    return Document(
        titel=titel,
        onderwerp=f"Wijk {kop.naam} ({wijk}) naast heel {GEMEENTE.naam}, per opgave van de Integrale Visie Sociaal Domein",
        inleiding=f"Wijk {wijk} van de gemeente {GEMEENTE.naam} naast heel {GEMEENTE.naam}, voor de vijf opgaven "
                  f"{opgaveoverzicht.herkomst_opgaven(g.opgaven)}. {bronnen.zin()} Gemaakt op {gemaakt:%d-%m-%Y}.",
        blokken=tuple(blokken), voetregel=bronnen.voetregel(titel, gemaakt), gemaakt=gemaakt)


@afgeleid.per_database
def pdf(g: Gegevens, soort: str, wat: str) -> bytes:
    """The factsheet of a wijk (soort 'wijk') or an opgave as a tagged PDF (PDF/UA-1), made once per database: a
    click in a page still open on an older database gets that database's figures, a fresh page the new ones."""
    return document.pdf(wijk_document(g, wat) if soort == "wijk" else opgave_document(g, wat))


def opgave_document(g: Gegevens, opgave: str, marge: float = scoring.STANDAARD_MARGE,
                    gemaakt: date | None = None) -> Document:
    """What the factsheet of one opgave over all wijken says (A4 landscape): ambition and goals, Soest's key figures,
    per wijk how many indicators are unfavourable, the wijk × indicator table with Soest, residents' voices and the
    sources with the years of their figures."""
    if opgave not in VIJF_OPGAVEN:
        raise FactsheetFout(f"Onbekende opgave '{opgave}'. Kies een van: " + ", ".join(VIJF_OPGAVEN) + ".")
    gemaakt = gemaakt or date.today()
    naam = OPGAVEN[opgave]
    bronnen = Bronnen(g)
    blokken: list = []
    tekst = opgaveoverzicht.opgave_tekst(g.opgaven, opgave)
    if tekst and not tekst.get("ambitie"):  # a gemeente without its own Visie in the data
        blokken.append(Alinea(f"De ambitie en doelen van de gemeente {GEMEENTE.naam} voor {naam.lower()} zijn niet "
                              "opgenomen; deze factsheet toont wat de open data zeggen."))
    elif tekst:
        blokken.append(Alinea(tekst["ambitie"]))
        if tekst.get("doelen"):
            blokken += [Alinea("Doelen", "tussenkop"), Opsomming(tuple(tekst["doelen"]))]
        teksten = pd.DataFrame([{"bron": tekst["bron"], "vindplaats": tekst.get("vindplaats")}])
        blokken.append(Alinea(_verhaalbron(g, teksten), "klein"))
        bronnen.voeg_teksten(teksten)
    kern = opgaveoverzicht.kerncijfers(tekst, g.waarden, g.indicatoren)
    if len(kern):
        blokken += [Kop(f"Kerncijfers voor heel {GEMEENTE.naam}"),
                    Tabel(("Indicator", GEMEENTE.naam, "Jaar", "Nederland", f"{GEMEENTE.naam} t.o.v. Nederland"),
                          tuple((r["label"], r["soest_tekst"], r["jaar_kort"] or "–",
                                 r["nederland_tekst"] or "geen gegevens", r["vergelijking"] or "–")
                                for _, r in kern.iterrows()),
                          (40, 12, 8, 12, 28))]
        bronnen.voeg_soest(kern)
        bronnen.voeg_rijen(g.waarden[g.waarden["gebied_code"] == NEDERLAND].merge(
            kern.loc[kern["nederland_tekst"].fillna("") != "", ["indicator", "jaar"]], on=["indicator", "jaar"]))

    rijen = opgaveoverzicht.opgaverijen(afgeleid.beoordeeld(g, marge), g.wijken, opgave)
    blokken.append(Kop(f"De wijken naast {GEMEENTE.naam}"))
    if rijen.empty:
        blokken.append(Alinea("Voor deze opgave zijn er nog geen cijfers per wijk."))
    else:
        tel = afgeleid.telling(g, marge)
        standpunten = afgeleid.standpunten(g, marge)  # the texts' stance: per wijk one sentence, as on every page
        blokken += [
            Alinea(f"Per wijk: bij hoeveel indicatoren van de kernset de wijk ongunstig (▼), gunstig (▲) of rond het "
                   f"gemiddelde (●) uitvalt ten opzichte van heel {GEMEENTE.naam}. {regel(marge)} Meest ongunstig eerst."),
            Opsomming(tuple(z.replace("**", "") for z in opgaveoverzicht.ongunstig_zinnen(tel, opgave))),
            Alinea("Wat de wijkprofielen en de Visie per wijk zeggen (letterlijke passages: dashboard, Aandacht per "
                   "opgave)", "tussenkop"),
            Opsomming(tuple(f"{r['gebied_naam']}: {r['zin']}"
                            for _, r in standpunten[standpunten["opgave"] == opgave].iterrows())),
        ]
        cellen = opgaveoverzicht.matrixgegevens(rijen)
        kolommen = [GEMEENTE.naam] + list(rijen.sort_values("gebied_code")["gebied_naam"].drop_duplicates())
        tabel = cellen.assign(cel=cellen["regel1"] + "\n" + cellen["regel2"]).pivot(
            index="rij", columns="kolom", values="cel")
        volgorde = list(rijen.sort_values("volgorde").assign(
            rij=[opgaveoverzicht.rijlabel(r) for _, r in rijen.sort_values("volgorde").iterrows()])["rij"].drop_duplicates())
        tabel = tabel.reindex(index=volgorde, columns=kolommen)
        blokken += [
            Kop("Alle indicatoren per wijk", 3),
            Alinea(f"In elk vak het cijfer en het oordeel ten opzichte van {GEMEENTE.naam}: ▲ gunstig, ▼ ongunstig, ● rond het "
                   "gemiddelde, ↑ ↓ hoger of lager zonder oordeel. 'geen gegevens' = de bron heeft geen cijfer.", "klein"),
            # 'De Eng-Soest-Midden' breaks after its first hyphen, as above the matrix on the page, not mid-word
            Tabel(("Indicator (jaar)", *[k.replace("-", "-\n", 1) for k in kolommen]),
                  tuple((rij, *[c if isinstance(c, str) else "geen\ngegevens" for c in tabel.loc[rij]])
                        for rij in volgorde),
                  (24,) + (76 / len(kolommen),) * len(kolommen), soort="matrix"),
        ]
        bronnen.voeg_rijen(rijen.dropna(subset=["bron"]))
        bronnen.voeg_soest(rijen)
    stemmen = g.verhalen[(g.verhalen["opgave"] == opgave) & (g.verhalen["soort"] == "inwoners")]
    if len(stemmen):
        namen = {**g.wijknamen, gemeente.huidige().code: f"Heel {GEMEENTE.naam}"}
        blokken += [Kop(enquete.SAMENGEVAT),
                    *[Alinea(f"{namen.get(v['gebied'], v['gebied'])}: {enquete.stem_tekst(v)}") for _, v in stemmen.iterrows()],
                    Alinea(_verhaalbron(g, stemmen), "klein")]
        bronnen.voeg_teksten(stemmen)
    blokken += bronnen.blokken(gemaakt)
    titel = f"Opgave {naam}"
    return Document(titel=titel, onderwerp=f"Opgave {naam}: alle wijken van {GEMEENTE.naam} naast heel {GEMEENTE.naam}",
                    inleiding=f"Alle wijken van {GEMEENTE.naam} naast heel {GEMEENTE.naam}. {bronnen.zin()} "
                              f"Gemaakt op {gemaakt:%d-%m-%Y}.",
                    blokken=tuple(blokken), voetregel=bronnen.voetregel(titel, gemaakt), liggend=True, gemaakt=gemaakt)
