"""Data layer of Wijkprofielen Soest: catalogue, DuckDB store, geo join, scoring, disclosure, import/export.

Nothing in this package imports streamlit; the pages call it.
"""
import pandas as _pd

# Text columns as Python strings, not Arrow's (pandas 3's default): our frames are small and are filtered, sorted and
# merged per page state, and every such step on an Arrow text column is a pyarrow call per column. Measured with
# bench/koud.py: a cold page state costs about half (opgave 258 → 98 ms, vergelijken 261 → 135 ms, start 154 → 82 ms),
# with the same content. Set here, before the data layer makes its first frame.
_pd.set_option("mode.string_storage", "python")
