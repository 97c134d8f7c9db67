"""Taking it out of the app, as a raadslid does: the factsheet PDF and an Excel table downloaded from the page and read
back, 'Kopieer link' giving an absolute link that opens the same view in a fresh browser (the Vergelijken tab too),
and printing without widgets, with every tab open and tables whole."""
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.browser.conftest import ARTEFACTEN, echte_fouten, schermafdruk, wacht_op_app

pytestmark = pytest.mark.browser


def _klaar(pagina) -> None:
    """Streamlit shows a skeleton until an element's code has loaded; on a busy machine that takes a while."""
    wacht_op_app(pagina)
    pagina.wait_for_function("() => document.querySelectorAll('[data-testid=stSkeleton]').length == 0",
                             timeout=60_000)
    pagina.wait_for_timeout(500)


def test_factsheet_pdf_and_excel_table_download_from_the_wijkprofiel(app_url, pagina):
    pagina.goto(f"{app_url}/wijkprofiel?wijk=WK034205&opgave=bestaanszekerheid")
    _klaar(pagina)
    with pagina.expect_download(timeout=90_000) as download:
        pagina.get_by_role("button", name="Factsheet (PDF)").click()
    assert download.value.suggested_filename == "wijkprofiel_WK034205_smitsveen.pdf"
    pdf = PdfReader(download.value.path())
    assert 2 <= len(pdf.pages) <= 5
    tekst = " ".join(p.extract_text() for p in pdf.pages)
    assert "Wijkprofiel Smitsveen" in tekst and "Bronnen" in tekst and "Licentie" in tekst

    pagina.get_by_role("button", name="Download deze tabel").first.click()
    with pagina.expect_download(timeout=60_000) as download:
        pagina.get_by_role("button", name="Excel (.xlsx)").click()
    assert download.value.suggested_filename == "wijkprofiel_WK034205_bestaanszekerheid.xlsx"
    blad = load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))["Cijfers"]
    kop = [c.value for c in blad[1]]
    assert {"Indicator", "Jaar", "Soest", "Bron", "Licentie"} <= set(kop)
    rijen = list(blad.iter_rows(min_row=2, values_only=True))
    # the percentage as the page shows it ('18,9 %') is a number in Excel, shown the same way by its number format
    moeite = next(r for r in blad.iter_rows(min_row=2) if r[kop.index("Indicator")].value == "Moeite met rondkomen (18+)")
    assert isinstance(moeite[kop.index("Wijk")].value, float) and moeite[kop.index("Wijk")].number_format == '0.0" %"'
    assert isinstance(moeite[kop.index("Jaar")].value, int)
    assert all(r[kop.index("Licentie")] for r in rijen)

    with pagina.expect_download(timeout=60_000) as download:
        pagina.get_by_role("button", name="CSV voor Nederlandse Excel").click()
    inhoud = open(download.value.path(), "rb").read()
    assert inhoud.startswith(b"\xef\xbb\xbf") and b";" in inhoud.splitlines()[0]
    assert not echte_fouten(pagina), pagina.fouten


def test_kopieer_link_opens_the_same_vergelijking_and_tab_in_a_fresh_browser(app_url, pagina, browser):
    pagina.goto(f"{app_url}/vergelijken?wijken=WK034203,WK034208")
    _klaar(pagina)
    pagina.get_by_role("tab", name="Bestaanszekerheid").click()
    pagina.wait_for_function("() => location.search.includes('opgave=bestaanszekerheid')", timeout=20_000)
    _klaar(pagina)
    pagina.get_by_role("button", name="Kopieer link").click()
    link = pagina.locator("[data-testid='stPopoverBody'] code").first
    link.wait_for(timeout=20_000)
    tekst = link.inner_text().strip()
    assert tekst == f"{app_url}/vergelijken?wijken=WK034203,WK034208&opgave=bestaanszekerheid"
    schermafdruk(pagina, "kopieer_link")

    vers = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    vers.goto(tekst)
    _klaar(vers)
    assert vers.get_by_role("tab", name="Bestaanszekerheid").get_attribute("aria-selected") == "true"
    assert vers.get_by_role("combobox").first.is_visible()
    assert "Boerenstreek" in vers.locator("[data-testid='stMultiSelect']").inner_text()
    vers.context.close()


