"""Chart templates (soest_data/weergave/sjabloon.py): a chart kind authored once, filled per state, never shared
wrongly between states."""
import altair as alt
import pandas as pd
import pytest

from soest_data.weergave.sjabloon import Sjabloon, gat, records


def _sjabloon() -> Sjabloon:
    y = alt.Y("naam:N", sort=[gat("volgorde")])
    basis = alt.Chart(alt.NamedData("rijen")).encode(y=y)
    return Sjabloon(alt.layer(basis.mark_bar().encode(x="waarde:Q"), basis.mark_text().encode(text="naam:N"))
                    .properties(width="container"))


def test_each_state_gets_its_own_rows_and_order_and_the_template_stays_as_it_was():
    sjabloon = _sjabloon()
    voor = repr(sjabloon.spec)
    a = sjabloon.vul({"rijen": pd.DataFrame({"naam": ["A", "B"], "waarde": [1.0, 2.0], "extra": [0, 0]})},
                     volgorde=["B", "A"], height=80, description="eerste")
    b = sjabloon.vul({"rijen": [{"naam": "C", "waarde": 3.0}]}, volgorde=["C"], height=40, description="tweede")
    assert [laag["encoding"]["y"]["sort"] for laag in a["layer"]] == [["B", "A"]] * 2
    assert [laag["encoding"]["y"]["sort"] for laag in b["layer"]] == [["C"]] * 2
    assert (a["height"], a["description"], b["height"]) == (80, "eerste", 40)
    assert a["datasets"]["rijen"] == [{"naam": "A", "waarde": 1.0}, {"naam": "B", "waarde": 2.0}]  # no 'extra'
    assert repr(sjabloon.spec) == voor and "datasets" not in sjabloon.spec


def test_a_hole_left_empty_is_an_error_not_a_chart_with_a_placeholder():
    with pytest.raises(ValueError, match="volgorde"):
        _sjabloon().vul({"rijen": []})


def test_missing_is_null_in_the_records_never_nan():
    frame = pd.DataFrame({"naam": ["A", None], "waarde": [float("nan"), 2.5], "jaar": [2020, 2021]})
    assert records(frame) == [{"naam": "A", "waarde": None, "jaar": 2020}, {"naam": None, "waarde": 2.5, "jaar": 2021}]
