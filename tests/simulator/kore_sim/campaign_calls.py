# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The campaign calls of the v2 API, at their paths as KORE_API.md prints them, onto ``campaigns.Campaigns``."""

from __future__ import annotations

from kore_sim.answers import NOT_FOUND, bad_request, success


def route(campaigns, method, stream, rest, query, body):
    """``B/campaign...``: every campaign call of the v2 API but the voice trigger (:func:`trigger`)."""
    kind = (query.get("campaignType") or [None])[0]
    if rest == ["getAllCampaignDetails"] and method == "POST":
        return success(campaigns.list_all(stream, body))
    if rest == ["schedule"] and method == "POST":
        if (query.get("enableSchedule") or [None])[0] != "false":
            return bad_request("enableSchedule=false and campaignName are required")
        found = campaigns.disable_schedule(stream, (query.get("campaignName") or [None])[0])
        return success(found, "Schedule disabled") if found else (404, NOT_FOUND)
    if rest == [] and method == "POST":
        return success(campaigns.create(stream, kind, body), "Campaign created successfully")
    if len(rest) == 3 and rest[:2] == ["", "trigger"] and method == "POST":  # the sms stop path: campaign//trigger
        return trigger(campaigns, stream, rest[2], query, "sms")
    if len(rest) == 2 and rest[1] == "status" and method == "POST":
        found = campaigns.status(stream, rest[0])
        return success(found) if found else (404, NOT_FOUND)
    if len(rest) != 1 or not rest[0]:
        return 404, NOT_FOUND
    key = rest[0]
    if method == "GET":
        found = campaigns.get(stream, key)
    elif method == "POST" and kind == "sms" and (query.get("trigger") or [None])[0] == "play":
        return trigger(campaigns, stream, key, query, "sms")
    elif method == "PUT":
        found = campaigns.update(stream, key, kind, body)
        if found:
            return success(found, "Campaign updated successfully")
    elif method == "DELETE":
        found = campaigns.delete(stream, key, kind)
        if found:
            return success(found, "Campaign %s deleted successfully" % found["name"])
    else:
        found = None
    return success(found) if found else (404, NOT_FOUND)


def trigger(campaigns, stream, key, query, kind):
    """play or stop: Kore answers without its envelope."""
    wanted = (query.get("trigger") or [None])[0]
    if (query.get("campaignType") or [None])[0] != kind or wanted not in ("play", "stop"):
        return bad_request("campaignType=%s and trigger=play or stop are required" % kind)
    answer = campaigns.trigger(stream, key, kind, wanted)
    return (200, answer) if answer else (404, NOT_FOUND)
