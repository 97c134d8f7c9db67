#!/usr/bin/env bash
# Regenerate the lock files (every package, its exact version and its hashes) from the pins in requirements*.txt.
# Run after changing a pin; commit the .txt and the .lock together. tests/unit/test_tooling.py checks they agree.
# Extras stay in the lock (--no-strip-extras): pip's hash-checked install refuses fonttools[woff] (weasyprint) unpinned.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/uv ] || .venv/bin/python -m pip install --quiet uv==0.9.30
for naam in requirements requirements-dev; do
  .venv/bin/uv pip compile "$naam.txt" --generate-hashes --no-strip-extras --python-version 3.11 --no-header --quiet -o "$naam.lock"
done
