"""Disclosure control: small counts are never shown in a way that could identify people.

Rules come from the catalogue (`onthulling`):
- min_aantal: a count below `drempel` (but above 0) is hidden;
- min_basis: a figure is hidden when its base (another indicator, same area and year) is below `drempel`.
Hidden figures get status `afgeschermd` and lose their number.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from soest_data.begrippen import AFGESCHERMD


def pas_toe(waarden: pd.DataFrame, indicatoren: pd.DataFrame) -> pd.DataFrame:
    regels = indicatoren.set_index("id")[["onthulling_regel", "onthulling_drempel", "onthulling_basis"]]
    uit = waarden.join(regels, on="indicator")
    drempel = pd.to_numeric(uit["onthulling_drempel"], errors="coerce")
    te_klein = (uit["onthulling_regel"] == "min_aantal") & (uit["waarde"] > 0) & (uit["waarde"] < drempel)

    basis = waarden.set_index(["gebied_code", "indicator", "jaar"])["waarde"]
    sleutels = pd.MultiIndex.from_arrays([uit["gebied_code"], uit["onthulling_basis"].fillna(""), uit["jaar"]])
    basiswaarde = pd.Series(basis.reindex(sleutels).to_numpy(), index=uit.index)
    basis_te_klein = (uit["onthulling_regel"] == "min_basis") & (basiswaarde < drempel)

    verbergen = te_klein | basis_te_klein
    uit.loc[verbergen, "waarde"] = np.nan
    uit.loc[verbergen, "status"] = AFGESCHERMD
    return uit.drop(columns=regels.columns)
