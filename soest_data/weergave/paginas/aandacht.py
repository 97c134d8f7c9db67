"""Aandacht per opgave: per wijk × opgave how many kernset indicators are clearly unfavourable vs Soest, which ones,
and what the wijkprofielen say beside it. Supports the first question of the afwegingskader; the rule
(soest_data.scoring, docs/METHODE.md) is stated on the page, the margin and a highlighted wijk live in the URL."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from soest_data import scoring, url_state
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.gegevens import Gegevens
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import aandacht, afgeleid, bronregels, regio, uitspraken
from soest_data.weergave.blokken import (
    Bestand,
    Bron,
    Download,
    Inhoud,
    Kader,
    Kop,
    Legenda,
    Link,
    Plek,
    Tabel,
    Tekst,
    Uitklap,
    figuur,
)
from soest_data.weergave.paginas.wijkprofiel import referenties_uit

STANDAARD_PCT = round(scoring.STANDAARD_MARGE * 100)


@dataclass(frozen=True)
class Staat:
    marge_pct: int = STANDAARD_PCT
    wijk: str | None = None
    nederland: bool = True
    buren: bool = False
    meldingen: tuple[str, ...] = field(default=(), compare=False)

    @property
    def marge(self) -> float:
        return self.marge_pct / 100


def staat_uit(params: Mapping, g: Gegevens) -> Staat:
    wijk = url_state.kies(params, "wijk", list(g.wijknamen), None, "wijk")
    marge = url_state.kies(params, "marge", [str(m) for m in aandacht.MARGES], str(STANDAARD_PCT), "marge")
    nederland, buren, meldingen = referenties_uit(params)
    return Staat(int(marge.waarde), wijk.waarde, nederland, buren,
                 tuple(m for m in (wijk.melding, marge.melding, *meldingen) if m))


def voorbeeldstaten(g: Gegevens) -> list[Staat]:
    return [Staat(m, w) for m in (STANDAARD_PCT, 15) for w in (None, *g.wijknamen)]


def bouw(g: Gegevens, staat: Staat) -> Inhoud:
    marge, pct, wijk = staat.marge, staat.marge_pct, staat.wijk
    beoordeeld = afgeleid.beoordeeld(g, marge)
    tel = afgeleid.telling(g, marge)
    naam_van = g.wijknamen
    indicatoren = tuple(beoordeeld["indicator"].unique())
    blokken = [
        Tekst("Welke wijken vragen **extra aandacht** bij een opgave? Per wijk en per opgave tellen we hoeveel "
              f"indicatoren van een vaste kernset **duidelijk ongunstig** uitvallen ten opzichte van heel {GEMEENTE.naam}. Dit "
              "helpt bij de eerste vraag van het afwegingskader: *\"Draagt het bij aan een wijk of doelgroep die "
              "extra aandacht vereist?\"*"),
        Tekst("**Een signaal, geen oordeel.** De telling laat zien waar het de moeite waard is om beter te kijken. Ze "
              "zegt niet dat een wijk 'slecht' is of dat een voorstel daar wel of niet moet. Lees de indicatoren "
              "erachter en de verhalen van inwoners, en kijk naar de grenzen van de cijfers onderaan deze pagina.",
              kader="info"),
        Kader((Kop("Zo tellen we", niveau=3), Plek("marge"), Tekst(aandacht.regel_in_woorden(marge)),
               Uitklap("Waarom tellen we zo?", (Tekst("\n".join(f"- {z}" for z in aandacht.waarom_in_woorden())),)))),
        Kop("Wijk × opgave", anker="matrix"),
        Tekst("In elk vak: **hoeveel indicatoren van de kernset duidelijk ongunstig zijn**, van het aantal met een "
              "oordeel. Hoe donkerder het vak, hoe groter het deel dat ongunstig is; de woorden in het vak zeggen "
              "hetzelfde. *valt op* = minstens de helft ongunstig (en minstens 2)."
              + (f" ◆ = {naam_van[wijk]}." if wijk else "")),
    ]
    if tel["met_oordeel"].sum() == 0:
        blokken.append(Tekst("Er zijn nog geen cijfers per wijk met een oordeel (gunstig of ongunstig). De matrix "
                             "blijft leeg.", kader="waarschuwing"))
    else:
        in_beeld = aandacht.in_de_matrix(tel, wijk)
        alle, getoond = tel["gebied_code"].nunique(), in_beeld["gebied_code"].nunique()
        deel = "" if getoond == alle else f" (de {getoond} van de {alle} wijken met de meeste ongunstige indicatoren)"
        if deel:
            blokken.append(Tekst(f"Van de {alle} wijken staan hier de {aandacht.WIJKEN_IN_MATRIX} met de meeste "
                                 "duidelijk ongunstige indicatoren over alle opgaven samen"
                                 + (f", en {naam_van[wijk]}" if wijk and getoond > aandacht.WIJKEN_IN_MATRIX else "")
                                 + f". De tabel eronder heeft alle {alle} wijken."))
        blokken += [
            figuur(aandacht.matrixgrafiek(in_beeld, wijk), alt=f"Wijk × opgave{deel}: per vak het aantal ongunstige "
                   "indicatoren van de kernset; dezelfde cijfers staan in de tabel eronder.",
                   titel=f"Aandacht per opgave: wijk × opgave (marge {pct} %)", indicator_ids=indicatoren,
                   bestandsnaam=f"aandacht_matrix_marge_{pct}",
                   smal=figuur(aandacht.matrixstapel(in_beeld, wijk), alt=f"Wijk × opgave{deel}, per wijk onder "
                               "elkaar; dezelfde cijfers staan in de tabel eronder.")),
            Legenda(_legenda(aandacht.legenda()), smal=Legenda(_legenda(aandacht.legenda(smal=True)))),
        ]
    matrix = aandacht.matrix(tel)
    blokken += [
        Uitklap("De matrix als tabel", (Tabel(matrix, f"aandacht_matrix_marge_{pct}", Download(
            matrix, f"aandacht_matrix_marge_{pct}", "Download de matrix", indicator_ids=indicatoren)),)),
        # machine-readable (comma, decimal point): the same file as `python -m soest_data export --aandacht`
        Bestand(aandacht.matrix_csv(tel, marge), f"aandacht_telling_marge_{pct}.csv",
                "Download de telling, machineleesbaar (CSV: gebied_code, opgave, ongunstig, beoordeeld, oordeel, "
                "marge)", "text/csv"),
        *_per_opgave(g, marge),
        Kop("Eén wijk: welke opgaven vallen op, en waarom?", anker="een-wijk"),
        Plek("referenties"),
    ]
    if staat.nederland or staat.buren:
        blokken.append(Tekst(
            "In de tabellen hieronder staan " + regio.referentie_namen(staat.nederland, staat.buren) + f" naast {GEMEENTE.naam}, "
            "uit dezelfde bron en hetzelfde jaar ('–' = geen cijfer). Alleen ter vergelijking: het oordeel en de "
            f"telling blijven ten opzichte van {GEMEENTE.naam}, en gaan alleen over de {len(g.wijknamen)} wijken.",
            klein=True))
    blokken.append(Plek("wijk"))
    blokken += _een_wijk(g, staat, tel)
    alles = afgeleid.aandachtdetails(g, marge, staat.nederland, staat.buren, True)
    kernjaren = list(aandacht.kernrijen(beoordeeld)[["indicator", "jaar"]].itertuples(index=False))
    blokken += [
        Uitklap("Alle kernset-indicatoren achter de matrix (alle wijken)", (Tabel(alles, f"aandacht_alles_marge_{pct}"),)),
        Download(alles.assign(**{"Marge (%)": pct}), f"aandacht_per_opgave_marge_{pct}",
                 "Download de indicatoren achter de matrix"),
        Kop("Wat deze telling wel en niet zegt", anker="grenzen"),
        Tekst("\n".join(f"- {z}" for z in aandacht.grenzen(beoordeeld))
              + "\n- **Niet alles is gemeten.** Wat inwoners zelf zeggen staat op [Inwoners aan het woord](/inwoners)."),
        *([Bron(bronregels.bronnen_van(g, kernjaren))] if kernjaren else []),
    ]
    return Inhoud("Aandacht per opgave", tuple(blokken), kopjes=(
        ("Wijk × opgave", "matrix"), ("Eén wijk: welke opgaven vallen op, en waarom?", "een-wijk"),
        ("Wat deze telling wel en niet zegt", "grenzen")))


def _legenda(rijen) -> tuple[tuple[str, str], ...]:
    return tuple(zip(rijen["kleur"], rijen["betekenis"]))


@afgeleid.per_database(vooraf=afgeleid.standaardmarge)  # the same for every wijk and choice of references
def _per_opgave(g: Gegevens, marge: float) -> list:
    tel = afgeleid.telling(g, marge)
    if g.uitspraken.empty:  # a gemeente without wijkprofielen in the data: the tally from the open data only
        return [Kop("Per opgave: waar valt het op?", niveau=3, anker=uitspraken.UITLEG_ANKER),
                Tekst(f"Voor {GEMEENTE.naam} zijn geen wijkprofielen met uitspraken per wijk opgenomen; hieronder "
                      "staat alleen de telling uit de open data."),
                *(Uitklap(aandacht.opgave_zin(tel, opgave).replace("**", ""), (
                    Tekst("Kernset: " + ("; ".join(g.indicator(i)["label"] for i in kern) if kern else "geen"),
                          klein=True),), open=opgave == VIJF_OPGAVEN[0])
                  for opgave, kern in ((o, scoring.kernsets(g.opgaven).get(o, [])) for o in VIJF_OPGAVEN))]
    overeen = afgeleid.overeenstemming(g, marge)
    eens, vergeleken = uitspraken.telling_en_tekst(overeen)
    blokken = [
        Kop("Per opgave: waar valt het op, en wat zeggen de wijkprofielen?", niveau=3, anker=uitspraken.UITLEG_ANKER),
        Tekst("Naast de telling staat wat de wijkprofielen van het Verwey-Jonker Instituut (bijlage 2 van de Visie) en "
              "hoofdstuk 3 van de Visie over de wijk zeggen, letterlijk geciteerd. ✔ = telling en tekst zijn het eens, "
              "✘ = ze verschillen: lees dan beide. **Telling en tekst** kunnen verschillen: de tekst is van 2021-2023 en "
              "weegt alles wat het profiel noemt, de telling gebruikt de nieuwste cijfers en alleen de kernset van de "
              "opgave. Elke pagina, de presentatie en de factsheet tonen dit standpunt van de tekst, en zeggen het waar "
              "het van de telling verschilt."),
        Tekst(f"Telling en tekst zijn het eens in **{eens} van de {vergeleken}** vakken waarover de tekst een "
              "uitspraak doet (aandacht of geen aandacht; 'gemengd' wordt niet vergeleken)."),
    ]
    kernsets = scoring.kernsets(g.opgaven)
    for opgave in VIJF_OPGAVEN:
        kern = [g.indicator(i)["label"] for i in kernsets.get(opgave, [])]
        blokken.append(Uitklap(aandacht.opgave_zin(tel, opgave).replace("**", ""), (
            Tekst("\n".join(f"- {z}" for z in aandacht.profiel_zinnen(overeen, opgave))),
            Tekst("Kernset: " + ("; ".join(kern) if kern else "geen"), klein=True)), open=opgave == VIJF_OPGAVEN[0]))
    return blokken


def _een_wijk(g: Gegevens, staat: Staat, tel) -> list:
    wijk = staat.wijk
    if wijk is None:
        return [Tekst("Kies een wijk om per opgave de indicatoren te zien die achter de telling zitten. "
                      f"Bijvoorbeeld {next(iter(g.wijknamen.values()), 'een wijk')}, bij een voorstel voor die wijk.")]
    naam = g.wijknamen[wijk]
    blokken = [
        Kop(f"{naam}: de opgaven op een rij", niveau=3),
        Tekst(f"Meest ongunstig eerst. 'Zonder gegevens' zijn indicatoren waarvoor {naam} geen cijfer heeft; die "
              "tellen niet mee."),
        Tekst("\n".join(f"- {z}" for z in aandacht.wijk_zinnen(tel, wijk))),
        Link(f"Naar het hele wijkprofiel van {naam}", "pages/wijkprofiel.py", (("wijk", wijk),),
             ":material/location_city:"),
    ]
    deze = tel[tel["gebied_code"] == wijk].set_index("opgave")
    alle = afgeleid.aandachtdetails(g, staat.marge, staat.nederland, staat.buren, False)
    van_wijk = alle[alle["Wijk"] == naam]
    for opgave in VIJF_OPGAVEN:
        cel = deze.loc[opgave]
        tabel = van_wijk[van_wijk["Opgave"] == OPGAVEN[opgave]].drop(columns=["Wijk", "Opgave"]).reset_index(drop=True)
        naam_tabel = f"aandacht_{wijk}_{opgave}_marge_{staat.marge_pct}"
        binnen = ((Tekst("Voor deze opgave zijn er nog geen cijfers per wijk met een oordeel."),) if tabel.empty else
                  (Tabel(tabel, naam_tabel, Download(tabel, naam_tabel, "Download deze tabel")),))
        blokken.append(Uitklap(f"{OPGAVEN[opgave]} — {cel['tekst']}", binnen, open=bool(cel["valt_op"])))
    return blokken
