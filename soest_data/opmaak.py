"""Dutch number formatting, dates, units, the chart typography and the colour-blind-safe palette (Okabe-Ito /
ColorBrewer), shared by all views."""
from __future__ import annotations

import math
from datetime import date, datetime

# Okabe-Ito: distinguishable with every common colour-vision deficiency.
KLEUR_GUNSTIG = "#0072B2"     # blue
KLEUR_ONGUNSTIG = "#D55E00"   # vermillion
KLEUR_ROND = "#9E9E9E"        # grey
KLEUR_NEUTRAAL = "#6A51A3"    # purple: descriptive indicators, no judgement
KLEUR_UITGELICHT = "#000000"
KLEUR_GEEN_GEGEVENS = "#E0E0E0"
# Sequential scales for the map, light → dark (ColorBrewer, colour-blind safe).
SCHAAL_ONGUNSTIG = ["#fff7bc", "#fec44f", "#ec7014", "#cc4c02", "#8c2d04"]  # YlOrBr: dark = unfavourable
SCHAAL_NEUTRAAL = ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"]   # Purples: dark = higher


# One typography for every chart: read from the back of a room on a 1920 × 1080 beamer, no chart text is below
# 16 px; key numbers (a wijk's own value, cell values) are larger. Builders take their sizes only from here.
LETTER = 16         # axis labels, bar labels, legend, cell text
LETTER_KOP = 18     # axis titles, row and column heads
LETTER_GROOT = 20   # key numbers: the highlighted wijk, the reference line
TEKSTKLEUR = "#1A1A1A"  # near-black: Vega's default grey is too light on a projector
# A downloaded picture (export.grafiek_met_bron, kaart.kaartafbeelding) is read at its own fixed size on paper, not
# from the back of a room: its title, source line and map labels are smaller than on screen.
LETTER_AFBEELDING_TITEL = 15
LETTER_AFBEELDING = 12        # legend words under the map picture
LETTER_AFBEELDING_KLEIN = 11  # the source line under a picture's title, wijk names on the map picture
BRONKLEUR = "#4D4D4D"   # source lines and captions: 8.5:1 on white (WCAG AA); ui.py's caption CSS uses the same grey
# Vega's number and date locale, so axes and tooltips formatted by Vega read '1.000' and '14,5' too.
VEGA_LOCALE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
    "time": {"dateTime": "%A %e %B %Y %X", "date": "%d-%m-%Y", "time": "%H:%M:%S", "periods": ["", ""],
             "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
             "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
             "months": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                        "oktober", "november", "december"],
             "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]},
}
GRAFIEKSTIJL = {
    "locale": VEGA_LOCALE,
    "font": "Source Sans Pro, Arial, sans-serif",
    "axis": {"labelFontSize": LETTER, "titleFontSize": LETTER_KOP, "labelColor": TEKSTKLEUR,
             "titleColor": TEKSTKLEUR, "titleFontWeight": "normal"},
    "header": {"labelFontSize": LETTER_KOP, "titleFontSize": LETTER_KOP, "labelColor": TEKSTKLEUR},
    "legend": {"labelFontSize": LETTER, "titleFontSize": LETTER, "labelColor": TEKSTKLEUR,
               "titleColor": TEKSTKLEUR, "labelLimit": 400},
    "title": {"fontSize": LETTER_KOP, "color": TEKSTKLEUR, "subtitleFontSize": LETTER},
    "text": {"fontSize": LETTER, "color": TEKSTKLEUR},
    "view": {"stroke": None},
}
_MAANDEN = VEGA_LOCALE["time"]["months"]
# Units as the data files spell them → as the page shows them.
_EENHEDEN = {"x 1000 euro": "× € 1.000", "per 1000 inwoners": "per 1.000 inwoners", "aantal (gemiddeld)": "gemiddeld aantal"}
GEMIDDELD_AANTAL = "aantal (gemiddeld)"  # an average count (basisscholen binnen 3 km): '14 gemiddeld', not '14 aantal


def eenheid(tekst: str) -> str:
    """A unit as shown: 'x 1000 euro' → '× € 1.000', 'per 1000 inwoners' → 'per 1.000 inwoners'."""
    return _EENHEDEN.get(tekst, tekst)


def datum(waarde: str | date | datetime | None) -> str:
    """'2026-11-26T14:58:17+00:00' (or a date) → '26 november 2026'; nothing → 'onbekend'."""
    if not waarde:
        return "onbekend"
    if isinstance(waarde, str):
        try:
            waarde = datetime.fromisoformat(waarde)
        except ValueError:
            return waarde
    return f"{waarde.day} {_MAANDEN[waarde.month - 1]} {waarde.year}"


def getal(waarde: float | None, decimalen: int | None = None) -> str:
    """11.6 → '11,6'; 47100 → '47.100'; None/NaN → 'geen gegevens'."""
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return "geen gegevens"
    if decimalen is None:
        decimalen = 0 if float(waarde).is_integer() or abs(waarde) >= 1000 else (2 if abs(waarde) < 1 else 1)
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def waarde_met_eenheid(waarde: float | None, eenheid_: str, decimalen: int | None = None) -> str:
    """Percentages always with one decimal ('14,0 %' beside '14,5 %', never '14 %'); other units as getal()."""
    if decimalen is None and eenheid_.startswith("%") and waarde is not None and abs(waarde) < 1000:
        decimalen = 1
    tekst = getal(waarde, decimalen)
    if tekst == "geen gegevens":
        return tekst
    return met_eenheid(tekst, eenheid_)


def in_zin(label: str) -> str:
    """'Moeite met rondkomen' → 'moeite met rondkomen' inside a sentence; 'WW per 1.000' stays as it is."""
    return label[0].lower() + label[1:] if len(label) > 1 and not label[1].isupper() else label


def is_schatting(vlag) -> bool:
    """The catalogue's modelschatting flag, whether it arrives as bool, numpy bool or (after a merge) NaN."""
    return bool(vlag) if vlag is not None and not (isinstance(vlag, float) and math.isnan(vlag)) else False


def opsomming(delen: list[str]) -> str:
    """['A', 'B', 'C'] → 'A, B en C'; an empty list gives an empty text."""
    if len(delen) <= 1:
        return "".join(delen)
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def verschil_eenheid(eenheid_: str) -> str:
    """The unit of a difference: percentages differ in 'procentpunt'."""
    return "procentpunt" if eenheid_.startswith("%") else eenheid(eenheid_)


def met_eenheid(tekst: str, eenheid_: str) -> str:
    """'11,6' + '% van jongeren' → '11,6 %' (the full unit is in the definition); else '3,2 km', '37,7 × € 1.000'."""
    if eenheid_ == GEMIDDELD_AANTAL:
        return f"gemiddeld {tekst}"
    return f"{tekst} %" if eenheid_.startswith("%") else f"{tekst} {eenheid(eenheid_)}"
