# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Rate limits, server errors and dropped connections (issue behaviour 7)."""

from __future__ import annotations

import pytest

MODULE = "kore.ai.kore_contact_list"


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


@pytest.mark.parametrize("status", [502, 503, 504])
def test_gateway_errors_are_retried(sim, playbook, api_log, status):
    record = sim.seed("Flaky", "x")
    sim.faults.add("status", method="GET", status=status, times=2)
    run = playbook([task(id=record["_id"], state="absent")])
    assert run.status(0) == "changed", run
    assert [r["status"] for r in api_log.of("GET")] == [status, status, 200]


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


@pytest.mark.parametrize("kind", ["status", "cut_after_commit"])
def test_create_is_not_doubled_by_a_retry(sim, playbook, api_log, kind):
    # 503 may or may not have created the list (here it did not); a cut after commit did create it.
    sim.faults.add(kind, method="POST", status=503)
    run = playbook([task(name="Exactly once", description="x")])
    assert run.status(0) == "changed", run
    stored = list(sim.store.all_records()[sim.tenant.stream_id].values())
    assert len(stored) == 1
    assert run[0]["contact_list"] == stored[0]
    assert len(api_log.of("POST")) == (2 if kind == "status" else 1)


def test_create_is_repeated_after_429(sim, playbook, api_log):
    sim.faults.add("status", method="POST", status=429, retry_after=0)
    run = playbook([task(name="After 429", description="x")])
    assert run.status(0) == "changed", run
    assert [r["status"] for r in api_log.of("POST")] == [429, 200]
    assert len(sim.store.all_records()[sim.tenant.stream_id]) == 1
