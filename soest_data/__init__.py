"""Data layer of Wijkprofielen Soest: catalogue, DuckDB store, geo join, scoring, disclosure, import/export.

Nothing in this package imports streamlit; the pages call it.
"""
