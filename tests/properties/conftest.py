# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Hypothesis profiles and the scripted server shared by the property-based tests.

``make test`` runs the ``ci`` profile: few examples, derandomized, so CI is deterministic. ``make fuzz`` runs the
``fuzz`` profile (KORE_HYPOTHESIS_PROFILE=fuzz): 10,000 examples for each property of the domain and wire client.
``examples`` runs only the explicit ``@example`` cases.
"""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import HealthCheck, Phase, settings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from scripted import Scripted  # noqa: E402  pylint: disable=wrong-import-position

COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                    HealthCheck.function_scoped_fixture])
settings.register_profile("ci", max_examples=150, derandomize=True, print_blob=True, **COMMON)
settings.register_profile("fuzz", max_examples=10000, print_blob=True, **COMMON)
# only the kept @examples (the defects found so far), e.g. to check that each still fails without its fix
settings.register_profile("examples", phases=[Phase.explicit], **COMMON)
settings.load_profile(os.environ.get("KORE_HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def scripted():
    with Scripted() as server:
        yield server
