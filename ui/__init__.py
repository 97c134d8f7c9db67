"""The Streamlit side of the app, in parts that say what they are; soest_data (the data layer) never imports it.

- schil.py: the shell of every screen (page config, style and scripts from static/, navigation, presentatiemodus)
- gegevens.py: the database being served and a page's content, made once per (page, state, database)
- tekenen.py: the one renderer of a page's Inhoud
- url.py: the one widget ↔ URL sync
- eigen.py: the app's own widgets (factsheet button, Mijn wijk)
"""
from ui.eigen import factsheet_knop, mijn_wijk
from ui.gegevens import gegevens, gegevens_vooraf, inhoud
from ui.schil import dia, pagina, presentatie, presentatieknop
from ui.tekenen import toon
from ui.url import referentiekeuze, url_widget

__all__ = ["dia", "factsheet_knop", "gegevens", "gegevens_vooraf", "inhoud", "mijn_wijk", "pagina", "presentatie",
           "presentatieknop", "referentiekeuze", "toon", "url_widget"]