def test_the_menu_keeps_the_wijk(app_url, pagina):
    pagina.goto(f"{app_url}/wijkprofiel?wijk=WK034208")
    _klaar(pagina)
    href = pagina.locator("[data-testid='stSidebar'] a", has_text="Aandacht per opgave").get_attribute("href")
    assert href.endswith("aandacht?wijk=WK034208")


def test_printing_hides_widgets_opens_every_tab_and_prints_tables_whole(app_url, pagina):
    pagina.goto(f"{app_url}/vergelijken?wijken=WK034205,WK034207")
    _klaar(pagina)
    pagina.emulate_media(media="print")
    # tables print whole: a print-only copy (ui.tabel) or a plain table (ui.tabel(plat=True))
    pagina.wait_for_function("() => [...document.querySelectorAll('[class*=st-key-afdruk-] table, [data-testid=stTable] table')]"
                             ".filter(e => e.getBoundingClientRect().height > 0).length >= 5", timeout=30_000)
    zichtbaar = pagina.evaluate("""() => ({
        widgets: [...document.querySelectorAll('[data-testid=stMultiSelect], [data-testid=stCheckbox],'
                  + ' [data-testid=stDownloadButton], [data-testid=stSidebar], [data-testid=stDataFrame]')]
                 .filter(e => e.getBoundingClientRect().height > 0).length,
        panelen: [...document.querySelectorAll('[data-testid=stTabPanel]')]
                 .filter(e => e.getBoundingClientRect().height > 0).length,
        tabellen: [...document.querySelectorAll('[class*=st-key-afdruk-] table, [data-testid=stTable] table')]
                 .filter(e => e.getBoundingClientRect().height > 0).length,
    })""")
    assert zichtbaar["widgets"] == 0
    assert zichtbaar["panelen"] >= 5 and zichtbaar["tabellen"] >= 5
    ARTEFACTEN.mkdir(exist_ok=True)
    pdf = pagina.pdf(path=str(ARTEFACTEN / "afdruk_vergelijken.pdf"), format="A4")
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Kies een wijk (naast heel" not in tekst and "Download" not in tekst  # the picker's label
    assert "Meedoen en inclusie" in tekst and "Soest-Zuid" in tekst


def test_every_download_on_over_de_data_is_read_back(app_url, pagina):
    """The whole dataset as a person downloads it from /data: Excel, CSV for Dutch Excel and Parquet, each read back
    with a row per value and source and licence on every row."""
    import pandas as pd

    pagina.goto(f"{app_url}/data")
    _klaar(pagina)
    pagina.get_by_role("button", name="Alle waarden (Excel of CSV)").click()
    with pagina.expect_download(timeout=90_000) as download:
        pagina.get_by_role("button", name="Excel (.xlsx)").last.click()
    excel = pd.read_excel(download.value.path(), sheet_name="Cijfers")
    with pagina.expect_download(timeout=90_000) as download:
        pagina.get_by_role("button", name="CSV voor Nederlandse Excel").last.click()
    csv = pd.read_csv(download.value.path(), sep=";", decimal=",", encoding="utf-8-sig")
    pagina.keyboard.press("Escape")
    with pagina.expect_download(timeout=90_000) as download:
        pagina.get_by_role("button", name="Alle waarden (Parquet)").click()
    parquet = pd.read_parquet(download.value.path())
    assert len(excel) == len(csv) == len(parquet) > 1000
    for tabel in (excel, csv, parquet):
        assert tabel["Licentie"].notna().all() and tabel["Bron"].notna().all()
    assert not echte_fouten(pagina), pagina.fouten
