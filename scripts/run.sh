#!/usr/bin/env bash
# One command: set up, build the database when needed, and start the dashboard on http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m streamlit run server.py --server.port "${PORT:-8501}" --browser.gatherUsageStats false "$@"
