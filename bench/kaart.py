"""The map's cost per page state at 8, 100 and 400 wijken (issue 26): time to build a state and the map JSON it sends.

Soest's own wijken and buurten from the database, and GENERATED areas (synthetic, never shipped: a Voronoi split of
a 10 × 10 km square, ~5 buurten per wijk not needed here) with made-up values, only to measure. Per size:
- `eenmalig`: preparing the level once per database version (kaartvormen: shapes per map size, label anchors);
- `per stand`: one page state (kaartbeeld: colours, texts, three decks), label places already made once;
- the first state also makes the label places (once per reserved value width);
- map JSON: the three decks (groot / middel / smal) as the page sends them (compact JSON).
Run by hand: .venv/bin/python bench/kaart.py [--db data/wijkprofielen.duckdb]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from soest_data import db, gebieden, waarden  # noqa: E402
from soest_data.gegevens import laad  # noqa: E402
from soest_data.weergave import kaart, kaartvormen  # noqa: E402


def gegenereerd(n: int, zaad: int = 1) -> tuple[gpd.GeoDataFrame, pd.DataFrame, pd.Series]:
    """n synthetic areas (Voronoi cells clipped to a square near Soest) and one made-up percentage per area."""
    rng = np.random.default_rng(zaad)
    vierkant = shapely.box(5.20, 52.10, 5.35, 52.19)
    punten = shapely.multipoints(np.column_stack([rng.uniform(5.20, 5.35, n), rng.uniform(52.10, 52.19, n)]))
    cellen = [c.intersection(vierkant) for c in shapely.voronoi_polygons(punten, extend_to=vierkant).geoms]
    vormen = gpd.GeoDataFrame({"code": [f"WK9{k:05d}" for k in range(n)], "naam": [f"Gegenereerd {k}" for k in range(n)]},
                              geometry=cellen, crs=gebieden.CRS)
    rijen = pd.DataFrame({"indicator": "synthetisch", "jaar": 2024, "gebied_code": [*vormen["code"], "GM0000"],
                          "niveau": ["wijk"] * n + ["gemeente"], "waarde": np.round(rng.uniform(5, 25, n + 1), 1),
                          "relatief": "", "status": ""})
    rijen.loc[rijen.index[:n:7], "waarde"] = np.nan  # some areas without a figure (hatched)
    indicator = pd.Series({"id": "synthetisch", "eenheid": "%", "richting": "lager_is_beter", "soort": "getal",
                           "rol": "uitkomst"})
    return vormen, rijen, indicator


def meet(naam: str, vormen: gpd.GeoDataFrame, rijen: pd.DataFrame, indicator: pd.Series, jaar: int,
         niveau: str = "wijk", herhaal: int = 5) -> None:
    begin = time.perf_counter()
    voorbereid = kaartvormen.kaartvormen(vormen)
    eenmalig = time.perf_counter() - begin
    begin = time.perf_counter()
    beeld = kaart.kaartbeeld(voorbereid, rijen, indicator, jaar, niveau)
    eerste = time.perf_counter() - begin
    tijden = []
    for _ in range(herhaal):
        begin = time.perf_counter()
        beeld = kaart.kaartbeeld(voorbereid, rijen, indicator, jaar, niveau)
        tijden.append(time.perf_counter() - begin)
    grootte = {f: len(json.dumps(json.loads(d.to_json()), separators=(",", ":"))) / 1000 for f, d in beeld.decks.items()}
    print(f"| {naam} | {eenmalig * 1000:.0f} ms | {eerste * 1000:.0f} ms | {statistics.median(tijden) * 1000:.0f} ms | "
          + " / ".join(f"{grootte[f]:.1f}" for f in ("groot", "middel", "smal")) + f" kB ({sum(grootte.values()):.0f}) |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="data/wijkprofielen.duckdb")
    args = parser.parse_args()
    print("| gebieden | eenmalig (kaartvormen) | eerste stand (+ labelplaatsen) | per stand | kaart-JSON groot / middel / "
          "smal (samen) |\n|---|---|---|---|---|")
    with db.verbinding(args.db) as con:
        g = laad(con)
        soest = {n: gebieden.geodataframe(waarden.geometrie(con, n)) for n in ("wijk", "buurt")}
    meet("Soest, 8 wijken", soest["wijk"], g.waarden, g.indicator("moeite_met_rondkomen_18plus"), 2020)
    meet("Soest, 29 buurten", soest["buurt"], g.waarden, g.indicator("pct_jongeren_met_jeugdzorg_in_natura"), 2023,
         "buurt")
    for n in (100, 400):
        meet(f"{n} gegenereerde wijken", *gegenereerd(n), 2024)


if __name__ == "__main__":
    main()
