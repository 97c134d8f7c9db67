"""Print (issue 23): Chromium's print of a page (`page.pdf()`, A4, as its print preview makes it).

A wijkprofiel prints in at most 6 A4 pages (the rest is on screen and in the factsheet, and the print says so); no
page of wijkprofiel, opgave, vergelijken or start is blank; on paper every table fits the page width and repeats its
header row on every page. The PDFs and their page counts are written to test-artifacts/ (afdruk_a4_*.pdf, afdruk.txt).
"""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.browser.conftest import ARTEFACTEN, wacht_op_app

pytestmark = pytest.mark.browser

PAGINAS = {  # the link, and the text of the page's last part (the page is whole once it is there)
    "wijkprofiel": ("/wijkprofiel?wijk=WK034205", "Download alle cijfers van deze wijk"),
    "opgave": ("/opgave?opgave=bestaanszekerheid", "Download alle cijfers van bestaanszekerheid"),
    "vergelijken": ("/vergelijken?wijken=WK034205,WK034207", "De wijkprofielen"),
    "start": ("/", "Database gebouwd op"),
}
HOOGSTENS = {"wijkprofiel": 6}
A4_BREEDTE = 703  # CSS px between the 12 mm margins of A4 (186 mm at 96 px per inch): the width a print lays out at


def _wacht_tot_stil(page, seconden: float = 60) -> None:
    """Until the run is over, every element is drawn and the page has stopped growing for 1.5 s. A first visit on a
    fresh server builds the content while the title already shows, and Streamlit draws tables and charts only once
    their code has loaded (a skeleton until then): printed before that, they are simply not on paper."""
    page.wait_for_function("""() => {
        const hoogte = document.querySelector('[data-testid="stMain"]').scrollHeight;
        const nu = performance.now();
        const bezig = document.querySelector('[data-testid="stStatusWidget"]')
            || document.querySelector('[data-testid="stMain"] [data-testid="stSkeleton"]')
            || [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
                .some(e => e.getClientRects().length && !e.querySelector('svg, canvas'));
        if (bezig || window._h !== hoogte) {
            window._h = hoogte; window._sinds = nu; return false; }
        return nu - window._sinds > 1500;
    }""", polling=250, timeout=seconden * 1000)


def _afgedrukt(browser, url: str, laatste: str) -> tuple[bytes, dict]:
    """The page as Chromium prints it, and what its tables do in print layout (at the printed width)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(url)
        wacht_op_app(page)
        page.get_by_text(laatste).first.wait_for(state="attached", timeout=60_000)
        _wacht_tot_stil(page)
        pdf = page.pdf(format="A4", print_background=True)
        page.set_viewport_size({"width": A4_BREEDTE, "height": 1000})
        page.emulate_media(media="print")
        tabellen = page.evaluate("""() => {
            const rand = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect().right;
            const zichtbaar = [...document.querySelectorAll('table')].filter(t => t.getClientRects().length);
            return {aantal: zichtbaar.length,
                    te_breed: zichtbaar.filter(t => t.getBoundingClientRect().right > rand + 1)
                                       .map(t => t.innerText.slice(0, 60)),
                    zonder_kop: zichtbaar.filter(t => !t.tHead || getComputedStyle(t.tHead).display
                                                 !== 'table-header-group').map(t => t.innerText.slice(0, 60))};
        }""")
        return pdf, tabellen
    finally:
        context.close()


@pytest.fixture(scope="module")
def afdrukken(browser, app_url):
    uit = {naam: _afgedrukt(browser, app_url + pad, laatste) for naam, (pad, laatste) in PAGINAS.items()}
    ARTEFACTEN.mkdir(exist_ok=True)
    for naam, (pdf, _) in uit.items():
        (ARTEFACTEN / f"afdruk_a4_{naam}.pdf").write_bytes(pdf)
    (ARTEFACTEN / "afdruk.txt").write_text("".join(
        f"{naam}: {len(PdfReader(io.BytesIO(pdf)).pages)} A4-pagina's\n" for naam, (pdf, _) in uit.items()))
    return uit


@pytest.mark.parametrize("naam", list(PAGINAS))
def test_print_has_no_blank_page_and_keeps_to_its_length(afdrukken, naam):
    pdf, _ = afdrukken[naam]
    paginas = PdfReader(io.BytesIO(pdf)).pages
    leeg = [i + 1 for i, p in enumerate(paginas) if len((p.extract_text() or "").strip()) < 20]
    assert not leeg, f"{naam}: lege pagina's {leeg} van {len(paginas)}"
    if naam in HOOGSTENS:
        assert len(paginas) <= HOOGSTENS[naam], f"{naam}: {len(paginas)} A4-pagina's"


@pytest.mark.parametrize("naam", list(PAGINAS))
def test_printed_tables_fit_the_page_and_repeat_their_header(afdrukken, naam):
    _, tabellen = afdrukken[naam]
    assert not tabellen["te_breed"], f"{naam}: tabellen breder dan de pagina: {tabellen['te_breed']}"
    assert not tabellen["zonder_kop"], f"{naam}: tabellen zonder herhaalde kopregel: {tabellen['zonder_kop']}"


def test_the_printed_wijkprofiel_says_what_it_leaves_out(afdrukken):
    pdf, tabellen = afdrukken["wijkprofiel"]
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Afdruk van het wijkprofiel" in tekst and "Factsheet (PDF)" in tekst
    assert tabellen["aantal"] >= 1  # the opgave's table is on paper
