# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The wire client: URLs, retries, and the mapping of answers to errors."""

from __future__ import annotations

import json
import os

import pytest
from urllib3.util.retry import RequestHistory

from ansible_collections.kore.ai.plugins.module_utils._auth import mint_token
from ansible_collections.kore.ai.plugins.module_utils._campaigns.resource import CAMPAIGNS
from ansible_collections.kore.ai.plugins.module_utils._client import KoreClient, KoreRetry
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.resource import CONTACT_LISTS
from ansible_collections.kore.ai.plugins.module_utils._contacts.resource import add_route
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreAuthError,
    KoreNotFoundError,
    KoreProtocolError,
    KoreRequestError,
    KoreServerError,
    KoreTransportError,
)


def test_post_is_retried_only_after_429():
    retry = KoreRetry(total=3, status_forcelist=(429, 502, 503, 504))
    assert retry.is_retry("POST", 429)
    assert not retry.is_retry("POST", 503)
    assert retry.is_retry("DELETE", 503) and retry.is_retry("GET", 502) and retry.is_retry("PUT", 504)


def test_retry_after_is_capped():
    assert KoreRetry().parse_retry_after("3600") == 60
    assert KoreRetry().parse_retry_after("2") == 2


def client_for(sim, **overrides):
    tenant = sim.tenant
    options = dict(host=sim.url, stream_id=tenant.stream_id, account_id=tenant.account_id,
                   token=mint_token(tenant.client_id, tenant.client_secret), retries=1, timeout=5)
    options.update(overrides)
    return KoreClient.of(**options)


def test_answers_map_to_errors(sim):
    client = client_for(sim)
    assert client.request("GET", CONTACT_LISTS.route("getAllListDetails"), query={"type": "call"}).data == []
    with pytest.raises(KoreNotFoundError):
        client.request("GET", CONTACT_LISTS.route("cl-missing"))
    with pytest.raises(KoreRequestError, match="name is required"):
        client.request("POST", CONTACT_LISTS.route("createContactList"),
                       json={"description": "x", "source": "passiveApi"})
    with pytest.raises(KoreAuthError, match="Invalid SDK credentials"):
        client_for(sim, token=mint_token(sim.tenant.client_id, "wrong-secret-but-long-enough-for-hs256")).request(
            "GET", CONTACT_LISTS.route("cl-1"))
    sim.faults.add("status", status=500, times=5)
    with pytest.raises(KoreServerError, match="HTTP 500"):
        client.request("GET", CONTACT_LISTS.route("cl-1"))


def test_secrets_are_redacted_from_error_text(sim):
    client = client_for(sim, secrets=("the-client-secret",))
    sim.faults.add("status", status=400, body={"msg": "bad the-client-secret " + client.token})
    with pytest.raises(KoreRequestError) as caught:
        client.request("GET", CONTACT_LISTS.route("cl-1"))
    assert "the-client-secret" not in str(caught.value)
    assert client.token not in str(caught.value)
    assert "********" in str(caught.value)


def test_lost_answer_is_flagged_as_maybe_applied(sim):
    record = sim.seed("x", "y")
    client = client_for(sim)
    sim.faults.add("cut_after_commit", method="DELETE")
    with pytest.raises(KoreNotFoundError) as caught:
        client.request("DELETE", CONTACT_LISTS.route(record["_id"]))
    assert caught.value.earlier_attempt_may_have_applied
    sim.faults.add("status", method="GET", status=429, retry_after=0)
    assert client.request("GET", CONTACT_LISTS.route("getAllListDetails")).earlier_attempt_may_have_applied is False


def test_connection_refused_is_a_transport_error_never_sent():
    client = KoreClient.of("http://127.0.0.1:9", "st-1", "a", "test-token", retries=0, timeout=2)
    with pytest.raises(KoreTransportError, match="connection failed") as caught:
        client.request("GET", CONTACT_LISTS.route("cl-1"))
    assert not caught.value.earlier_attempt_may_have_applied


