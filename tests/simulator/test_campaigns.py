# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The simulator's campaigns answer at KORE_API.md's paths as printed, page, move their statuses, and refuse what
Kore's UI forbids."""

from __future__ import annotations

import time

import jwt
import pytest
import requests
from kore_sim import samples


class CampaignApi(object):
    """Calls as Kore's campaign pages print them: ``B`` = ``{host}/campaign/api/v2/public/{streamId}``."""

    def __init__(self, sim):
        tenant = sim.tenant
        self.host, self.stream, self.account = sim.url, tenant.stream_id, tenant.account_id
        self.headers = {"auth": jwt.encode({"sub": "t", "appId": tenant.client_id}, tenant.client_secret,
                                           algorithm="HS256"),
                        "iid": self.stream, "accountId": self.account}

    def call(self, method, path, body=None, **query):
        url = "%s/campaign/api/v2/public/%s%s" % (self.host, self.stream, path) if path.startswith("/campaign") \
            else self.host + path
        return requests.request(method, url, headers=self.headers, json=body, timeout=10,
                                params=dict(query, accountId=self.account))

    def every(self, kind):
        found, skip = [], 0
        while True:
            page = self.call("POST", "/campaign/getAllCampaignDetails", {"type": kind, "limit": 50, "skip": skip})
            data = page.json()["data"]
            found += data["results"]
            if not data["hasMore"]:
                return found, data
            skip += len(data["results"])

    def status(self, key):
        return self.call("POST", "/campaign/%s/status" % key, {}, view="status").json()["data"]["status"]


@pytest.fixture
def api(sim):
    sim.seed("Leads", "call list")
    sim.seed("Do not call", "dnc", listType="dnc")
    return CampaignApi(sim)


def wait_for(api, key, status, seconds=3.0):
    end = time.monotonic() + seconds
    while api.status(key) != status:
        assert time.monotonic() < end, "status never became %s" % status
        time.sleep(0.05)


def test_a_voice_campaign_lives_its_life_at_the_printed_paths(sim, api):
    made = api.call("POST", "/campaign", {"name": "Renewals", "contactLists": ["Leads"],
                                          "dncLists": {"name": "Do not call"}, "queue_name": "Q",
                                          "dialingMode": "Progressive"}, campaignType="voice")
    data = made.json()["data"]
    assert made.status_code == 200 and data["status"] == "Preparing" and "_id" not in data
    key = data["id"]
    wait_for(api, key, "Ready")
    leads = [r for r in sim.store.summaries(sim.tenant.stream_id) if r["name"] == "Leads"][0]
    assert leads["campaignInUse"] == [{"id": key, "name": "Renewals"}] and leads["isListInUse"]
    refused = requests.delete("%s/campaign/api/v2/public/%s/campaign/contactList/%s" % (sim.url, api.stream,
                                                                                        leads["_id"]),
                              headers=api.headers, params={"accountId": api.account}, timeout=10)
    assert refused.status_code == 400 and "used by campaigns Renewals" in refused.text
    bare = "/api/v2/public/%s/campaign/trigger/%s" % (api.stream, key)  # no /campaign before /api, as printed
    started = api.call("POST", bare, {}, campaignType="voice", trigger="play")
    assert started.json() == {"status": "Active", "message": "Campaign Started", "id": key}
    assert api.call("DELETE", "/campaign/" + key, campaignType="voice").status_code == 400
    assert api.call("PUT", "/campaign/" + key, {"description": "x"}, campaignType="voice").status_code == 400
    assert api.call("POST", bare, {}, campaignType="voice", trigger="stop").json()["status"] == "Stopped"
    assert api.status(key) == "Active"  # a stop settles a moment later
    wait_for(api, key, "Stopped")
    assert api.call("DELETE", "/campaign/" + key, campaignType="sms").status_code == 404  # the wrong type
    gone = api.call("DELETE", "/campaign/" + key, campaignType="voice").json()
    assert gone["message"] == "Campaign Renewals deleted successfully" and gone["data"]["_id"] == key
    assert sim.store.get(sim.tenant.stream_id, leads["_id"])["campaignInUse"] == []


def test_sms_campaigns_say_id_and_stop_at_the_double_slash(sim, api):
    key = api.call("POST", "/campaign", {"name": "Texts", "contactLists": ["Leads"]},
                   campaignType="sms").json()["data"]["id"]
    wait_for(api, key, "Ready")
    assert api.call("GET", "/campaign/" + key).json()["data"]["id"] == key
    assert api.call("POST", "/campaign/" + key, {}, campaignType="sms", trigger="play").json()["status"] == "Active"
    stopped = api.call("POST", "/campaign//trigger/" + key, {}, campaignType="sms", trigger="stop")
    assert stopped.status_code == 200 and stopped.json()["message"] == "Campaign Stopped"
    items, dummy = api.every("sms")
    assert [i["id"] for i in items] == [key] and "_id" not in items[0]


def test_list_all_pages_whatever_limit_asks_and_needs_a_type(sim, api):
    keys = [sim.seed_campaign("C%d" % i, ["Leads"])["_id"] for i in range(7)]
    sim.seed_campaign("S", ["Leads"], kind="sms")
    items, last = api.every("voice")
    assert [i["_id"] for i in items] == keys and last["limit"] == sim.campaigns.page and last["totalResults"] == 7
    assert api.call("POST", "/campaign/getAllCampaignDetails", {}).status_code == 400


