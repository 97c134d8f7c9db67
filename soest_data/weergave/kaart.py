"""The choropleth: class bounds, colours, legend, ranked table, summary sentence and the pydeck map. Pure functions.

By default an outcome with a direction is coloured by its position against Soest (scoring's one rule: blue favourable,
grey around, vermillion unfavourable), so the map says what the wijkprofiel and the tally say. The alternative (and
the only colouring for care use, background and counts) spreads the wijken over five equal steps: for indicators with a
direction the dark end is the unfavourable end; others get a neutral purple scale (dark = higher). Areas without a
number are grey and are labelled on the map with their status in words, so a missing value never looks like a low one.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import altair as alt
import geopandas as gpd
import pandas as pd
import pydeck as pdk
import shapely
from shapely.geometry import Polygon, box, shape

from soest_data import opmaak, scoring
from soest_data.begrippen import RELATIEF, SOEST, UITKOMST
from soest_data.gebieden import CRS, labelpunten, rechtsom

KLASSEN = 5
# Relative statements on the 5-class scale, lowest first: 'about average' statements share the middle class.
_RELATIEF_KLASSE = {"laagste": 0, "lager": 1, "iets_lager": 2, "gemiddeld": 2, "iets_hoger": 2, "hoger": 3, "hoogste": 4}


def _rgba(hex_kleur: str, alfa: int = 230) -> list[int]:
    hex_kleur = hex_kleur.lstrip("#")
    return [int(hex_kleur[i:i + 2], 16) for i in (0, 2, 4)] + [alfa]


def klassegrenzen(waarden: pd.Series, klassen: int = KLASSEN) -> list[float]:
    """Equal-interval bounds from the lowest to the highest value: easy to read on a legend.

    Fewer distinct values than classes → fewer classes; one distinct value → a single class [v, v].
    """
    getallen = pd.to_numeric(waarden, errors="coerce").dropna()
    if getallen.empty:
        return []
    laag, hoog = float(getallen.min()), float(getallen.max())
    if laag == hoog:
        return [laag, hoog]
    n = min(klassen, getallen.nunique())
    stap = (hoog - laag) / n
    return [laag + i * stap for i in range(n)] + [hoog]


def klasse(waarde: float | None, grenzen: list[float]) -> int | None:
    """Index of the class a value falls in (upper bound inclusive in the last class); None without a number."""
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)) or pd.isna(waarde) or len(grenzen) < 2:
        return None
    for i in range(len(grenzen) - 1):
        if waarde < grenzen[i + 1]:
            return i
    return len(grenzen) - 2


def schaal(richting: str, klassen: int) -> list[str]:
    """Colours from the lowest to the highest class."""
    basis = opmaak.SCHAAL_NEUTRAAL if richting == "neutraal" else opmaak.SCHAAL_ONGUNSTIG
    kleuren = _spreid(basis, klassen)
    return kleuren[::-1] if richting == "hoger_is_beter" else kleuren  # low values are the unfavourable end


def _spreid(basis: list[str], n: int) -> list[str]:
    if n >= len(basis):
        return list(basis)
    if n == 1:
        return [basis[len(basis) // 2]]
    return [basis[round(i * (len(basis) - 1) / (n - 1))] for i in range(n)]


def status_label(rij: pd.Series) -> str:
    """The words shown for an area without a number."""
    return scoring.waarde_in_woorden(rij.drop(labels="waarde", errors="ignore"), "")


def kleuren(frame: pd.DataFrame, richting: str, grenzen: list[float], soort: str = "getal") -> list[list[int]]:
    """Fill colour (RGBA) per row; grey for every row without a number (or relative statement)."""
    grijs = _rgba(opmaak.KLEUR_GEEN_GEGEVENS)
    if soort == "relatief":
        palet = schaal(richting, KLASSEN)
        return [_rgba(palet[_RELATIEF_KLASSE[r]]) if r in _RELATIEF_KLASSE else grijs
                for r in frame["relatief"].fillna("")]
    palet = schaal(richting, len(grenzen) - 1)
    uit = []
    for waarde in frame["waarde"]:
        i = klasse(waarde, grenzen)
        uit.append(grijs if i is None else _rgba(palet[i]))
    return uit


_KLEUR_OORDEEL = {scoring.GUNSTIG: opmaak.KLEUR_GUNSTIG, scoring.ROND: opmaak.KLEUR_ROND,
                  scoring.ONGUNSTIG: opmaak.KLEUR_ONGUNSTIG}


def kleuren_tov_soest(frame: pd.DataFrame) -> list[list[int]]:
    """Fill colour per row from its judgement against Soest; grey (light) without one."""
    return [_rgba(_KLEUR_OORDEEL.get(o, opmaak.KLEUR_GEEN_GEGEVENS)) for o in frame["oordeel"]]


def legenda_tov_soest(soest: float | None, eenheid: str, marge: float = scoring.STANDAARD_MARGE,
                      ontbrekend: list[str] | None = None, stap: float = 0.0) -> pd.DataFrame:
    """The three judgements with the threshold in words, then one grey row per kind of missing value."""
    drempel = scoring.drempel_in_woorden(soest, eenheid, marge, stap) if soest is not None else "volgens het wijkprofiel"
    rijen = [{"kleur": opmaak.KLEUR_GUNSTIG, "betekenis": f"{scoring.SYMBOOL[scoring.GUNSTIG]}: beter dan Soest ({drempel})"},
             {"kleur": opmaak.KLEUR_ROND, "betekenis": f"{scoring.SYMBOOL[scoring.ROND]}: rond Soest"},
             {"kleur": opmaak.KLEUR_ONGUNSTIG,
              "betekenis": f"{scoring.SYMBOOL[scoring.ONGUNSTIG]}: slechter dan Soest ({drempel})"}]
    rijen += [{"kleur": opmaak.KLEUR_GEEN_GEGEVENS, "betekenis": s} for s in dict.fromkeys(ontbrekend or [])]
    return pd.DataFrame(rijen, columns=["kleur", "betekenis"])


def legenda(grenzen: list[float], eenheid: str, richting: str, soort: str = "getal",
            ontbrekend: list[str] | None = None) -> pd.DataFrame:
    """Legend rows (kleur, betekenis), lowest class first, then one grey row per kind of missing value."""
    rijen = []
    if soort == "relatief":
        palet = schaal(richting, KLASSEN)
        rijen = [{"kleur": palet[k], "betekenis": RELATIEF[r]} for r, k in _RELATIEF_KLASSE.items()]
    elif grenzen:
        palet = schaal(richting, len(grenzen) - 1)
        for i, kleur in enumerate(palet):
            van, tot = grenzen[i], grenzen[i + 1]
            d = _decimalen(grenzen)
            tekst = (opmaak.waarde_met_eenheid(van, eenheid) if van == tot else
                     opmaak.met_eenheid(f"{opmaak.getal(van, d)} tot {opmaak.getal(tot, d)}", eenheid))
            rijen.append({"kleur": kleur, "betekenis": tekst})
    for status in dict.fromkeys(ontbrekend or []):
        rijen.append({"kleur": opmaak.KLEUR_GEEN_GEGEVENS, "betekenis": status})
    return pd.DataFrame(rijen, columns=["kleur", "betekenis"])


def _decimalen(grenzen: list[float]) -> int:
    spreiding = grenzen[-1] - grenzen[0]
    return 0 if spreiding >= 50 else 1 if spreiding >= 2 else 2


def uitleg_kleur(richting: str) -> str:
    return {"hoger_is_beter": "Donkerder = lager = ongunstiger.",
            "lager_is_beter": "Donkerder = hoger = ongunstiger.",
            }.get(richting, "Donkerder = hoger. Hoger is hier niet goed of slecht.")


def ranglijst(wijken: pd.DataFrame, eenheid: str) -> pd.DataFrame:
    """The map's figures as a table, highest first; rows from scoring.vergelijk_met_soest (with `soest`)."""
    gesorteerd = wijken.sort_values("waarde", ascending=False, na_position="last")
    hoogste, laagste = gesorteerd["waarde"].max(), gesorteerd["waarde"].min()
    return pd.DataFrame({
        "code": gesorteerd["gebied_code"],
        "Gebied": gesorteerd["gebied_naam"],
        "Waarde": [scoring.waarde_in_woorden(r, eenheid) for _, r in gesorteerd.iterrows()],
        "Verschil met Soest": [_verschil(v, eenheid) for v in gesorteerd["verschil"]],
        "T.o.v. Soest": [scoring.in_woorden(r, hoogste, laagste) for _, r in gesorteerd.iterrows()],
        # no difference beside a value means no Soest value to compare with (not 'geen gegevens')
        "Oordeel": [scoring.oordeel_symbool(o, w, v) for o, w, v in
                    zip(gesorteerd["oordeel"], gesorteerd["waarde"], gesorteerd["verschil"])],
    })


