import streamlit as st

st.title('opgave (in aanbouw)')
