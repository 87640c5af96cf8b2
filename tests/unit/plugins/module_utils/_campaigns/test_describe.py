# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""kore_campaign_info's reads: the chosen types, every page, each filter applied when given."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._campaigns.describe import matching_campaigns


def names(found):
    return [(c["name"], c["type"], c["status"]) for c in found]


def test_filters_by_type_name_status_and_list(sim, client):
    sim.seed("Leads", "l")
    sim.seed("DNC", "d", listType="dnc")
    sim.seed_campaign("Calls", ["Leads"], dncLists={"name": "DNC"})
    sim.seed_campaign("Calls", [], status="Active")
    sim.seed_campaign("Texts", ["Leads"], kind="sms", status="Stopped")
    assert names(matching_campaigns(client)) == [("Calls", "voice", "Ready"), ("Calls", "voice", "Active"),
                                                 ("Texts", "sms", "Stopped")]
    assert names(matching_campaigns(client, "sms")) == [("Texts", "sms", "Stopped")]
    assert len(matching_campaigns(client, name="Calls")) == 2 and matching_campaigns(client, name="calls") == []
    assert names(matching_campaigns(client, statuses=["Active", "Stopped"])) == [
        ("Calls", "voice", "Active"), ("Texts", "sms", "Stopped")]
    assert names(matching_campaigns(client, contact_list="Leads")) == [
        ("Calls", "voice", "Ready"), ("Texts", "sms", "Stopped")]
    assert names(matching_campaigns(client, "voice", contact_list="DNC")) == [("Calls", "voice", "Ready")]
    assert all(r["method"] == "POST" and r["path"].endswith("/getAllCampaignDetails") for r in sim.requests)
