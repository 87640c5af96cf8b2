# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Campaigns as data: one resource per type, and the trigger paths exactly as Kore prints them."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._campaigns.resource import CAMPAIGNS, trigger_route


def test_each_type_lists_its_own_and_takes_either_id_field():
    assert CAMPAIGNS["voice"].list_all.body == {"type": "voice"} and CAMPAIGNS["sms"].list_all.body == {"type": "sms"}
    assert CAMPAIGNS["sms"].id_of({"id": "cd-2"}) == "cd-2" and CAMPAIGNS["voice"].id_of({"_id": "cd-1"}) == "cd-1"
    assert CAMPAIGNS["voice"].route("cd-1").path == "/campaign/cd-1"


@pytest.mark.parametrize("kind, answer", [("voice", "Campaign Stopped"), ("sms", "Campaign Stopped")])
def test_the_printed_trigger_paths_reach_the_campaign(sim, client, kind, answer):
    key = sim.seed_campaign("Running", [], kind=kind, status="Active")["_id" if kind == "voice" else "id"]
    stopped = client.request("POST", trigger_route(kind, key), json={}, query={"campaignType": kind, "trigger": "stop"})
    assert stopped.body["message"] == answer
    path = sim.requests[-1]["path"]
    assert path.endswith("/campaign/trigger/" + key if kind == "voice" else "/campaign//trigger/" + key)
    assert path.startswith("/api/v2/public/") == (kind == "voice")
