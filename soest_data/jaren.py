"""Which year a figure is shown with: the year as its source gives it, never one we made up.

Three cases, read from the catalogue (data/catalogus/*.yaml):
- `meetjaar` (text): the source names no calendar year ('onbekend, vóór 2024') or a period that is not one
  ('schooljaar 2021/2022'). The figure is filed under a year only to have a place in the data; pages show this text
  instead, and it never takes part in a year's row or column, a trend or a change.
- `peilperiode` (text): the year is the edition of the table, and the figure refers to an earlier moment that the
  publisher names ('inkomen over een eerder jaar'). Pages show the edition and this period.
- neither: the year is the figure's own year.

And `definitiewijziging` ({jaar, uitleg}): a measurement from `jaar` on is defined differently from earlier ones
(e.g. RIVM's age base), so a change or trend across it says so in words.
"""
from __future__ import annotations

import pandas as pd


def _tekst(waarde) -> str:
    return "" if waarde is None or (not isinstance(waarde, str) and pd.isna(waarde)) else str(waarde).strip()


def jaar_bekend(meetjaar) -> bool:
    """True when the filed year is the figure's own year or edition (no meetjaar text replaces it)."""
    return not _tekst(meetjaar)


def jaar_tekst(jaar, meetjaar=None, peilperiode=None) -> str:
    """'2020'; 'jaar onbekend, vóór 2024' for a figure whose source names no year; 'editie 2023, inkomen over een
    eerder jaar (peildatum volgens de bron)' where the edition and the reference period differ."""
    if _tekst(meetjaar):
        return f"jaar {_tekst(meetjaar)}"
    if jaar is None or pd.isna(jaar):
        return ""
    if _tekst(peilperiode):
        return f"editie {int(jaar)}, {_tekst(peilperiode)}"
    return str(int(jaar))


def kort(jaar, meetjaar=None, peilperiode=None) -> str:
    """The short form for a narrow column or a label: '2020', 'jaar onbekend', 'schooljaar 2021/2022', 'editie 2023'
    (the page or sheet explains the reference period once)."""
    if _tekst(meetjaar):
        tekst = _tekst(meetjaar)
        return "jaar onbekend" if tekst.startswith("onbekend") else tekst.split(" (")[0]
    if jaar is None or pd.isna(jaar):
        return ""
    return f"editie {int(jaar)}" if _tekst(peilperiode) else str(int(jaar))


def met_woord(jaar_tekst_: str) -> str:
    """'jaar 2020' for a bare year, the text itself otherwise ('jaar onbekend, vóór 2024', 'editie 2023, …')."""
    return f"jaar {jaar_tekst_}" if jaar_tekst_[:1].isdigit() else jaar_tekst_


def over_wijziging(jaar_van, jaar_naar, wijziging_jaar) -> bool:
    """Whether a comparison between two years crosses a definition change that takes effect in `wijziging_jaar`."""
    if wijziging_jaar is None or pd.isna(wijziging_jaar):
        return False
    return min(jaar_van, jaar_naar) < int(wijziging_jaar) <= max(jaar_van, jaar_naar)


def wijzigingsnoot(wijziging_jaar, uitleg) -> str:
    """'Let op: definitie gewijzigd in 2020. Het RIVM schat …' for under a change or trend across the change."""
    return f"Let op: definitie gewijzigd in {int(wijziging_jaar)}. {_tekst(uitleg)}".strip()
