# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Nothing lost at the edges: careless paths, backups that collide, long tasks, files that are not CSV.

Every test runs on both execution paths (the ``playbook`` fixture), through ansible-playbook and the simulator.
"""

from __future__ import annotations

import os
import threading
import time

import jwt

MODULE = "kore.ai.kore_contact_list"
SET = "kore.ai.kore_contact_lists"


def listed(sim):
    return dict((r["name"], r["_id"]) for r in sim.store.summaries(sim.tenant.stream_id))


# ---- 1. one meaning for every path option ---------------------------------------------------------------------

def test_relative_paths_mean_the_playbook_directory_wherever_ansible_playbook_starts(sim, playbook, tmp_path, csv_phones):
    started_in = tmp_path / "started-in"
    started_in.mkdir()
    (tmp_path / "contacts.csv").write_text("phoneNumber\n+15550000001\n")
    (started_in / "contacts.csv").write_text("phoneNumber\n+15550000999\n")  # the file a careless reading takes
    for folder in ("backups", "snapshot"):
        (tmp_path / folder).mkdir()
        (started_in / folder).mkdir()
    run = playbook([
        {MODULE: {"name": "Relative", "description": "x", "contacts_file": "contacts.csv"}},
        {MODULE: {"name": "Relative", "state": "absent", "backup_file": "backup.csv"}},
        {MODULE: {"name": "Async", "description": "x", "contacts_file": "contacts.csv"}, "async": 60, "poll": 1},
        {SET: {"lists": [{"name": "In a set", "description": "x", "contacts_file": "contacts.csv"}]}},
        {SET: {"lists": [], "purge": True, "backup_dir": "backups"}},
        {"kore.ai.kore_backup": {"state": "dump", "backup_dir": "snapshot"}},
    ], cwd=str(started_in))
    assert [run.status(i) for i in range(5)] == ["changed"] * 5, run
    assert run.status(5) == "ok" and sorted(os.listdir(tmp_path / "snapshot")) == ["campaigns", "lists"], run[5]
    assert run[0]["contacts_counts"]["added"] == 1 and run[0]["contacts_added_sample"] == ["phoneNumber +15550000001"]
    assert run[1]["backup_file"] == str(tmp_path / "backup.csv")
    assert csv_phones(tmp_path / "backup.csv") == ["+15550000001"]
    assert run[2]["contacts_added_sample"] == ["phoneNumber +15550000001"]  # as a module (async): the same file
    assert run[3]["contacts_counts"] == {"In a set": {"before": 0, "added": 1, "dropped": 0, "after": 1}}
    written = sorted(run[4]["backup_files"].values())
    assert len(written) == 2 and all(os.path.dirname(p) == str(tmp_path / "backups") for p in written)
    assert all(csv_phones(p) == ["+15550000001"] for p in written)
    assert sorted(os.listdir(started_in)) == ["backups", "contacts.csv", "snapshot"]
    assert not os.listdir(started_in / "backups") and not os.listdir(started_in / "snapshot")


# ---- 2. a backup is never lost, replaced or shared -------------------------------------------------------------

def test_a_backup_file_that_is_the_contacts_file_is_refused_by_any_spelling(sim, playbook, tmp_path, people):
    declared = tmp_path / "declared.csv"
    declared.write_text("phoneNumber\n+15550000001\n")
    os.symlink(str(declared), str(tmp_path / "symlink.csv"))
    os.link(str(declared), str(tmp_path / "hardlink.csv"))
    record = sim.seed("Declared", "x")
    sim.seed_contacts(record["_id"], people(2, 100))
    spellings = ["declared.csv", "./declared.csv", str(tmp_path / "sub" / ".." / "declared.csv"),
                 str(tmp_path / "symlink.csv"), "hardlink.csv"]
    (tmp_path / "sub").mkdir()
    run = playbook([{MODULE: {"name": "Declared", "contacts_file": "declared.csv", "purge_contacts": True,
                              "backup_file": spelling}, "ignore_errors": True} for spelling in spellings])
    for index, spelling in enumerate(spellings):
        assert run.status(index) == "failed", (spelling, run[index])
        assert "is the contacts_file" in run[index]["msg"] and "Nothing was changed" in run[index]["msg"]
    assert sim.requests == []
    assert declared.read_text() == "phoneNumber\n+15550000001\n"
    assert sim.phone_numbers(record["_id"]) == ["+15550000100", "+15550000101"]


def test_an_empty_backup_dir_is_refused_before_any_request(sim, playbook, tmp_path):
    sim.seed("Stays", "x")
    started_in = tmp_path / "started-in"
    started_in.mkdir()
    run = playbook([{SET: {"lists": [], "purge": True, "backup_dir": ""}}], cwd=str(started_in))
    assert run.status(0) == "failed" and "backup_dir is empty" in run[0]["msg"], run
    assert sim.requests == [] and list(listed(sim)) == ["Stays"] and os.listdir(started_in) == []


def test_one_backup_file_for_two_lists_keeps_both_backups(sim, playbook, tmp_path, csv_phones, people):
    first, second = sim.seed("First", "x"), sim.seed("Second", "x")
    sim.seed_contacts(first["_id"], people(2, 10))
    sim.seed_contacts(second["_id"], people(3, 20))
    # a loop that forgot to template the file name
    run = playbook([{MODULE: {"name": "{{ item }}", "state": "absent", "backup_file": "backup.csv"},
                     "loop": ["First", "Second"]}])
    assert run.status(0) == "changed", run
    first_result, second_result = run[0]["results"]
    assert "previous_backup_file" not in first_result
    kept = second_result["previous_backup_file"]
    assert os.path.dirname(kept) == str(tmp_path) and os.path.basename(kept).startswith("backup.csv.")
    assert kept.endswith("~") and "is kept as %s" % kept in second_result["msg"]
    assert csv_phones(kept) == ["+15550000010", "+15550000011"]
    assert csv_phones(tmp_path / "backup.csv") == ["+15550000020", "+15550000021", "+15550000022"]
    assert oct(os.stat(kept).st_mode & 0o777) == "0o600"


def test_a_backup_name_as_long_as_the_filesystem_allows_is_accepted(sim, playbook, tmp_path, csv_phones, people):
    record = sim.seed("Long name", "x")
    sim.seed_contacts(record["_id"], people(2))
    name = "b" * 251 + ".csv"  # 255 bytes: ext4's limit
    run = playbook([{MODULE: {"id": record["_id"], "state": "absent", "backup_file": name}}])
    assert run.status(0) == "changed", run
    assert run[0]["backup_file"] == str(tmp_path / name) and csv_phones(tmp_path / name) == [
        "+15550000000", "+15550000001"]
    assert run[0]["backup_record_file"] == str(tmp_path / ("b" * 250 + ".json"))


def test_backup_dir_gives_every_list_a_file_of_its_own(sim, playbook, tmp_path, csv_phones, people):
    long_ids = ["cl-" + "7" * 240 + "-%02d" % n for n in range(11)]  # alike in their first 200 characters
    cased = ["cl-Case", "cl-case", "cl-CASE"]                            # alike without case
    for number, list_id in enumerate(long_ids + cased):
        record = sim.seed("List %d" % number, "x", _id=list_id)
        sim.seed_contacts(record["_id"], people(1, number))
    (tmp_path / "backups").mkdir()
    run = playbook([{SET: {"lists": [], "purge": True, "backup_dir": "backups"}}])
    assert run.status(0) == "changed", run
    assert sorted(run[0]["backup_files"]) == sorted(long_ids + cased) and listed(sim) == {}
    names = [n for n in os.listdir(tmp_path / "backups") if n.endswith(".csv")]
    assert len(names) == 14 and len(set(n.lower() for n in names)) == 14
    assert len(os.listdir(tmp_path / "backups")) == 28  # each beside its record, <name>.json
    assert all(len(n.encode()) <= 255 for n in names)
    for number, list_id in enumerate(long_ids + cased):
        assert csv_phones(run[0]["backup_files"][list_id]) == ["+1555%07d" % number]


BROKEN = "Ad\ud800a"  # a lone surrogate: JSON carries it, UTF-8 cannot


def test_a_contact_no_csv_file_can_hold_keeps_the_list(sim, playbook, tmp_path, people):
    record = sim.seed("Broken", "x")
    sim.seed_contacts(record["_id"], people(3) + [{"phoneNumber": "+15559999999", "firstName": BROKEN}])
    run = playbook([{MODULE: {"id": record["_id"], "state": "absent", "backup_file": "backup.csv"}}])
    assert run.status(0) == "failed", run
    message = run[0]["msg"]
    assert "cannot hold contact 'phoneNumber +15559999999': its firstName is 'Ad\\ud800a'" in message, message
    assert "Nothing was deleted" in message and not run[0].get("changed")
    assert "Unexpected" not in message and not any(r["method"] == "DELETE" for r in sim.requests)
    assert len(sim.contacts_of(record["_id"])) == 4
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(("play-", "results-"))) == []


def test_a_reset_that_fails_half_way_names_every_list_it_deleted(sim, playbook, tmp_path, csv_phones, people):
    records = [sim.seed("Reset %d" % n, "x") for n in range(5)]
    for number, record in enumerate(records):
        sim.seed_contacts(record["_id"], people(2, 10 * number))
    sim.seed_contacts(records[2]["_id"], [{"phoneNumber": "+15559999999", "firstName": BROKEN}])
    (tmp_path / "backups").mkdir()
    run = playbook([{SET: {"lists": [], "purge": True, "backup_dir": "backups", "parallel": 1}}])
    result = run[0]
    assert run.status(0) == "failed" and result["changed"] is True, run
    gone = sorted(r["_id"] for r in records if r["name"] not in listed(sim))
    assert gone == sorted(r["_id"] for r in records[:2]) == sorted(d["_id"] for d in result["deleted"])
    assert sorted(result["backup_files"]) == gone
    assert all(csv_phones(result["backup_files"][i]) for i in gone)
    assert "cannot hold contact" in result["msg"] and "2 deleted" in result["msg"], result["msg"]
    assert len(result["not_attempted"]) == 2 and "Unexpected" not in result["msg"]
    # no temporary file left: each list deleted has its contacts and, beside them, its record
    contacts = sorted(os.path.basename(p) for p in result["backup_files"].values())
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == sorted(
        contacts + [n[:-len(".csv")] + ".json" for n in contacts])


# ---- 3. the result tells the truth after a destructive step ---------------------------------------------------

def test_a_failed_add_after_a_recreation_reports_the_recreation_and_the_backup(sim, playbook, tmp_path, csv_phones, people):
    record = sim.seed("Purged", "x")
    sim.seed_contacts(record["_id"], people(2))
    sim.faults.add("status", method="POST", path_contains="addContacts", status=400, times=100,
                   body={"msg": "refused"})
    run = playbook([{MODULE: {"name": "Purged", "contacts": people(1, 50), "purge_contacts": True,
                              "backup_file": "before.csv", "retries": 0}}])
    result = run[0]
    assert run.status(0) == "failed" and result["changed"] is True, run
    assert result["recreated"]["old_id"] == record["_id"] and result["recreated"]["new_id"] == listed(sim)["Purged"]
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


# ---- 4. input files as a careful reader checks them -----------------------------------------------------------

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


def test_phone_numbers_lose_their_surrounding_spaces_before_they_are_sent_and_compared(sim, playbook, tmp_path):
    (tmp_path / "spaced.csv").write_text('phoneNumber,firstName\n" +4915112345678 ",Ada\n')
    task = {MODULE: {"name": "Spaced", "description": "x", "contacts_file": "spaced.csv"}}
    run = playbook([task, task, {MODULE: {"name": "Spaced", "contacts": [{"phoneNumber": "+4915112345678 "}]}}])
    assert [run.status(0), run.status(1), run.status(2)] == ["changed", "ok", "ok"], run
    assert sim.phone_numbers(run[0]["contact_list"]["_id"]) == ["+4915112345678"]


# ---- 5. tasks outlive their token --------------------------------------------------------------------------

def refused_as_too_old(sim):
    return sum(1 for r in sim.requests if r["status"] == 401)


def test_a_seed_and_a_backup_and_delete_outlive_several_tokens(sim, playbook, tmp_path, csv_phones):
    sim.token_max_age = 1.5  # a token's iat has whole seconds: it may be almost one second old when sent
    sim.latency = 0.1
    (tmp_path / "many.csv").write_text("phoneNumber\n" + "".join("+1555%07d\n" % n for n in range(3000)))
    run = playbook([
        {MODULE: {"name": "Long", "description": "x", "contacts_file": "many.csv", "parallel": 1}},
        {MODULE: {"name": "Long", "state": "absent", "backup_file": "long.csv", "parallel": 1}},
    ])
    assert [run.status(0), run.status(1)] == ["changed", "changed"], run
    assert run[0]["contacts_counts"]["after"] == 3000 and len(csv_phones(tmp_path / "long.csv")) == 3000
    assert listed(sim) == {}
    deleted_at = next(r["at"] for r in sim.requests if r["method"] == "DELETE")
    renewed = [r["at"] for r in sim.requests if r["status"] == 401]
    # each task renewed its token more than once
    assert len(renewed) >= 4 and sum(1 for at in renewed if at < deleted_at) >= 2, renewed


def test_a_reset_of_many_lists_outlives_several_tokens(sim, playbook, tmp_path):
    sim.token_max_age = 1.5
    sim.latency = 0.05
    for number in range(40):
        sim.seed("Old %d" % number, "x")
    (tmp_path / "backups").mkdir()
    run = playbook([{SET: {"lists": [{"name": "Kept", "description": "x"}], "purge": True, "parallel": 1,
                           "backup_dir": "backups"}}])
    assert run.status(0) == "changed", run
    assert len(run[0]["deleted"]) == 40 and list(listed(sim)) == ["Kept"]
    assert refused_as_too_old(sim) >= 2, refused_as_too_old(sim)


def test_a_ready_jwt_that_expires_mid_task_says_so_and_what_renews(sim, playbook, tmp_path):
    sim.latency = 0.1
    now = int(time.time())
    token = jwt.encode({"sub": "test", "appId": sim.tenant.client_id, "iat": now, "exp": now + 3600},
                       sim.tenant.client_secret, algorithm="HS256")
    (tmp_path / "many.csv").write_text("phoneNumber\n" + "".join("+1555%07d\n" % n for n in range(5000)))

    def expire_once_accepted():
        # mid-task whatever the machine's load: the token dies once Kore has accepted it
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any(r["status"] == 200 for r in list(sim.requests)):
            time.sleep(0.01)
        sim.revoke(token)

    watcher = threading.Thread(target=expire_once_accepted, daemon=True)
    watcher.start()
    run = playbook([{MODULE: {"name": "Given", "description": "x", "contacts_file": "many.csv", "parallel": 1,
                              "jwt": token}}], env={"KORE_CLIENT_ID": None, "KORE_CLIENT_SECRET": None})
    watcher.join()
    assert run.status(0) == "failed", run
    assert "accepted the token given as jwt earlier in this task and now refuses it" in run[0]["msg"]
    assert "client_id and client_secret" in run[0]["msg"] and token not in run.output


# ---- 6. long work says how far it is ---------------------------------------------------------------------------

def test_long_work_tells_how_far_it_is_at_verbosity_one_in_the_worker(sim, playbook, tmp_path, execution_path):
    (tmp_path / "many.csv").write_text("phoneNumber\n" + "".join("+1555%07d\n" % n for n in range(1000)))
    (tmp_path / "backups").mkdir()

    def seed_old():  # ten lists of 100 contacts, for a set to back up and delete
        for number in range(10):
            record = sim.seed("Old %d" % number, "x")
            sim.seed_contacts(record["_id"], [{"phoneNumber": "+1666%07d" % (number * 100 + n)} for n in range(100)])
    seed_old()
    tasks = [{MODULE: {"name": "Told", "description": "x", "contacts_file": "many.csv"}},
             {SET: {"lists": [{"name": "Told"}], "purge": True, "backup_dir": "backups"}}]
    quiet = playbook(tasks)
    assert quiet.status(0) == "changed" and quiet.status(1) == "changed", quiet
    assert " of 1000 contacts sent" not in quiet.output and " of 1000 contacts read" not in quiet.output
    sim.reset()
    seed_old()
    told = playbook(tasks, args=["-v"])
    assert told.status(0) == "changed" and told.status(1) == "changed", told
    if execution_path == "module":  # a module's output is its one JSON answer: documented as silent
        assert " of 1000 contacts sent" not in told.output and " of 1000 contacts read" not in told.output
        return
    sent = [line for line in told.output.splitlines() if " of 1000 contacts sent" in line]
    assert len(sent) >= 10 and "kore.ai.kore_contact_list: contact list 'Told': 1000 of 1000 contacts sent" in \
        told.output, told.output
    assert "kore.ai.kore_contact_lists: kore_contact_lists: 10 of 10 changes done" in told.output, told.output
    # a set tells its lists' contacts added up, out of the count its reading gave, never a line a list
    read = [line for line in told.output.splitlines() if "kore.ai.kore_contact_lists: " in line and " read" in line]
    assert read and all(" of 1000 contacts read" in line for line in read), read
    assert "kore_contact_lists: 1000 of 1000 contacts read" in read[-1] and len(read) <= 12, read
    assert "kore.ai.kore_contact_lists: contact list" not in told.output, told.output


# ---- 7. smaller -----------------------------------------------------------------------------------------------

def test_retries_reach_no_log_file_on_either_path(sim, playbook, tmp_path):
    record = sim.seed("Logged", "x")
    # urllib3 logs a lost connection's retry as a warning, with the URL (a 503's only at debug level)
    sim.faults.add("cut", method="GET", times=1)
    log = tmp_path / "ansible.log"
    run = playbook([{MODULE: {"id": record["_id"], "state": "absent"}}], env={"ANSIBLE_LOG_PATH": str(log)})
    assert run.status(0) == "changed", run
    assert any("answered only after retries" in w for w in run[0].get("warnings", [])), run[0]
    text = log.read_text()
    assert "TASK [" in text  # Ansible did log the run
    assert "Retrying" not in text and "urllib3" not in text, text


def test_a_task_timeout_during_the_backup_deletes_nothing_and_leaves_no_file(sim, playbook, tmp_path, people):
    record = sim.seed("Slow", "x")
    sim.seed_contacts(record["_id"], people(2000))
    sim.latency = 0.2  # 20 pages: 4 seconds to back up, and the task may take 2
    (tmp_path / "backups").mkdir()
    started = time.monotonic()
    run = playbook([{MODULE: {"id": record["_id"], "state": "absent", "backup_file": "backups/slow.csv",
                              "parallel": 1}, "timeout": 2}])
    # "Timed out after 2 second(s)" from ansible-core 2.19 on, "failed to execute in the expected time frame" before
    assert run.status(0) == "failed" and any(
        words in run[0]["msg"].lower() for words in ("timed out", "expected time frame")), run
    # a module process the timeout did not stop would have finished its backup and sent its DELETE by now
    time.sleep(max(0.0, started + 8 - time.monotonic()))
    assert not any(r["method"] == "DELETE" for r in sim.requests)
    assert listed(sim) == {"Slow": record["_id"]} and len(sim.contacts_of(record["_id"])) == 2000
    assert os.listdir(tmp_path / "backups") == []
