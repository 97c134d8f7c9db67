"""The project's one vocabulary: opgaven, area levels, value statuses and relative statements.

The data layer, the builders and the pages all take these words from here, so a rename happens in one place.
"""
from __future__ import annotations

# The five opgaven of the Integrale Visie Sociaal Domein 2024-2028, in the Visie's order, and the background
# group for indicators that describe a wijk without belonging to one opgave.
OPGAVEN = {
    "gezonde_leefstijl": "Gezonde leefstijl",
    "bestaanszekerheid": "Bestaanszekerheid",
    "mentale_weerbaarheid": "Mentale weerbaarheid",
    "kansengelijkheid": "Kansengelijkheid",
    "meedoen_inclusie": "Meedoen en inclusie",
    "context": "Achtergrond (geen opgave)",
}
ACHTERGROND = "context"
VIJF_OPGAVEN = [o for o in OPGAVEN if o != ACHTERGROND]

NEDERLAND = "NL01"
# The gemeente itself is soest_data.gemeente.huidige() (the one setting). The level of its comparison gemeenten
# (the setting's vergelijkgemeenten): areas beside the gemeente, like Nederland (level 'land'); never counted or ranked
# among the wijken.
VERGELIJKGEMEENTE = "vergelijkgemeente"
VERGELIJKNIVEAUS = ("land", VERGELIJKGEMEENTE)

# Relative statements from qualitative sources ("hoger dan gemiddeld"), stored as such, never as numbers.
RELATIEF = {
    "hoogste": "het hoogst van alle wijken",
    "hoger": "hoger dan gemiddeld",
    "iets_hoger": "iets hoger dan gemiddeld",
    "gemiddeld": "rond het gemiddelde",
    "iets_lager": "iets lager dan gemiddeld",
    "lager": "lager dan gemiddeld",
    "laagste": "het laagst van alle wijken",
}
# Why a value has no number: said by the source, or hidden by our own disclosure control.
STATUSSEN = {"geheim": "geheim (onderdrukt door de bron)", "onbekend": "onbekend volgens de bron"}
AFGESCHERMD = "afgeschermd"

# The role of an indicator: only an outcome is judged favourable or unfavourable. Care and support use is shown but
# never judged (much use can mean much need or good reach); context describes the wijk (age, housing, disability).
UITKOMST, ZORGGEBRUIK, CONTEXT = "uitkomst", "zorggebruik", "context"
ROLLEN = {
    UITKOMST: "uitkomst: telt mee in het oordeel",
    ZORGGEBRUIK: "zorggebruik: getoond, zonder oordeel (behoefte of bereik)",
    CONTEXT: "achtergrond: beschrijft de wijk, zonder oordeel",
}
# What the wijkprofielen say about a wijk × opgave (data/uitspraken.yaml).
UITSPRAAK_OORDELEN = {"aandacht": "noemt de wijk als aandachtspunt", "geen_aandacht": "noemt de wijk goed of gemiddeld",
                      "gemengd": "noemt beide, of een thema zonder oordeel"}
