"""Disclosure control: one policy for every page, download and quote, so no small group of people can be recognised.

The public view (and `export --publiek`) only ever sees values after `pas_toe`:

1. **Small counts.** Every count (unit 'aantal …', not an average: `scoring.is_aantal`) between 1 and 9 is
   hidden (DREMPEL = 10, as CBS does for small areas). Zero stays visible. The catalogue can set a higher
   `min_aantal` threshold, and `min_basis` hides a figure whose base (another indicator, same area and year) is
   below its threshold.
2. **No undoing by subtraction (complementary suppression).** Counts add up: Soest = the sum of its wijken, a wijk =
   the sum of its buurten, inhabitants = the sum of the age groups and of the origin groups (SAMENSTELLINGEN). When
   one cell of such a sum is hidden and the total is shown, the next smallest cells are hidden as well, until at
   least two cells are hidden and together hold at least DREMPEL people; a hidden total whose parts are all shown
   gets a part hidden. Repeated until nothing changes.
3. **Rates follow their counts.** A computed value (teller / noemer × factor) is hidden when its teller or noemer
   is hidden: a rate times inhabitants would give the count back.
4. **Quotes never repeat a hidden number.** A hidden value loses its quote; a shown value's quote (a source line
   often holds several columns) has every hidden number of the same area and year replaced by "[afgeschermd]".

Hidden values get status `afgeschermd` and lose their number; pages say "afgeschermd", never 0.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from soest_data.begrippen import AFGESCHERMD
from soest_data.scoring import is_aantal

DREMPEL = 10
AFGESCHERMD_CITAAT = f"afgeschermd: een klein aantal (minder dan {DREMPEL}) tonen we niet"
# Totals that are the sum of other counts of the same area and year (CBS Kerncijfers wijken en buurten).
SAMENSTELLINGEN = [
    ("inwoners", ("inwoners_0_15", "inwoners_15_25", "inwoners_25_45", "inwoners_45_65", "inwoners_65_plus")),
    ("inwoners", ("herkomst_nederland", "herkomst_europa_excl_nl", "herkomst_buiten_europa")),
]


def pas_toe(waarden: pd.DataFrame, indicatoren: pd.DataFrame) -> pd.DataFrame:
    """The values as the public may see them (columns unchanged)."""
    uit = waarden.copy()
    cat = indicatoren.set_index("id")
    sleutels = list(zip(uit["gebied_code"], uit["indicator"], uit["jaar"]))
    getal = dict(zip(sleutels, uit["waarde"]))
    verborgen = _klein(uit, cat)
    _aanvullend(uit, cat, getal, verborgen)
    _berekend(uit, cat, getal, verborgen)

    verbergen = pd.Series([k in verborgen for k in sleutels], index=uit.index)
    uit.loc[verbergen, "waarde"] = np.nan
    uit.loc[verbergen, "status"] = AFGESCHERMD
    uit.loc[verbergen, "citaat"] = AFGESCHERMD_CITAAT
    uit["citaat"] = _citaten_zonder(uit, verborgen, getal, verbergen)
    return uit


def _klein(w: pd.DataFrame, cat: pd.DataFrame) -> set:
    """Rule 1: the cells hidden for their own size (or their base's)."""
    regel = w["indicator"].map(cat["onthulling_regel"]).fillna("geen")
    drempel = pd.to_numeric(w["indicator"].map(cat["onthulling_drempel"]), errors="coerce")
    eigen = np.fmax(drempel.where(regel == "min_aantal").fillna(0), DREMPEL)
    telling = w["eenheid"].map(is_aantal).astype(bool) | (regel == "min_aantal")
    klein = telling & (w["waarde"] > 0) & (w["waarde"] < eigen)

    basis = w.set_index(["gebied_code", "indicator", "jaar"])["waarde"]
    basis_id = w["indicator"].map(cat["onthulling_basis"]).fillna("")
    basiswaarde = pd.Series(basis.reindex(pd.MultiIndex.from_arrays(
        [w["gebied_code"], basis_id, w["jaar"]])).to_numpy(), index=w.index)
    klein |= (regel == "min_basis") & (basiswaarde < drempel)
    return {(g, i, j) for g, i, j in w.loc[klein, ["gebied_code", "indicator", "jaar"]].itertuples(index=False)}


def _sommen(w: pd.DataFrame, getal: dict) -> list[tuple]:
    """Every (total, parts) relation between count cells that all have a number."""
    tellingen = w[w["eenheid"].map(is_aantal).astype(bool) & w["waarde"].notna()]
    kinderen: dict[tuple, list] = {}
    for g, ouder, i, j in tellingen[["gebied_code", "ouder", "indicator", "jaar"]].itertuples(index=False):
        if isinstance(ouder, str) and ouder:
            kinderen.setdefault((ouder, i, j), []).append((g, i, j))
    sommen = [(totaal, delen) for totaal, delen in kinderen.items() if totaal in getal and len(delen) > 1]
    for g, j in set(zip(tellingen["gebied_code"], tellingen["jaar"])):
        for totaal, delen in SAMENSTELLINGEN:
            cellen = [(g, d, j) for d in delen]
            if all(pd.notna(getal.get(c)) for c in [(g, totaal, j), *cellen]):
                sommen.append(((g, totaal, j), cellen))
    return sommen


def _aanvullend(w: pd.DataFrame, cat: pd.DataFrame, getal: dict, verborgen: set) -> None:
    """Rule 2, in place: hide more cells until no sum gives a hidden cell (or a small hidden total) back."""
    sommen = _sommen(w, getal)
    veranderd = True
    while veranderd:
        veranderd = False
        for totaal, delen in sommen:
            verborgen_delen = [d for d in delen if d in verborgen]
            zichtbaar = sorted((d for d in delen if d not in verborgen and getal[d] > 0), key=getal.get)
            if totaal in verborgen:
                onveilig = not verborgen_delen and getal[totaal] > 0
            else:
                onveilig = bool(verborgen_delen) and (
                    len(verborgen_delen) < 2 or sum(getal[d] for d in verborgen_delen) < DREMPEL)
            if not onveilig:
                continue
            verborgen.add(zichtbaar[0] if zichtbaar else totaal)
            veranderd = True


def _berekend(w: pd.DataFrame, cat: pd.DataFrame, getal: dict, verborgen: set) -> None:
    """Rule 3, in place: a computed value is hidden when its teller or noemer is."""
    formules = {i: f for i, f in cat["formule"].items() if isinstance(f, str) and f}
    for g, i, j in w.loc[w["indicator"].isin(list(formules)), ["gebied_code", "indicator", "jaar"]].itertuples(
            index=False):
        teller, rest = formules[i].split(" / ", 1)
        noemer = rest.split(" × ", 1)[0]
        if (g, teller.strip(), j) in verborgen or (g, noemer.strip(), j) in verborgen:
            verborgen.add((g, i, j))


def _citaten_zonder(w: pd.DataFrame, verborgen: set, getal: dict, al_verborgen: pd.Series) -> pd.Series:
    """Rule 4: the quotes of shown values, without any hidden number of the same area and year."""
    per_plek: dict[tuple, set[str]] = {}
    for g, i, j in verborgen:
        waarde = getal.get((g, i, j))
        if pd.notna(waarde):
            per_plek.setdefault((g, j), set()).add(f"{waarde:g}")
    citaten = w["citaat"].copy()
    for index, g, j, citaat in zip(w.index, w["gebied_code"], w["jaar"], w["citaat"]):
        getallen = per_plek.get((g, j))
        if not getallen or al_verborgen[index] or not isinstance(citaat, str):
            continue
        patroon = r"(?<![\d.,])(?:" + "|".join(re.escape(x) for x in sorted(getallen, key=len, reverse=True)) \
            + r")(?![\d]|[.,]\d)"
        citaten[index] = re.sub(patroon, "[afgeschermd]", citaat)
    return citaten
