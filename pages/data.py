"""Over de data: every indicator's definition, unit, direction, source, licence; downloads; how to update."""
import streamlit as st

import ui
from soest_data import export, url_state
from soest_data.begrippen import OPGAVEN, ROLLEN
from soest_data.weergave import inhoud

ui.pagina("Over de data")

g = ui.gegevens()
ind = g.indicatoren

st.title("Over de data")
st.markdown("Elke indicator met zijn definitie, eenheid, richting (is hoger beter, slechter of geen van beide), rol "
            "(uitkomst met een oordeel; zorggebruik of achtergrond zonder oordeel), "
            "bron, jaar en voorbehoud. Ontbrekende cijfers tonen we als *geen gegevens*, nooit als nul. "
            "Kleine aantallen schermen we af zodat niemand herkenbaar is.")

keuze = url_state.kies(st.query_params, "indicator", ind["id"], None, "indicator")
ui.meldingen_van(keuze)
if keuze.waarde:
    rij = ui.indicator(keuze.waarde)
    st.subheader(rij["label"])
    st.markdown(f"**Definitie:** {rij['definitie']}  \n**Eenheid:** {rij['eenheid']}  \n"
                f"**Opgave:** {OPGAVEN[rij['opgave']]} · thema {rij['thema']}  \n**Rol:** {ROLLEN[rij['rol']]}  \n"
                f"**Periode:** {rij['periode']}")
    ui.bronvermelding(keuze.waarde)

opgave_keuze = url_state.kies(st.query_params, "opgave", list(OPGAVEN), None, "opgave")
ui.meldingen_van(opgave_keuze)
opgave = st.selectbox("Toon indicatoren van opgave", [None, *OPGAVEN],
                      format_func=lambda o: "Alle opgaven" if o is None else OPGAVEN[o],
                      **ui.url_widget("data_opgave", "opgave", opgave_keuze.waarde))
tabel = ui.bewaar("data:catalogus", opgave, lambda: inhoud.catalogustabel(ind, g.bronnen).pipe(
    lambda t: t if opgave is None else t[t["opgave"] == OPGAVEN[opgave]]))
ui.tabel(tabel, f"indicatoren_{opgave or 'alle'}", "Download deze indicatorenlijst")

st.subheader("Bronnen")
ui.tabel(ui.bewaar("data:bronnen", (), lambda: g.bronnen.drop(columns=["jaren"])), "bronnen", "Download de bronnenlijst",
         column_config={"url": st.column_config.LinkColumn("url")})

st.subheader("Alle cijfers downloaden")
st.markdown("Alle waarden van alle gebieden, indicatoren en jaren in één tabel, met bron en licentie op elke regel. "
            "Excel en CSV (voor Nederlandse Excel: puntkomma, decimale komma) voor wie wil rekenen; Parquet voor wie "
            "met R, Python of een database werkt.")
alles = ui.alle_waarden()
links, rechts = st.columns(2)
with links:
    ui.download(alles, "wijkprofielen_soest_alle_waarden", "Alle waarden (Excel of CSV)")
rechts.download_button("Alle waarden (Parquet)", lambda: export.parquet(alles),
                       file_name="wijkprofielen_soest_alle_waarden.parquet", mime="application/vnd.apache.parquet",
                       icon=":material/download:", on_click="ignore")
with st.expander("Welke kolommen zitten erin? (kolomgids)", expanded=True):
    st.table(ui.bewaar("data:kolomgids", (), export.kolomgids, alles.columns), hide_index=True, border="horizontal")

st.subheader("Toegankelijkheid")
st.markdown("Dit dashboard streeft naar WCAG 2.1 niveau AA: kleuren die ook bij kleurenblindheid te onderscheiden "
            "zijn, betekenis nooit alleen in kleur (ook in woorden en symbolen), bij elke grafiek en kaart een tabel "
            "of tekst, en volledig met het toetsenbord te bedienen. De pagina is als Nederlands gemarkeerd "
            "(lang=\"nl\") en elke grafiek heeft tekst van minstens 16 pixels. Met de presentatiemodus "
            "(knop op het wijkprofiel en de opgavepagina's, of ?presentatie=ja) staat één beeld per scherm in grote "
            "letters; de pijltoetsen ← en → bladeren.")
st.markdown("**Wat nog Engels kan zijn.** De knoppen en menu's die Streamlit zelf tekent (het menu rechtsboven, "
            "de werkbalk boven tabellen, de menu's in tabelkoppen, de meldingen bij het laden) vertalen we in de "
            "browser naar het Nederlands. Een enkele tekst die Streamlit pas later toont, zoals een foutmelding van "
            "de verbinding of het instellingenvenster, kan Engels blijven.")

st.subheader("De gegevens bijwerken")
st.markdown("De cijfers staan als tekstbestanden in `data/`. Een nieuw jaar toevoegen: exporteer met "
            "`python -m soest_data export --csv cijfers.csv`, vul het bestand aan, controleer met "
            "`python -m soest_data import cijfers.csv --dry-run` en importeer met "
            "`python -m soest_data import cijfers.csv`. Zie `docs/GEGEVENS_BIJWERKEN.md`.")
