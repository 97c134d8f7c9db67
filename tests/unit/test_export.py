"""Downloads open well in Dutch Excel: BOM, ';', decimal comma, readable columns, source and licence on every row,
missing values empty (never 0); .xlsx with numbers as numbers and a column guide; charts with title and source."""
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from soest_data import db, export
from soest_data.bronnen import uitwisseling
from soest_data.gegevens import laad

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
    assert set(export.kolomgids()["Kolom"]) == set(export.KOLOMMEN.values()) | {"Jaar in woorden"}


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


# A display table as a page shows it (made up for this test): numbers already as text in Dutch notation.
GETOOND = pd.DataFrame({"Indicator": ["Moeite met rondkomen", "Inwoners", "WOZ-waarde", "Afstand tot huisarts"],
                        "Jaar": ["2020", "2024", "onbekend, vóór 2024", "2023"],
                        "Smitsveen": ["44,3 %", "4.970", "€ 1.234", "0,50 km"],
                        "Soest": ["11,6 %", "47.100", "geen gegevens", "0,80 km"]})


def test_xlsx_turns_numbers_shown_as_text_into_numbers_with_a_dutch_format_and_years_into_integers():
    blad = load_workbook(io.BytesIO(export.xlsx(GETOOND, "Titel")))["Cijfers"]
    cel = {(r, blad.cell(1, k).value): blad.cell(r, k) for r in range(2, 6) for k in range(1, 5)}
    assert cel[2, "Smitsveen"].value == 44.3 and cel[2, "Smitsveen"].number_format == '0.0" %"'
    assert cel[2, "Jaar"].value == 2020 and isinstance(cel[2, "Jaar"].value, int) and cel[2, "Jaar"].number_format == "0"
    assert cel[3, "Soest"].value == 47100 and cel[3, "Soest"].number_format == "#,##0"
    assert cel[4, "Smitsveen"].value == 1234 and cel[4, "Smitsveen"].number_format.startswith('"€ "')
    # what is not a number as a whole stays as shown: a unit in words, a year in words, a missing figure
    assert cel[5, "Smitsveen"].value == "0,50 km" and cel[4, "Jaar"].value == "onbekend, vóór 2024"
    assert cel[4, "Soest"].value == "geen gegevens"


def test_xlsx_formats_a_percentage_waarde_and_keeps_years_whole():
    blad = load_workbook(io.BytesIO(export.xlsx(export.leesbaar(RIJEN), "Titel")))["Cijfers"]
    kop = [c.value for c in blad[1]]
    waarde, jaar = blad.cell(2, kop.index("Waarde") + 1), blad.cell(2, kop.index("Jaar") + 1)
    assert waarde.value == 18.9 and waarde.number_format == '0.0" %"'
    assert jaar.value == 2020 and isinstance(jaar.value, int)


@pytest.mark.parametrize("getoond, verwacht", [("44,3 %", 44.3), ("-0,50", -0.5), ("1.000,5 %", 1000.5), ("0", 0)])
def test_a_number_as_shown_reads_back_as_the_same_number(getoond, verwacht):
    assert export.als_getal(getoond)[0] == verwacht


@pytest.mark.parametrize("tekst", ["0,50 km", "0342", "12.34", "48,6 per 1.000 inwoners", "▼ 2", "", "WK034205"])
def test_text_that_is_not_a_number_as_a_whole_stays_text(tekst):
    assert export.als_getal(tekst) is None


def _alle_formaten(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every download format of a table, read back."""
    return {
        "csv": pd.read_csv(io.BytesIO(export.csv_excel(frame)), sep=";", decimal=",", encoding="utf-8-sig"),
        "xlsx": pd.read_excel(io.BytesIO(export.xlsx(frame, "Titel")), sheet_name="Cijfers"),
        "parquet": pd.read_parquet(io.BytesIO(export.parquet(frame))),
    }


def test_every_download_format_reads_back_the_whole_dataset(echte_db):
    """The downloads of /data (all values, in readable columns), in every format: nothing fails, every row and column
    comes back, a year the source does not name stays a text and is never the year it is filed under."""
    con = db.open_readonly(echte_db)
    g = laad(con.cursor())
    con.close()
    alles = export.leesbaar(g.waarden[[*uitwisseling.EXPORTKOLOMMEN, "niveau", "bron_uitgever", "meetjaar"]])
    onbekend = alles["Jaar"].map(lambda j: isinstance(j, str))
    assert onbekend.any(), "the real data has figures whose source names no year"
    terug = _alle_formaten(alles)
    for formaat, tabel in terug.items():
        assert len(tabel) == len(alles), formaat
        assert set(alles.columns) <= set(tabel.columns), formaat
        assert tabel["Waarde"].isna().sum() == alles["Waarde"].isna().sum(), formaat  # missing stays missing
    parquet = terug["parquet"]
    assert str(parquet["Jaar"].dtype) == "Int64" and parquet.loc[onbekend.to_numpy(), "Jaar"].isna().all()
    assert (parquet.loc[onbekend.to_numpy(), "Jaar in woorden"] == alles.loc[onbekend, "Jaar"]).all()
    bekend = ~onbekend.to_numpy()
    assert (parquet.loc[bekend, "Jaar"].astype(int) == alles.loc[bekend, "Jaar"].astype(int)).all()
    xlsx = terug["xlsx"]
    assert xlsx.loc[bekend, "Jaar"].map(lambda j: isinstance(j, int)).all()  # years as whole numbers, not text


def test_every_download_format_reads_back_a_display_table():
    for formaat, tabel in _alle_formaten(GETOOND).items():
        assert list(tabel.columns[:4]) == list(GETOOND.columns) and len(tabel) == len(GETOOND), formaat
    parquet = pd.read_parquet(io.BytesIO(export.parquet(GETOOND)))
    assert list(parquet["Smitsveen"]) == list(GETOOND["Smitsveen"])  # text columns stay text in Parquet
