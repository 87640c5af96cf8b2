# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""kore_contact_list_info through ansible-playbook."""

from __future__ import annotations

from kore_sim.store import NOT_IN_SUMMARY

MODULE = "kore.ai.kore_contact_list_info"


def info(**options):
    return {MODULE: options, "register": "out"}


def test_all_by_id_and_by_name(sim, playbook, api_log):
    one, two, other = sim.seed("Twin", "a"), sim.seed("Twin", "b"), sim.seed("Other", "c")
    run = playbook([info(), info(id=one["_id"]), info(name="Twin"), info(id="cl-missing"), info(name="None")],
                   check=True)
    assert run.rc == 0, run
    assert all(run.status(i) == "ok" for i in range(5))
    everything = run[0]["contact_lists"]
    assert sorted(r["_id"] for r in everything) == sorted(r["_id"] for r in (one, two, other))
    assert not any(key in everything[0] for key in NOT_IN_SUMMARY)
    assert run[1]["contact_lists"] == [one]
    assert sorted(run[2]["contact_lists"], key=lambda r: r["description"]) == [one, two]
    assert run[3]["contact_lists"] == [] and run[4]["contact_lists"] == []
    assert api_log.writes() == []


def test_wrong_bot_fails_instead_of_an_empty_answer(sim, playbook):
    sim.seed("Present", "x")
    run = playbook([info(id="cl-anything"), ], env={"KORE_STREAM_ID": "st-wrong-bot"})
    assert run.status(0) == "failed"
    assert "stream_id" in run[0]["msg"]
