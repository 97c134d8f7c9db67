import streamlit as st

st.title('wijkprofiel (in aanbouw)')
