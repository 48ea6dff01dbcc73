#!/usr/bin/env bash
# Builds the static site into build/web/site/ (index.html, the page's scripts, asyncrace.js/.wasm,
# the Web Worker module, the web app manifest and the offline service worker): the folder that
# scripts/play.sh serves and the GitHub Pages workflow deploys. Any static host serves it as it
# is, under any sub-path, with no special headers.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./scripts/install-deps.sh site
cmake --preset web >/dev/null
cmake --build --preset web --target asyncrace-playground
echo "site: $root/build/web/site/"
