#!/usr/bin/env bash
# Sets up a fresh machine: Python venv with the locked packages (exact versions and hashes, see scripts/lock.sh),
# and the database built from data/ when it is missing or older than its sources.
# Usage: bash scripts/setup.sh [dev]   (dev adds the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."

eisen=requirements.lock
[ "${1:-}" = "dev" ] && eisen=requirements-dev.lock

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# Reinstall only when the lock file changed (a stamp of its hash).
stempel=$(sha256sum "$eisen" | cut -d' ' -f1)
if [ "$(cat .venv/.setup-stamp-"$(basename "$eisen")" 2>/dev/null)" != "$stempel" ]; then
  .venv/bin/python -m pip install -qq --disable-pip-version-check --require-hashes -r "$eisen"
  echo "$stempel" > .venv/.setup-stamp-"$(basename "$eisen")"
fi
# The factsheet PDF (WeasyPrint) needs Pango from the system and DejaVu Sans (Debian fonts-dejavu-core: it has
# ▲ ● ▼ and every Dutch letter).
if { [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || ! ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0; } \
   && command -v apt-get >/dev/null; then
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 >/dev/null || \
    echo "Let op: fonts-dejavu-core en Pango konden niet geïnstalleerd worden; de factsheet (PDF) werkt dan niet."
fi
.venv/bin/python -m soest_data build --als-verouderd
