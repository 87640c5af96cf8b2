# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The worker path's own parts: when it runs the module, the environment, secrets; playbooks test the rest."""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

from ansible_collections.kore.ai.plugins.module_utils import _client
from ansible_collections.kore.ai.plugins.modules import kore_contact_list, kore_contact_lists
from ansible_collections.kore.ai.plugins.plugin_utils import _in_worker
from ansible_collections.kore.ai.plugins.module_utils._task import ModuleWork
from ansible_collections.kore.ai.plugins.plugin_utils._in_worker import KoreAction, applied, run_in_worker


def action(transport="local", become=False, async_val=0):
    """A KoreAction as Ansible would build it, but for what the decision reads."""
    made = KoreAction.__new__(KoreAction)
    made._templar = SimpleNamespace(template=lambda value: value)
    made._connection = SimpleNamespace(transport=transport)
    made._play_context = SimpleNamespace(become=become)
    made._task = SimpleNamespace(async_val=async_val)
    return made


@pytest.mark.parametrize("made, task_vars, reason", [
    (action(), {}, None),
    (action(), {"kore_ai_in_worker": "yes"}, None),
    (action(), {"kore_ai_in_worker": "false"}, "kore_ai_in_worker is false"),
    (action(), {"kore_ai_in_worker": False}, "kore_ai_in_worker is false"),
    (action(transport="ssh"), {}, "the connection is ssh, not local"),
    (action(become=True), {}, "become is set"),
    (action(async_val=30), {}, "async is set"),
])
def test_what_makes_a_task_run_its_module(made, task_vars, reason):
    assert made._module_needed(task_vars) == reason


def test_a_controller_without_requests_runs_the_module(monkeypatch):
    monkeypatch.setattr(_client, "requests", None)
    assert action()._module_needed({}) == "the controller's Python cannot import requests"


def test_the_environment_is_applied_and_restored(monkeypatch):
    monkeypatch.setenv("KORE_KEPT", "before")
    monkeypatch.delenv("KORE_ADDED", raising=False)
    with applied({"KORE_KEPT": "during", "KORE_ADDED": "during"}):
        assert (os.environ["KORE_KEPT"], os.environ["KORE_ADDED"]) == ("during", "during")
    assert os.environ["KORE_KEPT"] == "before" and "KORE_ADDED" not in os.environ
    with pytest.raises(RuntimeError):
        with applied({"KORE_KEPT": "failing"}):
            raise RuntimeError("the work failed")
    assert os.environ["KORE_KEPT"] == "before"


def test_no_log_values_at_any_depth_are_hidden(monkeypatch):
    monkeypatch.setenv("KORE_STREAM_ID", "st-1")
    monkeypatch.setenv("KORE_ACCOUNT_ID", "acct")
    spec = {"token": {"no_log": True}, "name": {}, "nested": {"type": "list", "elements": "dict", "options": {
        "password": {"no_log": True}, "port": {"type": "int", "no_log": True}}}}
    params = {"token": "t0ken", "name": "n", "nested": [{"password": "pw", "port": 8080}, {"password": None}]}
    result = run_in_worker(ModuleWork(spec, {}, lambda task: {"changed": False, "msg": "t0ken pw 8080 n"}), params,
                           check_mode=False, diff=False, name="test")
    assert result["msg"] == "******** ******** ******** n"
    shown = result["invocation"]["module_args"]
    assert shown["token"] == shown["nested"][0]["password"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    # an empty secret hides nothing
    credentials = {"jwt": "j", "client_id": "c", "client_secret": ""}
    result = run_in_worker(ModuleWork(kore_contact_lists.ARGUMENT_SPEC, kore_contact_lists.RULES,
                                      lambda task: {"changed": False, "msg": "j-x"}), credentials,
                           check_mode=False, diff=False, name="kore.ai.kore_contact_lists")
    assert result["msg"] == "********-x"


def test_a_refusal_hides_secrets_and_names_the_module(monkeypatch):
    monkeypatch.setenv("KORE_STREAM_ID", "st-1")
    monkeypatch.setenv("KORE_ACCOUNT_ID", "acct")
    args = {"name": "x", "jwt": "s3cret-jwt", "colour": "red"}
    result = run_in_worker(kore_contact_list.MODULE, args, check_mode=False, diff=False,
                           name="kore.ai.kore_contact_list")
    assert result["failed"] is True
    assert result["msg"].startswith("Unsupported parameters for (kore.ai.kore_contact_list) module: colour.")
    assert result["invocation"]["module_args"]["jwt"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    assert "s3cret-jwt" not in repr(result)


def test_the_work_sees_validated_parameters_and_its_secrets_are_hidden(monkeypatch):
    monkeypatch.setenv("KORE_STREAM_ID", "st-1")
    monkeypatch.setenv("KORE_ACCOUNT_ID", "acct")
    seen = {}

    def work(task):
        seen.update(task.params)
        task.secrets.add("minted-token")
        task.warnings.append("careful with minted-token")
        return {"changed": False, "msg": "saw minted-token and s3cret", "flag": True, "nothing": None}

    result = run_in_worker(ModuleWork(kore_contact_list.ARGUMENT_SPEC, kore_contact_list.RULES, work),
                           {"contact_list_id": "cl-1", "client_id": "c", "client_secret": "s3cret"}, check_mode=True,
                           diff=True, name="kore.ai.kore_contact_list", invocation=False)
    assert seen["id"] == "cl-1" and seen["stream_id"] == "st-1" and seen["state"] == "present"
    assert result == {"changed": False, "msg": "saw ******** and ********", "flag": True, "nothing": None,
                      "warnings": ["careful with ********"]}
    assert _in_worker.SWITCH == "kore_ai_in_worker"
