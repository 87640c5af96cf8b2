# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Rate limits, server errors and dropped connections: retried within bounds, never doubled."""

from __future__ import annotations

import json
import os
import subprocess
import sys

MODULE = "kore.ai.kore_contact_list"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def task(**options):
    return {MODULE: options, "register": "out"}


def test_429_waits_out_retry_after(sim, playbook, api_log):
    record = sim.seed("Limited", "x")
    sim.faults.add("status", method="DELETE", status=429, retry_after=2)
    run = playbook([task(id=record["_id"], state="absent")])
    assert run.status(0) == "changed", run
    deletes = api_log.of("DELETE")
    assert [d["status"] for d in deletes] == [429, 200]
    assert deletes[1]["at"] - deletes[0]["at"] >= 1.9
    assert run[0]["contact_list"] == record


def test_gateway_errors_are_retried(sim, playbook, api_log):
    statuses = [502, 503, 504]
    records = [sim.seed("Flaky %d" % status, "x") for status in statuses]
    for status, record in zip(statuses, records):  # the first task's list meets the 502s, the second's the 503s
        sim.faults.add("status", method="GET", path_contains=record["_id"], status=status, times=2)
    steps = playbook([task(id=record["_id"], state="absent") for record in records]).split()
    assert len(steps) == len(statuses)
    for step, status in zip(steps, statuses):
        assert step.status(0) == "changed", step
        assert [r["status"] for r in api_log.during(step, "GET")] == [status, status, 200]


def test_dropped_connection_is_retried(sim, playbook, api_log):
    record = sim.seed("Dropped", "x")
    sim.faults.add("cut", method="GET")
    run = playbook([task(id=record["_id"], state="absent")])
    assert run.status(0) == "changed", run
    assert [r["status"] for r in api_log.of("GET")] == ["cut", 200]


def test_lost_delete_answer_still_reports_the_deleted_record(sim, playbook, api_log):
    record = sim.seed("Committed", "the answer never arrives")
    sim.faults.add("cut_after_commit", method="DELETE")
    run = playbook([task(id=record["_id"], state="absent")])
    assert run.status(0) == "changed", run
    assert run[0]["contact_list"] == record
    assert [r["status"] for r in api_log.of("DELETE")] == ["cut", 404]
    assert sim.store.get(sim.tenant.stream_id, record["_id"]) is None


def test_retries_are_bounded_and_failure_says_why(sim, playbook, api_log):
    record = sim.seed("Down", "x")
    sim.faults.add("status", status=503, times=100)
    run = playbook([task(id=record["_id"], state="absent", retries=2)])
    assert run.status(0) == "failed"
    assert "503" in run[0]["msg"] and "after 2 retries" in run[0]["msg"]
    assert len(api_log.of()) == 3
    assert sim.store.get(sim.tenant.stream_id, record["_id"]) == record


def test_create_is_not_doubled_by_a_retry(sim, playbook, api_log):
    # 503 may or may not have created the list (here it did not); a cut after commit did create it.
    kinds = ["status", "cut_after_commit"]
    for kind in kinds:  # used in turn: the first create meets the 503, the second the cut
        sim.faults.add(kind, method="POST", status=503)
    steps = playbook([task(name="Exactly once, %s" % kind, description="x") for kind in kinds]).split()
    assert len(steps) == len(kinds)
    for step, kind in zip(steps, kinds):
        assert step.status(0) == "changed", step
        stored = [r for r in sim.store.all_records()[sim.tenant.stream_id].values()
                  if r["name"] == "Exactly once, %s" % kind]
        assert len(stored) == 1
        assert step[0]["contact_list"] == stored[0]
        assert len(api_log.during(step, "POST")) == (2 if kind == "status" else 1)


def test_create_is_repeated_after_429(sim, playbook, api_log):
    sim.faults.add("status", method="POST", status=429, retry_after=0)
    run = playbook([task(name="After 429", description="x")])
    assert run.status(0) == "changed", run
    assert [r["status"] for r in api_log.of("POST")] == [429, 200]
    assert len(sim.store.all_records()[sim.tenant.stream_id]) == 1


def test_retries_are_told_once_in_words_and_nothing_reaches_stderr(sim, playbook, api_log, tmp_path):
    # urllib3 logs its retries; a module's stderr is no place for them: one warning says it all
    record = sim.seed("Bumpy", "x")
    sim.faults.add("cut", method="GET")
    sim.faults.add("status", method="GET", status=429, retry_after=0)
    sim.faults.add("status", method="DELETE", status=503, times=2)
    run = playbook([task(id=record["_id"], state="absent")])
    assert run.status(0) == "changed", run
    assert run[0]["warnings"] == [
        "2 requests to Kore were answered only after retries (HTTP 429 (rate limit) x1, HTTP 503 x2, connection "
        "lost x1), the first GET contactList/%s" % record["_id"]], run[0]
    assert run.output.count("answered only after retries") == 1, run

    # the module run as Ansible runs it, to see its own stderr
    second = sim.seed("Bumpy too", "x")
    sim.faults.add("cut", method="GET")
    sim.faults.add("status", method="DELETE", status=503)
    args = tmp_path / "args.json"
    args.write_text(json.dumps({"ANSIBLE_MODULE_ARGS": {"id": second["_id"], "state": "absent"}}))
    environ = dict((k, v) for k, v in os.environ.items() if not k.lower().endswith("_proxy"))
    environ.update(sim.env(), PYTHONPATH=os.path.join(ROOT, ".build", "collections"))
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "plugins", "modules", "kore_contact_list.py"),
                           str(args)], capture_output=True, text=True, timeout=120, check=False, env=environ)
    result = json.loads(proc.stdout)
    # ansible-core 2.19 wraps a raw result's warnings in objects: look at their text
    assert result["changed"] and "answered only after retries" in json.dumps(result["warnings"]), result
    assert proc.stderr == "", proc.stderr
