#!/usr/bin/env bash
# Hosting command for the public view: REPLICAS Streamlit processes (default: two per core) behind nginx with
# sticky sessions, compression, cache headers, security headers and a health check (/gezond), on http://HOST:PORT
# (default 127.0.0.1:8501). Installs nginx (Debian) when missing.
#   PORT=8080 REPLICAS=3 HOST=0.0.0.0 bash scripts/serve.sh
# It supervises its children: a replica that stops is taken out of nginx and started again (after 1 s, then 2, 4 …
# up to 30 s while it keeps failing) and put back once it answers; /gezond answers 503 while fewer than all replicas
# answer. On Ctrl-C, SIGTERM or SIGHUP every child (replicas, nginx, the health check) stops with it.
# Ports: PORT for nginx on HOST; on 127.0.0.1 PORT+1 … PORT+REPLICAS (replicas) and PORT+REPLICAS+1 (health check).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

PORT=${PORT:-8501}
# Two per core: one process runs its server loop and every session's script behind one GIL, so under load its
# sessions wait on each other; with two per core the OS fills the cores. About 300 MB per replica at the start, 400 MB
# under a room's load (measure with bench/load.py --sessies 100 --replicas N).
REPLICAS=${REPLICAS:-$(( $(nproc) * 2 ))}
HOST=${HOST:-127.0.0.1}
RUN=${SOEST_RUN:-$PWD/.run}
GEZOND_POORT=$((PORT + REPLICAS + 1))
BROTLI=/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so

. scripts/nginx.sh  # after the cd above, paths are the project's

log() { echo "serve.sh $(date '+%H:%M:%S'): $*" >&2; }

