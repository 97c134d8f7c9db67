"""Aandacht per opgave: per wijk × opgave how many kernset indicators are clearly unfavourable vs Soest, which ones,
and what the wijkprofielen say beside it.

Supports the first question of the afwegingskader. The rule (soest_data.scoring, docs/METHODE.md) is stated on the
page; the margin is a slider and lives in the URL (?marge=15), as does a highlighted wijk (?wijk=WK034205).
"""

import streamlit as st

import ui
from soest_data import scoring, url_state
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.weergave import aandacht, regio, uitspraken

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
    "van een vaste kernset **duidelijk ongunstig** uitvallen ten opzichte van heel Soest. Dit helpt bij de eerste "
    "vraag van het afwegingskader: *\"Draagt het bij aan een wijk of doelgroep die extra aandacht vereist?\"*")
st.info("**Een signaal, geen oordeel.** De telling laat zien waar het de moeite waard is om beter te kijken. Ze zegt "
        "niet dat een wijk 'slecht' is of dat een voorstel daar wel of niet moet. Lees de indicatoren erachter en de "
        "verhalen van inwoners, en kijk naar de grenzen van de cijfers onderaan deze pagina.", icon=":material/info:")

# --- the rule and its one knob -------------------------------------------------------------------------------------
with st.container(border=True):
    st.subheader("Zo tellen we")
    pct = st.slider("Marge: vanaf hoeveel verschil met Soest is een wijk 'duidelijk' anders? (procent van de Soester "
                    "waarde; bij percentages een kwart daarvan in procentpunten)",
                    min_value=aandacht.MARGES[0], max_value=aandacht.MARGES[-1], step=5, format="%d %%",
                    **ui.url_widget("aandacht_marge", "marge", int(marge_keuze.waarde), STANDAARD_PCT),
                    help=f"Standaard {STANDAARD_PCT} %. Een grotere marge telt alleen de grotere verschillen.")
    marge = pct / 100
    st.markdown(aandacht.regel_in_woorden(marge))
    with st.expander("Waarom tellen we zo?"):
        st.markdown("\n".join(f"- {z}" for z in aandacht.waarom_in_woorden()))

beoordeeld = ui.beoordeeld(marge)
tel = ui.telling(marge)
zelfde = scoring.zelfde_begrip(g.opgaven)
wijk = wijk_keuze.waarde

# --- the matrix ----------------------------------------------------------------------------------------------------
st.header("Wijk × opgave", anchor="matrix")
st.markdown("In elk vak: **hoeveel indicatoren van de kernset duidelijk ongunstig zijn**, van het aantal met een oordeel. "
            "Hoe donkerder het vak, hoe groter het deel dat ongunstig is; de woorden in het vak zeggen hetzelfde. "
            "*valt op* = minstens de helft ongunstig (en minstens 2)." + (f" ◆ = {naam_van[wijk]}." if wijk else ""))
if tel["met_oordeel"].sum() == 0:
    st.warning("Er zijn nog geen cijfers per wijk met een oordeel (gunstig of ongunstig). De matrix blijft leeg.")
else:
    matrixgrafiek = ui.grafiekvorm("aandacht:matrix", (marge, wijk), aandacht.matrixgrafiek, tel, wijk)
    ui.breed_of_smal("aandachtmatrix", matrixgrafiek, ui.grafiekvorm("aandacht:matrix-smal", (marge, wijk),
                                                                     aandacht.matrixstapel, tel, wijk))
    ui.grafiek_download(matrixgrafiek, f"Aandacht per opgave: wijk × opgave (marge {pct} %)",
                        beoordeeld["indicator"].unique(), f"aandacht_matrix_marge_{pct}")
    ui.breed_of_smal("aandachtlegenda", lambda: ui.legenda(aandacht.legenda()),  # the colours of the form on screen
                     lambda: ui.legenda(aandacht.legenda(smal=True)))
with st.expander("De matrix als tabel"):
    ui.tabel(ui.bewaar("aandacht:matrixtabel", marge, aandacht.matrix, tel), f"aandacht_matrix_marge_{pct}", "Download de matrix",
             indicator_ids=beoordeeld["indicator"].unique())

# machine-readable (comma, decimal point): the same file as `python -m soest_data export --aandacht`
st.download_button("Download de telling, machineleesbaar (CSV: gebied_code, opgave, ongunstig, beoordeeld, oordeel, "
                   "marge)", aandacht.matrix_csv(tel, marge), file_name=f"aandacht_telling_marge_{pct}.csv",
                   mime="text/csv", key="download-aandacht-telling", icon=":material/download:")

