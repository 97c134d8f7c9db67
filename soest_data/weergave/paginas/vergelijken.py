"""Vergelijken: two or more wijken side by side, or one wijk beside heel Soest, largest differences first; Nederland
(and on request the buurgemeenten) beside them as a reference, never in the ranking, the index spread or the tally."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import combinations

from soest_data import url_state
from soest_data.begrippen import OPGAVEN
from soest_data.gegevens import Gegevens
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import afgeleid, bronregels, regio, vergelijken
from soest_data.weergave.blokken import (
    SCHERM,
    Alleen,
    Bron,
    Download,
    Inhoud,
    Kop,
    Plek,
    Tabbladen,
    Tabel,
    Tekst,
    Uitklap,
    Wijklinks,
    figuur,
)
from soest_data.weergave.paginas.wijkprofiel import referenties_uit


@dataclass(frozen=True)
class Staat:
    wijken: tuple[str, ...]  # in wijk order, whatever the order of clicking: one state per combination
    met_soest: bool = False  # Soest as a column; always with one wijk (that wijk beside heel Soest)
    nederland: bool = True
    buren: bool = False
    # The open tab: only its chart is made (a tab click reruns with the new one); None makes every tab's chart (the
    # static edition, print).
    opgave: str | None = None
    zoals_gekozen: tuple[str, ...] = field(default=(), compare=False)  # the link's order, for the picker
    meldingen: tuple[str, ...] = field(default=(), compare=False)


def staat_uit(params: Mapping, g: Gegevens) -> Staat:
    wijken = url_state.kies_meerdere(params, "wijken", list(g.wijknamen),
                                     url_state.standaard_wijken(list(g.wijknamen)), "wijken", minimum=1)
    soest = url_state.kies(params, "soest", ["ja", "nee"], "nee", f"keuze voor de kolom {GEMEENTE.naam}")
    nederland, buren, meldingen = referenties_uit(params)
    gekozen = tuple(sorted(wijken.waarde))
    groepen = vergelijken.groepen(_vergelijking(g, gekozen)[1])
    opgave = url_state.kies(params, "opgave", groepen, groepen[0] if groepen else None, "opgave")
    return Staat(gekozen, soest.waarde == "ja" or len(gekozen) == 1, nederland, buren, opgave.waarde, tuple(wijken.waarde),
                 tuple(m for m in (wijken.melding, soest.melding, *meldingen, opgave.melding) if m))


@afgeleid.per_database  # read on every rerun (the tab picker) and by every tab: once per choice of wijken
def _vergelijking(g: Gegevens, gekozen: tuple[str, ...]):
    """The chosen wijken's rows (long) and the differences between them, largest first."""
    lang = vergelijken.vergelijking(afgeleid.beoordeeld(g), list(gekozen), g.wijknamen)
    return lang, vergelijken.verschillen(lang, met_gemeente=len(gekozen) == 1)


def voorbeeldstaten(g: Gegevens) -> list[Staat]:
    codes = list(g.wijknamen)
    paren = [Staat(tuple(p)) for p in combinations(codes, 2)][:6]
    return [paren[0], Staat((codes[-1],), True), *paren[1:], Staat(tuple(codes[:4]), True, False, True)]


