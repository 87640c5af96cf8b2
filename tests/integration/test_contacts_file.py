# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Contacts in CSV files: contacts_file in, backup_file out, through ansible-playbook and the simulator."""

from __future__ import annotations

import hashlib
import json
import os
import stat

MODULE = "kore.ai.kore_contact_list"
SET = "kore.ai.kore_contact_lists"
KORE_OWN = ("_id", "createdAt", "updatedAt", "__v")


def fields_of(contacts):
    """Contacts without Kore's own fields, in a stable order: what a restore must give back."""
    return sorted((dict((k, v) for k, v in c.items() if k not in KORE_OWN) for c in contacts),
                  key=lambda c: (c.get("uniqueId", ""), c["phoneNumber"]))


# Kore's "Local Drive" import: E.164 numbers in double quotes, a header of Kore's fields and a custom column
KORE_STYLE = ('\ufeffphoneNumber,firstName,lastName,uniqueId,contactPriority,region\r\n'
              '"+4915112345678",Ada,Lovelace,qa-1,1,EU\r\n'
              '"004915112345679","Bob, Jr.",,qa-2,02,"Berlin\r\nMitte"\r\n'
              '\r\n'
              '"+15550100003",Carol\r\n')


def test_a_kore_style_csv_seeds_a_list_and_a_rerun_sends_nothing(sim, playbook, api_log, tmp_path):
    source = tmp_path / "contacts.csv"
    source.write_bytes(KORE_STYLE.encode("utf-8"))
    task = {MODULE: {"name": "From CSV", "description": "seeded from a file", "contacts_file": str(source)}}
    # check mode, the run and the re-run: one playbook, each step's requests told apart by when its task ran
    steps = playbook([dict(task, check_mode=True, diff=True), dict(task, diff=True), task])
    assert steps.rc == 0 and len(steps.rows) == 3, steps
    checked, run, again = steps.split()
    assert checked.status(0) == "changed" and api_log.writes_during(checked) == [], steps
    assert run.status(0) == "changed", steps
    held = sim.contacts_of(run[0]["contact_list"]["_id"])
    # text exactly as written: quoted numbers stay text, leading zeros kept, a short row lacks the missing fields
    assert fields_of(held) == [
        {"phoneNumber": "+15550100003", "firstName": "Carol"},
        {"phoneNumber": "+4915112345678", "firstName": "Ada", "lastName": "Lovelace", "uniqueId": "qa-1",
         "contactPriority": "1", "region": "EU"},
        {"phoneNumber": "004915112345679", "firstName": "Bob, Jr.", "uniqueId": "qa-2", "contactPriority": "02",
         "region": "Berlin\r\nMitte"}]
    assert run[0]["contacts_counts"] == {"before": 0, "added": 3, "dropped": 0, "after": 3}
    assert run[0]["contacts_added_sample"] == ["uniqueId qa-1", "uniqueId qa-2", "phoneNumber +15550100003"]
    assert "contacts_added" not in run[0]  # a file's contacts are counted, not listed
    assert run[0]["diff"]["after"]["contacts"] == {"count": 3, "added": 3, "added_sample": [
        "uniqueId qa-1", "uniqueId qa-2", "phoneNumber +15550100003"]}
    assert checked[0]["contacts_counts"] == run[0]["contacts_counts"]
    assert again.status(0) == "ok", steps
    assert api_log.writes_during(again) == [] and again[0]["contacts_counts"]["added"] == 0


MISUSE = [
    ({"contacts": [{"phoneNumber": "+1"}]}, "parameters are mutually exclusive: contacts|contacts_file"),
    ({"contacts_file": "/nonexistent/contacts.csv"}, "contacts_file /nonexistent/contacts.csv cannot be read"),
    ({"state": "absent"}, "contacts, contacts_file and purge_contacts are for state: present"),
]


