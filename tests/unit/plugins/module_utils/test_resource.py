# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A resource described as data: its routes, its ids, its list-all checked, and the proof of an item's absence."""

from __future__ import annotations

import json

import pytest

from ansible_collections.kore.ai.plugins.module_utils._auth import mint_token
from ansible_collections.kore.ai.plugins.module_utils._client import KoreClient
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreNotFoundError, KoreProtocolError
from ansible_collections.kore.ai.plugins.module_utils._resource import ListAll, PagedListAll, Resource
from ansible_collections.kore.ai.plugins.module_utils._url import Route

THINGS = Resource("thing", Route("v2", ("campaign", "thing"), shown_from=1), id_fields=("_id", "id"), id_prefix="th-",
                  list_all=ListAll("GET", ("all",), query={"type": "x"}))


def test_routes_and_ids_follow_the_description():
    route = THINGS.route("th-1", "part")
    assert route.api == "v2" and route.path == "/campaign/thing/th-1/part" and route.shown == "thing/th-1/part"
    assert THINGS.id_of({"id": "th-2"}) == "th-2" and THINGS.id_of({"_id": "th-1", "id": "th-2"}) == "th-1"
    assert THINGS.id_of({"_id": ""}) is None and THINGS.id_of("th-1") is None


def client_answering(web_server, body, status=200):
    return KoreClient.of(web_server(status, json.dumps(body).encode()), "st-1", "a", "test-token", retries=0)


def test_list_all_is_checked_and_proves_absence(web_server):
    listed = [{"_id": "th-1", "name": "a"}, {"id": "th-2", "name": "b"}]
    client = client_answering(web_server, {"status": "success", "data": listed})
    assert [THINGS.id_of(i) for i in THINGS.items(client)] == ["th-1", "th-2"]
    assert THINGS.proven_absent(client, "th-3") and not THINGS.proven_absent(client, "th-2")


@pytest.mark.parametrize("data, words", [
    ({"_id": "th-1"}, "without a list in 'data'"),
    ([{"name": "no id"}], "not a thing with an _id or id and a name"),
    ([{"_id": "th-1", "name": "a"}, {"id": "th-1", "name": "b"}], "the same _id twice"),
])
def test_a_list_all_nobody_can_trust_proves_nothing(web_server, data, words):
    client = client_answering(web_server, {"status": "success", "data": data})
    with pytest.raises(KoreProtocolError, match=words):
        THINGS.proven_absent(client, "th-9")


def test_a_404_from_list_all_says_the_bot_account_or_host_is_wrong(web_server):
    client = client_answering(web_server, {"errors": [{"msg": "Not Found"}]}, status=404)
    with pytest.raises(KoreNotFoundError, match="Kore does not know the things of bot st-1.*check stream_id"):
        THINGS.items(client)


PAGED = Resource("thing", Route("v2", ("campaign",)), id_fields=("_id", "id"),
                 list_all=PagedListAll("POST", ("getAllCampaignDetails",), body={"type": "voice"}))


def test_a_paged_list_all_reads_every_page_from_what_it_has_not_what_it_asked(sim):
    seeded = [sim.seed_campaign("C%d" % i, [])["_id"] for i in range(7)]
    tenant = sim.tenant
    client = KoreClient.of(sim.url, tenant.stream_id, tenant.account_id, mint_token(tenant.client_id,
                                                                                    tenant.client_secret), retries=0)
    assert [PAGED.id_of(i) for i in PAGED.items(client)] == seeded
    asked = [r["body"] for r in sim.requests]
    # the simulator gives 3 a page whatever limit asks: the next page starts after the items had
    assert [(a["type"], a["skip"], a["limit"]) for a in asked] == [("voice", 0, 50), ("voice", 3, 50), ("voice", 6, 50)]


@pytest.mark.parametrize("page, words", [
    ({"results": [], "hasMore": True}, "an empty page that says more follow"),
    ({"results": [{"_id": "th-1", "name": "a"}]}, "without a page"),
    ([{"_id": "th-1", "name": "a"}], "without a page"),
    ({"results": [{"name": "no id"}], "hasMore": False}, "not a thing with an _id or id"),
])
def test_a_page_nobody_can_trust_proves_nothing(web_server, page, words):
    client = client_answering(web_server, {"status": "success", "data": page})
    with pytest.raises(KoreProtocolError, match=words):
        PAGED.proven_absent(client, "th-9")


@pytest.mark.parametrize("more, words", [
    ({}, "with thing th-1 again on page 2: its pages repeat"),
    ({"totalResults": 1}, "page 1 saying more follow, past its totalResults 1"),
    ({"totalPages": 1, "totalResults": 9}, "page 1 saying more follow, past its totalPages 1"),
])
def test_pages_that_would_never_end_are_an_error_at_once(web_server, more, words):
    # the same page, again and again, always saying more follow
    page = dict({"results": [{"_id": "th-1", "name": "a"}], "hasMore": True}, **more)
    answers = web_server(200, json.dumps({"status": "success", "data": page}).encode())
    client = KoreClient.of(answers, "st-1", "a", "test-token", retries=0)
    with pytest.raises(KoreProtocolError, match=words):
        PAGED.items(client)
