"""Vergelijken with one wijk: a link with one wijk (?wijken=WK034205) is that wijk beside heel Soest, a real
comparison and not a notice. Asserted on the Inhoud of the real data, with invariants read from that data."""
import pandas as pd
import pytest

from soest_data.gemeente import GEMEENTE
from soest_data.weergave import vergelijken
from soest_data.weergave.blokken import Melding, Tabbladen, Tabel
from soest_data.weergave.paginas import vergelijken as pagina


@pytest.fixture(scope="module", params=[0, -1], ids=["eerste", "laatste"])
def een_wijk(request, echte_gegevens):
    g = echte_gegevens
    code = list(g.wijknamen)[request.param]
    staat = pagina.staat_uit({"wijken": code.lower()}, g)
    return g, code, staat, pagina.bouw(g, staat)


def test_a_link_with_one_wijk_is_that_wijk_beside_the_gemeente(een_wijk):
    g, code, staat, inhoud = een_wijk
    assert staat.wijken == (code,) and staat.met_soest and not staat.meldingen
    assert pagina.staat_uit({"wijken": code, "soest": "nee"}, g) == staat  # the gemeente is always the other side
    assert not inhoud.alle(Melding)
    heel = vergelijken.heel_gemeente()
    assert f"tussen {g.wijknamen[code]} en {heel}" in inhoud.tekst()
    tabs = [b for b in inhoud.alle() if isinstance(b, Tabbladen)]
    assert tabs and all(isinstance(binnen[0], Tabel) for _, binnen in tabs[0].delen)
    for _, binnen in tabs[0].delen:
        kolommen = list(binnen[0].frame.columns)
        assert kolommen[:3] == ["Indicator", g.wijknamen[code], GEMEENTE.naam] and f"Index {GEMEENTE.naam}" in kolommen


def test_each_difference_is_between_the_wijk_and_the_gemeentes_own_figure(een_wijk):
    g, code, staat, _ = een_wijk
    lang, verschil = pagina._vergelijking(g, staat.wijken)
    naam, heel = g.wijknamen[code], vergelijken.heel_gemeente()
    per = lang.set_index("indicator")
    vergeleken = 0
    for v in verschil.to_dict("records"):
        wijk, soest = per.loc[v["indicator"], "waarde"], v["soest"]
        if pd.isna(wijk) or pd.isna(soest):  # missing stays missing: no difference is made up
            assert pd.isna(v["verschil"]) and pd.isna(v["afstand"])
            continue
        vergeleken += 1
        assert v["verschil"] == pytest.approx(abs(wijk - soest))
        if wijk != soest:
            assert v["hoogste_naam"] == (naam if wijk > soest else heel)
            assert v["verschil_tekst"].startswith(v["hoogste_naam"]) and v["verschil_tekst"].endswith(v["laagste_naam"])
        if soest:
            assert v["afstand"] == pytest.approx(abs(wijk / soest * 100 - 100))
    assert vergeleken >= 10
    afstand = verschil["afstand"].dropna()
    assert afstand.is_monotonic_decreasing  # the largest gap from the gemeente first
