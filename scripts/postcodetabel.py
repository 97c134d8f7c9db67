"""Maintenance tool: derive data/postcodes/pc4_wijken.csv (four-digit postcode → the wijken it lies in).

Input: the CBS postcode-4 map (CBS-PC4-<jaar>, polygons in RD) as an R data file `geo_postcodes4.rda` from the public
package certe-medical-epidemiology/certegis (see docs/DATAFORMAAT.md for the exact commit), and the buurten in
geo/soest_buurten_<jaar>.geojson. It writes, per postcode and wijk, the share of the
postcode's area that lies in that wijk (≥ 1 %), for the postcodes that lie mostly in Soest. No address or
inhabitant count is involved: it is area, nothing else.

Run from the project root (reading .rda needs the `rdata` package, which the dashboard itself does not use):
    python -m venv /tmp/rd && /tmp/rd/bin/pip install rdata geopandas
    /tmp/rd/bin/python scripts/postcodetabel.py pad/naar/geo_postcodes4.rda
The dashboard never needs this script; its output is committed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import MultiPolygon, Polygon

PROJECT = Path(__file__).resolve().parent.parent
KLEINSTE_AANDEEL = 0.01  # overlaps below 1 % of a postcode's area are slivers of the simplified boundaries
IN_SOEST = 0.5  # a postcode of Soest has most of its area in Soest; neighbours touch it with a few % of slivers


def wijkaandelen(pc4: gpd.GeoDataFrame, buurten: gpd.GeoDataFrame) -> pd.DataFrame:
    """Per postcode (column `postcode`) and wijk (buurten' `wijk_code`): the share of the postcode's area in the wijk.

    Both frames in one metric CRS. Only postcodes with at least half their area in the buurten (the others belong to
    a neighbouring gemeente and touch Soest only through the simplified boundaries), and shares of at least 1 %."""
    soest = buurten.union_all()
    pc4 = pc4[pc4.geometry.intersection(soest).area >= IN_SOEST * pc4.geometry.area]
    oppervlak = pc4.set_index("postcode").geometry.area
    stukken = gpd.overlay(pc4[["postcode", "geometry"]], buurten[["wijk_code", "geometry"]], how="intersection")
    stukken["opp"] = stukken.geometry.area
    per_wijk = stukken.groupby(["postcode", "wijk_code"], as_index=False)["opp"].sum()
    per_wijk["aandeel"] = per_wijk["opp"] / per_wijk["postcode"].map(oppervlak)
    per_wijk = per_wijk[per_wijk["aandeel"] >= KLEINSTE_AANDEEL]
    per_wijk["aandeel"] = per_wijk["aandeel"].round(3)
    return per_wijk.sort_values(["postcode", "aandeel"], ascending=[True, False])[["postcode", "wijk_code", "aandeel"]]


def lees_rda(pad: Path) -> gpd.GeoDataFrame:
    import rdata  # only for this maintenance step

    frame = rdata.conversion.convert(rdata.parser.parse_file(pad))["geo_postcodes4"]
    vormen = [MultiPolygon([Polygon(delen[0], delen[1:]) for delen in vorm]) for vorm in frame["geometry"]]
    return gpd.GeoDataFrame({"postcode": frame["postcode"].astype(int)}, geometry=vormen, crs="EPSG:28992")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rda", type=Path, help="geo_postcodes4.rda uit certegis")
    parser.add_argument("--buurten", type=Path, default=PROJECT / "geo" / "soest_buurten_2024.geojson")
    parser.add_argument("--uit", type=Path, default=PROJECT / "data" / "postcodes" / "pc4_wijken.csv")
    args = parser.parse_args(argv)
    pc4 = lees_rda(args.rda)
    buurten = gpd.read_file(args.buurten).to_crs(pc4.crs)
    tabel = wijkaandelen(pc4, buurten)
    args.uit.parent.mkdir(parents=True, exist_ok=True)
    tabel.to_csv(args.uit, index=False, lineterminator="\n")
    print(f"{args.uit}: {tabel['postcode'].nunique()} postcodes, {len(tabel)} regels")
    return 0


if __name__ == "__main__":
    sys.exit(main())
