#!/usr/bin/env bash
# Performance benchmark (not part of the test suite): interaction time as a ratio against a trivial page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python bench/benchmark.py "$@"
