import streamlit as st

st.title('aandacht (in aanbouw)')