def _verschil(verschil: float | None, eenheid: str) -> str:
    if verschil is None or pd.isna(verschil):
        return "–"
    teken = "+" if verschil > 0 else "−" if verschil < 0 else "±"
    tekst = opmaak.getal(abs(verschil), 1 if abs(verschil) < 100 else 0)
    return f"{teken}{tekst} {opmaak.verschil_eenheid(eenheid)}"


def samenvatting(wijken: pd.DataFrame, soest: float | None, eenheid: str, soort_gebied: str = "wijk") -> str:
    """One sentence from the data; also the map's text alternative.

    'Het hoogst in Smitsveen (18,9 %), het laagst in Soest-Zuid (6,7 %); Soest gemiddeld 11,6 %.'
    Ties name every area; areas without a number are named at the end.
    """
    met = wijken.dropna(subset=["waarde"])
    zonder = wijken[wijken["waarde"].isna()]
    delen = []
    if met.empty:
        zin = f"Voor deze indicator zijn er geen cijfers per {soort_gebied}"
    elif met["waarde"].nunique() == 1:
        enige = opmaak.waarde_met_eenheid(met["waarde"].iloc[0], eenheid)
        zin = f"Alle {soort_gebied}en met cijfers hebben dezelfde waarde ({enige})"
    else:
        for woord, waarde in (("hoogst", met["waarde"].max()), ("laagst", met["waarde"].min())):
            namen = opmaak.opsomming(list(met.loc[met["waarde"] == waarde, "gebied_naam"]))
            delen.append(f"het {woord} in {namen} ({opmaak.waarde_met_eenheid(waarde, eenheid)})")
        zin = ", ".join(delen)
        zin = zin[0].upper() + zin[1:]
    if soest is not None and not pd.isna(soest):
        zin += f"; Soest gemiddeld {opmaak.waarde_met_eenheid(soest, eenheid)}"
    zin += "."
    if len(zonder):
        zin += f" Geen cijfer voor {opmaak.opsomming(list(zonder['gebied_naam']))}."
    return zin


