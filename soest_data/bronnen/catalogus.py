"""Load and check the text sources in data/: gebieden, bronnen, indicator catalogue, opgaven, verhalen, enquête and
what the wijkprofielen say per wijk × opgave (uitspraken)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from soest_data.begrippen import OPGAVEN, ROLLEN, UITKOMST, UITSPRAAK_OORDELEN, VERGELIJKGEMEENTE, ZORGGEBRUIK
from soest_data.bronnen.probleem import Probleem

RICHTINGEN = {"hoger_is_beter", "lager_is_beter", "neutraal"}
SOORTEN = {"getal", "relatief"}
NIVEAUS = ("land", "gemeente", VERGELIJKGEMEENTE, "wijk", "buurt")
# Nederland and the neighbouring gemeenten (VERGELIJKNIVEAUS) carry the same gemeente-level figures as Soest, read
# from the same files: an indicator with values for the gemeente may have them for these comparison areas too.
ONTHULLINGSREGELS = {"geen", "min_aantal", "min_basis"}
_ID = re.compile(r"^[a-z0-9_]+$")

VERPLICHT_INDICATOR = ("id", "label", "opgave", "thema", "eenheid", "richting", "rol", "definitie", "periode",
                       "bronnen", "soort", "niveaus", "onthulling")
VERPLICHT_BRON = ("id", "uitgever", "titel", "jaren", "url", "licentie")


class _RegelLoader(yaml.SafeLoader):
    """SafeLoader that remembers each mapping's line, so problems can name it, and refuses anchors and aliases:
    a block copied from a file with `&id001`/`*id001` would otherwise carry a dangling or silently shared value."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "YAML-ankers (&…) en verwijzingen (*…) zijn niet toegestaan: schrijf de waarde voluit",
                event.start_mark)
        return super().compose_node(parent, index)


def _mapping_met_regel(loader, node):
    mapping = loader.construct_mapping(node, deep=True)
    mapping["_regel"] = node.start_mark.line + 1
    return mapping


_RegelLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_met_regel)


def lees_yaml(pad: Path, problemen: list[Probleem]) -> dict:
    try:
        inhoud = yaml.load(pad.read_text(encoding="utf-8"), Loader=_RegelLoader)
    except UnicodeDecodeError:
        problemen.append(Probleem(pad.name, None, "bestand is geen UTF-8-tekst"))
        return {}
    except yaml.YAMLError as fout:
        regel = getattr(getattr(fout, "problem_mark", None), "line", None)
        problemen.append(Probleem(pad.name, regel + 1 if regel is not None else None, f"geen geldige YAML ({fout})"))
        return {}
    if not isinstance(inhoud, dict):
        problemen.append(Probleem(pad.name, None, "bestand is leeg of heeft geen sleutels"))
        return {}
    return inhoud


def zonder_regel(item: dict) -> dict:
    return {k: v for k, v in item.items() if k != "_regel"}


@dataclass
class Catalogus:
    """Everything read from data/ except the values: the reference frame the values are checked against."""
    gebieden: dict[str, dict] = field(default_factory=dict)
    bronnen: dict[str, dict] = field(default_factory=dict)
    indicatoren: dict[str, dict] = field(default_factory=dict)
    opgaven: list[dict] = field(default_factory=list)
    verhalen: list[dict] = field(default_factory=list)
    enquete: dict = field(default_factory=dict)
    uitspraken: list[dict] = field(default_factory=list)
    problemen: list[Probleem] = field(default_factory=list)


def laad(data: Path) -> Catalogus:
    b = Catalogus()
    b.gebieden = _laad_gebieden(data / "gebieden.csv", b.problemen)
    for pad in sorted(data.glob("bronnen*.yaml")):
        for bron in lees_yaml(pad, b.problemen).get("bronnen") or []:
            _voeg_toe(b.bronnen, bron, pad.name, "bron", b.problemen)
    for pad in sorted((data / "catalogus").glob("*.yaml")):
        for ind in lees_yaml(pad, b.problemen).get("indicatoren") or []:
            ind["_bestand"] = f"catalogus/{pad.name}"
            _voeg_toe(b.indicatoren, ind, f"catalogus/{pad.name}", "indicator", b.problemen)
    for naam, sleutel in (("opgaven.yaml", "opgaven"), ("verhalen.yaml", "verhalen"), ("uitspraken.yaml", "uitspraken")):
        if (data / naam).exists():
            setattr(b, sleutel, lees_yaml(data / naam, b.problemen).get(sleutel) or [])
    if (data / "enquete.yaml").exists():
        b.enquete = lees_yaml(data / "enquete.yaml", b.problemen).get("enquete") or {}
    for bron in b.bronnen.values():
        _controleer_bron(bron, b.problemen)
    for ind in b.indicatoren.values():
        _controleer_indicator(ind, b)
    _controleer_teksten(b)
    return b


