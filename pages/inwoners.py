import streamlit as st

st.title('inwoners (in aanbouw)')
