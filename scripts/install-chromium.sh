#!/usr/bin/env bash
# Installs Debian's chromium for the dashboard's browser tests (tests/Flux.AspNetCore.Tests/Browser), unless
# /usr/bin/chromium is already there. Idempotent and quiet: prints one line. Needs root (or sudo) the first time.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    echo "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null | head -n 1))"
    exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >/dev/null
"${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "chromium: installed ($(/usr/bin/chromium --version 2>/dev/null | head -n 1))"