def test_non_envelope_and_redirects_are_protocol_errors(web_server):
    welcome = KoreClient.of(web_server(200, b"<html>welcome</html>"), "st-1", "a", "test-token", retries=0)
    with pytest.raises(KoreProtocolError, match="not Kore's JSON envelope"):
        welcome.request("GET", CONTACT_LISTS.route("cl-1"))
    moved = KoreClient.of(web_server(302, headers={"Location": "https://elsewhere.example/"}), "st-1", "a",
                          "test-token", retries=0)
    with pytest.raises(KoreProtocolError, match="redirected"):
        moved.request("GET", CONTACT_LISTS.route("cl-1"))


@pytest.mark.parametrize("status", [201, 202, 203, 205, 206, 226, 299])
def test_only_kore_s_documented_200_is_a_success(web_server, status):
    # found by make fuzz: a list all answered 205 with an empty list was taken as proof that a list was gone
    envelope = json.dumps({"status": "success", "data": []}).encode()
    client = KoreClient.of(web_server(status, envelope), "st-1", "a", "test-token", retries=0)
    with pytest.raises(KoreProtocolError, match="GET contactList/getAllListDetails .*HTTP %d, not the 200" % status) \
            as read:
        client.request("GET", CONTACT_LISTS.route("getAllListDetails"))
    assert not read.value.earlier_attempt_may_have_applied
    with pytest.raises(KoreProtocolError, match="DELETE contactList/cl-1 .*may have carried the request out") as write:
        client.request("DELETE", CONTACT_LISTS.route("cl-1"))
    assert write.value.earlier_attempt_may_have_applied


def test_backoff_grows_and_is_capped():
    failed = RequestHistory("GET", "/", None, 503, None)
    assert KoreRetry(backoff_factor=0.5, history=(failed,) * 3).get_backoff_time() == 2
    assert KoreRetry(backoff_factor=0.5, history=(failed,) * 15).get_backoff_time() == 30


@pytest.mark.parametrize("value", ["abc", "-1", "1.5", "", "Fri, 32 Foo 2025 99:99:99 GMT"])
def test_an_unreadable_retry_after_means_plain_backoff(value):
    assert KoreRetry().parse_retry_after(value) is None


def test_a_proxy_password_is_redacted_from_what_the_client_says(monkeypatch):
    for key in [k for k in os.environ if k.lower().endswith("_proxy")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("HTTPS_PROXY", "http://ops:p%40ss-word-9@proxy.example:3128")
    client = KoreClient.of("https://platform.kore.ai", "st-1", "a", "test-token")
    assert client.redact("proxy said p@ss-word-9 and p%40ss-word-9") == "proxy said ******** and ********"


def test_the_routes_of_each_api_family_and_the_account_query(sim):
    client = client_for(sim)
    sim.seed("Named", "d")
    client.request("GET", CONTACT_LISTS.route("getAllListDetails"))
    client.request("POST", add_route(), json={"contact_list_name": "Named", "data": [{"phoneNumber": "+1"}]})
    seen = [(r["path"], r["query"].get("accountId")) for r in sim.requests]
    tenant = sim.tenant
    assert seen[0] == ("/campaign/api/v2/public/%s/campaign/contactList/getAllListDetails" % tenant.stream_id,
                       [tenant.account_id])
    assert seen[1] == ("/api/1.1/public/%s/campaign/contactList/addContacts" % tenant.stream_id, None)


def test_a_post_that_only_reads_is_repeated_after_a_5xx_as_a_get_would_be_and_no_other_post(sim, client):
    route = CAMPAIGNS["voice"].route("getAllCampaignDetails")
    sim.faults.add("status", method="POST", status=503, times=1)
    answer = client.request("POST", route, json={"type": "voice"}, reads=True)
    assert answer.data["results"] == [] and [r["status"] for r in sim.requests] == [503, 200]
    sim.faults.add("status", method="POST", status=503, times=1)
    with pytest.raises(KoreServerError):
        client.request("POST", route, json={"type": "voice"})
    assert [r["status"] for r in sim.requests] == [503, 200, 503]
