"""Refresh figures from the publishers: CBS Kerncijfers wijken en buurten and RIVM Gezondheid per wijk en buurt
(CBS OData v3, the API cbsodata also uses) and the wijk/buurt boundaries from PDOK (WFS).

A refresh reads the publisher's answer, maps it to catalogue ids through data/koppelingen/*.yaml, compares it with
data/ (new, changed, unchanged per indicator) and, unless it is a dry run, writes it through the same all-or-nothing
path as an import. The network is one object (`Haler`) so tests serve recorded answers and never go online.
"""
from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import requests
import shapely
import yaml

from soest_data.begrippen import NEDERLAND
from soest_data.bronnen import bouw, catalogus, uitwisseling
from soest_data.bronnen.probleem import BronFout
from soest_data.bronnen.waardenbestand import KOLOMMEN, getal_tekst

CBS_ODATA = "https://opendata.cbs.nl/ODataApi/OData"
CBS_CATALOGUS = "https://opendata.cbs.nl/ODataCatalog/Tables"
RIVM_ODATA = "https://dataderden.cbs.nl/ODataApi/OData"  # RIVM's StatLine tables are served from CBS's third-party catalogue
PDOK_WFS = "https://service.pdok.nl/cbs/wijkenbuurten/{jaar}/wfs/v1_0"
CBS_NEDERLAND = "NL00"  # CBS's code for Nederland in the KWB tables; ours is NL01
GEHEIM = {".", "x", "geheim"}  # CBS: "." = geheim of onbekend, "x" = geheim
VEREENVOUDIGING_M = 60  # coverage simplification in metres (RD): 3–11 points per buurt, like the current files
GEO_NAMEN = {"wijk": "{gemeente}_wijken_{jaar}.geojson", "buurt": "{gemeente}_buurten_{jaar}.geojson"}  # bouw.GEO_PATROON


class VernieuwFout(Exception):
    """The publisher could not be reached or gave an unusable answer; nothing was changed."""


nieuwe_sessie = requests.Session  # tests replace this with a session that answers from recorded responses


class Haler:
    """The network layer: GET a JSON answer. Tests pass a requests.Session that serves recorded responses."""

    def __init__(self, sessie: requests.Session | None = None, timeout: float = 60):
        self.sessie = sessie or nieuwe_sessie()
        self.timeout = timeout

    def json(self, url: str, params: dict | None = None) -> dict:
        try:
            antwoord = self.sessie.get(url, params=params, timeout=self.timeout)
        except (requests.ConnectionError, requests.Timeout) as fout:
            host = requests.utils.urlparse(url).hostname
            raise VernieuwFout(f"Geen verbinding met {host} ({type(fout).__name__}). Controleer de internetverbinding "
                               "en probeer het opnieuw. Er is niets veranderd.") from fout
        except requests.RequestException as fout:
            raise VernieuwFout(f"Ophalen van {url} mislukt ({type(fout).__name__}). Er is niets veranderd.") from fout
        if antwoord.status_code != 200:
            raise VernieuwFout(f"{url} antwoordde met HTTP {antwoord.status_code}. Er is niets veranderd.")
        try:
            return antwoord.json()
        except ValueError as fout:
            raise VernieuwFout(f"{url} gaf geen JSON terug. Er is niets veranderd.") from fout

    def odata(self, url: str, params: dict | None = None) -> list[dict]:
        """All rows of an OData v3 answer, following `odata.nextLink` pages."""
        rijen: list[dict] = []
        volgende: str | None = url
        params = {"$format": "json", **(params or {})}
        while volgende:
            antwoord = self.json(volgende, params)
            rijen += antwoord.get("value") or []
            volgende, params = antwoord.get("odata.nextLink"), None
        return rijen


@dataclass
class Opbrengst:
    """What one refresh found: rows in the values-file shape, and what a person must know about them."""
    soort: str
    jaar: int
    bron: dict
    rijen: pd.DataFrame
    meldingen: dict[str, list[str]] = field(default_factory=dict)  # per indicator ("" = the whole answer)
    geobestanden: dict[str, bytes] = field(default_factory=dict)

    def meld(self, indicator: str, tekst: str) -> None:
        self.meldingen.setdefault(indicator, []).append(tekst)