def test_a_campaign_naming_a_missing_list_is_refused(sim, api):
    made = api.call("POST", "/campaign", {"name": "X", "contactLists": ["Nope"], "dncLists": {"name": "Do not call"}},
                    campaignType="voice")
    assert made.status_code == 400 and "Nope does not exist" in made.text
    gone = api.call("POST", "/campaign", {"name": "X", "contactLists": ["Leads"], "dncLists": {"name": "Gone"}},
                    campaignType="voice")
    assert gone.status_code == 400 and "DNC list Gone does not exist" in gone.text


KORE_OWN = ("_id", "id", "status", "createdAt", "updatedAt", "campaignInstanceUpdatedAt", "experienceFlow")


def without_kore_own(record):
    return dict((k, v) for k, v in record.items() if k not in KORE_OWN and not (k == "dncLists" and "id" in v))


@pytest.mark.parametrize("kind, body", [("voice", b) for b in samples.VOICE_BODIES.values()] + [("sms", samples.SMS)],
                         ids=list(samples.VOICE_BODIES) + ["sms"])
def test_each_body_kore_prints_is_created_and_shown_as_kores_answers_show_it(sim, api, kind, body):
    made = api.call("POST", "/campaign", body, campaignType=kind)
    assert made.status_code == 200, made.text
    key = made.json()["data"]["id"]
    shown = api.call("GET", "/campaign/" + key).json()["data"]
    expected = samples.record_of(kind, body)
    assert without_kore_own(shown) == without_kore_own(expected)
    dnc = [r for r in sim.store.summaries(sim.tenant.stream_id) if r["name"] == samples.DNC_LIST][0]
    assert shown["dncLists"] == ({"id": dnc["_id"], "name": samples.DNC_LIST} if kind == "voice"
                                 else {"name": samples.DNC_LIST})
    assert ("experienceFlow" in shown) == ("experienceFlowName" in body)
    updated = api.call("PUT", "/campaign/" + key, samples.UPDATE, campaignType=kind)
    assert updated.status_code == 200, updated.text
    again = api.call("GET", "/campaign/" + key).json()["data"]
    assert again["priority"] == "4" and again["description"] == samples.UPDATE["description"]


def test_a_flow_is_shown_by_one_id_a_name_and_the_agentless_pages_flow_by_the_id_it_prints(api):
    def flow_of(body):
        made = api.call("POST", "/campaign", body, campaignType="voice")
        assert made.status_code == 200, made.text
        return api.call("GET", "/campaign/" + made.json()["data"]["id"]).json()["data"]["experienceFlow"]

    printed = samples.record_of("voice", samples.AGENTLESS)["experienceFlow"]
    assert flow_of(samples.AGENTLESS) == printed
    other = dict(samples.AGENTLESS, experienceFlowName="Another flow")
    assert flow_of(dict(other, name="Second")) == flow_of(dict(other, name="Third")) != printed


@pytest.mark.parametrize("change, words", [
    ({"dncLists": [{"name": "Do not call"}]}, "dncLists must be an object"),
    ({"dncLists": None}, "dncLists must be an object"),
    ({"contactLists": []}, "contactLists must name at least one"),
    ({"priority": "9"}, "priority must be one of"),
    ({"experienceFlowName": None}, "experienceFlowName is required for Agentless"),
    ({"name": "n" * 49}, "maximum of 48"),
])
def test_a_body_kore_documents_as_invalid_is_refused(api, change, words):
    body = dict(samples.AGENTLESS, **change)
    made = api.call("POST", "/campaign", dict((k, v) for k, v in body.items() if v is not None), campaignType="voice")
    assert made.status_code == 400 and words in made.text


def test_list_all_without_type_holds_dnc_lists_too(sim, api):
    url = "%s/campaign/api/v2/public/%s/campaign/contactList/getAllListDetails" % (sim.url, api.stream)
    every = requests.get(url, headers=api.headers, params={"accountId": api.account}, timeout=10).json()["data"]
    calls = requests.get(url, headers=api.headers, params={"accountId": api.account, "type": "call"},
                         timeout=10).json()["data"]
    assert sorted(r["name"] for r in every) == ["Do not call", "Leads"] and [r["name"] for r in calls] == ["Leads"]


def test_the_documented_requests_are_answered_in_the_documented_shapes(sim, api):
    running = sim.seed_campaign("Running", ["Leads"], status="Active")["_id"]
    sim.seed_campaign("Idle", ["Leads"])
    # list all as the voice page's sample asks it: paging, dates, sorting and filters
    page = api.call("POST", "/campaign/getAllCampaignDetails", {
        "type": "voice", "limit": 50, "skip": 0, "page": 1, "startDate": "2025-01-01T00:00:00.000Z",
        "endDate": "2030-01-01T00:00:00.000Z", "sortBy": {"createdAt": "desc"},
        "filters": {"status": ["Active"], "priority": [1, 2, 3, 4, 5], "dialingMode": ["preview"]}}).json()
    assert sorted(page) == ["data", "message", "status"] and page["status"] == "success"
    assert sorted(page["data"]) == ["hasMore", "limit", "results", "skip", "totalPages", "totalResults"]
    assert [c["_id"] for c in page["data"]["results"]] == [running]
    state = api.call("POST", "/campaign/%s/status" % running, {}, view="status").json()
    assert state == {"status": "success", "message": "", "data": {"id": running, "status": "Active",
                                                                  "name": "Running"}}
    assert api.call("GET", "/campaign/" + running).json()["data"]["_id"] == running
    disabled = api.call("POST", "/campaign/schedule", {}, enableSchedule="false", campaignName="Running")
    assert disabled.json()["status"] == "success"
    assert api.call("POST", "/campaign/schedule", {}, enableSchedule="false", campaignName="None").status_code == 404
