# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One task's run, whoever runs it: failures become results, its connection's secrets and retries are told."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils import _client
from ansible_collections.kore.ai.plugins.module_utils._auth import mint_token
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreServerError, with_done
from ansible_collections.kore.ai.plugins.module_utils._pacer import Pacing
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


def test_a_failed_write_kore_may_have_carried_out_is_a_change_and_a_read_is_not():
    def failed(method):
        def work(dummy):
            error = KoreServerError("503", 503, method)
            error.earlier_attempt_may_have_applied = True
            raise error
        return work

    assert KoreTask({}, False, False).perform(failed("DELETE"))["changed"] is True
    assert "changed" not in KoreTask({}, False, False).perform(failed("GET"))


def test_without_requests_the_task_says_which_library_is_missing(monkeypatch):
    monkeypatch.setattr(_client, "requests", None)
    result = KoreTask(dict(CONNECTION), False, False).perform(lambda task: task.connect())
    assert result["failed"] and "requests" in result["msg"]


def test_the_connection_is_paced_and_its_secrets_are_the_tasks():
    task = KoreTask(dict(CONNECTION), False, False)
    pacing = Pacing(2, 60)
    result = task.perform(lambda task: {"pacer": task.connect(pacing).pacer is pacing.pacer})
    assert result == {"pacer": True} and TOKEN in task.secrets and task.warnings == []
