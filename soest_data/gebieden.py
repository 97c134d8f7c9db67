"""Area geometry: wijk and buurt shapes from the database as a GeoDataFrame, and where their labels go."""
from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon
from shapely.geometry.polygon import orient
from shapely.ops import polylabel

CRS = "EPSG:4326"


def grenzen_bron(bouwinfo: dict[str, str]) -> str:
    """The boundaries' attribution, with the year of the boundary file the database was built from."""
    jaar = bouwinfo.get("grenzenjaar")
    return f"Kadaster / CBS, Wijk- en buurtkaart {jaar} (vereenvoudigd)" if jaar else \
        "Kadaster / CBS, Wijk- en buurtkaart (jaar onbekend; vereenvoudigd)"


def geodataframe(geometrie: pd.DataFrame) -> gpd.GeoDataFrame:
    """From rows with a GeoJSON `geometrie` column (as stored in the database) to a GeoDataFrame."""
    vormen = shapely.from_geojson(geometrie["geometrie"].to_numpy(dtype=object))  # one call for all: 6× faster
    return gpd.GeoDataFrame(geometrie.drop(columns="geometrie"), geometry=vormen, crs=CRS)


def rechtsom(vormen: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The same shapes with clockwise outer rings, as Vega's d3 projection wants them (GeoJSON is counter-clockwise;
    unturned, an area fills the whole globe in an Altair map)."""
    def draai(v):
        if v.geom_type == "Polygon":
            return orient(v, sign=-1.0)
        return MultiPolygon([orient(d, sign=-1.0) for d in v.geoms])
    return vormen.set_geometry([draai(v) for v in vormen.geometry], crs=vormen.crs)


def labelpunten(vormen: gpd.GeoDataFrame) -> pd.DataFrame:
    """The point deepest inside each area (pole of inaccessibility), where a name label fits best."""
    punten = [polylabel(_grootste_deel(v), tolerance=0.0002) for v in vormen.geometry]
    return pd.DataFrame({"code": vormen["code"], "naam": vormen["naam"],
                         "lon": [p.x for p in punten], "lat": [p.y for p in punten]})


def _grootste_deel(vorm):
    return max(vorm.geoms, key=lambda d: d.area) if vorm.geom_type == "MultiPolygon" else vorm
