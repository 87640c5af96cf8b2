# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""docs/full-reset.yml and docs/full-restore.yml, the end-to-end reset and its undo the teardown guide shows:
campaigns backed up, stopped and deleted, lists purged with their contacts backed up, then all of it restored."""

from __future__ import annotations

import os
import shutil

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESET, RESTORE = (os.path.join(ROOT, "docs", name) for name in ("full-reset.yml", "full-restore.yml"))
RESET_TASKS = os.path.join(ROOT, "roles", "reset", "tasks", "main.yml")


def test_the_guide_shows_both_playbooks_and_the_reset_roles_tasks_as_they_are():
    with open(os.path.join(ROOT, "docs", "docsite", "rst", "guide_teardown.rst")) as handle:
        guide = handle.read()
    for path in (RESET, RESTORE, RESET_TASKS):
        with open(path) as handle:
            for line in handle:
                assert ("    " + line if line.strip() else line) in guide, line


def state(sim):
    """Lists (name, description, phone numbers) and campaigns (type, name, status, lists, description)."""
    stream = sim.tenant.stream_id
    lists = sorted((r["name"], r["description"], tuple(sorted(c["phoneNumber"] for c in sim.contacts_of(r["_id"]))))
                   for r in sim.store.all_records()[stream].values())
    campaigns = sorted((r["type"], c["name"], c["status"], tuple(c["contactLists"]), c.get("description"))
                       for r, c in ((r, sim.campaigns.shown(r)) for r in sim.campaigns.of(stream).values()))
    return lists, campaigns


def copied_playbooks(tmp_path):
    os.makedirs(tmp_path / "docs")
    return [shutil.copy(p, tmp_path / "docs") for p in (RESET, RESTORE)]


def seed_bot(sim):
    """Three lists with contacts (one kept), a DNC list, a running voice campaign and an sms one on the lists to
    go, and a campaign on the list kept."""
    sim.seed("Renewals", "Customers up for renewal")
    qa = sim.seed("QA smoke", "QA numbers")
    sim.seed_contacts(qa["_id"], [{"phoneNumber": "+15550100%02d" % i, "firstName": "Q%d" % i} for i in range(5)])
    old = sim.seed("Old leads", "Last year", allowDuplicates=True)
    sim.seed_contacts(old["_id"], [{"phoneNumber": "+15550200%02d" % i} for i in range(3)])
    sim.seed("DNC", "Do not call", listType="dnc")
    sim.seed_campaign("QA outbound", ["QA smoke", "Old leads"], status="Active", description="qa",
                      dncLists={"name": "DNC"})
    sim.seed_campaign("QA texts", ["QA smoke"], kind="sms", description="texts")
    sim.seed_campaign("Renewal calls", ["Renewals"], description="kept")
    return qa, old


def test_a_reset_that_failed_part_way_and_ran_again_is_undone_from_its_backup_directory_alone(
        sim, playbook, api_log, tmp_path):
    reset, restore = copied_playbooks(tmp_path)
    qa, old = seed_bot(sim)
    # a campaign created Ready at once: the state compared right after the restore is not a moment early
    sim.campaigns.prepare_delay = 0.0
    before = state(sim)
    # Kore refuses the DELETE of one list once, after the other is deleted (its backup read is held meanwhile): the
    # play stops failed, and no task after the purge runs. The reset is run again, and ends.
    sim.faults.add("delay", method="GET", path_contains="contactList/%s/getAllContacts" % qa["_id"], seconds=3.0)
    sim.faults.add("status", method="DELETE", path_contains="contactList/" + qa["_id"], status=400)
    # a relative kore_backup_dir means the playbook's directory (docs/), wherever ansible-playbook starts
    relative = ["-e", "kore_backup_dir=kore-backup"]
    failed = playbook(reset, args=relative, cwd=str(tmp_path))
    assert failed.rc != 0 and sim.store.get(sim.tenant.stream_id, old["_id"]) is None, failed
    assert sim.store.get(sim.tenant.stream_id, qa["_id"]) is not None
    again = playbook(reset, args=relative, cwd=str(tmp_path))
    assert again.rc == 0 and sim.store.get(sim.tenant.stream_id, qa["_id"]) is None, again
    # the first run's backups are still there beside the second's: each list's record, written before its DELETE
    records = sorted(n for n in os.listdir(tmp_path / "docs" / "kore-backup" / "lists") if n.endswith(".json"))
    assert records == sorted([old["_id"] + ".json", qa["_id"] + ".json"])
    # the campaign that was running is started again once its lists are back (kore_resume_campaigns)
    undo = playbook(restore, args=["-e", "kore_resume_campaigns=true"] + relative, cwd=str(tmp_path))
    assert undo.rc == 0, undo
    lists, campaigns = state(sim)
    assert lists == before[0]
    assert [(n, s) for dummy, n, s, dummy, dummy in campaigns] == [
        ("QA texts", "Ready"), ("QA outbound", "Active"), ("Renewal calls", "Ready")]
    restored = [r for r in sim.store.all_records()[sim.tenant.stream_id].values() if r["name"] == "Old leads"][0]
    assert restored["allowDuplicates"] is True  # the duplicates policy came back from the list's own record


def test_a_full_reset_reaches_the_campaigns_and_its_undo_brings_everything_back(
        sim, playbook, api_log, in_turn, tmp_path):
    reset, restore = copied_playbooks(tmp_path)
    seed_bot(sim)
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
    # each list: its contacts (<id>.csv) and its record (<id>.json)
    assert len(os.listdir(backups / "campaigns")) == 2 and len(os.listdir(backups / "lists")) == 4
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


def first_request(sim, method, path_part):
    """A condition for ``kill_when``: the first ``method`` request whose path holds ``path_part`` has arrived."""
    return lambda: any(r["method"] == method and path_part in r["path"] for r in list(sim.requests))


# one moment in each destructive task of the reset (a list's DELETE after its backup is the failed part-way test's
# moment; test_resume kills a purge in the middle of many lists)
KILL_MOMENTS = {
    "as its first campaign is deleted": ("DELETE", "/campaign/cd-"),
    "while it backs up a list's contacts": ("GET", "/getAllContacts"),
}


@pytest.mark.parametrize("moment", sorted(KILL_MOMENTS))
def test_a_reset_killed_at_any_moment_and_run_again_is_undone_from_its_backup_directory_alone(
        sim, playbook, tmp_path, moment):
    reset, restore = copied_playbooks(tmp_path)
    seed_bot(sim)
    sim.campaigns.prepare_delay = 0.0
    before = state(sim)
    killed = playbook(reset, kill_when=first_request(sim, *KILL_MOMENTS[moment]))
    assert killed.rc == -9, killed
    again = playbook(reset)
    assert again.rc == 0, again
    assert [name for name, dummy, dummy in state(sim)[0]] == ["DNC", "Renewals"]
    undo = playbook(restore, args=["-e", "kore_resume_campaigns=true"])
    assert undo.rc == 0, undo
    assert state(sim) == before
