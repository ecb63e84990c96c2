#!/usr/bin/env bash
# Builds the page's WebAssembly package and serves www/ at
# http://127.0.0.1:8000/ (PORT=N for another port; a busy port gives way to
# the next free one). Installs what is missing first; see scripts/build-web.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_node
"$ROOT/scripts/build-web.sh"
[ -f "$ROOT/www/index.html" ] || note "warning: www/index.html does not exist yet: the server will answer 404 at /"
say "serving the page"
exec node "$ROOT/scripts/static-server.mjs" --root www --port "${PORT:-8000}"
