#!/usr/bin/env bash
# Install consistency and what it needs, offline-safe: the CPU build of torch first (so pip
# does not pull a CUDA build), then the package with its models. With --browser, also
# Debian's chromium for the browser tests. Re-running is cheap: a stamp skips done work.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
stamp=.install-stamp
want=$(cat pyproject.toml | sha1sum | cut -c1-16)
# Checked from outside the checkout (here the package would import from the working directory),
# and the installed package must be this checkout's: a moved or re-cloned checkout installs again.
installed() {
    local package="$PWD/consistency"
    (cd / && "$PY" -c "import os, sys, consistency, torch, faiss, spacy, ray
sys.exit(os.path.realpath(os.path.dirname(consistency.__file__)) != os.path.realpath(sys.argv[1]))" "$package") 2>/dev/null
}
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! installed; then
    "$PY" -m pip install --quiet --disable-pip-version-check "torch==2.13.0"
    "$PY" -m pip install --quiet --disable-pip-version-check -e ".[test,ray]"
    echo "$want" > "$stamp"
fi
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "setup: browser tests need Debian's chromium: sudo apt-get install -y chromium" >&2
    fi
fi
