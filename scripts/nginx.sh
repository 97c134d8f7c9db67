# Sourced by serve.sh and statisch.sh: nginx from Debian when it is missing (brotli optional), then NGINX=its path.
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "nginx ontbreekt; installeren (Debian)…"
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_ apt-get update -qq
  $sudo_ apt-get install -y -qq nginx >/dev/null
  # optional: gzip without them (the static module sends publiceer's .br files)
  $sudo_ apt-get install -y -qq libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static >/dev/null 2>&1 || true
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
