"""The only writer: data/ + geo/ → data/wijkprofielen.duckdb.

The database is built into a temporary file next to the target and renamed into place only when the
whole build succeeded, so a failed build leaves the previous database untouched.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from soest_data import db, gemeente, paden
from soest_data.bronnen import catalogus
from soest_data.bronnen.catalogus import Catalogus, zonder_regel
from soest_data.bronnen.probleem import BronFout, Probleem
from soest_data.bronnen.waardenbestand import dubbele_sleutels, lees_waarden, samenhang

# <gemeente>_wijken_<indelingsjaar>.geojson (soest_wijken_2024.geojson, amersfoort_wijken_2024.geojson)
GEO_PATROON = {"wijk": "*_wijken_*.geojson", "buurt": "*_buurten_*.geojson"}
GEO_CODE = {"wijk": "wijk_code", "buurt": "buurt_code"}


@dataclass
class Bronset:
    catalogus: Catalogus
    waarden: pd.DataFrame
    geometrie: dict[str, str]
    problemen: list[Probleem]
    grenzenjaar: str = ""  # the year in the name of the boundary file (soest_wijken_2024.geojson → "2024")


def lees(data: Path, geo: Path) -> Bronset:
    """Read and check every text source; problems are collected, not raised."""
    b = catalogus.laad(data)
    problemen = list(b.problemen)
    try:
        problemen += [Probleem(gemeente.BESTAND, None, f) for f in gemeente.controleer(gemeente.lees(data / gemeente.BESTAND),
                                                                                       b.gebieden)]
    except gemeente.GemeenteFout as fout:
        problemen.append(Probleem(gemeente.BESTAND, None, str(fout)))
    frames = []
    for pad in sorted((data / "waarden").glob("*.csv")):
        frame, fouten = lees_waarden(pad, b, naam=f"waarden/{pad.name}")
        frames.append(frame)
        problemen += fouten
    waarden = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if len(frames) > 1:
        # duplicates inside one file were reported by lees_waarden; here only those across files
        problemen += [p for p in dubbele_sleutels(waarden) if p not in problemen]
    if len(waarden):
        problemen += samenhang(waarden, b)  # a count not above its population or its surrounding area
    geometrie = _lees_geometrie(geo, b, problemen)
    return Bronset(b, waarden, geometrie, problemen, geobestand(geo, "wijk").stem.rsplit("_", 1)[-1])


def _lees_geometrie(geo: Path, b: Catalogus, problemen: list[Probleem]) -> dict[str, str]:
    geometrie = {}
    for niveau in GEO_PATROON:
        pad = geobestand(geo, niveau)
        bestand = pad.name
        try:
            features = json.loads(pad.read_text(encoding="utf-8"))["features"]
        except (OSError, ValueError, KeyError) as fout:
            problemen.append(Probleem(f"geo/{bestand}", None, f"grenzen kunnen niet gelezen worden ({fout})"))
            continue
        for feature in features:
            geometrie[feature["properties"][GEO_CODE[niveau]]] = json.dumps(feature["geometry"])
        for code, gebied in b.gebieden.items():
            if gebied["niveau"] == niveau and code not in geometrie:
                problemen.append(Probleem(f"geo/{bestand}", None, f"geen grens voor {code} ({gebied['naam']})"))
    return geometrie


def geobestand(geo: Path, niveau: str) -> Path:
    """The boundary file of the newest year (`vernieuw grenzen` adds a year beside the previous one)."""
    kandidaten = sorted(geo.glob(GEO_PATROON[niveau]))
    return kandidaten[-1] if kandidaten else geo / f"{niveau}en_2024.geojson"


def bronhash(data: Path, geo: Path) -> str:
    """Fingerprint of every source file, stored in the database to tell whether it is stale."""
    h = hashlib.sha256(db.SCHEMA_VERSIE.encode())
    bestanden = [(data, p) for p in [*data.rglob("*.csv"), *data.rglob("*.yaml")]
                 if paden.GEMEENTEN not in p.relative_to(data).parts] + [(geo, p) for p in geo.glob("*.geojson")]
    for wortel, pad in sorted(bestanden, key=lambda wp: (wp[0].name, str(wp[1]))):
        h.update(pad.relative_to(wortel).as_posix().encode())
        h.update(pad.read_bytes())
    return h.hexdigest()


def is_verouderd(doel: Path, data: Path, geo: Path) -> bool:
    try:
        con = db.open_readonly(doel)
    except db.DatabaseFout:
        return True
    try:
        opgeslagen = con.execute("select waarde from bouwinfo where sleutel = 'bronhash'").fetchone()
    except duckdb.Error:
        return True
    finally:
        con.close()
    return not opgeslagen or opgeslagen[0] != bronhash(data, geo)


def bereken(bronnen: Catalogus, waarden: pd.DataFrame) -> pd.DataFrame:
    """Computed indicators (teller / noemer × factor), per area and year where both exist as numbers."""
    getallen = waarden.dropna(subset=["waarde"]).set_index(["gebied_code", "indicator", "jaar"])
    rijen = []
    for ind in bronnen.indicatoren.values():
        formule = ind.get("berekening")
        if not formule:
            continue
        teller = getallen.xs(formule["teller"], level="indicator", drop_level=True) \
            if formule["teller"] in getallen.index.get_level_values("indicator") else None
        noemer = getallen.xs(formule["noemer"], level="indicator", drop_level=True) \
            if formule["noemer"] in getallen.index.get_level_values("indicator") else None
        if teller is None or noemer is None:
            continue
        paren = teller.add_suffix("_t").join(noemer.add_suffix("_n"), how="inner")
        factor = formule.get("factor", 1)
        for (gebied, jaar), rij in paren.iterrows():
            if not rij["waarde_n"]:
                continue
            rijen.append({
                "gebied_code": gebied, "indicator": ind["id"], "jaar": int(jaar),
                "waarde": rij["waarde_t"] / rij["waarde_n"] * factor,  # unrounded: compared as measured, rounded for display
                "eenheid": ind["eenheid"], "relatief": "", "status": "", "bron": rij["bron_t"],
                "citaat": (f"berekend: {formule['teller']} ({rij['waarde_t']:g}) / {formule['noemer']} "
                           f"({rij['waarde_n']:g}) × {factor:g}"),
                "bestand": "berekend", "regel": None,
            })
    return pd.DataFrame(rijen, columns=waarden.columns)


def valideer(data: Path, geo: Path) -> list[Probleem]:
    return lees(data, geo).problemen


def bouw(data: Path, geo: Path, doel: Path) -> dict:
    """Build the database atomically. Raises BronFout (and leaves `doel` untouched) when sources are invalid."""
    bronset = lees(data, geo)
    if bronset.problemen:
        raise BronFout(bronset.problemen)
    return schrijf(bronset, doel, bronhash(data, geo))


def schrijf(bronset: Bronset, doel: Path, hash_: str) -> dict:
    if doel.exists() or doel.is_symlink():
        db.identiteit(doel)  # only ever replace a regular file: never a folder, device or pipe
    doel.parent.mkdir(parents=True, exist_ok=True)
    ruim_op(doel)
    tijdelijk = doel.with_name(f"{doel.name}.tmp-{os.getpid()}")
    tijdelijk.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tijdelijk))
        try:
            verslag = _vul(con, bronset, hash_)
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(tijdelijk, doel)
    finally:
        tijdelijk.unlink(missing_ok=True)
        Path(f"{tijdelijk}.wal").unlink(missing_ok=True)
    return verslag


def ruim_op(doel: Path) -> list[Path]:
    """Remove temporary files of builds that were killed (their process is gone); returns what was removed."""
    weg = []
    for pad in doel.parent.glob(f"{doel.name}.tmp-*"):
        pid = pad.name.rsplit("-", 1)[-1].removesuffix(".wal")
        if pid.isascii() and pid.isdigit() and int(pid) != os.getpid() and not leeft(int(pid)):
            pad.unlink(missing_ok=True)
            weg.append(pad)
    return weg


def leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _vul(con: duckdb.DuckDBPyConnection, bronset: Bronset, hash_: str) -> dict:
    b = bronset.catalogus
    berekend = bereken(b, bronset.waarden)
    waarden = pd.concat([bronset.waarden.assign(berekend=False), berekend.assign(berekend=True)], ignore_index=True)
    waarden = waarden.sort_values(["indicator", "gebied_code", "jaar"]).reset_index(drop=True)
    waarden["jaar"] = waarden["jaar"].astype("int64")
    waarden["waarde"] = waarden["waarde"].astype("float64")
    waarden["regel"] = waarden["regel"].astype("Int64")

    gebieden = pd.DataFrame([{**g, "geometrie": bronset.geometrie.get(code)} for code, g in b.gebieden.items()])
    bronnen = pd.DataFrame([_bronrij(x) for x in b.bronnen.values()])
    indicatoren = pd.DataFrame([_indicatorrij(x, i) for i, x in enumerate(b.indicatoren.values())])
    indicatoren["vergelijkbaar_vanaf"] = indicatoren["vergelijkbaar_vanaf"].astype("Int64")
    indicatoren["wijziging_jaar"] = indicatoren["wijziging_jaar"].astype("Int64")
    verhalen = pd.DataFrame([zonder_regel(v) for v in b.verhalen],
                            columns=["gebied", "opgave", "thema", "soort", "tekst", "bron", "vindplaats", "citaat"])
    uitspraken = pd.DataFrame([{"gebied": u["gebied"], "opgave": u["opgave"], "oordeel": u["oordeel"],
                                "citaten": json.dumps(_schoon(u["citaten"]), ensure_ascii=False)} for u in b.uitspraken],
                              columns=["gebied", "opgave", "oordeel", "citaten"])
    opgaven = pd.DataFrame([{"id": o["id"], "volgorde": i, "gegevens": json.dumps(_schoon(o), ensure_ascii=False)}
                            for i, o in enumerate(b.opgaven)], columns=["id", "volgorde", "gegevens"])
    for naam, frame in (("gebieden", gebieden), ("bronnen", bronnen), ("indicatoren", indicatoren),
                        ("waarden", waarden), ("verhalen", verhalen), ("opgaven", opgaven), ("uitspraken", uitspraken)):
        _maak_tabel(con, naam, frame)
    bouwinfo = pd.DataFrame([
        ("bronhash", hash_), ("schema", db.SCHEMA_VERSIE), ("checksum", db.checksum(con)),
        ("gebouwd_op", datetime.now(UTC).isoformat(timespec="seconds")),
        ("grenzenjaar", bronset.grenzenjaar),  # for the maps' attribution
        ("enquete", json.dumps(_schoon(b.enquete), ensure_ascii=False)),
    ], columns=["sleutel", "waarde"])
    _maak_tabel(con, "bouwinfo", bouwinfo)
    return {"indicatoren": len(indicatoren), "waarden": len(waarden), "berekend": len(berekend),
            "bronnen": len(bronnen), "gebieden": len(gebieden)}


def _maak_tabel(con: duckdb.DuckDBPyConnection, naam: str, frame: pd.DataFrame) -> None:
    con.register("_frame", frame)
    con.execute(f"create table {naam} as select * from _frame")
    con.unregister("_frame")


def _schoon(item):
    """Drop the line bookkeeping the YAML loader adds."""
    if isinstance(item, dict):
        return {k: _schoon(v) for k, v in item.items() if not k.startswith("_")}
    if isinstance(item, list):
        return [_schoon(v) for v in item]
    return item


def _bronrij(bron: dict) -> dict:
    return {"id": bron["id"], "uitgever": bron["uitgever"], "titel": bron["titel"], "tabel": bron.get("tabel") or "",
            "jaren": ", ".join(str(j) for j in bron.get("jaren") or []), "url": bron["url"],
            "licentie": bron["licentie"], "licentie_url": bron.get("licentie_url") or "",
            "voorbehoud": bron.get("voorbehoud") or "", "overgenomen_uit": bron.get("overgenomen_uit") or "",
            "reeks": bron.get("reeks") or ""}


def _indicatorrij(ind: dict, volgorde: int) -> dict:
    onthulling = ind.get("onthulling") or {}
    formule = ind.get("berekening")
    return {
        "id": ind["id"], "volgorde": volgorde, "label": ind["label"], "opgave": ind["opgave"], "thema": ind["thema"],
        "eenheid": ind["eenheid"], "richting": ind["richting"], "rol": ind["rol"],
        "definitie": " ".join(str(ind["definitie"]).split()),
        "periode": str(ind["periode"]), "bronnen": ", ".join(ind["bronnen"]),
        "modelschatting": bool(ind.get("modelschatting")), "soort": ind["soort"], "niveaus": ", ".join(ind["niveaus"]),
        "onthulling_regel": onthulling.get("regel", "geen"), "onthulling_drempel": onthulling.get("drempel"),
        "onthulling_basis": onthulling.get("basis"), "voorbehoud": ind.get("voorbehoud") or "",
        "meetjaar": ind.get("meetjaar") or "",
        "peilperiode": " ".join(str(ind.get("peilperiode") or "").split()),
        "formule": (f"{formule['teller']} / {formule['noemer']} × {formule.get('factor', 1)}" if formule else ""),
        "vergelijkbaar_vanaf": ind.get("vergelijkbaar_vanaf"),
        "wijziging_jaar": (ind.get("definitiewijziging") or {}).get("jaar"),
        "wijziging_uitleg": " ".join(str((ind.get("definitiewijziging") or {}).get("uitleg") or "").split()),
    }
