"""The yardstick: the cheapest Streamlit page there is, measured in the same run as the dashboard."""
import streamlit as st

st.title("Triviaal")
keuze = st.selectbox("Keuze", ["a", "b"])
st.write(keuze)