def kaartlagen(vormen: gpd.GeoDataFrame, frame: pd.DataFrame, eenheid: str, kleur: list[list[int]],
               uitgelicht: str | None = None) -> dict:
    """GeoJSON with per area: name, value in words, colour; and label points. `frame` is aligned with `vormen`."""
    data = vormen[["code", "naam", "geometry"]].copy()
    data["kleur"] = kleur
    data["tekst"] = [scoring.waarde_in_woorden(r, eenheid) for _, r in frame.iterrows()]
    data["vergelijking"] = list(frame.get("vergelijking", pd.Series([""] * len(frame))))
    data["rand"] = [4 if c == uitgelicht else 1 for c in data["code"]]
    punten = labelpunten(vormen).assign(tekst=list(data["tekst"]))
    return {"geojson": gpd.GeoDataFrame(data, geometry="geometry", crs=vormen.crs).__geo_interface__,
            "labels": punten}


# Map sizes (canvas height in px; the width is the column's): the shapes are fitted to the smallest canvas a map
# gets, so all 8 wijken show without scrolling. The page shows the big one on wide screens (see ui.breed_of_smal).
KAART_GROOT = (560, 820)
KAART_KLEIN = (350, 520)
TEKEN_BREEDTE = 0.62  # width of a bold character in units of the font size (Source Sans / Arial, deck.gl atlas)


