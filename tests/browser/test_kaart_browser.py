"""Every wijk opens where it is drawn, at every size of the map; its tooltip stays inside the map.

The click points come from the map the page draws (the deck JSON for that size), projected to the screen: for each
wijk a point well inside its drawn shape, under another wijk's label or a leader line where there is one (labels must
never take a click), else deep inside the shape.
"""
import json

import pytest
import shapely
from shapely.geometry import LineString, box, shape
from shapely.ops import polylabel

from soest_data import db, gebieden, waarden
from soest_data.gegevens import laad
from soest_data.weergave import kaart
from soest_data.weergave.kaartvormen import labelvak, naar_pixels
from tests.browser.conftest import schermafdruk, wacht_op_app, wacht_op_kaart, wacht_op_opmaak
from tests.conftest import snel_en_traag

pytestmark = pytest.mark.browser

INDICATOR = "moeite_met_rondkomen_18plus"
MAAT = {"groot": (1920, 1080), "middel": (1280, 800), "smal": (390, 844)}


def klikpunten(deck) -> dict[str, tuple[float, float, str]]:
    """Per wijk code: (x, y) offset in px from the map's centre, and what lies there besides the wijk."""
    spec = json.loads(deck.to_json())
    zicht = spec["initialViewState"]
    centrum, zoom = (zicht["longitude"], zicht["latitude"]), zicht["zoom"]
    lagen = {laag["id"]: laag for laag in spec["layers"]}

    def px(lon, lat):
        return naar_pixels(lon, lat, zoom, centrum)
    vlakken = {f["properties"]["code"]: shapely.transform(shape(f["geometry"]), lambda xy: [px(x, y) for x, y in xy])
               for f in lagen["gebieden"]["data"]["features"]}
    vakken = []
    for label in lagen["namen"]["data"]:
        x, y = px(label["lon"], label["lat"])
        b, h = labelvak(label["label"], lagen["namen"]["getSize"])
        vakken.append((label["label"].split("\n")[0], box(x - b / 2, y - h / 2, x + b / 2, y + h / 2)))
    lijnen = [LineString([px(r["anker_lon"], r["anker_lat"]), px(r["lon"], r["lat"])]).buffer(2)
              for r in lagen["verwijzers"]["data"]]
    namen = {f["properties"]["code"]: f["properties"]["naam"] for f in lagen["gebieden"]["data"]["features"]}
    uit = {}
    for code, vlak in vlakken.items():
        kern = vlak.buffer(-4)  # away from the border: a click there belongs to this wijk only
        kern = max(kern.geoms, key=lambda d: d.area) if kern.geom_type == "MultiPolygon" else kern
        onder = [(f"label {n}", kern.intersection(v)) for n, v in vakken if n != namen[code]]
        onder = [(wat, deel) for wat, deel in onder if deel.area > 4] or [
            (wat, deel) for wat, deel in [("verwijslijn", kern.intersection(lijn)) for lijn in lijnen] if deel.area > 4]
        if onder:
            wat, deel = max(onder, key=lambda o: o[1].area)
            deel = max(deel.geoms, key=lambda d: d.area) if deel.geom_type == "MultiPolygon" else deel
            punt = polylabel(deel, tolerance=0.5)
        else:
            wat, punt = "alleen de wijk", polylabel(kern, tolerance=0.5)
        uit[code] = (punt.x, punt.y, wat)
    return uit


@pytest.fixture(scope="module")
def kaartbeeld(echte_db):
    con = db.open_readonly(echte_db)
    g = laad(con)
    vormen = gebieden.geodataframe(waarden.geometrie(con, "wijk"))
    con.close()
    jaar = int(g.waarden.loc[(g.waarden["indicator"] == INDICATOR) & (g.waarden["niveau"] == "wijk"), "jaar"].max())
    return kaart.kaartbeeld(vormen, g.waarden, g.indicator(INDICATOR), jaar), jaar


