"""Aandacht per opgave: per wijk × opgave how many indicators are clearly unfavourable vs Soest, and which ones.

Supports the first question of the afwegingskader. The rule (soest_data.aandacht) is stated on the page; the margin
is a slider and lives in the URL (?marge=15), as does a highlighted wijk (?wijk=WK034205).
"""
import streamlit as st

import ui
from soest_data import scoring, url_state
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.weergave import aandacht

ui.pagina("Aandacht per opgave")

g = ui.gegevens()
wijken = g.wijken
naam_van = g.wijknamen
STANDAARD_PCT = round(scoring.STANDAARD_MARGE * 100)

wijk_keuze = url_state.kies(st.query_params, "wijk", list(naam_van), None, "wijk")
marge_keuze = url_state.kies(st.query_params, "marge", [str(m) for m in aandacht.MARGES], str(STANDAARD_PCT),
                             "marge")


st.title("Aandacht per opgave")
ui.meldingen(wijk_keuze, marge_keuze)
ui.inhoudsopgave([
    ("Wijk × opgave", "matrix"),
    ("Eén wijk: welke opgaven vallen op, en waarom?", "een-wijk"),
    ("Wat deze telling wel en niet zegt", "grenzen"),
])
st.markdown(
    "Welke wijken vragen **extra aandacht** bij een opgave? Per wijk en per opgave tellen we hoeveel indicatoren "
    "**duidelijk ongunstig** uitvallen ten opzichte van heel Soest. Dit helpt bij de eerste vraag van het "
    "afwegingskader: *\"Draagt het bij aan een wijk of doelgroep die extra aandacht vereist?\"*")
st.info("**Een signaal, geen oordeel.** De telling laat zien waar het de moeite waard is om beter te kijken. Ze zegt "
        "niet dat een wijk 'slecht' is of dat een voorstel daar wel of niet moet. Lees de indicatoren erachter en de "
        "verhalen van inwoners, en kijk naar de grenzen van de cijfers onderaan deze pagina.", icon=":material/info:")

# --- the rule and its one knob -------------------------------------------------------------------------------------
with st.container(border=True):
    st.subheader("Zo tellen we")
    pct = st.slider("Marge: vanaf hoeveel procent verschil met Soest is een wijk 'duidelijk' anders?",
                    min_value=aandacht.MARGES[0], max_value=aandacht.MARGES[-1], step=5, format="%d %%",
                    **ui.url_widget("aandacht_marge", "marge", int(marge_keuze.waarde), STANDAARD_PCT),
                    help=f"Standaard {STANDAARD_PCT} %. Een grotere marge telt alleen de grotere verschillen.")
    marge = pct / 100
    st.markdown(aandacht.regel_in_woorden(marge))

beoordeeld = ui.beoordeeld(marge)
tel = aandacht.telling(beoordeeld, wijken)
wijk = wijk_keuze.waarde

# --- the matrix ----------------------------------------------------------------------------------------------------
st.header("Wijk × opgave", anchor="matrix")
st.markdown("In elk vak: **hoeveel indicatoren duidelijk ongunstig zijn**, van het aantal indicatoren met een oordeel. "
            "Hoe donkerder het vak, hoe groter het deel dat ongunstig is; de woorden in het vak zeggen hetzelfde. "
            "*valt op* = minstens de helft ongunstig (en minstens 2)." + (f" ◆ = {naam_van[wijk]}." if wijk else ""))
if tel["met_oordeel"].sum() == 0:
    st.warning("Er zijn nog geen cijfers per wijk met een oordeel (gunstig of ongunstig). De matrix blijft leeg.")
else:
    matrixgrafiek = aandacht.matrixgrafiek(tel, wijk)
    ui.breed_of_smal("aandachtmatrix", matrixgrafiek, aandacht.matrixstapel(tel, wijk))
    ui.grafiek_download(matrixgrafiek, f"Aandacht per opgave: wijk × opgave (marge {pct} %)",
                        beoordeeld["indicator"].unique(), f"aandacht_matrix_marge_{pct}")
    ui.legenda(aandacht.legenda())
with st.expander("De matrix als tabel"):
    ui.tabel(aandacht.matrix(tel), f"aandacht_matrix_marge_{pct}", "Download de matrix",
             indicator_ids=beoordeeld["indicator"].unique())

st.subheader("Per opgave: waar valt het op?")
st.markdown("\n".join(f"- {aandacht.opgave_zin(tel, o)}" for o in VIJF_OPGAVEN))

# --- one wijk: which opgaven stand out, and why --------------------------------------------------------------------
st.header("Eén wijk: welke opgaven vallen op, en waarom?", anchor="een-wijk")
wijk = st.selectbox("Kies een wijk", [None, *naam_van],
                    format_func=lambda c: "— kies een wijk —" if c is None else naam_van[c],
                    **ui.url_widget("aandacht_wijk", "wijk", wijk))
if wijk is None:
    st.markdown("Kies een wijk om per opgave de indicatoren te zien die achter de telling zitten. "
                "Bijvoorbeeld Smitsveen, bij een voorstel voor die wijk.")
else:
    naam = naam_van[wijk]
    st.subheader(f"{naam}: de opgaven op een rij")
    st.markdown(f"Meest ongunstig eerst. 'Zonder gegevens' zijn indicatoren waarvoor {naam} geen cijfer heeft; die "
                "tellen niet mee.")
    st.markdown("\n".join(f"- {z}" for z in aandacht.wijk_zinnen(tel, wijk)))
    st.page_link("pages/wijkprofiel.py", label=f"Naar het hele wijkprofiel van {naam}",
                 icon=":material/location_city:", query_params={"wijk": wijk})
    deze = tel[tel["gebied_code"] == wijk].set_index("opgave")
    for opgave in VIJF_OPGAVEN:
        cel = deze.loc[opgave]
        with st.expander(f"{OPGAVEN[opgave]} — {cel['tekst']}", expanded=bool(cel["valt_op"])):
            tabel = aandacht.details(beoordeeld, wijken, wijk, opgave)
            if tabel.empty:
                st.markdown("Voor deze opgave zijn er nog geen cijfers per wijk met een oordeel.")
            else:
                ui.tabel(tabel.drop(columns=["Wijk", "Opgave"]), f"aandacht_{wijk}_{opgave}_marge_{pct}",
                         "Download deze tabel")

# --- everything behind the matrix ----------------------------------------------------------------------------------
alles = aandacht.details(beoordeeld, wijken)
with st.expander("Alle indicatoren achter de matrix (alle wijken)"):
    ui.tabel(alles, f"aandacht_alles_marge_{pct}")
ui.download(alles.assign(**{"Marge (%)": pct}), f"aandacht_per_opgave_marge_{pct}",
            "Download de indicatoren achter de matrix")

# --- limits --------------------------------------------------------------------------------------------------------
st.header("Wat deze telling wel en niet zegt", anchor="grenzen")
st.markdown("\n".join(f"- {z}" for z in aandacht.grenzen(beoordeeld))
            + "\n- **Niet alles is gemeten.** Wat inwoners zelf zeggen staat op [Inwoners aan het woord](/inwoners).")
met_richting = aandacht.met_richting(beoordeeld)
if len(met_richting):
    ui.bronnen_van(met_richting[["indicator", "jaar"]].itertuples(index=False))
