#!/usr/bin/env bash
# Sets up a fresh machine: Python venv with pinned packages, and the database built from data/ when it is
# missing or older than its sources. Usage: bash scripts/setup.sh [dev]   (dev adds the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."

eisen=requirements.txt
[ "${1:-}" = "dev" ] && eisen=requirements-dev.txt

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# Reinstall only when the pinned requirements changed (a stamp of their hash).
stempel=$(cat requirements.txt "$eisen" | sha256sum | cut -d' ' -f1)
if [ "$(cat .venv/.setup-stamp-"$(basename "$eisen")" 2>/dev/null)" != "$stempel" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$eisen"
  echo "$stempel" > .venv/.setup-stamp-"$(basename "$eisen")"
fi
# The factsheet PDF needs DejaVu Sans (Debian fonts-dejavu-core): it has ▲ ● ▼ and every Dutch letter.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && command -v apt-get >/dev/null; then
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq fonts-dejavu-core >/dev/null || \
    echo "Let op: fonts-dejavu-core kon niet geïnstalleerd worden; de factsheet (PDF) werkt dan niet."
fi
.venv/bin/python -m soest_data build --als-verouderd
