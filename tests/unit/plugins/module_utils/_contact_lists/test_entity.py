# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contact list as Kore keeps it: its rules, and every write, over a real client and the simulator."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import (
    KoreConflictError,
    ListSpec,
    campaigns_using,
    create_body,
    would_create,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError, KoreRequestError


def test_a_spec_keeps_only_what_is_declared_and_compares_it():
    spec = ListSpec(name="QA", allow_duplicates=False)
    assert spec.fields == {"name": "QA", "allowDuplicates": False}
    assert spec.changes({"name": "QA", "description": "x", "allowDuplicates": True}) == {"allowDuplicates": False}
    assert spec.changes({"name": "QA", "allowDuplicates": False}) == {}


@pytest.mark.parametrize("given, message", [
    (dict(name=""), "name must be 1 to 48 characters"), (dict(name="n" * 49), "name must be 1 to 48"),
    (dict(list_id=" "), "id must be a non-empty string"), (dict(name="a", description="d" * 257), "at most 256")])
def test_what_kore_documents_as_invalid_is_refused(given, message):
    with pytest.raises(KoreInputError, match=message):
        ListSpec(**given)


def test_a_list_is_created_only_with_a_description_and_as_kore_would_answer_it():
    with pytest.raises(KoreInputError, match="description is required to create contact list 'QA'"):
        ListSpec(name="QA").body()
    body = ListSpec(name="QA", description="d").body()
    assert body == create_body("QA", "d") == {"name": "QA", "description": "d", "source": "passiveApi",
                                              "allowDuplicates": False}
    assert would_create(body) == dict(body, listType="call", campaignInUse=[], isListInUse=False,
                                      totalRecordCount=0)


@pytest.mark.parametrize("record, expected", [
    ({"campaignInUse": [], "isListInUse": False}, []),
    ({"campaignInUse": [{"id": "cd-1", "name": "A"}], "isListInUse": False}, ["A (cd-1)"]),
    ({"campaignInUse": [], "isListInUse": True}, ["(campaigns not named by Kore)"]),
    ({"campaignInUse": "yes"}, ["(campaignInUse not readable: str)"]),
    ({}, []),
])
def test_campaigns_using_trusts_the_array_and_a_true_flag(record, expected):
    assert campaigns_using(record) == expected


def test_of_twins_the_first_created_is_kept_and_ours_deleted(sim, lists):
    first = sim.seed("Twin", "theirs")
    ours = lists.create(create_body("Twin", "ours"))
    alone = lists.create(create_body("Alone", "ours"))
    assert [k["_id"] for k in lists.keep_first_twins([ours, alone])] == [first["_id"], alone["_id"]]
    assert sim.store.get(sim.tenant.stream_id, ours["_id"]) is None
    assert [s["name"] for s in lists.summaries()] == ["Twin", "Alone"]
    # the run that made the first one sees the same twins (here: none left) and keeps its own
    assert lists.keep_first_twins([first])[0] is first


def test_a_create_settled_says_whether_the_list_kept_is_ours(sim, lists):
    made, ours = lists.create_settled(create_body("Fresh", "d"))
    assert ours and made["name"] == "Fresh"
    assert lists.keep_first_twins([]) == []


def test_a_create_whose_answer_was_lost_finds_the_list_instead_of_making_a_twin(sim, lists):
    cut = sim.faults.add("cut_after_commit", method="POST")
    made = lists.create(create_body("Lost answer", "d"))
    assert cut.times == 0 and made["name"] == "Lost answer"
    assert [r["method"] for r in sim.requests].count("POST") == 1
    assert len(sim.store.summaries(sim.tenant.stream_id)) == 1


def test_recreate_keeps_the_name_description_and_duplicate_policy(sim, lists):
    old = sim.seed("Again", "kept", allowDuplicates=True)
    new = lists.recreate({"_id": old["_id"], "name": "Again"})  # a summary: the policy is read first
    assert new["_id"] != old["_id"]
    assert (new["name"], new["description"], new["allowDuplicates"]) == ("Again", "kept", True)
    assert sim.store.get(sim.tenant.stream_id, old["_id"]) is None


def test_a_recreate_that_cannot_create_again_says_the_list_was_deleted_and_where_its_backup_is(sim, lists):
    old = sim.seed("Gone", "d")
    sim.faults.add("status", method="POST", status=400, body={"msg": "no"})
    with pytest.raises(KoreRequestError) as caught:
        lists.recreate(old, {"backup_file": "/b/Gone.csv"})
    assert "was deleted to drop contacts, but creating it again failed; they were written to /b/Gone.csv" in str(
        caught.value)
    assert caught.value.done == {"changed": True, "recreated": {"old_id": old["_id"], "new_id": None},
                                 "backup_file": "/b/Gone.csv"}


def test_contacts_are_added_only_to_a_name_no_other_list_has(sim, lists):
    one = sim.seed("Shared", "a")
    lists.require_unique_name(one)
    sim.seed("Shared", "b")
    with pytest.raises(KoreConflictError, match="2 contact lists are named 'Shared'"):
        lists.require_unique_name(one)


def test_a_reading_shared_by_a_set_is_trusted_only_where_it_shows_the_name_on_this_list_alone(sim, lists):
    one = sim.seed("Shared", "a")
    lists.require_unique_name(one, reading=lambda: {"Shared": [dict(one)]})
    assert sim.requests == []
    # a reading that shows a twin, or not this list, proves nothing either way: Kore is read again
    twin = sim.seed("Shared", "b")
    for reading in ({"Shared": [dict(one), dict(twin)]}, {}):
        with pytest.raises(KoreConflictError, match="2 contact lists are named 'Shared'"):
            lists.require_unique_name(one, reading=lambda named=reading: named)
    sim.store.delete(sim.tenant.stream_id, twin["_id"])
    lists.require_unique_name(one, reading=lambda: {"Shared": [dict(one), dict(twin)]})
    assert len([r for r in sim.requests if r["path"].endswith("/getAllListDetails")]) == 3
