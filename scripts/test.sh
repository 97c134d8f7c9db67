#!/usr/bin/env bash
# One command: set up (Python packages, Debian chromium for the browser tests) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
if [ ! -x /usr/bin/chromium ]; then
  echo "Debian chromium ontbreekt; installeren…"
  export DEBIAN_FRONTEND=noninteractive
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get update -qq
  $sudo_ apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
exec .venv/bin/python -m pytest -q "$@"
