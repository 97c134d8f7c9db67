"""The map's labels keep every area's colour visible and stay on the map, at every size (kaartvormen.FORMATEN).

Measured from what the browser gets (the deck JSON): the drawn shapes and the label texts at their places, projected
to screen pixels at the map's zoom; each label box from its font size and text length (kaartvormen.labelvak, the
same estimate the placement uses, generous for bold Source Sans / Arial).
"""
import json
import math

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import box, shape

from soest_data import db, gebieden, waarden
from soest_data.gegevens import laad
from soest_data.weergave import kaart, kaartvormen
from soest_data.weergave.kaartvormen import DREMPEL, FORMATEN, labelvak, naar_pixels


@pytest.fixture(scope="module")
def echt(echte_db):
    con = db.open_readonly(echte_db)
    g = laad(con)
    vormen = {n: kaartvormen.kaartvormen(gebieden.geodataframe(waarden.geometrie(con, n))) for n in ("wijk", "buurt")}
    con.close()
    return g, vormen


def meet(deck, formaat: kaartvormen.Formaat) -> dict:
    """Per area the share of its drawn surface under label boxes, the boxes, and the labelled area names."""
    spec = json.loads(deck.to_json())
    zicht = spec["initialViewState"]
    centrum, zoom = (zicht["longitude"], zicht["latitude"]), zicht["zoom"]
    lagen = {laag["id"]: laag for laag in spec["layers"]}

    def pixels(vorm):
        return shapely.transform(vorm, lambda xy: [naar_pixels(x, y, zoom, centrum) for x, y in xy])
    vlakken = {f["properties"]["naam"]: pixels(shape(f["geometry"])) for f in lagen["gebieden"]["data"]["features"]}
    grootte = lagen["namen"]["getSize"]
    vakken = []
    for label in lagen["namen"]["data"]:
        x, y = naar_pixels(label["lon"], label["lat"], zoom, centrum)
        b, h = labelvak(label["label"], grootte)
        vakken.append(box(x - b / 2, y - h / 2, x + b / 2, y + h / 2))
    samen = shapely.union_all(vakken)
    return {"bedekt": {n: v.intersection(samen).area / v.area for n, v in vlakken.items()}, "vakken": vakken,
            "namen": [label["label"].split("\n")[0] for label in lagen["namen"]["data"]], "canvas": formaat.canvas,
            "lijnen": lagen["verwijzers"]["data"]}


def controleer(meting: dict) -> None:
    te_veel = {n: round(a, 3) for n, a in meting["bedekt"].items() if a > DREMPEL}
    assert not te_veel, f"labels bedekken te veel van {te_veel}"
    b, h = meting["canvas"]
    for vak in meting["vakken"]:  # on the smallest canvas this form is shown in
        minx, miny, maxx, maxy = vak.bounds
        assert -b / 2 <= minx and maxx <= b / 2 and -h / 2 <= miny and maxy <= h / 2, vak.bounds
    for i, vak in enumerate(meting["vakken"]):
        assert not any(vak.intersects(ander) for ander in meting["vakken"][i + 1:]), "labels overlappen"


@pytest.mark.parametrize("formaat", list(FORMATEN))
def test_every_wijk_is_labelled_and_no_label_hides_a_wijk(echt, formaat):
    g, vormen = echt
    beeld = kaart.kaartbeeld(vormen["wijk"], g.waarden, g.indicator("moeite_met_rondkomen_18plus"), 2020)
    meting = meet(beeld.decks[formaat], FORMATEN[formaat])
    controleer(meting)
    assert sorted(meting["namen"]) == sorted(vormen["wijk"].vormen["naam"])  # every wijk has its label
    print(formaat, {n: f"{a:.1%}" for n, a in meting["bedekt"].items()})


@pytest.mark.parametrize("formaat", list(FORMATEN))
def test_buurt_labels_only_where_they_fit_and_hide_no_buurt(echt, formaat):
    g, vormen = echt
    beeld = kaart.kaartbeeld(vormen["buurt"], g.waarden, g.indicator("pct_jongeren_met_jeugdzorg_in_natura"), 2023,
                             "buurt")
    meting = meet(beeld.decks[formaat], FORMATEN[formaat])
    controleer(meting)
    assert not meting["lijnen"]  # no leader lines among 29 buurten: a name is in its buurt or only in the tooltip


def test_labels_of_every_mappable_indicator_keep_the_wijken_visible(echt):
    """Values of every width (numbers, statements like 'lager dan gemiddeld', statuses) on every size."""
    g, vormen = echt
    kaartbaar = g.indicatoren[g.indicatoren["wijken_met_waarde"] > 0].reset_index(drop=True)
    gekozen = kaartbaar[(kaartbaar.index % 10 == 0) | (kaartbaar["wijken_met_waarde"] < 8)]
    for _, ind in gekozen.iterrows():
        beeld = kaart.kaartbeeld(vormen["wijk"], g.waarden, ind, int(max(ind["jaren"])))
        for formaat, deck in beeld.decks.items():
            meting = meet(deck, FORMATEN[formaat])
            controleer(meting)
            assert len(meting["namen"]) == len(vormen["wijk"].vormen), (ind["id"], formaat)


