#!/usr/bin/env bash
# The integration tests of the module path, with the module run by each Python a managed host may have.
# Usage: tests/targets.sh [--install] VERSION ...   (e.g. 3.9 3.13; make test-targets passes the README's list)
#
# A module process is what runs on another host (any hosts: that is not a local connection, become, async), on
# that host's Python: each version gets a virtualenv under .build/targets with the runtime requirements only, and
# the tests run the module path alone (KORE_TEST_PATHS=module) with it as ansible_python_interpreter. The
# controller stays the default one (.venv).
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=tests/pythons.sh
source tests/pythons.sh

install_only=false  # --install: only make the virtualenvs (CI does that while `make test` runs)
if [[ ${1:-} == --install ]]; then install_only=true; shift; fi
[[ $# -gt 0 ]] || { echo "usage: tests/targets.sh [--install] VERSION ..." >&2; exit 2; }
summary=()
for version in "$@"; do
  python=$(target_venv "$version" "make test-targets (the module path on a host's Python $version)")
  $install_only && continue
  echo "=== the module path on $("$python" --version)"
  start=$SECONDS
  KORE_TEST_PATHS=module KORE_TEST_TARGET_PYTHON="$python" .venv/bin/python -m pytest -q -n 4 \
    tests/integration
  summary+=("module path on Python $version: integration passed in $((SECONDS - start)) s")
done
printf '%s\n' "=== targets summary" "${summary[@]}"
