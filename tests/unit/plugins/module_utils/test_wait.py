# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The wait_timeout option: one spec and default for every module that waits, one check."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._wait import (
    MAX_WAIT_TIMEOUT,
    WAIT_ARGSPEC,
    WAIT_TIMEOUT,
    checked_wait_timeout,
)
from ansible_collections.kore.ai.plugins.modules import kore_backup, kore_campaign, kore_contact_list, kore_contact_lists


def test_every_module_that_waits_has_the_one_spec_and_default():
    assert WAIT_ARGSPEC["wait_timeout"] == dict(type="int", default=WAIT_TIMEOUT)
    for module in (kore_contact_list, kore_contact_lists, kore_campaign, kore_backup):
        assert module.ARGUMENT_SPEC["wait_timeout"] is WAIT_ARGSPEC["wait_timeout"], module.__name__


@pytest.mark.parametrize("seconds", [0, MAX_WAIT_TIMEOUT + 1])
def test_a_wait_timeout_nobody_can_mean_is_refused(seconds):
    with pytest.raises(KoreInputError, match="wait_timeout must be between 1 and %d" % MAX_WAIT_TIMEOUT):
        checked_wait_timeout(seconds)
    assert checked_wait_timeout(MAX_WAIT_TIMEOUT) == MAX_WAIT_TIMEOUT