# A serve.sh that was killed outright (kill -9) leaves its children behind, holding the ports: stop those first.
# Only processes this run folder started, recognised by their pid file and command line.
eigen() {  # pid file, text in the command line → the pid, when that process still runs
  local pid
  pid=$(cat "$1" 2>/dev/null) && [ -n "$pid" ] && { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null \
    | grep -qF -- "$2" && echo "$pid"
}
mkdir -p "$RUN/temp"
if pid=$(eigen "$RUN/serve.pid" serve.sh); then
  echo "serve.sh draait al met deze werkmap ($RUN, pid $pid); stop die eerst." >&2
  exit 1
fi
achtergebleven=""
for bestand in "$RUN"/replica-*.pid; do achtergebleven+=" $(eigen "$bestand" "streamlit run server.py" || true)"; done
achtergebleven+=" $(eigen "$RUN/nginx.pid" "$RUN/nginx.conf" || true) $(eigen "$RUN/gezond.pid" scripts/gezond.py || true)"
if [ -n "${achtergebleven// /}" ]; then
  log "processen van een vorige start stoppen:$achtergebleven"
  kill $achtergebleven 2>/dev/null || true
  sleep 2
fi
rm -f "$RUN"/replica-*.pid "$RUN"/module-*.conf "$RUN"/compressie-*.conf
echo $$ >"$RUN/serve.pid"

cp deploy/nginx.conf "$RUN/nginx.conf"
echo "listen $HOST:$PORT;" >"$RUN/listen.conf"
printf 'location = /gezond {\n    proxy_pass http://127.0.0.1:%s;\n}\n' "$GEZOND_POORT" >"$RUN/gezond.conf"
if [ -f "$BROTLI" ]; then  # Debian's libnginx-mod-http-brotli-filter: brotli beside gzip for browsers that ask
  echo "load_module $BROTLI;" >"$RUN/module-brotli.conf"
  printf 'brotli on;\nbrotli_comp_level 5;\nbrotli_min_length 1024;\nbrotli_types %s;\n' \
    "text/css application/javascript text/javascript application/json image/svg+xml text/plain font/ttf" \
    >"$RUN/compressie-brotli.conf"
fi

declare -a PID UIT WACHT VOLGENDE
NGINX_PID="" GEZOND_PID=""

start_replica() {
  .venv/bin/python -m streamlit run server.py --server.port "$((PORT + $1))" --server.address 127.0.0.1 \
    --server.headless true --browser.gatherUsageStats false >>"$RUN/replica-$1.log" 2>&1 &
  PID[$1]=$!
  echo "${PID[$1]}" >"$RUN/replica-$1.pid"
}

start_nginx() {
  "$NGINX" -p "$RUN" -c "$RUN/nginx.conf" -g 'daemon off;' &
  NGINX_PID=$!
}

start_gezond() {
  # shellcheck disable=SC2046
  .venv/bin/python scripts/gezond.py "$GEZOND_POORT" $(for i in $(seq 1 "$REPLICAS"); do
    echo "http://127.0.0.1:$((PORT + i))"; done) >>"$RUN/gezond.log" 2>&1 &
  GEZOND_PID=$!
  echo "$GEZOND_PID" >"$RUN/gezond.pid"
}

upstream() {  # one line per replica; one out of service is marked down (the others keep their visitors)
  for i in $(seq 1 "$REPLICAS"); do
    echo "server 127.0.0.1:$((PORT + i)) max_fails=1 fail_timeout=5s${UIT[$i]:+ down};"
  done >"$RUN/replicas.conf.nieuw"
  mv "$RUN/replicas.conf.nieuw" "$RUN/replicas.conf"
}

stop() {
  trap - INT TERM HUP EXIT
  local pids p
  pids="${PID[*]:-} $NGINX_PID $GEZOND_PID"
  kill -TERM $pids 2>/dev/null || true
  for _ in $(seq 1 50); do  # up to 10 s to finish, then they are killed
    for p in $pids; do kill -0 "$p" 2>/dev/null && break; done || break
    sleep 0.2
  done
  kill -KILL $pids 2>/dev/null || true
  wait 2>/dev/null || true
  rm -f "$RUN/serve.pid" "$RUN"/replica-*.pid "$RUN/gezond.pid"
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap 'stop; exit 129' HUP
trap stop EXIT

for i in $(seq 1 "$REPLICAS"); do
  UIT[$i]="" WACHT[$i]=1 VOLGENDE[$i]=""
  start_replica "$i"
done
upstream
for i in $(seq 1 "$REPLICAS"); do
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$((PORT + i))/_stcore/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
done

"$NGINX" -t -q -p "$RUN" -c "$RUN/nginx.conf"
start_gezond
start_nginx
echo "Wijkprofielen Soest: http://$HOST:$PORT ($REPLICAS replica's achter nginx; gezondheid: /gezond)"

bewaak() {  # once a second: restart what stopped, take a replica out of nginx until it answers again
  local i veranderd=""
  for i in $(seq 1 "$REPLICAS"); do
    if kill -0 "${PID[$i]}" 2>/dev/null; then
      if [ -n "${UIT[$i]}" ] && curl -fsS -m 2 "http://127.0.0.1:$((PORT + i))/_stcore/health" >/dev/null 2>&1; then
        UIT[$i]="" WACHT[$i]=1 veranderd=1
        log "replica $i (poort $((PORT + i))) antwoordt weer: terug in nginx"
      fi
    elif [ -z "${VOLGENDE[$i]}" ]; then  # just stopped
      [ -z "${UIT[$i]}" ] && veranderd=1
      UIT[$i]=1 VOLGENDE[$i]=$((SECONDS + WACHT[$i]))
      log "replica $i (poort $((PORT + i))) is gestopt: uit nginx, opnieuw starten over ${WACHT[$i]} s"
      WACHT[$i]=$((WACHT[$i] * 2 > 30 ? 30 : WACHT[$i] * 2))
    elif [ "$SECONDS" -ge "${VOLGENDE[$i]}" ]; then
      VOLGENDE[$i]=""
      start_replica "$i"
    fi
  done
  if [ -n "$veranderd" ]; then
    upstream
    kill -HUP "$NGINX_PID" 2>/dev/null || true  # nginx reloads replicas.conf; open connections keep going
  fi
  if ! kill -0 "$GEZOND_PID" 2>/dev/null; then log "de gezondheidscontrole is gestopt: opnieuw starten"; start_gezond; fi
  if ! kill -0 "$NGINX_PID" 2>/dev/null; then log "nginx is gestopt: opnieuw starten"; start_nginx; fi
}

while :; do
  sleep 1 &
  wait $! || true
  bewaak
done
