#!/usr/bin/env bash
# One command: set up (Python packages, Debian chromium for the browser tests, nginx for the proxy test) and run
# the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
export DEBIAN_FRONTEND=noninteractive
sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
if [ ! -x /usr/bin/chromium ]; then
  echo "Debian chromium ontbreekt; installeren…"
  $sudo_ apt-get update -qq
  $sudo_ apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
# nginx (Debian) for the proxy test of scripts/serve.sh (the hosting command).
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "nginx ontbreekt; installeren…"
  $sudo_ apt-get update -qq
  $sudo_ apt-get install -y -qq nginx >/dev/null
fi
# axe-core (npm registry) for the accessibility check in the browser tests; pinned in package-lock.json.
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null; then
    $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq nodejs npm >/dev/null
  fi
  npm ci --silent --no-audit --no-fund
fi
# Lint and import order first (pyproject.toml), then every test tier: unit, app (AppTest) and browser.
.venv/bin/ruff check --quiet .
exec .venv/bin/python -m pytest -q --traag "$@"
