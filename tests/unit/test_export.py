"""Downloads open well in Dutch Excel: BOM, ';', decimal comma, readable columns, source and licence on every row,
missing values empty (never 0); .xlsx with numbers as numbers and a column guide; charts with title and source."""
import io

import pandas as pd
from openpyxl import load_workbook

from soest_data import export

RIJEN = pd.DataFrame({
    "gebied_code": ["WK034205", "WK034203"], "gebied_naam": ["Smitsveen", "Boerenstreek"], "niveau": ["wijk", "wijk"],
    "ouder": ["GM0342", "GM0342"], "indicator": ["moeite", "moeite"], "indicator_label": ["Moeite met rondkomen"] * 2,
    "opgave": ["bestaanszekerheid"] * 2, "jaar": [2020, 2020], "waarde": [18.9, float("nan")], "eenheid": ["%", "%"],
    "relatief": ["", ""], "status": ["", "afgeschermd"], "bron": ["rivm", "rivm"], "bron_titel": ["Gezondheid per wijk"] * 2,
    "bron_uitgever": ["RIVM"] * 2, "bron_url": ["https://x"] * 2, "licentie": ["CC BY 4.0"] * 2,
    "berekend": [False, True], "citaat": ["tabel 1", "tabel 1"],
})  # made up for this test


def test_readable_columns_words_and_missing_stays_empty():
    tabel = export.leesbaar(RIJEN)
    assert list(tabel.columns[:8]) == ["Gebied", "Gebiedscode", "Niveau", "Opgave", "Indicator", "Indicator-id", "Jaar",
                                       "Waarde"]
    assert {"Eenheid", "Bron", "Licentie", "Uitgever", "Berekend door ons"} <= set(tabel.columns)
    assert "ouder" not in tabel and "bron_url" not in tabel
    assert tabel.loc[0, "Opgave"] == "Bestaanszekerheid" and tabel.loc[1, "Berekend door ons"] == "ja"
    assert pd.isna(tabel.loc[1, "Waarde"]) and tabel.loc[1, "Waarom geen cijfer"] == "afgeschermd (te klein aantal)"
    assert (tabel["Licentie"] == "CC BY 4.0").all()


def test_csv_for_dutch_excel_has_bom_semicolons_and_decimal_comma():
    inhoud = export.csv_excel(export.leesbaar(RIJEN))
    assert inhoud.startswith(b"\xef\xbb\xbf")
    tekst = inhoud.decode("utf-8-sig")
    kop, eerste, tweede = tekst.splitlines()[:3]
    assert kop.split(";")[:3] == ["Gebied", "Gebiedscode", "Niveau"]
    assert "18,9" in eerste.split(";") and "18.9" not in eerste
    assert tweede.split(";")[7] == ""   # missing: empty, never 0
    terug = pd.read_csv(io.BytesIO(inhoud), sep=";", decimal=",", encoding="utf-8-sig")
    assert terug.loc[0, "Waarde"] == 18.9 and terug.loc[0, "Gebied"] == "Smitsveen"


def test_xlsx_has_numbers_as_numbers_and_a_column_guide():
    wb = load_workbook(io.BytesIO(export.xlsx(export.leesbaar(RIJEN), "Moeite met rondkomen", ["Bron: RIVM"])))
    blad = wb["Cijfers"]
    kop = [c.value for c in blad[1]]
    assert blad.cell(2, kop.index("Waarde") + 1).value == 18.9
    assert blad.cell(3, kop.index("Waarde") + 1).value is None
    over = [r[0].value for r in wb["Toelichting"].iter_rows()]
    assert over[0] == "Moeite met rondkomen" and "Bron: RIVM" in over and "Licentie" in over


def test_parquet_round_trip_and_the_guide_names_every_readable_column():
    tabel = export.leesbaar(RIJEN)
    assert pd.read_parquet(io.BytesIO(export.parquet(tabel)))["Waarde"].iloc[0] == 18.9
    assert set(export.kolomgids()["Kolom"]) == set(export.KOLOMMEN.values())


def test_a_downloaded_chart_carries_its_title_and_source():
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "data": {"values": [{"a": 1, "b": 2}]},
            "mark": "bar", "encoding": {"x": {"field": "a", "type": "quantitative"}}}
    volledig = export.grafiek_met_bron(spec, "Moeite met rondkomen", "Bron: RIVM (CC BY 4.0)")
    svg = export.grafiek_svg(volledig).decode()
    assert "Moeite met rondkomen" in svg and "Bron: RIVM (CC BY 4.0)" in svg
    assert export.grafiek_png(volledig).startswith(b"\x89PNG")


def test_a_chart_that_fills_the_page_gets_a_size_in_the_picture():
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "width": "container",
            "data": {"values": [{"a": 1}]}, "mark": "bar", "encoding": {"x": {"field": "a", "type": "quantitative"}}}
    lang = "Bron: " + "; ".join(f"Uitgever {i}, een lange titel van bron {i} (CC BY 4.0)" for i in range(6))
    volledig = export.grafiek_met_bron(spec, "Titel", lang)
    assert volledig["width"] == 720 and len(volledig["title"]["subtitle"]) > 1
    assert 'width="7' in export.grafiek_svg(volledig).decode()[:400]


def test_a_figure_without_a_known_year_is_never_downloaded_with_the_year_it_is_filed_under():
    rijen = pd.DataFrame({"gebied_code": ["GM0342", "GM0342"], "indicator": ["a", "b"], "jaar": [2023, 2020],
                          "waarde": [3.3, 11.6], "meetjaar": ["onbekend, vóór 2024", ""]})
    leesbaar = export.leesbaar(rijen)
    assert list(leesbaar["Jaar"]) == ["onbekend, vóór 2024", 2020]
    assert "meetjaar" not in leesbaar.columns
