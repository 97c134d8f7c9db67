"""A gemeente of hundreds of wijken: the pictures summarise what no one reads wijk by wijk, and say so.
TESTGEGEVENS: the wijken and values below are made up here (marked TEST); they are never shown as data."""
import random

import pandas as pd

from soest_data import scoring
from soest_data.weergave import aandacht, grafieken

WIJKEN = 150


def _rijen(wijken: int, zaad: int = 26) -> pd.DataFrame:
    rnd = random.Random(zaad)
    oordelen = list(scoring.SYMBOOL)
    return pd.DataFrame([
        {"indicator": f"test_{i}", "volgorde": i, "eenheid": "%", "label": f"TEST indicator {i}", "soest": 50.0,
         "gebied_code": f"WKTEST{w:03d}", "gebied_naam": f"TEST wijk {w}", "waarde": round(rnd.uniform(0, 100), 1),
         "oordeel": rnd.choice(oordelen)}
        for i in range(3) for w in range(wijken)])


def test_many_wijken_become_one_dot_per_stretch_of_the_scale_and_every_wijk_is_counted():
    rijen = _rijen(WIJKEN)
    records = grafieken.stippenrijen(rijen, "WKTEST007", "TEST wijk 7", WIJKEN)
    stippen = records[records["soort"] == "wijk"]
    assert len(stippen) <= 3 * (grafieken.STIPPEN_OP_EEN_SCHAAL + 1) * len(scoring.SYMBOOL)
    assert (records["soort"] == "deze").sum() == 3  # the chosen wijk keeps its own diamond on every scale
    geteld = sum(int(t.split(" wijken:")[0]) if " wijken:" in t else 1 for t in stippen["tekst"])
    assert geteld == 3 * (WIJKEN - 1)
    spec = grafieken.stippen(rijen, "WKTEST007", "TEST wijk 7")
    assert "een stip kan meer wijken zijn" in spec["title"]["text"]


def test_a_few_wijken_are_each_their_own_dot():
    wijken = grafieken.STIPPEN_PER_WIJK_TOT
    records = grafieken.stippenrijen(_rijen(wijken), "WKTEST001", "TEST wijk 1", wijken)
    assert (records["soort"] == "wijk").sum() == 3 * (wijken - 1)
    assert "een stip" not in grafieken.stippen(_rijen(wijken), "WKTEST001", "TEST wijk 1")["title"]["text"]


def test_the_matrix_shows_the_wijken_with_the_most_unfavourable_indicators_and_the_chosen_one():
    rnd = random.Random(7)
    tel = pd.DataFrame([{"gebied_code": f"WKTEST{w:03d}", "opgave": o, "ongunstig": rnd.randint(0, 4)}
                        for w in range(WIJKEN) for o in range(5)])
    laagste = tel.groupby("gebied_code")["ongunstig"].sum().idxmin()
    in_beeld = aandacht.in_de_matrix(tel, laagste)
    gekozen = set(in_beeld["gebied_code"])
    assert len(gekozen) == aandacht.WIJKEN_IN_MATRIX + 1 and laagste in gekozen
    totaal = tel.groupby("gebied_code")["ongunstig"].sum()
    drempel = sorted(totaal, reverse=True)[aandacht.WIJKEN_IN_MATRIX - 1]
    assert all(totaal[c] >= drempel for c in gekozen - {laagste})
    assert list(dict.fromkeys(in_beeld["gebied_code"])) == sorted(gekozen)  # in wijk order
    klein = tel[tel["gebied_code"].isin(sorted(totaal.index)[:aandacht.WIJKEN_IN_MATRIX])]
    assert aandacht.in_de_matrix(klein) is klein


def test_ranked_bars_show_the_highest_and_lowest_and_count_every_wijk_between():
    rijen = _rijen(WIJKEN)
    deel = rijen[rijen["indicator"] == "test_0"].copy()
    deel.loc[deel.index[:5], "waarde"] = float("nan")  # five wijken without a number
    gekozen = deel.sort_values("waarde").iloc[WIJKEN // 2]["gebied_code"]  # a wijk in the middle
    spec = grafieken.wijkstaaf(deel, 50.0, "%", uitgelicht=gekozen)
    staven = spec["datasets"]["wijken"]
    code_van = dict(zip(deel["gebied_naam"], deel["gebied_code"]))
    echte = [code_van[s["gebied_naam"]] for s in staven if s["gebied_naam"] in code_van]
    assert len(echte) == 2 * grafieken.STAVEN_AAN_ELKE_KANT + 1 and gekozen in echte
    tussen = [s["gebied_naam"] for s in staven if s["gebied_naam"] not in code_van]
    assert all(t.startswith("… ") for t in tussen)
    assert sum(int(t.split()[1]) for t in tussen) == WIJKEN - len(echte)
    assert tussen[-1].endswith("zonder cijfer")
    met = deel.dropna(subset=["waarde"]).sort_values("waarde", ascending=False)
    assert echte[:grafieken.STAVEN_AAN_ELKE_KANT] == list(met["gebied_code"][:grafieken.STAVEN_AAN_ELKE_KANT])


def test_trend_lines_of_a_large_gemeente_are_the_wijken_that_changed_most():
    from soest_data.weergave import opgaveoverzicht
    rnd = random.Random(3)
    reeks = pd.DataFrame([{"gebied_naam": f"TEST wijk {w}", "jaar": j, "waarde": rnd.uniform(0, 100),
                           "is_soest": False} for w in range(WIJKEN) for j in (2016, 2020)]
                         + [{"gebied_naam": "TEST gemeente", "jaar": j, "waarde": 50.0, "is_soest": True}
                            for j in (2016, 2020)])
    getekend = opgaveoverzicht.meest_veranderd(reeks)
    wijken = getekend[~getekend["is_soest"]]
    assert wijken["gebied_naam"].nunique() == opgaveoverzicht.TRENDLIJNEN_GROOT
    assert getekend["is_soest"].sum() == 2
    breed = reeks[~reeks["is_soest"]].pivot(index="gebied_naam", columns="jaar", values="waarde")
    verandering = (breed[2020] - breed[2016]).abs()
    assert verandering[wijken["gebied_naam"].unique()].min() >= verandering.drop(wijken["gebied_naam"].unique()).max()
    assert "die het meest veranderden" in opgaveoverzicht.trendlijnen(WIJKEN)
    assert opgaveoverzicht.trendlijnen(8) == "de 8 wijken"