def deck(lagen: dict, hoogte_tekst: int = 16, met_waarde: bool = True, tooltip: bool = True,
         passend: tuple[int, int] = KAART_KLEIN, alleen_passend: bool = False) -> pdk.Deck:
    """An offline pydeck map (no basemap): filled areas, black borders, name (and value) labels placed so that no
    two overlap (a label that must move gets a leader line to its area); with `alleen_passend` (buurten) a label
    is only drawn where it fits inside its own area; the tooltip and the table always have every value."""
    minx, miny, maxx, maxy = _grenzen(lagen["geojson"])
    centrum = ((minx + maxx) / 2, (miny + maxy) / 2)
    zoom = _zoom(maxx - minx, maxy - miny, *passend)
    punten = lagen["labels"].assign(label=lambda d: d["naam"] + ("\n" + d["tekst"] if met_waarde else ""))
    vormen = {f["properties"]["code"]: shape(f["geometry"]) for f in lagen["geojson"]["features"]}
    punten = plaats_labels(punten, vormen, zoom, centrum, hoogte_tekst, passend, alleen_passend)
    vlakken = pdk.Layer(
        "GeoJsonLayer", lagen["geojson"], id="gebieden", pickable=True, stroked=True, filled=True,
        get_fill_color="properties.kleur", get_line_color=[30, 30, 30, 255],
        get_line_width="properties.rand", line_width_units="'pixels'", auto_highlight=True,
        highlight_color=[0, 114, 178, 90])
    lijnen = pdk.Layer(
        "LineLayer", punten[punten["verplaatst"]], id="verwijzers", get_source_position=["lon", "lat"],
        get_target_position=["label_lon", "label_lat"], get_color=[0, 0, 0, 255], get_width=2)
    namen = pdk.Layer(
        "TextLayer", punten, id="namen", get_position=["label_lon", "label_lat"], get_text="label",
        get_size=hoogte_tekst, get_color=[0, 0, 0, 255], get_alignment_baseline="'center'", background=True,
        get_background_color=[255, 255, 255, 235], background_padding=[4, 2], font_weight=600,
        get_border_color=[0, 0, 0, 255], get_border_width=1,
        font_family="'Source Sans Pro, Arial, sans-serif'")
    # deck.gl's default font atlas is ASCII, which covers every area name in data/gebieden.csv (a test checks);
    # pydeck turns a character_set list into an expression, so we do not pass one.
    zicht = pdk.ViewState(latitude=centrum[1], longitude=centrum[0], zoom=zoom, min_zoom=9, max_zoom=16)
    tip = {"html": "<b>{naam}</b><br/>{tekst}<br/>{vergelijking}",
           "style": {"fontSize": f"{opmaak.LETTER}px", "backgroundColor": opmaak.TEKSTKLEUR, "color": "white"}} \
        if tooltip else False
    return pdk.Deck(layers=[vlakken, lijnen, namen], initial_view_state=zicht, map_provider=None, tooltip=tip)


def _pixels(zoom: float) -> float:
    """Pixels per degree of longitude (deck.gl web mercator: a 512-pixel world at zoom 0)."""
    return 512 * 2 ** zoom / 360


def naar_pixels(lon: float, lat: float, zoom: float, centrum: tuple[float, float]) -> tuple[float, float]:
    """Screen offset (px, y down) of a point from the map centre; independent of the canvas size."""
    schaal = _pixels(zoom) * 180 / math.pi

    def merc(b):
        return math.log(math.tan(math.pi / 4 + math.radians(b) / 2))
    return (lon - centrum[0]) * _pixels(zoom), -(merc(lat) - merc(centrum[1])) * schaal


def naar_graden(x: float, y: float, zoom: float, centrum: tuple[float, float]) -> tuple[float, float]:
    schaal = _pixels(zoom) * 180 / math.pi
    merc = math.log(math.tan(math.pi / 4 + math.radians(centrum[1]) / 2)) - y / schaal
    return centrum[0] + x / _pixels(zoom), math.degrees(2 * math.atan(math.exp(merc)) - math.pi / 2)


