"""Opgave: one of the five opgaven — ambition, goals, activities; Soest's key figures; Soest in the region; all
indicators across the wijken; trends. Texts come from data/opgaven.yaml, never from here."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from soest_data import export, gemeente, opmaak, scoring, url_state
from soest_data.begrippen import OPGAVEN, VERGELIJKGEMEENTE, VIJF_OPGAVEN
from soest_data.gegevens import Gegevens
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import aandacht, afgeleid, bronregels, grafieken, kaart, opgaveoverzicht, regio, uitspraken
from soest_data.weergave.blokken import (
    Bron,
    Download,
    Inhoud,
    Kader,
    Kerncijfer,
    Kolommen,
    Kop,
    Legenda,
    Plek,
    Raster,
    Tabel,
    Tekst,
    Uitklap,
    figuur,
)
from soest_data.weergave.paginas.wijkprofiel import referenties_uit

LEEG = pd.DataFrame(columns=["gebied_naam", "rol", "tekst"])


@dataclass(frozen=True)
class Staat:
    opgave: str = VIJF_OPGAVEN[0]
    nederland: bool = True
    buren: bool = False
    meldingen: tuple[str, ...] = field(default=(), compare=False)


def staat_uit(params: Mapping, g: Gegevens) -> Staat:
    opgave = url_state.kies(params, "opgave", VIJF_OPGAVEN, VIJF_OPGAVEN[0], "opgave")
    nederland, buren, meldingen = referenties_uit(params)
    return Staat(opgave.waarde, nederland, buren, tuple(m for m in (opgave.melding, *meldingen) if m))


def voorbeeldstaten(g: Gegevens) -> list[Staat]:
    return [Staat(o, n, b) for o in VIJF_OPGAVEN for n, b in ((True, False), (False, True))]


def bouw(g: Gegevens, staat: Staat) -> Inhoud:
    opgave = staat.opgave
    vast, rijen, volgorde = _vast(g, opgave)
    blokken = [*vast]
    if volgorde:
        blokken += [*_per_indicator(g, staat, rijen, volgorde), *_trends(g, staat, volgorde)]
    ids = list(g.indicatoren.loc[g.indicatoren["opgave"] == opgave, "id"])
    van_opgave = afgeleid.waarden_van(g, indicatoren=ids)
    alle = van_opgave.loc[van_opgave["niveau"].isin(["gemeente", "wijk", "land", VERGELIJKGEMEENTE]),
                          export.EXPORTKOLOMMEN]
    blokken.append(Download(alle, f"opgave_{opgave}",
                            f"Download alle cijfers van {OPGAVEN[opgave].lower()}, met Nederland en de buurgemeenten"))
    return Inhoud(f"Opgave: {OPGAVEN[opgave]}", tuple(blokken), kopjes=(
        (f"De wijken naast {GEMEENTE.naam}", "wijken"), ("Wat we willen bereiken", "doelen"),
        (f"Heel {GEMEENTE.naam}", "soest"),
        ("Per indicator: de wijken op volgorde", "per-indicator")))


@afgeleid.per_database(vooraf=afgeleid.per_opgave)
def _vast(g: Gegevens, opgave: str) -> tuple[tuple, pd.DataFrame, list]:
    """What the opgave page shows whatever the reference switches: made once per opgave, so switching Nederland or
    the buurgemeenten only rebuilds the parts that show them."""
    tekst = opgaveoverzicht.opgave_tekst(g.opgaven, opgave)
    kern = opgaveoverzicht.kerncijfers(tekst, g.waarden, g.indicatoren)
    rijen = opgaveoverzicht.opgaverijen(afgeleid.beoordeeld(g), g.wijken, opgave)
    volgorde = [] if rijen.empty else opgaveoverzicht.indicatorvolgorde(rijen)
    # The wijken that stand out first (on a phone the first screen); the long overviews open on demand.
    wijken = _wijken(g, opgave, rijen, volgorde) if volgorde else [
        Tekst("Voor deze opgave zijn er nog geen cijfers per wijk.")]
    blokken = [Kop(f"De wijken naast {GEMEENTE.naam}", anker="wijken"), *wijken, Plek("bovenaan"),
               Kop("Wat we willen bereiken", anker="doelen"), *_doelen(g, opgave, tekst),
               Kop(f"Heel {GEMEENTE.naam}", anker="soest"), *_heel_soest(g, opgave, kern),
               Kop(f"{GEMEENTE.naam} in de regio"), *_regio(g, opgave)]
    return tuple(blokken), rijen, volgorde


def _doelen(g: Gegevens, opgave: str, tekst: dict | None) -> list:
    if tekst is None:
        return [Tekst(f"Voor {OPGAVEN[opgave].lower()} is de beschrijving uit de Integrale Visie nog niet opgenomen.")]
    if not tekst.get("ambitie"):  # a gemeente without its own Visie in the data: the open data only
        return [Tekst(f"De ambitie, doelen en activiteiten van de gemeente {GEMEENTE.naam} voor "
                      f"{OPGAVEN[opgave].lower()} zijn niet in dit dashboard opgenomen. Hieronder staat wat de open "
                      "data zeggen.")]
    draagt_bij = []
    if tekst.get("global_goals"):
        draagt_bij.append("**Global Goals:** " + " · ".join(tekst["global_goals"]))
    if tekst.get("positieve_gezondheid"):
        draagt_bij.append("**Positieve gezondheid:** " + " · ".join(tekst["positieve_gezondheid"]))
    return [
        Tekst(tekst["ambitie"], groot=True),
        Kolommen(((Kop("Doelen", niveau=3), Tekst("\n".join(f"- {d}" for d in tekst.get("doelen") or []))),
                  (Kop("Wat we doen", niveau=3), Tekst("\n".join(f"- {a}" for a in tekst.get("activiteiten") or []))))),
        *([Tekst("  \n".join(draagt_bij))] if draagt_bij else []),
        Bron(bronregels.verhaalbron(g, pd.DataFrame([{"bron": tekst["bron"],
                                                       "vindplaats": tekst.get("vindplaats") or ""}]))),
    ]


def _heel_soest(g: Gegevens, opgave: str, kern: pd.DataFrame) -> list:
    blokken = [Kop("Kerncijfers uit de Integrale Visie" if any(o.get("ambitie") for o in g.opgaven) else "Kerncijfers",
                   niveau=3)]
    if kern.empty:
        blokken.append(Tekst(f"Voor deze opgave zijn nog geen kerncijfers voor heel {GEMEENTE.naam} opgenomen."))
    tegels = []
    for _, rij in kern.iterrows():
        regels = [f"{GEMEENTE.naam}, {rij['jaar_tekst']}" if rij["jaar"] else f"Voor {GEMEENTE.naam} nog geen cijfer"]
        if rij["nederland_tekst"]:
            regels.append(f"Nederland: **{rij['nederland_tekst']}** — {rij['vergelijking']}")
        tegels.append((Kerncijfer(rij["label"], rij["soest_tekst"], f"{rij['label']} ({rij['eenheid']})",
                                  tuple(regels)),))
    if tegels:
        blokken.append(Raster(tuple(tegels), per_rij=4))
    met_jaar = kern.dropna(subset=["jaar"])
    if len(met_jaar):
        blokken.append(Bron(bronregels.bronnen_van(g, met_jaar[["indicator", "jaar"]].itertuples(index=False))))
    verhalen = g.verhalen[g.verhalen["opgave"] == opgave]
    blokken.append(Kop("Wat we horen en zien", niveau=3))
    if verhalen.empty:
        blokken.append(Tekst("Voor deze opgave zijn nog geen verhalen uit de wijken opgenomen."))
    else:
        soorten = {"inwoners": "inwoners", "sterk": "sterk punt", "aandacht": "aandachtspunt",
                   "situatieschets": "schets", "voorbehoud": "let op"}
        namen = {**g.wijknamen, gemeente.huidige().code: f"Heel {GEMEENTE.naam}"}
        blokken += [Raster(tuple((Kader((Tekst(
            f"**{namen.get(v['gebied'], v['gebied'])}** ({soorten.get(v['soort'], v['soort'])}): {v['tekst']}"),)),)
            for _, v in verhalen.iterrows()), per_rij=2), Bron(bronregels.verhaalbron(g, verhalen))]
    if g.uitspraken.empty:  # a gemeente without wijkprofielen in the data
        blokken.append(Tekst(f"Voor {GEMEENTE.naam} zijn geen wijkprofielen met uitspraken per wijk opgenomen."))
    else:
        blokken += [Tekst("**Wat de wijkprofielen en de Visie per wijk zeggen, naast de telling**"),
                    Tekst(uitspraken.opgave_regels(afgeleid.standpunten(g), opgave))]
    # The opgave's figures that exist only for Soest as a whole (not among the key figures), as a table.
    ids = g.indicatoren.loc[(g.indicatoren["opgave"] == opgave) & (g.indicatoren["wijken_met_waarde"] == 0)
                            & ~g.indicatoren["id"].isin(kern["indicator"]), "id"]
    overig = opgaveoverzicht.kerncijfers({"kerncijfers": list(ids)}, g.waarden, g.indicatoren).dropna(subset=["jaar"])
    if len(overig):
        tabel = pd.DataFrame({"Indicator": overig["label"], GEMEENTE.naam: overig["soest_tekst"],
                              "Nederland": overig["nederland_tekst"].replace("", "–"), "Jaar": overig["jaar_tekst"]})
        naam = f"opgave_{opgave}_alleen_soest"
        blokken.append(Uitklap(f"Nog {len(tabel)} cijfers die alleen voor heel {GEMEENTE.naam} bestaan", (
            Tabel(tabel, naam, Download(tabel, naam, "Download deze tabel")),
            Bron(bronregels.bronnen_van(g, overig[["indicator", "jaar"]].itertuples(index=False))))))
    return blokken


def _regio(g: Gegevens, opgave: str) -> list:
    regiowaarden, oordelen = afgeleid.soest_in_de_regio(g, opgave)
    buren = list(g.gebieden.loc[g.gebieden["niveau"] == VERGELIJKGEMEENTE, "naam"])
    regiozin = regio.regio_zin(oordelen)
    regels = [f"- {woord}: {regio.regio_regels(oordelen, oordeel)}." for woord, oordeel in
              (("▲ Gunstiger dan Nederland", scoring.GUNSTIG), ("▼ Ongunstiger dan Nederland", scoring.ONGUNSTIG))
              if regio.regio_regels(oordelen, oordeel)]
    blokken = [
        Tekst(f"Heel {GEMEENTE.naam} naast **Nederland** en de {len(buren)} buurgemeenten ({opmaak.opsomming(buren)}): per "
              f"indicator het laatste jaar met een {GEMEENTE.eigen('cijfer')}, uit dezelfde bron en hetzelfde jaar. "
              f"{GEMEENTE.naam} wordt "
              f"beoordeeld zoals een wijk ten opzichte van {GEMEENTE.naam}: meer dan "
              f"{opmaak.getal(scoring.STANDAARD_MARGE * scoring.PROCENTPUNT_PER_MARGE, 1)} procentpunt (percentages) "
              f"of {round(scoring.STANDAARD_MARGE * 100)} % (andere cijfers) verschil met Nederland is gunstiger of "
              "ongunstiger. Aantallen vergelijken we niet (een grotere gemeente heeft vanzelf meer)."),
        Tekst(f"**{regiozin}**"),
        *([Tekst("\n".join(regels))] if regels else []),
    ]
    if len(oordelen):
        paren = oordelen[["indicator", "oordeel"]]
        alt_tekst = (f"{GEMEENTE.naam} naast Nederland en de buurgemeenten voor {len(oordelen)} indicatoren. {regiozin} De "
                     "tabel eronder bevat alle cijfers.")
        tabel = regio.regiotabel(oordelen, buren)
        ids = tuple(oordelen["indicator"])
        blokken += [
            figuur(regio.regiografiek(regiowaarden, paren), alt=alt_tekst,
                   titel=f"{OPGAVEN[opgave]}: {GEMEENTE.naam} naast Nederland en de buurgemeenten", indicator_ids=ids,
                   bestandsnaam=f"opgave_{opgave}_regio",
                   smal=figuur(regio.regiografiek(regiowaarden, paren, breedte=300), alt=alt_tekst)),
            Uitklap(f"{GEMEENTE.naam} in de regio als tabel, met een link naar de kaart van de wijken", (Tabel(
                tabel, f"opgave_{opgave}_regio", Download(tabel, f"opgave_{opgave}_regio", "Download deze tabel",
                                                          indicator_ids=ids),
                linkkolommen=(("Kaart van de wijken", "naar de kaart"),)),)),
            Bron(bronregels.bronnen_van(g, oordelen[["indicator", "jaar"]].itertuples(index=False))),
        ]
    return blokken


WIJKEN_IN_OVERZICHT = 15  # columns of the overview that a laptop still shows side by side


def _wijken(g: Gegevens, opgave: str, rijen: pd.DataFrame, volgorde: list) -> list:
    tel = afgeleid.telling(g)
    zinnen = opgaveoverzicht.ongunstig_zinnen(tel, opgave)
    matrixtabel = opgaveoverzicht.matrixtabel(rijen, afgeleid.nederland_per_jaar(g))
    ids = tuple(rijen["indicator"].unique())
    # A large gemeente: the overview (a column per wijk) shows the wijken with the most unfavourable indicators of
    # this opgave, as the aandacht matrix does; the table's download keeps every wijk.
    in_beeld = set(aandacht.in_de_matrix(tel[tel["opgave"] == opgave], hoeveel=WIJKEN_IN_OVERZICHT)["gebied_code"])
    alle, getoond = rijen["gebied_code"].nunique(), len(in_beeld & set(rijen["gebied_code"]))
    deel = "" if getoond >= alle else (f"Van de {alle} wijken staan in het overzicht de {getoond} met de meeste "
                                       f"ongunstige indicatoren van deze opgave; de download van de tabel heeft ze "
                                       f"alle {alle}.")
    if deel:
        rijen = rijen[rijen["gebied_code"].isin(in_beeld)]
    alt_tekst = (f"Overzicht van {len(volgorde)} indicatoren van {OPGAVEN[opgave].lower()} per wijk. "
                 + " ".join(z.replace("**", "") for z in zinnen)
                 + (f" {deel} De tabel eronder bevat dezelfde vakken." if deel else " De tabel eronder bevat alle vakken."))
    tabel_in_beeld = opgaveoverzicht.matrixtabel(rijen, afgeleid.nederland_per_jaar(g)) if deel else matrixtabel
    return [
        Tekst("Per wijk: bij hoeveel indicatoren van de **kernset** de wijk **ongunstig** (▼), **gunstig** (▲) of "
              f"**rond het gemiddelde** (●) uitvalt ten opzichte van heel {GEMEENTE.naam}. Meest ongunstig eerst."),
        Tekst("\n".join(f"- {z}" for z in zinnen)),
        Tekst(f"De kernset (★) is één indicator per onderwerp uit de doelen; dezelfde telling als op [Aandacht per "
              f"opgave](/aandacht). Een wijk wijkt af bij meer dan "
              f"{opmaak.getal(scoring.STANDAARD_MARGE * scoring.PROCENTPUNT_PER_MARGE, 1)} procentpunt (percentages) "
              f"of {round(scoring.STANDAARD_MARGE * 100)} % van de {GEMEENTE.eigen('waarde')} (overige cijfers).",
              klein=True),
        # the long overviews are sent only when asked (Uitklap op_verzoek): a phone gets no chart library for them
        Uitklap(f"Toon alle {len(volgorde)} indicatoren in één overzicht, per wijk", (
            Tekst("Elke rij is een indicator, elke kolom een wijk. In elk vak het cijfer en de positie ten opzichte "
                  f"van {GEMEENTE.naam}, in een teken én een woord. De kleur herhaalt alleen wat er staat. *schatting* = "
                  "modelschatting (een berekende schatting, geen telling). ★ = telt mee in de telling (kernset). "
                  "Zorggebruik (zoals jeugdhulp) staat erbij zonder oordeel: veel gebruik kan veel behoefte "
                  "betekenen, of dat hulp goed gevonden wordt." + (f" {deel}" if deel else "")),
            figuur(opgaveoverzicht.matrixgrafiek(rijen), alt=alt_tekst, titel=f"{OPGAVEN[opgave]}: alle indicatoren "
                   "per wijk", indicator_ids=ids, bestandsnaam=f"opgave_{opgave}_overzicht",
                   smal=figuur(opgaveoverzicht.matrixstapel(rijen), alt=alt_tekst), vanaf=1400),
            Legenda(tuple(zip(opgaveoverzicht.legenda()["kleur"], opgaveoverzicht.legenda()["betekenis"])))),
                op_verzoek=True),
        Uitklap("Het overzicht als tabel, met Nederland", (*([Tekst(deel)] if deel else []), Tabel(
            tabel_in_beeld, f"opgave_{opgave}_overzicht",
            Download(matrixtabel, f"opgave_{opgave}_overzicht", "Download deze tabel", indicator_ids=ids)),)),
        Bron(bronregels.bronnen_van(g, rijen.drop_duplicates("indicator")[["indicator", "jaar"]]
                                    .itertuples(index=False))),
    ]


@afgeleid.per_database(vooraf=afgeleid.per_opgave)  # the same whatever the references: once per opgave
def _panelteksten(g: Gegevens, opgave: str) -> dict[str, tuple[str, str, Bron]]:
    """Per indicator its panel's heading (label, year, 'modelschatting'), its sentence and its source line."""
    _, rijen, volgorde = _vast(g, opgave)
    uit = {}
    for indicator_id, deel in rijen.groupby("indicator", sort=False):
        eerste = deel.iloc[0]
        jaar = None if pd.isna(eerste["jaar"]) else int(eerste["jaar"])
        kop = f"**{eerste['label']}**" + (f" — {jaar}" if jaar else "")
        if opmaak.is_schatting(eerste["modelschatting"]):
            kop += " · *modelschatting*"
        zin = "" if eerste["soort"] == "relatief" else kaart.samenvatting(deel, eerste["soest"], eerste["eenheid"])
        uit[indicator_id] = (kop, zin, Bron(bronregels.bronvermelding(g, indicator_id, jaar)))
    return uit


