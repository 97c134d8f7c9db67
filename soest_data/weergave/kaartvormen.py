"""The map's shapes per screen size and where their labels go: made once per level and database version.

Three forms of the map (FORMATEN: beamer/wide screen, laptop, phone), each with its own zoom, shapes simplified to
what that size can show (about one pixel) and label places. Labels keep every area's colour visible: a label box
covers at most DREMPEL of any area's drawn surface. A label sits inside its own area where it fits; where it does not
(small central wijken), it goes to the nearest free place (preferably outside the shapes) with a leader line to its
area. With more than MAX_VERWIJZERS areas (buurten, a large gemeente) only the labels that fit inside get drawn; the
tooltip and the table carry every name and value.

The label text holds the value, which changes with the indicator: places are kept per reserved value width
(`waardebreedte`, rounded up to four characters), so one level has at most a handful of placements per size.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import LineString, Point, box, mapping

from soest_data.gebieden import labelpunten

DREMPEL = 0.15          # a label covers at most this share of any area's surface on screen
MAX_VERWIJZERS = 12     # up to this many areas, every area gets a label (with a leader line where needed)
TEKEN_BREEDTE = 0.62    # width of a bold character in units of the font size (Source Sans / Arial, deck.gl atlas)
REGELHOOGTE = 1.2       # the TextLayer's line height, in units of the font size
OPVULLING = (4, 2)      # the label background's padding (px): left/right, top/bottom
VEREENVOUDIG_PX = 0.75  # shapes are simplified to this many pixels at the size they are drawn
ARCERING_PX = 7         # distance between hatching lines in an area without a figure
_RASTER = 2             # px per cell of the coverage grid used to search leader-line places


@dataclass(frozen=True)
class Formaat:
    """One form of the map: the smallest canvas it is shown in, and the box the shapes are fitted into (centred)."""
    naam: str
    canvas: tuple[int, int]
    vorm: tuple[int, int]
    letter: int = 16


# groot: window ≥ 1600 px, the map in the wide column beside the panel (≥ 700 px wide, 820 high);
# middel: 1200-1600 px, the map across the page above the panel (≥ 720 px wide, 530 high);
# smal: below 1200 px (a phone, or a laptop with the sidebar open: ≥ 350 px wide), taller than wide so that
# leader-line labels fit above and below the shapes; labels in 14 px (16 px leaves one wijk without a label).
# The page picks one by CSS (ui.STIJL, .st-key-kaartvorm-*).
FORMATEN = {f.naam: f for f in (Formaat("groot", (700, 820), (700, 680)),
                                 Formaat("middel", (720, 530), (700, 450)),
                                 Formaat("smal", (350, 660), (340, 420), letter=14))}


def pixels_per_graad(zoom: float) -> float:
    """Pixels per degree of longitude (deck.gl web mercator: a 512-pixel world at zoom 0)."""
    return 512 * 2 ** zoom / 360


def _merc(breedte: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(breedte) / 2))


def naar_pixels(lon: float, lat: float, zoom: float, centrum: tuple[float, float]) -> tuple[float, float]:
    """Screen offset (px, y down) of a point from the map centre; independent of the canvas size."""
    schaal = pixels_per_graad(zoom) * 180 / math.pi
    return (lon - centrum[0]) * pixels_per_graad(zoom), -(_merc(lat) - _merc(centrum[1])) * schaal


def naar_graden(x: float, y: float, zoom: float, centrum: tuple[float, float]) -> tuple[float, float]:
    schaal = pixels_per_graad(zoom) * 180 / math.pi
    merc = _merc(centrum[1]) - y / schaal
    return centrum[0] + x / pixels_per_graad(zoom), math.degrees(2 * math.atan(math.exp(merc)) - math.pi / 2)


def zoom_passend(breedte_graden: float, hoogte_graden: float, breedte_px: int, hoogte_px: int,
                 breedtegraad: float = 52.15) -> float:
    """Zoom level that fits the extent in the given pixels."""
    zoom_x = math.log2(breedte_px * 360 / (512 * max(breedte_graden, 1e-6)))
    zoom_y = math.log2(hoogte_px * 360 * math.cos(math.radians(breedtegraad)) / (512 * max(hoogte_graden, 1e-6)))
    return round(min(zoom_x, zoom_y), 2)


def labelvak(label: str, grootte: int) -> tuple[float, float]:
    """Width and height (px) of a label with its background, from its longest line and number of lines."""
    lijnen = label.split("\n")
    return (max(len(lijn) for lijn in lijnen) * grootte * TEKEN_BREEDTE + 2 * OPVULLING[0],
            len(lijnen) * grootte * REGELHOOGTE + 2 * OPVULLING[1])


def waardebreedte(teksten) -> int:
    """The value width (characters) reserved for a set of label values: the longest, rounded up to four."""
    langste = max((len(t) for t in teksten), default=0)
    return 4 * math.ceil(langste / 4)


def in_pixels(vorm, zoom: float, centrum: tuple[float, float]):
    """A (multi)polygon in screen pixels around the centre."""
    ppg = pixels_per_graad(zoom)

    def omzetten(xy: np.ndarray) -> np.ndarray:
        merc = np.log(np.tan(np.pi / 4 + np.radians(xy[:, 1]) / 2))
        return np.column_stack([(xy[:, 0] - centrum[0]) * ppg, -(merc - _merc(centrum[1])) * ppg * 180 / math.pi])
    return shapely.transform(vorm, omzetten)


@dataclass
class Vormbeeld:
    """One level at one size: zoom, the simplified shapes (GeoJSON geometry and in pixels), label anchors."""
    formaat: Formaat
    zoom: float
    centrum: tuple[float, float]
    geometrie: list[dict]     # GeoJSON, coordinates rounded to `decimalen` (at most a pixel)
    decimalen: int
    veelhoeken: list          # per area, the drawn shape in pixels
    ankers: list[tuple[float, float]]   # in pixels
    namen: list[str]
    _bewaard: dict = field(default_factory=dict)
    _slot: threading.RLock = field(default_factory=threading.RLock)

    def eenmaal(self, sleutel, maak):
        """maak() once per key for this level and form."""
        # One at a time: a room opening maps at once waits for one placement instead of making it in every session.
        with self._slot:
            if sleutel not in self._bewaard:
                self._bewaard[sleutel] = maak()
            return self._bewaard[sleutel]

    def labels(self, waardebreedte_: int | None) -> list[tuple[float, float, bool] | None]:
        """Per area its label place (lon, lat, with leader line) or None; `waardebreedte_` None: names only.
        Computed once per reserved value width."""
        return self.eenmaal(("labels", waardebreedte_), lambda: self._plaats(waardebreedte_))

    def _plaats(self, waardebreedte_: int | None):
        reserve = "\n" + " " * waardebreedte_ if waardebreedte_ is not None else ""
        vakken = [labelvak(n + reserve, self.formaat.letter) for n in self.namen]
        plekken = plaats(self.veelhoeken, self.ankers, vakken, self.formaat.canvas,
                         verwijzers=len(self.namen) <= MAX_VERWIJZERS)
        return [None if p is None else (*naar_graden(p[0], p[1], self.zoom, self.centrum), p[2]) for p in plekken]

    def ankers_graden(self) -> list[tuple[float, float]]:
        return self.eenmaal("ankers", lambda: [naar_graden(x, y, self.zoom, self.centrum) for x, y in self.ankers])

    def arcering(self, gebieden: list[int]) -> list[dict]:
        """Hatching lines (45°, every ARCERING_PX pixels) inside the given areas, as PathLayer rows {"pad": [...]}."""
        return [pad for i in gebieden for pad in self.eenmaal(("arcering", i), lambda i=i: self._arceer(i))]

    def _arceer(self, i: int) -> list[dict]:
        vorm = self.veelhoeken[i]
        minx, miny, maxx, maxy = vorm.bounds
        lijnen = [LineString([(minx + d, miny), (minx + d - (maxy - miny), maxy)])
                  for d in np.arange(ARCERING_PX / 2, (maxx - minx) + (maxy - miny), ARCERING_PX)]
        stukken = shapely.intersection(np.array(lijnen, dtype=object), vorm) if lijnen else []
        uit = []
        for stuk in stukken:
            for deel in getattr(stuk, "geoms", [stuk]):
                if deel.geom_type == "LineString" and not deel.is_empty:
                    uit.append({"pad": [[round(c, self.decimalen) for c in naar_graden(x, y, self.zoom, self.centrum)]
                                        for x, y in deel.coords]})
        return uit


@dataclass
class Kaartvormen:
    """The areas of one level, prepared for every map size (FORMATEN)."""
    vormen: gpd.GeoDataFrame
    per_formaat: dict[str, Vormbeeld]


def kaartvormen(vormen: gpd.GeoDataFrame, formaten: dict[str, Formaat] = FORMATEN) -> Kaartvormen:
    """Prepare one level (wijken or buurten) for every size: once per database version (ui.kaartvormen)."""
    ankers = labelpunten(vormen)
    minx, miny, maxx, maxy = vormen.total_bounds
    centrum = ((minx + maxx) / 2, (miny + maxy) / 2)
    per_formaat = {}
    for naam, formaat in formaten.items():
        zoom = zoom_passend(maxx - minx, maxy - miny, *formaat.vorm, breedtegraad=centrum[1])
        tolerantie = VEREENVOUDIG_PX * math.cos(math.radians(centrum[1])) / pixels_per_graad(zoom)
        eenvoudig = _vereenvoudig(vormen.geometry.to_numpy(), tolerantie)
        decimalen = math.ceil(math.log10(pixels_per_graad(zoom) / math.cos(math.radians(centrum[1]))))  # ≤ 1 px
        per_formaat[naam] = Vormbeeld(
            formaat=formaat, zoom=zoom, centrum=centrum,
            geometrie=[_afgerond(mapping(v), decimalen) for v in eenvoudig], decimalen=decimalen,
            veelhoeken=[in_pixels(v, zoom, centrum) for v in eenvoudig],
            ankers=[naar_pixels(x, y, zoom, centrum) for x, y in zip(ankers["lon"], ankers["lat"])],
            namen=list(vormen["naam"]))
    return Kaartvormen(vormen=vormen, per_formaat=per_formaat)


def _vereenvoudig(vormen: np.ndarray, tolerantie: float) -> np.ndarray:
    """Simplify the shapes as one coverage (neighbours keep their shared border); per shape if that fails."""
    eenvoudig = shapely.coverage_simplify(vormen, tolerantie)
    if shapely.is_valid(eenvoudig).all() and not shapely.is_empty(eenvoudig).any():
        return eenvoudig
    return shapely.simplify(vormen, tolerantie, preserve_topology=True)


def _afgerond(geometrie: dict, decimalen: int) -> dict:
    def rond(c):
        return [round(c[0], decimalen), round(c[1], decimalen)] if isinstance(c[0], float) else [rond(d) for d in c]
    return {"type": geometrie["type"], "coordinates": rond(geometrie["coordinates"])}


def plaats(veelhoeken: list, ankers: list[tuple[float, float]], vakken: list[tuple[float, float] | None],
           canvas: tuple[int, int], verwijzers: bool = True) -> list[tuple[float, float, bool] | None]:
    """Label places (x, y in px from the centre, and whether a leader line is needed), or None where none fits (or
    the area has no label: `vakken` None).

    Rules, for every placed set: boxes stay on the canvas and do not touch each other; together they cover at most
    DREMPEL of any area; a leader line crosses no other label and no other leader line. First every label that fits
    inside its own area (largest areas first); then, with `verwijzers`, the rest at a free place near their area,
    preferring places that cover no other area. The rest go one by one (smallest area first); when that leaves a
    label out, other orders are tried (top first, bottom first, largest first) and the order that places most wins.
    """
    rooster = _Rooster(veelhoeken, canvas) if verwijzers else None
    oppervlak = [v.area for v in veelhoeken]
    volgordes = [lambda k: oppervlak[k], lambda k: ankers[k][1], lambda k: -ankers[k][1], lambda k: -oppervlak[k]]
    beste = None
    for volgorde in volgordes:
        uit = _plaats(veelhoeken, ankers, vakken, canvas, rooster, volgorde)
        geplaatst = sum(p is not None for p in uit)
        if beste is None or geplaatst > beste[0]:
            beste = (geplaatst, uit)
        if geplaatst == sum(v is not None for v in vakken) or rooster is None:
            break
    return beste[1]


def _plaats(veelhoeken: list, ankers: list[tuple[float, float]], vakken: list[tuple[float, float] | None],
            canvas: tuple[int, int], rooster: _Rooster | None, volgorde) -> list[tuple[float, float, bool] | None]:
    oppervlak = np.array([v.area for v in veelhoeken])
    bedekt = np.zeros(len(veelhoeken))
    boom = shapely.STRtree(veelhoeken)
    geplaatst: list[tuple[float, float, float, float]] = []  # centre x, y, width, height
    lijnen: list = []
    uit: list[tuple[float, float, bool] | None] = [None] * len(veelhoeken)
    halve_b, halve_h = canvas[0] / 2 - 2, canvas[1] / 2 - 2

    def dekking(vak) -> dict[int, float]:
        return {int(k): veelhoeken[k].intersection(vak).area for k in boom.query(vak, predicate="intersects")}

    def past(vak, extra: dict[int, float]) -> bool:
        return all(bedekt[k] + a <= DREMPEL * oppervlak[k] for k, a in extra.items())

    def vrij(x, y, b, h, afstand=3.0) -> bool:
        return all(abs(x - gx) >= (b + gb) / 2 + afstand or abs(y - gy) >= (h + gh) / 2 + afstand
                   for gx, gy, gb, gh in geplaatst)

    def neem(i, x, y, b, h, vak, extra, lijn=None):
        for k, a in extra.items():
            bedekt[k] += a
        geplaatst.append((x, y, b, h))
        if lijn is not None:
            lijnen.append(lijn)
        uit[i] = (x, y, lijn is not None)

    # 1. inside the own area, at or near its anchor
    for i in sorted((k for k in range(len(veelhoeken)) if vakken[k]), key=lambda k: -oppervlak[k]):
        b, h = vakken[i]
        ax, ay = ankers[i]
        eigen = veelhoeken[i].buffer(1.0)
        for r in (0.0, h * 0.3, h * 0.6):
            gevonden = False
            for hoek in ([0] if r == 0 else range(0, 360, 30)):
                x, y = ax + r * math.cos(math.radians(hoek)), ay + r * math.sin(math.radians(hoek))
                if abs(x) + b / 2 > halve_b or abs(y) + h / 2 > halve_h or not vrij(x, y, b, h):
                    continue
                vak = box(x - b / 2, y - h / 2, x + b / 2, y + h / 2)
                if not eigen.contains(vak):
                    continue
                extra = dekking(vak)
                if past(vak, extra):
                    neem(i, x, y, b, h, vak, extra)
                    gevonden = True
                    break
            if gevonden:
                break
    if rooster is None:
        return uit
    # 2. the rest, in the given order, at a free place near their area, with a leader line: of the first acceptable
    # places, the one whose line crosses the least of other areas (a line through a neighbour reads as pointing there)
    for i in sorted((k for k in range(len(veelhoeken)) if uit[k] is None and vakken[k]), key=volgorde):
        b, h = vakken[i]
        anker = Point(ankers[i])
        andere = [box(gx - gb / 2 - 1, gy - gh / 2 - 1, gx + gb / 2 + 1, gy + gh / 2 + 1) for gx, gy, gb, gh in geplaatst]
        buren = [v for k, v in enumerate(veelhoeken) if k != i]
        beste = None
        gevonden = 0
        for x, y, score in rooster.kandidaten(i, ankers[i], b, h, bedekt, oppervlak, geplaatst):
            if beste is not None and score > beste[0]:
                break  # the line penalty only adds: nothing further down can win
            vak = box(x - b / 2, y - h / 2, x + b / 2, y + h / 2)
            lijn = shapely.shortest_line(anker, vak)
            if any(lijn.intersects(a) for a in andere) or any(lijn.intersects(m) for m in lijnen) \
                    or any(vak.intersects(m) for m in lijnen):
                continue
            extra = dekking(vak)
            if not past(vak, extra):
                continue
            totaal = score + 2 * sum(lijn.intersection(v).length for v in buren if lijn.intersects(v))
            if beste is None or totaal < beste[0]:
                beste = (totaal, x, y, vak, extra, lijn)
            gevonden += 1
            if gevonden >= 40:
                break
        if beste is not None:
            _, x, y, vak, extra, lijn = beste
            neem(i, x, y, b, h, vak, extra, lijn)
    return uit


class _Rooster:
    """The canvas as a grid of cells, with per area a summed-area table of its cells: the covered surface of every
    candidate box at once."""

    def __init__(self, veelhoeken: list, canvas: tuple[int, int]) -> None:
        self.canvas = canvas
        nx, ny = math.ceil(canvas[0] / _RASTER), math.ceil(canvas[1] / _RASTER)
        xs = -canvas[0] / 2 + (np.arange(nx) + 0.5) * _RASTER
        ys = -canvas[1] / 2 + (np.arange(ny) + 0.5) * _RASTER
        gx, gy = np.meshgrid(xs, ys)
        self.tabellen = []
        for v in veelhoeken:
            binnen = shapely.contains_xy(v, gx, gy).astype(np.int32)
            tabel = np.zeros((ny + 1, nx + 1), dtype=np.int32)
            tabel[1:, 1:] = binnen.cumsum(0).cumsum(1)
            self.tabellen.append(tabel)

    def kandidaten(self, i: int, anker: tuple[float, float], b: float, h: float, bedekt: np.ndarray,
                   oppervlak: np.ndarray, geplaatst: list, stap: float = 4.0):
        """Box centres where the box fits on the canvas, touches no placed box and keeps every area within its
        budget (estimated on the grid), best first: the leader line's length plus the surface of other areas
        covered (a label outside the shapes is clearest); with that score."""
        w, hh = self.canvas[0] / 2, self.canvas[1] / 2
        xs = np.arange(-w + b / 2 + 2, w - b / 2 - 2 + 1e-9, stap)
        ys = np.arange(-hh + h / 2 + 2, hh - h / 2 - 2 + 1e-9, stap)
        if not len(xs) or not len(ys):
            return []
        cx, cy = (a.ravel() for a in np.meshgrid(xs, ys))
        goed = np.ones(cx.shape, dtype=bool)
        for gx, gy, gb, gh in geplaatst:
            goed &= (np.abs(cx - gx) >= (b + gb) / 2 + 3) | (np.abs(cy - gy) >= (h + gh) / 2 + 3)
        j0 = np.clip(np.ceil((cx - b / 2 + w) / _RASTER - 0.5), 0, None).astype(int)
        j1 = np.clip(np.floor((cx + b / 2 + w) / _RASTER - 0.5), None, self.tabellen[0].shape[1] - 2).astype(int)
        i0 = np.clip(np.ceil((cy - h / 2 + hh) / _RASTER - 0.5), 0, None).astype(int)
        i1 = np.clip(np.floor((cy + h / 2 + hh) / _RASTER - 0.5), None, self.tabellen[0].shape[0] - 2).astype(int)
        anderen = np.zeros(cx.shape)
        for k, t in enumerate(self.tabellen):
            dekking = (t[i1 + 1, j1 + 1] - t[i0, j1 + 1] - t[i1 + 1, j0] + t[i0, j0]) * _RASTER ** 2
            goed &= (dekking == 0) | (bedekt[k] + dekking <= DREMPEL * oppervlak[k])  # exact check follows
            if k != i:
                anderen += dekking
        dx = np.maximum(np.abs(cx - anker[0]) - b / 2, 0)
        dy = np.maximum(np.abs(cy - anker[1]) - h / 2, 0)
        score = np.hypot(dx, dy) + 3 * anderen / h
        volgorde = np.argsort(np.where(goed, score, np.inf), kind="stable")[:int(goed.sum())]
        return [(float(cx[k]), float(cy[k]), float(score[k])) for k in volgorde]

