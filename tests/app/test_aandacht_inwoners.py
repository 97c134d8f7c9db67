"""AppTest of 'Aandacht per opgave' and 'Inwoners aan het woord', through app.py, on test and on real data."""
from __future__ import annotations

import pandas as pd
import pytest
import yaml

from soest_data import onthulling, opmaak
from soest_data.begrippen import AFGESCHERMD
from tests.conftest import ECHTE_DATA, FIXTURE_DATA, meldingen

AFWEGINGSVRAAG = "Draagt het bij aan een wijk of doelgroep die extra aandacht vereist?"


def _aandacht(open_pagina, db, **query):
    return open_pagina(db, "pages/aandacht.py", **query)


def _inwoners(open_pagina, db, **query):
    return open_pagina(db, "pages/inwoners.py", **query)


def _tekst(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [i.value for i in at.info] + meldingen(at) + [c.value for c in at.caption])


def _tabel(at, kolom: str) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if kolom in d.value.columns)


def _grafiekdata(at) -> list[pd.DataFrame]:
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
    return [convert_arrow_bytes_to_pandas_df(d.data.data) for g in at.get("vega_lite_chart") for d in g.proto.datasets]


# --- Aandacht per opgave --------------------------------------------------------------------------------------------

def test_aandacht_states_the_question_the_rule_and_that_it_is_a_signal(open_pagina, fixture_db):
    at = _aandacht(open_pagina, fixture_db)
    assert at.title[0].value == "Aandacht per opgave"
    tekst = _tekst(at)
    assert AFWEGINGSVRAAG in tekst
    assert "signaal, geen oordeel" in tekst
    assert "meer dan **10 %**" in tekst          # the rule with the default margin
    assert "Modelschattingen" in tekst and "Verschillende jaren" in tekst and "Uitspraken zonder getal" in tekst
    assert at.slider[0].value == 10


def test_aandacht_matrix_in_words_matches_the_test_data(open_pagina, fixture_db):
    at = _aandacht(open_pagina, fixture_db)
    matrix = _tabel(at, "Bestaanszekerheid").set_index("Wijk")
    # Smitsveen: moeite 18,9 vs 11,6 and bijstand per 1.000 61 vs 21 unfavourable; 'personen met bijstand'
    # (an absolute count in 'aantal personen') is not judged against the Soest total, so it does not count.
    assert matrix.loc["Smitsveen", "Bestaanszekerheid"] == "2 van 2 ongunstig ▼ — valt op"
    # Soest-Zuid's bijstand (40, the smallest other wijk) is hidden as a complement of Boerenstreek's 5, or Soest
    # minus the other wijken would give the 5 back; its rate per 1.000 follows (onthulling rules 2 and 3).
    assert matrix.loc["Soest-Zuid", "Bestaanszekerheid"] == "0 van 1 ongunstig (1 zonder gegevens)"
    assert matrix.loc["Smitsveen", "Mentale weerbaarheid"] == "1 van 1 ongunstig ▼"         # relative 'hoger'
    assert matrix.loc["Boerenstreek", "Mentale weerbaarheid"] == "– geen gegevens"          # status 'onbekend'
    assert matrix.loc["Smitsveen", "Kansengelijkheid"] == "– geen gegevens"
    chart = _grafiekdata(at)[0]
    assert len(chart) == 8 * 5
    assert set(chart["tekst"]) == set(matrix.to_numpy().ravel())


