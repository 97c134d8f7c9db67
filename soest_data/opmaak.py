"""Dutch number formatting and the colour-blind-safe palette (Okabe-Ito / ColorBrewer), shared by all views."""
from __future__ import annotations

import math

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


def getal(waarde: float | None, decimalen: int | None = None) -> str:
    """11.6 → '11,6'; 47100 → '47.100'; None/NaN → 'geen gegevens'."""
    if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
        return "geen gegevens"
    if decimalen is None:
        decimalen = 0 if float(waarde).is_integer() or abs(waarde) >= 1000 else (2 if abs(waarde) < 1 else 1)
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def waarde_met_eenheid(waarde: float | None, eenheid: str, decimalen: int | None = None) -> str:
    tekst = getal(waarde, decimalen)
    if tekst == "geen gegevens":
        return tekst
    return met_eenheid(tekst, eenheid)


def in_zin(label: str) -> str:
    """'Moeite met rondkomen' → 'moeite met rondkomen' inside a sentence; 'WW per 1.000' stays as it is."""
    return label[0].lower() + label[1:] if len(label) > 1 and not label[1].isupper() else label


def is_schatting(vlag) -> bool:
    """The catalogue's modelschatting flag, whether it arrives as bool, numpy bool or (after a merge) NaN."""
    return bool(vlag) if vlag is not None and not (isinstance(vlag, float) and math.isnan(vlag)) else False


def opsomming(delen: list[str]) -> str:
    """['A', 'B', 'C'] → 'A, B en C'."""
    return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]


def verschil_eenheid(eenheid: str) -> str:
    """The unit of a difference: percentages differ in 'procentpunt'."""
    return "procentpunt" if eenheid.startswith("%") else eenheid


def met_eenheid(tekst: str, eenheid: str) -> str:
    """'11,6' + '% van jongeren' → '11,6 %' (the full unit is in the definition); else '3,2 km'."""
    return f"{tekst} %" if eenheid.startswith("%") else f"{tekst} {eenheid}"
