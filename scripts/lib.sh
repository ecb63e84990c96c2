# Shared by scripts/*.sh (sourced, not run): where the repository is, how to
# report, and installing what a fresh machine lacks.
#
# Every ensure_* function looks first and does nothing when the tool is
# already there, so the scripts stay quick on a machine that has run them
# once. Installs come only from the package registries, through their own
# clients: cargo (cargo install), apt-get (Debian packages), npm (npm ci from
# a committed lock file) and pip (into a virtual environment under target/).
# No tool is ever allowed to download a browser or a toolchain of its own.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
# cargo install puts binaries here; a non-login shell may not have it on PATH.
case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) PATH="$HOME/.cargo/bin:$PATH" ;; esac
export PATH

say() { printf '\n==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# Runs a command as root: directly when we are root (as on CI), else by sudo.
as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run: $*"
    fi
}

ensure_rust() {
    command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup first"
    command -v rustup >/dev/null 2>&1 || die "rustup not found: the wasm32 target is added with rustup"
}

ensure_wasm_target() {
    ensure_rust
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        say "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi
}

# The version Cargo.lock pins for crate $1 (first entry of that name).
locked_version() {
    [ -f Cargo.lock ] || cargo generate-lockfile
    awk -v want="name = \"$1\"" '$0 == want { getline; gsub(/^version = "|"$/, ""); print; exit }' Cargo.lock
}

# wasm-bindgen (and its test runner) must be exactly the version of the
# wasm-bindgen crate in Cargo.lock, or the generated glue does not match.
ensure_wasm_bindgen() {
    ensure_rust
    local want have have_runner
    want="$(locked_version wasm-bindgen)"
    [ -n "$want" ] || die "Cargo.lock has no wasm-bindgen entry"
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
    have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
    if [ "$have" != "$want" ] || [ "$have_runner" != "$want" ]; then
        say "installing wasm-bindgen-cli $want (have: ${have:-none}); compiles once, a few minutes"
        # Not --locked: the CLI's own lock file pins a webpki-roots release
        # that has since been yanked, so a locked install fails.
        cargo install wasm-bindgen-cli --version "$want" --force
    fi
}

# Installs the Debian packages among "$@" that are not installed yet.
ensure_apt() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
    say "installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

ensure_node() {
    command -v node >/dev/null 2>&1 || die "node not found: install Node.js 20 or later"
    command -v npm >/dev/null 2>&1 || die "npm not found: install npm"
    local major
    major="$(node -p 'process.versions.node.split(".")[0]')"
    [ "$major" -ge 20 ] || die "node $(node --version) is too old: the browser tests need 20 or later"
}

# DIR/node_modules from DIR's committed lock file. npm ci runs only when
# the lock file changed since the last install (a stamp records it).
ensure_npm_packages() {
    ensure_node
    local dir=$1 sum stamp
    stamp="$dir/node_modules/.vnextract-lock-sha256"
    sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
    if [ "$(cat "$stamp" 2>/dev/null || true)" != "$sum" ]; then
        say "installing the npm packages of ${dir#"$ROOT"/} (npm ci)"
        # playwright-core has no install script and we drive Debian's
        # Chromium; the variable makes sure nothing fetches a browser anyway.
        (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
        printf '%s\n' "$sum" >"$stamp"
    fi
}

# The browser tests' packages (playwright-core) in tests/browser.
ensure_browser_test_packages() { ensure_npm_packages "$ROOT/tests/browser"; }

# The JavaScript linter's packages (eslint) in tests/lint.
ensure_lint_packages() { ensure_npm_packages "$ROOT/tests/lint"; }

# Reads wasm-pack.toml into shell variables: WASM_TARGET, WASM_OUT_DIR,
# WASM_OUT_NAME, WASM_PROFILE, WASM_OPT_FLAGS (an array), WASM_MAX_GZIP_KB.
read_wasm_config() {
    command -v python3 >/dev/null 2>&1 || die "python3 not found (it reads wasm-pack.toml)"
    local assignments
    assignments="$(
        python3 - "$ROOT/wasm-pack.toml" <<'EOF'
import shlex, sys, tomllib
with open(sys.argv[1], "rb") as f:
    c = tomllib.load(f)
b, o = c["build"], c["wasm-opt"]
q = shlex.quote
print(f"WASM_TARGET={q(b['target'])}")
print(f"WASM_OUT_DIR={q(b['out-dir'])}")
print(f"WASM_OUT_NAME={q(b['out-name'])}")
print(f"WASM_PROFILE={q(b['profile'])}")
print("WASM_OPT_FLAGS=(" + " ".join(q(x) for x in o["flags"]) + ")")
print(f"WASM_MAX_GZIP_KB={int(c['budget']['max-gzip-kb'])}")
EOF
    )" || die "cannot read wasm-pack.toml"
    eval "$assignments"
    # Cargo's folder for a profile: `dev` builds into debug/, others by name.
    WASM_PROFILE_DIR="$WASM_PROFILE"
    [ "$WASM_PROFILE" = dev ] && WASM_PROFILE_DIR=debug
    WASM_FINAL="$ROOT/$WASM_OUT_DIR/${WASM_OUT_NAME}_bg.wasm"
}

# Bytes of a file, and of it gzipped at -9 (what a server would send).
size_raw() { wc -c <"$1" | tr -d ' '; }
size_gzip() { gzip -9c "$1" | wc -c | tr -d ' '; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }

# The Python tier's virtual environment, $PY_VENV, with the packages of
# bindings/python/requirements-test.txt (pip; pyspark brings Spark's jars)
# and Java 17 for Spark (apt-get). pip runs only when the requirements
# changed since the last install (a stamp records them).
PY_VENV="$TARGET_DIR/python/venv"
ensure_python_venv() {
    command -v python3 >/dev/null 2>&1 || die "python3 not found"
    python3 -c 'import venv, ensurepip' 2>/dev/null || ensure_apt python3-venv
    ensure_apt openjdk-17-jre-headless
    local req="$ROOT/bindings/python/requirements-test.txt" sum stamp
    stamp="$PY_VENV/.vnextract-requirements-sha256"
    sum="$(sha256sum "$req" | cut -d' ' -f1)"
    [ -x "$PY_VENV/bin/python" ] || { say "creating $PY_VENV"; python3 -m venv "$PY_VENV"; }
    if [ "$(cat "$stamp" 2>/dev/null || true)" != "$sum" ]; then
        say "installing the python tier's packages with pip (maturin, pytest, pyspark, pandas, pyarrow)"
        "$PY_VENV/bin/pip" install --quiet --disable-pip-version-check -r "$req"
        printf '%s\n' "$sum" >"$stamp"
    fi
}

# Builds the abi3 wheel with maturin (cargo's cache under target/ makes an
# unchanged build quick) and installs it into $PY_VENV; prints its path.
build_python_wheel() {
    local out="$TARGET_DIR/wheels" wheel
    rm -f "$out"/vnextract-*.whl
    (cd "$ROOT/bindings/python" && "$PY_VENV/bin/maturin" build --release --quiet --out "$out") >&2
    wheel="$(ls "$out"/vnextract-*.whl)"
    "$PY_VENV/bin/pip" install --quiet --force-reinstall --no-deps "$wheel" >&2
    printf '%s\n' "$wheel"
}
