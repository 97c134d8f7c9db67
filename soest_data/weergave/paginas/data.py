"""Over de data: every indicator's definition, unit, direction, source, licence; downloads; accessibility; how to
update the figures."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from soest_data import export, url_state
from soest_data.begrippen import OPGAVEN, ROLLEN
from soest_data.gegevens import Gegevens
from soest_data.weergave import afgeleid, bronregels, inhoud
from soest_data.weergave.blokken import Bestand, Bron, Download, Inhoud, Kolommen, Kop, Plek, Tabel, Tekst, Uitklap


@dataclass(frozen=True)
class Staat:
    indicator: str | None = None
    opgave: str | None = None
    meldingen: tuple[str, ...] = field(default=(), compare=False)


def staat_uit(params: Mapping, g: Gegevens) -> Staat:
    indicator = url_state.kies(params, "indicator", g.indicatoren["id"], None, "indicator")
    opgave = url_state.kies(params, "opgave", list(OPGAVEN), None, "opgave")
    return Staat(indicator.waarde, opgave.waarde, tuple(m for m in (indicator.melding, opgave.melding) if m))


def voorbeeldstaten(g: Gegevens) -> list[Staat]:
    return [Staat(), *(Staat(i) for i in g.indicatoren["id"][:5]), *(Staat(None, o) for o in OPGAVEN)]


@afgeleid.per_database(vooraf=afgeleid.eenmaal)  # the same for every state of the page (a gemeente of 400 wijken: 250.000 rows)
def alle_waarden(g: Gegevens):
    """The whole dataset as shown (after disclosure control), in readable columns: the downloads on /data."""
    return export.leesbaar(g.waarden[[*export.EXPORTKOLOMMEN, "niveau", "bron_uitgever", "meetjaar"]])


def bouw(g: Gegevens, staat: Staat) -> Inhoud:
    blokken = [Tekst(
        "Elke indicator met zijn definitie, eenheid, richting (is hoger beter, slechter of geen van beide), rol "
        "(uitkomst met een oordeel; zorggebruik of achtergrond zonder oordeel), bron, jaar en voorbehoud. Ontbrekende "
        "cijfers tonen we als *geen gegevens*, nooit als nul. Kleine aantallen schermen we af zodat niemand "
        "herkenbaar is.")]
    if staat.indicator:
        rij = g.indicator(staat.indicator)
        blokken += [Kop(rij["label"], niveau=3), Tekst(
            f"**Definitie:** {rij['definitie']}  \n**Eenheid:** {rij['eenheid']}  \n"
            f"**Opgave:** {OPGAVEN[rij['opgave']]} · thema {rij['thema']}  \n**Rol:** {ROLLEN[rij['rol']]}  \n"
            f"**Periode:** {rij['periode']}"), Bron(bronregels.bronvermelding(g, staat.indicator))]
    catalogus = inhoud.catalogustabel(g.indicatoren, g.bronnen)
    if staat.opgave is not None:
        catalogus = catalogus[catalogus["opgave"] == OPGAVEN[staat.opgave]]
    naam = f"indicatoren_{staat.opgave or 'alle'}"
    bronnen = g.bronnen.drop(columns=["jaren"])
    alles = alle_waarden(g)
    blokken += [
        Plek("opgave"),
        Tabel(catalogus, naam, Download(catalogus, naam, "Download deze indicatorenlijst")),
        Kop("Bronnen", niveau=3),
        Tabel(bronnen, "bronnen", Download(bronnen, "bronnen", "Download de bronnenlijst"),
              linkkolommen=(("url", ""),)),
        Kop("Alle cijfers downloaden", niveau=3),
        Tekst("Alle waarden van alle gebieden, indicatoren en jaren in één tabel, met bron en licentie op elke regel. "
              "Excel en CSV (voor Nederlandse Excel: puntkomma, decimale komma) voor wie wil rekenen; Parquet voor "
              "wie met R, Python of een database werkt."),
        Kolommen(((Download(alles, "wijkprofielen_soest_alle_waarden", "Alle waarden (Excel of CSV)"),),
                  (Bestand(lambda: export.parquet(alles), "wijkprofielen_soest_alle_waarden.parquet",
                           "Alle waarden (Parquet)", "application/vnd.apache.parquet"),))),
        Uitklap("Welke kolommen zitten erin? (kolomgids)", (
            Tabel(export.kolomgids(alles.columns), "kolomgids", plat=True),), open=True),
        Kop("Toegankelijkheid", niveau=3),
        Tekst("Dit dashboard streeft naar WCAG 2.1 niveau AA: kleuren die ook bij kleurenblindheid te onderscheiden "
              "zijn, betekenis nooit alleen in kleur (ook in woorden en symbolen), bij elke grafiek en kaart een tabel "
              "of tekst, en volledig met het toetsenbord te bedienen. De pagina is als Nederlands gemarkeerd "
              "(lang=\"nl\") en elke grafiek heeft tekst van minstens 16 pixels. Met de presentatiemodus "
              "(knop op het wijkprofiel en de opgavepagina's, of ?presentatie=ja) staat één beeld per scherm in grote "
              "letters; de pijltoetsen ← en → bladeren."),
        Tekst("**Wat nog Engels kan zijn.** De knoppen en menu's die Streamlit zelf tekent (het menu rechtsboven, "
              "de werkbalk boven tabellen, de menu's in tabelkoppen, de meldingen bij het laden) vertalen we in de "
              "browser naar het Nederlands. Een enkele tekst die Streamlit pas later toont, zoals een foutmelding van "
              "de verbinding of het instellingenvenster, kan Engels blijven."),
        Kop("De gegevens bijwerken", niveau=3),
        Tekst("De cijfers staan als tekstbestanden in `data/`. Een nieuw jaar toevoegen: exporteer met "
              "`python -m soest_data export --csv cijfers.csv`, vul het bestand aan, controleer met "
              "`python -m soest_data import cijfers.csv --dry-run` en importeer met "
              "`python -m soest_data import cijfers.csv`. Zie `docs/GEGEVENS_BIJWERKEN.md`."),
    ]
    return Inhoud("Over de data", tuple(blokken))
