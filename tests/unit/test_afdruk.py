"""What a page puts on paper (issue 23): `Alleen(SCHERM)` stays off a print, `Alleen(PAPIER)` is only on it, in the
app (ui/static/stijl.css) and in the static edition (site.css). The page counts themselves are measured in
tests/browser/test_afdruk_browser.py."""
from __future__ import annotations

from soest_data.weergave import html
from soest_data.weergave.blokken import PAPIER, SCHERM, Alleen, Figuur, Tekst, Uitklap
from soest_data.weergave.paginas import wijkprofiel


def _op_papier(blokken):
    """The blocks a print shows: everything except what lies inside an Alleen(SCHERM), nested blocks included."""
    for blok in blokken:
        if isinstance(blok, Alleen) and blok.op == SCHERM:
            continue
        yield blok
        for veld in ("blokken", "breed"):
            yield from _op_papier(getattr(blok, veld, ()) or ())
        for deel in getattr(blok, "delen", ()) or ():
            yield from _op_papier(deel[1] if isinstance(deel[0], str) else deel)


def test_the_printed_wijkprofiel_has_no_chart_or_long_table_and_says_where_they_are(echte_gegevens):
    g = echte_gegevens
    inhoud = wijkprofiel.bouw(g, wijkprofiel.voorbeeldstaten(g)[0])
    papier = list(_op_papier(inhoud.blokken))
    # a still picture (the small locator map, an <img>) prints as it is; no chart takes paper
    assert not [b for b in papier if isinstance(b, Figuur) and b.svg is None]
    assert not [b.titel for b in papier if isinstance(b, Uitklap)]  # 'Alle cijfers…', 'Alle veranderingen…'
    notities = [t.tekst for b in inhoud.alle(Alleen) if b.op == PAPIER for t in b.blokken if isinstance(t, Tekst)]
    assert any("Factsheet (PDF)" in t for t in notities)
    assert inhoud.alle(Figuur)  # on screen everything is still there


def test_the_static_edition_marks_each_medium():
    uit = html.blok(Alleen(PAPIER, (Tekst("Alleen op papier"),)), None)
    assert uit.startswith('<div class="alleen-papier">') and "Alleen op papier" in uit
    assert html.blok(Alleen(SCHERM, ()), None) == '<div class="alleen-scherm"></div>'