def _voeg_toe(doel: dict, item, bestand: str, soort: str, problemen: list[Probleem]) -> None:
    if not isinstance(item, dict) or not item.get("id"):
        problemen.append(Probleem(bestand, getattr(item, "get", lambda *_: None)("_regel"), f"{soort} zonder id"))
        return
    if item["id"] in doel:
        problemen.append(Probleem(bestand, item.get("_regel"), f"{soort} '{item['id']}' komt twee keer voor"))
        return
    item.setdefault("_bestand", bestand)
    doel[item["id"]] = item


def _laad_gebieden(pad: Path, problemen: list[Probleem]) -> dict[str, dict]:
    gebieden: dict[str, dict] = {}
    if not pad.exists():
        problemen.append(Probleem(pad.name, None, "bestand ontbreekt"))
        return gebieden
    with pad.open(encoding="utf-8", newline="") as f:
        for regel, rij in enumerate(csv.DictReader(f), start=2):
            if rij.get("niveau") not in NIVEAUS:
                problemen.append(Probleem(pad.name, regel, f"onbekend niveau '{rij.get('niveau')}'"))
            gebieden[rij["code"]] = rij
    for code, rij in gebieden.items():
        if rij.get("ouder") and rij["ouder"] not in gebieden:
            problemen.append(Probleem(pad.name, None, f"{code}: onbekend ouder-gebied '{rij['ouder']}'"))
    return gebieden


def _controleer_bron(bron: dict, problemen: list[Probleem]) -> None:
    plek = (bron["_bestand"], bron.get("_regel"))
    for veld in VERPLICHT_BRON:
        if bron.get(veld) in (None, "", []):
            problemen.append(Probleem(*plek, f"bron '{bron['id']}': veld '{veld}' ontbreekt"))
    if not all(isinstance(j, int) for j in bron.get("jaren") or []):
        problemen.append(Probleem(*plek, f"bron '{bron['id']}': jaren moeten hele getallen zijn"))
    if "reeks" in bron and not (isinstance(bron["reeks"], str) and _ID.match(bron["reeks"])):
        problemen.append(Probleem(*plek, f"bron '{bron['id']}': reeks moet een id zijn (kleine letters, cijfers, _)"))


def _controleer_indicator(ind: dict, b: Catalogus) -> None:
    plek = (ind["_bestand"], ind.get("_regel"))
    naam = ind["id"]

    def meld(tekst: str) -> None:
        b.problemen.append(Probleem(*plek, f"indicator '{naam}': {tekst}"))

    if not _ID.match(naam):
        meld("id mag alleen kleine letters, cijfers en _ bevatten")
    for veld in VERPLICHT_INDICATOR:
        if ind.get(veld) in (None, "", []):
            meld(f"veld '{veld}' ontbreekt")
    if ind.get("opgave") not in OPGAVEN:
        meld(f"onbekende opgave '{ind.get('opgave')}'")
    if ind.get("richting") not in RICHTINGEN:
        meld(f"richting moet een van {sorted(RICHTINGEN)} zijn")
    if ind.get("rol") not in ROLLEN:
        meld(f"rol moet een van {sorted(ROLLEN)} zijn")
    elif ind["rol"] == ZORGGEBRUIK and ind.get("richting") != "neutraal":
        meld("zorggebruik krijgt geen oordeel: richting moet 'neutraal' zijn (veel gebruik is behoefte óf bereik)")
    if ind.get("soort") not in SOORTEN:
        meld(f"soort moet een van {sorted(SOORTEN)} zijn")
    if ind.get("meetjaar") is not None and not isinstance(ind["meetjaar"], str):
        meld("meetjaar is tekst, zoals 'onbekend, vóór 2024' (alleen als de bron geen meetjaar noemt)")
    if ind.get("peilperiode") is not None and not isinstance(ind["peilperiode"], str):
        meld("peilperiode is tekst, zoals 'inkomen over een eerder jaar (peildatum volgens de bron)'")
    if ind.get("peilperiode") and ind.get("meetjaar"):
        meld("geef meetjaar (de bron noemt geen jaar) óf peilperiode (editie en peilmoment verschillen), niet beide")
    if not set(ind.get("niveaus") or []) <= set(NIVEAUS):
        meld(f"onbekend niveau in {ind.get('niveaus')}")
    for bron in ind.get("bronnen") or []:
        if bron not in b.bronnen:
            meld(f"onbekende bron '{bron}'")
    regel = (ind.get("onthulling") or {}).get("regel")
    if regel not in ONTHULLINGSREGELS:
        meld(f"onthulling.regel moet een van {sorted(ONTHULLINGSREGELS)} zijn")
    vanaf = ind.get("vergelijkbaar_vanaf")
    if vanaf is not None and not isinstance(vanaf, int):
        meld("vergelijkbaar_vanaf moet een jaar zijn (heel getal)")
    wijziging = ind.get("definitiewijziging")
    if wijziging is not None and not (isinstance(wijziging, dict) and isinstance(wijziging.get("jaar"), int)
                                      and isinstance(wijziging.get("uitleg"), str) and wijziging["uitleg"].strip()):
        meld("definitiewijziging heeft een jaar (heel getal) en een uitleg (tekst)")
    berekening = ind.get("berekening")
    if berekening:
        for deel in ("teller", "noemer"):
            if berekening.get(deel) not in b.indicatoren:
                meld(f"berekening: {deel} '{berekening.get(deel)}' is geen indicator")