def _per_indicator(g: Gegevens, staat: Staat, rijen: pd.DataFrame, volgorde: list) -> list:
    referenties = afgeleid.referenties_van(g, rijen[["indicator", "jaar"]].dropna().itertuples(index=False),
                                    staat.nederland, staat.buren)
    per_paar = {(i, int(j)): d for (i, j), d in referenties.groupby(["indicator", "jaar"], sort=False)}
    delen = dict(tuple(rijen.groupby("indicator", sort=False)))
    panelen = []
    teksten = _panelteksten(g, staat.opgave)
    for indicator_id in volgorde:
        deel = delen[indicator_id]
        eerste = deel.iloc[0]
        jaar = None if pd.isna(eerste["jaar"]) else int(eerste["jaar"])
        kop, zin, bron = teksten[indicator_id]
        if eerste["soort"] == "relatief":
            panelen.append((Kader((Tekst("\n\n".join([
                kop, f"Uitspraken uit de wijkprofielen, ten opzichte van het {GEMEENTE.eigen('gemiddelde')}:",
                "\n".join(f"- {z}" for z in opgaveoverzicht.relatief_zinnen(rijen, indicator_id))])), bron)),))
            continue
        ref = per_paar.get((indicator_id, jaar), LEEG)
        regels = [kop, zin] + ([" · ".join(f"{n}{' (fijne stippellijn)' if r == 'Nederland' else ''}: {t}"
                                           for n, r, t in zip(ref["gebied_naam"], ref["rol"], ref["tekst"]))]
                               if len(ref) else [])
        panelen.append((Kader((Tekst("\n\n".join(regels)), figuur(
            grafieken.wijkstaaf(deel, eerste["soest"], eerste["eenheid"], hoogte_per_wijk=38, referenties=ref),
            alt=f"{eerste['label']}: {zin}"), bron)),))
    return [
        Kop("Per indicator: de wijken op volgorde", anker="per-indicator"),
        Tekst(f"Van hoog naar laag, met het {GEMEENTE.eigen('gemiddelde')} als stippellijn. Blauw = gunstig, oranje = ongunstig, "
              "grijs = rond het gemiddelde, paars = hoger of lager zonder oordeel; wijs een balk aan voor het oordeel "
              "in woorden. Nederland staat er als fijne stippellijn bij waar er een landelijk cijfer is; de "
              "buurgemeenten als dunne grijze lijnen."),
        Plek("referenties"),
        Uitklap(f"Toon de {len(panelen)} indicatoren, elk met de wijken op volgorde",
                (Raster(tuple(panelen), per_rij=2),), op_verzoek=True),
    ]