def labelvak(label: str, grootte: int) -> tuple[float, float]:
    """Width and height (px) of a label with its background, from its longest line and number of lines."""
    lijnen = label.split("\n")
    return max(len(lijn) for lijn in lijnen) * grootte * TEKEN_BREEDTE + 8, len(lijnen) * grootte * 1.2 + 4


def plaats_labels(punten: pd.DataFrame, vormen: dict, zoom: float, centrum: tuple[float, float], grootte: int,
                  canvas: tuple[int, int], alleen_passend: bool = False) -> pd.DataFrame:
    """Where each label goes: at the area's label point if it is free, else the nearest free spot around it
    (inside its own area first), with `verplaatst` for a leader line. No two label boxes overlap and each stays on
    the canvas. With `alleen_passend`, a label that does not fit inside its own area at its point is left out."""
    veelhoeken = {c: Polygon([naar_pixels(x, y, zoom, centrum) for x, y in _buitenrand(v)]) for c, v in vormen.items()}
    halve_b, halve_h = canvas[0] / 2, canvas[1] / 2
    geplaatst: list[Polygon] = []
    # Small areas first: they have the least room; large ones can still move inside themselves.
    volgorde = sorted(punten.index, key=lambda i: veelhoeken[punten.at[i, "code"]].area)
    uit = {}
    for i in volgorde:
        rij = punten.loc[i]
        px, py = naar_pixels(rij["lon"], rij["lat"], zoom, centrum)
        b, h = labelvak(rij["label"], grootte)
        eigen = veelhoeken[rij["code"]]
        kandidaten = [(0.0, 0.0)] + [(r * math.cos(math.radians(a)), r * math.sin(math.radians(a)))
                                     for r in (h * 0.6, h, h * 1.6, h * 2.3, h * 3.2) for a in range(0, 360, 30)]
        beste = None
        for dx, dy in kandidaten:
            x, y = px + dx, py + dy
            vak = box(x - b / 2, y - h / 2, x + b / 2, y + h / 2)
            if abs(x) + b / 2 > halve_b or abs(y) + h / 2 > halve_h:
                continue
            if geplaatst and shapely.intersects(vak.buffer(2), geplaatst).any():  # against all placed at once
                continue
            binnen = eigen.contains(vak)
            if alleen_passend and not binnen:
                continue
            score = (0 if binnen else 1000) + math.hypot(dx, dy)
            if beste is None or score < beste[0]:
                beste = (score, x, y, vak)
            if binnen and dx == dy == 0:
                break
        if beste is None:
            continue  # no free spot: the tooltip and the table carry this area's name and value
        _, x, y, vak = beste
        geplaatst.append(vak)
        lon, lat = naar_graden(x, y, zoom, centrum)
        uit[i] = (lon, lat, (x, y) != (px, py))
    gekozen = punten.loc[list(uit)].copy()
    gekozen["label_lon"] = [uit[i][0] for i in gekozen.index]
    gekozen["label_lat"] = [uit[i][1] for i in gekozen.index]
    gekozen["verplaatst"] = [uit[i][2] for i in gekozen.index]
    return gekozen.sort_index()


def _buitenrand(vorm) -> list[tuple[float, float]]:
    grootste = max(vorm.geoms, key=lambda d: d.area) if vorm.geom_type == "MultiPolygon" else vorm
    return list(grootste.exterior.coords)


def _grenzen(geojson: dict) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for feature in geojson["features"]:
        minx, miny, maxx, maxy = _bbox(feature["geometry"]["coordinates"])
        xs += [minx, maxx]
        ys += [miny, maxy]
    return min(xs), min(ys), max(xs), max(ys)


def _bbox(coords) -> tuple[float, float, float, float]:
    if isinstance(coords[0], (int, float)):
        return coords[0], coords[1], coords[0], coords[1]
    vakken = [_bbox(c) for c in coords]
    return (min(v[0] for v in vakken), min(v[1] for v in vakken), max(v[2] for v in vakken), max(v[3] for v in vakken))


