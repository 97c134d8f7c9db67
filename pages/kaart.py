import streamlit as st

st.title('kaart (in aanbouw)')
