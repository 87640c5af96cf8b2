# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A list module's domain objects, made from its task's options over its one connection."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._auth import mint_token
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.access import ListAccess
from ansible_collections.kore.ai.plugins.module_utils._wait import WAIT_TIMEOUT
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._task import KoreTask

CONNECTION = dict(host="http://127.0.0.1:9", stream_id="st-1", account_id="acc-1", iid=None,
                  jwt=mint_token("cs-1", "s" * 32), client_id=None, client_secret=None, validate_certs=True,
                  ca_path=None, timeout=30, retries=0)


def test_pacing_and_waiting_come_from_the_module_options_or_their_defaults():
    access = ListAccess(KoreTask(dict(CONNECTION, parallel=3, max_rate=60, wait_timeout=9), False, False))
    assert (access.contacts.wait_timeout, access.contacts.pool.parallel) == (9, 3)
    assert access.contacts.client is access.lists.client
    assert access.lists.client.pacer is access.pacing.pacer and access.pacing.pacer.interval == 1.0
    info = ListAccess(KoreTask(dict(CONNECTION), False, False))
    assert (info.contacts.wait_timeout, info.contacts.pool.parallel, info.pacing.pacer.interval) == (WAIT_TIMEOUT, 1, 0.0)


@pytest.mark.parametrize("options, message", [(dict(parallel=0, max_rate=None), "parallel must be between"),
                                              (dict(parallel=1, max_rate=None, wait_timeout=0), "wait_timeout")])
def test_options_nobody_can_mean_are_refused_before_any_request(options, message):
    with pytest.raises(KoreInputError, match=message):
        ListAccess(KoreTask(dict(CONNECTION, **options), False, False))
