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
from soest_data.weergave import aandacht, inhoud, verandering

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
for start in range(0, len(VIJF_OPGAVEN), 3):
    for vak, opgave in zip(st.columns(3), VIJF_OPGAVEN[start:start + 3]):
        with vak.container(border=True, height="stretch"):
            st.page_link("pages/opgave.py", label=f"**{OPGAVEN[opgave]}**", query_params={"opgave": opgave})
            rang = aandacht.rangorde(tel, opgave)
            opvallend = rang[rang["valt_op"]]
            if opvallend.empty:
                st.markdown("● Geen wijk waar de helft of meer van de cijfers ongunstig is.")
            else:
                st.markdown(f"▼ Valt op in {len(opvallend)} {'wijk' if len(opvallend) == 1 else 'wijken'}:")
                for _, r in opvallend.iterrows():
                    st.page_link("pages/wijkprofiel.py", label=f"{r['gebied_naam']}: {r['ongunstig']} van "
                                 f"{r['met_oordeel']} ▼", query_params={"wijk": r["gebied_code"], "opgave": opgave})
st.caption("Valt op = minstens de helft van de cijfers met een oordeel is duidelijk ongunstig ten opzichte van heel "
           "Soest (en minstens twee). Een signaal, geen oordeel: zie [Aandacht per opgave](/aandacht) voor de regel "
           "en de cijfers erachter.")

st.subheader("Wat is veranderd")
st.markdown("Per opgave de grootste veranderingen in de wijken en in heel Soest, tussen de twee laatste metingen die "
            "met elkaar te vergelijken zijn (zelfde bron, zelfde definitie). Het wijkprofiel toont alle veranderingen "
            "van een wijk.")
veranderingen = ui.veranderingen()
binnen_soest = veranderingen[veranderingen["niveau"].isin(["wijk", "gemeente"])]
grootste = verandering.grootste_per_opgave(binnen_soest, VIJF_OPGAVEN)
for opgave, rijen in grootste.items():
    st.markdown(f"**{OPGAVEN[opgave]}**")
    st.markdown("\n".join(f"- {verandering.regel(r)}" for _, r in rijen.iterrows()) if len(rijen)
                else "- Geen verandering boven de drempel: voor deze opgave zijn er (nog) geen twee vergelijkbare "
                     "metingen van hetzelfde cijfer, of alles bleef gelijk.")
getoond = pd.concat(grootste.values())
st.markdown(f"<div class='bron'>{escape(verandering.drempel_in_woorden())} "
            f"{escape(verandering.voorbehouden(getoond, g.bronnen))}</div>", unsafe_allow_html=True)
if len(getoond):
    ui.bronnen_van([*getoond[["indicator", "jaar_van"]].itertuples(index=False),
                    *getoond[["indicator", "jaar_naar"]].itertuples(index=False)])

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