@afgeleid.per_database(vooraf=afgeleid.per_opgave)  # the same whatever the references: once per opgave
def _trendtabel(g: Gegevens, opgave: str) -> pd.DataFrame:
    return opgaveoverzicht.trendtabel(opgaveoverzicht.trendreeksen(g.waarden, _vast(g, opgave)[2], g.wijken))


def _trends(g: Gegevens, staat: Staat, volgorde: list) -> list:
    opgave = staat.opgave
    reeksen = opgaveoverzicht.trendreeksen(afgeleid.waarden_van(g, indicatoren=volgorde), volgorde, g.wijken)
    if not len(reeksen):
        return []
    lijnen = dict(tuple(afgeleid.referenties_van(g, reeksen[["indicator", "jaar"]].itertuples(index=False),
                                          staat.nederland, staat.buren).groupby("indicator")))
    aantal = len(g.wijknamen)
    panelen = tuple((figuur(
        opgaveoverzicht.trendgrafiek(reeks, titel=reeks["indicator_label"].iloc[0], referenties=lijnen.get(i)),
        alt=f"{reeks['indicator_label'].iloc[0]}: heel {GEMEENTE.naam} en {opgaveoverzicht.trendlijnen(aantal)} door de "
            "jaren; de tabel 'De ontwikkeling als tabel' zegt per wijk hoe het veranderde.",
        titel=f"{OPGAVEN[opgave]}: {reeks['indicator_label'].iloc[0]} door de jaren", indicator_ids=(i,),
        bestandsnaam=f"opgave_{opgave}_{i}_ontwikkeling"),) for i, reeks in reeksen.groupby("indicator", sort=False))
    trendtabel = _trendtabel(g, opgave)
    naam = f"opgave_{opgave}_ontwikkeling"
    return [
        Kop("Door de jaren heen"),
        Tekst(f"Indicatoren met cijfers uit meer dan één jaar. De dikke zwarte lijn is heel {GEMEENTE.naam}; de dunne grijze "
              f"lijnen zijn {opgaveoverzicht.trendlijnen(aantal)} (wijs een lijn aan voor de naam)"
              + ("; Nederland is de zwarte stippellijn met open vierkantjes" if staat.nederland else "")
              + ("; de buurgemeenten zijn de grijze streepjeslijnen" if staat.buren else "")
              + ". De tabel zegt per wijk hoe het veranderde."),
        Uitklap(f"Toon de ontwikkeling in {len(panelen)} grafieken", (Raster(panelen, per_rij=3),), op_verzoek=True),
        Uitklap("De ontwikkeling als tabel", (Tabel(trendtabel, naam, Download(trendtabel, naam, "Download deze tabel")),)),
        Bron(bronregels.bronnen_van(g, reeksen[["indicator", "jaar"]].drop_duplicates().itertuples(index=False))),
    ]