st.subheader("Per opgave: waar valt het op, en wat zeggen de wijkprofielen?", anchor=uitspraken.UITLEG_ANKER)
st.markdown("Naast de telling staat wat de wijkprofielen van het Verwey-Jonker Instituut (bijlage 2 van de Visie) en "
            "hoofdstuk 3 van de Visie over de wijk zeggen, letterlijk geciteerd. ✔ = telling en tekst zijn het eens, "
            "✘ = ze verschillen: lees dan beide. **Telling en tekst** kunnen verschillen: de tekst is van 2021-2023 en "
            "weegt alles wat het profiel noemt, de telling gebruikt de nieuwste cijfers en alleen de kernset van de "
            "opgave. Elke pagina, de presentatie en de factsheet tonen dit standpunt van de tekst, en zeggen het waar "
            "het van de telling verschilt.")
overeen = ui.bewaar("aandacht:overeenstemming", marge, aandacht.overeenstemming, tel, g.uitspraken, beoordeeld)
eens, vergeleken = uitspraken.telling_en_tekst(overeen)
st.markdown(f"Telling en tekst zijn het eens in **{eens} van de {vergeleken}** vakken waarover de tekst een "
            "uitspraak doet (aandacht of geen aandacht; 'gemengd' wordt niet vergeleken).")


def _per_opgave(opgave: str) -> tuple[str, str, str]:
    kern = [g.indicator(i)["label"] for i in scoring.kernsets(g.opgaven).get(opgave, [])]
    return (aandacht.opgave_zin(tel, opgave).replace("**", ""),
            "\n".join(f"- {z}" for z in aandacht.profiel_zinnen(overeen, opgave)),
            "Kernset: " + ("; ".join(kern) if kern else "geen"))


for opgave in VIJF_OPGAVEN:
    kop, zinnen, kernset = ui.bewaar("aandacht:opgave", (marge, opgave), _per_opgave, opgave)
    with st.expander(kop, expanded=opgave == VIJF_OPGAVEN[0]):
        st.markdown(zinnen)
        st.caption(kernset)

# --- one wijk: which opgaven stand out, and why --------------------------------------------------------------------
st.header("Eén wijk: welke opgaven vallen op, en waarom?", anchor="een-wijk")
# Nederland and the buurgemeenten beside Soest in the tables below: to read, never counted (the tally is the wijken's).
met_nederland, met_buren = ui.referentiekeuze("aandacht_referentie")
keuze_ref = (met_nederland, met_buren)
referenties = ui.bewaar("aandacht:referenties", (marge, keuze_ref), lambda: ui.referenties(
    beoordeeld[["indicator", "jaar"]].dropna().drop_duplicates().itertuples(index=False), met_nederland, met_buren))
if met_nederland or met_buren:
    st.caption("In de tabellen hieronder staan " + regio.referentie_namen(met_nederland, met_buren) + " naast "
               "Soest, uit dezelfde bron en hetzelfde jaar ('–' = geen cijfer). Alleen ter vergelijking: het oordeel "
               "en de telling blijven ten opzichte van Soest, en gaan alleen over de acht wijken.")
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
            tabel = ui.bewaar("aandacht:details", (marge, wijk, opgave, keuze_ref), lambda o: aandacht.details(
                beoordeeld, wijken, wijk, o, zelfde, False, referenties).drop(columns=["Wijk", "Opgave"]), opgave)
            if tabel.empty:
                st.markdown("Voor deze opgave zijn er nog geen cijfers per wijk met een oordeel.")
            else:
                ui.tabel(tabel, f"aandacht_{wijk}_{opgave}_marge_{pct}",
                         "Download deze tabel")

# --- everything behind the matrix ----------------------------------------------------------------------------------
alles = ui.bewaar("aandacht:alles", (marge, keuze_ref), aandacht.details, beoordeeld, wijken, None, None, zelfde, True,
                  referenties)
with st.expander("Alle kernset-indicatoren achter de matrix (alle wijken)"):
    ui.tabel(alles, f"aandacht_alles_marge_{pct}")
ui.download(alles.assign(**{"Marge (%)": pct}), f"aandacht_per_opgave_marge_{pct}",
            "Download de indicatoren achter de matrix")

# --- limits --------------------------------------------------------------------------------------------------------
st.header("Wat deze telling wel en niet zegt", anchor="grenzen")
st.markdown(ui.bewaar("aandacht:grenzen", marge, lambda: "\n".join(f"- {z}" for z in aandacht.grenzen(beoordeeld)))
            + "\n- **Niet alles is gemeten.** Wat inwoners zelf zeggen staat op [Inwoners aan het woord](/inwoners).")
kernjaren = ui.bewaar("aandacht:kernjaren", marge, lambda: list(
    aandacht.kernrijen(beoordeeld)[["indicator", "jaar"]].itertuples(index=False)))
if kernjaren:
    ui.bronnen_van(kernjaren)
