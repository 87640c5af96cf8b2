# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A campaign's declared run state: started and stopped through Kore's triggers, a settling campaign waited for,
and a stop that does not settle reported as the change it was."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._campaigns.definition import CampaignSpec
from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import Campaigns
from ansible_collections.kore.ai.plugins.module_utils._campaigns.run_state import ensure_campaign_run_state
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, may_have_changed


@pytest.fixture
def voice(sim, client):
    sim.seed("Leads", "l")
    return Campaigns(client, "voice")


def triggers(sim):
    return [r["query"]["trigger"][0] for r in sim.requests if "trigger" in r["query"]]


def test_a_preparing_campaign_is_waited_for_then_started(sim, voice):
    sim.campaigns.prepare_delay = 0.3
    made = sim.campaigns.create(sim.tenant.stream_id, "voice", {"name": "New", "contactLists": ["Leads"],
                                                                "dncLists": {"name": "Leads"}})
    outcome = ensure_campaign_run_state(voice, CampaignSpec(made["id"]), None, started=True, wait_timeout=5)
    assert outcome.changed and outcome.extra["status"] == "Active" and triggers(sim) == ["play"]
    # stopped while still preparing: no trigger, it comes to rest by itself
    second = sim.campaigns.create(sim.tenant.stream_id, "voice", {"name": "Other", "contactLists": ["Leads"],
                                                                  "dncLists": {"name": "Leads"}})
    settled = ensure_campaign_run_state(voice, CampaignSpec(second["id"]), None, started=False, wait_timeout=5)
    assert not settled.changed and settled.extra["status"] == "Ready" and triggers(sim) == ["play"]


def test_a_stop_that_does_not_settle_fails_as_the_change_it_was(sim, voice):
    sim.campaigns.stop_delay = 30.0
    running = sim.seed_campaign("Calls", ["Leads"], status="Active")
    with pytest.raises(KoreError, match="its status still says it runs after wait_timeout 1 seconds") as caught:
        ensure_campaign_run_state(voice, CampaignSpec(running["_id"]), None, started=False, wait_timeout=1)
    assert may_have_changed(caught.value) and caught.value.done["stopped"] is True
    assert "was sent Kore's stop" in str(caught.value) and triggers(sim) == ["stop"]


def test_a_paused_campaign_is_started_again_and_an_active_one_left_as_it_is(sim, voice):
    paused = sim.seed_campaign("Paused", ["Leads"], status="Paused")
    active = sim.seed_campaign("Active", ["Leads"], status="Active")
    resumed = ensure_campaign_run_state(voice, CampaignSpec(paused["_id"]), None, started=True)
    left = ensure_campaign_run_state(voice, CampaignSpec(active["_id"]), None, started=True)
    assert resumed.changed and resumed.extra["status"] == "Active" and not left.changed
    assert triggers(sim) == ["play"]