def test_contacts_file_misuse_is_refused_before_any_request(sim, playbook, tmp_path):
    sim.seed("Guarded", "x")
    source = tmp_path / "ok.csv"
    source.write_text("phoneNumber\n+1\n")
    run = playbook([{MODULE: dict({"name": "Guarded", "contacts_file": str(source)}, **options), "ignore_errors": True}
                    for options, dummy in MISUSE])
    assert len(run.rows) == len(MISUSE), run
    for index, (options, message) in enumerate(MISUSE):
        assert run.status(index) == "failed" and message in run[index]["msg"], (options, run[index]["msg"])
    assert sim.requests == []


def round_trip_contacts(count):
    people = []
    for number in range(count):
        contact = {"phoneNumber": "+1555%07d" % number, "firstName": "P%d" % number, "uniqueId": "u-%d" % number,
                   "contactPriority": number % 3, "timeZone": "Europe/Berlin", "vip": number % 2 == 0}
        if number % 5 == 0:
            contact["note"] = 'says "hi", twice\nover two lines'
        people.append(contact)
    return people


def test_backup_delete_restore_gives_the_same_contacts_field_for_field(sim, playbook, api_log, tmp_path, csv_rows):
    sim.max_page = 30  # a backup streams every page, whatever size Kore gives
    record = sim.seed("Round trip", "restore me")
    original = round_trip_contacts(95)
    sim.seed_contacts(record["_id"], original)
    backup = tmp_path / "backups" / "round-trip.csv"
    backup.parent.mkdir()
    # what runs killed while writing here left: kept by check mode, then removed and named before the backup
    left_over = [backup.parent / ".kore-killed2.tmp", backup.parent / "round-trip.csv.999.2026-01-01@00:00:00~"]
    left_over[0].write_text("phoneNumber\n+1555")
    left_over[1].write_text("")
    delete = {MODULE: {"name": "Round trip", "state": "absent", "backup_file": str(backup)}}
    checked = playbook([delete], check=True)
    assert checked.status(0) == "changed" and not backup.exists() and "backup_file" not in checked[0], checked
    assert all(path.exists() for path in left_over) and "removed_temporary_files" not in checked[0]
    gone = playbook([delete])
    assert gone.status(0) == "changed", gone
    assert gone[0]["removed_temporary_files"] == sorted(str(path) for path in left_over), gone[0]
    assert "killed run" in gone[0]["msg"]
    assert gone[0]["backup_file"] == str(backup) and gone[0]["contact_list"]["_id"] == record["_id"]
    assert sim.store.get(sim.tenant.stream_id, record["_id"]) is None
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    raw = backup.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = csv_rows(backup)
    assert list(rows[0])[0] == "phoneNumber" and not set(rows[0]) & set(KORE_OWN) and len(rows) == 95
    assert raw.splitlines()[1].startswith(b'"+15550000000",')  # every value quoted: Kore's import keeps text
    # no temporary file left behind; the list's record beside its contacts
    assert sorted(tmp_path.joinpath("backups").iterdir()) == [backup, backup.with_suffix(".json")]
    assert json.loads(backup.with_suffix(".json").read_text())["id"] == record["_id"]

    # a re-run of the delete finds nothing and leaves the backup as it was (the restores after it only read it)
    before = (backup.read_bytes(), os.stat(backup).st_mtime_ns)
    restore = {MODULE: {"name": "Round trip", "description": "restore me", "contacts_file": str(backup)}}
    again, restored, restored_again = playbook([delete, restore, restore]).split()
    assert again.status(0) == "ok" and "backup_file" not in again[0], again
    assert (backup.read_bytes(), os.stat(backup).st_mtime_ns) == before

    assert restored.status(0) == "changed", restored
    held = sim.contacts_of(restored[0]["contact_list"]["_id"])
    # CSV holds text: numbers and booleans Kore kept come back as text
    as_text = [dict((k, v if isinstance(v, str) else str(v).lower() if isinstance(v, bool) else str(v))
                    for k, v in c.items()) for c in original]
    assert fields_of(held) == fields_of(as_text)
    assert restored_again.status(0) == "ok"


