"""Chart templates: each chart kind authored once with Altair, then filled per page state with that state's rows.

Building an Altair chart and turning it into Vega-Lite (to_dict) costs tens of milliseconds; a page that is asked
for the first time would pay that for every chart. A template is the chart drawn on *named* data sources
(`alt.NamedData("rijen")`), converted once; a state then costs a filter on small frames and a shallow copy of the
template with its rows under `datasets` and its own strings set in (a title, a description, a sort order).

What differs between states inside the spec is marked with a hole, `gat("naam")`, where the chart is authored;
`vul` puts the state's value there. Top-level properties (height, title, description) are set directly. The result
is a plain Vega-Lite dict (st.vega_lite_chart, vl-convert and the downloads take it as is); its nested parts are
shared with the template and with every other state, so nothing may change a returned spec in place (copy it:
`{**spec, ...}`). Every builder's filled spec is validated against the Vega-Lite schema in
tests/unit/test_grafieken_geldig.py.
"""
from __future__ import annotations

import json
from collections.abc import Mapping

import pandas as pd

from soest_data.rijen import als_dicts

_RAND = ("⟨", "⟩")


def gat(naam: str) -> str:
    """A hole in a template: the value `vul(..., naam=...)` puts there for one state. `[gat(naam)]` is a hole for a
    list (a scale's domain, a sort order)."""
    return f"{_RAND[0]}{naam}{_RAND[1]}"


def _is_gat(deel) -> bool:
    return isinstance(deel, str) and deel.startswith(_RAND[0]) and deel.endswith(_RAND[1])


def _gaten(deel, pad: tuple, uit: dict[str, list[tuple]]) -> None:
    """Every hole's paths; a list holding only a hole is a hole for a whole list (Altair checks a scale's domain or
    a sort order to be a list when the chart is authored)."""
    if isinstance(deel, list) and len(deel) == 1 and _is_gat(deel[0]):
        uit.setdefault(deel[0][1:-1], []).append(pad)
    elif isinstance(deel, dict):
        for k, v in deel.items():
            _gaten(v, (*pad, k), uit)
    elif isinstance(deel, list):
        for i, v in enumerate(deel):
            _gaten(v, (*pad, i), uit)
    elif _is_gat(deel):
        uit.setdefault(deel[1:-1], []).append(pad)


def _zet(deel, pad: tuple, waarde):
    """`deel` with `waarde` at `pad`, copying only the dicts and lists on the way (the rest stays shared)."""
    if not pad:
        return waarde
    kopie = dict(deel) if isinstance(deel, dict) else list(deel)
    kopie[pad[0]] = _zet(deel[pad[0]], pad[1:], waarde)
    return kopie


def records(frame: pd.DataFrame, kolommen=None) -> list[dict]:
    """The rows of `frame` as JSON-ready dicts (only `kolommen`, if given): missing is None, never NaN."""
    return als_dicts(frame[[k for k in frame.columns if kolommen is None or k in kolommen]], leeg_is_none=True)


class Sjabloon:
    """One chart kind as a Vega-Lite dict with holes, made from an Altair chart on named data once."""

    def __init__(self, grafiek) -> None:
        # Holes are not valid Vega-Lite values, so no schema check here: the filled specs are checked in the tests.
        self.spec = grafiek.to_dict(validate=False)
        self.spec.pop("datasets", None)
        self._paden: dict[str, list[tuple]] = {}
        _gaten(self.spec, (), self._paden)
        self._tekst = json.dumps(self.spec)

    def rijen(self, rijen: list[dict]) -> list[dict]:
        """Rows made for this chart, as `records` gives a frame's: only the fields the spec names, missing as None."""
        return [{k: None if v is None or (isinstance(v, float) and v != v) else v for k, v in rij.items()
                 if k in self._tekst} for rij in rijen]

    def vul(self, data: Mapping[str, pd.DataFrame | list[dict]], **waarden) -> dict:
        """The spec for one state: `data` per named source, a frame (only the columns the spec names are sent) or
        records made for this chart, each hole
        filled from `waarden`; a value whose name is no hole becomes a top-level property (height, title …)."""
        ontbreekt = self._paden.keys() - waarden.keys()
        if ontbreekt:
            raise ValueError(f"sjabloon zonder waarde voor {sorted(ontbreekt)}")
        spec = dict(self.spec)
        for naam, waarde in waarden.items():
            for pad in self._paden.get(naam, [()]):
                if pad:
                    spec = _zet(spec, pad, waarde)
                else:
                    spec[naam] = waarde
        spec["datasets"] = {naam: frame if isinstance(frame, list) else records(frame, self._tekst)
                            for naam, frame in data.items()}
        return spec
