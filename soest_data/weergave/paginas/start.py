"""Start: per opgave the wijken that stand out (the one tally), the largest changes, the wijken, what the dashboard
holds and its sources."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from soest_data import opmaak
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.gegevens import Gegevens
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import aandacht, afgeleid, bronregels, inhoud, opgaveoverzicht, uitspraken, verandering
from soest_data.weergave.blokken import (
    Bron,
    Inhoud,
    Kader,
    Kerncijfer,
    Kop,
    Link,
    Plek,
    Raster,
    Tabel,
    Tekst,
    Wijklinks,
)


@dataclass(frozen=True)
class Staat:
    meldingen: tuple[str, ...] = field(default=(), compare=False)


def staat_uit(params: Mapping, g: Gegevens) -> Staat:
    return Staat()


def voorbeeldstaten(g: Gegevens) -> list[Staat]:
    return [Staat()]


def bouw(g: Gegevens, staat: Staat) -> Inhoud:
    ind = g.indicatoren
    blokken = [
        Plek("mijn_wijk"),  # a resident finds their wijk by postcode or address: the first thing a phone shows
        Tekst(f"Hoe gaat het in de wijken van {GEMEENTE.naam}? Per wijk de cijfers naast het gemiddelde van "
              f"{GEMEENTE.naam}, voor de vijf opgaven {opgaveoverzicht.herkomst_opgaven(g.opgaven, nadruk=True)}. "
              "Alle cijfers komen uit openbare bronnen; de bron staat bij elk cijfer."),
        Kop("Waar valt het op?", niveau=3),
        Raster(tuple((Kader(_opvallend(g, opgave)),) for opgave in VIJF_OPGAVEN), per_rij=3),
        Tekst("Valt op = minstens de helft van de cijfers met een oordeel is duidelijk ongunstig ten opzichte van heel "
              f"{GEMEENTE.naam} (en minstens twee). Een signaal, geen oordeel: zie [Aandacht per opgave](/aandacht) voor de "
              "regel en de cijfers erachter.", klein=True),
        Kop("Wat is veranderd", niveau=3),
        Tekst(f"Per opgave de grootste veranderingen in de wijken en in heel {GEMEENTE.naam}, tussen de twee laatste "
              "metingen die met elkaar te vergelijken zijn (zelfde bronreeks; is de definitie gewijzigd, dan staat dat "
              "erbij). Het wijkprofiel toont alle veranderingen van een wijk."),
        *_veranderingen(g),
        Kop("De wijken", niveau=3),
        Wijklinks(tuple(g.wijknamen.items())),
        Kop("Wat erin zit", niveau=3),
        Raster((
            (Kerncijfer("Wijken", str(len(g.wijknamen)), "Het aantal wijken (CBS-indeling)"),),
            (Kerncijfer("Indicatoren", opmaak.getal(len(ind)), "Het aantal indicatoren in de catalogus"),),
            (Kerncijfer("Bronnen", str(len(g.bronnen)), "Het aantal bronnen"),),
            (Kerncijfer("Meest recente jaar", str(inhoud.laatste_jaar(g.waarden) or "–"),
                        "Het jaar van het nieuwste cijfer"),)), per_rij=4),
        Tabel(inhoud.indicatoren_per_opgave(ind, len(g.wijknamen)), "start_indicatoren_per_opgave", plat=True),
        Kop("Bronnen", niveau=3),
        Tekst("\n".join(_bronregel(b) for _, b in g.bronnen.iterrows())),
        Tekst(f"Database gebouwd op {opmaak.datum(g.bouwinfo.get('gebouwd_op'))} uit de tekstbestanden in data/.",
              klein=True),
    ]
    return Inhoud(f"Wijkprofielen {GEMEENTE.naam}", tuple(blokken))


def _opvallend(g: Gegevens, opgave: str) -> tuple:
    rangorde = aandacht.rangorde(afgeleid.telling(g), opgave).query("valt_op")
    kop = Link(f"**{OPGAVEN[opgave]}**", "pages/opgave.py", (("opgave", opgave),))
    verschil = uitspraken.verschil_regel(afgeleid.standpunten(g), opgave)  # where the texts say otherwise
    if not len(rangorde):
        return kop, Tekst("● Geen wijk waar de helft of meer van de cijfers ongunstig is."), \
            *([Tekst(verschil)] if verschil else [])
    return (kop, Tekst(f"▼ Valt op in {len(rangorde)} {'wijk' if len(rangorde) == 1 else 'wijken'}:"),
            *(Link(f"{r.gebied_naam}: {r.ongunstig} van {r.met_oordeel} ▼", "pages/wijkprofiel.py",
                   (("wijk", r.gebied_code), ("opgave", opgave))) for r in rangorde.itertuples()),
            *([Tekst(verschil)] if verschil else []))


def _veranderingen(g: Gegevens) -> list:
    veranderingen = afgeleid.veranderingen(g)
    grootste = verandering.grootste_per_opgave(veranderingen[veranderingen["niveau"].isin(["wijk", "gemeente"])],
                                               VIJF_OPGAVEN)
    blokken = []
    for opgave, rijen in grootste.items():
        blokken += [Tekst(f"**{OPGAVEN[opgave]}**"), Tekst(
            "\n".join(f"- {verandering.regel(r)}" for _, r in rijen.iterrows()) if len(rijen)
            else "- Geen verandering boven de drempel: voor deze opgave zijn er (nog) geen twee vergelijkbare metingen "
                 "van hetzelfde cijfer, of alles bleef gelijk.")]
    getoond = pd.concat(grootste.values())
    blokken.append(Bron(f"{verandering.drempel_in_woorden()} {verandering.voorbehouden(getoond, g.bronnen)}"))
    jaren = [*getoond[["indicator", "jaar_van"]].itertuples(index=False),
             *getoond[["indicator", "jaar_naar"]].itertuples(index=False)]
    if jaren:
        blokken.append(Bron(bronregels.bronnen_van(g, jaren)))
    return blokken


def _bronregel(bron) -> str:
    tabel = f" (tabel {bron['tabel']})" if bron["tabel"] else ""
    return f"- [{bron['uitgever']}: {bron['titel']}{tabel}]({bron['url']}), {bron['licentie']}"