def _zoom(breedte_graden: float, hoogte_graden: float, breedte_px: int, hoogte_px: int) -> float:
    """Zoom level that fits the extent in the given pixels (deck.gl web mercator: 512-pixel world at zoom 0)."""
    zoom_x = math.log2(breedte_px * 360 / (512 * max(breedte_graden, 1e-6)))
    zoom_y = math.log2(hoogte_px * 360 * math.cos(math.radians(52.15)) / (512 * max(hoogte_graden, 1e-6)))
    return round(min(zoom_x, zoom_y) - 0.1, 2)


def vergelijking_in_woorden(wijken: pd.DataFrame, eenheid: str) -> list[str]:
    """Tooltip line per area: the difference with Soest in words ('4,2 procentpunt hoger dan Soest')."""
    uit = []
    for _, rij in wijken.iterrows():
        verschil = rij.get("verschil")
        if verschil is None or pd.isna(verschil):
            uit.append(status_label(rij) if pd.isna(rij.get("waarde")) else "geen vergelijking met Soest")
        elif verschil == 0:
            uit.append("gelijk aan Soest")
        else:
            richting = "hoger" if verschil > 0 else "lager"
            uit.append(f"{_verschil(verschil, eenheid)[1:]} {richting} dan Soest")
    return uit


@dataclass
class Kaartbeeld:
    """Everything the map page shows for one indicator, year and level."""
    gebieden: pd.DataFrame      # one row per area (aligned with the shapes), scored against Soest
    soest: float | None
    tov_soest: bool             # coloured by the judgement against Soest (else: five steps over the spread)
    kan_tov_soest: bool         # an outcome with a direction and a Soest value (or statements): can be judged
    grenzen: list[float]
    legenda: pd.DataFrame
    samenvatting: str
    ranglijst: pd.DataFrame
    deck: pdk.Deck          # fitted to KAART_KLEIN (laptop, phone)
    deck_groot: pdk.Deck    # fitted to KAART_GROOT (beamer)
    lagen: dict             # the areas with colour and text, and the label points (for kaartafbeelding)


def kaartbeeld(vormen: gpd.GeoDataFrame, waarden: pd.DataFrame, indicator: pd.Series, jaar: int,
               niveau: str = "wijk", tov_soest: bool | None = None) -> Kaartbeeld:
    """`waarden` is alle_waarden (after disclosure control); `indicator` a catalogue row. `tov_soest` None: colour by
    the judgement against Soest whenever the indicator can be judged."""
    eenheid, richting, soort = indicator["eenheid"], indicator["richting"], indicator["soort"]
    rol = indicator.get("rol", UITKOMST)
    deze = waarden[(waarden["indicator"] == indicator["id"]) & (waarden["jaar"] == jaar)]
    soest_rij = deze[deze["gebied_code"] == SOEST]["waarde"]
    soest = float(soest_rij.iloc[0]) if len(soest_rij) and not pd.isna(soest_rij.iloc[0]) else None
    if scoring.is_aantal(eenheid):  # a count is not held against Soest's total, and bigger wijken are not 'worse'
        richting, soest = "neutraal", None
    per_gebied = deze[deze["niveau"] == niveau].set_index("gebied_code")
    gebieden = pd.DataFrame({"gebied_code": vormen["code"].to_numpy(), "gebied_naam": vormen["naam"].to_numpy()})
    for kolom in ("waarde", "relatief", "status"):
        gebieden[kolom] = gebieden["gebied_code"].map(per_gebied[kolom]) if len(per_gebied) else None
    gebieden["waarde"] = pd.to_numeric(gebieden["waarde"], errors="coerce")
    gebieden[["relatief", "status"]] = gebieden[["relatief", "status"]].fillna("")
    gebieden = scoring.vergelijk_met_soest(gebieden, soest, richting, eenheid=eenheid, rol=rol)
    gebieden["vergelijking"] = vergelijking_in_woorden(gebieden, eenheid)
    grenzen = klassegrenzen(gebieden["waarde"])
    ontbrekend = [status_label(r) for _, r in gebieden.iterrows() if pd.isna(r["waarde"]) and not r["relatief"]]
    kan = scoring.wordt_beoordeeld(richting, rol) and (soest is not None or soort == "relatief")
    oordeel_kleur = kan if tov_soest is None else (tov_soest and kan)
    schaalrichting = richting if scoring.wordt_beoordeeld(richting, rol) else "neutraal"
    kleur = kleuren_tov_soest(gebieden) if oordeel_kleur else kleuren(gebieden, schaalrichting, grenzen, soort)
    lagen = kaartlagen(vormen, gebieden, eenheid, kleur)
    soort_gebied = "buurt" if niveau == "buurt" else "wijk"
    lagen["met_waarde"] = niveau == "wijk"
    return Kaartbeeld(
        gebieden=gebieden, soest=soest, tov_soest=oordeel_kleur, kan_tov_soest=kan, grenzen=grenzen,
        legenda=legenda_tov_soest(soest, eenheid, ontbrekend=ontbrekend, stap=float(gebieden["stap"].iloc[0]))
        if oordeel_kleur
        else legenda(grenzen, eenheid, schaalrichting, soort, ontbrekend),
        samenvatting=samenvatting(gebieden, soest, eenheid, soort_gebied),
        ranglijst=ranglijst(gebieden, eenheid),
        deck=deck(lagen, met_waarde=niveau == "wijk", alleen_passend=niveau == "buurt"),
        deck_groot=deck(lagen, met_waarde=niveau == "wijk", alleen_passend=niveau == "buurt", passend=KAART_GROOT),
        lagen=lagen,
    )


