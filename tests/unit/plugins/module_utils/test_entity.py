# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One entity over any resource's description: contact lists and campaigns are read, found, created, updated and
deleted by the same code, each with the routes, query and answers its description names."""

from __future__ import annotations

import pytest
from kore_sim import samples

from ansible_collections.kore.ai.plugins.module_utils._campaigns.resource import CAMPAIGNS
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import create_body
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.resource import CONTACT_LISTS
from ansible_collections.kore.ai.plugins.module_utils._entity import Entity
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreConflictError, KoreProtocolError


def a_list(sim):
    return CONTACT_LISTS, create_body("Leads", "first"), {"description": "second"}


def an_sms_campaign(sim):
    sim.campaigns.prepare_delay = 0.0  # ready at once: deleting a campaign still Preparing is refused
    sim.seed(samples.CALL_LIST, "l")
    sim.seed(samples.DNC_LIST, "d", listType="dnc")
    body = dict(samples.SMS)
    body.pop("campaignType")
    return CAMPAIGNS["sms"], body, {"description": "second"}


KINDS = [a_list, an_sms_campaign]


@pytest.mark.parametrize("kind", KINDS)
def test_an_item_goes_through_its_whole_life_by_its_description_alone(sim, client, kind):
    resource, body, changes = kind(sim)
    items = Entity(client, resource)
    made = items.create(body)
    item_id = resource.id_of(made)
    assert made["name"] == body["name"] and items.find_by_id(item_id)["name"] == body["name"]
    assert resource.id_of(items.find_by_name(body["name"])) == item_id
    updated = items.update(item_id, changes)
    assert updated["description"] == "second"
    deleted = items.delete(item_id)
    assert resource.id_of(deleted) == item_id
    # gone now, and proven so: the list-all answers without it
    assert items.delete(item_id) is None and items.find_by_id(item_id) is None
    assert items.find_by_name(body["name"]) is None


@pytest.mark.parametrize("kind", KINDS)
def test_a_create_whose_answer_was_lost_finds_the_item_instead_of_making_a_twin(sim, client, kind):
    resource, body, dummy = kind(sim)
    cut = sim.faults.add("cut_after_commit", method="POST", path_contains=resource.route(*resource.create.segments).path)
    made = Entity(client, resource).create(body)
    assert cut.times == 0 and made["name"] == body["name"]
    creates = [r for r in sim.requests if r["method"] == "POST" and r["path"].endswith(
        resource.route(*resource.create.segments).path)]
    assert len(creates) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_two_items_of_one_name_are_named_by_id_and_none_is_chosen(sim, client, kind):
    resource, body, dummy = kind(sim)
    items = Entity(client, resource)
    ids = [resource.id_of(items.create(body)), resource.id_of(items.create(body))]
    with pytest.raises(KoreConflictError, match="2 %ss are named %r \\(%s, %s\\)" % (resource.name, body["name"], *ids)):
        items.find_by_name(body["name"])


def test_a_404_to_a_delete_of_an_item_still_listed_is_not_absent(sim, client):
    listed = sim.seed("Leads", "l")
    sim.faults.add("status", method="DELETE", status=404)
    with pytest.raises(KoreProtocolError, match="Kore lists contact list %s .* answered DELETE with 404" % listed["_id"]):
        Entity(client, CONTACT_LISTS).delete(listed["_id"])


def test_a_record_that_is_not_the_item_asked_for_is_refused(sim, client):
    listed = sim.seed("Leads", "l")
    other = sim.seed("Other", "o")
    sim.faults.add("status", method="GET", path_contains="/" + listed["_id"], status=200, body={"status": "success", "data": other})
    with pytest.raises(KoreProtocolError, match="a record that is not that contact list"):
        Entity(client, CONTACT_LISTS).read(listed["_id"])
