# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One task's work, whoever runs it: failures become results, outcomes become return values."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils import _client
from ansible_collections.kore.ai.plugins.module_utils._auth import mint_token
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.list_set import SetOutcome
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.one_list import Outcome
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import WAIT_TIMEOUT
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreServerError, with_done
from ansible_collections.kore.ai.plugins.module_utils._task import KoreTask, TaskFailed

TOKEN = mint_token("cs-1", "s" * 32)
CONNECTION = dict(host="http://127.0.0.1:9", stream_id="st-1", account_id="acc-1", iid=None, jwt=TOKEN,
                  client_id=None, client_secret=None, validate_certs=True, ca_path=None, timeout=30, retries=0)


def test_a_refusal_a_kore_error_and_a_bug_each_become_a_failed_result():
    task = KoreTask({}, False, False)

    def refuse(dummy):
        raise TaskFailed("no", hint="h")

    def fail_after_a_delete(dummy):
        raise with_done(KoreServerError("503"), "It had been deleted", changed=True)

    def bug(dummy):
        return {}["missing"]

    assert task.perform(refuse) == {"failed": True, "msg": "no", "hint": "h"}
    assert task.perform(fail_after_a_delete) == {"failed": True, "changed": True, "msg": "503. It had been deleted"}
    result = task.perform(bug)
    assert result["failed"] and result["msg"] == "Unexpected KeyError: 'missing'"
    assert "Traceback" in result["exception"]


def test_an_outcome_is_the_record_the_message_and_a_diff_when_asked():
    outcome = Outcome(True, {"_id": "cl-1"}, "deleted", before={"_id": "cl-1"}, warnings=["careful"])
    outcome.extra["backup_file"] = "/b.csv"
    task = KoreTask({}, False, True)
    assert task.outcome_result(outcome) == {"changed": True, "contact_list": {"_id": "cl-1"}, "msg": "deleted",
                                            "backup_file": "/b.csv",
                                            "diff": {"before": {"_id": "cl-1"}, "after": {}}}
    assert task.warnings == ["careful"]
    assert "diff" not in KoreTask({}, False, False).outcome_result(outcome)


def test_a_set_fails_when_a_list_was_kept_in_use_or_failed():
    outcome = SetOutcome()
    outcome.deleted.append({"_id": "cl-1", "name": "Old"})
    result = KoreTask({}, False, False).set_outcome_result(outcome)
    assert result["changed"] and "failed" not in result and result["deleted"] == [{"_id": "cl-1", "name": "Old"}]
    outcome.errors.append("delete 'Other' (cl-2): 503")
    assert KoreTask({}, False, False).set_outcome_result(outcome)["failed"]


def test_without_requests_the_task_says_which_library_is_missing(monkeypatch):
    monkeypatch.setattr(_client, "requests", None)
    result = KoreTask(dict(CONNECTION), False, False).perform(lambda task: task.contact_lists())
    assert result["failed"] and "requests" in result["msg"]


def test_pacing_and_waiting_come_from_the_module_options_or_their_defaults():
    paced = KoreTask(dict(CONNECTION, parallel=3, max_rate=60, wait_timeout=9), False, False)
    contacts = paced.contacts_of(paced.contact_lists())
    assert (contacts.wait_timeout, contacts.pool.parallel) == (9, 3)
    assert contacts.client.pacer is paced.pacing.pacer and paced.pacing.pacer.interval == 1.0
    info = KoreTask(dict(CONNECTION), False, False)
    contacts = info.contacts_of(info.contact_lists())
    assert (contacts.wait_timeout, contacts.pool.parallel, contacts.client.pacer) == (WAIT_TIMEOUT, 1, None)
