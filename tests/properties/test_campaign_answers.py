# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Whatever a server answers to the campaign calls, each returns a sound result or raises a short, clean KoreError,
and never says a campaign is absent, stopped or deleted without proof (as test_answers.py for the lists)."""

from __future__ import annotations

import os
import tempfile
import time
from unittest import mock

import pytest
from hypothesis import example, given
from strategies import ANSWERS, CAMPAIGN_ID, CAMPAIGN_NAME, LIST_NAME
from test_answers import MAX_MESSAGE, MAX_REQUESTS, MAX_SLEPT, SECRET, TOKEN

from scripted import Answer

from ansible_collections.kore.ai.plugins.module_utils._campaigns.definition import CampaignSpec
from ansible_collections.kore.ai.plugins.module_utils._campaigns.describe import matching_campaigns
from ansible_collections.kore.ai.plugins.module_utils._campaigns.engine import (
    ensure_campaign_absent,
    ensure_campaign_present,
)
from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import Campaigns
from ansible_collections.kore.ai.plugins.module_utils._client import KoreClient
from ansible_collections.kore.ai.plugins.module_utils._backup.file import Backup
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError

BACKUP = os.path.join(tempfile.mkdtemp(prefix="kore-fuzz-campaign-"), "campaign.json")
DEFINITION = {"name": CAMPAIGN_NAME, "description": "d", "contactLists": [LIST_NAME]}
READS = ("getAllCampaignDetails", "status", "getAllListDetails")
NAMES_THE_REQUEST = ("GET ", "POST ", "PUT ", "DELETE ", "list all", "campaign")
CALLS = {
    "absent by id": lambda voice: ensure_campaign_absent(voice, CampaignSpec(campaign_id=CAMPAIGN_ID)),
    "absent by name": lambda voice: ensure_campaign_absent(voice, CampaignSpec(name=CAMPAIGN_NAME)),
    "absent, stopped": lambda voice: ensure_campaign_absent(voice, CampaignSpec(name=CAMPAIGN_NAME), stop=True,
                                                            wait_timeout=30),
    "absent, backed up": lambda voice: ensure_campaign_absent(voice, CampaignSpec(name=CAMPAIGN_NAME),
                                                              backup=Backup(BACKUP)),
    "present": lambda voice: ensure_campaign_present(voice, CampaignSpec(name=CAMPAIGN_NAME), DEFINITION,
                                                     stop=True, wait_timeout=30),
    "info": lambda voice: matching_campaigns(voice.client, "all", contact_list=LIST_NAME),
}
ABSENT = ("absent by id", "absent by name", "absent, stopped", "absent, backed up")


def run(scripted, call, answers, new_clock):
    scripted.play(answers)
    fake = new_clock(0.0)
    client = KoreClient.of(scripted.url, "st-fuzz", "5f0e1d2c3b4a596877665544", TOKEN, retries=2, timeout=5,
                           secrets=(SECRET,))
    with mock.patch.object(time, "sleep", fake.sleep), mock.patch.object(time, "monotonic", fake):
        try:
            outcome = CALLS[call](Campaigns(client, "voice"))
        except KoreError as exc:
            outcome = exc
    return outcome, list(scripted.log), fake.now


def listed_without(log, absent):
    """The proof of absence: a list-all of the type, answered in Kore's envelope with its last page, without it."""
    for request in log:
        if request.last_segment == "getAllCampaignDetails" and request.answer.understood:
            page = request.answer.json().get("data")
            if isinstance(page, dict) and page.get("hasMore") is False and isinstance(page.get("results"), list) \
                    and not any(isinstance(i, dict) and absent(i) for i in page["results"]):
                return True
    return False


def settled(log):
    """The proof of a stop: the trigger sent, then a status answered in Kore's envelope, at rest."""
    triggered = [i for i, r in enumerate(log) if r.last_segment == CAMPAIGN_ID and "trigger" in r.path]
    return bool(triggered) and any(
        r.last_segment == "status" and r.answer.understood
        and (r.answer.json().get("data") or {}).get("status") in ("Ready", "Completed", "Stopped")
        for r in log[triggered[0]:])


@pytest.mark.parametrize("call", sorted(CALLS))
@given(answers=ANSWERS)
@example(answers=[Answer(404, [], b""),
                  Answer(200, [], b'{"status": "success", "data": {"results": [], "hasMore": false}}')])
@example(answers=[Answer(200, [], b'{"status": "success", "data": {"results": [{"_id": "cd-fuzz-0001", '
                                  b'"name": "Fuzz campaign", "status": "Active"}], "hasMore": false}}')])
@example(answers=[Answer(200, [], b'{"status": "success", "data": {"results": [], "hasMore": true}}')])
def test_any_answer_to_a_campaign_call_is_sound_and_proven(scripted, call, answers, new_clock):
    if os.path.exists(BACKUP):
        os.unlink(BACKUP)
    outcome, log, slept = run(scripted, call, answers, new_clock)
    assert 0 < len(log) <= MAX_REQUESTS and slept <= MAX_SLEPT
    if isinstance(outcome, KoreError):
        message = str(outcome)
        assert message and len(message) <= MAX_MESSAGE, message
        assert any(words in message for words in NAMES_THE_REQUEST), message
        assert SECRET not in message and TOKEN not in message
        return
    assert SECRET not in repr(outcome) and TOKEN not in repr(outcome)
    for index, request in enumerate(log):  # a write only after an answer understood (reads may be repeated)
        if request.method != "GET" and request.last_segment not in READS:
            assert index > 0 and log[index - 1].answer.understood, (request.method, request.path)
    if call == "info":
        return
    by_name = call != "absent by id"
    if call in ABSENT and not outcome.changed:
        assert listed_without(log, lambda item: (item.get("name") == CAMPAIGN_NAME) if by_name else
                              CAMPAIGN_ID in (item.get("_id"), item.get("id"))), [r.answer for r in log]
    if call in ABSENT and outcome.changed:
        assert any(r.method == "DELETE" for r in log) and isinstance(outcome.record, dict)
    if outcome.extra.get("stopped"):
        assert settled(log), [(r.method, r.path, r.answer) for r in log]
    if call == "absent, backed up" and any(r.method == "DELETE" for r in log):
        assert os.path.exists(BACKUP) and os.listdir(os.path.dirname(BACKUP)) == ["campaign.json"], log