def test_purge_contacts_backs_up_before_it_recreates(sim, playbook, tmp_path, csv_rows):
    record = sim.seed("Purged", "x")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+15550000001"}, {"phoneNumber": "+15550000002"}])
    source = tmp_path / "keep.csv"
    source.write_text("phoneNumber\n+15550000002\n")
    backup = tmp_path / "before-purge.csv"
    task = {MODULE: {"id": record["_id"], "contacts_file": str(source), "purge_contacts": True,
                     "backup_file": str(backup)}}
    checked = playbook([task], check=True)
    assert checked.status(0) == "changed" and not backup.exists(), checked
    # the purge, then the same task on the list it made: nothing to purge, so no backup
    run, again = playbook([dict(task, register="purged"),
                           {MODULE: dict(task[MODULE], id="{{ purged.recreated.new_id }}")}]).split()
    assert run.status(0) == "changed" and run[0]["backup_file"] == str(backup), run
    assert csv_rows(backup) == [{"phoneNumber": "+15550000001"}, {"phoneNumber": "+15550000002"}]
    assert [c["phoneNumber"] for c in sim.contacts_of(run[0]["recreated"]["new_id"])] == ["+15550000002"]
    assert again.status(0) == "ok" and "backup_file" not in again[0], again


def test_set_purge_with_backup_dir_leaves_one_restorable_file_per_list(sim, playbook, api_log, tmp_path, csv_rows):
    keep = sim.seed("Keep", "x")
    doomed = [sim.seed("Old %d" % n, "x") for n in range(3)]
    hostile = sim.seed("Hostile", "x", _id="../../../escape/..")
    for number, record in enumerate(doomed + [hostile]):
        sim.seed_contacts(record["_id"], [{"phoneNumber": "+1555000%04d" % (number * 10 + i)} for i in range(3)])
    backups = tmp_path / "backups"
    backups.mkdir()
    # what a run killed while writing a backup leaves: removed and named, never taken for a backup
    left_over = backups / ".kore-killed1.tmp"
    left_over.write_text("phoneNumber\n+1555000")
    task = {SET: {"lists": [{"name": "Keep"}], "purge": True, "backup_dir": str(backups)}, "register": "purged"}
    # the purge, then a restore of one list from the file the purge names (which only reads it)
    restore = {MODULE: {"name": "Old 0", "description": "x",
                        "contacts_file": "{{ purged.backup_files['%s'] }}" % doomed[0]["_id"]}}
    run, restored = playbook([task, restore]).split()
    assert run.status(0) == "changed", run
    assert run[0]["removed_temporary_files"] == [str(left_over)] and "killed run" in run[0]["msg"], run
    files = sorted(p.name for p in backups.iterdir() if p.suffix == ".csv")
    assert len(list(backups.iterdir())) == 8  # each list's contacts and its record beside them
    assert len(files) == 4 and sorted(run[0]["backup_files"]) == sorted(r["_id"] for r in doomed + [hostile])
    assert all(os.path.dirname(p) == str(backups) for p in run[0]["backup_files"].values())
    assert not (tmp_path / "escape").exists() and not any(tmp_path.parent.glob("escape*"))
    # an id Kore would not give keeps a readable prefix and gets a digest of the whole id
    digest = hashlib.sha256(hostile["_id"].encode("utf-8")).hexdigest()[:16]
    assert "%2E%2E%2F%2E%2E%2F%2E%2E%2Fescape%2F%2E%2E." + digest + ".csv" in files
    assert [r["_id"] for r in sim.store.summaries(sim.tenant.stream_id)][:1] == [keep["_id"]]
    assert [r["method"] for r in api_log.writes_during(run)] == ["DELETE"] * 4
    # each file restores its list
    for number, record in enumerate(doomed + [hostile]):
        rows = csv_rows(run[0]["backup_files"][record["_id"]])
        assert rows == [{"phoneNumber": "+1555000%04d" % (number * 10 + i)} for i in range(3)]
    assert restored.status(0) == "changed", restored
    assert sorted(c["phoneNumber"] for c in sim.contacts_of(restored[0]["contact_list"]["_id"])) == [
        "+15550000000", "+15550000001", "+15550000002"]


