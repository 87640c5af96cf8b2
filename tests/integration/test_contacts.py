# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Contacts as part of a list's declared state, through ansible-playbook against the simulator.

The simulator's add shows 0.3 s after it was accepted (conftest), as Kore's "in progress" answer warns.
"""

from __future__ import annotations

import json

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contacts.sizes import PAGE_ASKS

MODULE = "kore.ai.kore_contact_list"
SET = "kore.ai.kore_contact_lists"
INFO = "kore.ai.kore_contact_list_info"


def without_kore_fields(contacts):
    return sorted((dict((k, v) for k, v in c.items() if k not in ("_id", "createdAt", "updatedAt")) for c in contacts),
                  key=lambda c: c["uniqueId"])


def test_seed_sends_only_what_is_missing_in_batches_and_reruns_unchanged(sim, playbook, api_log, people):
    record = sim.seed("QA smoke", "x")
    sim.seed_contacts(record["_id"], people(5))
    wanted = people(250)
    task = {MODULE: {"name": "QA smoke", "description": "x", "contacts": wanted}}
    checked, run, again = playbook([dict(task, check_mode=True, diff=True), dict(task, diff=True), task]).split()
    assert checked.status(0) == "changed" and api_log.writes_during(checked) == [], checked
    assert len(checked[0]["diff"]["before"]["contacts"]) == 5 and len(checked[0]["diff"]["after"]["contacts"]) == 250
    assert run.status(0) == "changed", run
    assert run[0]["contacts_added"] == checked[0]["contacts_added"]
    assert run[0]["diff"] == checked[0]["diff"]
    assert [c["phoneNumber"] for c in run[0]["contacts_added"]] == [c["phoneNumber"] for c in wanted[5:]]
    # one list all: the reading that found the list by name shows it the only one of the name its adds go to
    assert [r["path"].endswith("/getAllListDetails") for r in api_log.during(run)].count(True) == 1
    sent = api_log.adds(api_log.during(run))
    # sent in parallel, in batches that grow while Kore takes them: a batch above its 100 is refused, sent again
    landed = [len(r["body"]["data"]) for r in sent if r["status"] == 200]
    assert sum(landed) == 245 and max(landed) <= 100, sent
    assert all(len(r["body"]["data"]) > 100 for r in sent if r["status"] != 200)
    tenant = sim.tenant
    assert sent[0]["path"] == "/api/1.1/public/%s/campaign/contactList/addContacts" % tenant.stream_id
    assert sent[0]["body"]["contact_list_name"] == "QA smoke" and sent[0]["query"] == {}
    assert sent[0]["headers"]["accountId"] == tenant.account_id and sent[0]["auth"] == "valid"
    assert sim.phone_numbers(record["_id"]) == sorted(c["phoneNumber"] for c in wanted)
    assert sim.store.get(tenant.stream_id, record["_id"])["totalRecordCount"] == 250
    assert again.status(0) == "ok", again
    assert again[0]["contacts_added"] == [] and api_log.adds(api_log.during(again)) == []
    # the re-run costs the list lookup, the record and the contact pages: nothing else
    assert [r["path"].rsplit("/", 1)[1] for r in api_log.during(again)] == [
        "getAllListDetails", record["_id"], "getAllContacts", "getAllContacts", "getAllContacts"]


def test_adds_grow_where_kore_takes_more_and_a_list_that_allows_duplicates_gets_batches_of_100(
        sim, playbook, api_log, people, from_file):
    sim.max_add_batch, sim.max_page = 1000, 1000
    wanted = people(3000)
    run = playbook([{MODULE: {"name": "Strict", "description": "x", "contacts": from_file(wanted)}},
                    {MODULE: {"name": "Loose", "description": "x", "allow_duplicates": True,
                              "contacts": from_file(wanted)}}])
    strict, loose = run.split()
    assert strict.status(0) == loose.status(0) == "changed", run
    for step, name in ((strict, "Strict"), (loose, "Loose")):
        assert sim.phone_numbers(step[0]["contact_list"]["_id"]) == sorted(c["phoneNumber"] for c in wanted), name
    grown = [len(r["body"]["data"]) for r in api_log.adds(api_log.during(strict))]
    assert sum(grown) == 3000 and max(grown) > 100 and len(grown) < 30, grown
    assert [len(r["body"]["data"]) for r in api_log.adds(api_log.during(loose))] == [100] * 30
    # the new lists' pages are not read before the adds: they hold nothing; after them, pages of 1,000
    pages = [r for r in api_log.during(strict, "GET") if r["path"].endswith("getAllContacts")
             and r["query"]["limit"] != ["1"]]
    assert pages[0]["query"]["skip"] == ["0"], pages  # the first page, then the rest in parallel: any order
    assert sorted(int(r["query"]["skip"][0]) for r in pages) == [0, 1000, 2000], pages


def test_a_kore_that_refuses_large_pages_and_adds_gets_every_contact_once(sim, playbook, api_log, people, from_file):
    sim.max_add_batch, sim.max_page, sim.refuse_larger_page = 150, 200, True
    record = sim.seed("Refusing", "x")
    sim.seed_contacts(record["_id"], people(450, start=10000))
    wanted = people(1000)
    run = playbook([{MODULE: {"name": "Refusing", "description": "x", "contacts": from_file(wanted)}}])
    assert run.status(0) == "changed", run
    assert sim.phone_numbers(record["_id"]) == sorted(c["phoneNumber"] for c in people(450, start=10000) + wanted)
    landed = [len(r["body"]["data"]) for r in api_log.adds() if r["status"] == 200]
    assert sum(landed) == 1000 and max(landed) <= 150
    asked = [int(r["query"]["limit"][0]) for r in api_log.of("GET") if r["path"].endswith("getAllContacts")]
    assert asked[0] == 1000 and 200 in asked and all(limit in (1, 200) for limit in asked[2:]), asked


def test_a_new_list_is_created_then_filled_and_identity_is_unique_id_first(sim, playbook):
    wanted = [{"phoneNumber": "+15550001", "uniqueId": "u-1", "contactPriority": 2, "region": "EU"},
              {"phoneNumber": "+15550001", "uniqueId": "u-2"},  # same number, another person: both kept
              {"phoneNumber": "+15550003"}]
    run = playbook([{MODULE: {"name": "Fresh", "description": "new", "allow_duplicates": True, "contacts": wanted,
                              "return_contacts": True}, "register": "out"}])
    assert run.status(0) == "changed", run
    assert "created" in run[0]["msg"] and "3 contacts added" in run[0]["msg"]
    held = sim.contacts_of(run[0]["contact_list"]["_id"])
    assert [dict((k, v) for k, v in c.items() if k not in ("_id", "createdAt", "updatedAt")) for c in held] == wanted
    assert run[0]["contacts"] == held


def test_contacts_that_never_appear_fail_the_task_naming_them(sim, playbook, people):
    record = sim.seed("Lossy", "x")
    sim.seed_contacts(record["_id"], people(3, start=10))  # held already: not counted as accepted
    sim.faults.add("drop_contacts", path_contains="addContacts", count=2)
    run = playbook([{MODULE: {"id": record["_id"], "contacts": people(4), "wait_timeout": 2}}])
    assert run.status(0) == "failed", run
    message = run[0]["msg"]
    assert "Kore accepted 4 contacts" in message and "2 did not appear within 2 seconds" in message
    assert "phoneNumber +15550000002" in message and "phoneNumber +15550000003" in message
    assert "+15550000001" not in message
    assert "Traceback" not in run.output


def test_a_shared_name_is_refused_before_any_add(sim, playbook, api_log, people):
    first = sim.seed("Twin", "one")
    sim.seed("Twin", "two")
    run = playbook([{MODULE: {"id": first["_id"], "contacts": people(2)}}])
    assert run.status(0) == "failed"
    assert "named 'Twin'" in run[0]["msg"] and "No contact was added" in run[0]["msg"]
    assert api_log.adds() == [] and sim.contacts_of(first["_id"]) == []


def test_a_set_refuses_a_shared_name_before_any_add(sim, playbook, api_log, people):
    twins = [sim.seed("Twin", "one"), sim.seed("Twin", "two")]
    run = playbook([{SET: {"lists": [{"name": "Twin", "description": "one", "contacts": people(2)}]}}])
    assert run.status(0) == "failed"
    message = run[0]["msg"]
    assert "cannot tell which is meant: 'Twin'" in message and "Nothing was changed" in message, message
    assert all(twin["_id"] in message for twin in twins), message
    assert api_log.adds() == [] and api_log.writes() == []
    assert all(sim.contacts_of(twin["_id"]) == [] for twin in twins)


def test_purge_recreates_a_list_holding_other_contacts(sim, playbook, api_log, people):
    record = sim.seed("Purge me", "keep this text", allowDuplicates=True)
    sim.seed_contacts(record["_id"], people(3))
    wanted = people(2, start=1)  # 1 and 2 stay, 0 must go
    task = {MODULE: {"name": "Purge me", "contacts": wanted, "purge_contacts": True}}
    checked, run, again = playbook([dict(task, check_mode=True, diff=True), dict(task, diff=True), task]).split()
    assert checked.status(0) == "changed", checked
    assert api_log.writes_during(checked) == []
    assert checked[0]["recreated"] == {"old_id": record["_id"], "new_id": None}
    assert checked[0]["diff"]["before"]["contacts"] == ["phoneNumber +1555000000%d" % i for i in range(3)]
    assert checked[0]["diff"]["after"]["contacts"] == ["phoneNumber +1555000000%d" % i for i in (1, 2)]
    assert run.status(0) == "changed", run
    new_id = run[0]["recreated"]["new_id"]
    assert run[0]["recreated"]["old_id"] == record["_id"] and new_id != record["_id"]
    assert run[0]["contact_list"]["_id"] == new_id
    assert run[0]["diff"]["before"] == checked[0]["diff"]["before"]
    assert run[0]["diff"]["after"]["contacts"] == checked[0]["diff"]["after"]["contacts"]
    new = sim.store.get(sim.tenant.stream_id, new_id)
    assert (new["name"], new["description"], new["allowDuplicates"]) == ("Purge me", "keep this text", True)
    assert sim.store.get(sim.tenant.stream_id, record["_id"]) is None
    assert sim.phone_numbers(new_id) == ["+15550000001", "+15550000002"]
    assert again.status(0) == "ok" and "recreated" not in again[0], again


def test_purge_refuses_a_list_in_use_unless_forced(sim, playbook, api_log, people):
    record = sim.seed("Busy", "x", campaignInUse=[{"id": "cd-7", "name": "Spring drive"}])
    sim.seed_contacts(record["_id"], people(2))
    task = {MODULE: {"id": record["_id"], "contacts": people(1), "purge_contacts": True}}
    refused, forced = playbook([dict(task, ignore_errors=True), {MODULE: dict(task[MODULE], force=True)}]).split()
    assert refused.status(0) == "failed"
    for word in ("Spring drive", "cd-7", "force: true", "contacts were not changed"):
        assert word in refused[0]["msg"]
    assert api_log.writes_during(refused) == []
    assert forced.status(0) == "changed", forced
    assert sim.phone_numbers(forced[0]["recreated"]["new_id"]) == ["+15550000000"]


def test_backup_to_a_file_then_restore_round_trip(sim, playbook, api_log, tmp_path, people):
    record = sim.seed("Round trip", "restore me", allowDuplicates=False)
    original = people(120, timeZone="Europe/Berlin", uniqueId=None)
    for number, contact in enumerate(original):
        contact.update({"uniqueId": "u-%d" % number, "contactPriority": number % 3})
    sim.seed_contacts(record["_id"], original)
    backup = tmp_path / "backup.json"
    teardown = [
        {MODULE: {"name": "Round trip", "state": "absent", "return_contacts": True}, "register": "gone"},
        {"ansible.builtin.copy": {"content": "{{ gone.contacts | to_nice_json }}", "dest": str(backup),
                                  "mode": "0600"}},
    ]
    restore = {MODULE: {"name": "Round trip", "description": "restore me",
                        "contacts": "{{ lookup('ansible.builtin.file', '%s') | from_json }}" % backup}}
    # the teardown, the restore from its file and the restore again, as one playbook would hold them
    steps = playbook(teardown + [restore, restore])
    assert len(steps.rows) == 4, steps
    run, dummy, restored, again = steps.split()
    assert run.status(0) == "changed", run
    assert [r["method"] for r in api_log.writes_during(run)] == ["DELETE"]
    assert sim.store.get(sim.tenant.stream_id, record["_id"]) is None
    saved = json.loads(backup.read_text())
    assert len(saved) == 120 and all(c["_id"].startswith("cc-") for c in saved)
    assert restored.status(0) == "changed", restored
    held = sim.contacts_of(restored[0]["contact_list"]["_id"])
    assert without_kore_fields(held) == without_kore_fields(original)
    assert again.status(0) == "ok"


def test_info_and_absent_return_every_page_of_contacts(sim, playbook, api_log, people):
    sim.max_page = 30  # Kore may give fewer than asked: the module follows hasMore, not its own page size
    record = sim.seed("Paged", "x")
    sim.seed_contacts(record["_id"], people(95))
    run = playbook([{INFO: {"name": "Paged", "return_contacts": True}},
                    {MODULE: {"id": record["_id"], "state": "absent", "return_contacts": True}}], check=True)
    assert [len(run[0]["contacts"]), len(run[1]["contacts"])] == [95, 95], run
    pages = [(int(r["query"]["skip"][0]), int(r["query"]["limit"][0]))
             for r in api_log.of("GET") if r["path"].endswith("getAllContacts")]
    # each task: a count (a page of one), the first page asked as large as the task asks, and the rest at the first
    # page's size, in parallel
    ask = PAGE_ASKS[0]
    assert sorted(pages) == sorted([(0, 1), (0, ask), (30, ask), (60, ask), (90, ask)] * 2)
    assert api_log.writes() == []


def test_paging_that_repeats_or_never_ends_is_an_error(sim, playbook):
    record = sim.seed("Odd paging", "x")
    page = {"results": [{"_id": "cc-1", "phoneNumber": "+1"}], "skip": 0, "limit": 50, "hasMore": True,
            "totalPages": 2, "totalResults": 2}
    sim.faults.add("status", status=200, path_contains="getAllContacts", times=5,
                   body={"status": "success", "message": "", "data": page})
    repeated = playbook([{INFO: {"id": record["_id"], "return_contacts": True}}])
    assert repeated.status(0) == "failed" and "already given" in repeated[0]["msg"], repeated
    sim.faults.clear()
    endless = dict(page, results=[], hasMore=True)
    sim.faults.add("status", status=200, path_contains="getAllContacts", times=5,
                   body={"status": "success", "message": "", "data": endless})
    never = playbook([{INFO: {"id": record["_id"], "return_contacts": True}}])
    assert never.status(0) == "failed" and "does not page as expected" in never[0]["msg"], never


@pytest.mark.parametrize("fault, sent", [("cut_after_commit", 1), ("status", 2)], ids=["applied", "not-applied"])
def test_a_lost_add_is_not_sent_twice_to_a_list_allowing_duplicates(sim, playbook, api_log, fault, sent, people):
    # cut_after_commit: Kore took the add and the answer was lost; status: a 500 and nothing added. Either may
    # be either, so the module waits to see, and sends again only what did not show.
    record = sim.seed("Dupes ok", "x", allowDuplicates=True)
    sim.faults.add(fault, method="POST", path_contains="addContacts", status=500)
    run = playbook([{MODULE: {"id": record["_id"], "contacts": people(3), "wait_timeout": 2}}])
    assert run.status(0) == "changed", run
    assert sim.phone_numbers(record["_id"]) == ["+15550000000", "+15550000001", "+15550000002"]
    assert len(api_log.adds()) == sent


def test_a_429_on_add_is_retried(sim, playbook, api_log, people):
    record = sim.seed("Limited", "x")
    sim.faults.add("status", method="POST", path_contains="addContacts", status=429, retry_after=0)
    run = playbook([{MODULE: {"id": record["_id"], "contacts": people(2)}}])
    assert run.status(0) == "changed", run
    assert [r["status"] for r in api_log.adds()] == [429, 200]
    assert sim.phone_numbers(record["_id"]) == ["+15550000000", "+15550000001"]


def test_set_module_fills_every_declared_list_in_parallel(sim, playbook, api_log, people):
    existing = sim.seed("Renewals", "x")
    sim.seed_contacts(existing["_id"], people(2))
    other = sim.seed("Other", "y")
    sim.seed_contacts(other["_id"], people(1))
    task = {SET: {"lists": [{"name": "Renewals", "contacts": people(1)},
                            {"name": "Win-back", "description": "new", "contacts": people(3, start=10)},
                            {"name": "Other"}],
                  "purge_contacts": True}}
    checked, run, again = playbook([dict(task, check_mode=True, diff=True), task, task]).split()
    assert checked.status(0) == "changed", checked
    assert api_log.writes_during(checked) == []
    assert sorted(checked[0]["contacts_added"]) == ["Renewals", "Win-back"]
    assert [r["old_id"] for r in checked[0]["recreated"]] == [existing["_id"]]
    assert run.status(0) == "changed", run
    assert [r["name"] for r in run[0]["recreated"]] == ["Renewals"]
    by_name = dict((r["name"], r["_id"]) for r in sim.store.summaries(sim.tenant.stream_id))
    assert sim.phone_numbers(by_name["Renewals"]) == ["+15550000000"]
    assert sim.phone_numbers(by_name["Win-back"]) == ["+15550000010", "+15550000011", "+15550000012"]
    assert sim.phone_numbers(other["_id"]) == ["+15550000000"]  # no contacts declared: untouched
    assert again.status(0) == "ok"


BAD = [
    ({"contacts": ["+15550001"]}, "Elements value for option 'contacts'"),
    ({"contacts": [{"firstName": "Ada"}]}, "contacts[1] has no phoneNumber"),
    ({"contacts": [{"phoneNumber": "  "}]}, "contacts[1] has no phoneNumber"),
    ({"contacts": [{"phoneNumber": 15550001}]}, "phoneNumber must be a string (quote it in YAML)"),
    ({"contacts": [{"phoneNumber": "+1", "firstName": ["A"]}]}, "firstName must be a string"),
    ({"contacts": [{"phoneNumber": "+1", "region": {"a": 1}}]}, "region must be a string, number or boolean"),
    ({"contacts": [{"phoneNumber": "+1", "contactPriority": float("inf")}]},
     "contactPriority must be a string, number or boolean, got float inf"),
    ({"contacts": [{"phoneNumber": "+1"}, {"phoneNumber": "+1"}]}, "contacts[1] and contacts[2] are one contact"),
    ({"contacts": [{"phoneNumber": "+1", "uniqueId": "u"}, {"phoneNumber": "+2", "uniqueId": "u"}]},
     "are one contact (uniqueId u)"),
    ({"contacts": [{"phoneNumber": "+1"}], "state": "absent"}, "contacts, contacts_file and purge_contacts are for state: present"),
    ({"purge_contacts": True}, "purge_contacts needs contacts"),
    ({"contacts": [{"phoneNumber": "+1"}], "wait_timeout": 0}, "wait_timeout must be between 1 and 3600"),
    ({"contacts": [{"phoneNumber": "+%d" % i} for i in range(20001)]},
     "contacts holds 20001 contacts; at most 20000 are managed in one task"),
    ({"contacts": [{"phoneNumber": "4.91511E+12"}]}, "contacts[1]: phoneNumber '4.91511E+12' is a number as a "
                                                     "spreadsheet formats it"),
    ({"contacts": [{"phoneNumber": "+1555 CALL"}]}, "contacts[1]: phoneNumber '+1555 CALL' is not a phone number"),
    ({"contacts": [{"phoneNumber": "+4915112345678;Ada"}]}, "is not a phone number: an optional + and digits only "
                                                            "(it holds ';')"),
]


def test_bad_contacts_are_refused_before_any_request(sim, playbook, from_file):
    # every bad input as a task of one playbook (one ansible-playbook start, not one a row): each is refused, and no
    # request at all reached Kore when the last of them is done. A list of thousands is read from a file.
    record = sim.seed("Guarded", "x")

    def refused(options):
        if len(options.get("contacts", [])) > 1000:
            options = dict(options, contacts=from_file(options["contacts"]))
        return {MODULE: dict({"name": "Guarded"}, **options), "ignore_errors": True}

    run = playbook([refused(options) for options, dummy in BAD])
    assert len(run.rows) == len(BAD), run
    for index, (options, message) in enumerate(BAD):
        assert run.status(index) == "failed", (message, run[index])
        assert message in run[index]["msg"], (message, run[index]["msg"])
    assert "Traceback" not in run.output
    assert sim.requests == []
    assert sim.store.get(sim.tenant.stream_id, record["_id"]) == record


def test_present_with_return_contacts_alone_reads_the_list_once(sim, playbook, api_log, people):
    record = sim.seed("Just read", "x")
    sim.seed_contacts(record["_id"], people(3))
    run, created = playbook([{MODULE: {"name": "Just read", "description": "x", "return_contacts": True}},
                             {MODULE: {"name": "Not yet", "description": "x", "return_contacts": True},
                              "check_mode": True}]).split()
    assert run.status(0) == "ok", run
    assert [c["phoneNumber"] for c in run[0]["contacts"]] == [c["phoneNumber"] for c in people(3)]
    assert "contacts_counts" not in run[0] and api_log.writes() == []
    # the list lookup, the record, a count (a list too large to return is refused before it is read), one page
    assert [r["path"].rsplit("/", 1)[1] for r in api_log.during(run)] == [
        "getAllListDetails", record["_id"], "getAllContacts", "getAllContacts"]
    assert created.status(0) == "changed" and created[0]["contacts"] == [], created


def test_return_contacts_a_purge_could_not_return_is_refused_before_any_request(sim, playbook, tmp_path, write_phones):
    sim.seed("Big", "d")
    declared = tmp_path / "big.csv"
    write_phones(declared, ["+1%010d" % n for n in range(20001)])
    run = playbook([{MODULE: {"name": "Big", "contacts_file": str(declared), "purge_contacts": True,
                              "backup_file": str(tmp_path / "b.csv"), "return_contacts": True}}])
    assert run.status(0) == "failed" and "too many to return" in run[0]["msg"], run
    assert "with backup_file" not in run[0]["msg"] and sim.requests == []


def test_phone_numbers_lose_their_surrounding_spaces_before_they_are_sent_and_compared(sim, playbook, tmp_path):
    (tmp_path / "spaced.csv").write_text('phoneNumber,firstName\n" +4915112345678 ",Ada\n')
    task = {MODULE: {"name": "Spaced", "description": "x", "contacts_file": "spaced.csv"}}
    run = playbook([task, task, {MODULE: {"name": "Spaced", "contacts": [{"phoneNumber": "+4915112345678 "}]}}])
    assert [run.status(0), run.status(1), run.status(2)] == ["changed", "ok", "ok"], run
    assert sim.phone_numbers(run[0]["contact_list"]["_id"]) == ["+4915112345678"]