def bouw(g: Gegevens, staat: Staat) -> Inhoud:
    gekozen, naam_van = list(staat.wijken), g.wijknamen
    # one wijk is compared with heel Soest: Soest is the other side of every difference
    namen = [naam_van[c] for c in gekozen] + ([vergelijken.heel_gemeente()] if len(gekozen) == 1 else [])
    lang, verschil = _vergelijking(g, staat.wijken)
    opgavendeel = vergelijken.opgaven(verschil)
    boven = vergelijken.grafiekgegevens(lang, opgavendeel)
    samenvatting = vergelijken.samenvatting(lang, opgavendeel, gekozen, naam_van)
    grootste = min(12, opgavendeel["indexverschil"].notna().sum())
    # Nederland and the buurgemeenten in each indicator's own year (the latest year, the same for every wijk).
    referenties = afgeleid.referenties(g, staat.nederland, staat.buren)
    stam = f"vergelijking_{'_'.join(gekozen)}"
    breed, smal = vergelijken.divergentiegrafieken(lang, opgavendeel, samenvatting, referenties=referenties)
    blokken = [
        Tekst(f"Zet twee of meer wijken naast elkaar, of één wijk naast {vergelijken.heel_gemeente()}. Per indicator "
              f"ziet u de cijfers, het verschil en een **index**: {GEMEENTE.naam} = 100, dus 150 betekent anderhalf keer "
              f"zo hoog als in heel {GEMEENTE.naam} en 50 de helft. Zo kunt u indicatoren met verschillende eenheden "
              "naast elkaar lezen. De grootste verschillen staan bovenaan."),
        Plek("kiezer"),
        Plek("referenties"),
        Kop("De grootste verschillen", anker="verschillen"),
        Tekst(samenvatting),
        Tekst(f"**De {grootste} grootste verschillen als index** — elke balk loopt van heel {GEMEENTE.naam} (100, de "
              "stippellijn) naar de wijk. Achter elke balk: de wijk, de index en het teken (▲ gunstig, ▼ ongunstig, "
              "● rond gemiddelde, ↑↓ hoger of lager zonder oordeel). Achter elke indicator het jaar van haar cijfers: voor "
              "alle wijken hetzelfde jaar."
              + vergelijken.referentie_uitleg(staat.nederland, staat.buren)),
        figuur(breed, alt=samenvatting,
               titel=f"De grootste verschillen: {' en '.join(namen)} (index, {GEMEENTE.naam} = 100)",
               indicator_ids=tuple(boven["indicator"].unique()),
               bestandsnaam=f"{stam}_verschillen" if len(boven) else None, smal=figuur(smal, alt=samenvatting)),
    ]
    if len(boven):
        blokken.append(Bron(bronregels.bronnen_van(g, boven[["indicator", "jaar"]].drop_duplicates()
                                                   .itertuples(index=False))))
    blokken += [
        Tekst("Deze vergelijking delen? De knop **Kopieer link** in het menu geeft de link naar precies deze keuze."),
        Kop("Alle indicatoren per opgave", anker="alle"),
        Tekst(f"Per opgave de cijfers naast elkaar, met eenheid en oordeel ten opzichte van {GEMEENTE.naam}, het verschil en de "
              f"index ({GEMEENTE.naam} = 100). Grootste verschil bovenaan. Uitspraken uit de wijkprofielen ('hoger dan "
              "gemiddeld') staan er in woorden bij; die hebben geen index."),
    ]
    alles = vergelijken.tabel(lang, verschil, gekozen, naam_van, staat.met_soest, None, referenties)
    tabs = []
    for opgave in vergelijken.groepen(verschil):
        deel = verschil[verschil["opgave"] == opgave]
        # the opgave's rows of the whole table, in the same ranking order
        tabel = alles[alles["Opgave"] == OPGAVEN[opgave]].drop(columns="Opgave").reset_index(drop=True)
        binnen = [Tabel(tabel, f"{stam}_{opgave}", Download(tabel, f"{stam}_{opgave}", "Download deze tabel"),
                        plat=True, afdruk_kop=OPGAVEN[opgave])]
        if deel["indexverschil"].notna().any() and staat.opgave in (None, opgave):
            zin = vergelijken.samenvatting(lang, deel, gekozen, naam_van)
            # on paper the table gives these figures, and the chart of the largest differences stands above
            breed, smal = vergelijken.divergentiegrafieken(lang, deel, zin, aantal=None, referenties=referenties)
            binnen.append(Alleen(SCHERM, (Uitklap(f"Als grafiek (index, {GEMEENTE.naam} = 100)", (
                Tekst(zin), figuur(breed, alt=zin, smal=figuur(smal, alt=zin)))),)))
        binnen.append(Bron(bronregels.bronnen_van(g, deel.dropna(subset=["jaar"])[["indicator", "jaar"]]
                                                  .itertuples(index=False))))
        tabs.append((OPGAVEN[opgave], tuple(binnen)))
    blokken += [
        Tabbladen(tuple(tabs), "tabbladen"),
        Kop("Per opgave: de telling"),
        Tekst(f"Per opgave hoeveel indicatoren van de vaste **kernset** ongunstig zijn ten opzichte van heel {GEMEENTE.naam} — "
              "dezelfde telling als op [Aandacht per opgave](/aandacht) en in de wijkprofielen."),
        Tabel(vergelijken.telling_tabel(afgeleid.telling(g), gekozen, naam_van), f"{stam}_telling"),
        Download(alles, stam, "Download de hele vergelijking" + (
            " (met " + regio.referentie_namen(staat.nederland, staat.buren) + ")"
            if staat.nederland or staat.buren else "")),
        Kop("De wijkprofielen", niveau=3),
        Wijklinks(tuple((c, naam_van[c]) for c in gekozen), kolommen=max(2, min(4, len(gekozen)))),
    ]
    return Inhoud("Wijken vergelijken", tuple(blokken), kopjes=(
        ("De grootste verschillen", "verschillen"), ("Alle indicatoren per opgave", "alle")))
