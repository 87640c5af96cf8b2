# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ensure engine of a campaign against the simulator: every answer after a change reports that change."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._campaigns.definition import CampaignSpec
from ansible_collections.kore.ai.plugins.module_utils._campaigns.engine import (
    ensure_campaign_absent,
    ensure_campaign_present,
)
from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import Campaigns
from ansible_collections.kore.ai.plugins.module_utils._backup.file import Backup
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreError,
    KoreInputError,
    KoreInUseError,
    KoreProtocolError,
    may_have_changed,
)


@pytest.fixture
def voice(sim, client):
    sim.seed("Leads", "l")
    return Campaigns(client, "voice")


def sent(sim):
    return [r["method"] for r in sim.requests if r["method"] in ("PUT", "DELETE") or "trigger" in r["path"]
            or r["path"].endswith("/campaign")]


def test_check_mode_decides_as_a_real_run_and_sends_nothing(sim, voice):
    sim.seed_campaign("Calls", ["Leads"], status="Active")
    with pytest.raises(KoreInUseError, match="set stop: true"):
        ensure_campaign_absent(voice, CampaignSpec(name="Calls"), check_mode=True)
    outcome = ensure_campaign_absent(voice, CampaignSpec(name="Calls"), stop=True, check_mode=True)
    assert outcome.changed and outcome.extra["stopped"] and outcome.msg.endswith("would be stopped and deleted")
    assert sent(sim) == []


def test_a_delete_answered_503_after_the_backup_says_changed_and_names_the_backup(sim, voice, tmp_path):
    sim.seed_campaign("Calls", ["Leads"])
    sim.faults.add("status_after_commit", method="DELETE", status=503, times=10)
    backup = Backup(str(tmp_path / "calls.json"))
    with pytest.raises(KoreError) as caught:
        ensure_campaign_absent(voice, CampaignSpec(name="Calls"), backup=backup)
    assert may_have_changed(caught.value) and caught.value.done["backup_file"] == backup.path
    assert "may have been deleted all the same" in str(caught.value)


def test_a_404_to_delete_of_a_campaign_still_listed_is_not_absent(sim, voice):
    sim.seed_campaign("Calls", ["Leads"])
    sim.faults.add("status", method="DELETE", status=404)
    with pytest.raises(KoreProtocolError, match="answered DELETE with 404"):
        ensure_campaign_absent(voice, CampaignSpec(name="Calls"))


def test_a_failed_stop_trigger_leaves_the_campaign_and_says_what_was_written(sim, voice, tmp_path):
    sim.seed_campaign("Calls", ["Leads"], status="Active")
    sim.faults.add("status", method="POST", path_contains="trigger", status=400)
    backup = Backup(str(tmp_path / "calls.json"))
    with pytest.raises(KoreError) as caught:
        ensure_campaign_absent(voice, CampaignSpec(name="Calls"), stop=True, backup=backup)
    assert caught.value.done == {"backup_file": backup.path} and not may_have_changed(caught.value)
    assert [r["method"] for r in sim.requests if r["method"] == "DELETE"] == []


def test_present_by_an_id_kore_does_not_have_asks_for_a_name(sim, voice):
    with pytest.raises(KoreInputError, match="Kore chooses ids"):
        ensure_campaign_present(voice, CampaignSpec(campaign_id="cd-none"), {"description": "x"})


def test_a_stopped_campaign_is_updated_and_its_failure_after_the_stop_says_stopped(sim, voice):
    sim.seed_campaign("Calls", ["Leads"], status="Active", description="old")
    sim.faults.add("status", method="PUT", status=400)
    with pytest.raises(KoreError) as caught:
        ensure_campaign_present(voice, CampaignSpec(name="Calls"), {"name": "Calls", "description": "new"},
                                stop=True)
    assert may_have_changed(caught.value) and caught.value.done["stopped"] is True
    assert "it had been stopped" in str(caught.value)


def test_waiting_gives_up_at_the_timeout(sim, voice):
    sim.campaigns.stop_delay = 60.0
    key = sim.seed_campaign("Calls", ["Leads"], status="Active")["_id"]
    voice.stop(key)
    now = [0.0]

    def sleep(seconds):
        now[0] += seconds

    timed = Campaigns(voice.client, "voice", clock=lambda: now[0], sleep=sleep)
    assert timed.wait_at_rest(key, 5) is None and now[0] == 5
    sim.campaigns.stop_delay = 0.0
    other = sim.seed_campaign("Other", ["Leads"], status="Active")["_id"]
    voice.stop(other)
    assert voice.wait_at_rest(other, 5) == "Stopped"