def test_label_places_are_made_once_per_value_width_not_per_page_state(echt):
    g, vormen = echt
    wijken = kaartvormen.kaartvormen(vormen["wijk"].vormen)  # fresh: nothing placed yet
    breedtes = set()
    for indicator_id, jaar in (("moeite_met_rondkomen_18plus", 2020), ("moeite_met_rondkomen_18plus", 2016),
                               ("eenzaam_18plus", 2020)):
        beeld = kaart.kaartbeeld(wijken, g.waarden, g.indicator(indicator_id), jaar)
        breedtes.add(kaartvormen.waardebreedte(beeld.eigenschappen["kort"]))
    for beeld_ in wijken.per_formaat.values():
        plaatsingen = [k for k in beeld_._bewaard if isinstance(k, tuple) and k[0] == "labels"]
        assert len(plaatsingen) <= len(breedtes) + 1  # + names only (kaartafbeelding never asks for it)


def test_many_small_areas_get_labels_only_where_they_fit(echt):
    """400 generated areas (a 20 × 20 grid, test data): no leader lines, and still no area hidden."""
    vierkanten = [box(5.2 + 0.005 * i, 52.1 + 0.003 * j, 5.2 + 0.005 * (i + 1), 52.1 + 0.003 * (j + 1))
                  for i in range(20) for j in range(20)]
    vormen = gpd.GeoDataFrame({"code": [f"WK{k:06d}" for k in range(400)], "naam": [f"Wijk {k}" for k in range(400)]},
                              geometry=vierkanten, crs="EPSG:4326")
    voorbereid = kaartvormen.kaartvormen(vormen)
    frame = pd.DataFrame({"waarde": [float(k % 30) for k in range(400)], "relatief": "", "status": "",
                          "vergelijking": ""})
    eigenschappen = kaart.kaartlagen(vormen, frame, "%", [[200, 200, 200, 230]] * 400)
    for formaat in FORMATEN:
        meting = meet(kaart.deck(voorbereid, eigenschappen, formaat), FORMATEN[formaat])
        controleer(meting)
        assert not meting["lijnen"]


def test_labelvak_grows_with_text_and_font():
    assert labelvak("Smitsveen\n18,9 %", 16) == pytest.approx((9 * 16 * 0.62 + 8, 2 * 16 * 1.2 + 4))
    assert labelvak("Hees", 14)[0] < labelvak("Hees", 16)[0]
    assert kaartvormen.waardebreedte(["18,9 %", "geen gegevens"]) == 16
    assert math.isclose(kaartvormen.waardebreedte([]), 0)


def test_elke_labelplaats_die_een_kaart_vraagt_is_vooraf_gemaakt(echte_gegevens):
    """afgeleid.kaartvormen places every label a map of a level can ask for (kaart.plaats_labels): no visitor of any
    indicator, year or level waits for a placement."""
    from soest_data.weergave import afgeleid

    g = echte_gegevens
    gemaakt = {niveau: afgeleid.kaartvormen(g, niveau) for niveau in g.vormen}
    vooraf = {niveau: {f: set(b._bewaard) for f, b in v.per_formaat.items()} for niveau, v in gemaakt.items()}
    cat = g.indicatoren.set_index("id", drop=False)
    paren = g.waarden.loc[g.waarden["niveau"].isin(["wijk", "buurt"]), ["indicator", "jaar", "niveau"]]
    for indicator, jaar, niveau in paren.drop_duplicates().itertuples(index=False):
        kaart.kaartbeeld(gemaakt[niveau], g.waarden, cat.loc[indicator], int(jaar), niveau)
    for niveau, v in gemaakt.items():
        for formaat, beeld in v.per_formaat.items():
            nieuw = {k for k in set(beeld._bewaard) - vooraf[niveau][formaat] if k[0] == "labels"}
            assert not nieuw, (niveau, formaat, nieuw)


def test_een_kaart_vult_alleen_zijn_rijen_in_de_vorm_van_zijn_formaat(echt):
    """Two states of one level share every layer setting (made once per form with pydeck); only the rows differ."""
    g, vormen = echt
    cat = g.indicatoren.set_index("id", drop=False)
    ids = [i for i in g.waarden.loc[g.waarden["niveau"] == "wijk", "indicator"].unique()][:2]
    beelden = [kaart.kaartbeeld(vormen["wijk"], g.waarden, cat.loc[i],
                                int(g.waarden.loc[g.waarden["indicator"] == i, "jaar"].max())) for i in ids]
    for formaat in FORMATEN:
        a, b = (json.loads(beeld.decks[formaat].to_json()) for beeld in beelden)
        assert [{k: v for k, v in laag.items() if k != "data"} for laag in a["layers"]] == \
               [{k: v for k, v in laag.items() if k != "data"} for laag in b["layers"]]
        assert {k: v for k, v in a.items() if k != "layers"} == {k: v for k, v in b.items() if k != "layers"}
