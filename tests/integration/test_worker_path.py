# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which path a task takes, and that both paths give the same registered results.

Every other playbook test runs on both paths (tests/conftest.py); these choose the path themselves.
"""

from __future__ import annotations

import json
import os
import re

import jwt
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODULE = "kore.ai.kore_contact_list"
IN_WORKER = "kore.ai.kore_contact_list runs in Ansible's worker (local connection)"
AS_MODULE = "kore.ai.kore_contact_list runs as a module: "
ANSIBALLZ = "AnsiballZ_kore_contact_list.py"
TEST_PLUGINS = {
    "ANSIBLE_CONNECTION_PLUGINS": os.path.join(ROOT, "tests", "integration", "connection_plugins"),
    "ANSIBLE_BECOME_PLUGINS": os.path.join(ROOT, "tests", "integration", "become_plugins"),
}

# these tests pick the path of each run themselves
pytestmark = pytest.mark.parametrize("execution_path", ["chosen by the test"])


def delete(record, **keywords):
    return dict({"name": "delete", MODULE: {"id": record["_id"], "state": "absent"}, "register": "outcome"},
                **keywords)


def assert_path(run, reason=None):
    """``reason`` None: the task ran in the worker; else it ran its module, for that reason."""
    if reason is None:
        assert IN_WORKER in run.output and ANSIBALLZ not in run.output, run
    else:
        assert AS_MODULE + reason in run.output and ANSIBALLZ in run.output, run


def test_a_local_connection_runs_in_the_worker(sim, playbook, api_log):
    record = sim.seed("Worker", "x")
    run = playbook([delete(record)], args=["-vvv"])
    assert run.status(0) == "changed", run
    assert_path(run)
    assert [r["method"] for r in api_log.of()] == ["GET", "DELETE"]


@pytest.mark.parametrize("how", ["extra var", "play var"])
def test_the_switch_runs_the_module(sim, playbook, tmp_path, how):
    record = sim.seed("Switched", "x")
    if how == "extra var":
        run = playbook([delete(record)], args=["-vvv", "-e", "kore_ai_in_worker=false"])
    else:
        play = tmp_path / "switched.yml"
        play.write_text(json.dumps([{"hosts": "localhost", "gather_facts": False,
                                     "vars": {"kore_ai_in_worker": "{{ 'no' }}"}, "tasks": [delete(record)]}]))
        run = playbook(str(play), args=["-vvv"])
    assert run.status(0) == "changed", run
    assert_path(run, "kore_ai_in_worker is false")


def test_another_connection_runs_the_module_and_delegating_to_localhost_the_worker(sim, playbook, tmp_path):
    on_jump, delegated = sim.seed("On the jump host", "x"), sim.seed("Delegated", "x")
    inventory = tmp_path / "hosts.ini"
    inventory.write_text("jump ansible_connection=kore_test_remote\n")
    play = tmp_path / "jump.yml"
    play.write_text(json.dumps([{"hosts": "jump", "gather_facts": False, "tasks": [
        delete(on_jump), delete(delegated, delegate_to="localhost")]}]))
    run = playbook(str(play), args=["-vvv", "-i", str(inventory)], env=TEST_PLUGINS)
    assert [run.status(0), run.status(1)] == ["changed", "changed"], run
    first, second = run.output.split("TASK [delete]")[1:3]
    assert AS_MODULE + "the connection is kore_test_remote, not local" in first and ANSIBALLZ in first, run
    assert IN_WORKER in second and ANSIBALLZ not in second, run
    assert sim.store.all_records().get(sim.tenant.stream_id, {}) == {}


def test_become_runs_the_module(sim, playbook):
    record = sim.seed("Become", "x")
    run = playbook([delete(record, become=True, become_method="kore_test_become")], args=["-vvv"], env=TEST_PLUGINS)
    assert run.status(0) == "changed", run
    assert_path(run, "become is set")


def test_async_runs_the_module(sim, playbook):
    record = sim.seed("Async", "x")
    run = playbook([delete(record, **{"async": 60, "poll": 1})], args=["-vvv"])
    assert run.status(0) == "changed", run
    assert run[0]["contact_list"]["_id"] == record["_id"]
    assert_path(run, "async is set")


def test_the_environment_of_each_loop_item_is_applied_and_then_restored(sim, playbook):
    """The worker serves every item of a loop: what one item's environment set must be gone for the next."""
    sim.seed("Env", "x")
    token = jwt.encode({"sub": "t", "appId": sim.tenant.client_id}, sim.tenant.client_secret, algorithm="HS256")
    task = {MODULE: {"name": "Env", "description": "x"}, "environment": "{{ item }}", "ignore_errors": True,
            "loop": [{"KORE_JWT": token}, {}]}
    for on in ("worker", "module"):
        run = playbook([task], env={"KORE_CLIENT_ID": None, "KORE_CLIENT_SECRET": None}, on=on)
        first, second = run[0]["results"]
        assert not first.get("failed") and first["changed"] is False, (on, run)
        assert run.status(0) == "failed" and second["msg"].startswith("no credentials"), (on, second)


