# shellcheck shell=bash
# Shared by scripts/run-app and scripts/run-tests: Debian packages, the .venv and the editable install.
# Sourced, not run. Everything here is idempotent, so a second run costs a few dpkg-query calls.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO_ROOT/.venv"
_APT_UPDATED=0

# What Qt 6.5+ (xcb platform plugin) loads on a real X display, plus CJK fonts for Korean text.
# scripts/run-app installs them; the .deb (scripts/build-deb) depends on them.
QT_X11_PACKAGES=(
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
    libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1 libfontconfig1 libdbus-1-3
    libglib2.0-0 fonts-noto-cjk
)

step() { printf '\n==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }

# Prints the command prefix that runs apt-get with root rights ("" when we are root), or fails.
_root_prefix() {
    if [[ $(id -u) -eq 0 ]]; then
        echo ""
    elif command -v sudo >/dev/null 2>&1; then
        if [[ -t 0 ]]; then
            echo "sudo"          # may ask for the password on the terminal
        elif sudo -n true 2>/dev/null; then
            echo "sudo -n"
        else
            return 1
        fi
    else
        return 1
    fi
}

# True when PACKAGE (or its 64-bit-time "t64" rename from Debian 13 on) is installed.
_installed() {
    local pkg
    for pkg in "$1" "$1t64"; do
        if dpkg-query -W -f='${db:Status-Status}\n' "$pkg" 2>/dev/null | grep -qx installed; then
            return 0
        fi
    done
    return 1
}

# The name apt knows PACKAGE by here: PACKAGE, PACKAGEt64, or nothing when neither has a candidate.
_apt_name() {
    local pkg
    for pkg in "$1" "$1t64"; do
        if apt-cache show --no-all-versions "$pkg" >/dev/null 2>&1; then
            echo "$pkg"
            return 0
        fi
    done
    return 1
}

# ensure_debian_packages PACKAGE...: install whichever are missing. Never fails the caller: without
# root rights, apt or network it says what to install and carries on.
ensure_debian_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        warn "not a Debian system; make sure the equivalents of these are installed: $*"
        return 0
    fi
    local pkg missing=()
    for pkg in "$@"; do
        _installed "$pkg" || missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0

    local prefix
    if ! prefix="$(_root_prefix)"; then
        warn "missing Debian packages, and no root rights to install them. Please run:"
        warn "  sudo apt-get install ${missing[*]}"
        return 0
    fi
    local -a as_root=()
    [[ -n $prefix ]] && read -r -a as_root <<<"$prefix"
    as_root+=(env DEBIAN_FRONTEND=noninteractive)

    if ((!_APT_UPDATED)); then
        step "apt-get update (missing: ${missing[*]})"
        "${as_root[@]}" apt-get -q update || warn "apt-get update failed; trying the install anyway"
        _APT_UPDATED=1
    fi
    local name names=()
    for pkg in "${missing[@]}"; do
        if name="$(_apt_name "$pkg")"; then
            names+=("$name")
        else
            warn "no Debian package named $pkg here; skipping it"
        fi
    done
    ((${#names[@]})) || return 0
    step "apt-get install ${names[*]}"
    "${as_root[@]}" apt-get -q -y -o DPkg::Lock::Timeout=300 install --no-install-recommends "${names[@]}" \
        || warn "apt-get install failed; continuing without: ${names[*]}"
}

# Prints a Python >= 3.11: $SAFECASE_PYTHON, else python3.11, else python3 when it is new enough.
find_python() {
    local candidate
    for candidate in "${SAFECASE_PYTHON:-}" python3.11 python3; do
        [[ -n $candidate ]] || continue
        if command -v "$candidate" >/dev/null 2>&1 \
            && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    echo "error: SafeCase needs Python 3.11 or newer (python3.11 or python3); none was found." >&2
    return 1
}

# ensure_venv: a working .venv made with Python >= 3.11, installing python3-venv if venv cannot work.
ensure_venv() {
    if [[ -x $VENV/bin/python ]] \
        && "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        return 0
    fi
    local python version
    python="$(find_python)"
    version="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    step "creating .venv with $python (Python $version)"
    rm -rf "$VENV"
    if ! "$python" -m venv "$VENV"; then
        # Debian ships venv's pip bootstrap (ensurepip) separately.
        rm -rf "$VENV"
        ensure_debian_packages python3-venv "python$version-venv"
        "$python" -m venv "$VENV" || {
            rm -rf "$VENV"
            echo "error: could not create .venv; install python3-venv and try again." >&2
            return 1
        }
    fi
}

# ensure_installed TARGET: pip install -e TARGET (e.g. "." or ".[dev]") unless pyproject.toml is
# unchanged since the last successful install of that same target.
ensure_installed() {
    local target="$1" stamp digest
    stamp="$VENV/.safecase-installed-$(printf '%s' "$target" | tr -c 'A-Za-z0-9' '_')"
    digest="$(sha256sum "$REPO_ROOT/pyproject.toml" | cut -d' ' -f1)"
    if [[ -f $stamp && "$(cat "$stamp")" == "$digest" ]]; then
        return 0
    fi
    step "pip install -e '$target'"
    (cd "$REPO_ROOT" && "$VENV/bin/python" -m pip install --disable-pip-version-check -e "$target")
    printf '%s\n' "$digest" >"$stamp"
}
