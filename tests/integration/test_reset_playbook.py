# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""docs/reset.yml, the environment reset the teardown guide shows, against the simulator."""

from __future__ import annotations

import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESET = os.path.join(ROOT, "docs", "reset.yml")


def test_guide_shows_the_playbook_as_it_is():
    with open(os.path.join(ROOT, "docs", "docsite", "rst", "guide_teardown.rst")) as handle:
        guide = handle.read()
    with open(RESET) as handle:
        for line in handle:
            assert ("    " + line if line.strip() else line) in guide, line


def test_reset_keeps_the_wanted_lists_and_deletes_the_rest(sim, playbook, api_log, in_turn, tmp_path):
    keep = sim.seed("Renewals", "Customers up for renewal")
    updated = sim.seed("Win-back", "outdated words")
    stale = [sim.seed("Old campaign", "x"), sim.seed("Old campaign", "y")]
    checked = playbook(RESET, check=True)
    assert checked.rc == 0, checked
    assert len(sim.store.all_records()[sim.tenant.stream_id]) == 4
    # the reset and its re-run: the playbook imported twice, one ansible-playbook start
    both = playbook(in_turn(shutil.copy(RESET, tmp_path), 2))
    assert both.rc == 0 and len(both.rows) % 2 == 0, both
    run, again = both.part(0, len(both.rows) // 2), both.part(len(both.rows) // 2)
    lists = sim.store.all_records()[sim.tenant.stream_id]
    assert sorted((r["name"], r["description"]) for r in lists.values()) == [
        ("Renewals", "Customers up for renewal"), ("Win-back", "Lapsed customers")]
    assert keep["_id"] in lists and updated["_id"] in lists
    assert not any(s["_id"] in lists for s in stale)
    assert [r["method"] for r in api_log.writes_during(run)] == ["DELETE", "DELETE", "PUT"], run
    assert "changed" not in [again.status(i) for i in range(len(again.rows))], again
    assert api_log.writes_during(again) == []


def test_reset_stops_at_a_list_in_use(sim, playbook):
    used = sim.seed("Running campaign", "x", campaignInUse=[{"id": "cd-7", "name": "Autumn"}])
    run = playbook(RESET)
    assert run.rc != 0
    assert "Autumn" in run.output
    assert sim.store.get(sim.tenant.stream_id, used["_id"]) is not None
    forced = playbook(RESET, args=["-e", "kore_force=true"])
    assert forced.rc == 0, forced
    assert sim.store.get(sim.tenant.stream_id, used["_id"]) is None
