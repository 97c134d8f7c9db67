#!/usr/bin/env bash
# Serve the public edition (a folder written by `python -m soest_data publiceer --uit site/`) with nginx and
# deploy/nginx-statisch.conf: compression (gzip, and brotli when Debian's module is installed), cache and security
# headers, and the app's shareable links sent on to their static page. Runs in the foreground until Ctrl-C.
#   bash scripts/statisch.sh [SITE]          SITE defaults to site/; PORT (8080) and HOST (127.0.0.1) as variables
set -euo pipefail
cd "$(dirname "$0")/.."

SITE=$(realpath "${1:-site}")
PORT=${PORT:-8080}
HOST=${HOST:-127.0.0.1}
BROTLI=/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so
BROTLI_STATIC=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so

if [ ! -f "$SITE/index.html" ] || [ ! -f "$SITE/.nginx/adressen.conf" ]; then
  echo "Geen gepubliceerde site in $SITE; maak die met: .venv/bin/python -m soest_data publiceer --uit $SITE" >&2
  exit 1
fi
. scripts/nginx.sh  # after the cd above, paths are the project's

RUN=$(mktemp -d "${TMPDIR:-/tmp}/soest-statisch.XXXXXX")
chmod 755 "$RUN"  # nginx's workers follow the link to the site through here
mkdir -p "$RUN/temp"
if [ "$(id -u)" -eq 0 ]; then  # started as root, nginx reads files as 'nobody': read the site as its owner instead
  echo "user $(stat -c %U "$SITE") $(stat -c %G "$SITE");" >"$RUN/gebruiker-site.conf"
fi
cp deploy/nginx-statisch.conf "$RUN/nginx.conf"
ln -s "$SITE" "$RUN/site"
echo "listen $HOST:$PORT;" >"$RUN/listen.conf"
if [ -f "$BROTLI" ]; then
  echo "load_module $BROTLI;" >"$RUN/module-brotli.conf"
  printf 'brotli on;\nbrotli_comp_level 5;\nbrotli_min_length 512;\nbrotli_types %s;\n' \
    "text/css text/plain text/csv application/xml image/svg+xml" >"$RUN/compressie-brotli.conf"
fi
if [ -f "$BROTLI_STATIC" ]; then  # the .br files publiceer writes (with the brotli package), sent as they are
  echo "load_module $BROTLI_STATIC;" >"$RUN/module-brotli-static.conf"
  echo "brotli_static on;" >"$RUN/compressie-brotli-static.conf"
fi
"$NGINX" -t -q -p "$RUN" -c "$RUN/nginx.conf"

NGINX_PID=""
stop() {
  [ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  rm -rf "$RUN"
}
trap stop EXIT
trap 'exit 0' INT TERM HUP
"$NGINX" -p "$RUN" -c "$RUN/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
echo "Wijkprofielen Soest (openbare editie): http://$HOST:$PORT ($SITE)"
wait "$NGINX_PID"
