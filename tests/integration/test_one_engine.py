# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The rules of one list hold for a set too, through real playbooks, on both execution paths.

Each test stages one of the defects a careful user met on the two copies of the list logic; it failed before
both modules ran one engine (module_utils/_contact_lists/engine.py).
"""

from __future__ import annotations

import os
import threading

import pytest

ONE = "kore.ai.kore_contact_list"
SET = "kore.ai.kore_contact_lists"


def write_contacts(path, numbers):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("phoneNumber\n" + "".join('"%s"\n' % n for n in numbers))


def listed(sim):
    return dict((r["name"], r["_id"]) for r in sim.store.summaries(sim.tenant.stream_id))


# ---- 1. after a destructive step, a later failure says changed and what was done --------------------------------

def test_a_contacts_file_changed_during_the_recreation_still_reports_it(sim, playbook, while_held, tmp_path, csv_rows):
    record = sim.seed("Recreated", "d")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+15550000001"}, {"phoneNumber": "+15550000009"}])
    declared, backup = tmp_path / "declared.csv", tmp_path / "backup.csv"
    write_contacts(declared, ["+15550000001", "+15550000002"])
    # the new list's create is held; meanwhile someone edits the contacts file
    editor = while_held("POST", "/createContactList",
                        lambda: write_contacts(declared, ["+15550000001", "+15550000002", "+15550000003"]),
                        seconds=1.5)
    run = playbook([{ONE: {"name": "Recreated", "contacts_file": str(declared), "purge_contacts": True,
                           "backup_file": str(backup)}}])
    editor.join()
    result = run[0]
    assert run.status(0) == "failed" and result["changed"] is True, run
    assert "changed while the task ran" in result["msg"] and "created again" in result["msg"], result["msg"]
    assert result["recreated"]["old_id"] == record["_id"] and result["recreated"]["new_id"] == listed(sim)["Recreated"]
    assert result["backup_file"] == str(backup)
    assert sorted(r["phoneNumber"] for r in csv_rows(backup)) == ["+15550000001", "+15550000009"]


def test_return_contacts_past_the_cap_after_contacts_were_added_says_changed(sim, playbook, tmp_path):
    record = sim.seed("Grown", "d")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+1%010d" % n} for n in range(19995)])
    declared = tmp_path / "more.csv"
    write_contacts(declared, ["+2%010d" % n for n in range(10)])
    run = playbook([{ONE: {"name": "Grown", "contacts_file": str(declared), "return_contacts": True}}])
    result = run[0]
    assert run.status(0) == "failed" and result["changed"] is True, run
    assert "too many to return" in result["msg"] and "10 contacts added" in result["msg"], result["msg"]
    assert result["contacts_counts"]["added"] == 10 and "backup_file" not in result["msg"]


def test_return_contacts_a_purge_could_not_return_is_refused_before_any_request(sim, playbook, tmp_path):
    sim.seed("Big", "d")
    declared = tmp_path / "big.csv"
    write_contacts(declared, ["+1%010d" % n for n in range(20001)])
    run = playbook([{ONE: {"name": "Big", "contacts_file": str(declared), "purge_contacts": True,
                           "backup_file": str(tmp_path / "b.csv"), "return_contacts": True}}])
    assert run.status(0) == "failed" and "too many to return" in run[0]["msg"], run
    assert "with backup_file" not in run[0]["msg"] and sim.requests == []


# ---- 2. a backup is never a declared contacts file, in both modules ---------------------------------------------

def test_a_set_refuses_a_backup_that_is_a_lists_contacts_file_before_any_write(sim, playbook, tmp_path, api_log):
    record = sim.seed("Restored", "d")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+15550000001"}, {"phoneNumber": "+15550000009"}])
    backups = tmp_path / "backups"
    backups.mkdir()
    declared = backups / ("%s.csv" % record["_id"])
    write_contacts(declared, ["+15550000001"])
    os.symlink(str(declared), str(tmp_path / "spelled-otherwise.csv"))
    spellings = (str(declared), str(tmp_path / "spelled-otherwise.csv"), str(backups / ".." / "backups" / declared.name))
    run = playbook([{SET: {"lists": [{"name": "Restored", "contacts_file": spelling}], "purge_contacts": True,
                           "backup_dir": str(backups)}, "ignore_errors": True} for spelling in spellings])
    assert len(run.rows) == len(spellings), run
    for index in range(len(spellings)):
        assert run.status(index) == "failed" and "is the contacts_file" in run[index]["msg"], run
        assert "Nothing was changed" in run[index]["msg"] and run[index].get("changed") is not True
    assert api_log.writes() == [] and sorted(os.listdir(str(backups))) == [declared.name]
    assert listed(sim) == {"Restored": record["_id"]} and len(sim.contacts_of(record["_id"])) == 2


# ---- 3. writers of one backup path at once lose no backup -------------------------------------------------------

HOSTS = ["h1", "h2", "h3", "h4"]
ROUNDS = 12


def test_hosts_writing_one_backup_file_at_once_lose_no_backup(sim, playbook, tmp_path, csv_rows):
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
            "        backup_file: %s\n" % (ONE, backups / "reset.csv"))
    play = tmp_path / "play.yml"
    play.write_text("- hosts: %s\n  gather_facts: false\n  tasks:\n%s" % (
        ",".join(HOSTS), "".join(task % n for n in range(ROUNDS))))
    run = playbook(str(play), args=["-i", ",".join(HOSTS) + ",", "-f", "4"])
    assert run.rc == 0 and len(run.rows) == len(HOSTS) * ROUNDS, run
    assert all(run.status(n) == "changed" and run[n]["backup_file"] == str(backups / "reset.csv")
               for n in range(len(run.rows))), run
    assert listed(sim) == {}
    # the contacts files (the lists' records, reset.json and those kept aside, hold no contacts)
    files = sorted(str(path) for path in backups.iterdir() if path.name.startswith("reset.csv"))
    kept = set(row["phoneNumber"] for path in files for row in csv_rows(path))
    assert kept == expected, (sorted(expected - kept), files)
    # every file kept aside is named in the result of the task that moved it
    named = set([str(backups / "reset.csv")])
    for number in range(len(run.rows)):
        named.update(run[number].get("previous_backup_files") or [run[number].get("previous_backup_file")])
    assert set(files) <= named, (files, named)


# ---- 4. what the collection writes, it reads back -------------------------------------------------------------

FORMATTED = [{"phoneNumber": "+1 555-010-0001", "uniqueId": "a"}, {"phoneNumber": "(555) 010-0002", "uniqueId": "b"},
             {"phoneNumber": "+49 151 2345 6789", "uniqueId": "c"}]


def test_a_backup_of_numbers_as_kore_holds_them_restores_both_ways(sim, playbook, tmp_path):
    record = sim.seed("Formatted", "d")
    sim.seed_contacts(record["_id"], FORMATTED)
    backup = tmp_path / "formatted.csv"
    run = playbook([
        {ONE: {"name": "Formatted", "state": "absent", "backup_file": str(backup), "return_contacts": True},
         "register": "gone"},
        {ONE: {"name": "From the file", "description": "d", "contacts_file": str(backup)}},
        {ONE: {"name": "From the result", "description": "d", "contacts": "{{ gone.contacts }}"}},
    ])
    assert [run.status(n) for n in range(3)] == ["changed"] * 3, run
    for name in ("From the file", "From the result"):
        held = sorted((c["uniqueId"], c["phoneNumber"]) for c in sim.contacts_of(listed(sim)[name]))
        assert held == sorted((c["uniqueId"], c["phoneNumber"]) for c in FORMATTED), name


def test_a_number_no_backup_could_restore_refuses_the_delete_naming_the_contact(sim, playbook, tmp_path):
    record = sim.seed("Lettered", "d")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+15550000001"}, {"phoneNumber": "+1 555 CALL NOW"}])
    run = playbook([{ONE: {"name": "Lettered", "state": "absent", "backup_file": str(tmp_path / "l.csv")},
                     "ignore_errors": True},
                    {ONE: {"name": "Excel", "description": "d", "contacts": [{"phoneNumber": "4.91511E+12"}]},
                     "ignore_errors": True}])
    assert run.status(0) == "failed" and "phoneNumber +1 555 CALL NOW" in run[0]["msg"], run
    assert "Nothing was deleted" in run[0]["msg"] and listed(sim)["Lettered"] == record["_id"]
    assert os.listdir(str(tmp_path)) == [] or "l.csv" not in os.listdir(str(tmp_path))
    assert "spreadsheet" in run[1]["msg"]


def test_a_set_keeps_a_file_it_finds_aside_and_refuses_a_contact_no_backup_could_restore(sim, playbook, tmp_path, csv_rows):
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
    assert listed(sim) == {"Lettered": lettered["_id"]} and run[1]["deleted"] == []


# ---- 5. changed after a failed DELETE is the same in every module ----------------------------------------------

FLAKY_DELETES = [
    (ONE, {"name": "Flaky", "state": "absent"}),
    (ONE, {"name": "Flaky", "state": "absent", "backup_file": "flaky.csv"}),
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


# ---- 6. two runs creating one list at once both succeed -------------------------------------------------------

@pytest.mark.parametrize("module", [ONE, SET])
def test_two_runs_creating_one_list_with_contacts_at_once_both_succeed(sim, playbook, api_log, module):
    contacts = [{"phoneNumber": "+15550000001"}]
    options = {"name": "Raced", "description": "d", "contacts": contacts} if module == ONE else \
        {"lists": [{"name": "Raced", "description": "d", "contacts": contacts}]}
    raced = 0
    for dummy in range(2):
        sim.reset()
        sim.latency = 0.005  # createdAt has millisecond precision, as a network to Kore would space requests
        sim.faults.add("gather", method="GET", path_contains="getAllListDetails", times=2)
        sim.faults.add("gather", method="POST", path_contains="createContactList", times=2)
        # the run whose list gives way deletes it a moment late: the kept run surely meets the twin first
        sim.faults.add("delay", method="DELETE", seconds=1)
        runs = [None, None]

        def start(number):
            runs[number] = playbook([{module: options}])

        threads = [threading.Thread(target=start, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [r.rc for r in runs] == [0, 0], [r[0]["msg"] for r in runs]
        lists = sim.store.summaries(sim.tenant.stream_id)
        assert len(lists) == 1 and [c["phoneNumber"] for c in sim.contacts_of(lists[0]["_id"])] == ["+15550000001"]
        assert "changed" in [r.status(0) for r in runs], runs
        raced += len(api_log.of("POST")) >= 2 + 1  # both created; contacts were added once
    assert raced, "the two runs never created at the same moment"


# ---- 7. no_log silences progress -------------------------------------------------------------------------------

def test_a_no_log_task_tells_no_list_and_no_id_at_any_verbosity(sim, playbook, tmp_path):
    record = sim.seed("Secret project", "d")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+1%010d" % n} for n in range(300)])
    declared = tmp_path / "c.csv"
    write_contacts(declared, ["+2%010d" % n for n in range(300)])
    run = playbook([{ONE: {"name": "Secret project", "contacts_file": str(declared)}, "no_log": True},
                    {SET: {"lists": [], "purge": True, "backup_dir": str(tmp_path)}, "no_log": True}],
                   args=["-vvvv"])
    assert run.rc == 0, run
    assert "Secret project" not in run.output and record["_id"] not in run.output, run.output[-2000:]


# ---- 8. a token renewed after a retried request keeps "an earlier attempt may have applied" ---------------------

@pytest.mark.parametrize("options", [{"name": "Renewed"}, {"force": True}], ids=["by name", "by id, forced"])
def test_a_delete_carried_out_then_refused_token_then_404_is_reported_deleted(sim, playbook, options):
    record = sim.seed("Renewed", "d")
    if "force" in options:
        options = {"id": record["_id"], "force": True}
    sim.faults.add("status_after_commit", method="DELETE", status=503)
    sim.faults.add("status", method="DELETE", status=401)
    run = playbook([{ONE: dict(options, state="absent", retries=1)}])
    assert run.status(0) == "changed" and run[0]["changed"] is True, run
    assert "someone else" not in run[0]["msg"] and "already absent" not in run[0]["msg"]
    if "name" in options:
        assert run[0]["contact_list"]["_id"] == record["_id"]
    assert listed(sim) == {}


def test_a_403_on_a_ready_jwt_it_accepted_says_the_request_not_the_token_was_refused(sim, playbook):
    from ansible_collections.kore.ai.plugins.module_utils._auth import mint_token  # pylint: disable=import-outside-toplevel
    sim.seed("Forbidden", "d")
    sim.faults.add("status", method="DELETE", status=403)
    token = mint_token(sim.tenant.client_id, sim.tenant.client_secret)
    run = playbook([{ONE: {"name": "Forbidden", "state": "absent", "jwt": token}}],
                   env={"KORE_CLIENT_ID": None, "KORE_CLIENT_SECRET": None})
    assert run.status(0) == "failed", run
    assert "expired" not in run[0]["msg"] and "refuses this request, not the token" in run[0]["msg"], run[0]["msg"]
