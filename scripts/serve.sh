#!/usr/bin/env bash
# Hosting command for the public view: REPLICAS Streamlit processes (default: two per core) behind nginx with
# sticky sessions, security headers and a health check (/gezond), on http://HOST:PORT (default 127.0.0.1:8501).
# Installs nginx (Debian) when missing. Stop with Ctrl-C: the replicas stop with it.
#   PORT=8080 REPLICAS=3 HOST=0.0.0.0 bash scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

PORT=${PORT:-8501}
# Two per core: one process runs its server loop and every session's script behind one GIL, so under load its
# sessions wait on each other; with two per core the OS fills the cores (100 sessions on 2 cores: p95 0,88 s with 2
# replicas, 0,38 s with 4). About 700 MB per warmed replica.
REPLICAS=${REPLICAS:-$(( $(nproc) * 2 ))}
HOST=${HOST:-127.0.0.1}
RUN=${SOEST_RUN:-$PWD/.run}

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "nginx ontbreekt; installeren (Debian)…"
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_ apt-get update -qq
  $sudo_ apt-get install -y -qq nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

mkdir -p "$RUN/temp"
rm -f "$RUN"/replica-*.pid
cp deploy/nginx.conf "$RUN/nginx.conf"
echo "listen $HOST:$PORT;" > "$RUN/listen.conf"
: > "$RUN/replicas.conf"

stop() { kill $(cat "$RUN"/replica-*.pid 2>/dev/null) 2>/dev/null || true; }
trap stop EXIT
trap 'exit 130' INT TERM

for i in $(seq 1 "$REPLICAS"); do
  poort=$((PORT + i))
  .venv/bin/python -m streamlit run app.py --server.port "$poort" --server.address 127.0.0.1 \
    --server.headless true --browser.gatherUsageStats false >"$RUN/replica-$i.log" 2>&1 &
  echo $! > "$RUN/replica-$i.pid"
  echo "server 127.0.0.1:$poort;" >> "$RUN/replicas.conf"
done
for i in $(seq 1 "$REPLICAS"); do
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$((PORT + i))/_stcore/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
done

"$NGINX" -t -q -p "$RUN" -c "$RUN/nginx.conf"
echo "Wijkprofielen Soest: http://$HOST:$PORT ($REPLICAS replica's achter nginx; gezondheid: /gezond)"
# Build every page state once per replica, in the background (a few minutes): the first visitors of a meeting then
# get cached pages. OPWARMEN=0 skips it.
if [ "${OPWARMEN:-1}" != 0 ]; then
  .venv/bin/python scripts/opwarmen.py $(for i in $(seq 1 "$REPLICAS"); do echo "http://127.0.0.1:$((PORT + i))"; done) \
    >"$RUN/opwarmen.log" 2>&1 &
fi
"$NGINX" -p "$RUN" -c "$RUN/nginx.conf" -g 'daemon off;' &
wait $!
