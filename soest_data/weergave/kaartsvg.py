"""The app's map drawn as SVG, for pages without JavaScript (the public edition, html.py).

The input is the map the app shows (a Kaart block: pydeck's JSON from kaart.deck), so the picture has the same
shapes, colours, hatching, labels and leader lines at the same places: the same projection (kaartvormen, web
mercator around the view's centre at its zoom) and the same label boxes (kaartvormen.labelvak). Each area is a link
(`doel(code)`: its wijkprofiel) with its name and tooltip lines as title and accessible name; an area without a link
is a plain shape with a title.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

from soest_data.weergave import kaartvormen

MARGE = 6  # px around everything drawn


def _data(laag: dict) -> list | dict:
    data = laag.get("data", [])
    return json.loads(data) if isinstance(data, str) else data


def _kleur(rgba: list[int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgba[:3])


def _vulling(rgba: list[int]) -> str:
    """fill (and fill-opacity below 255) of an RGBA colour as deck.gl takes it."""
    dekking = rgba[3] / 255 if len(rgba) > 3 else 1
    return f'fill="{_kleur(rgba)}"' + (f' fill-opacity="{dekking:.2f}"' if dekking < 1 else "")


def svg(deck_json: str, alt: str, doel: Callable[[str], str | None] = lambda code: None) -> str:
    """The map as one <svg> element (sized by its viewBox: it scales to its container)."""
    deck = json.loads(deck_json)
    zicht = deck["initialViewState"]
    zoom, centrum = zicht["zoom"], (zicht["longitude"], zicht["latitude"])
    lagen = {laag["id"]: laag for laag in deck["layers"]}
    xs: list[float] = []
    ys: list[float] = []

    def punt(lon: float, lat: float) -> tuple[float, float]:
        x, y = kaartvormen.naar_pixels(lon, lat, zoom, centrum)
        xs.append(x)
        ys.append(y)
        return x, y

    def pad(ringen) -> str:
        return "".join("M" + "L".join("{:.1f} {:.1f}".format(*punt(*c)) for c in ring) + "Z" for ring in ringen)

    vlakken = []
    gebieden = lagen["gebieden"]
    lijnkleur = _kleur(gebieden.get("getLineColor", [30, 30, 30, 255]))
    for feature in _data(gebieden)["features"]:
        eigen, vorm = feature["properties"], feature["geometry"]
        ringen = vorm["coordinates"] if vorm["type"] == "Polygon" else [r for p in vorm["coordinates"] for r in p]
        rand = eigen.get("rand", gebieden.get("getLineWidth", 1))
        rand = rand if isinstance(rand, int | float) else 1
        titel = eigen["naam"] + (": " + eigen["tip"].replace("\n", ", ") if eigen.get("tip") else "")
        vlak = (f'<path d="{pad(ringen)}" {_vulling(eigen["kleur"])} stroke="{lijnkleur}" '
                f'stroke-width="{rand}"><title>{escape(titel)}</title></path>')
        href = doel(eigen["code"])
        vlakken.append(f'<a href="{escape(href)}" aria-label="{escape(titel)}">{vlak}</a>' if href else vlak)
    arcering = "".join("M" + "L".join("{:.1f} {:.1f}".format(*punt(*c)) for c in rij["pad"])
                       for rij in _data(lagen["arcering"])) if "arcering" in lagen else ""
    lijnen = []
    for rij in _data(lagen["verwijzers"]) if "verwijzers" in lagen else []:
        (x1, y1), (x2, y2) = punt(rij["anker_lon"], rij["anker_lat"]), punt(rij["lon"], rij["lat"])
        lijnen.append(f'<path d="M{x1:.1f} {y1:.1f}L{x2:.1f} {y2:.1f}" stroke="#000" stroke-width="2"/>'
                      f'<circle cx="{x1:.1f}" cy="{y1:.1f}" r="3" fill="#000"/>')
    namen = lagen.get("namen", {})
    letter = namen.get("getSize", 16)
    regel = letter * namen.get("lineHeight", kaartvormen.REGELHOOGTE)
    labels = []
    for rij in _data(namen) if namen else []:
        x, y = kaartvormen.naar_pixels(rij["lon"], rij["lat"], zoom, centrum)
        b, h = kaartvormen.labelvak(rij["label"], letter)
        xs.extend((x - b / 2, x + b / 2))
        ys.extend((y - h / 2, y + h / 2))
        regels = rij["label"].split("\n")
        boven = y - (len(regels) - 1) * regel / 2
        tekst = "".join(f'<tspan x="{x:.1f}" y="{boven + i * regel:.1f}">{escape(t)}</tspan>'
                        for i, t in enumerate(regels))
        labels.append(f'<rect x="{x - b / 2:.1f}" y="{y - h / 2:.1f}" width="{b:.1f}" height="{h:.1f}" fill="#fff" '
                      f'fill-opacity="0.94" stroke="#000"/><text font-size="{letter}">{tekst}</text>')
    links, boven_ = min(xs) - MARGE, min(ys) - MARGE
    breedte, hoogte = max(xs) - links + MARGE, max(ys) - boven_ + MARGE
    rol = 'role="group"' if any(v.startswith("<a ") for v in vlakken) else 'role="img"'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{links:.0f} {boven_:.0f} {breedte:.0f} {hoogte:.0f}" '
            f'{rol} aria-label="{escape(alt)}" class="kaartbeeld">'
            + "".join(vlakken)
            + (f'<path d="{arcering}" fill="none" stroke="#5a5a5a" stroke-width="1.5" pointer-events="none"/>'
               if arcering else "")
            + '<g pointer-events="none" aria-hidden="true" font-weight="600" text-anchor="middle" '
              'dominant-baseline="central" font-family="Source Sans 3, Source Sans Pro, Arial, sans-serif">'
            + "".join(lijnen) + "".join(labels) + "</g></svg>")
