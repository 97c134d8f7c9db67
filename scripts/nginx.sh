# Sourced by serve.sh and statisch.sh: nginx from Debian when it is missing (brotli optional), then NGINX=its path.
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "nginx ontbreekt; installeren (Debian)…"
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_ apt-get update -qq
  $sudo_ apt-get install -y -qq nginx >/dev/null
  $sudo_ apt-get install -y -qq libnginx-mod-http-brotli-filter >/dev/null 2>&1 || true  # optional: gzip without it
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
