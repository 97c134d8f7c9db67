import streamlit as st

st.title('vergelijken (in aanbouw)')
