"""Any gemeente: the main pages build for Soest (data/) and for Amersfoort (data/gemeenten/GM0307/, the same public
sources), each under its own gemeente setting, and what they say follows from that setting and its data."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from soest_data import db, gemeente, url_state
from soest_data.bronnen import bouw
from soest_data.gegevens import laad
from soest_data.weergave.blokken import Inhoud, Wijklinks

PROJECT = Path(__file__).resolve().parents[2]
GEMEENTEN = {"GM0342": (PROJECT / "data", PROJECT / "geo"),
             "GM0307": (PROJECT / "data" / "gemeenten" / "GM0307", PROJECT / "geo" / "gemeenten" / "GM0307")}
PAGINAS = ("start", "kaart", "wijkprofiel", "opgave", "vergelijken", "aandacht", "data")
WIJKCODE = re.compile(r"\bWK\d{4}[0-9A-Z]{2}\b")


@pytest.fixture(scope="module")
def databases(tmp_path_factory) -> dict[str, Path]:
    uit = {}
    for code, (data, geo) in GEMEENTEN.items():
        uit[code] = tmp_path_factory.mktemp(code) / "wijkprofielen.duckdb"
        bouw.bouw(data, geo, uit[code])
    return uit


@pytest.fixture(params=list(GEMEENTEN))
def gekozen(request, databases, monkeypatch):
    """(setting, Gegevens) of one gemeente, chosen as an administrator would: SOEST_GEMEENTE."""
    code = request.param
    monkeypatch.delenv("SOEST_DATA", raising=False)
    monkeypatch.setenv("SOEST_GEMEENTE", code)
    instelling = gemeente.huidige()
    with db.verbinding(databases[code]) as con:
        return instelling, laad(con)


def test_the_setting_names_the_gemeente_of_its_data(gekozen):
    instelling, g = gekozen
    eigen = g.gebieden[g.gebieden["niveau"] == "gemeente"]
    assert list(eigen["code"]) == [instelling.code] and list(eigen["naam"]) == [instelling.naam]
    assert set(g.gebieden.loc[g.gebieden["niveau"] == "vergelijkgemeente", "code"]) == set(instelling.buurgemeenten)
    assert g.wijknamen and all(instelling.wijkcode.match(w) for w in g.wijknamen)
    assert url_state.standaard_wijken(list(g.wijknamen)) == tuple(sorted(g.wijknamen)[:2])


@pytest.mark.parametrize("naam", PAGINAS)
def test_the_main_pages_build_for_every_gemeente(gekozen, naam):
    instelling, g = gekozen
    module = importlib.import_module(f"soest_data.weergave.paginas.{naam}")
    staten = [module.staat_uit({}, g), *module.voorbeeldstaten(g)[:2]]
    for staat in staten:
        inhoud = module.bouw(g, staat)
        assert isinstance(inhoud, Inhoud) and inhoud.titel
        tekst = inhoud.tekst()
        for fout in ("nan", "None", "NaT", "<NA>"):
            assert f" {fout} " not in f" {tekst} ".replace("\n", " "), f"{naam}: '{fout}'"
        # every wijk the page names or links is a wijk of this gemeente's data
        genoemd = set(WIJKCODE.findall(tekst)) | {c for b in inhoud.alle() if isinstance(b, Wijklinks)
                                                 for c, _ in b.wijken}
        assert genoemd <= set(g.wijknamen), f"{naam}: {genoemd - set(g.wijknamen)}"
        if not instelling.bijvoeglijk:
            assert not re.search(r"\bSoester\b", tekst)  # another gemeente's adjective never leaks in
    if naam == "start":
        assert module.bouw(g, staten[0]).titel == f"Wijkprofielen {instelling.naam}"
    if naam == "wijkprofiel":
        wijk = staten[1].wijk
        assert g.wijknamen[wijk] in module.bouw(g, staten[1]).titel