def test_aandacht_highlights_a_wijk_from_the_url_with_its_indicators(open_pagina, fixture_db):
    at = _aandacht(open_pagina, fixture_db, wijk="WK034205")
    assert at.selectbox(key="aandacht_wijk").value == "WK034205"
    assert any(s.value == "Smitsveen: de opgaven op een rij" for s in at.subheader)
    tekst = _tekst(at)
    assert "**Bestaanszekerheid** — 2 van 2 ongunstig ▼ — valt op: Test moeite met rondkomen, " \
           "Test bijstand per 1.000 inwoners" in tekst
    open_ = [e for e in at.expander if e.label.startswith("Bestaanszekerheid —")]
    assert open_ and open_[0].proto.expanded
    details = open_[0].dataframe[0].value
    assert list(details["Oordeel"][:2]) == ["▼ ongunstig", "▼ ongunstig"]
    assert details.iloc[0]["Wijk-waarde"] == "18,9 %" and details.iloc[0]["Soest"] == "11,6 %"
    chart = _grafiekdata(at)[0]
    assert set(chart.loc[chart["uitgelicht"], "wijk"]) == {"◆ Smitsveen"}


def test_aandacht_margin_from_the_url_and_the_slider_changes_the_count(open_pagina, fixture_db):
    at = _aandacht(open_pagina, fixture_db, marge="50")
    assert at.slider[0].value == 50
    assert "meer dan **50 %**" in _tekst(at)
    matrix = _tabel(at, "Bestaanszekerheid").set_index("Wijk")
    # moeite +7,3 procentpunt is within 12,5 (50 % × 25); bijstand per 1.000 +195 % is still more than 50 % from
    # Soest; sporters −11 procentpunt not
    assert matrix.loc["Smitsveen", "Bestaanszekerheid"].startswith("1 van 2")
    assert "meer dan **12,5 procentpunt**" in _tekst(at)
    assert matrix.loc["Smitsveen", "Gezonde leefstijl"] == "0 van 1 ongunstig"
    at.slider[0].set_value(10).run()
    assert "marge" not in at.query_params          # the default margin needs no parameter
    matrix = _tabel(at, "Bestaanszekerheid").set_index("Wijk")
    assert matrix.loc["Smitsveen", "Gezonde leefstijl"] == "1 van 1 ongunstig ▼"


def test_aandacht_choosing_a_wijk_puts_it_in_the_url(open_pagina, fixture_db):
    at = _aandacht(open_pagina, fixture_db)
    at.selectbox(key="aandacht_wijk").select("WK034207").run()
    assert at.query_params["wijk"] == "WK034207"
    assert any(s.value == "Soest-Zuid: de opgaven op een rij" for s in at.subheader)


@pytest.mark.parametrize("query", [{"wijk": "<script>"}, {"marge": "17"}, {"marge": "-5"}])
def test_aandacht_unknown_url_values_fall_back_with_a_notice(open_pagina, fixture_db, query):
    at = _aandacht(open_pagina, fixture_db, **query)
    assert any("Onbekende" in m for m in meldingen(at))
    assert at.slider[0].value == 10


def test_aandacht_on_real_data_smitsveen_on_one_page(open_pagina, echte_db):
    at = _aandacht(open_pagina, echte_db, wijk="WK034205")
    assert any(s.value == "Smitsveen: de opgaven op een rij" for s in at.subheader)
    matrix = _tabel(at, "Bestaanszekerheid").set_index("Wijk")
    assert len(matrix) == 8
    assert "valt op" in matrix.loc["Smitsveen", "Bestaanszekerheid"]
    assert matrix.loc["Soest-Zuid", "Bestaanszekerheid"].startswith("0 van")
    # every cell in words, none empty
    assert matrix.map(lambda c: isinstance(c, str) and ("ongunstig" in c or "geen gegevens" in c)).all().all()


# --- Inwoners aan het woord -----------------------------------------------------------------------------------------

def _verwacht(enquete: dict) -> list[tuple[str, str, str]]:
    """(vraag, antwoord, figure) straight from the data file after disclosure control, formatted independently of
    the page code."""
    uit = []
    for v in enquete["vragen"]:
        for a in v["antwoorden"]:
            getal = opmaak.getal(float(a["waarde"])) if a["waarde"] is not None else ""
            if a.get("status") == AFGESCHERMD:
                figuur = "afgeschermd (te klein aantal)"
            elif v["eenheid"].startswith("rapportcijfer"):
                figuur = getal
            elif v["eenheid"].startswith("%"):
                figuur = f"{getal} %"
            else:
                figuur = f"{getal} {v['eenheid']}"
            uit.append((v["vraag"], str(a["antwoord"]), figuur))
    return uit


