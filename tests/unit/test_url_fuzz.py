"""Fuzz: every page's URL parameters with 1,000 random and hostile values. Parsing never raises, always lands on an
allowed value, and the notice quotes the visitor's text as it is, in plain text (ui.meldingen shows it as text; the
browser test tests/browser/test_url_letterlijk_browser.py shows that no link, image or icon comes of it).
The fast loop takes the hand-picked hostile values and the first random ones (200 in all); --traag all 1,000."""
from __future__ import annotations

import random
import unicodedata

import pytest

from soest_data import url_state

WIJKEN = [f"WK0342{i:02d}" for i in range(1, 9)]
INDICATOREN = ["moeite_met_rondkomen_18plus", "eenzaam_18plus", "inwoners"]
OPGAVEN = ["gezonde_leefstijl", "bestaanszekerheid", "mentale_weerbaarheid", "kansengelijkheid", "meedoen_inclusie"]
JAREN = [2016, 2020, 2023]
AANTAL = 1000

VIJANDIG = [
    "[Log hier in](https://phish.example)", "![x](https://tracker.example/p.png)", "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>", "https://phish.example", "www.phish.example", "phish@example.com", "²", "٣",
    "１２", "2020²", "²⁰²⁰", "-1", "1e3", "0x7e4", " 2020 ", "2020\n", "`code`", "``", "a`b``c", "$x^2$", ":red[rood]",
    ":material/home:", "**vet**", "# kop", "> citaat", "| a | b |", "\\", "\x00", "\u202e2020", "\u200b", "😀" * 50,
    "'; drop table waarden; --", "../../etc/passwd", "%00", "%3Cscript%3E", "WK034205,WK034205", ",,,", "WK034205,",
    "a" * 100_000, "[" * 5000, "*" * 5000, "<" * 5000, "WK034205" * 1000,
]


def _waarden() -> list[str]:
    rnd = random.Random(20261126)
    alfabet = "abcXYZ019²³¹٠١٢۳१२३１２３ \t\n[]()!<>`*_~:#|\\/\"'&;%$@.,-+=?😀\u202e\u200b\x00"
    uit = list(VIJANDIG)
    while len(uit) < AANTAL:
        lengte = rnd.choice([1, 2, 4, 8, 40, 200])
        uit.append("".join(rnd.choice(alfabet) for _ in range(lengte)))
    return uit


WAARDEN = _waarden()


def _letterlijk(melding: str | None, waarde: str) -> None:
    """The notice quotes the visitor's text as it is: only control and format characters go, long text is cut."""
    if melding is None:
        return
    assert not any(unicodedata.category(c)[0] == "C" for c in melding), melding[:80]
    assert any(url_state.letterlijk(waarde, n) in melding for n in (10, 40, 60)), (waarde[:40], melding[:80])


# One entry per page parameter: how the page parses it.
PARAMETERS = {
    "kaart.indicator": lambda p: url_state.kies(p, "x", INDICATOREN, INDICATOREN[0], "indicator"),
    "kaart.niveau": lambda p: url_state.kies(p, "x", ["wijk", "buurt"], "wijk", "kaartlaag"),
    "kaart.jaar": lambda p: url_state.kies_jaar({"jaar": p["x"]}, JAREN, JAREN[-1]),
    "wijkprofiel.wijk": lambda p: url_state.kies(p, "x", WIJKEN, None, "wijk"),
    "wijkprofiel.opgave": lambda p: url_state.kies(p, "x", OPGAVEN, OPGAVEN[0], "opgave"),
    "opgave.opgave": lambda p: url_state.kies(p, "x", OPGAVEN, OPGAVEN[0], "opgave"),
    "vergelijken.wijken": lambda p: url_state.kies_meerdere(p, "x", WIJKEN, url_state.standaard_wijken(WIJKEN), "wijken"),
    "vergelijken.soest": lambda p: url_state.kies(p, "x", ["ja", "nee"], "nee", "keuze"),
    "aandacht.marge": lambda p: url_state.kies(p, "x", [str(m) for m in range(0, 55, 5)], "10", "marge"),
    "inwoners.opgave": lambda p: url_state.kies(p, "x", [*OPGAVEN, "algemeen"], None, "opgave"),
    "data.indicator": lambda p: url_state.kies(p, "x", INDICATOREN, None, "indicator"),
}
TOEGESTAAN = {
    "kaart.indicator": INDICATOREN, "kaart.niveau": ["wijk", "buurt"], "kaart.jaar": JAREN,
    "wijkprofiel.wijk": [None, *WIJKEN], "wijkprofiel.opgave": OPGAVEN, "opgave.opgave": OPGAVEN,
    "vergelijken.soest": ["ja", "nee"], "aandacht.marge": [str(m) for m in range(0, 55, 5)],
    "inwoners.opgave": [None, *OPGAVEN, "algemeen"], "data.indicator": [None, *INDICATOREN],
}


@pytest.mark.parametrize("naam", list(PARAMETERS))
def test_elke_parameter_overleeft_de_vijandige_en_200_willekeurige_waarden(naam):
    _overleeft(naam, WAARDEN[:200])  # the hand-picked hostile values come first


@pytest.mark.traag
@pytest.mark.parametrize("naam", list(PARAMETERS))
def test_elke_parameter_overleeft_1000_vijandige_waarden(naam):
    _overleeft(naam, WAARDEN)


def _overleeft(naam: str, waarden_: list[str]) -> None:
    parse = PARAMETERS[naam]
    for waarde in waarden_:
        for params in ({"x": waarde}, {"x": [waarde, waarde]}):  # a repeated parameter arrives as a list
            keuze = parse(params)
            if naam == "vergelijken.wijken":
                assert set(keuze.waarde) <= set(WIJKEN) and len(keuze.waarde) >= 2
            else:
                assert keuze.waarde in TOEGESTAAN[naam], (naam, waarde[:40], keuze.waarde)
            _letterlijk(keuze.melding, waarde)
            assert keuze.melding is None or len(keuze.melding) < 400


def test_letterlijk_houdt_de_tekst_letterlijk_en_kort():
    assert url_state.letterlijk("[Log hier in](https://x)") == "„[Log hier in](https://x)”"
    assert url_state.letterlijk(" a\x00b\u202ec\n") == "„a b c”"
    assert url_state.letterlijk("x" * 500).endswith("…”") and len(url_state.letterlijk("x" * 500)) < 50
    assert url_state.kies_jaar({"jaar": "²"}, JAREN, 2023).waarde == 2023
