# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Hypothesis profiles and the scripted server shared by the property-based tests.

``make test`` runs the ``ci`` profile: few examples, derandomized, so CI is deterministic. ``make fuzz`` runs the
``fuzz`` profile (KORE_HYPOTHESIS_PROFILE=fuzz): 10,000 examples for each property of the domain and wire client.
``examples`` runs only the explicit ``@example`` cases.

``KORE_FUZZ_SEED`` (set by ``make fuzz``) seeds every property with that number mixed with the test's id, so a run
can be replayed anywhere and each parametrized property still draws examples of its own.

A seed alone does not fix what Hypothesis draws: one draw in twenty takes a constant found in the *local* modules
loaded in the process at that moment (not tests, not site-packages: the collection's plugins), and keeps that pool
once it is first used. Which plugins a run has loaded depends on which test files were collected and what ran
before, so a seed that failed in ``make fuzz`` drew other examples when its test ran alone. Every
plugin is imported here, before any property runs, so the pool is the same for any selection and order
(``test_replay.py`` checks it).

``KORE_OBSERVE_FILE``, when set, receives one JSON line per example run (the test, its status, the example), for
``test_replay.py``.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import zlib

import pytest
from hypothesis import HealthCheck, Phase, seed, settings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from scripted import Scripted  # noqa: E402  pylint: disable=wrong-import-position

COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                    HealthCheck.function_scoped_fixture])
settings.register_profile("ci", max_examples=150, derandomize=True, print_blob=True, **COMMON)
# no example database: a seeded run generates the same examples on every machine
settings.register_profile("fuzz", max_examples=10000, print_blob=True, database=None, **COMMON)
# only the kept @examples (the defects found so far), e.g. to check that each still fails without its fix
settings.register_profile("examples", phases=[Phase.explicit], **COMMON)
# for test_replay.py: a short seeded run, to compare the examples of runs in different selections and orders (40
# examples already differ between them when the plugins are not all imported first)
settings.register_profile("replay", max_examples=40, database=None, **COMMON)
settings.load_profile(os.environ.get("KORE_HYPOTHESIS_PROFILE", "ci"))


def import_every_plugin():
    """Load every module of the collection's plugins: Hypothesis's pool of local constants is then complete."""
    from ansible_collections.kore.ai import plugins  # pylint: disable=import-outside-toplevel
    # plugins/ and its folders are namespace packages (no __init__.py), which pkgutil does not walk into
    root = list(plugins.__path__)[0]
    for folder, dummy, files in sorted(os.walk(root)):
        package = plugins.__name__ + folder[len(root):].replace(os.sep, ".")
        for name in sorted(f[:-3] for f in files if f.endswith(".py")):
            importlib.import_module("%s.%s" % (package, name))


import_every_plugin()


FUZZ_SEED = os.environ.get("KORE_FUZZ_SEED")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item):
    if FUZZ_SEED is not None and hasattr(getattr(item, "obj", None), "hypothesis"):
        # parametrized properties share one function object: seed it just before each one runs
        seed(zlib.crc32(("%s %s" % (FUZZ_SEED, item.nodeid)).encode("utf-8")))(item.obj)


OBSERVE_FILE = os.environ.get("KORE_OBSERVE_FILE")
if OBSERVE_FILE:
    from hypothesis.internal import observability  # pylint: disable=ungrouped-imports

    # Observing turns on Hypothesis's line coverage of every example by default: 10 s a run of test_replay.py's,
    # for data nothing here reads. The switch is the documented one, without the variable that also sets it, which
    # would write every observation to .hypothesis/observed as well.
    observability.OBSERVABILITY_COLLECT_COVERAGE = False

    def _observe(observation):
        if getattr(observation, "type", None) == "test_case":
            with open(OBSERVE_FILE, "a", encoding="utf-8") as handle:
                handle.write(json.dumps([observation.property, observation.status, observation.representation]) + "\n")

    observability.add_observability_callback(_observe)


@pytest.fixture(scope="session")
def scripted():
    with Scripted() as server:
        yield server
