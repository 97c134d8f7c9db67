"""The choropleth: class bounds, colours, legend, ranked table, summary sentence and the pydeck map. Pure functions.

By default an outcome with a direction is coloured by its position against Soest (scoring's one rule: blue favourable,
grey around, vermillion unfavourable), so the map says what the wijkprofiel and the tally say. The alternative (and
the only colouring for care use, background and counts) spreads the wijken over five equal steps: for indicators with a
direction the dark end is the unfavourable end; others get a neutral purple scale (dark = higher). Areas without a
number are white and hatched, and say their status in words (label, tooltip, legend), so a missing value never looks
like a low one or like 'rond Soest'.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

import altair as alt
import geopandas as gpd
import pandas as pd
import pydeck as pdk
from shapely.geometry import LineString

from soest_data import gemeente, opmaak, scoring
from soest_data.begrippen import AFGESCHERMD, RELATIEF, UITKOMST
from soest_data.gebieden import CRS, rechtsom
from soest_data.gemeente import GEMEENTE
from soest_data.rijen import als_dicts
from soest_data.weergave import kaartvormen
from soest_data.weergave.kaartvormen import FORMATEN

KLASSEN = 5
# Relative statements on the 5-class scale, lowest first: 'about average' statements share the middle class.
_RELATIEF_KLASSE = {"laagste": 0, "lager": 1, "iets_lager": 2, "gemiddeld": 2, "iets_hoger": 2, "hoger": 3, "hoogste": 4}
# An area without a figure is white and hatched: never one of the scale's colours, never the grey of 'rond Soest'.
GEEN_CIJFER_VULLING = "#FFFFFF"
ARCERING_KLEUR = "#5A5A5A"
# The legend swatch for 'no figure': the same hatching as on the map (a CSS background, ui.legenda).
ARCERING_CSS = f"repeating-linear-gradient(135deg, {GEEN_CIJFER_VULLING} 0 5px, {ARCERING_KLEUR} 5px 7px)"


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


def status_label(rij) -> str:
    """The words shown for an area without a number (a row as Series or dict)."""
    return scoring.waarde_in_woorden({**rij, "waarde": None}, "")


def kleuren(frame: pd.DataFrame, richting: str, grenzen: list[float], soort: str = "getal") -> list[list[int]]:
    """Fill colour (RGBA) per row; white (hatched on the map) for every row without a number (or relative statement)."""
    grijs = _rgba(GEEN_CIJFER_VULLING)
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
    """Fill colour per row from its judgement against Soest; white (hatched on the map) without one."""
    return [_rgba(_KLEUR_OORDEEL.get(o, GEEN_CIJFER_VULLING)) for o in frame["oordeel"]]


def legenda_tov_soest(soest: float | None, eenheid: str, marge: float = scoring.STANDAARD_MARGE,
                      ontbrekend: list[str] | None = None, stap: float = 0.0, gebied: str = "wijk") -> pd.DataFrame:
    """The three judgements (of the `gebied`: wijk or buurt) with the threshold in words, then one hatched row per
    kind of missing value."""
    drempel = scoring.drempel_in_woorden(soest, eenheid, marge, stap) if soest is not None else "volgens het wijkprofiel"
    rijen = [{"kleur": opmaak.KLEUR_GUNSTIG,
              "betekenis": f"{scoring.SYMBOOL[scoring.GUNSTIG]}: {gebied} beter dan {GEMEENTE.naam} ({drempel})"},
             {"kleur": opmaak.KLEUR_ROND, "betekenis": f"{scoring.SYMBOOL[scoring.ROND]}: {gebied} rond {GEMEENTE.naam}"},
             {"kleur": opmaak.KLEUR_ONGUNSTIG,
              "betekenis": f"{scoring.SYMBOOL[scoring.ONGUNSTIG]}: {gebied} slechter dan {GEMEENTE.naam} ({drempel})"}]
    rijen += _geen_cijfer(ontbrekend)
    return pd.DataFrame(rijen, columns=["kleur", "betekenis"])


def legenda(grenzen: list[float], eenheid: str, richting: str, soort: str = "getal",
            ontbrekend: list[str] | None = None) -> pd.DataFrame:
    """Legend rows (kleur, betekenis), lowest class first, then one hatched row per kind of missing value."""
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
    return pd.DataFrame(rijen + _geen_cijfer(ontbrekend), columns=["kleur", "betekenis"])


def _geen_cijfer(ontbrekend: list[str] | None) -> list[dict]:
    """One hatched legend row per kind of missing value ('gearceerd: geen gegevens')."""
    return [{"kleur": ARCERING_CSS, "betekenis": f"gearceerd: {s}"} for s in dict.fromkeys(ontbrekend or [])]


def _decimalen(grenzen: list[float]) -> int:
    spreiding = grenzen[-1] - grenzen[0]
    return 0 if spreiding >= 50 else 1 if spreiding >= 2 else 2


def uitleg_kleur(richting: str) -> str:
    return {"hoger_is_beter": "Donkerder = lager = ongunstiger.",
            "lager_is_beter": "Donkerder = hoger = ongunstiger.",
            }.get(richting, "Donkerder = hoger. Hoger is hier niet goed of slecht.")


def ranglijst(wijken: pd.DataFrame, eenheid: str, gebied: str = "wijk") -> pd.DataFrame:
    """The map's figures as a table, highest first; rows from scoring.vergelijk_met_soest (with `soest`)."""
    gesorteerd = wijken.sort_values("waarde", ascending=False, na_position="last")
    hoogste, laagste = gesorteerd["waarde"].max(), gesorteerd["waarde"].min()
    return pd.DataFrame({
        "code": gesorteerd["gebied_code"],
        "Gebied": gesorteerd["gebied_naam"],
        "Waarde": [scoring.waarde_in_woorden(r, eenheid) for r in als_dicts(gesorteerd)],
        f"Verschil met {GEMEENTE.naam}": [_verschil(v, eenheid) for v in gesorteerd["verschil"]],
        f"T.o.v. {GEMEENTE.naam}": [scoring.in_woorden(r, hoogste, laagste, gebied) for r in als_dicts(gesorteerd)],
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
        zin += f"; {GEMEENTE.naam} gemiddeld {opmaak.waarde_met_eenheid(soest, eenheid)}"
    zin += "."
    if len(zonder):
        zin += f" Geen cijfer voor {opmaak.opsomming(list(zonder['gebied_naam']))}."
    return zin


def kaartlagen(vormen: gpd.GeoDataFrame, frame: pd.DataFrame, eenheid: str, kleur: list[list[int]],
               uitgelicht: str | None = None, gebied: str = "wijk", tov_soest: bool = False) -> pd.DataFrame:
    """Per area (aligned with `vormen`): code, name, fill colour, border width, value in words and its short form for
    the label, whether it has no figure (hatched), and the tooltip's lines under the name (value, comparison with
    Soest, judgement in words)."""
    eigenschappen = vormen[["code", "naam"]].reset_index(drop=True)
    eigenschappen["kleur"] = kleur
    eigenschappen["rand"] = [4 if c == uitgelicht else 1 for c in eigenschappen["code"]]
    rijen = als_dicts(frame)  # plain dicts: a Series per row costs more than the words
    eigenschappen["tekst"] = [scoring.waarde_in_woorden(r, eenheid) for r in rijen]
    eigenschappen["kort"] = [labelwaarde(r, eenheid) for r in rijen]
    eigenschappen["zonder"] = list(frame["waarde"].isna() & frame["relatief"].fillna("").eq(""))
    vergelijking = list(frame["vergelijking"]) if "vergelijking" in frame else [""] * len(frame)
    hoogste, laagste = frame["waarde"].max(), frame["waarde"].min()
    oordelen = [scoring.oordeel_symbool(r["oordeel"], r["waarde"], r.get("verschil")) if tov_soest
                else scoring.in_woorden(r, hoogste, laagste, gebied) if "kant" in frame else "" for r in rijen]
    # one line each, without repeats (an area without a figure says its status once); the tooltip shows the lines
    # as text (the map escapes what it fills in, TIPSTIJL keeps the line breaks)
    eigenschappen["tip"] = ["\n".join(dict.fromkeys(d for d in (t, v, o) if d))
                            for t, v, o in zip(eigenschappen["tekst"], vergelijking, oordelen)]
    return eigenschappen


# A statement or a status is long ('iets lager dan gemiddeld'); on the map's label its short form, with the full
# words in the tooltip, the legend and the table.
LABEL_TEKENS = 11
_KORT = {"hoogste": "hoogst", "hoger": "hoger", "iets_hoger": "iets hoger", "gemiddeld": "gemiddeld",
         "iets_lager": "iets lager", "lager": "lager", "laagste": "laagst"}


def labelwaarde(rij: dict, eenheid: str) -> str:
    """The value on an area's label: the figure (without a long unit or 'aantal': 'rapportcijfer (1-10)' is in the
    legend and the tooltip), else a short statement, else 'geen cijfer' or 'afgeschermd'."""
    if not pd.isna(rij.get("waarde")):
        tekst = opmaak.waarde_met_eenheid(rij["waarde"], eenheid)
        kort = len(tekst) <= LABEL_TEKENS and not scoring.is_aantal(eenheid)
        return tekst if kort else opmaak.waarde_met_eenheid(rij["waarde"], "").strip()
    if rij.get("relatief"):
        return _KORT.get(rij["relatief"], RELATIEF.get(rij["relatief"], ""))
    return "afgeschermd" if rij.get("status") == AFGESCHERMD else "geen cijfer"


# Every value width a label can reserve (kaartvormen.waardebreedte of labelwaarde's texts, at most LABEL_TEKENS long,
# except a very long figure, whose placement is made when it is first asked for).
WAARDEBREEDTES = tuple(range(4, LABEL_TEKENS + 4, 4))


def waarde_in_label(niveau: str) -> bool:
    """Wijken carry their value in their label; buurten (many and small) only their name."""
    return niveau == "wijk"


def plaats_labels(vormen: kaartvormen.Kaartvormen, niveau: str) -> None:
    """Every label placement a map of this level asks for, per form (afgeleid.kaartvormen makes them once ahead)."""
    for beeld in vormen.per_formaat.values():
        for breedte in WAARDEBREEDTES if waarde_in_label(niveau) else (None,):
            beeld.labels(breedte)


# Canvas height per form of the map (kaartvormen.FORMATEN); the page shows one form per window width.
HOOGTE = {naam: f.canvas[1] for naam, f in FORMATEN.items()}
# The map's tooltip sits in the map's upper left corner, whatever the pointer: it never runs off the map's edge.
# (deck.gl puts its tooltip at the pointer with a transform; our style comes after and takes that away.)
TIPSTIJL = {"fontSize": f"{opmaak.LETTER}px", "backgroundColor": opmaak.TEKSTKLEUR, "color": "white",
            "transform": "none", "top": "8px", "left": "8px", "maxWidth": "calc(100% - 16px)",
            "whiteSpace": "pre-line", "padding": "6px 10px", "lineHeight": "1.35"}


@dataclass(frozen=True)
class Kaartspec:
    """A map as the JSON deck.gl reads (what pydeck makes of a Deck), and its tooltip as st.pydeck_chart takes it."""
    spec: dict
    tooltip: dict | bool

    def to_json(self) -> str:
        return json.dumps(self.spec, separators=(",", ":"), sort_keys=True)


def deck(vormen: kaartvormen.Kaartvormen, eigenschappen: pd.DataFrame, formaat: str = "smal",
         met_waarde: bool = True) -> Kaartspec:
    """An offline pydeck map (no basemap) in one of the FORMATEN: filled areas (hatched without a figure), black
    borders, and labels at their places (kaartvormen: never covering more than a small part of any area; a label
    away from its area has a leader line ending in a dot).

    The layers are described once per form (_deckvorm, with pydeck); a state only fills in its rows."""
    beeld = vormen.per_formaat[formaat]
    per_gebied_rand = eigenschappen["rand"].nunique() > 1
    kolommen = ["code", "naam", "kleur", "tip"] + (["rand"] if per_gebied_rand else [])
    features = [{"geometry": g, "properties": p, "type": "Feature"}
                for g, p in zip(beeld.geometrie, als_dicts(eigenschappen[kolommen]))]
    tekst = [n + ("\n" + t if met_waarde else "") for n, t in zip(eigenschappen["naam"], eigenschappen["kort"])]
    plekken = beeld.labels(kaartvormen.waardebreedte(eigenschappen["kort"]) if met_waarde else None)
    namen, verwezen = [], []
    for t, p, a in zip(tekst, plekken, beeld.ankers_graden()):
        if p is not None:
            namen.append({"label": t, "lat": p[1], "lon": p[0]})
            if p[2]:
                verwezen.append({"anker_lat": a[1], "anker_lon": a[0], "lat": p[1], "lon": p[0]})
    rijen = {"gebieden": {"features": features, "type": "FeatureCollection"},
             "arcering": beeld.arcering([i for i, z in enumerate(eigenschappen["zonder"]) if z]),
             "verwijzers": verwezen, "ankers": verwezen, "namen": namen}
    vorm = beeld.eenmaal(("deck", per_gebied_rand), lambda: _deckvorm(beeld, per_gebied_rand))
    return Kaartspec({**vorm.spec, "layers": [{**laag, "data": rijen[laag["id"]]} for laag in vorm.spec["layers"]]},
                     vorm.tooltip)


def _deckvorm(beeld: kaartvormen.Vormbeeld, per_gebied_rand: bool) -> Kaartspec:
    """The layers of a map in one form, without rows: made once per form with pydeck (its own to_json is slow: it
    pretty-prints, and the shapes are most of a map). Only the areas take clicks and show the tooltip; labels, lines
    and hatching are not pickable, so a click inside an area always opens that area."""
    lagen = [
        pdk.Layer("GeoJsonLayer", [], id="gebieden", pickable=True,
                  stroked=True, filled=True, get_fill_color="properties.kleur", get_line_color=[30, 30, 30, 255],
                  get_line_width="properties.rand" if per_gebied_rand else 1, line_width_units="'pixels'",
                  auto_highlight=True, highlight_color=[0, 114, 178, 90]),
        pdk.Layer("PathLayer", [], id="arcering",
                  pickable=False, get_path="pad", get_color=_rgba(ARCERING_KLEUR, 255), get_width=1.5,
                  width_units="'pixels'"),
        pdk.Layer("LineLayer", [], id="verwijzers", pickable=False, get_source_position=["anker_lon", "anker_lat"],
                  get_target_position=["lon", "lat"], get_color=[0, 0, 0, 255], get_width=2),
        pdk.Layer("ScatterplotLayer", [], id="ankers", pickable=False, get_position=["anker_lon", "anker_lat"],
                  get_radius=3, radius_units="'pixels'", get_fill_color=[0, 0, 0, 255]),
        pdk.Layer("TextLayer", [], id="namen", pickable=False, get_position=["lon", "lat"],
                  get_text="label", get_size=beeld.formaat.letter, get_color=[0, 0, 0, 255],
                  get_alignment_baseline="'center'", line_height=kaartvormen.REGELHOOGTE, background=True,
                  get_background_color=[255, 255, 255, 240],
                  background_padding=list(kaartvormen.OPVULLING), font_weight=600, get_border_color=[0, 0, 0, 255],
                  get_border_width=1, font_family="'Source Sans Pro, Arial, sans-serif'"),
    ]
    # deck.gl's default font atlas is ASCII, which covers every area name in data/gebieden.csv (a test checks);
    # pydeck turns a character_set list into an expression, so we do not pass one.
    zicht = pdk.ViewState(latitude=beeld.centrum[1], longitude=beeld.centrum[0], zoom=beeld.zoom, min_zoom=9,
                          max_zoom=16)
    tip = {"html": "<b>{naam}</b><br/>{tip}", "style": TIPSTIJL}
    # A fixed picture: no dragging or zooming, since the labels are placed for this view (a browser test checks that
    # pointing and clicking still pick the area).
    vast = pdk.View(type="MapView", controller=False)
    return Kaartspec(json.loads(pdk.Deck(layers=lagen, views=[vast], initial_view_state=zicht, map_provider=None,
                                         tooltip=tip).to_json()), tip)


def vergelijking_in_woorden(wijken: pd.DataFrame, eenheid: str) -> list[str]:
    """Tooltip line per area: the difference with Soest in words ('4,2 procentpunt hoger dan Soest')."""
    uit = []
    for rij in als_dicts(wijken):
        verschil = rij.get("verschil")
        if verschil is None or pd.isna(verschil):
            uit.append(status_label(rij) if pd.isna(rij.get("waarde")) else f"geen vergelijking met {GEMEENTE.naam}")
        elif verschil == 0:
            uit.append(f"gelijk aan {GEMEENTE.naam}")
        else:
            richting = "hoger" if verschil > 0 else "lager"
            uit.append(f"{_verschil(verschil, eenheid)[1:]} {richting} dan {GEMEENTE.naam}")
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
    decks: dict[str, Kaartspec]  # per form of the map (kaartvormen.FORMATEN: groot, middel, smal)
    vormen: kaartvormen.Kaartvormen
    eigenschappen: pd.DataFrame  # per area: colour, value in words, tooltip (kaartlagen)
    met_waarde: bool            # the labels hold the value (wijken), or only the name (buurten)


def kaartbeeld(vormen: gpd.GeoDataFrame | kaartvormen.Kaartvormen, waarden: pd.DataFrame, indicator: pd.Series,
               jaar: int, niveau: str = "wijk", tov_soest: bool | None = None) -> Kaartbeeld:
    """`vormen` the level's shapes, best prepared once (kaartvormen.kaartvormen; ui.kaartvormen); `waarden` is
    alle_waarden (after disclosure control); `indicator` a catalogue row. `tov_soest` None: colour by the judgement
    against Soest whenever the indicator can be judged."""
    if not isinstance(vormen, kaartvormen.Kaartvormen):
        vormen = kaartvormen.kaartvormen(vormen)
    eenheid, richting, soort = indicator["eenheid"], indicator["richting"], indicator["soort"]
    rol = indicator.get("rol", UITKOMST)
    deze = waarden[(waarden["indicator"] == indicator["id"]) & (waarden["jaar"] == jaar)]
    soest_rij = deze[deze["gebied_code"] == gemeente.huidige().code]["waarde"]
    soest = float(soest_rij.iloc[0]) if len(soest_rij) and not pd.isna(soest_rij.iloc[0]) else None
    if scoring.is_aantal(eenheid):  # a count is not held against Soest's total, and bigger wijken are not 'worse'
        richting, soest = "neutraal", None
    per_gebied = deze[deze["niveau"] == niveau].set_index("gebied_code")
    gebieden = pd.DataFrame({"gebied_code": vormen.vormen["code"].to_numpy(),
                             "gebied_naam": vormen.vormen["naam"].to_numpy()})
    for kolom in ("waarde", "relatief", "status"):
        gebieden[kolom] = gebieden["gebied_code"].map(per_gebied[kolom]) if len(per_gebied) else None
    gebieden["waarde"] = pd.to_numeric(gebieden["waarde"], errors="coerce")
    gebieden[["relatief", "status"]] = gebieden[["relatief", "status"]].fillna("")
    gebieden = scoring.vergelijk_met_soest(gebieden, soest, richting, eenheid=eenheid, rol=rol)
    gebieden["vergelijking"] = vergelijking_in_woorden(gebieden, eenheid)
    grenzen = klassegrenzen(gebieden["waarde"])
    ontbrekend = [status_label(r) for r in als_dicts(gebieden) if pd.isna(r["waarde"]) and not r["relatief"]]
    kan = scoring.wordt_beoordeeld(richting, rol) and (soest is not None or soort == "relatief")
    oordeel_kleur = kan if tov_soest is None else (tov_soest and kan)
    schaalrichting = richting if scoring.wordt_beoordeeld(richting, rol) else "neutraal"
    kleur = kleuren_tov_soest(gebieden) if oordeel_kleur else kleuren(gebieden, schaalrichting, grenzen, soort)
    gebied = "buurt" if niveau == "buurt" else "wijk"
    eigenschappen = kaartlagen(vormen.vormen, gebieden, eenheid, kleur, gebied=gebied, tov_soest=oordeel_kleur)
    met_waarde = waarde_in_label(niveau)
    return Kaartbeeld(
        gebieden=gebieden, soest=soest, tov_soest=oordeel_kleur, kan_tov_soest=kan, grenzen=grenzen,
        legenda=legenda_tov_soest(soest, eenheid, ontbrekend=ontbrekend, stap=float(gebieden["stap"].iloc[0]),
                                  gebied=gebied)
        if oordeel_kleur
        else legenda(grenzen, eenheid, schaalrichting, soort, ontbrekend),
        samenvatting=samenvatting(gebieden, soest, eenheid, gebied),
        ranglijst=ranglijst(gebieden, eenheid, gebied),
        decks={f: deck(vormen, eigenschappen, f, met_waarde=met_waarde) for f in FORMATEN},
        vormen=vormen, eigenschappen=eigenschappen, met_waarde=met_waarde,
    )


def kaartafbeelding(beeld: Kaartbeeld) -> alt.LayerChart:
    """The map as a picture to download (Altair, drawn by vl-convert): the same colours, hatching, names and values as
    on screen (labels at the places of the largest form), and the legend in words below it."""
    vlakken = beeld.vormen.vormen[["code", "geometry"]].assign(
        kleur=["#{:02x}{:02x}{:02x}".format(*k[:3]) for k in beeld.eigenschappen["kleur"]])
    vlak = alt.Chart(rechtsom(vlakken)).mark_geoshape(stroke="#1e1e1e", strokeWidth=0.8).encode(
        color=alt.Color("kleur:N", scale=None))
    groot = beeld.vormen.per_formaat["groot"]
    zonder = [i for i, z in enumerate(beeld.eigenschappen["zonder"]) if z]
    arcering = gpd.GeoDataFrame(geometry=[LineString(p["pad"]) for p in groot.arcering(zonder)], crs=CRS)
    lijnen = alt.Chart(arcering).mark_geoshape(filled=False, stroke=ARCERING_KLEUR, strokeWidth=1)
    plekken = groot.labels(kaartvormen.waardebreedte(beeld.eigenschappen["kort"]) if beeld.met_waarde else None)
    punten = pd.DataFrame([{"label": n + ("\n" + t if beeld.met_waarde else ""), "lon": p[0], "lat": p[1]}
                           for n, t, p in zip(beeld.eigenschappen["naam"], beeld.eigenschappen["kort"], plekken) if p],
                          columns=["label", "lon", "lat"])
    namen = alt.Chart(punten).mark_text(fontSize=opmaak.LETTER_AFBEELDING_KLEIN, fontWeight=600, lineBreak="\n").encode(
        longitude=alt.Longitude("lon:Q"), latitude=alt.Latitude("lat:Q"), text=alt.Text("label:N"))
    rijen = beeld.legenda.reset_index().replace({"kleur": {ARCERING_CSS: GEEN_CIJFER_VULLING}})
    legenda_ = alt.Chart(rijen).mark_square(size=180, stroke="#333333", filled=True, opacity=1).encode(
        y=alt.Y("index:O", axis=None), color=alt.Color("kleur:N", scale=None)).properties(width=20)
    woorden = alt.Chart(rijen).mark_text(align="left", dx=4, fontSize=opmaak.LETTER_AFBEELDING).encode(
        x=alt.XValue(0), y=alt.Y("index:O", axis=None), text=alt.Text("betekenis:N")).properties(width=400)
    lagen = [vlak, lijnen, namen] if len(arcering) else [vlak, namen]
    kaart = alt.layer(*lagen).project("mercator").properties(width=560, height=600)
    return alt.vconcat(kaart, alt.hconcat(legenda_, woorden, spacing=0)).configure_view(stroke=None)


def locator_svg(vormen: gpd.GeoDataFrame, wijk: str, breedte: int = 220, hoogte: int = 200) -> str:
    """The same picture as `locatorkaart` as a still SVG, drawn here (Mercator, like the chart): a page shows it
    without a chart library, and it costs no vl-convert run on the server."""
    def punt(lon: float, lat: float) -> tuple[float, float]:
        return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    x0, y0, x1, y1 = vormen.total_bounds
    (a, b), (c, d) = punt(x0, y0), punt(x1, y1)
    schaal = min((breedte - 10) / (c - a), (hoogte - 10) / (d - b))
    dx, dy = (breedte - schaal * (c - a)) / 2, (hoogte - schaal * (d - b)) / 2

    def ring(coordinaten) -> str:
        xy = [punt(lon, lat) for lon, lat in coordinaten]
        return "M" + "L".join(f"{dx + schaal * (x - a):.1f},{hoogte - dy - schaal * (y - b):.1f}" for x, y in xy) + "Z"
    paden = []
    for code, vorm in zip(vormen["code"], vormen.geometry):
        delen = vorm.geoms if vorm.geom_type == "MultiPolygon" else [vorm]
        d_ = "".join(ring(p.exterior.coords) + "".join(ring(r.coords) for r in p.interiors) for p in delen)
        paden.append(f'<path d="{d_}" fill="{"#0072B2" if code == wijk else "#F2F2F2"}" fill-rule="evenodd"/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{breedte}" height="{hoogte}" '
            f'viewBox="0 0 {breedte} {hoogte}"><g stroke="#555555" stroke-width="0.6">{"".join(paden)}</g></svg>')


def locatorkaart(vormen: gpd.GeoDataFrame, wijk: str) -> alt.Chart:
    """Soest's wijken in light grey, this wijk in blue: where is it? A still picture (Vega-Lite), no map library: on
    the wijkprofiel it needs no interaction, and the factsheet prints the same picture."""
    vlakken = rechtsom(vormen[["naam", "geometry"]].assign(deze=(vormen["code"] == wijk).to_numpy()))
    return alt.Chart(vlakken).mark_geoshape(stroke="#555555", strokeWidth=0.6).encode(
        color=alt.Color("deze:N", scale=alt.Scale(domain=[True, False], range=["#0072B2", "#F2F2F2"]), legend=None),
    ).project(type="mercator").properties(width=210, height=190, background="white")
