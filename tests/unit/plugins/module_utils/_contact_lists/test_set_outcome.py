# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A set's result, gathered from each list's outcome: failed when a list was kept or failed, changed when Kore may be."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.outcome import Outcome
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.set_outcome import SetOutcome
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreServerError, with_done


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
