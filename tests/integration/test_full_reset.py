# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""docs/full-reset.yml and docs/full-restore.yml, the end-to-end reset and its undo the teardown guide shows:
campaigns backed up, stopped and deleted, lists purged with their contacts backed up, then all of it restored."""

from __future__ import annotations

import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESET, RESTORE = (os.path.join(ROOT, "docs", name) for name in ("full-reset.yml", "full-restore.yml"))


def test_the_guide_shows_both_playbooks_as_they_are():
    with open(os.path.join(ROOT, "docs", "docsite", "rst", "guide_teardown.rst")) as handle:
        guide = handle.read()
    for path in (RESET, RESTORE):
        with open(path) as handle:
            for line in handle:
                assert ("    " + line if line.strip() else line) in guide, line


def state(sim):
    """Lists (name, description, phone numbers) and campaigns (type, name, status, lists, description)."""
    stream = sim.tenant.stream_id
    lists = sorted((r["name"], r["description"], tuple(sorted(c["phoneNumber"] for c in sim.contacts_of(r["_id"]))))
                   for r in sim.store.all_records()[stream].values())
    campaigns = sorted((c["type"], c["name"], c["status"], tuple(c["contactLists"]), c.get("description"))
                       for c in (sim.campaigns.shown(r) for r in sim.campaigns.of(stream).values()))
    return lists, campaigns


def test_a_full_reset_reaches_the_campaigns_and_its_undo_brings_everything_back(
        sim, playbook, api_log, in_turn, tmp_path):
    for folder in ("docs",):
        os.makedirs(tmp_path / folder)
    reset, restore = (shutil.copy(p, tmp_path / "docs") for p in (RESET, RESTORE))
    sim.seed("Renewals", "Customers up for renewal")
    qa = sim.seed("QA smoke", "QA numbers")
    sim.seed_contacts(qa["_id"], [{"phoneNumber": "+15550100%02d" % i, "firstName": "Q%d" % i} for i in range(5)])
    old = sim.seed("Old leads", "Last year")
    sim.seed_contacts(old["_id"], [{"phoneNumber": "+15550200%02d" % i} for i in range(3)])
    sim.seed("DNC", "Do not call", listType="dnc")
    sim.seed_campaign("QA outbound", ["QA smoke", "Old leads"], status="Active", description="qa",
                      dncLists=[{"name": "DNC"}])
    sim.seed_campaign("QA texts", ["QA smoke"], kind="sms", description="texts")
    sim.seed_campaign("Renewal calls", ["Renewals"], description="kept")
    before = state(sim)
    checked = playbook(reset, check=True, diff=True)
    assert checked.rc == 0, checked
    assert state(sim) == before
    run = playbook(reset)
    assert run.rc == 0, run
    lists, campaigns = state(sim)
    assert [name for name, dummy, dummy in lists] == ["DNC", "Renewals"]  # DNC lists are not contact lists
    assert [name for dummy, name, dummy, dummy, dummy in campaigns] == ["Renewal calls"]
    backups = tmp_path / "docs" / "kore-backup"
    assert len(os.listdir(backups / "campaigns")) == 2 and len(os.listdir(backups / "lists")) == 2
    # the undo and its re-run: the playbook imported twice, one ansible-playbook start (the second play must not
    # declare each list twice from what the first play read)
    both = playbook(in_turn(restore, 2))
    assert both.rc == 0 and len(both.rows) % 2 == 0, both
    again = both.part(len(both.rows) // 2)
    lists, campaigns = state(sim)
    assert lists == before[0]
    # the campaigns come back as they were, but a new campaign starts Preparing and is not running: Kore's
    # status is its own, not part of a definition
    assert [(t, n, tuple(ls), d) for t, n, dummy, ls, d in campaigns] == [
        (t, n, tuple(ls), d) for t, n, dummy, ls, d in before[1]]
    assert "changed" not in [again.status(n) for n in range(len(again.rows))], again
    assert api_log.writes_during(again) == []
