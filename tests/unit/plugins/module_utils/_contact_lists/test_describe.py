# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""kore_contact_list_info's reads: one list by id, the lists of a name in full, or every summary."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.describe import (
    describe_lists,
    describe_with_contacts,
)
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import KoreConflictError, ListSpec
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import Contacts
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


def test_by_id_by_name_and_every_list(sim, lists):
    first, second = sim.seed("A", "a"), sim.seed("B", "b")
    assert describe_lists(lists, ListSpec(list_id=first["_id"])) == [first]
    assert describe_lists(lists, ListSpec(list_id="cl-missing")) == []
    assert [r["createdAt"] for r in describe_lists(lists, ListSpec(name="B"))] == [second["createdAt"]]
    assert sorted(r["_id"] for r in describe_lists(lists, ListSpec())) == sorted([first["_id"], second["_id"]])


def test_contacts_only_of_the_one_list_meant(sim, lists):
    record = sim.seed("A", "a")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+1"}])
    contacts = Contacts(lists.client)
    records, held = describe_with_contacts(lists, contacts, ListSpec(name="A"), return_contacts=True)
    assert records[0]["_id"] == record["_id"] and [c["phoneNumber"] for c in held] == ["+1"]
    assert describe_with_contacts(lists, contacts, ListSpec(name="A"))[1] is None
    with pytest.raises(KoreInputError, match="return_contacts needs id or name"):
        describe_with_contacts(lists, contacts, ListSpec(), return_contacts=True)
    sim.seed("A", "twin")
    with pytest.raises(KoreConflictError, match="2 contact lists are named 'A'"):
        describe_with_contacts(lists, contacts, ListSpec(name="A"), return_contacts=True)
