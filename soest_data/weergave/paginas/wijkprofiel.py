"""Wijkprofiel: one wijk against Soest — header, the five opgaven at a glance, per opgave its indicators, the
story, what changed. Also the presentation's slide of one wijk × opgave (`dia`), from the same judgements."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from soest_data import gemeente, opmaak, scoring, url_state
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.gegevens import Gegevens
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import (
    aandacht,
    afgeleid,
    bronregels,
    enquete,
    grafieken,
    kaart,
    uitspraken,
    verandering,
    wijkprofiel,
)
from soest_data.weergave.afgeleid import per_database
from soest_data.weergave.blokken import (
    PAPIER,
    SCHERM,
    Alleen,
    BreedOfSmal,
    Bron,
    Download,
    Inhoud,
    Kerncijfer,
    Kolommen,
    Kop,
    Link,
    Opgavekaartjes,
    Plek,
    Raster,
    Tabel,
    Tekst,
    Uitklap,
    Wijklinks,
    figuur,
)


@dataclass(frozen=True)
class Staat:
    wijk: str | None
    opgave: str = VIJF_OPGAVEN[0]
    nederland: bool = True
    buren: bool = False
    meldingen: tuple[str, ...] = field(default=(), compare=False)  # the link's, not the page's: not in the key
    onbekend: bool = False  # the link named a wijk that does not exist


def referenties_uit(params: Mapping) -> tuple[bool, bool, list[str]]:
    """The Nederland (on by default) and buurgemeenten (off) switches of a link, with notices for bad values."""
    nederland = url_state.kies(params, "nederland", ["ja", "nee"], "ja", "keuze voor Nederland")
    buren = url_state.kies(params, "buren", ["ja", "nee"], "nee", "keuze voor de buurgemeenten")
    return nederland.waarde == "ja", buren.waarde == "ja", [k.melding for k in (nederland, buren) if k.melding]


def staat_uit(params: Mapping, g: Gegevens) -> Staat:
    wijk = url_state.kies(params, "wijk", list(g.wijknamen), None, "wijk")
    opgave = url_state.kies(params, "opgave", VIJF_OPGAVEN, VIJF_OPGAVEN[0], "opgave")
    nederland, buren, meldingen = referenties_uit(params)
    if wijk.waarde is None:  # the page asks for a wijk; an unknown one is said, not quoted back
        return Staat(None, onbekend=wijk.melding is not None)
    return Staat(wijk.waarde, opgave.waarde, nederland, buren, tuple(m for m in (opgave.melding, *meldingen) if m))


def voorbeeldstaten(g: Gegevens) -> list[Staat]:
    """One state per wijk, each with another opgave and reference choice: states a first visitor may ask for
    (bench/koud.py builds each once in a fresh process)."""
    return [Staat(wijk, VIJF_OPGAVEN[i % len(VIJF_OPGAVEN)], nederland=i % 3 != 2, buren=i % 2 == 1)
            for i, wijk in enumerate(g.wijknamen)]


def bouw(g: Gegevens, staat: Staat) -> Inhoud:
    if staat.wijk is None:
        vraag = (Tekst("De wijk in de link is niet bekend. Kies hieronder een wijk.", kader="info"),) \
            if staat.onbekend else ()
        return Inhoud("Wijkprofiel", (*vraag, Plek("mijn_wijk"),
                                      Tekst("Of kies de wijk waarvan u het profiel wilt zien:"),
                                      Wijklinks(tuple(g.wijknamen.items()))))
    naam, boven, onder = _vast(g, staat.wijk)
    verhalen = g.verhalen[g.verhalen["gebied"] == staat.wijk]
    return Inhoud(f"Wijkprofiel {naam}", (*boven, *_opgavedeel(g, staat, naam, verhalen), *onder), kopjes=(
        ("De vijf opgaven in één oogopslag", "opgaven"), ("Het verhaal van de wijk", "verhaal"),
        ("Per opgave", "per-opgave")), meta={"naam": naam})


@per_database
def _vast(g: Gegevens, wijk: str) -> tuple[str, tuple, tuple]:
    """What the wijkprofiel shows whatever the opgave and the reference switches: (name, the blocks above the opgave
    part, the blocks below it), made once per wijk, so another opgave or switch only rebuilds the opgave part."""
    kop = wijkprofiel.kop(wijk, g.gebieden, afgeleid.waarden_van(g, gebieden=(wijk,)))
    verhalen = g.verhalen[g.verhalen["gebied"] == wijk]
    voorbehouden = tuple(Tekst(f"**Let op:** {v}", kader="waarschuwing")
                         for v in verhalen.loc[verhalen["soort"] == "voorbehoud", "tekst"])
    oogopslag = afgeleid.oogopslag(g, wijk)
    blokken = [
        # A print stays a few A4 pages (issue 23): it says what it leaves out and where that is.
        Alleen(PAPIER, (Tekst(
            "**Afdruk van het wijkprofiel:** de vijf opgaven in één oogopslag, het verhaal van de wijk, de cijfers van "
            "één opgave (de gekozen opgave) en de grootste veranderingen. De grafieken en de lange tabellen staan "
            "alleen op het scherm. Alle opgaven met hun cijfers en grafieken op papier: de **Factsheet (PDF)** van "
            "deze wijk (de knop bovenaan het wijkprofiel); alle cijfers als tabel: de download onderaan.", klein=True),)),
        # The wijk at a glance first, on every screen: on a phone one line per opgave, the cards from 700 px.
        Kop("De vijf opgaven in één oogopslag", anker="opgaven"),
        BreedOfSmal((
            Tekst(f"Hoe {kop.naam} het doet ten opzichte van heel {GEMEENTE.naam}: per opgave, over de vaste kernset van de "
                  f"opgave, het aantal indicatoren dat gunstig (▲), rond het gemiddelde (●) of ongunstig (▼) uitvalt — "
                  f"dezelfde telling als op [Aandacht per opgave](/aandacht?wijk={wijk}). Een wijk wijkt af bij meer dan "
                  f"{opmaak.getal(scoring.STANDAARD_MARGE * scoring.PROCENTPUNT_PER_MARGE, 1)} procentpunt "
                  f"(percentages) of {round(scoring.STANDAARD_MARGE * 100)} % (overige cijfers); zorggebruik en "
                  "achtergrond krijgen geen oordeel."),
            Opgavekaartjes(oogopslag),
        ), (
            Tekst("\n".join(f"- **{r['Opgave']}**: {r['In woorden']}" for r in oogopslag)),
            Tekst(f"Ten opzichte van heel {GEMEENTE.naam}, over de kernset van elke opgave ([de regel](/aandacht?wijk={wijk})). "
                  "Per opgave alle cijfers: verderop onder 'Per opgave'.", klein=True),
        )),
        Kolommen(((Link(f"Vergelijk {kop.naam} met een andere wijk", "pages/vergelijken.py",
                        (("wijken", url_state.vergelijking_met(wijk, list(g.wijknamen))),),
                        ":material/compare_arrows:"),),
                   (Link(f"{kop.naam} naast heel {GEMEENTE.naam}", "pages/vergelijken.py", (("wijken", wijk),),
                         ":material/compare_arrows:"),))),
        Plek("bovenaan"),
        Kolommen(((
            Tekst(f"**Inwoners:** {kop.inwoners}  \n**Oppervlakte:** {kop.oppervlakte}  \n"
                  f"**Buurten ({len(kop.buurten)}):** {', '.join(kop.buurten)}"),
            Tekst("Inwoners en oppervlakte: CBS, Kerncijfers wijken en buurten, met het jaar erbij. Noemt het verhaal "
                  "hieronder een ander aantal inwoners, dan komt dat uit de bron van het verhaal (een ander jaar of "
                  "een andere telling; zie de bron onder het verhaal).", klein=True),
            *voorbehouden,
        ), (
            figuur(kaart.locatorkaart(g.vormen["wijk"], wijk), alt=f"Kaartje van de gemeente {GEMEENTE.naam} met haar "
                   f"wijken; {kop.naam} is blauw gekleurd, de andere wijken grijs.",
                   svg=kaart.locator_svg(g.vormen["wijk"], wijk)),
        )), breedtes=(3, 2)),
        Kop("Het verhaal van de wijk", anker="verhaal"),
        *_verhaal(g, verhalen),
        Kop("Per opgave", anker="per-opgave"),
        Plek("opgave"),
    ]
    onder = [
        Kop("Wat is veranderd"),
        *_veranderd(g, wijk, kop.naam),
        Alleen(SCHERM, (Uitklap("Alle cijfers van deze wijk in één tabel", (Tabel(
            wijkprofiel.profieltabel(afgeleid.beoordeeld(g), wijk, afgeleid.nederland_per_jaar(g)),
            f"wijkprofiel_{wijk}_alle", plat=True),)),)),
        Download(bronregels.exportregels(g, gebied=wijk), f"wijkprofiel_{wijk}",
                 f"Download alle cijfers van deze wijk, met {GEMEENTE.naam}, Nederland en de buurgemeenten"),
    ]
    return kop.naam, tuple(blokken), tuple(onder)


def _verhaal(g: Gegevens, verhalen: pd.DataFrame) -> list:
    if not len(verhalen):
        return [Tekst("Voor deze wijk is nog geen beschrijving opgenomen.")]
    blokken = []
    for soort, kopje in (("situatieschets", None), ("sterk", "Sterke kanten"), ("aandacht", "Aandachtspunten")):
        deel = verhalen.loc[verhalen["soort"] == soort, "tekst"]
        if kopje and len(deel):
            blokken.append(Tekst(f"**{kopje}**"))
        blokken += [Tekst(f"{'- ' if kopje else ''}{tekst}") for tekst in deel]
    return [*blokken, Bron(bronregels.verhaalbron(g, verhalen))]


def _opgavedeel(g: Gegevens, staat: Staat, naam: str, verhalen: pd.DataFrame) -> list:
    wijk, opgave = staat.wijk, staat.opgave
    blokken = []
    stemmen = verhalen[(verhalen["opgave"] == opgave) & (verhalen["soort"] == "inwoners")]
    if len(stemmen):
        blokken += [Tekst(f"**{enquete.SAMENGEVAT}**"),
                    Tekst("\n".join(f"- {enquete.stem_tekst(v)}" for _, v in stemmen.iterrows())),
                    Bron(bronregels.verhaalbron(g, stemmen))]
    beoordeeld = afgeleid.beoordeeld(g)
    rijen = wijkprofiel.indicatoren_van_opgave(beoordeeld, wijk, opgave)
    if rijen.empty:
        return [*blokken, Tekst("Voor deze opgave zijn er nog geen cijfers per wijk.")]
    profieltabel = wijkprofiel.profieltabel(rijen, wijk, afgeleid.nederland_per_jaar(g)).drop(columns="opgave")
    blokken += [
        Tekst(f"**{OPGAVEN[opgave]}: {naam} naast {GEMEENTE.naam} en Nederland** (Nederland: zelfde bron en jaar; "
              "– = geen landelijk cijfer)"),
        # Source and 'modelschatting' stand in the source line under the charts and in the download, so every
        # column on screen fits a laptop (1280 px) without a sideways swipe.
        Tabel(profieltabel.drop(columns=["bron", "modelschatting"]), f"wijkprofiel_{wijk}_{opgave}", Download(
            profieltabel, f"wijkprofiel_{wijk}_{opgave}", "Download deze tabel (met bron en modelschatting)"),
              plat=True),
        Plek("referenties"),
    ]
    getallen = beoordeeld[(beoordeeld["opgave"] == opgave) & (beoordeeld["soort"] == "getal")]
    if getallen["waarde"].notna().any():
        ref = afgeleid.referenties_van(g, getallen[["indicator", "jaar"]].itertuples(index=False),
                                staat.nederland, staat.buren)
        # The charts repeat the table above in pictures: on a phone they are metres long and need the chart library,
        # so they are sent only when asked; on paper the table gives these figures.
        blokken.append(Alleen(SCHERM, (Uitklap(f"Toon alle wijken per indicator als grafiek "
                                              f"({getallen['indicator'].nunique()} indicatoren)", (
            Tekst(f"◆ {naam}, ● de andere wijken, ┃ {GEMEENTE.naam}"
                  + (", □ Nederland" if staat.nederland else "") + (", △ buurgemeenten" if staat.buren else "")
                  + ". Blauw = gunstig, oranje = ongunstig, grijs = rond het gemiddelde, paars = geen oordeel."),
            figuur(grafieken.stippen(getallen, wijk, naam, referenties=ref),
                   alt=f"Per indicator {naam} naast de andere wijken en {GEMEENTE.naam}; de cijfers staan in de tabel erboven.",
                   titel=f"{OPGAVEN[opgave]}: {naam} naast de andere wijken en {GEMEENTE.naam}",
                   indicator_ids=tuple(getallen["indicator"].unique()),
                   bestandsnaam=f"wijkprofiel_{wijk}_{opgave}_stippen",
                   smal=figuur(grafieken.stippen(getallen, wijk, naam, referenties=ref,
                                                 regelbreedte=grafieken.SMAL),
                               alt=f"Per indicator {naam} naast de andere wijken en {GEMEENTE.naam}; de cijfers staan in de "
                                   "tabel erboven.")),
        ), op_verzoek=True),)))
    reeksen = wijkprofiel.trendreeksen(afgeleid.waarden_van(g, gebieden=(wijk, GEMEENTE.code)), rijen, wijk)
    if len(reeksen):
        ref = afgeleid.referenties_van(g, reeksen[["indicator", "jaar"]].itertuples(index=False),
                                staat.nederland, staat.buren)
        per_indicator = dict(tuple(ref.groupby("indicator")))
        trends = tuple((figuur(
            grafieken.trend(reeks, reeks["eenheid"].iloc[0], titel=reeks["label"].iloc[0],
                            referenties=per_indicator.get(indicator_id)),
            alt=f"{reeks['label'].iloc[0]}: {naam} en {GEMEENTE.naam} door de jaren; de cijfers staan in de tabel "
                "erboven.",
            titel=f"{reeks['label'].iloc[0]}: {naam} en {GEMEENTE.naam} door de jaren", indicator_ids=(indicator_id,),
            bestandsnaam=f"wijkprofiel_{wijk}_{indicator_id}_trend"),)
            for indicator_id, reeks in reeksen.groupby("indicator", sort=False))
        blokken.append(Alleen(SCHERM, (Uitklap(f"Toon de ontwikkeling door de jaren ({len(trends)} grafieken)", (
            Tekst(f"{naam} (blauw) en {GEMEENTE.naam} (zwart, gestreept)"
                  + (", Nederland als grijze stippellijn met open vierkantjes" if staat.nederland and len(ref) else "")
                  + (", de buurgemeenten als dunne grijze streepjeslijnen" if staat.buren and len(ref) else "") + "."),
            Raster(trends, per_rij=3)), op_verzoek=True),)))
    blokken.append(Bron(bronregels.bronnen_van(g, rijen[["indicator", "jaar"]].itertuples(index=False))))
    return blokken


def _veranderd(g: Gegevens, wijk: str, naam: str) -> list:
    veranderingen = afgeleid.veranderingen(g)
    deze = veranderingen[veranderingen["gebied_code"] == wijk]
    grootste = verandering.grootste(deze, 5)
    blokken = [Tekst(verandering.samenvatting(deze, naam))]
    if len(grootste):
        blokken += [Tekst("**De grootste veranderingen**"),
                    Tekst("\n".join(f"- {r['label']}: {r['zin']}" for _, r in grootste.iterrows()))]
    blokken.append(Bron(f"{verandering.drempel_in_woorden()} {verandering.voorbehouden(deze, g.bronnen)}"))
    if len(deze):
        tabel = verandering.tabel(deze, veranderingen[veranderingen["gebied_code"] == gemeente.huidige().code])
        ids = tuple(deze["indicator"].unique())
        blokken += [
            Alleen(SCHERM, (Uitklap(f"Alle veranderingen van deze wijk, naast heel {GEMEENTE.naam}", (Tabel(
                tabel, f"wijkprofiel_{wijk}_veranderd",
                Download(tabel, f"wijkprofiel_{wijk}_veranderd", "Download deze tabel", indicator_ids=ids),
                plat=True),)),)),
            Bron(bronregels.bronnen_van(g, [*deze[["indicator", "jaar_van"]].itertuples(index=False),
                                            *deze[["indicator", "jaar_naar"]].itertuples(index=False)])),
        ]
    return blokken


def dia(g: Gegevens, wijk: str, opgave: str) -> Inhoud:
    """One screen of the presentation: one wijk and one opgave. The tally in words; then the kernset figures (the
    ones the tally counts) with their oordeel in large type, and the figure outside the kernset where the wijk differs
    most from Soest, marked as not counted; the same figures on every screen size, and their sources. The renderer
    adds the step links."""
    naam = g.wijknamen[wijk]
    beoordeeld = afgeleid.beoordeeld(g)
    kaartje = next(r for r in afgeleid.oogopslag(g, wijk) if r["opgave_id"] == opgave)
    ids = wijkprofiel.presentatie_indicatoren(beoordeeld, wijk, opgave, 4)
    rijen = beoordeeld[beoordeeld["indicator"].isin(ids)]
    deze = rijen[rijen["gebied_code"] == wijk].set_index("indicator")
    blokken = [Tekst(f"**{naam} ten opzichte van heel {GEMEENTE.naam}:** {kaartje['In woorden']} (kernset van "
                     f"{kaartje['kernset']})." + ("" if ids else " Voor deze opgave zijn er geen cijfers per wijk.")),
               *([Tekst(uitspraken.zin_met_link({"zin": kaartje["Tekst"]}))] if kaartje["Tekst"] else [])]
    if ids:
        blokken += [Raster(tuple((_dia_cijfer(deze.loc[i]),) for i in ids), per_rij=min(len(ids), 5)),
                    Bron(bronregels.bronnen_van(g, rijen.drop_duplicates("indicator")[["indicator", "jaar"]]
                                                .itertuples(index=False)))]
    return Inhoud(f"{naam} · {OPGAVEN[opgave]}", tuple(blokken))


def _dia_cijfer(r: pd.Series) -> Kerncijfer:
    """One figure of a slide in large type: the wijk's value (a percentage with its sign; another unit on the line
    below, so the number fits its tile), Soest beside it, the oordeel in words, counted or not."""
    procent = r["eenheid"].startswith("%")
    waarde = opmaak.waarde_met_eenheid(r["waarde"], "%") if procent else opmaak.getal(r["waarde"])
    return Kerncijfer(r["label"], waarde, r["woorden"], (
        *(() if procent else (opmaak.eenheid(r["eenheid"]),)),
        f"{GEMEENTE.naam}: {opmaak.waarde_met_eenheid(r['soest'], r['eenheid'])}",
        f"**{wijkprofiel.oordeel_tekst(r)}** · " + ("telt mee (kernset)" if r["kern"] else "buiten de kernset, telt niet mee")))


def overzicht_dia(g: Gegevens, opgave: str) -> Inhoud:
    """The overview screen of one opgave in the presentation: every wijk with its tally, most unfavourable first,
    and what the wijkprofielen say beside it (agreeing or not)."""
    tel = afgeleid.telling(g)
    overeen = aandacht.overeenstemming(tel, g.uitspraken).set_index(["gebied_code", "opgave"])
    tegels = []
    for _, cel in aandacht.rangorde(tel, opgave).iterrows():
        tekst = overeen.loc[(cel["gebied_code"], opgave)]
        stand = {"aandacht": "tekst: aandacht", "geen_aandacht": "tekst: geen aandacht",
                 "gemengd": "tekst: gemengd"}.get(tekst["profiel"], "tekst: geen uitspraak")
        eens = "" if tekst["eens"] is None else (" ✔ eens" if tekst["eens"] else " ✘ verschilt")
        tegels.append((Kerncijfer(cel["gebied_naam"], f"▼ {cel['ongunstig']} van {cel['met_oordeel']}", cel["tekst"],
                                  ("**valt op**" if cel["valt_op"] else "valt niet op", f"{stand}{eens}")),))
    return Inhoud(f"{OPGAVEN[opgave]} · alle wijken", (
        Tekst(f"Per wijk hoeveel cijfers van de kernset duidelijk ongunstig zijn ten opzichte van heel {GEMEENTE.naam}; *valt "
              "op* = minstens de helft (en minstens twee). Daaronder wat de wijkprofielen over de wijk zeggen."),
        Raster(tuple(tegels), per_rij=4)))

