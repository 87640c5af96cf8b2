# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A task that fails after a destructive step (a delete, a recreation, contacts added) says changed: true and
what it did: the lists deleted, the list created again, the backup written first.

Every test runs on both execution paths (the ``playbook`` fixture), through ansible-playbook and the simulator.
"""

from __future__ import annotations

import os

MODULE = "kore.ai.kore_contact_list"
SET = "kore.ai.kore_contact_lists"


BROKEN = "Ad\ud800a"  # a lone surrogate: JSON carries it, UTF-8 cannot


def test_a_reset_that_fails_half_way_names_every_list_it_deleted(sim, playbook, tmp_path, csv_phones, people, listed):
    records = [sim.seed("Reset %d" % n, "x") for n in range(5)]
    for number, record in enumerate(records):
        sim.seed_contacts(record["_id"], people(2, 10 * number))
    sim.seed_contacts(records[2]["_id"], [{"phoneNumber": "+15559999999", "firstName": BROKEN}])
    (tmp_path / "backups").mkdir()
    run = playbook([{SET: {"lists": [], "purge": True, "backup_dir": "backups", "parallel": 1}}])
    result = run[0]
    assert run.status(0) == "failed" and result["changed"] is True, run
    gone = sorted(r["_id"] for r in records if r["name"] not in listed())
    assert gone == sorted(r["_id"] for r in records[:2]) == sorted(d["_id"] for d in result["deleted"])
    assert sorted(result["backup_files"]) == gone
    assert all(csv_phones(result["backup_files"][i]) for i in gone)
    assert "cannot hold contact" in result["msg"] and "2 deleted" in result["msg"], result["msg"]
    assert len(result["not_attempted"]) == 2 and "Unexpected" not in result["msg"]
    # no temporary file left: each list deleted has its contacts and, beside them, its record
    contacts = sorted(os.path.basename(p) for p in result["backup_files"].values())
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == sorted(
        contacts + [n[:-len(".csv")] + ".json" for n in contacts])


def test_a_failed_add_after_a_recreation_reports_the_recreation_and_the_backup(sim, playbook, tmp_path, csv_phones, people, listed):
    record = sim.seed("Purged", "x")
    sim.seed_contacts(record["_id"], people(2))
    sim.faults.add("status", method="POST", path_contains="addContacts", status=400, times=100,
                   body={"msg": "refused"})
    run = playbook([{MODULE: {"name": "Purged", "contacts": people(1, 50), "purge_contacts": True,
                              "backup_file": "before.csv", "retries": 0}}])
    result = run[0]
    assert run.status(0) == "failed" and result["changed"] is True, run
    assert result["recreated"]["old_id"] == record["_id"] and result["recreated"]["new_id"] == listed()["Purged"]
    assert result["backup_file"] == str(tmp_path / "before.csv") and csv_phones(tmp_path / "before.csv") == [
        "+15550000000", "+15550000001"]
    assert "written to %s first" % result["backup_file"] in result["msg"] and "created again" in result["msg"]
    assert result["contact_list"]["_id"] == result["recreated"]["new_id"]


def test_a_set_whose_add_fails_after_a_recreation_reports_it(sim, playbook, tmp_path, csv_phones, people):
    record = sim.seed("Purged", "x")
    sim.seed_contacts(record["_id"], people(2))
    sim.faults.add("status", method="POST", path_contains="addContacts", status=400, times=100,
                   body={"msg": "refused"})
    (tmp_path / "backups").mkdir()
    run = playbook([{SET: {"lists": [{"name": "Purged", "contacts": people(1, 50)}], "purge_contacts": True,
                           "backup_dir": "backups", "retries": 0}}])
    result = run[0]
    assert run.status(0) == "failed" and result["changed"] is True, run
    assert [(r["name"], r["old_id"]) for r in result["recreated"]] == [("Purged", record["_id"])]
    assert csv_phones(result["backup_files"][record["_id"]]) == ["+15550000000", "+15550000001"]
    assert result["backup_files"][record["_id"]] in result["msg"], result["msg"]


def test_a_contacts_file_changed_during_the_recreation_still_reports_it(sim, playbook, while_held, tmp_path, csv_rows, listed, write_phones):
    record = sim.seed("Recreated", "d")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+15550000001"}, {"phoneNumber": "+15550000009"}])
    declared, backup = tmp_path / "declared.csv", tmp_path / "backup.csv"
    write_phones(declared, ["+15550000001", "+15550000002"])
    # the new list's create is held; meanwhile someone edits the contacts file
    editor = while_held("POST", "/createContactList",
                        lambda: write_phones(declared, ["+15550000001", "+15550000002", "+15550000003"]),
                        seconds=1.5)
    run = playbook([{MODULE: {"name": "Recreated", "contacts_file": str(declared), "purge_contacts": True,
                              "backup_file": str(backup)}}])
    editor.join()
    result = run[0]
    assert run.status(0) == "failed" and result["changed"] is True, run
    assert "changed while the task ran" in result["msg"] and "created again" in result["msg"], result["msg"]
    assert result["recreated"]["old_id"] == record["_id"] and result["recreated"]["new_id"] == listed()["Recreated"]
    assert result["backup_file"] == str(backup)
    assert sorted(r["phoneNumber"] for r in csv_rows(backup)) == ["+15550000001", "+15550000009"]


def test_return_contacts_past_the_cap_after_contacts_were_added_says_changed(sim, playbook, tmp_path, write_phones):
    record = sim.seed("Grown", "d")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+1%010d" % n} for n in range(19995)])
    declared = tmp_path / "more.csv"
    write_phones(declared, ["+2%010d" % n for n in range(10)])
    run = playbook([{MODULE: {"name": "Grown", "contacts_file": str(declared), "return_contacts": True}}])
    result = run[0]
    assert run.status(0) == "failed" and result["changed"] is True, run
    assert "too many to return" in result["msg"] and "10 contacts added" in result["msg"], result["msg"]
    assert result["contacts_counts"]["added"] == 10 and "backup_file" not in result["msg"]


FLAKY_DELETES = [
    (MODULE, {"name": "Flaky", "state": "absent"}),
    (MODULE, {"name": "Flaky", "state": "absent", "backup_file": "flaky.csv"}),
    (SET, {"lists": [], "purge": True}),
    (SET, {"lists": [], "purge": True, "backup_dir": "."}),
]


def test_a_delete_answered_503_until_the_retries_ran_out_is_a_change(sim, playbook, api_log):
    # each task sends the DELETE and its one retry, both answered 503 and not carried out: the next task meets
    # the list again
    sim.seed("Flaky", "d")
    sim.faults.add("status", method="DELETE", status=503, times=2 * len(FLAKY_DELETES))
    run = playbook([{module: dict(options, retries=1), "ignore_errors": True} for module, options in FLAKY_DELETES])
    assert len(run.rows) == len(FLAKY_DELETES), run
    for index, step in enumerate(run.split()):
        assert step.status(0) == "failed" and step[0]["changed"] is True, (FLAKY_DELETES[index], step)
        assert "503" in step[0]["msg"]
        assert [r["status"] for r in api_log.during(step, "DELETE")] == [503, 503]
