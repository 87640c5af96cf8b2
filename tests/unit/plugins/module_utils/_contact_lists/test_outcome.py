# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A task's result, assembled in one place: from one list's outcome, or from a set's."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.outcome import Outcome, SetOutcome
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreServerError, with_done


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


def test_a_set_fails_when_a_list_was_kept_in_use_or_failed():
    outcome = SetOutcome()
    outcome.add("delete", Outcome(True, {"_id": "cl-1", "name": "Old"}, "deleted"), "cl-1")
    result = outcome.result()
    assert result["changed"] and "failed" not in result and result["deleted"] == [{"_id": "cl-1", "name": "Old"}]
    outcome.errors.append("delete 'Other' (cl-2): 503")
    assert outcome.result()["failed"]


def test_a_set_s_failed_delete_kore_may_have_carried_out_is_a_change():
    outcome = SetOutcome()
    outcome.error("delete 'Old' (cl-1)", with_done(KoreServerError("503", 503, "DELETE"), "maybe", changed=True),
                  "cl-1")
    assert outcome.result()["changed"] is True and outcome.result()["failed"] is True
    assert "1 failed: delete 'Old' (cl-1): 503. maybe" in outcome.result()["msg"]
