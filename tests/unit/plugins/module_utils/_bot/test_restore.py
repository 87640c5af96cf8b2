# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A restore from a backup directory alone: lists first, then campaigns, at rest or started again; check mode
sends no write and accepts campaigns that name lists it would create; a campaign that fails is named."""

from __future__ import annotations

import pytest
from ansible_collections.kore.ai.plugins.module_utils._bot.dump import dump
from ansible_collections.kore.ai.plugins.module_utils._bot.restore import restore, with_flow
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import Contacts
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


def writes(sim, since=0):
    return [r for r in sim.requests[since:] if r["method"] in ("PUT", "DELETE")
            or (r["method"] == "POST" and not r["path"].endswith(("getAllCampaignDetails", "/status")))]


def test_a_restore_brings_back_lists_then_campaigns_and_again_writes_nothing(sim, lists, client, tmp_path):
    sim.campaigns.prepare_delay = 0.0
    leads = sim.seed("Leads", "l")
    sim.seed_contacts(leads["_id"], [{"phoneNumber": "+1555010%04d" % n} for n in range(3)])
    sim.seed("DNC", "d", listType="dnc")
    sim.seed_campaign("Calls", ["Leads"], status="Active", dncLists={"name": "DNC"})
    sim.seed_campaign("Idle", ["Leads"], dncLists={"name": "DNC"})
    dump(lists, Contacts(client), str(tmp_path))
    sim.campaigns.by_stream.clear()
    sim.store.delete(sim.tenant.stream_id, leads["_id"])
    before = len(sim.requests)
    would = restore(client, str(tmp_path), check_mode=True).result()
    assert would["changed"] and not would.get("failed") and writes(sim, before) == [], would["msg"]
    assert would["lists"]["created"][0]["name"] == "Leads" and sorted(would["campaigns"]["created"]) == [
        "Calls", "Idle"]
    done = restore(client, str(tmp_path)).result()
    assert done["changed"] and done["campaigns"]["at_rest"] == ["Calls"] and "back at rest" in done["msg"]
    assert sorted(c["status"] for c in sim.campaigns.of(sim.tenant.stream_id).values()) == ["Ready", "Ready"]
    before = len(sim.requests)
    again = restore(client, str(tmp_path), resume=True).result()
    assert again["campaigns"]["started"] == ["Calls"] and len(writes(sim, before)) == 1
    before = len(sim.requests)
    last = restore(client, str(tmp_path), resume=True).result()
    assert not last["changed"] and writes(sim, before) == [], last["msg"]


def test_a_campaign_whose_lists_are_missing_is_named_and_fails_the_restore(sim, lists, client, tmp_path):
    sim.seed("Leads", "l")
    sim.seed("DNC", "d", listType="dnc")
    sim.seed_campaign("Calls", ["Leads"], dncLists={"name": "DNC"})
    dump(lists, Contacts(client), str(tmp_path))
    sim.campaigns.by_stream.clear()
    for record in sim.store.summaries(sim.tenant.stream_id):
        if record["name"] == "DNC":
            sim.store.delete(sim.tenant.stream_id, record["_id"])
    result = restore(client, str(tmp_path)).result()
    assert result["failed"] and "voice campaign 'Calls'" in result["msg"] and "DNC list 'DNC'" in result["msg"]


def test_a_flow_named_by_id_only_takes_its_name_from_flows_unless_the_definition_names_one():
    record = {"name": "Survey", "experienceFlow": "cf-1"}
    assert with_flow(record, {"name": "Survey"}, {"cf-1": "Survey flow"}) == {
        "name": "Survey", "experienceFlowName": "Survey flow"}
    assert with_flow(record, {"experienceFlowName": "Mine"}, {"cf-1": "Survey flow"}) == {
        "experienceFlowName": "Mine"}
    assert with_flow(record, {"name": "Survey"}, {"cf-2": "Other"}) == {"name": "Survey"}
    assert with_flow({"name": "Calls"}, {"name": "Calls"}, {"cf-1": "Survey flow"}) == {"name": "Calls"}


def test_a_directory_that_is_not_there_or_flows_without_names_are_refused_before_any_request(sim, client, tmp_path):
    before = len(sim.requests)
    with pytest.raises(KoreInputError, match="is not a directory: there is nothing to restore"):
        restore(client, str(tmp_path / "typo"))
    with pytest.raises(KoreInputError, match="experience_flows maps each flow id to the flow's name"):
        restore(client, str(tmp_path), flows={"cf-1": 7})
    assert len(sim.requests) == before
