"""AppTest: Soest in context — Nederland and the buurgemeenten on the opgave page, the wijkprofiel and the map, and
'wat is veranderd' on the start page and the wijkprofiel; each comparison value with its source."""
import csv

from soest_data import opmaak
from tests.conftest import ECHTE_DATA, meldingen, teksten

OPGAVE = "pages/opgave.py"
PROFIEL = "pages/wijkprofiel.py"
KAART = "pages/kaart.py"


def _nederland(indicator: str, jaar: int) -> float:
    with (ECHTE_DATA / "waarden" / "vergelijk_rivm_gezondheid.csv").open(encoding="utf-8", newline="") as f:
        return next(float(r["waarde"]) for r in csv.DictReader(f)
                    if r["gebied_code"] == "NL01" and r["indicator"] == indicator and int(r["jaar"]) == jaar)


def _tabel(at, kolom: str):
    """The first table (a scrolling grid or a plain table) with this column."""
    return next(d.value for d in [*at.dataframe, *at.table] if kolom in d.value.columns)


def test_opgave_page_shows_soest_in_de_regio_in_words_chart_table_and_source(bekijk_pagina, echte_db):
    at = bekijk_pagina(echte_db, OPGAVE, opgave="bestaanszekerheid")
    assert "Soest in de regio" in [h.value for h in at.header]
    tekst = teksten(at)
    assert "Soest scoort op " in tekst and "indicatoren van deze opgave gunstiger dan Nederland" in tekst
    tabel = _tabel(at, "Soest t.o.v. Nederland")
    rij = tabel[tabel["Indicator"].str.startswith("Moeite met rondkomen (18+)")].iloc[0]
    nl = _nederland("moeite_met_rondkomen_18plus", 2020)
    assert rij["Nederland"] == opmaak.waarde_met_eenheid(nl, "%")
    assert rij["Kaart van de wijken"] == "/kaart?indicator=moeite_met_rondkomen_18plus"
    assert {"Amersfoort", "Baarn", "De Bilt", "Bunschoten", "Leusden", "Zeist"} <= set(tabel.columns)
    assert "RIVM / GGD'en / CBS, Gezondheid per wijk en buurt 2020" in tekst  # the source under the comparison


def test_wijkprofiel_puts_wijk_soest_and_nederland_side_by_side_and_says_what_changed(open_pagina, echte_db):
    at = open_pagina(echte_db, PROFIEL, wijk="WK034205", opgave="bestaanszekerheid")
    tabel = _tabel(at, "Nederland")
    rij = tabel[tabel["indicator"] == "Moeite met rondkomen (18+)"].iloc[0]
    assert (rij["wijk"], rij["Soest"]) == ("18,9 %", "11,6 %")
    assert rij["Nederland"] == opmaak.waarde_met_eenheid(_nederland("moeite_met_rondkomen_18plus", 2020), "%")
    assert at.toggle(key="profiel_referentie_nederland").value is True
    assert at.toggle(key="profiel_referentie_buren").value is False
    assert "Wat is veranderd" in [h.value for h in at.header]
    tekst = teksten(at)
    assert "Moeite met rondkomen (18+): gedaald van 25,8 % (2016) naar 18,9 % (2020)" in tekst
    assert "gelijk gebleven" in tekst and "procentpunt" in tekst
    at.toggle(key="profiel_referentie_buren").set_value(True).run()
    assert not at.exception


def test_start_page_names_the_largest_changes_per_opgave(app_op, echte_db):
    at = app_op(echte_db)
    at.run()
    assert not at.exception
    assert "Wat is veranderd" in [s.value for s in at.subheader]
    tekst = teksten(at)
    for opgave in ("Gezonde leefstijl", "Bestaanszekerheid", "Mentale weerbaarheid", "Kansengelijkheid",
                   "Meedoen en inclusie"):
        assert f"**{opgave}**" in tekst
    assert "verbeterd" in tekst and "verslechterd" in tekst and "coronaperiode" in tekst  # the source caveat


def test_map_names_nederland_beside_soest(bekijk_pagina, echte_db):
    at = bekijk_pagina(echte_db, KAART)
    nl = opmaak.waarde_met_eenheid(_nederland("moeite_met_rondkomen_18plus", 2020), "%")
    assert f"Soest: 11,6 % · Nederland: {nl}" in teksten(at)