def _controleer_alle_cijfers(at, bestand: dict) -> None:
    """Every figure of the data file on the page, as the disclosure control (onthulling rule 5) leaves it."""
    enquete = onthulling.enquete(bestand)
    verwacht = _verwacht(enquete)
    tabel = _tabel(at, "Uitkomst")
    assert list(zip(tabel["Vraag"], tabel["Antwoord"], tabel["Uitkomst"])) == verwacht
    # the sentence under each chart
    zinnen = [c.value for c in at.caption if c.value.startswith("In woorden: ")]
    per_vraag = {}
    for vraag, antwoord, figuur in verwacht:
        per_vraag.setdefault(vraag, []).append(f"{antwoord}: {figuur}")
    assert sorted(zinnen) == sorted("In woorden: " + "; ".join(d) + "." for d in per_vraag.values())
    # the bars: the same numbers as the file, nothing added or rounded
    staven = [d for d in _grafiekdata(at) if "antwoord" in d.columns]
    getoond = [(a, None if pd.isna(w) else w) for d in staven for a, w in zip(d["antwoord"], d["waarde"])]
    uit_bestand = [(str(a["antwoord"]), None if a["waarde"] is None else float(a["waarde"]))
                   for v in enquete["vragen"] for a in v["antwoorden"]]
    assert sorted(getoond, key=str) == sorted(uit_bestand, key=str)
    # respondents per question
    tekst = _tekst(at)
    for v in enquete["vragen"]:
        if v.get("n") is not None and v["n"] != enquete["n"]:
            assert f"Beantwoord door **{opmaak.getal(v['n'])}** van de {opmaak.getal(enquete['n'])}" in tekst


def test_inwoners_every_survey_figure_equals_the_test_file(open_pagina, fixture_db):
    enquete = yaml.safe_load((FIXTURE_DATA / "enquete.yaml").read_text(encoding="utf-8"))["enquete"]
    at = _inwoners(open_pagina, fixture_db)
    _controleer_alle_cijfers(at, enquete)
    # an answer that stands for fewer than 10 participants (percentage × n) is there, but only as 'afgeschermd'
    klein = [(v["vraag"], a["antwoord"]) for v in enquete["vragen"] if v.get("n") for a in v["antwoorden"]
             if 0 < a["waarde"] * v["n"] / 100 < onthulling.DREMPEL]
    assert klein
    tabel = _tabel(at, "Uitkomst").set_index(["Vraag", "Antwoord"])
    assert all(tabel.loc[k, "Uitkomst"] == "afgeschermd (te klein aantal)" for k in klein)


def test_inwoners_shows_n_caveats_respondents_per_wijk_and_source(open_pagina, fixture_db):
    at = _inwoners(open_pagina, fixture_db)
    tekst = _tekst(at)
    assert "**200 inwoners**" in tekst
    assert "zelfselectie" in tekst
    assert "meer dan 100 %" in tekst
    assert "Soesterberg 30 %" in tekst and "Smitsveen 5 %" in tekst
    assert "Het rapport noemt niet hoeveel van de 200 deelnemers" in tekst
    wijken = _tabel(at, "Deel van de deelnemers")
    assert len(wijken) == 8 and (wijken["Deel van de deelnemers"] == "niet genoemd in het rapport").sum() == 5
    assert any("Verzonnen testcijfers</a>, Testrapport, bijlage T" in m.value for m in at.markdown)


