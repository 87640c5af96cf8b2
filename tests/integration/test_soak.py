# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Soak under chaos: create N lists by name, delete them all, delete them again, while requests fail at random.

`make test` runs it small (KORE_SOAK_N=20); `make soak` runs N=200. KORE_SOAK_CHAOS (default 0.1) is the chance
that any API request meets a 429, a 503 or (for POST and DELETE) a lost answer after the change was made;
KORE_SOAK_SEED makes a run reproducible.
"""

from __future__ import annotations

import collections
import os

import pytest
from kore_sim import Simulator
from kore_sim.faults import Chaos

MODULE = "kore.ai.kore_contact_list"
N = int(os.environ.get("KORE_SOAK_N", "20"))
CHAOS = float(os.environ.get("KORE_SOAK_CHAOS", "0.1"))
SEED = int(os.environ.get("KORE_SOAK_SEED", "1"))
RETRIES = 5  # at 10 % chaos, six failures in a row happen about once in a million requests


@pytest.fixture
def sim():
    """A simulator of this test's own, with chaos (it overrides the shared one for ``playbook``)."""
    with Simulator(chaos=Chaos(CHAOS, SEED)) as chaotic:
        yield chaotic


def one_pass(playbook, names, **options):
    task = {MODULE: dict(options, name="{{ item }}", retries=RETRIES), "loop": names, "ignore_errors": True}
    run = playbook([task])
    return run, run[0].get("results", [])


def test_soak_under_chaos(sim, playbook):
    names = ["soak-%04d" % i for i in range(N)]
    created_run, created = one_pass(playbook, names, description="soak list")
    per_name = collections.Counter(r["name"] for r in sim.store.all_records()[sim.tenant.stream_id].values())
    deleted_run, deleted = one_pass(playbook, names, state="absent")
    left_behind = len(sim.store.all_records()[sim.tenant.stream_id])
    again_run, again = one_pass(playbook, names, state="absent")
    runs = (created_run, deleted_run, again_run)
    figures = collections.OrderedDict([
        ("lost_records", sum(1 for r in deleted if r.get("changed") and not r.get("contact_list", {}).get("_id"))),
        ("duplicates", sum(count - 1 for count in per_name.values())),
        ("false_unchanged", sum(1 for r in deleted if not r.get("changed") and not r.get("failed"))),
        ("failures", sum(1 for results in (created, deleted, again) for r in results if r.get("failed"))),
        ("tracebacks", sum(run.output.count("Traceback (most recent call last)") for run in runs)),
        ("left_behind", left_behind + len(sim.store.all_records()[sim.tenant.stream_id])),
        ("second_pass_changed", sum(1 for r in again if r.get("changed"))),
    ])
    summary = "soak N=%d chaos=%.2f seed=%d: %s (requests=%d, faults injected %s)" % (
        N, CHAOS, SEED, " ".join("%s=%d" % item for item in figures.items()), len(sim.requests),
        dict(sorted(sim.chaos.injected.items())))
    print("\n" + summary)
    assert [len(created), len(deleted), len(again)] == [N, N, N], summary
    assert sorted(per_name) == names, summary
    assert all(v == 0 for v in figures.values()), summary
    assert sum(sim.chaos.injected.values()) > 0 or CHAOS == 0, summary
