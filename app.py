"""Wijkprofielen Soest — the start page: per opgave the wijken that stand out, then what the dashboard holds.

The other screens are files in pages/ (file name = URL path); each starts with `ui.pagina(...)`, so a deep link
on a fresh session gets the same page config, style and navigation as this page.
"""
from html import escape

import pandas as pd
import streamlit as st

import ui
from soest_data import opmaak
from soest_data.begrippen import OPGAVEN, VIJF_OPGAVEN
from soest_data.weergave import aandacht, inhoud, uitspraken, verandering

ui.pagina("Start")
g = ui.gegevens()
ind = g.indicatoren
wijken = g.wijken

st.title("Wijkprofielen Soest")
st.markdown(
    "Hoe gaat het in de wijken van Soest? Per wijk de cijfers naast het gemiddelde van Soest, voor de vijf opgaven "
    "van de **Integrale Visie Sociaal Domein 2024-2028**. Alle cijfers komen uit openbare bronnen; de bron staat bij "
    "elk cijfer.")

# --- the first screen: per opgave, which wijken stand out (the shared rule of Aandacht per opgave) ---------------
st.subheader("Waar valt het op?")
tel = ui.telling()  # the one tally (scoring rule of Aandacht per opgave)
opvallend_per_opgave = ui.bewaar("start:opvallend", (), lambda: {
    opgave: [(r.gebied_code, f"{r.gebied_naam}: {r.ongunstig} van {r.met_oordeel} ▼")
             for r in aandacht.rangorde(tel, opgave).query("valt_op").itertuples()] for opgave in VIJF_OPGAVEN})
standpunten = ui.standpunten()  # what the texts say, beside the same tally (uitspraken.standpunten)
verschil_per_opgave = ui.bewaar("start:tekst_en_telling", (), lambda: {
    opgave: uitspraken.verschil_regel(standpunten, opgave) for opgave in VIJF_OPGAVEN})
for start in range(0, len(VIJF_OPGAVEN), 3):
    for vak, opgave in zip(st.columns(3), VIJF_OPGAVEN[start:start + 3]):
        with vak.container(border=True, height="stretch"):
            st.page_link("pages/opgave.py", label=f"**{OPGAVEN[opgave]}**", query_params={"opgave": opgave})
            opvallend = opvallend_per_opgave[opgave]
            if not opvallend:
                st.markdown("● Geen wijk waar de helft of meer van de cijfers ongunstig is.")
            else:
                st.markdown(f"▼ Valt op in {len(opvallend)} {'wijk' if len(opvallend) == 1 else 'wijken'}:")
                for code, label in opvallend:
                    st.page_link("pages/wijkprofiel.py", label=label, query_params={"wijk": code, "opgave": opgave})
            if verschil := verschil_per_opgave[opgave]:
                st.markdown(verschil)
st.caption("Valt op = minstens de helft van de cijfers met een oordeel is duidelijk ongunstig ten opzichte van heel "
           "Soest (en minstens twee). Een signaal, geen oordeel: zie [Aandacht per opgave](/aandacht) voor de regel "
           "en de cijfers erachter.")

st.subheader("Wat is veranderd")
st.markdown("Per opgave de grootste veranderingen in de wijken en in heel Soest, tussen de twee laatste metingen die "
            "met elkaar te vergelijken zijn (zelfde bronreeks; is de definitie gewijzigd, dan staat dat erbij). "
            "Het wijkprofiel toont alle veranderingen "
            "van een wijk.")


def _grootste_veranderingen() -> tuple[list[tuple[str, str]], str, list]:
    veranderingen = ui.veranderingen()
    grootste = verandering.grootste_per_opgave(veranderingen[veranderingen["niveau"].isin(["wijk", "gemeente"])],
                                               VIJF_OPGAVEN)
    per_opgave = [(OPGAVEN[opgave], "\n".join(f"- {verandering.regel(r)}" for _, r in rijen.iterrows()) if len(rijen)
                   else "- Geen verandering boven de drempel: voor deze opgave zijn er (nog) geen twee vergelijkbare "
                        "metingen van hetzelfde cijfer, of alles bleef gelijk.") for opgave, rijen in grootste.items()]
    getoond = pd.concat(grootste.values())
    voorbehoud = f"{verandering.drempel_in_woorden()} {verandering.voorbehouden(getoond, g.bronnen)}"
    return per_opgave, voorbehoud, [*getoond[["indicator", "jaar_van"]].itertuples(index=False),
                                    *getoond[["indicator", "jaar_naar"]].itertuples(index=False)]


per_opgave, voorbehoud, jaren = ui.bewaar("start:veranderingen", (), _grootste_veranderingen)
for opgavenaam, regels in per_opgave:
    st.markdown(f"**{opgavenaam}**")
    st.markdown(regels)
st.markdown(f"<div class='bron'>{escape(voorbehoud)}</div>", unsafe_allow_html=True)
if jaren:
    ui.bronnen_van(jaren)

st.subheader("De wijken")
ui.wijkknoppen(list(zip(wijken["code"], wijken["naam"])))

st.subheader("Wat erin zit")
kolommen = st.columns(4)
kolommen[0].metric("Wijken", len(wijken))
kolommen[1].metric("Indicatoren", opmaak.getal(len(ind)))
kolommen[2].metric("Bronnen", len(g.bronnen))
kolommen[3].metric("Meest recente jaar", ui.bewaar("start:jaar", (), lambda: inhoud.laatste_jaar(g.waarden)) or "–")
st.table(ui.bewaar("start:per_opgave", (), inhoud.indicatoren_per_opgave, ind), hide_index=True)

st.subheader("Bronnen")


def _bronregel(bron) -> str:
    tabel = f" (tabel {bron['tabel']})" if bron["tabel"] else ""
    return f"- [{bron['uitgever']}: {bron['titel']}{tabel}]({bron['url']}), {bron['licentie']}"


st.markdown(ui.bewaar("start:bronnen", (), lambda: "\n".join(_bronregel(b) for _, b in g.bronnen.iterrows())))
st.caption(f"Database gebouwd op {opmaak.datum(g.bouwinfo.get('gebouwd_op'))} uit de tekstbestanden in data/.")