def _open_kaart(pagina, app_url: str, jaar: int, formaat: str) -> dict:
    """The map page with the default indicator; the map of this size scrolled into view; its box on the screen."""
    pagina.goto(f"{app_url}/kaart?indicator={INDICATOR}&jaar={jaar}")
    wacht_op_app(pagina)
    wacht_op_kaart(pagina)
    kiezer = f".st-key-kaartvorm-{formaat} [data-testid='stDeckGlJsonChart']"
    pagina.wait_for_selector(f"{kiezer} canvas", state="visible", timeout=60_000)
    pagina.evaluate(f"() => document.querySelector(\"{kiezer}\").scrollIntoView({{block: 'center'}})")
    wacht_op_opmaak(pagina)
    return pagina.locator(kiezer).bounding_box()


def _wijs(pagina, vak: dict, dx: float, dy: float, naam: str):
    """Point at the offset from the map's centre and wait for the tooltip that names `naam` (deck.gl picks for the
    tooltip exactly as for a click); the tooltip."""
    pagina.mouse.move(vak["x"] + vak["width"] / 2 + dx, vak["y"] + vak["height"] / 2 + dy)
    tip = pagina.locator(".deck-tooltip").filter(has_text=naam)
    tip.wait_for(state="visible", timeout=20_000)
    return tip


def _klik(pagina, vak: dict, dx: float, dy: float, naam: str) -> str:
    """Point, then click at the offset from the map's centre; the wijk whose profile opens."""
    _wijs(pagina, vak, dx, dy, naam)
    pagina.mouse.click(vak["x"] + vak["width"] / 2 + dx, vak["y"] + vak["height"] / 2 + dy)
    pagina.wait_for_url("**/wijkprofiel?**", timeout=30_000)
    return pagina.url.split("wijk=")[-1].split("&")[0]


@pytest.mark.parametrize("formaat", list(MAAT))
def test_each_wijk_is_picked_where_it_is_drawn_and_its_tooltip_stays_in_the_map(app_url, browser, kaartbeeld, formaat):
    """Hover (deck.gl picks for the tooltip exactly as for a click) a point inside every wijk: the tooltip names
    that wijk and lies inside the map; then click the point that lies under another wijk's label."""
    beeld, jaar = kaartbeeld
    punten = klikpunten(beeld.decks[formaat])
    namen = dict(zip(beeld.gebieden["gebied_code"], beeld.gebieden["gebied_naam"]))
    breedte, hoogte = MAAT[formaat]
    context = browser.new_context(viewport={"width": breedte, "height": hoogte}, locale="nl-NL")
    pagina = context.new_page()
    vak = _open_kaart(pagina, app_url, jaar, formaat)
    for code, (dx, dy, wat) in punten.items():
        tip = _wijs(pagina, vak, dx, dy, namen[code])
        assert tip.inner_text().split("\n")[0] == namen[code], (code, wat)
        t = tip.bounding_box()
        assert vak["x"] <= t["x"] and t["x"] + t["width"] <= vak["x"] + vak["width"] + 0.5, (code, t, vak)
        assert vak["y"] <= t["y"] and t["y"] + t["height"] <= vak["y"] + vak["height"] + 0.5, (code, t, vak)
    schermafdruk(pagina, f"kaart_tooltip_{breedte}")
    code, (dx, dy, wat) = next(((c, p) for c, p in punten.items() if p[2].startswith("label")), next(iter(punten.items())))
    assert _klik(pagina, vak, dx, dy, namen[code]) == code, (namen[code], wat)
    context.close()


@pytest.mark.parametrize("formaat", snel_en_traag(list(MAAT), []))
def test_a_click_inside_each_wijk_opens_that_wijk(app_url, browser, kaartbeeld, formaat):
    """The full sweep: every wijk clicked (a fresh page each time), the opened profile checked."""
    beeld, jaar = kaartbeeld
    namen = dict(zip(beeld.gebieden["gebied_code"], beeld.gebieden["gebied_naam"]))
    breedte, hoogte = MAAT[formaat]
    context = browser.new_context(viewport={"width": breedte, "height": hoogte}, locale="nl-NL")
    pagina = context.new_page()
    geopend = {}
    for code, (dx, dy, wat) in klikpunten(beeld.decks[formaat]).items():
        geopend[code] = _klik(pagina, _open_kaart(pagina, app_url, jaar, formaat), dx, dy, namen[code])
        print(formaat, namen[code], f"({wat})", "→", namen.get(geopend[code], geopend[code]))
    context.close()
    assert geopend == {code: code for code in geopend}
