# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The campaign calls of the v2 API below ``campaign``, at their paths as KORE_API.md prints them (Kore's pages
"Get All Campaigns", "Create/Update/Delete Voice Campaign", "Create/Update/Delete SMS Campaign", "Get Campaign
Status", "Disable Campaign Schedule", the sms play and stop triggers), onto ``campaigns.Campaigns``, the context of
each call. The voice trigger lives outside ``campaign``: :func:`trigger`."""

from __future__ import annotations

from kore_sim.answers import NOT_FOUND, bad_request, success
from kore_sim.routes import VALUE, Routes


def _kind(query):
    return (query.get("campaignType") or [None])[0]


def list_all(campaigns, stream, query, body):
    return success(campaigns.list_all(stream, body))


def disable_schedule(campaigns, stream, query, body):
    if (query.get("enableSchedule") or [None])[0] != "false":
        return bad_request("enableSchedule=false and campaignName are required")
    found = campaigns.disable_schedule(stream, (query.get("campaignName") or [None])[0])
    return success(found, "Schedule disabled") if found else (404, NOT_FOUND)


def create_or_play(campaigns, stream, query, body, key=None):
    """``POST campaign`` creates; ``POST campaign/{id}?trigger=play`` starts an sms campaign, as Kore prints it."""
    if key is None:
        return success(campaigns.create(stream, _kind(query), body), "Campaign created successfully")
    if _kind(query) == "sms" and (query.get("trigger") or [None])[0] == "play":
        return trigger(campaigns, stream, key, query, "sms")
    return 404, NOT_FOUND


def sms_stop(campaigns, stream, query, body, key):
    """The sms stop path, with the double slash Kore prints: ``campaign//trigger/{id}``."""
    return trigger(campaigns, stream, key, query, "sms")


def status(campaigns, stream, query, body, key):
    found = campaigns.status(stream, key)
    return success(found) if found else (404, NOT_FOUND)


def read(campaigns, stream, query, body, key):
    found = campaigns.get(stream, key)
    return success(found) if found else (404, NOT_FOUND)


def update(campaigns, stream, query, body, key):
    found = campaigns.update(stream, key, _kind(query), body)
    return success(found, "Campaign updated successfully") if found else (404, NOT_FOUND)


def delete(campaigns, stream, query, body, key):
    found = campaigns.delete(stream, key, _kind(query))
    return success(found, "Campaign %s deleted successfully" % found["name"]) if found else (404, NOT_FOUND)


ROUTES = Routes(
    (("POST",), ("getAllCampaignDetails",), list_all),
    (("POST",), ("schedule",), disable_schedule),
    (("POST",), (), create_or_play),
    (("POST",), ("", "trigger", VALUE), sms_stop),
    (("POST",), (VALUE, "status"), status),
    (("POST",), (VALUE,), create_or_play),
    (("GET",), (VALUE,), read),
    (("PUT",), (VALUE,), update),
    (("DELETE",), (VALUE,), delete),
)


def route(campaigns, method, stream, rest, query, body):
    """``B/campaign...``: every campaign call of the v2 API but the voice trigger (:func:`trigger`)."""
    return ROUTES.answer(campaigns, method, stream, rest, query, body)


def trigger(campaigns, stream, key, query, kind):
    """play or stop: Kore answers without its envelope."""
    wanted = (query.get("trigger") or [None])[0]
    if _kind(query) != kind or wanted not in ("play", "stop"):
        return bad_request("campaignType=%s and trigger=play or stop are required" % kind)
    answer = campaigns.trigger(stream, key, kind, wanted)
    return (200, answer) if answer else (404, NOT_FOUND)