def test_warnings_are_told_once_per_loop_item_on_both_paths(sim, playbook):
    sim.seed("Warned", "x")
    clash = "Both option id and its alias contact_list_id are set."
    task = {MODULE: {"id": "cl-1", "contact_list_id": "cl-1", "state": "absent"}, "loop": [1, 2, 3]}
    for on in ("worker", "module"):
        run = playbook([task], on=on)
        assert run.status(0) == "ok", (on, run)
        # ansible-core before 2.19 keeps each item's warnings with the item, later ones gather them on the task
        told = [w for item in run[0]["results"] for w in item.get("warnings", [])] or run[0]["warnings"]
        assert told == [clash] * 3, (on, run)


# Scenarios for the comparison of both paths: (name, seed the simulator, tasks, playbook options)
def seed_two(sim):
    sim.seed("Renewals", "old")
    sim.seed_contacts(sim.seed("Win-back", "x")["_id"], [{"phoneNumber": "+15550100001", "uniqueId": "a"}])


def delete_first(sim):
    win_back = [i for i, r in sim.store.all_records()[sim.tenant.stream_id].items() if r["name"] == "Win-back"]
    return [{MODULE: {"id": win_back[0], "state": "absent", "force": True}}]


SCENARIOS = [
    ("create, update, unchanged, in check and diff mode", seed_two, [
        {MODULE: {"name": "New", "description": "n"}},
        {MODULE: {"name": "Renewals", "description": "new"}},
        {MODULE: {"name": "Win-back", "description": "x"}},
    ], {"check": True, "diff": True}),
    ("create, update, contacts, then read", seed_two, [
        {MODULE: {"name": "New", "description": "n", "contacts": [{"phoneNumber": "+15550100002"}]}},
        {MODULE: {"name": "Renewals", "description": "new", "allow_duplicates": True}},
        {MODULE: {"name": "Win-back", "contacts": [{"phoneNumber": "+15550100003", "uniqueId": "b"}],
                  "purge_contacts": True, "return_contacts": True}},
        {"kore.ai.kore_contact_list_info": {"return_contacts": True}},
    ], {"diff": True}),
    ("delete by name, already missing, by alias", seed_two, [
        {MODULE: {"name": "Renewals", "state": "absent", "return_contacts": True}},
        {MODULE: {"name": "Renewals", "state": "absent"}},
        {MODULE: {"contact_list_id": "cl-00000000-0000-4000-8000-000000000000", "state": "absent"}},
    ], {}),
    ("a set of lists, purged", seed_two, [
        {"kore.ai.kore_contact_lists": {"lists": [{"name": "Renewals", "description": "r"}, {"name": "Fresh"}],
                                        "purge": True}},
    ], {"diff": True}),
    ("warnings: an option and its alias, retries", seed_two, [
        {MODULE: {"id": "cl-1", "contact_list_id": "cl-1", "state": "absent"}, "loop": [1, 2]},
        {"kore.ai.kore_contact_list_info": {"name": "Renewals"}},
    ], {"faults": [("status", {"status": 503, "times": 1})]}),
    ("refusals before any request", seed_two, [
        {MODULE: {"name": "x", "colour": "red"}},
        {MODULE: {"name": "x", "contacts": [], "contacts_file": "/x.csv"}},
        {MODULE: {"state": "absent"}},
        {MODULE: {"name": "x", "state": "gone"}},
        {MODULE: {"name": "x", "parallel": "many"}},
        {MODULE: {"name": "x", "client_id": "only-the-id"}},
        {MODULE: {"name": "x", "retries": 99, "jwt": "a-secret-jwt"}},
        {MODULE: {"name": "x", "contacts": [{"phoneNumber": "+1", "contactPriority": 1.5e400}]}},
        {"kore.ai.kore_contact_lists": {"lists": [{"description": "no name"}]}},
        {"kore.ai.kore_contact_list_info": {"id": "a", "name": "b"}},
    ], {}),
    ("Kore refuses, with a token that must not show", seed_two, [
        {MODULE: {"name": "Renewals", "state": "absent", "retries": 0}},
    ], {"faults": [("status", {"status": 500, "echo_headers": True, "times": 5})]}),
    ("a delete by id in check mode", seed_two, delete_first, {"check": True}),
]


def normalized(results):
    """Results with what differs between two simulator runs by design replaced: ids and times."""
    text = json.dumps(results, sort_keys=True)
    ids = {}
    for found in re.findall(r"\b(?:cl|cc)-[0-9a-f-]{36}\b", text):
        ids.setdefault(found, "<id %d>" % len(ids))
    text = re.sub(r"\b(?:cl|cc)-[0-9a-f-]{36}\b", lambda match: ids[match.group(0)], text)
    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "<time>", text)
    return json.loads(text)


@pytest.mark.parametrize("name, seed, tasks, options", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_both_paths_register_the_same_results(sim, playbook, name, seed, tasks, options):
    registered = {}
    for on in ("worker", "module"):
        sim.reset()
        seed(sim)
        for kind, fault in options.get("faults", []):
            sim.faults.add(kind, **fault)
        steps = tasks(sim) if callable(tasks) else tasks
        play = [dict(step, register="r%d" % n, ignore_errors=True) for n, step in enumerate(steps)]
        every = "[%s]" % ", ".join("r%d" % n for n in range(len(steps)))
        play.append({"ansible.builtin.debug": {"var": every}})
        run = playbook(play, check=options.get("check", False), diff=options.get("diff", False), on=on)
        assert run.rc in (0, 2) and len(run.rows) == len(steps) + 1, run
        registered[on] = normalized(run[len(steps)][every])
        assert sim.tenant.client_secret not in run.output and "eyJ" not in run.output
    assert registered["worker"] == registered["module"]
