"""One tally, every page: for every wijk × opgave the count of unfavourable kernset indicators, the number judged
and 'valt op' are the same on /aandacht, in each wijkprofiel, on each opgave page, on /vergelijken, in the CSV from
the CLI, in each wijk factsheet (PDF), and (per indicator) on the map. Real data.

All 40 cells are checked in the builders each page calls (the sweeps below); through app.py, as a raadslid opens
them, /aandacht and /vergelijken show all 40 cells in one page each, and one wijkprofiel, one opgave page and one
factsheet stand for the rest in the fast loop. The remaining pages and factsheets run with --traag (CI)."""
import re

import pandas as pd
import pytest
from pypdf import PdfReader

from soest_data import db, gebieden, scoring, waarden
from soest_data.__main__ import main
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.weergave import aandacht, kaart, kaartvormen, opgaveoverzicht, wijkprofiel
from tests.conftest import snel_en_traag, teksten

WIJKEN = [f"WK03420{i}" for i in range(1, 9)]
SNEL_WIJK, SNELLE_OPGAVE = "WK034205", "bestaanszekerheid"  # Smitsveen; any cell would do
_CEL = re.compile(r"(\d+) van (\d+) ongunstig( ▼)?( — valt op)?")


@pytest.fixture(scope="module")
def uit_de_cli(echte_db, tmp_path_factory, monkeypatch_module):
    """The reference: python -m soest_data export --aandacht (default margin)."""
    monkeypatch_module.setenv("SOEST_DB", str(echte_db))
    pad = tmp_path_factory.mktemp("cli") / "aandacht.csv"
    assert main(["export", "--aandacht", str(pad)]) == 0
    tabel = pd.read_csv(pad)
    return {(r.gebied_code, r.opgave): (r.ongunstig, r.beoordeeld, r.oordeel == "valt op") for r in tabel.itertuples()}


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.fixture(scope="module")
def telling_van_de_paginas(echte_gegevens) -> pd.DataFrame:
    """The tally as ui.telling() hands it to the pages (scored with met_woorden, as ui.beoordeeld does)."""
    g = echte_gegevens
    kernset = scoring.kernsets(g.opgaven)
    oordeel = wijkprofiel.met_woorden(scoring.beoordeel_wijken(g.waarden, g.indicatoren, kernset=kernset))
    return aandacht.telling(oordeel, g.wijken, kernset)


def _uit_cel(tekst: str) -> tuple[int, int, bool]:
    if tekst.startswith("– geen gegevens"):
        return 0, 0, False
    m = _CEL.match(tekst)
    assert m, tekst
    return int(m.group(1)), int(m.group(2)), bool(m.group(4))


def test_aandacht_page_and_cli_agree(bekijk_pagina, echte_db, uit_de_cli):
    at = bekijk_pagina(echte_db, "pages/aandacht.py")
    matrix = next(d.value for d in at.dataframe if "Wijk" in d.value.columns and "Kansengelijkheid" in d.value.columns)
    codes, namen = _wijknamen(echte_db)
    naam_naar_code = dict(zip(namen, codes))
    for _, rij in matrix.iterrows():
        for opgave in VIJF_OPGAVEN:
            assert _uit_cel(rij[OPGAVEN[opgave]]) == uit_de_cli[(naam_naar_code[rij["Wijk"]], opgave)], (rij["Wijk"], opgave)


def test_every_wijkprofiel_builder_gives_the_same_counts(telling_van_de_paginas, uit_de_cli):
    for wijk in WIJKEN:
        kaarten = wijkprofiel.opgaven_in_een_oogopslag(telling_van_de_paginas, wijk)
        assert list(kaarten["opgave_id"]) == VIJF_OPGAVEN
        for _, k in kaarten.iterrows():
            assert k["gunstig"] + k["rond"] + k["ongunstig"] == k["met oordeel"]
            assert (k["ongunstig"], k["met oordeel"], k["valt op"]) == uit_de_cli[(wijk, k["opgave_id"])], \
                (wijk, k["opgave_id"])


def test_every_opgave_builder_gives_the_same_counts(telling_van_de_paginas, echte_db, uit_de_cli):
    codes, namen = _wijknamen(echte_db)
    for opgave in VIJF_OPGAVEN:
        tekst = "\n".join(opgaveoverzicht.ongunstig_zinnen(telling_van_de_paginas, opgave))
        for code, naam in zip(codes, namen):
            assert _uit_opgavezin(tekst, naam) == uit_de_cli[(code, opgave)], (opgave, naam)


def _uit_opgavezin(tekst: str, naam: str) -> tuple[int, int, bool]:
    m = re.search(rf"\*\*{re.escape(naam)}\*\* — (?:▼ (\d+) van (\d+) ongunstig[^\n]*?( — valt op)?\.|geen kernset)",
                  tekst)
    assert m, naam
    return int(m.group(1) or 0), int(m.group(2) or 0), bool(m.group(3))