def kaartafbeelding(beeld: Kaartbeeld) -> alt.LayerChart:
    """The map as a picture to download (Altair, drawn by vl-convert): the same colours, names and values as on screen,
    and the legend in words below it."""
    vlakken = gpd.GeoDataFrame.from_features(beeld.lagen["geojson"]["features"], crs=CRS)
    vlakken["kleur"] = ["#{:02x}{:02x}{:02x}".format(*k[:3]) for k in vlakken["kleur"]]
    vlak = alt.Chart(rechtsom(vlakken)).mark_geoshape(stroke="#1e1e1e", strokeWidth=0.8).encode(
        color=alt.Color("kleur:N", scale=None))
    punten = beeld.lagen["labels"].assign(
        label=lambda d: d["naam"] + ("\n" + d["tekst"] if beeld.lagen.get("met_waarde", True) else ""))
    namen = alt.Chart(punten).mark_text(fontSize=opmaak.LETTER_AFBEELDING_KLEIN, fontWeight=600, lineBreak="\n").encode(
        longitude=alt.Longitude("lon:Q"), latitude=alt.Latitude("lat:Q"), text=alt.Text("label:N"))
    legenda = alt.Chart(beeld.legenda.reset_index()).mark_square(size=180, stroke="#333333", filled=True, opacity=1).encode(
        y=alt.Y("index:O", axis=None), color=alt.Color("kleur:N", scale=None)).properties(width=20)
    woorden = alt.Chart(beeld.legenda.reset_index()).mark_text(align="left", dx=4, fontSize=opmaak.LETTER_AFBEELDING).encode(
        x=alt.XValue(0), y=alt.Y("index:O", axis=None), text=alt.Text("betekenis:N")).properties(width=400)
    kaart = (vlak + namen).project("mercator").properties(width=560, height=600)
    return alt.vconcat(kaart, alt.hconcat(legenda, woorden, spacing=0)).configure_view(stroke=None)


def locatorkaart(vormen: gpd.GeoDataFrame, wijk_code: str) -> pdk.Deck:
    """Small map of Soest with one wijk dark: where is this wijk?"""
    frame = pd.DataFrame({"waarde": [float("nan")] * len(vormen), "relatief": "", "status": ""})
    kleur = [_rgba("#0072B2") if c == wijk_code else _rgba("#F2F2F2") for c in vormen["code"]]
    lagen = kaartlagen(vormen, frame, "", kleur, uitgelicht=wijk_code)
    lagen["labels"] = lagen["labels"][lagen["labels"]["code"] == wijk_code]
    return deck(lagen, hoogte_tekst=13, met_waarde=False, tooltip=False, passend=(300, 230))