def test_set_entries_take_contacts_files(sim, playbook, api_log, tmp_path):
    source = tmp_path / "renewals.csv"
    source.write_text("phoneNumber,uniqueId\n+15550000001,r-1\n+15550000002,r-2\n")
    task = {SET: {"lists": [{"name": "Renewals", "description": "x", "contacts_file": str(source)}]}}
    both_given = {SET: {"lists": [{"name": "Renewals", "contacts_file": str(source), "contacts": [{"phoneNumber": "+1"}]}]},
                  "ignore_errors": True}
    run, again, both = playbook([task, task, both_given]).split()
    assert run.status(0) == "changed", run
    assert run[0]["contacts_counts"]["Renewals"]["added"] == 2
    assert again.status(0) == "ok"
    assert both.status(0) == "failed" and "mutually exclusive" in both[0]["msg"], both[0]["msg"]
    assert api_log.during(both) == []


def test_set_refuses_a_contacts_file_changed_after_its_check_and_sends_none_of_it(
        sim, playbook, api_log, while_held, tmp_path):
    first, last = tmp_path / "first.csv", tmp_path / "last.csv"
    first.write_text("phoneNumber\n+15550000001\n")
    last.write_text("phoneNumber\n+15550000002\n")
    # the first list's create waits a second: meanwhile the last list's file, checked at the start, is changed
    changer = while_held("POST", "/createContactList", lambda: last.open("a").write("+15550000003\n"))
    run = playbook([{SET: {"lists": [{"name": "First", "description": "x", "contacts_file": str(first)},
                                     {"name": "Last", "description": "x", "contacts_file": str(last)}],
                           "parallel": 1}, "ignore_errors": True}])
    changer.join()
    assert run.status(0) == "failed", run
    assert "contacts_file %s changed while the task ran; run it again" % last in run[0]["msg"], run[0]["msg"]
    sent = [c["phoneNumber"] for r in api_log.adds() for c in r["body"]["data"]]
    assert sent == ["+15550000001"], sent  # the first list's contact, and nothing of the changed file


def test_a_list_deleted_by_someone_else_before_its_backup_is_unchanged_in_either_module(
        sim, playbook, api_log, while_held, tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    runs = []
    for task in ({MODULE: {"name": "Gone", "state": "absent", "backup_file": str(backups / "gone.csv")}},
                 {SET: {"lists": [], "purge": True, "backup_dir": str(backups)}}):
        record = sim.seed("Gone", "x")
        sim.seed_contacts(record["_id"], [{"phoneNumber": "+1555000%04d" % n} for n in range(3)])
        # another run's DELETE lands while this one's first read of the contacts is on its way
        deleter = while_held("GET", "/getAllContacts",
                             lambda list_id=record["_id"]: sim.store.delete(sim.tenant.stream_id, list_id))
        runs.append(playbook([task]))
        deleter.join()
    single, whole = runs
    assert single.status(0) == "ok" and whole.status(0) == "ok", runs
    assert "deleted by someone else meanwhile, before its contacts could be read" in single[0]["msg"], single[0]
    # the set counts a list someone else deleted meanwhile as none of its own changes, and names it
    assert whole[0]["deleted"] == [] and "0 deleted" in whole[0]["msg"], whole[0]
    assert [g["name"] for g in whole[0]["gone_meanwhile"]] == ["Gone"], whole[0]
    assert "1 deleted by someone else meanwhile (after this task read the bot): 'Gone'" in whole[0]["msg"]
    assert api_log.of("DELETE") == [] and os.listdir(str(backups)) == []


def test_a_contacts_file_that_is_not_a_regular_file_is_refused_at_once(sim, playbook, tmp_path):
    os.mkfifo(str(tmp_path / "fifo.csv"))
    (tmp_path / "folder.csv").mkdir()
    sim.seed("Guarded", "x")
    paths = {"fifo.csv": "is a FIFO (named pipe), not a regular file", "/dev/zero": "is a device, not a regular file",
             "folder.csv": "is a directory, not a regular file"}
    run = playbook([{MODULE: {"name": "Guarded", "contacts_file": path}, "ignore_errors": True, "timeout": 60}
                    for path in paths])
    for index, (path, message) in enumerate(paths.items()):
        assert run.status(index) == "failed" and message in run[index]["msg"] and path in run[index]["msg"], run
    assert sim.requests == []
