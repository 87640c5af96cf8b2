# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One list ensured present or absent, over a real client and the simulator, for cases a playbook cannot stage."""

from __future__ import annotations

import os

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import (
    KoreConflictError,
    ListSpec,
)
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.engine import (
    ensure_absent,
    ensure_list_absent,
    ensure_list_present,
    ensure_present,
)
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.work import ListWork
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import Contacts
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import Wanted
from ansible_collections.kore.ai.plugins.module_utils._backup.file import Backup
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreNotFoundError, KoreProtocolError


def test_list_deleted_by_someone_else_between_read_and_delete_is_unchanged(sim, lists):
    record = sim.seed("Race", "x")
    original_read = lists.read

    def read_then_lose_race(list_id):
        found = original_read(list_id)
        sim.store.delete(sim.tenant.stream_id, list_id)  # the other run's DELETE lands now
        return found

    lists.read = read_then_lose_race
    outcome = ensure_absent(lists, ListSpec(list_id=record["_id"]))
    assert outcome.changed is False
    assert "someone else" in outcome.msg


def test_get_refusing_a_listed_id_is_not_taken_for_absence(sim, lists):
    record = sim.seed("Odd", "x")
    sim.faults.add("status", method="GET", path_contains=record["_id"], status=404, body={"msg": "?"})
    with pytest.raises(KoreProtocolError, match="answered without the contact list.s record, but list all names it"):
        ensure_absent(lists, ListSpec(list_id=record["_id"]))
    assert sim.store.get(sim.tenant.stream_id, record["_id"]) is not None


def test_wrong_bot_is_not_found_with_advice(sim, lists):
    lists.client.roots["v2"] = lists.client.roots["v2"].replace(sim.tenant.stream_id, "st-other")
    with pytest.raises(KoreNotFoundError, match="check stream_id, account_id and host"):
        ensure_absent(lists, ListSpec(list_id="cl-1"))


def test_present_check_mode_sends_no_write_and_duplicate_names_conflict(sim, lists):
    sim.seed("Twin", "a")
    sim.seed("Twin", "b")
    with pytest.raises(KoreConflictError, match="2 contact lists are named 'Twin'"):
        ensure_present(lists, ListSpec(name="Twin", description="c"))
    outcome = ensure_present(lists, ListSpec(name="New", description="d", allow_duplicates=True),
                             ListWork(check_mode=True))
    assert outcome.changed and outcome.record["allowDuplicates"] is True
    assert [r["method"] for r in sim.requests] == ["GET", "GET"]


def test_request_counts_per_operation(sim, lists):
    record = sim.seed("Counted", "x")
    for call, expected in [
        (lambda: ensure_present(lists, ListSpec(list_id=record["_id"], description="x")), 1),
        (lambda: ensure_present(lists, ListSpec(name="Counted", description="x")), 2),
        (lambda: ensure_absent(lists, ListSpec(list_id=record["_id"])), 2),
        (lambda: ensure_absent(lists, ListSpec(list_id=record["_id"])), 2),
        # absent by name: the contact lists (type=call), then every list, DNC lists too, lack it
        (lambda: ensure_absent(lists, ListSpec(name="Counted")), 2),
    ]:
        before = len(sim.requests)
        call()
        assert len(sim.requests) - before == expected


def test_a_list_given_contacts_reads_every_list_once_to_find_it_and_again_only_after_creating_it(sim, lists, client):
    """The reading that settles a new list against twins is the one its add's unique-name check trusts; a list
    found by name is checked by the reading that found it; a list found by id (a GET) by one list all."""
    def list_alls():
        return sum(1 for r in sim.requests if r["path"].endswith("/getAllListDetails"))

    for contacts, expected in (("+15550001", 2), ("+15550002", 1)):  # created, then found and added to
        before = list_alls()
        outcome = ensure_list_present(lists, Contacts(client), ListSpec(name="Fresh", description="d"),
                                      ListWork(wanted=Wanted.of([{"phoneNumber": contacts}])))
        assert outcome.changed and sim.store.get(sim.tenant.stream_id, outcome.record["_id"])["totalRecordCount"]
        assert list_alls() - before == expected
    before = list_alls()
    outcome = ensure_list_present(lists, Contacts(client), ListSpec(list_id=outcome.record["_id"], name="Fresh"),
                                  ListWork(wanted=Wanted.of([{"phoneNumber": "+15550003"}])))
    assert outcome.changed and list_alls() - before == 1


@pytest.mark.parametrize("return_contacts", [False, True])
def test_a_list_deleted_by_someone_else_before_its_backup_is_unchanged_and_writes_nothing(
        sim, lists, client, tmp_path, return_contacts):
    record = sim.seed("Race", "x")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+1555%04d" % n} for n in range(250)])
    original_read = lists.read

    def read_then_lose_race(list_id):
        found = original_read(list_id)
        sim.store.delete(sim.tenant.stream_id, list_id)  # another run's DELETE lands now
        return found

    lists.read = read_then_lose_race
    backup = Backup(str(tmp_path / "race.csv"))
    outcome = ensure_list_absent(lists, Contacts(client), ListSpec(list_id=record["_id"]),
                                 ListWork(backup=backup, return_contacts=return_contacts))
    assert outcome.changed is False and outcome.record == {}
    assert "deleted by someone else meanwhile, before its contacts could be read" in outcome.msg
    assert os.listdir(str(tmp_path)) == [] and not backup.written
    assert [r["method"] for r in sim.requests].count("DELETE") == 0


def test_a_404_on_the_contacts_of_a_list_the_bot_still_holds_is_an_error(sim, lists, client, tmp_path):
    record = sim.seed("Odd", "x")
    sim.faults.add("status", method="GET", path_contains="getAllContacts", status=404, body={"msg": "?"})
    with pytest.raises(KoreNotFoundError):
        ensure_list_absent(lists, Contacts(client), ListSpec(list_id=record["_id"]),
                           ListWork(backup=Backup(str(tmp_path / "odd.csv"))))
    assert sim.store.get(sim.tenant.stream_id, record["_id"]) is not None and os.listdir(str(tmp_path)) == []
