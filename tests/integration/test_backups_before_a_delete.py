# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""backup_file and backup_dir of the list modules: every contact on disk before anything is deleted, at the path
the playbook means, never over a declared contacts file or another backup, every contact restorable.

Every test runs on both execution paths (the ``playbook`` fixture), through ansible-playbook and the simulator.
"""

from __future__ import annotations

import os
import time

MODULE = "kore.ai.kore_contact_list"
SET = "kore.ai.kore_contact_lists"


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


def test_a_set_refuses_a_backup_that_is_a_lists_contacts_file_before_any_write(sim, playbook, tmp_path, api_log, listed, write_phones):
    record = sim.seed("Restored", "d")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+15550000001"}, {"phoneNumber": "+15550000009"}])
    backups = tmp_path / "backups"
    backups.mkdir()
    declared = backups / ("%s.csv" % record["_id"])
    write_phones(declared, ["+15550000001"])
    os.symlink(str(declared), str(tmp_path / "spelled-otherwise.csv"))
    spellings = (str(declared), str(tmp_path / "spelled-otherwise.csv"), str(backups / ".." / "backups" / declared.name))
    run = playbook([{SET: {"lists": [{"name": "Restored", "contacts_file": spelling}], "purge_contacts": True,
                           "backup_dir": str(backups)}, "ignore_errors": True} for spelling in spellings])
    assert len(run.rows) == len(spellings), run
    for index in range(len(spellings)):
        assert run.status(index) == "failed" and "is the contacts_file" in run[index]["msg"], run
        assert "Nothing was changed" in run[index]["msg"] and run[index].get("changed") is not True
    assert api_log.writes() == [] and sorted(os.listdir(str(backups))) == [declared.name]
    assert listed() == {"Restored": record["_id"]} and len(sim.contacts_of(record["_id"])) == 2


def test_an_empty_backup_dir_is_refused_before_any_request(sim, playbook, tmp_path, listed):
    sim.seed("Stays", "x")
    started_in = tmp_path / "started-in"
    started_in.mkdir()
    run = playbook([{SET: {"lists": [], "purge": True, "backup_dir": ""}}], cwd=str(started_in))
    assert run.status(0) == "failed" and "backup_dir is empty" in run[0]["msg"], run
    assert sim.requests == [] and list(listed()) == ["Stays"] and os.listdir(started_in) == []


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


HOSTS = ["h1", "h2", "h3", "h4"]


ROUNDS = 12


def test_hosts_writing_one_backup_file_at_once_lose_no_backup(sim, playbook, tmp_path, csv_rows, listed):
    """Four hosts at -f 4, round after round in one playbook, each delete a list of their own with one backup_file.
    In each round the hosts' first reads of their contacts are held until all four have asked, so that their
    backups are written and published at the same moment."""
    backups = tmp_path / "backups"
    backups.mkdir()
    expected = set()
    for round_number in range(ROUNDS):
        for host in HOSTS:
            record = sim.seed("%s round %d" % (host, round_number), "d")
            numbers = ["+1%d%02d%d" % (round_number, HOSTS.index(host), n) for n in range(3)]
            sim.seed_contacts(record["_id"], [{"phoneNumber": n} for n in numbers])
            expected.update(numbers)
        sim.faults.add("gather", method="GET", path_contains="getAllContacts", times=len(HOSTS), seconds=10)
    task = ("    - %s:\n        name: '{{ inventory_hostname }} round %%d'\n        state: absent\n"
            "        backup_file: %s\n" % (MODULE, backups / "reset.csv"))
    play = tmp_path / "play.yml"
    play.write_text("- hosts: %s\n  gather_facts: false\n  tasks:\n%s" % (
        ",".join(HOSTS), "".join(task % n for n in range(ROUNDS))))
    run = playbook(str(play), args=["-i", ",".join(HOSTS) + ",", "-f", "4"])
    assert run.rc == 0 and len(run.rows) == len(HOSTS) * ROUNDS, run
    assert all(run.status(n) == "changed" and run[n]["backup_file"] == str(backups / "reset.csv")
               for n in range(len(run.rows))), run
    assert listed() == {}
    # the contacts files (the lists' records, reset.json and those kept aside, hold no contacts)
    files = sorted(str(path) for path in backups.iterdir() if path.name.startswith("reset.csv"))
    kept = set(row["phoneNumber"] for path in files for row in csv_rows(path))
    assert kept == expected, (sorted(expected - kept), files)
    # every file kept aside is named in the result of the task that moved it
    named = set([str(backups / "reset.csv")])
    for number in range(len(run.rows)):
        named.update(run[number].get("previous_backup_files") or [run[number].get("previous_backup_file")])
    assert set(files) <= named, (files, named)


def test_a_backup_name_as_long_as_the_filesystem_allows_is_accepted(sim, playbook, tmp_path, csv_phones, people):
    record = sim.seed("Long name", "x")
    sim.seed_contacts(record["_id"], people(2))
    name = "b" * 251 + ".csv"  # 255 bytes: ext4's limit
    run = playbook([{MODULE: {"id": record["_id"], "state": "absent", "backup_file": name}}])
    assert run.status(0) == "changed", run
    assert run[0]["backup_file"] == str(tmp_path / name) and csv_phones(tmp_path / name) == [
        "+15550000000", "+15550000001"]
    assert run[0]["backup_record_file"] == str(tmp_path / ("b" * 250 + ".json"))


def test_backup_dir_gives_every_list_a_file_of_its_own(sim, playbook, tmp_path, csv_phones, people, listed):
    long_ids = ["cl-" + "7" * 240 + "-%02d" % n for n in range(11)]  # alike in their first 200 characters
    cased = ["cl-Case", "cl-case", "cl-CASE"]                            # alike without case
    for number, list_id in enumerate(long_ids + cased):
        record = sim.seed("List %d" % number, "x", _id=list_id)
        sim.seed_contacts(record["_id"], people(1, number))
    (tmp_path / "backups").mkdir()
    run = playbook([{SET: {"lists": [], "purge": True, "backup_dir": "backups"}}])
    assert run.status(0) == "changed", run
    assert sorted(run[0]["backup_files"]) == sorted(long_ids + cased) and listed() == {}
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


def test_a_number_no_backup_could_restore_refuses_the_delete_naming_the_contact(sim, playbook, tmp_path, listed):
    record = sim.seed("Lettered", "d")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+15550000001"}, {"phoneNumber": "+1 555 CALL NOW"}])
    run = playbook([{MODULE: {"name": "Lettered", "state": "absent", "backup_file": str(tmp_path / "l.csv")},
                     "ignore_errors": True},
                    {MODULE: {"name": "Excel", "description": "d", "contacts": [{"phoneNumber": "4.91511E+12"}]},
                     "ignore_errors": True}])
    assert run.status(0) == "failed" and "phoneNumber +1 555 CALL NOW" in run[0]["msg"], run
    assert "Nothing was deleted" in run[0]["msg"] and listed()["Lettered"] == record["_id"]
    assert os.listdir(str(tmp_path)) == [] or "l.csv" not in os.listdir(str(tmp_path))
    assert "spreadsheet" in run[1]["msg"]


def test_a_set_keeps_a_file_it_finds_aside_and_refuses_a_contact_no_backup_could_restore(sim, playbook, tmp_path, csv_rows, listed):
    plain, lettered = sim.seed("Plain", "d"), sim.seed("Lettered", "d")
    sim.seed_contacts(plain["_id"], [{"phoneNumber": "+1 555-010-0001"}])
    sim.seed_contacts(lettered["_id"], [{"phoneNumber": "+1 555 CALL NOW"}])
    backups = tmp_path / "backups"
    backups.mkdir()
    earlier = backups / ("%s.csv" % plain["_id"])
    earlier.write_text("earlier\n")
    run = playbook([{SET: {"lists": [{"name": "Lettered", "description": "d"}], "purge": True,
                           "backup_dir": str(backups)}},
                    {SET: {"lists": [], "purge": True, "backup_dir": str(backups)}, "ignore_errors": True}])
    assert run.status(0) == "changed" and [r["_id"] for r in run[0]["deleted"]] == [plain["_id"]], run
    assert [r["phoneNumber"] for r in csv_rows(run[0]["backup_files"][plain["_id"]])] == ["+1 555-010-0001"]
    assert open(run[0]["previous_backup_files"][plain["_id"]]).read() == "earlier\n"
    assert run.status(1) == "failed" and "phoneNumber +1 555 CALL NOW" in run[1]["msg"], run
    assert listed() == {"Lettered": lettered["_id"]} and run[1]["deleted"] == []


FORMATTED = [{"phoneNumber": "+1 555-010-0001", "uniqueId": "a"}, {"phoneNumber": "(555) 010-0002", "uniqueId": "b"},
             {"phoneNumber": "+49 151 2345 6789", "uniqueId": "c"}]


def test_a_backup_of_numbers_as_kore_holds_them_restores_both_ways(sim, playbook, tmp_path, listed):
    record = sim.seed("Formatted", "d")
    sim.seed_contacts(record["_id"], FORMATTED)
    backup = tmp_path / "formatted.csv"
    run = playbook([
        {MODULE: {"name": "Formatted", "state": "absent", "backup_file": str(backup), "return_contacts": True},
         "register": "gone"},
        {MODULE: {"name": "From the file", "description": "d", "contacts_file": str(backup)}},
        {MODULE: {"name": "From the result", "description": "d", "contacts": "{{ gone.contacts }}"}},
    ])
    assert [run.status(n) for n in range(3)] == ["changed"] * 3, run
    for name in ("From the file", "From the result"):
        held = sorted((c["uniqueId"], c["phoneNumber"]) for c in sim.contacts_of(listed()[name]))
        assert held == sorted((c["uniqueId"], c["phoneNumber"]) for c in FORMATTED), name


def test_a_task_timeout_during_the_backup_deletes_nothing_and_leaves_no_file(sim, playbook, tmp_path, people, listed):
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
    assert listed() == {"Slow": record["_id"]} and len(sim.contacts_of(record["_id"])) == 2000
    assert os.listdir(tmp_path / "backups") == []
