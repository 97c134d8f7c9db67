#!/bin/sh
# A container replica: the dashboard on :8501. Nothing is built ahead: a page's content is made on its first visit.
exec python -m streamlit run server.py --server.port 8501 --server.address 0.0.0.0 --server.headless true \
  --browser.gatherUsageStats false
