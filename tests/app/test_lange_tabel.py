"""A long table (a gemeente of hundreds of wijken) is sent a page of rows at a time, and every row stays reachable.
TESTGEGEVENS: the rows are made up here; they are never shown as data."""
from streamlit.testing.v1 import AppTest


def _lange_tabel():
    import pandas as pd

    from soest_data.weergave.blokken import Tabel
    from ui import tekenen
    rijen = 600
    tekenen.tabel(None, Tabel(pd.DataFrame({"testrij": range(1, rijen + 1)}), "testtabel"))


def test_a_long_table_is_sent_a_page_at_a_time_and_every_row_can_be_reached():
    from soest_data.weergave.blokken import RIJEN_PER_PAGINA, RIJEN_ZONDER_PAGINAS
    assert RIJEN_ZONDER_PAGINAS < 600
    at = AppTest.from_function(_lange_tabel, default_timeout=30).run()
    assert not at.exception
    keuze = at.selectbox(key="rijen-testtabel")
    assert keuze.label == "Welke rijen" and len(keuze.options) == -(-600 // RIJEN_PER_PAGINA)
    assert list(at.dataframe[0].value["testrij"]) == list(range(1, RIJEN_PER_PAGINA + 1))
    gezien = set()
    for optie in keuze.options:
        at.selectbox(key="rijen-testtabel").set_value(optie).run()
        gezien |= set(at.dataframe[0].value["testrij"])
        assert len(at.dataframe[0].value) <= RIJEN_PER_PAGINA
    assert gezien == set(range(1, 601))
    laatste = 600 - (600 - 1) % RIJEN_PER_PAGINA
    assert keuze.options[-1] == f"Rijen {laatste}–600 van 600"
