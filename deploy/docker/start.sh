#!/bin/sh
# A container replica: the dashboard on :8501, and in the background the warm-up (scripts/opwarmen.py).
python scripts/opwarmen.py http://127.0.0.1:8501 >/tmp/opwarmen.log 2>&1 &
exec python -m streamlit run app.py --server.port 8501 --server.address 0.0.0.0 --server.headless true \
  --browser.gatherUsageStats false
