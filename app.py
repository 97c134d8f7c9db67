"""Wijkprofielen Soest — the start page: what the dashboard holds.

The other screens are files in pages/ (file name = URL path); each starts with `ui.pagina(...)`, so a deep link
on a fresh session gets the same page config, style and navigation as this page.
"""
import streamlit as st

import ui
from soest_data.weergave import inhoud

ui.pagina("Start")
g = ui.gegevens()
ind = g.indicatoren
wijken = g.wijken

st.title("Wijkprofielen Soest")
st.markdown(
    "Hoe gaat het in de wijken van Soest? Dit dashboard zet per wijk de cijfers naast elkaar voor de vijf opgaven "
    "van de **Integrale Visie Sociaal Domein 2024-2028** ('In verbinding samen doen'): gezonde leefstijl, "
    "bestaanszekerheid, mentale weerbaarheid, kansengelijkheid en meedoen en inclusie. Elke wijk wordt vergeleken "
    "met het gemiddelde van Soest. Alle cijfers komen uit openbare bronnen; de bron staat bij elk cijfer.")

kolommen = st.columns(4)
kolommen[0].metric("Wijken", len(wijken))
kolommen[1].metric("Indicatoren", len(ind))
kolommen[2].metric("Bronnen", len(g.bronnen))
kolommen[3].metric("Meest recente jaar", inhoud.laatste_jaar(g.waarden) or "–")

st.subheader("Indicatoren per opgave")
per_opgave = inhoud.indicatoren_per_opgave(ind)
st.dataframe(per_opgave, hide_index=True, width="stretch")

st.subheader("De wijken")
st.markdown(", ".join(wijken["naam"]) + ".")

st.subheader("Bronnen")
for _, bron in g.bronnen.iterrows():
    tabel = f" (tabel {bron['tabel']})" if bron["tabel"] else ""
    st.markdown(f"- [{bron['uitgever']}: {bron['titel']}{tabel}]({bron['url']}), {bron['licentie']}")
st.caption(f"Database gebouwd op {g.bouwinfo.get('gebouwd_op', 'onbekend')} uit de tekstbestanden in data/.")