def _controleer_teksten(b: Catalogus) -> None:
    for opgave in b.opgaven:
        if opgave.get("id") not in OPGAVEN:
            b.problemen.append(Probleem("opgaven.yaml", opgave.get("_regel"), f"onbekende opgave '{opgave.get('id')}'"))
        for ind in opgave.get("kerncijfers") or []:
            if ind not in b.indicatoren:
                b.problemen.append(Probleem("opgaven.yaml", opgave.get("_regel"), f"kerncijfer '{ind}' is geen indicator"))
        _controleer_kernset(opgave, b)
    for verhaal in b.verhalen:
        plek = ("verhalen.yaml", verhaal.get("_regel"))
        if verhaal.get("gebied") not in b.gebieden:
            b.problemen.append(Probleem(*plek, f"onbekend gebied '{verhaal.get('gebied')}'"))
        if verhaal.get("opgave") not in (None, *OPGAVEN):
            b.problemen.append(Probleem(*plek, f"onbekende opgave '{verhaal.get('opgave')}'"))
        if verhaal.get("bron") not in b.bronnen:
            b.problemen.append(Probleem(*plek, f"onbekende bron '{verhaal.get('bron')}'"))
    for uitspraak in b.uitspraken:
        _controleer_uitspraak(uitspraak, b)
    if b.enquete and b.enquete.get("bron") not in b.bronnen:
        b.problemen.append(Probleem("enquete.yaml", None, f"onbekende bron '{b.enquete.get('bron')}'"))


def _controleer_kernset(opgave: dict, b: Catalogus) -> None:
    """The kernset counts in the tally: indicators of this opgave, role 'uitkomst', with a direction. An indicator of
    the same concept (zelfde_begrip) is shown beside a kernset indicator and never counted itself."""
    def meld(tekst: str) -> None:
        b.problemen.append(Probleem("opgaven.yaml", opgave.get("_regel"), f"opgave '{opgave.get('id')}': {tekst}"))

    kernset = opgave.get("kernset") or []
    for ind_id in kernset:
        ind = b.indicatoren.get(ind_id)
        if ind is None:
            meld(f"kernset: '{ind_id}' is geen indicator")
        elif ind.get("opgave") != opgave.get("id") or ind.get("rol") != UITKOMST or ind.get("richting") == "neutraal":
            meld(f"kernset: '{ind_id}' moet een uitkomst-indicator van deze opgave zijn, met een richting")
    if len(set(kernset)) != len(kernset):
        meld("kernset: een indicator staat er twee keer in")
    for ander, telt in zonder_regel(opgave.get("zelfde_begrip") or {}).items():
        if ander not in b.indicatoren or telt not in kernset or ander in kernset:
            meld(f"zelfde_begrip: '{ander}' moet een indicator buiten de kernset zijn en '{telt}' een uit de kernset")


def _controleer_uitspraak(uitspraak: dict, b: Catalogus) -> None:
    plek = ("uitspraken.yaml", uitspraak.get("_regel"))
    if (b.gebieden.get(uitspraak.get("gebied")) or {}).get("niveau") != "wijk":
        b.problemen.append(Probleem(*plek, f"'{uitspraak.get('gebied')}' is geen wijk"))
    if uitspraak.get("opgave") not in OPGAVEN or uitspraak.get("opgave") == "context":
        b.problemen.append(Probleem(*plek, f"onbekende opgave '{uitspraak.get('opgave')}'"))
    if uitspraak.get("oordeel") not in UITSPRAAK_OORDELEN:
        b.problemen.append(Probleem(*plek, f"oordeel moet een van {sorted(UITSPRAAK_OORDELEN)} zijn"))
    if not uitspraak.get("citaten") or not all(c.get("tekst") and c.get("vindplaats") for c in uitspraak["citaten"]):
        b.problemen.append(Probleem(*plek, "elke uitspraak heeft citaten met tekst en vindplaats"))
