# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Campaigns read one type at a time, each shown with its id and type, whatever field Kore put the id in."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import (
    Campaigns,
    every_campaign,
    list_names,
    running,
    uses_list,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreConflictError, KoreInputError


def test_every_campaign_of_each_type_has_id_and_type(sim, client):
    voice = [sim.seed_campaign("V%d" % i, [])["_id"] for i in range(4)]
    sms = sim.seed_campaign("S", [], kind="sms")["id"]
    found = every_campaign(client)
    assert [(c["id"], c["type"]) for c in found] == [(v, "voice") for v in voice] + [(sms, "sms")]
    assert [c["id"] for c in Campaigns(client, "sms").every()] == [sms]


def test_a_type_kore_does_not_have_is_refused_before_any_request(sim, client):
    with pytest.raises(KoreInputError, match="type must be one of voice, sms"):
        Campaigns(client, "email")
    assert sim.requests == []


@pytest.mark.parametrize("status, expected", [("Ready", False), ("Completed", False), ("Stopped", False),
                                              ("Active", True), ("Paused", True), ("Preparing", True),
                                              ("Rerun", True), ("Something new", True), (None, True)])
def test_any_status_not_at_rest_counts_as_running(status, expected):
    assert running({"status": status}) is expected


def test_a_campaign_names_its_lists_by_name_in_either_shape():
    campaign = {"contactLists": ["Leads", {"name": "More", "id": "cl-2"}, 7], "dncLists": {"id": "cl-9", "name": "DNC"}}
    assert list_names(campaign["contactLists"]) == ["Leads", "More"]
    assert uses_list(campaign, "Leads") and uses_list(campaign, "More") and uses_list(campaign, "DNC")
    assert uses_list({"dncLists": [{"name": "Old"}]}, "Old") and not uses_list({"dncLists": {"id": "Old"}}, "Old")
    assert not uses_list(campaign, "Other") and not uses_list({"contactLists": "Leads"}, "Leads")


def test_by_id_the_list_all_alone_finds_a_campaign_and_a_get_follows_only_when_it_lacks_the_id(sim, client):
    voice = sim.seed_campaign("V", [])["_id"]
    sms = sim.seed_campaign("S", [], kind="sms")["id"]
    campaigns = Campaigns(client, "voice")
    assert campaigns.find(voice, whole=False)["id"] == voice
    assert [(r["method"], r["path"].rsplit("/", 1)[-1]) for r in sim.requests] == [("POST", "getAllCampaignDetails")]
    with pytest.raises(KoreConflictError, match="not a voice campaign"):
        campaigns.find(sms, whole=False)
    assert campaigns.find("cd-gone", whole=False) is None
    assert [r["method"] for r in sim.requests[1:]] == ["POST", "GET", "POST", "GET"]
    # the whole record: the GET and the list-all go out together
    assert campaigns.find(voice)["id"] == voice and len(sim.requests) == 7