VERGELIJKEN = "pages/vergelijken.py"
AANDACHT = "pages/aandacht.py"


def _plat(at, kolom: str, indicator: str = "Moeite met rondkomen (18+)"):
    """The plain table (st.table) with this column and a row for this indicator (each tab has its own)."""
    return next(t.value for t in at.table if kolom in t.value.columns and (t.value["Indicator"] == indicator).any())


def test_vergelijken_shows_nederland_by_default_with_its_source_and_buurgemeenten_on_request(open_pagina, echte_db):
    at = open_pagina(echte_db, VERGELIJKEN, wijken="WK034205,WK034207", opgave="bestaanszekerheid")
    assert at.toggle(key="vergelijk_referentie_nederland").value is True
    assert at.toggle(key="vergelijk_referentie_buren").value is False
    tabel = _plat(at, "Nederland")
    rij = tabel[tabel["Indicator"] == "Moeite met rondkomen (18+)"].iloc[0]
    assert rij["Nederland"] == opmaak.waarde_met_eenheid(_nederland("moeite_met_rondkomen_18plus", 2020), "%")
    assert "Amersfoort" not in tabel.columns
    tekst = teksten(at)
    assert "┃ Nederland" in tekst and "RIVM / GGD'en / CBS, Gezondheid per wijk en buurt 2020" in tekst
    telling = next(d.value for d in at.dataframe if "Opgave" in d.value.columns)
    at.toggle(key="vergelijk_referentie_buren").set_value(True).run()
    assert not at.exception
    assert {"Nederland", "Amersfoort", "Baarn", "De Bilt", "Bunschoten", "Leusden", "Zeist"} <= set(
        _plat(at, "Nederland").columns)
    # the tally is the wijken's, whatever is shown beside it
    assert next(d.value for d in at.dataframe if "Opgave" in d.value.columns).equals(telling)
    # the switch is kept in the URL (a shared link shows the buurgemeenten too); the rest of the URL is as it was
    assert dict(at.query_params) == {"wijken": "WK034205,WK034207", "opgave": "bestaanszekerheid", "buren": "ja"}


def test_aandacht_shows_nederland_beside_soest_and_the_tally_never_changes(open_pagina, echte_db):
    at = open_pagina(echte_db, AANDACHT, wijk="WK034205")
    assert at.toggle(key="aandacht_referentie_nederland").value is True
    tabel = next(d.value for d in at.dataframe if "Nederland" in d.value.columns
                 and (d.value["Indicator"] == "Moeite met rondkomen (18+)").any())
    assert list(tabel.columns[tabel.columns.get_loc("Soest"):][:2]) == ["Soest", "Nederland"]
    rij = tabel[tabel["Indicator"] == "Moeite met rondkomen (18+)"].iloc[0]
    assert rij["Nederland"] == opmaak.waarde_met_eenheid(_nederland("moeite_met_rondkomen_18plus", 2020), "%")
    assert "Gezondheid per wijk en buurt" in rij["Bron"]
    matrix = next(d.value for d in at.dataframe if "Gezonde leefstijl" in d.value.columns)
    at.toggle(key="aandacht_referentie_buren").set_value(True).run()
    assert not at.exception
    assert "Zeist" in _tabel(at, "Nederland").columns
    assert next(d.value for d in at.dataframe if "Gezonde leefstijl" in d.value.columns).equals(matrix)
    assert len(matrix) == 8  # the eight wijken, no comparison area


def test_a_shared_link_keeps_the_reference_switches(open_pagina, echte_db):
    at = open_pagina(echte_db, OPGAVE, opgave="bestaanszekerheid", nederland="nee", buren="ja")
    assert not meldingen(at)
    assert at.toggle(key="opgave_referentie_nederland").value is False
    assert at.toggle(key="opgave_referentie_buren").value is True
    at = open_pagina(echte_db, PROFIEL, wijk="WK034205", buren="misschien")
    assert at.toggle(key="profiel_referentie_buren").value is False  # the default, with a friendly notice
    assert any("buurgemeenten" in m for m in meldingen(at))
