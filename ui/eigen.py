"""The app's own widgets beside the content: the factsheet button and 'Mijn wijk'."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import streamlit as st

from soest_data import paden
from soest_data.bronnen import postcode
from soest_data.gemeente import GEMEENTE
from soest_data.weergave import factsheet
from ui.gegevens import gegevens


def factsheet_knop(soort: str, wat: str, naam: str) -> None:
    """'Factsheet (PDF)' of a wijk (soort 'wijk') or an opgave: made on a click, from the database this page was
    drawn from (factsheet.pdf keeps it per database)."""
    g = gegevens()
    bestand = f"wijkprofiel_{wat}_{factsheet.bestandsnaam(naam)}.pdf" if soort == "wijk" else f"opgave_{wat}.pdf"
    uitleg = (f"De vijf opgaven, alle cijfers naast {GEMEENTE.naam} met het oordeel in woorden, het kaartje, wat inwoners zeggen "
              "en de bronnen met jaar en licentie." if soort == "wijk" else
              f"Ambitie en doelen, kerncijfers van {GEMEENTE.naam}, alle wijken per indicator, wat inwoners zeggen en de "
              "bronnen.")
    st.download_button("Factsheet (PDF)", lambda: factsheet.pdf(g, soort, wat), file_name=bestand,
                       mime="application/pdf", key=f"factsheet-{soort}-{wat}", icon=":material/picture_as_pdf:",
                       on_click="ignore", help=uitleg)


@lru_cache(maxsize=2)
def _postcodeboek(pad: str, namen: tuple[tuple[str, str], ...]):
    return postcode.laad(Path(pad), dict(namen))


def mijn_wijk() -> None:
    """'Mijn wijk': a postcode or address → the wijk it lies in (soest_data.bronnen.postcode), with a link to its profile.

    What a visitor types is shown back only as plain text, and never cached, logged or put in the URL: the links
    carry the wijk code only."""
    tabel = paden.data_dir() / "postcodes" / "pc4_wijken.csv"
    with st.container(border=True, key="mijn_wijk_vak"):
        if not tabel.is_file():  # a gemeente without a postcode table in the data: say so, don't ask for a postcode
            st.caption(f"Mijn wijk (postcode → wijk) is er voor {GEMEENTE.naam} nog niet: de postcodetabel ontbreekt. "
                       "Kies uw wijk hieronder of op de kaart.")
            return
        tekst = st.text_input("Mijn wijk: typ uw postcode of adres", max_chars=postcode.MAX_LENGTE, key="mijn_wijk",
                              placeholder=f"bijvoorbeeld 3769, 3769 AB of Kerkstraat 1 {GEMEENTE.naam}")
        if not tekst.strip():
            st.caption("Met de vier cijfers van uw postcode ziet u uw wijk; met uw volledige postcode of adres ook uw "
                       "buurt. Wat u typt wordt niet bewaard.")
            return
        try:
            boek = _postcodeboek(str(tabel),
                                 tuple(gegevens().naam_van.items()))
        except OSError:
            st.text("De postcodetabel ontbreekt; kies uw wijk hieronder.")
            return
        antwoord = postcode.zoek(tekst, boek, postcode.haler())
        st.text(antwoord.tekst)  # plain text: it may quote what PDOK found for the typed address
        for plek in antwoord.plekken:
            st.page_link("pages/wijkprofiel.py", label=plek.label, icon=":material/location_city:",
                         query_params={"wijk": plek.wijk_code})
        if antwoord.bron:
            st.caption(antwoord.bron)
