"""Pure builders: frames in, Altair charts, pydeck maps, tables and sentences out. Never imports streamlit."""
