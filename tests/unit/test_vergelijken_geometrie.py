"""The Vergelijken chart as drawn: the dashed Soest line never runs through a value label ('Soest-Zuid 158 ↑') or an
indicator title, at a phone's width and at a laptop's, and every indicator title names its year.

Measured, not assumed: vl-convert lays the chart out (Vega's scenegraph) at the column width of a 390 px and a
1280 px window, and each text mark's box is computed from its position, font size, baseline and a width measured in
DejaVu Sans (wider than the Source Sans Pro / Arial the chart asks for, so the boxes are if anything too large).
"""
from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

import pytest
import vl_convert

from soest_data.weergave import afgeleid
from soest_data.weergave.blokken import Figuur
from soest_data.weergave.paginas import vergelijken as pagina

LETTERTYPEN = Path("/usr/share/fonts/truetype/dejavu")
# The chart column at a 390 px phone (the narrow form) and at a 1280 px laptop (the wide form), as measured in
# the app; the extremes of each form's range around them: the narrow form up to 700 px, the wide form above.
BREEDTES = {"smal": (300, 354, 690), "breed": (704, 1200)}


@cache
def _glyphbreedte(vet: bool):
    """Advance width per character (in em) of DejaVu Sans, or a conservative 0.7 em when the font is absent."""
    bestand = LETTERTYPEN / ("DejaVuSans-Bold.ttf" if vet else "DejaVuSans.ttf")
    if not bestand.exists():
        return lambda teken: 0.7
    from fontTools.ttLib import TTFont
    font = TTFont(str(bestand))
    cmap, hmtx, em = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    return lambda teken: hmtx[cmap[ord(teken)]][0] / em if ord(teken) in cmap else 1.0


def _tekstvak(item: dict, ox: float, oy: float) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of a text mark: its width from the font, its height the font size (ascenders and
    descenders included), placed by its align and baseline as Vega does."""
    grootte = item.get("fontSize", 11)
    breedte = sum(_glyphbreedte(item.get("fontWeight") == "bold")(t) for t in str(item["text"])) * grootte
    x = ox + item.get("x", 0) + item.get("dx", 0)
    y = oy + item.get("y", 0) + item.get("dy", 0)
    x0 = {"left": x, "center": x - breedte / 2, "right": x - breedte}[item.get("align", "left")]
    y0 = {"middle": y - grootte / 2, "top": y, "bottom": y - grootte,
          "alphabetic": y - 0.8 * grootte}[item.get("baseline", "alphabetic")]
    return x0, y0, x0 + breedte, y0 + grootte


def _merken(knoop, ox: float = 0, oy: float = 0):
    """(marktype, item, origin x, origin y) of every data mark (role 'mark') in a scenegraph."""
    if isinstance(knoop, list):
        for k in knoop:
            yield from _merken(k, ox, oy)
        return
    if not isinstance(knoop, dict):
        return
    if knoop.get("marktype") and knoop.get("role") == "mark":
        for item in knoop.get("items", []):
            yield knoop["marktype"], item, ox, oy
        return
    if knoop.get("marktype") == "group":
        for item in knoop.get("items", []):
            yield from _merken(item.get("items", []), ox + item.get("x", 0), oy + item.get("y", 0))
        return
    for sleutel in ("scenegraph", "root", "items"):
        if sleutel in knoop:
            yield from _merken(knoop[sleutel], ox, oy)


def botsingen(spec: dict, breedte: int) -> tuple[list[str], int, int]:
    """The texts the dashed Soest line crosses at this width, and how many line segments and texts were checked."""
    getekend = copy.deepcopy(spec)
    getekend["width"] = breedte
    merken = list(_merken(vl_convert.vegalite_to_scenegraph(getekend)))
    lijnen = [(ox + i["x"], oy + i["y"], oy + i.get("y2", i["y"])) for soort, i, ox, oy in merken
              if soort == "rule" and i.get("strokeDash")]
    teksten = [(i["text"], _tekstvak(i, ox, oy)) for soort, i, ox, oy in merken if soort == "text"]
    geraakt = [tekst for tekst, (x0, y0, x1, y1) in teksten
               if any(x0 - 1 <= x <= x1 + 1 and min(ya, yb) < y1 and max(ya, yb) > y0 for x, ya, yb in lijnen)]
    return geraakt, len(lijnen), len(teksten)


@pytest.fixture(scope="module")
def figuren(echte_gegevens):
    """The Vergelijken charts of two pairs of wijken (the first with Nederland, the second also with the
    buurgemeenten): the main chart and one per opgave, each in its wide and narrow form."""
    g = echte_gegevens
    staten = pagina.voorbeeldstaten(g)
    uit = []
    for staat in (staten[0], staten[-1]):
        for fig in afgeleid.inhoud(g, pagina.bouw, staat).alle(Figuur):
            uit += [("breed", fig), ("smal", fig.smal)]
    return uit


@pytest.mark.parametrize("vorm", list(BREEDTES))
def test_the_soest_line_never_crosses_a_label_or_title(figuren, vorm):
    gecontroleerd = 0
    for soort, fig in figuren:
        if soort != vorm:
            continue
        for breedte in BREEDTES[vorm]:
            geraakt, lijnen, teksten = botsingen(fig.spec, breedte)
            assert lijnen and teksten  # the chart has a Soest line and texts: the check checked something
            assert not geraakt, f"{fig.titel or fig.alt[:60]} op {breedte} px: de Soest-lijn loopt door {geraakt}"
            gecontroleerd += 1
    assert gecontroleerd >= 4


def test_the_check_finds_a_line_through_text():
    """The measurement itself: a full-height dashed rule at 100, as the chart had it, crosses the labels."""
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "height": 100,
            "data": {"values": [{"x": 0, "y": 10, "t": "Soest-Zuid 158 ↑"}]},
            "layer": [{"mark": {"type": "text", "align": "left", "fontSize": 16},
                       "encoding": {"x": {"field": "x", "type": "quantitative", "scale": {"domain": [0, 200]}},
                                    "y": {"field": "y", "type": "quantitative"}, "text": {"field": "t"}}},
                      {"mark": {"type": "rule", "strokeDash": [6, 4]}, "encoding": {"x": {"datum": 20}}}]}
    assert botsingen(spec, 300)[0] == ["Soest-Zuid 158 ↑"]


def test_every_indicator_title_names_its_year(echte_gegevens):
    """Each indicator title in the chart ends with (or carries before '· schatting') the short year of its figures."""
    from soest_data.weergave import vergelijken

    g = echte_gegevens
    staat = pagina.voorbeeldstaten(g)[0]
    lang = vergelijken.vergelijking(afgeleid.beoordeeld(g), list(staat.wijken), g.wijknamen)
    data = vergelijken.grafiekgegevens(lang, vergelijken.opgaven(vergelijken.verschillen(lang)))
    assert len(data)
    for rij, label, jaar in data[["rij", "label", "jaar_kort"]].drop_duplicates().itertuples(index=False):
        assert jaar and rij.startswith(f"{label} · {jaar}"), rij
    assert data.groupby("rij")["jaar_kort"].nunique().max() == 1  # one year per indicator for every wijk