def lees_koppeling(data: Path, naam: str) -> dict:
    pad = data / "koppelingen" / f"{naam}.yaml"
    try:
        return yaml.safe_load(pad.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as fout:
        raise VernieuwFout(f"Koppelingsbestand {pad} kan niet gelezen worden ({fout}).") from fout


def _regiofilter(gemeente: str) -> str:
    nummer = gemeente[2:]
    return " or ".join(f"startswith(WijkenEnBuurten,'{p}')"
                       for p in ("NL", gemeente, f"WK{nummer}", f"BU{nummer}"))  # NL: NL00 (KWB) or NL01 (RIVM)


def _code(ruw: str) -> str:
    code = (ruw or "").strip()
    return NEDERLAND if code == CBS_NEDERLAND else code


def _stam(sleutel: str) -> str:
    return re.sub(r"_\d+$", "", sleutel)


def zoek_kwb_tabel(haler: Haler, koppeling: dict, jaar: int) -> str:
    bekend = (koppeling.get("tabellen") or {}).get(jaar)
    if bekend:
        return bekend
    titel = koppeling["titel"].format(jaar=jaar)
    gevonden = haler.odata(CBS_CATALOGUS, {"$filter": f"Title eq '{titel}'", "$select": "Identifier,Title"})
    if not gevonden:
        raise VernieuwFout(f"CBS heeft (nog) geen tabel '{titel}'. Er is niets veranderd.")
    return gevonden[0]["Identifier"]


def onderwerpen_uit_eigenschappen(eigenschappen: list[dict]) -> list[tuple[str, list[str]]]:
    """(key, headings above it) for every topic in a table's DataProperties."""
    per_id = {e["ID"]: e for e in eigenschappen}

    def kopjes(e: dict) -> list[str]:
        uit = []
        while e.get("ParentID") is not None and e["ParentID"] in per_id:
            e = per_id[e["ParentID"]]
            uit.append(e.get("Title") or "")
        return uit

    return [(e["Key"], kopjes(e)) for e in eigenschappen if e.get("Type") == "Topic" and e.get("Key")]


def zoek_kolommen(kolommen: dict[str, dict], onderwerpen: list[tuple[str, list[str]]], tabel: str,
                  opbrengst: Opbrengst) -> dict[str, str]:
    """Catalogue id → this table's key, by key stem (the number after the last _ shifts between tables and even
    between releases of one table), and by heading where a stem occurs more than once. `kolom` may list stems
    the publisher used in different tables."""
    gevonden = {}
    for ind, regel in kolommen.items():
        stammen = regel["kolom"] if isinstance(regel["kolom"], list) else [regel["kolom"]]
        kandidaten = [k for k, kopjes in onderwerpen if _stam(k) in stammen
                      and (not regel.get("groep") or any(regel["groep"] in t for t in kopjes))]
        if len(kandidaten) == 1:
            gevonden[ind] = kandidaten[0]
        elif not kandidaten:
            opbrengst.meld(ind, f"tabel {tabel} heeft geen kolom {' of '.join(stammen)} — pas data/koppelingen aan; "
                                "niet bijgewerkt")
        else:
            opbrengst.meld(ind, f"kolom {' of '.join(stammen)} komt {len(kandidaten)} keer voor in {tabel} "
                                f"({', '.join(kandidaten)}); geef 'groep' op in data/koppelingen; niet bijgewerkt")
    return gevonden


def haal_kwb(haler: Haler, data: Path, jaar: int, gemeente: str, tabel: str | None = None) -> Opbrengst:
    koppeling = lees_koppeling(data, "cbs_kwb")
    tabel = tabel or zoek_kwb_tabel(haler, koppeling, jaar)
    basis, opbrengst = _odata_opbrengst(haler, "cbs", koppeling, jaar, CBS_ODATA, tabel, "CBS",
                                        f"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{tabel}/table")
    onderwerpen = onderwerpen_uit_eigenschappen(haler.odata(f"{basis}/DataProperties"))
    sleutels = zoek_kolommen(koppeling["kolommen"], onderwerpen, tabel, opbrengst)
    rijen = haler.odata(f"{basis}/UntypedDataSet", {
        "$filter": _regiofilter(gemeente),
        "$select": ",".join(["WijkenEnBuurten", "Gemeentenaam_1", "SoortRegio_2", *sorted(set(sleutels.values()))]),
    })
    opbrengst.rijen = _naar_waarden(rijen, sleutels, opbrengst.bron, tabel, opbrengst, lambda r: r.get("WijkenEnBuurten"))
    return opbrengst


def haal_rivm(haler: Haler, data: Path, jaar: int, gemeente: str, tabel: str | None = None) -> Opbrengst:
    koppeling = lees_koppeling(data, "rivm_gezondheid")
    tabel = tabel or (koppeling.get("tabellen") or {}).get(jaar)
    if not tabel:
        raise VernieuwFout(f"Voor {jaar} is geen RIVM-tabel bekend: zet hem bij 'tabellen' in "
                           "data/koppelingen/rivm_gezondheid.yaml of geef --tabel op. Er is niets veranderd.")
    basis, opbrengst = _odata_opbrengst(haler, "rivm", koppeling, jaar, RIVM_ODATA, tabel,
                                        "RIVM / GGD'en / CBS", f"https://statline.rivm.nl/#/RIVM/nl/dataset/{tabel}/table")
    # All columns (no $select): the keys of the answer itself are matched by stem, as RIVM renumbers them per table.
    rijen = haler.odata(f"{basis}/UntypedDataSet", {
        "$filter": f"Perioden eq '{jaar}JJ00' and Marges eq '{koppeling['marges']}' and ({_regiofilter(gemeente)})",
    })
    if not rijen:
        raise VernieuwFout(f"RIVM-tabel {tabel} heeft geen cijfers voor {jaar} (nog geen nieuwe editie?). "
                           "Er is niets veranderd.")
    onderwerpen = [(k, []) for k in dict.fromkeys(k for r in rijen for k in r)]
    sleutels = zoek_kolommen(koppeling["kolommen"], onderwerpen, tabel, opbrengst)
    frames = []
    for leeftijd in sorted({r["leeftijd"] for r in koppeling["kolommen"].values()}):
        deel_sleutels = {ind: k for ind, k in sleutels.items() if koppeling["kolommen"][ind]["leeftijd"] == leeftijd}
        deel = [r for r in rijen if (r.get("Leeftijd") or "").strip() == leeftijd]
        frames.append(_naar_waarden(deel, deel_sleutels, opbrengst.bron, tabel, opbrengst, lambda r: r.get("WijkenEnBuurten"),
                                    extra=f"Leeftijd={leeftijd} Perioden={jaar}JJ00"))
    opbrengst.rijen = pd.concat(frames, ignore_index=True)
    return opbrengst


def _odata_opbrengst(haler: Haler, soort: str, koppeling: dict, jaar: int, odata: str, tabel: str, uitgever: str,
                     url: str) -> tuple[str, Opbrengst]:
    """The table's OData address and an empty yield with its source entry, from the table's own TableInfos (CBS and
    RIVM publish alike)."""
    basis = f"{odata}/{tabel}"
    info = (haler.odata(f"{basis}/TableInfos") or [{}])[0]
    id_ = koppeling["bron"].format(jaar=jaar)
    bron = {"id": id_, "uitgever": uitgever, "titel": (info.get("Title") or id_).strip(), "tabel": tabel,
            "jaren": [jaar], "url": url, "licentie": "CC BY 4.0",
            "licentie_url": "https://creativecommons.org/licenses/by/4.0/deed.nl",
            "overgenomen_uit": f"{basis} (OData), opgehaald op {date.today().isoformat()} met "
                               f"python -m soest_data vernieuw; tabel gewijzigd {info.get('Modified', 'onbekend')}"}
    return basis, Opbrengst(soort, jaar, bron, pd.DataFrame(columns=list(KOLOMMEN)))


def _naar_waarden(rijen: list[dict], sleutels: dict[str, str], bron: dict, tabel: str, opbrengst: Opbrengst,
                  code_van, extra: str = "") -> pd.DataFrame:
    """One values row per area × indicator. Suppressed stays suppressed (status geheim), never 0; a column missing
    from the answer or an area code we do not know is reported, not guessed."""
    uit, ontbreekt, geheim = [], {}, {}
    for rij in rijen:
        ruw_code = code_van(rij) or ""
        code = _code(ruw_code)
        for ind, sleutel in sleutels.items():
            if sleutel not in rij:
                ontbreekt.setdefault(ind, (sleutel, []))[1].append(code)
                continue
            ruw = rij[sleutel]
            tekst = "" if ruw is None else str(ruw).strip()
            citaat = f"{tabel} {extra + ' ' if extra else ''}WijkenEnBuurten={ruw_code.strip()} {sleutel}={tekst or '(leeg)'}"
            basis = {"gebied_code": code, "indicator": ind, "jaar": opbrengst.jaar, "eenheid": "", "relatief": "",
                     "bron": bron["id"], "citaat": citaat}
            if tekst.lower() in GEHEIM:
                uit.append({**basis, "waarde": None, "status": "geheim"})
                geheim[ind] = geheim.get(ind, 0) + 1
            elif tekst:
                try:
                    uit.append({**basis, "waarde": float(tekst), "status": ""})
                except ValueError:
                    opbrengst.meld(ind, f"{code}: '{tekst}' is geen getal; niet overgenomen")
    for ind, (sleutel, codes) in ontbreekt.items():
        opbrengst.meld(ind, f"kolom {sleutel} ontbreekt in het antwoord voor {len(codes)} gebied(en)"
                            f"{': ' + ', '.join(codes[:5]) if len(codes) <= 5 else ''}; niet bijgewerkt")
    for ind, aantal in geheim.items():
        opbrengst.meld(ind, f"{aantal} cel(len) geheim bij de bron: opgenomen als status geheim, niet als 0")
    return pd.DataFrame(uit, columns=list(KOLOMMEN))


def haal_grenzen(haler: Haler, data: Path, jaar: int, gemeente: str) -> Opbrengst:
    """Buurten from PDOK, simplified as a coverage (shared edges stay shared), WGS84, 6 decimals; wijken = their union."""
    import geopandas as gpd  # only here: every other CLI command would pay its import time

    antwoord = haler.json(PDOK_WFS.format(jaar=jaar), {
        "service": "WFS", "version": "2.0.0", "request": "GetFeature", "typeNames": "wijkenbuurten:buurten",
        "outputFormat": "application/json", "srsName": "EPSG:28992",
        "filter": ("<Filter><PropertyIsEqualTo><PropertyName>gemeentecode</PropertyName>"
                   f"<Literal>{gemeente}</Literal></PropertyIsEqualTo></Filter>"),
    })
    bron = {"id": f"pdok_wijkenbuurten_{jaar}", "jaren": [jaar]}
    opbrengst = Opbrengst("grenzen", jaar, bron, pd.DataFrame(columns=list(KOLOMMEN)))
    features = [f for f in antwoord.get("features") or [] if (f.get("properties") or {}).get("water") != "JA"]
    if not features:
        raise VernieuwFout(f"PDOK gaf geen buurten voor {gemeente} in {jaar}. Er is niets veranderd.")
    buurten = gpd.GeoDataFrame.from_features(features, crs="EPSG:28992")
    buurten["geometry"] = shapely.coverage_simplify(buurten.geometry.make_valid().values, VEREENVOUDIGING_M)
    buurten = buurten.to_crs("EPSG:4326")
    buurten["geometry"] = shapely.set_precision(buurten.geometry.values, 1e-6)
    buurten = buurten.assign(buurt_code=buurten["buurtcode"], buurt_naam=buurten["buurtnaam"],
                             wijk_code=buurten["wijkcode"], gemeente_code=buurten["gemeentecode"],
                             indeling_jaar=jaar)
    gebieden = catalogus.laad(data).gebieden
    buurten["wijk_naam"] = buurten["wijk_code"].map(lambda c: (gebieden.get(c) or {}).get("naam", c))
    wijken = buurten.dissolve(by="wijk_code", as_index=False, aggfunc={"buurt_code": "count"}) \
        .rename(columns={"buurt_code": "n_buurten"})
    wijken = wijken.assign(wijk_naam=wijken["wijk_code"].map(lambda c: (gebieden.get(c) or {}).get("naam", c)),
                           gemeente_code=gemeente, indeling_jaar=jaar)
    for niveau, frame, kolommen in (
            ("buurt", buurten, ["buurt_code", "buurt_naam", "wijk_code", "wijk_naam", "gemeente_code", "indeling_jaar"]),
            ("wijk", wijken, ["wijk_code", "wijk_naam", "gemeente_code", "indeling_jaar", "n_buurten"])):
        codes = set(frame[kolommen[0]])
        bekend = {c for c, g in gebieden.items() if g["niveau"] == niveau}
        for code in sorted(codes - bekend):
            opbrengst.meld("", f"nieuwe {niveau}code {code} staat niet in data/gebieden.csv — voeg hem eerst toe")
        for code in sorted(bekend - codes):
            opbrengst.meld("", f"{niveau} {code} ({gebieden[code]['naam']}) ontbreekt bij PDOK")
        uit = frame[[*kolommen, "geometry"]].sort_values(kolommen[0])
        naam = (gebieden.get(gemeente) or {}).get("naam", gemeente).lower().replace(" ", "_")
        opbrengst.geobestanden[GEO_NAMEN[niveau].format(gemeente=naam, jaar=jaar)] = \
            json.dumps(json.loads(uit.to_json(drop_id=True)), ensure_ascii=False).encode("utf-8")
    return opbrengst


HALERS = {"cbs": haal_kwb, "rivm": haal_rivm, "grenzen": haal_grenzen}


@dataclass
class Verslag:
    per_indicator: pd.DataFrame  # indicator, nieuw, gewijzigd, ongewijzigd, geheim
    meldingen: dict[str, list[str]]
    wijzigingen: uitwisseling.Wijzigingen
    nieuwe_bron: bool
    geschreven: bool = False
    grenzen: list[str] = field(default_factory=list)  # per boundary file: what it holds and whether it changes


def vergelijk_opbrengst(opbrengst: Opbrengst, bronset: bouw.Bronset) -> tuple[Verslag, pd.DataFrame]:
    """Sort the answer's rows into what can be imported and what must be reported, and compare with data/."""
    b = bronset.catalogus
    rijen = opbrengst.rijen
    onbekend = rijen[~rijen["gebied_code"].isin(b.gebieden)]
    for code in sorted(onbekend["gebied_code"].unique()):
        opbrengst.meld("", f"nieuwe gebiedscode {code} staat niet in data/gebieden.csv: niet geïmporteerd "
                           "(hernoemde of nieuwe wijk/buurt? voeg hem toe aan gebieden.csv en geo/)")
    rijen = rijen[rijen["gebied_code"].isin(b.gebieden)]
    verwacht = {c for c, g in b.gebieden.items() if g["niveau"] in ("wijk", "buurt")}
    for code in sorted(verwacht - set(rijen["gebied_code"])) if len(rijen) else []:
        opbrengst.meld("", f"{code} ({b.gebieden[code]['naam']}) ontbreekt in het antwoord")
    for ind in sorted(set(rijen["indicator"]) - set(b.indicatoren)):
        opbrengst.meld(ind, "staat in data/koppelingen maar niet in de catalogus; overgeslagen")
    rijen = rijen[rijen["indicator"].isin(b.indicatoren)]
    niveau = rijen["gebied_code"].map(lambda c: b.gebieden[c]["niveau"])
    # Nederland is always welcome (pages compare with it); the catalogue gains the level 'land' on writing.
    past = pd.Series([n == "land" or n in b.indicatoren[i]["niveaus"] for n, i in zip(niveau, rijen["indicator"])],
                     index=rijen.index, dtype=bool)
    for ind, groep in rijen[~past].groupby("indicator"):
        opbrengst.meld(ind, f"{len(groep)} waarde(n) op niveau {', '.join(sorted(set(niveau[groep.index])))} "
                            f"overgeslagen: de catalogus noemt alleen {', '.join(b.indicatoren[ind]['niveaus'])}")
    rijen = rijen[past]
    rijen = rijen.assign(eenheid=rijen["indicator"].map(lambda i: b.indicatoren[i]["eenheid"]))
    huidig = bronset.waarden[bronset.waarden["indicator"].isin(rijen["indicator"].unique())]
    w = uitwisseling.verschil(rijen, huidig)
    tel = lambda f: f.groupby("indicator").size()  # noqa: E731
    per_indicator = pd.DataFrame({
        "nieuw": tel(w.nieuw), "gewijzigd": tel(w.gewijzigd),
        "ongewijzigd": tel(rijen) - tel(w.nieuw).reindex(tel(rijen).index, fill_value=0)
        - tel(w.gewijzigd).reindex(tel(rijen).index, fill_value=0),
        "geheim": tel(rijen[rijen["status"] == "geheim"]),
    }).fillna(0).astype(int).rename_axis("indicator").reset_index()
    verslag = Verslag(per_indicator, opbrengst.meldingen, w, opbrengst.bron["id"] not in b.bronnen)
    return verslag, rijen


def vernieuw(soort: str, jaar: int, data: Path, geo: Path, doel: Path, haler: Haler, gemeente: str,
             dry_run: bool = True, tabel: str | None = None) -> Verslag:
    """Fetch, compare and (unless dry run) write all or nothing. Raises VernieuwFout before anything is written."""
    haal = HALERS[soort]
    opbrengst = haal(haler, data, jaar, gemeente) if soort == "grenzen" else haal(haler, data, jaar, gemeente, tabel)
    if soort == "grenzen":
        geen = pd.DataFrame(columns=list(KOLOMMEN))
        verslag = Verslag(pd.DataFrame(columns=["indicator", "nieuw", "gewijzigd", "ongewijzigd", "geheim"]),
                          opbrengst.meldingen, uitwisseling.Wijzigingen(geen, geen, 0), False,
                          grenzen=[_grensregel(geo, naam, inhoud) for naam, inhoud in opbrengst.geobestanden.items()])
        if not dry_run:
            uitwisseling.schrijf_transactioneel(data, geo, doel, {}, opbrengst.geobestanden)
            verslag.geschreven = True
        return verslag
    bronset = bouw.lees(data, geo)
    if bronset.problemen:  # data/ itself must be sound before anything is added to it
        raise BronFout(bronset.problemen)
    verslag, rijen = vergelijk_opbrengst(opbrengst, bronset)
    if dry_run or verslag.wijzigingen.aantal == 0:
        return verslag
    bronnen = bronset.catalogus
    alle_bronnen = {**bronnen.bronnen, opbrengst.bron["id"]: opbrengst.bron}
    bestanden = uitwisseling.waardenbestanden(
        data, pd.concat([verslag.wijzigingen.nieuw, verslag.wijzigingen.gewijzigd]), alle_bronnen)
    if verslag.nieuwe_bron:
        bestanden["bronnen.yaml"] = _met_bron(data / "bronnen.yaml", opbrengst.bron, bronnen.bronnen)
    bestanden.update(catalogus_bijgewerkt(data, bronnen.indicatoren, rijen))
    uitwisseling.schrijf_transactioneel(data, geo, doel, bestanden)
    verslag.geschreven = True
    return verslag


def _grensregel(geo: Path, naam: str, inhoud: bytes) -> str:
    features = json.loads(inhoud)["features"]
    punten = [len(shapely.get_coordinates(shapely.geometry.shape(f["geometry"]))) for f in features]
    oud = geo / naam
    stand = "nieuw bestand" if not oud.exists() else ("ongewijzigd" if oud.read_bytes() == inhoud else "gewijzigd")
    return f"geo/{naam}: {len(features)} gebieden, {min(punten)}–{max(punten)} punten per gebied ({stand})"


def _met_bron(pad: Path, bron: dict, bestaand: dict[str, dict]) -> bytes:
    """bronnen.yaml with the new edition appended; caveat copied from the latest edition of the same series."""
    reeks = uitwisseling.reeks_van(bron["id"])
    vorige = sorted((b for b in bestaand.values() if uitwisseling.reeks_van(b["id"]) == reeks),
                    key=lambda b: max(b.get("jaren") or [0]))
    if vorige and vorige[-1].get("voorbehoud"):
        volgorde = list(bron)
        volgorde.insert(volgorde.index("overgenomen_uit"), "voorbehoud")
        bron = {k: " ".join(str(vorige[-1]["voorbehoud"]).split()) if k == "voorbehoud" else bron[k] for k in volgorde}
    blok = yaml.safe_dump([bron], allow_unicode=True, sort_keys=False, width=110, default_flow_style=None)
    tekst = pad.read_text(encoding="utf-8").rstrip("\n") + "\n"
    return (tekst + "".join(f"  {regel}\n" for regel in blok.splitlines())).encode("utf-8")


def catalogus_bijgewerkt(data: Path, indicatoren: dict[str, dict], rijen: pd.DataFrame) -> dict[str, bytes]:
    """Catalogue files where an indicator gains the new source (and the level 'land' when Nederland came along)."""
    nodig: dict[str, dict[str, set]] = {}
    for (ind, bron), groep in rijen.groupby(["indicator", "bron"]):
        cat = indicatoren[ind]
        niveaus = {"land"} if (groep["gebied_code"] == NEDERLAND).any() else set()
        if bron not in cat["bronnen"] or not niveaus <= set(cat["niveaus"]):
            nodig.setdefault(cat["_bestand"], {})[ind] = {"bron": bron, "niveaus": niveaus}
    uit = {}
    for bestand, wijziging in nodig.items():
        pad = data / bestand
        tekst = pad.read_text(encoding="utf-8")
        inhoud = yaml.safe_load(tekst)
        for ind in inhoud["indicatoren"]:
            if ind["id"] in wijziging:
                w = wijziging[ind["id"]]
                ind["bronnen"] = [*ind["bronnen"], *([w["bron"]] if w["bron"] not in ind["bronnen"] else [])]
                ind["niveaus"] = [n for n in ("land", "gemeente", "wijk", "buurt")
                                  if n in set(ind["niveaus"]) | w["niveaus"]]
        kop = "".join(r for r in io.StringIO(tekst) if r.startswith("#"))
        uit[bestand] = (kop + yaml.dump(inhoud, Dumper=_ZonderAnkers, allow_unicode=True, sort_keys=False,
                                        width=110)).encode("utf-8")
    return uit


class _ZonderAnkers(yaml.SafeDumper):
    """The catalogue is written without anchors (&id001): a copied block must stand on its own."""

    def ignore_aliases(self, data) -> bool:
        return True


def verslagregels(verslag: Verslag, dry_run: bool) -> list[str]:
    """The dry-run diff as a person reads it: per indicator new / changed / unchanged / suppressed, then notes."""
    w = verslag.wijzigingen
    kop = "Zou veranderen (dry run, er is niets geschreven)" if dry_run else \
        ("Bijgewerkt" if verslag.geschreven else "Niets te doen")
    regels = [f"{kop}: {len(w.nieuw)} nieuw, {len(w.gewijzigd)} gewijzigd, {w.ongewijzigd} ongewijzigd"
              + (" — met een nieuwe bron in data/bronnen.yaml" if verslag.nieuwe_bron else "") + "."]
    if verslag.grenzen:
        regels = [f"{kop}:", *(f"  {r}" for r in verslag.grenzen)]
    if len(verslag.per_indicator):
        breedte = max(len(i) for i in verslag.per_indicator["indicator"])
        regels.append(f"  {'indicator':<{breedte}}  nieuw  gewijzigd  ongewijzigd  geheim")
        for r in verslag.per_indicator.itertuples():
            regels.append(f"  {r.indicator:<{breedte}}  {r.nieuw:>5}  {r.gewijzigd:>9}  {r.ongewijzigd:>11}  {r.geheim:>6}")
    for _, rij in w.gewijzigd.head(20).iterrows():
        regels.append(f"  gewijzigd: {rij['gebied_code']} {rij['indicator']} {rij['jaar']} → "
                      f"{getal_tekst(rij['waarde']) if pd.notna(rij['waarde']) else rij['status']}")
    for ind, meldingen in sorted(verslag.meldingen.items()):
        for melding in meldingen:
            regels.append(f"  let op{' (' + ind + ')' if ind else ''}: {melding}")
    return regels
