"""Survey frames, charts and texts; resident voices filtered by opgave and wijk."""
import pandas as pd
import yaml

from soest_data import onthulling
from soest_data.weergave import enquete
from tests.conftest import FIXTURE_DATA

ENQUETE = yaml.safe_load((FIXTURE_DATA / "enquete.yaml").read_text(encoding="utf-8"))["enquete"]
VERHALEN = pd.DataFrame(yaml.safe_load((FIXTURE_DATA / "verhalen.yaml").read_text(encoding="utf-8"))["verhalen"])
GEBIEDEN = pd.read_csv(FIXTURE_DATA / "gebieden.csv")


def test_every_answer_of_every_question_becomes_a_row_in_file_order():
    frame = enquete.vragen(ENQUETE)
    verwacht = [(v["vraag"], a["antwoord"], float(a["waarde"])) for v in ENQUETE["vragen"] for a in v["antwoorden"]]
    assert list(zip(frame["vraag"], frame["antwoord"], frame["waarde"])) == verwacht
    assert frame.loc[frame["vraag_id"] == "test_belangrijk", "opgave"].eq(enquete.ALGEMEEN).all()
    assert frame.loc[frame["vraag_id"] == "test_belangrijk", "n"].isna().all()


def test_figures_in_dutch_notation_with_unit():
    assert enquete.waarde_tekst(52.5, "%") == "52,5 %"
    assert enquete.waarde_tekst(87, "%") == "87 %"
    assert enquete.waarde_tekst(7.5, "rapportcijfer") == "7,5"
    assert enquete.waarde_tekst(35, "respondenten") == "35 respondenten"
    assert enquete.waarde_tekst(None, "%") == "geen gegevens"


def test_number_of_respondents_per_question_in_words():
    assert enquete.n_tekst(248, 263) == "Beantwoord door **248** van de 263 deelnemers."
    assert enquete.n_tekst(263, 263) == "Beantwoord door **263** deelnemers."
    assert "noemt niet" in enquete.n_tekst(pd.NA, 263)


def test_question_chart_prints_every_figure_and_uses_a_fixed_scale():
    frame = enquete.vragen(ENQUETE)
    rijen = frame[frame["vraag_id"] == "test_nodig"]
    spec = enquete.vraaggrafiek(rijen)
    data = next(iter(spec["datasets"].values()))
    assert [d["waarde_tekst"] for d in data] == ["52,5 %", "41 %", "28 %"]
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0, 100.0]
    # in the report's order; a long answer over lines (Vega does not wrap)
    assert [a.replace("\n", " ") for a in spec["layer"][0]["encoding"]["y"]["sort"]] == [
        "meer ontmoetingsplekken", "toegankelijkere voorzieningen", "iets anders"]
    assert all(len(regel) <= enquete.ANTWOORD_TEKENS or " " not in regel
               for a in spec["layer"][0]["encoding"]["y"]["sort"] for regel in a.split("\n"))
    cijfer = enquete.vraaggrafiek(frame[frame["vraag_id"] == "test_rapportcijfer"])
    assert cijfer["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0, 10]


def test_table_alternative_has_the_same_figures():
    frame = enquete.vragen(ENQUETE)
    alles = enquete.alle_vragen_tabel(frame)
    meedoen = alles[frame["vraag_id"] == "test_meedoen"]
    assert meedoen[["Antwoord", "Uitkomst"]].to_dict("records") == [{"Antwoord": "ja", "Uitkomst": "85 %"},
                                                                     {"Antwoord": "nee", "Uitkomst": "15 %"}]
    assert len(alles) == len(frame)
    assert set(alles["Aantal deelnemers"]) == {"200", "30", "niet genoemd"}


def test_respondents_per_wijk_only_the_shares_the_report_gives():
    tabel = enquete.per_wijk(ENQUETE, GEBIEDEN)
    assert len(tabel) == 8
    assert list(tabel["Wijk"][:3]) == ["Soesterberg", "'t Hart-Soestdijk", "Smitsveen"]
    assert list(tabel["Deel van de deelnemers"][:3]) == ["30 %", "20 %", "5 %"]
    assert (tabel["Deel van de deelnemers"][3:] == "niet genoemd in het rapport").all()
    spec = enquete.wijkgrafiek(tabel).to_dict()
    assert len(next(iter(spec["datasets"].values()))) == 3


def test_caveats_always_include_self_selection_and_multiple_answers():
    eigen = enquete.voorbehouden(ENQUETE)
    assert eigen[0].startswith("Testvoorbehoud")
    assert sum("zelf" in v for v in eigen) == 1       # not added twice
    assert any("meer dan 100 %" in v for v in eigen)
    assert len(enquete.voorbehouden({})) == 2


def test_voices_are_only_residents_and_filter_by_opgave_and_area():
    alle = enquete.stemmen(VERHALEN)
    assert len(alle) == 5 and set(alle["soort"]) == {"inwoners"}
    assert list(enquete.stemmen(VERHALEN, "mentale_weerbaarheid")["gebied"]) == ["WK034205", "WK034206"]
    assert list(enquete.stemmen(VERHALEN, gebied="WK034205")["thema"]) == ["Veiligheid"]
    assert list(enquete.stemmen(VERHALEN, enquete.ALGEMEEN)["gebied"]) == ["GM0342"]
    assert enquete.stemmen(VERHALEN, "kansengelijkheid").empty


def test_opgaven_in_fixed_order_with_general_last():
    alle = enquete.stemmen(VERHALEN)
    assert enquete.opgaven_in_volgorde(alle) == ["bestaanszekerheid", "mentale_weerbaarheid", "meedoen_inclusie",
                                                 enquete.ALGEMEEN]


def test_voice_line_names_the_area_and_theme():
    regel = enquete.stem_regel(VERHALEN.iloc[0], {"WK034205": "Smitsveen"})
    assert regel.startswith("**Smitsveen** · Veiligheid — Testjongeren")


def test_empty_survey_gives_empty_frames():
    assert enquete.vragen({}).empty
    assert enquete.per_wijk({}, GEBIEDEN)["aandeel"].isna().all()


def test_a_hidden_answer_and_share_read_afgeschermd_never_no_data():
    """TESTGEGEVENS: 5 % of 100 is 5 people (and 95 % then gives it back); 4 % of 100 participants live in a wijk."""
    publiek = onthulling.enquete({
        "n": 100, "respondenten_per_wijk": [{"gebied": "WK034201", "aandeel": 4}],
        "vragen": [{"id": "v", "vraag": "Testvraag", "eenheid": "%", "n": 100, "meerdere_antwoorden": False,
                    "antwoorden": [{"antwoord": "ja", "waarde": 95}, {"antwoord": "nee", "waarde": 5}],
                    "citaat": "95 procent ja, 5 procent nee"}]})
    frame = enquete.vragen(publiek)
    assert list(frame["waarde_tekst"]) == ["afgeschermd (te klein aantal)"] * 2
    assert frame["waarde"].isna().all() and frame["citaat"].iloc[0] == "[afgeschermd] procent ja, [afgeschermd] procent nee"
    tabel = enquete.per_wijk(publiek, GEBIEDEN).set_index("gebied_code")
    assert tabel.loc["WK034201", "Deel van de deelnemers"] == "afgeschermd (te klein aantal)"