@pytest.mark.parametrize("wijk", snel_en_traag(WIJKEN, [SNEL_WIJK]))
def test_every_wijkprofiel_shows_the_same_counts(bekijk_pagina, echte_db, uit_de_cli, wijk):
    tekst = teksten(bekijk_pagina(echte_db, "pages/wijkprofiel.py", wijk=wijk))
    for opgave in VIJF_OPGAVEN:
        # the opgave card (ui.opgavekaart): symbols, counts and words
        m = re.search(rf"<strong>{OPGAVEN[opgave]}</strong><div class='telling'><span class='ongunstig'>▼ (\d+)</span> "
                      rf"ongunstig<br>● (\d+) rond gemiddelde<br><span class='gunstig'>▲ (\d+)</span> gunstig</div>"
                      rf"<small>[^<,]*(?:, (\d+) van de (\d+) cijfers van de kernset met een oordeel)?</small>"
                      rf"(<br><strong>▼ valt op</strong>)?", tekst)
        assert m, (wijk, opgave)
        ongunstig, rond, gunstig = int(m.group(1)), int(m.group(2)), int(m.group(3))
        assert (ongunstig, gunstig + rond + ongunstig, bool(m.group(6))) == uit_de_cli[(wijk, opgave)], (wijk, opgave)
        assert int(m.group(4) or 0) == gunstig + rond + ongunstig  # judged, out of the kernset's size
        assert int(m.group(5) or 0) >= int(m.group(4) or 0)


@pytest.mark.parametrize("opgave", snel_en_traag(VIJF_OPGAVEN, [SNELLE_OPGAVE]))
def test_every_opgave_page_shows_the_same_counts(bekijk_pagina, echte_db, uit_de_cli, opgave):
    tekst = teksten(bekijk_pagina(echte_db, "pages/opgave.py", opgave=opgave))
    for code, naam in zip(*_wijknamen(echte_db)):
        assert _uit_opgavezin(tekst, naam) == uit_de_cli[(code, opgave)], (opgave, naam)


def test_vergelijken_shows_the_same_counts(bekijk_pagina, echte_db, uit_de_cli):
    at = bekijk_pagina(echte_db, "pages/vergelijken.py", wijken=",".join(WIJKEN))
    tabel = next(d.value for d in at.dataframe if list(d.value.columns[:1]) == ["Opgave"])
    codes, namen = _wijknamen(echte_db)
    for _, rij in tabel.iterrows():
        opgave = next(o for o in VIJF_OPGAVEN if OPGAVEN[o] == rij["Opgave"])
        for code, naam in zip(codes, namen):
            assert _uit_cel(rij[naam]) == uit_de_cli[(code, opgave)], (naam, opgave)


def test_the_map_colours_each_kernset_indicator_with_the_same_judgement(echte_db, echte_gegevens):
    g = echte_gegevens
    with db.verbinding(echte_db) as con:
        vormen = kaartvormen.kaartvormen(gebieden.geodataframe(waarden.geometrie(con, "wijk")))  # prepared once
    kernset = scoring.kernsets(g.opgaven)
    beoordeeld = scoring.beoordeel_wijken(g.waarden, g.indicatoren, kernset=kernset).set_index(
        ["indicator", "gebied_code"])["oordeel"]
    for ids in kernset.values():
        for indicator_id in ids:
            ind = g.indicator(indicator_id)
            jaar = int(g.waarden.loc[(g.waarden["indicator"] == indicator_id) & (g.waarden["niveau"] == "wijk"),
                                     "jaar"].max())
            beeld = kaart.kaartbeeld(vormen, g.waarden, ind, jaar)
            assert beeld.tov_soest, indicator_id  # the default colouring for an outcome with a direction
            for _, r in beeld.gebieden.iterrows():
                verwacht = beoordeeld.get((indicator_id, r["gebied_code"]), scoring.ONBEKEND)
                assert r["oordeel"] == verwacht, (indicator_id, r["gebied_code"])
    # care use is never coloured good or bad: the map spreads it over the wijken in a neutral scale
    zorg = kaart.kaartbeeld(vormen, g.waarden, g.indicator("wmo_clienten_per_1000_inwoners"), 2023)
    assert not zorg.tov_soest and not zorg.kan_tov_soest
    assert set(zorg.gebieden["oordeel"]) <= {scoring.HOGER, scoring.LAGER, scoring.ROND, scoring.ONBEKEND}


def _wijknamen(db_pad):
    con = db.open_readonly(db_pad)
    try:
        w = waarden.gebieden(con, "wijk")
    finally:
        con.close()
    return list(w["code"]), list(w["naam"])


@pytest.mark.parametrize("wijk", snel_en_traag(WIJKEN, [SNEL_WIJK]))
def test_every_wijk_factsheet_shows_the_same_counts(echte_db, uit_de_cli, monkeypatch, tmp_path, wijk):
    """The factsheet as a beleidsmedewerker makes it: python -m soest_data factsheet --wijk CODE --uit BESTAND."""
    monkeypatch.setenv("SOEST_DB", str(echte_db))
    pad = tmp_path / f"{wijk}.pdf"
    assert main(["factsheet", "--wijk", wijk, "--uit", str(pad)]) == 0
    tekst = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pad).pages))
    for opgave in VIJF_OPGAVEN:
        m = re.search(rf"{OPGAVEN[opgave]} (\d+) (\d+) (\d+) (\d+) (ja|nee)", tekst)
        assert m, (wijk, opgave)
        gunstig, rond, ongunstig = int(m.group(1)), int(m.group(2)), int(m.group(3))
        assert (ongunstig, gunstig + rond + ongunstig, m.group(5) == "ja") == uit_de_cli[(wijk, opgave)], (wijk, opgave)
