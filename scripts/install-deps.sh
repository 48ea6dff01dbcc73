#!/usr/bin/env bash
# Installs everything asyncrace needs on Debian 12, idempotently: Debian packages, the Dear ImGui and
# SDL2 sources from Debian's source packages (into third_party/, git-ignored) and the npm packages
# pinned by package-lock.json (`npm ci`: CodeMirror 6 and esbuild, which the site's editor is bundled
# from; playwright-core for the browser tests). A second run only checks and returns in about a second.
#   scripts/install-deps.sh          everything
#   scripts/install-deps.sh native   only what the native test build needs (the test command installs
#                                    the rest while that build runs)
#   scripts/install-deps.sh site     only what building the site needs (scripts/build-site.sh, the
#                                    GitHub Pages workflow): no Chromium
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
third="$root/third_party"
imgui_version="1.86+ds-1"
sdl_version="2.26.5+dfsg-1"
# python3-yaml: the check of the GitHub Pages workflow reads it (a native test). fonttools: the
# build cuts the embedded DejaVu fonts down to the glyphs the interface draws (pyftsubset).
packages=(emscripten chromium libsdl2-dev doctest-dev ninja-build cmake dpkg-dev fonts-dejavu-core fonttools python3-yaml)
native_only=0
if [ "${1:-}" = native ]; then native_only=1; packages=(doctest-dev ninja-build cmake python3-yaml); fi
site_only=0
if [ "${1:-}" = site ]; then site_only=1; packages=(emscripten doctest-dev ninja-build cmake dpkg-dev fonts-dejavu-core fonttools); fi
# node, npm and python3 come with the machine image (node 20); Debian's npm package would conflict with it.

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
say() { printf '[install-deps] %s\n' "$*"; }

tools=(node npm python3)  # emcc runs on node; npm installs the editor's packages and the test driver
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || { say "missing $tool: install Node.js 20 (with npm) and Python 3.11 first"; exit 1; }
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
updated=0
# Source package lines first, when a source folder is missing: one `apt-get update` then serves both.
enable_deb_src() {
  if ! grep -Rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    say "enabling Debian source package lines"
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -f "$f" ] && sudo_ sed -i 's/^Types: deb$/Types: deb deb-src/' "$f"
    done
    updated=0
  fi
}
imgui_glob='imgui-1.86*/imgui.h' sdl_glob='libsdl2-2.26.5*/include/SDL.h'
if [ "$native_only" -eq 0 ] && { ! compgen -G "$third/$imgui_glob" >/dev/null || ! compgen -G "$third/$sdl_glob" >/dev/null; }; then
  enable_deb_src
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  sudo_ apt-get update -qq
  updated=1
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Dear ImGui and SDL2 sources: Debian source packages, unpacked and patched by dpkg-source.
if [ "$native_only" -eq 1 ]; then say "ready for the native build"; exit 0; fi

fetch_source() { # <package> <version> <folder glob>
  local pkg="$1" ver="$2" glob="$3"
  if compgen -G "$third/$glob" >/dev/null; then return; fi
  if [ "$updated" -eq 0 ] || ! apt-cache showsrc "$pkg" 2>/dev/null | grep -q "^Version: $ver"; then
    sudo_ apt-get update -qq; updated=1
  fi
  say "fetching source package $pkg=$ver"
  mkdir -p "$third"
  (cd "$third" && apt-get source -qq "$pkg=$ver" >/dev/null 2>&1)
}
fetch_source imgui "$imgui_version" "$imgui_glob"
fetch_source libsdl2 "$sdl_version" "$sdl_glob"

# npm packages, pinned by package-lock.json: CodeMirror 6 and esbuild (the site's editor is bundled
# from them at build time), playwright-core (drives Debian's Chromium; it downloads no browser).
if [ -L "$root/node_modules" ]; then
  # A node_modules shared through a symlink (a git worktree beside the main checkout): `npm ci`
  # would empty the folder it points to for everyone. It is installed where it lives.
  [ -x "$root/node_modules/.bin/esbuild" ] && [ -f "$root/node_modules/playwright-core/package.json" ] ||
    { say "node_modules is a symlink to a folder without esbuild or playwright-core: run this script there"; exit 1; }
elif [ ! -x "$root/node_modules/.bin/esbuild" ] || [ ! -f "$root/node_modules/playwright-core/package.json" ] || \
   [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  say "installing npm packages from package-lock.json"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
if [ "$site_only" -eq 1 ]; then say "ready to build the site"; exit 0; fi
say "ready: emcc $(NODE_PATH=/usr/share/nodejs emcc --version 2>/dev/null | head -1 | grep -o '[0-9]\+\.[0-9]\+\.[0-9]\+' | head -1), ImGui + SDL2 sources in third_party/"
