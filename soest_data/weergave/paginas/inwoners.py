"""Inwoners aan het woord: the resident survey (n, caveats, every figure as a chart and in words) and what residents
said per opgave and per wijk. Filters in the URL: ?opgave=meedoen_inclusie&wijk=WK034205."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from soest_data import gemeente, opmaak, url_state
from soest_data.begrippen import VIJF_OPGAVEN
from soest_data.gegevens import Gegevens
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import afgeleid, bronregels, enquete
from soest_data.weergave.blokken import (
    Bron,
    Download,
    Inhoud,
    Kader,
    Kolommen,
    Kop,
    Link,
    Plek,
    Tabel,
    Tekst,
    Uitklap,
    figuur,
)

OPGAVE_KEUZES = [*VIJF_OPGAVEN, enquete.ALGEMEEN]


@dataclass(frozen=True)
class Staat:
    opgave: str | None = None
    wijk: str | None = None
    meldingen: tuple[str, ...] = field(default=(), compare=False)


def gebieden(g: Gegevens) -> dict[str, str]:
    """The areas a voice can be about: heel Soest and the wijken."""
    return {gemeente.huidige().code: f"Heel {GEMEENTE.naam}", **g.wijknamen}


def staat_uit(params: Mapping, g: Gegevens) -> Staat:
    opgave = url_state.kies(params, "opgave", OPGAVE_KEUZES, None, "opgave")
    wijk = url_state.kies(params, "wijk", list(gebieden(g)), None, "wijk")
    return Staat(opgave.waarde, wijk.waarde, tuple(m for m in (opgave.melding, wijk.melding) if m))


def voorbeeldstaten(g: Gegevens) -> list[Staat]:
    return [Staat(o, w) for o in (None, *OPGAVE_KEUZES) for w in (None, next(iter(g.wijknamen)))]


def bouw(g: Gegevens, staat: Staat) -> Inhoud:
    if not g.enquete and g.verhalen.empty:  # a gemeente without a survey or residents' stories in the data
        return Inhoud("Inwoners aan het woord", (Tekst(
            f"Voor {GEMEENTE.naam} zijn geen inwonersenquête en geen verhalen van inwoners opgenomen; alleen de "
            "cijfers uit open data staan in dit dashboard."),))
    blokken = [
        Tekst("**Tellen én vertellen.** Naast de cijfers per wijk staat wat inwoners zelf zeggen: in een enquête en in "
              "de gesprekken en meedenkdiners voor de Integrale Visie Sociaal Domein."),
        Plek("opgave"),
        *_enquete(g, staat.opgave),
        *_stemmen(g, staat),
    ]
    return Inhoud("Inwoners aan het woord", tuple(blokken))


# The survey part depends on the opgave only, not on the wijk of the voices below it.
@afgeleid.per_database(vooraf=lambda _g: [(o,) for o in (None, *OPGAVE_KEUZES)])
def _enquete(g: Gegevens, opgave: str | None) -> list:
    e = g.enquete or {}
    vragen = enquete.vragen(e)
    totaal = e.get("n")
    blokken = [Kop(f"De enquête '{e.get('titel', 'inwonersenquête')}'")]
    if vragen.empty:
        return [*blokken, Tekst("De uitkomsten van de enquête zijn nog niet opgenomen in de gegevens.")]
    per_wijk = enquete.per_wijk(e, g.gebieden)
    genoemd = per_wijk.dropna(subset=["aandeel"])
    lees_eerst = "\n".join(f"- {v}" for v in enquete.voorbehouden(e))
    if len(genoemd):
        lees_eerst += "\n- **Niet elke wijk deed evenveel mee.** " + ", ".join(
            f"{r['Wijk']} {r['Deel van de deelnemers']}" for _, r in genoemd.iterrows()) \
            + " van de deelnemers; de andere wijken noemt het rapport niet apart."
    enquetebron = "Bron: " + " (".join(bronregels.bron_en_licentie(g, e.get("bron"))) + ")"
    wijktabel = per_wijk[["Wijk", "Deel van de deelnemers"]]
    blokken += [
        Tekst(f"**{opmaak.getal(totaal) if totaal else 'Een onbekend aantal'} inwoners** vulden de vragenlijst in"
              f"{' (' + str(e['periode']) + ')' if e.get('periode') else ''}. "
              f"{e.get('uitvoerder', 'Een onderzoeksbureau')} verzamelde de uitkomsten voor de gemeente. "
              "Hieronder staat elk cijfer dat het rapport in de tekst noemt; bij elke vraag staat hoeveel deelnemers "
              "hem beantwoordden."),
        Kader((Tekst("**Lees dit eerst**"), Tekst(lees_eerst))),
        Kop("Waar de deelnemers wonen", niveau=3),
        Kolommen((
            (figuur(enquete.wijkgrafiek(per_wijk), alt="Waar de deelnemers aan de enquête wonen; de cijfers staan in "
                    "de tabel ernaast.", titel="Waar de deelnemers aan de enquête wonen",
                    bestandsnaam="enquete_deelnemers_per_wijk", bronregel=enquetebron),) if len(genoemd) else (),
            (Tabel(wijktabel, "enquete_deelnemers_per_wijk", Download(
                wijktabel, "enquete_deelnemers_per_wijk", "Download deze tabel", bron_id=e.get("bron"))),),
        )),
        Bron(bronregels.documentbron(g, e.get("bron"), e.get("vindplaats"))),
    ]
    getoond = vragen if opgave is None else vragen[vragen["opgave"] == opgave]
    if getoond.empty:
        blokken.append(Tekst(f"Geen vragen uit de enquête bij de opgave {enquete.opgave_naam(opgave)}. "
                             "Kies 'Alle opgaven' om alle vragen te zien."))
    for groep in enquete.opgaven_in_volgorde(getoond):
        blokken.append(Kop(enquete.opgave_naam(groep), niveau=3))
        for nr, rijen in getoond[getoond["opgave"] == groep].groupby("vraag_nr", sort=False):
            eerste = rijen.iloc[0]
            kop = [f"**{eerste['vraag']}**", enquete.n_tekst(eerste["n"], totaal)] + (
                ["*Meerdere antwoorden mogelijk: samen meer dan 100 %.*"] if eerste["meerdere_antwoorden"] else [])
            in_woorden = "In woorden: " + "; ".join(
                f"{a}: {t}" for a, t in zip(rijen["antwoord"], rijen["waarde_tekst"])) + "."
            blokken.append(Kader((Kolommen((
                (Tekst("\n\n".join(kop)), Tekst(in_woorden, klein=True)),
                (figuur(enquete.vraaggrafiek(rijen), alt=f"{eerste['vraag']} {in_woorden}", titel=eerste["vraag"],
                        bestandsnaam=f"enquete_{nr}", bronregel=enquetebron),)), breedtes=(2, 3)),)))
    tabel = enquete.alle_vragen_tabel(getoond, totaal).drop(columns=["Waarde", "Eenheid"])
    alle = enquete.alle_vragen_tabel(vragen, totaal).assign(Vindplaats=e.get("vindplaats", ""))
    return [*blokken,
            Uitklap("Alle uitkomsten van de enquête als tabel", (Tabel(tabel, f"enquete_{opgave or 'alle'}"),)),
            Download(alle, "enquete_zorgen_voor_elkaar", "Download alle uitkomsten van de enquête",
                     bron_id=e.get("bron")),
            Bron(bronregels.documentbron(g, e.get("bron"), e.get("vindplaats"),
                                         " · cijfers zoals het rapport ze in de tekst noemt"))]


def _stemmen(g: Gegevens, staat: Staat) -> list:
    opgave, gebied = staat.opgave, staat.wijk
    naam_van = gebieden(g)
    blokken = [
        Kop("Wat we hoorden"),
        Tekst("Wat inwoners vertelden in de meedenkdiners, gesprekken en bijeenkomsten, per opgave en, waar de Visie "
              "dat zegt, per wijk. In eigen woorden samengevat, met de plek in het document."),
        Plek("wijk"),
    ]
    stemmen = enquete.stemmen(g.verhalen, opgave, gebied)
    if stemmen.empty:
        keuze = " en ".join(t for t in (enquete.opgave_naam(opgave) if opgave else "",
                                        naam_van[gebied] if gebied else "") if t)
        blokken.append(Tekst(f"Voor {keuze or 'deze keuze'} zijn nog geen uitspraken van inwoners opgenomen."))
    for groep in enquete.opgaven_in_volgorde(stemmen):
        deel = stemmen[stemmen["opgave"] == groep]
        blokken += [Kop(enquete.opgave_naam(groep), niveau=3),
                    Tekst("\n".join(f"- {enquete.stem_regel(v, naam_van)}" for _, v in deel.iterrows())),
                    Bron(bronregels.verhaalbron(g, deel))]
    blokken.append(Link("Naast de cijfers: aandacht per opgave", "pages/aandacht.py",
                        (("wijk", gebied),) if gebied and gebied != gemeente.huidige().code else (), ":material/priority_high:"))
    return blokken
