# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Campaign bodies and records in the shapes Kore's v2 pages print them (Koredotcom/docs-v2,
``content/xo/apis/contact-center/``), with names of our own: what the simulator and the collection are held to.

Each body is the sample request of one page; each record the answer shape of the page named beside it. The lists
they name are ``Leads`` (a call list) and ``Do not call`` (a DNC list): seed those first (:func:`seed_lists`).
"""

from __future__ import annotations

import copy

CALL_LIST, DNC_LIST = "Leads", "Do not call"

_HOURS = {"frequency": "WEEKLY", "timezone": "Asia/Kolkata",
          "days": [{"day": day, "start": "9:00 AM", "end": "6:00 PM"} for day in ("MO", "TU", "WE", "TH", "FR")]}
_STRATEGY = {"callerId": {"phoneNumber": "+15550100200"}, "callingHours": _HOURS, "dialingOrder": "FIFO",
             "maxAttemptsPerRecord": 3, "defaultRetryPeriod": 10, "maxRingTime": 30}


def _voice(name, mode, **more):
    body = {"name": name, "description": "%s dialing, as the page's sample" % mode, "contactLists": [CALL_LIST],
            "dncLists": {"name": DNC_LIST}, "priority": "5", "dialingMode": mode,
            "dialingStrategy": copy.deepcopy(_STRATEGY), "schedule": {"isSchedulingEnabled": False},
            "campaignType": "voice"}
    body.update(more)
    return body


# create-voice-campaign-progressive-v2.md: queue_name, required for Progressive dialing
PROGRESSIVE = _voice("Renewal outreach", "Progressive", queue_name="Default Queue")
# create-voice-campaign-agentless-v2.md: a flow by name, machine detection as "no" / "detect" / "disconnect"
AGENTLESS = _voice("Feedback survey", "Agentless", experienceFlowName="Voice Survey Entry Flow",
                   enableMachineDetect="no")
# create-voice-campaign-preview-v2.md: a queue and maxSkips
PREVIEW = _voice("Billing reminder", "Preview", queue_name="Default Queue", maxSkips=1)
# update-voice-campaign-v2.md: the same fields, a new description and priority
UPDATE = {"description": "Updated as the update page's sample does", "priority": "4",
          "dncLists": {"name": DNC_LIST}}
# create-sms-campaign (advanced format) v2: format, a flow by name, the DNC list optional but one object
SMS = {"name": "Support texts", "description": "Texts that open a chat", "contactLists": [CALL_LIST],
       "dncLists": {"name": DNC_LIST}, "priority": "5", "format": "advanced", "campaignType": "sms",
       "dialingStrategy": {"callerId": {"phoneNumber": "+15550100300"}, "callingHours": copy.deepcopy(_HOURS)},
       "schedule": {"isSchedulingEnabled": False}, "experienceFlowName": "SMS Support Flow"}

VOICE_BODIES = {"progressive": PROGRESSIVE, "agentless": AGENTLESS, "preview": PREVIEW}


def record_of(kind, body, dnc_id="cl-00000000-0000-4000-8000-00000000d0c1"):
    """A record as Kore's answers print one made from ``body``: what each page's answer adds and renames
    (``lname``, ``useSystemMappings``, ``connection``, ``experienceFlow``, ``isFiltersEnabled``, the DNC list's
    ``id`` for voice, ``totalMessagesSent`` and ``isImported`` for sms), with Kore's own fields and no
    ``campaignType``."""
    record = dict((k, copy.deepcopy(v)) for k, v in body.items() if k != "campaignType")
    record.update({"_id" if kind == "voice" else "id": "cd-00000000-0000-4000-8000-0000000000c1",
                   "lname": body["name"].lower(), "status": "Ready", "isFiltersEnabled": False,
                   "createdAt": "2025-12-04T10:50:56.762Z", "updatedAt": "2025-12-04T10:50:56.762Z",
                   "campaignInstanceUpdatedAt": "2025-12-04T10:50:56.762Z"})
    if kind == "voice":
        record["dncLists"] = {"id": dnc_id, "name": body["dncLists"]["name"]}
        record["dialingStrategy"]["useSystemMappings"] = False
    else:
        record.update(totalMessagesSent=0, isImported=False)
    if "queue_name" in record:
        record["connection"] = record.pop("queue_name")
    if "experienceFlowName" in record:
        record.pop("experienceFlowName")
        record["experienceFlow"] = "cf-ecfa3927-eabc-52c4-8373-8a0b75d00000"
    if record.get("enableMachineDetect") == "no":
        record["enableMachineDetect"] = False
    return record


def seed_lists(sim):
    """The lists the samples name."""
    sim.seed(CALL_LIST, "the samples' call list")
    sim.seed(DNC_LIST, "the samples' DNC list", listType="dnc")
