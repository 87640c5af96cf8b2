# shellcheck shell=bash
# Sourced by tests/matrix.sh and tests/targets.sh: where a Python of a given version is on this machine, and a
# virtualenv of it as a managed host has one.

# A working python$1 (e.g. 3.13): pyenv's when it has one (its shims fail for inactive versions), else PATH's.
find_python() {
  local want=$1 found
  if command -v pyenv >/dev/null; then
    found=$(pyenv versions --bare | grep -E "^${want//./\\.}(\.[0-9]+)?$" | tail -n 1)
    if [[ -n $found ]]; then echo "$(pyenv root)/versions/$found/bin/python$want"; return; fi
  fi
  if "python$want" -c pass 2>/dev/null; then command -v "python$want"; return; fi
  return 1
}

# find_python, or fail the run saying how to install the missing version: nothing is skipped silently.
require_python() {
  local want=$1 why=$2 python
  python=$(find_python "$want") || true
  if [[ ! -x $python ]]; then
    echo "$why needs Python $want, which this machine does not have. Install it (pyenv install $want, or your" \
         "system's python$want package) and run again." >&2
    exit 1
  fi
  echo "$python"
}

# The Python of a virtualenv (.build/targets/VERSION) holding the runtime requirements only, as a managed host that
# runs the modules has them; made or remade when requirements.txt changed. Its path on stdout, pip's talk on stderr.
target_venv() {
  local version=$1 why=$2 python venv
  venv=$PWD/.build/targets/$version
  if [[ "$(cat "$venv/.installed" 2>/dev/null)" != "$(cat requirements.txt)" ]]; then
    python=$(require_python "$version" "$why") || exit 1
    { rm -rf "$venv" && "$python" -m venv "$venv" &&
      "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt; } >&2 || exit 1
    cat requirements.txt > "$venv/.installed"
  fi
  echo "$venv/bin/python"
}
