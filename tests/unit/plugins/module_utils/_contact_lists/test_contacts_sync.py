# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A list made to hold the declared contacts, over the simulator: add the missing, back up before a recreate."""

from __future__ import annotations

import csv

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import KoreConflictError
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import Contacts
from ansible_collections.kore.ai.plugins.module_utils._backup.file import Backup
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import Wanted
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.contacts_sync import sync
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.work import ListWork
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreRequestError

HELD = [{"phoneNumber": "+1"}, {"phoneNumber": "+2"}]


def seeded(sim, **extra):
    record = sim.seed("Synced", "d", **extra)
    sim.seed_contacts(record["_id"], HELD)
    return record


def test_only_the_missing_contacts_are_added(sim, lists):
    record = seeded(sim)
    synced = sync(lists, Contacts(lists.client, 5), record, ListWork(wanted=Wanted.of([{"phoneNumber": "+2"}, {"phoneNumber": "+3"}])))
    assert (synced.added, synced.recreated, synced.changed) == (1, None, True)
    assert synced.counts() == {"before": 2, "added": 1, "dropped": 0, "after": 3}
    assert sim.phone_numbers(record["_id"]) == ["+1", "+2", "+3"]


def test_a_purge_writes_the_backup_then_recreates_and_check_mode_does_neither(sim, lists, tmp_path):
    record = seeded(sim)
    wanted = [{"phoneNumber": "+3"}]
    backup = Backup(str(tmp_path / "synced.csv"))
    purging = ListWork(purge_contacts=True, backup=backup)
    would = sync(lists, Contacts(lists.client, 5), record, ListWork(purge_contacts=True, backup=backup,
                                                                    check_mode=True, wanted=Wanted.of(wanted)))
    assert would.recreated == {"old_id": record["_id"], "new_id": None} and would.added == 1
    assert not backup.written and all(r["method"] == "GET" for r in sim.requests)
    synced = sync(lists, Contacts(lists.client, 5), record, purging.holding(Wanted.of(wanted)))
    assert synced.backup == {"backup_file": backup.path, "backup_record_file": backup.path[:-len(".csv")] + ".json"}
    with open(backup.path, newline="") as handle:
        assert sorted(row["phoneNumber"] for row in csv.DictReader(handle)) == ["+1", "+2"]
    assert synced.recreated["new_id"] == synced.record["_id"] != record["_id"]
    assert sim.phone_numbers(synced.record["_id"]) == ["+3"]


def test_a_list_in_use_is_not_recreated_without_force(sim, lists):
    record = seeded(sim, campaignInUse=[{"id": "cd-1", "name": "Renewals"}])
    with pytest.raises(KoreConflictError, match="campaigns Renewals \\(cd-1\\) use it"):
        sync(lists, Contacts(lists.client, 5), record, ListWork(purge_contacts=True,
                                                                wanted=Wanted.of([{"phoneNumber": "+3"}])))
    assert sim.phone_numbers(record["_id"]) == ["+1", "+2"]


def test_an_add_refused_after_the_recreate_still_says_what_was_done(sim, lists, tmp_path):
    record = seeded(sim)
    sim.faults.add("status", method="POST", path_contains="addContacts", status=400, body={"msg": "no"})
    backup = Backup(str(tmp_path / "synced.csv"))
    with pytest.raises(KoreRequestError) as caught:
        sync(lists, Contacts(lists.client, 5), record, ListWork(purge_contacts=True, backup=backup,
                                                                wanted=Wanted.of([{"phoneNumber": "+3"}])))
    done = caught.value.done
    assert done["changed"] and done["backup_file"] == backup.path and done["recreated"]["old_id"] == record["_id"]
    assert "they were written to %s first" % backup.path in str(caught.value)
