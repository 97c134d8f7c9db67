"""Kaart: one indicator on the map of the wijken (or buurten), with legend, ranked table and a summary sentence."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from soest_data import opmaak, scoring, url_state
from soest_data.begrippen import OPGAVEN
from soest_data.gebieden import grenzen_bron
from soest_data.gegevens import Gegevens
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import afgeleid, bronregels, kaart, opgaveoverzicht
from soest_data.weergave.blokken import (
    Beelddownload,
    Bron,
    Download,
    Inhoud,
    Kolommen,
    Kop,
    Legenda,
    Plek,
    Tabel,
    Tekst,
    Wijklinks,
)
from soest_data.weergave.blokken import kaart as kaartblok
from soest_data.weergave.paginas.wijkprofiel import referenties_uit

STANDAARD_INDICATOR = "moeite_met_rondkomen_18plus"


@dataclass(frozen=True)
class Staat:
    indicator: str
    jaar: int
    niveau: str = "wijk"
    verdeling: bool = False  # coloured by five steps over the spread instead of the judgement against Soest
    nederland: bool = True
    buren: bool = False
    kan_buurten: bool = field(default=False, compare=False)
    jaren: tuple[int, ...] = field(default=(), compare=False)
    meldingen: tuple[str, ...] = field(default=(), compare=False)


@afgeleid.per_database(vooraf=afgeleid.eenmaal)
def op_kaart(g: Gegevens) -> dict[str, str]:
    """The indicators with figures per wijk (only those can be mapped), ordered by opgave: id → 'Opgave › label'."""
    cat = g.indicatoren
    deel = cat[cat["wijken_met_waarde"] > 0].assign(
        opgave_volgorde=lambda d: d["opgave"].map({o: i for i, o in enumerate(OPGAVEN)})).sort_values(
        ["opgave_volgorde", "volgorde"])
    return {i: f"{OPGAVEN[o]} › {label}" for i, o, label in zip(deel["id"], deel["opgave"], deel["label"])}


@afgeleid.per_database(vooraf=afgeleid.eenmaal)  # read on every rerun (staat_uit): one pass over the values
def _jaren_per_indicator(g: Gegevens) -> dict[str, dict[str, tuple[int, ...]]]:
    """Per indicator, per level with figures ('wijk', 'buurt') its years; a level only when it has a figure (the wijk
    level always)."""
    w = g.waarden.loc[g.waarden["niveau"].isin(["wijk", "buurt"]), ["indicator", "niveau", "jaar", "waarde"]]
    jaren = w.groupby(["indicator", "niveau"])["jaar"].unique()
    met_cijfer = set(w.loc[w["waarde"].notna(), ["indicator", "niveau"]].itertuples(index=False, name=None))
    uit: dict[str, dict[str, tuple[int, ...]]] = {}
    for (indicator, niveau), deze in jaren.items():
        if niveau == "wijk" or (indicator, niveau) in met_cijfer:
            uit.setdefault(indicator, {"wijk": ()})[niveau] = tuple(sorted(deze.tolist()))
    return uit


def _jaren(g: Gegevens, indicator: str) -> dict[str, tuple[int, ...]]:
    return _jaren_per_indicator(g).get(indicator, {"wijk": ()})


def staat_uit(params: Mapping, g: Gegevens, verdeling: bool = False) -> Staat:
    kan = list(op_kaart(g))
    indicator = url_state.kies(params, "indicator", kan, STANDAARD_INDICATOR if STANDAARD_INDICATOR in kan else kan[0],
                               "indicator")
    niveau = url_state.kies(params, "niveau", ["wijk", "buurt"], "wijk", "kaartlaag")
    jaren_per_niveau = _jaren(g, indicator.waarde)
    kan_buurten = "buurt" in jaren_per_niveau
    laag = niveau.waarde if kan_buurten else "wijk"
    jaren = jaren_per_niveau.get(laag, ())
    jaar = url_state.kies_jaar(params, jaren, jaren[-1])
    nederland, buren, meldingen = referenties_uit(params)
    return Staat(indicator.waarde, jaar.waarde, laag, verdeling, nederland, buren, kan_buurten, jaren,
                 tuple(m for m in (indicator.melding, niveau.melding, jaar.melding, *meldingen) if m))


def voorbeeldstaten(g: Gegevens) -> list[Staat]:
    return [staat_uit({"indicator": i}, g) for i in list(op_kaart(g))[:6]] + \
        [staat_uit({"indicator": STANDAARD_INDICATOR, "niveau": "buurt"}, g)]


def bouw(g: Gegevens, staat: Staat) -> Inhoud:
    ind = g.indicator(staat.indicator)
    jaar, niveau = staat.jaar, staat.niveau
    beeld = kaart.kaartbeeld(afgeleid.kaartvormen(g, niveau), afgeleid.waarden_van(g, indicatoren=(ind["id"],)),
                             ind, jaar, niveau,
                             False if staat.verdeling else None)
    referenties = afgeleid.referenties_van(g, [(staat.indicator, jaar)], staat.nederland, staat.buren)
    paneel = [Plek("keuzes")]
    if len(staat.jaren) == 1:
        paneel.append(Tekst(f"**Jaar:** {ind['meetjaar']} (de bron noemt geen meetjaar)" if ind["meetjaar"]
                            else f"**Jaar:** {jaar} (het enige jaar met cijfers)"))
    if beeld.kan_tov_soest:
        paneel.append(Plek("kleur"))
    paneel.append(Plek("referenties"))
    if beeld.soest is not None:
        regel = f"{GEMEENTE.naam}: {opmaak.waarde_met_eenheid(beeld.soest, ind['eenheid'])}"
        nl = referenties[referenties["rol"] == "Nederland"]
        if len(nl):
            regel += f" · Nederland: {nl['tekst'].iloc[0]}"
        paneel.append(Tekst(regel, groot=True))
    buren = referenties[referenties["rol"] == "buurgemeente"]
    if len(buren):
        paneel.append(Tekst("Buurgemeenten, zelfde bron en jaar: " + ", ".join(
            f"{n} {t}" for n, t in zip(buren["gebied_naam"], buren["tekst"])) + "."))
    elif scoring.is_aantal(ind["eenheid"]):
        paneel.append(Tekst(f"Dit is een aantal: grote {niveau}en hebben vanzelf meer. Vergelijk liever met een "
                            "percentage."))
    kleurrichting = ind["richting"] if scoring.wordt_beoordeeld(ind["richting"], ind["rol"]) \
        and not scoring.is_aantal(ind["eenheid"]) else "neutraal"
    paneel += [
        Tekst(f"**{beeld.samenvatting}**\n\n**Legenda** — " + (
            f"de {niveau} ten opzichte van heel {GEMEENTE.naam}, met de regel van [Aandacht per opgave](/aandacht)."
            if beeld.tov_soest else kaart.uitleg_kleur(kleurrichting))),
        Legenda(tuple(zip(beeld.legenda["kleur"], beeld.legenda["betekenis"]))),
        Tekst(f"Eenheid: {opmaak.eenheid(ind['eenheid'])}. Gearceerd = geen cijfer; dat is iets anders dan een laag "
              "cijfer." + (" Namen staan alleen in buurten waar ze passen; wijs een buurt aan voor naam en cijfer."
                          if niveau == "buurt" else "")),
    ]
    jaartekst = opgaveoverzicht.jaar_tekst(jaar, ind["meetjaar"])
    # three forms of the map (kaartvormen.FORMATEN), one shown per window width (the style sheet, .st-key-kaartvorm-*)
    kaarten = [kaartblok(beeld.decks[vorm], alt=beeld.samenvatting, hoogte=kaart.HOOGTE[vorm],
                         sleutel=f"kaart-{niveau}-{vorm}", vak=f"kaartvorm-{vorm}") for vorm in kaart.FORMATEN]
    links = [
        Kop(f"{ind['label']} — {jaartekst}", niveau=3),
        *kaarten,
        Bron(f"Grenzen: {grenzen_bron(g.bouwinfo)}. Geen achtergrondkaart: de kaart werkt ook offline."),
        Bron(bronregels.bronvermelding(g, staat.indicator, jaar)),
        Beelddownload(lambda: kaart.kaartafbeelding(beeld).to_dict(), f"{ind['label']} — {jaar}, per {niveau}",
                      (staat.indicator,), f"kaart_{staat.indicator}_{jaar}_{niveau}"),
    ]
    stam = f"soest_{staat.indicator}_{jaar}_{niveau}"
    ranglijst = beeld.ranglijst
    blokken = [
        # The map first, fitted to the first screen: from 1600 px on the left with the choices, figures and legend
        # beside it; below that across the page with them under it (the style sheet, .st-key-kaartindeling).
        Kolommen((tuple(links), tuple(paneel)), breedtes=(2, 1), sleutel="kaartindeling"),
        Kop("De cijfers op een rij", niveau=3),
    ]
    if niveau == "wijk":
        blokken.append(Tekst("Kies een wijk in de tabel (of klik op de kaart) om het wijkprofiel te openen."))
    tabel = ranglijst.drop(columns="code")
    blokken.append(Tabel(tabel, f"{stam}_ranglijst", Download(tabel, f"{stam}_ranglijst", "Download deze tabel"),
                         sleutel=f"ranglijst-{niveau}"))
    if niveau == "wijk":
        blokken.append(Wijklinks(tuple(zip(ranglijst["code"], ranglijst["Gebied"]))))
    blokken.append(Download(bronregels.exportregels(g, staat.indicator, jaar, niveau), stam,
                            "Download de cijfers met bron en vindplaats"))
    return Inhoud(f"Kaart van de {niveau}en", tuple(blokken), meta={"codes": tuple(ranglijst["code"])})
