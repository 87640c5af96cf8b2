# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Hypothesis profiles and the scripted server shared by the property-based tests.

``make test`` runs the ``ci`` profile: few examples, derandomized, so CI is deterministic. ``make fuzz`` runs the
``fuzz`` profile (KORE_HYPOTHESIS_PROFILE=fuzz): 10,000 examples for each property of the domain and wire client.
``examples`` runs only the explicit ``@example`` cases.

``KORE_FUZZ_SEED`` (set by ``make fuzz``) seeds every property with that number mixed with the test's id, so a run
can be replayed anywhere and each parametrized property still draws examples of its own.
"""

from __future__ import annotations

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
settings.load_profile(os.environ.get("KORE_HYPOTHESIS_PROFILE", "ci"))


FUZZ_SEED = os.environ.get("KORE_FUZZ_SEED")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item):
    if FUZZ_SEED is not None and hasattr(getattr(item, "obj", None), "hypothesis"):
        # parametrized properties share one function object: seed it just before each one runs
        seed(zlib.crc32(("%s %s" % (FUZZ_SEED, item.nodeid)).encode("utf-8")))(item.obj)


@pytest.fixture(scope="session")
def scripted():
    with Scripted() as server:
        yield server
