#!/usr/bin/env bash
# Installs what is missing, builds the playground for the web and serves it on
# http://127.0.0.1:${PORT:-8000}/ (any static server works: the site needs no special headers).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./scripts/build-site.sh
site="$root/build/web/site"
port="${PORT:-8000}"
echo "asyncrace playground: http://127.0.0.1:$port/   (Ctrl-C stops the server; files in $site)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site"
