"""Area geometry and the geo join: values of one indicator attached to wijk or buurt shapes."""
from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
from shapely.geometry import shape
from shapely.ops import polylabel

GRENZEN_BRON = "Kadaster / CBS, Wijk- en buurtkaart 2024 (vereenvoudigd)"
CRS = "EPSG:4326"
CRS_METERS = "EPSG:28992"


def geodataframe(geometrie: pd.DataFrame) -> gpd.GeoDataFrame:
    """From rows with a GeoJSON `geometrie` column (as stored in the database) to a GeoDataFrame."""
    vormen = [shape(json.loads(g)) for g in geometrie["geometrie"]]
    return gpd.GeoDataFrame(geometrie.drop(columns="geometrie"), geometry=vormen, crs=CRS)


def koppel(vormen: gpd.GeoDataFrame, waarden: pd.DataFrame) -> gpd.GeoDataFrame:
    """Every area keeps its shape; areas without a value get empty value columns (shown as 'geen gegevens')."""
    kolommen = [k for k in waarden.columns if k not in ("gebied_naam", "niveau", "ouder")]
    return vormen.merge(waarden[kolommen], left_on="code", right_on="gebied_code", how="left").drop(
        columns="gebied_code")


def labelpunten(vormen: gpd.GeoDataFrame) -> pd.DataFrame:
    """The point deepest inside each area (pole of inaccessibility), where a name label fits best."""
    punten = [polylabel(_grootste_deel(v), tolerance=0.0002) for v in vormen.geometry]
    return pd.DataFrame({"code": vormen["code"], "naam": vormen["naam"],
                         "lon": [p.x for p in punten], "lat": [p.y for p in punten]})


def _grootste_deel(vorm):
    return max(vorm.geoms, key=lambda d: d.area) if vorm.geom_type == "MultiPolygon" else vorm


def oppervlakte_km2(vormen: gpd.GeoDataFrame) -> pd.Series:
    return vormen.to_crs(CRS_METERS).area / 1e6


def als_geojson(gdf: gpd.GeoDataFrame) -> dict:
    return json.loads(gdf.to_json(na="null"))
