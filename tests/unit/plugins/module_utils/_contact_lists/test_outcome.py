# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A task's result, assembled in one place from one list's outcome; a failure after a change reports it."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.outcome import Outcome
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreServerError


def test_an_outcome_is_the_record_the_message_and_a_diff_when_asked():
    outcome = Outcome(True, {"_id": "cl-1"}, "deleted", before={"_id": "cl-1"}, warnings=["careful"])
    outcome.extra["backup_file"] = "/b.csv"
    assert outcome.result(diff=True) == {"changed": True, "contact_list": {"_id": "cl-1"}, "msg": "deleted",
                                         "backup_file": "/b.csv", "diff": {"before": {"_id": "cl-1"}, "after": {}}}
    assert "diff" not in outcome.result()


def test_a_failure_after_a_change_reports_the_change_and_in_check_mode_nothing():
    outcome = Outcome(True, {"_id": "cl-2", "name": "L"}, "contact list 'L' updated: description")
    outcome.extra.update(contacts=[{"phoneNumber": "+1"}], contacts_counts={"added": 1})
    with pytest.raises(KoreError) as caught:
        with outcome.reporting(check_mode=False):
            raise KoreServerError("503 on the read")
    assert caught.value.done == {"changed": True, "contact_list": {"_id": "cl-2", "name": "L"},
                                 "contacts_counts": {"added": 1}}
    assert "Before that: contact list 'L' updated" in str(caught.value)
    with pytest.raises(KoreServerError) as plain:
        with outcome.reporting(check_mode=True):
            raise KoreServerError("503")
    assert plain.value.done is None