def test_inwoners_voices_per_opgave_with_source(open_pagina, fixture_db):
    at = _inwoners(open_pagina, fixture_db)
    tekst = _tekst(at)
    assert "**Smitsveen** · Veiligheid — Testjongeren zeggen" in tekst
    assert "**Heel Soest** · Samen — Testinwoners willen" in tekst
    assert "Testschets" not in tekst                   # a situatieschets is no resident voice
    assert "Testrapport, bijlage T, Smitsveen" in tekst  # source line under the stories


def test_inwoners_filters_from_the_url(open_pagina, fixture_db):
    at = _inwoners(open_pagina, fixture_db, opgave="mentale_weerbaarheid", wijk="WK034205")
    assert at.selectbox(key="inwoners_opgave").value == "mentale_weerbaarheid"
    tekst = _tekst(at)
    assert "Testjongeren zeggen" in tekst
    assert "testtunnel" not in tekst and "testbuurthuis" not in tekst
    vragen = _tabel(at, "Uitkomst")
    assert set(vragen["Vraag"]) == {"Welk testcijfer geeft u uw leven?"}


def test_inwoners_choosing_filters_updates_the_url_and_says_when_nothing_is_there(open_pagina, fixture_db):
    at = _inwoners(open_pagina, fixture_db)
    at.selectbox(key="inwoners_opgave").select("kansengelijkheid").run()
    assert at.query_params["opgave"] == "kansengelijkheid"
    tekst = _tekst(at)
    assert "Geen vragen uit de enquête bij de opgave Kansengelijkheid" in tekst
    assert "Voor Kansengelijkheid zijn nog geen uitspraken van inwoners opgenomen." in tekst
    at.selectbox(key="inwoners_wijk").select("WK034208").run()
    assert at.query_params["wijk"] == "WK034208"


@pytest.mark.parametrize("query", [{"opgave": "<b>x</b>"}, {"wijk": "WK999999"}])
def test_inwoners_unknown_url_values_fall_back_with_a_notice(open_pagina, fixture_db, query):
    at = _inwoners(open_pagina, fixture_db, **query)
    assert any("Onbekende" in m for m in meldingen(at))


@pytest.mark.skipif(not (ECHTE_DATA / "enquete.yaml").exists(), reason="data/enquete.yaml is er nog niet")
def test_inwoners_every_survey_figure_equals_the_real_file(open_pagina, echte_db):
    enquete = yaml.safe_load((ECHTE_DATA / "enquete.yaml").read_text(encoding="utf-8"))["enquete"]
    at = _inwoners(open_pagina, echte_db)
    _controleer_alle_cijfers(at, enquete)
    assert f"**{opmaak.getal(enquete['n'])} inwoners**" in _tekst(at)


@pytest.mark.skipif(not (ECHTE_DATA / "verhalen.yaml").exists(), reason="data/verhalen.yaml is er nog niet")
def test_inwoners_real_voices_for_smitsveen(open_pagina, echte_db):
    verhalen = yaml.safe_load((ECHTE_DATA / "verhalen.yaml").read_text(encoding="utf-8"))["verhalen"]
    smitsveen = [v for v in verhalen if v["gebied"] == "WK034205" and v["soort"] == "inwoners"]
    at = _inwoners(open_pagina, echte_db, wijk="WK034205")
    tekst = _tekst(at)
    for v in smitsveen:
        assert " ".join(v["tekst"].split()) in " ".join(tekst.split())


def test_aandacht_sets_the_tally_beside_what_the_wijkprofielen_say(open_pagina, echte_db):
    at = _aandacht(open_pagina, echte_db)
    tekst = _tekst(at)
    assert "Telling en tekst zijn het eens in **" in tekst
    assert '"Samenvattend is de bestaanszekerheid in deze wijk het laagst van heel Soest."' in tekst
    assert "✘ telling en tekst verschillen" in tekst and "✔ telling en tekst zijn het eens" in tekst
    knoppen = [k for k in at.get("download_button") if "machineleesbaar" in k.proto.label]
    assert knoppen
