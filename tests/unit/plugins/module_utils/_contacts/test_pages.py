# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reading a list's pages: the first page's size, parallel and in order, and the bounds of a server's answers."""

from __future__ import annotations

import itertools

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contacts import pages as pages_module
from ansible_collections.kore.ai.plugins.module_utils._contacts.pages import read_pages
from ansible_collections.kore.ai.plugins.module_utils._contacts.sizes import PAGE_ASKS, PageAsk
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreProtocolError, KoreRequestError
from ansible_collections.kore.ai.plugins.module_utils._parallel import ClientPool


def read_all(client, parallel=1):
    return [contact for page in read_pages(client, ClientPool(client, parallel), "cl-1") for contact in page]


@pytest.mark.parametrize("parallel", [1, 3])
def test_pages_after_the_first_follow_its_size_in_parallel_and_in_order(kore_pages, parallel):
    everyone = [{"_id": "cc-%d" % i, "phoneNumber": "+%d" % i} for i in range(75)]
    client = kore_pages.Client(kore_pages.of(everyone, 20))
    assert read_all(client, parallel) == everyone
    asked = [q["skip"] for dummy, dummy2, q in client.asked]
    assert asked[0] == 0 and sorted(asked[1:]) == [20, 40, 60]  # the first page, then the rest in parallel


def test_pages_are_asked_as_large_as_the_task_allows_and_read_at_the_size_given(kore_pages):
    everyone = [{"_id": "cc-%d" % i, "phoneNumber": "+%d" % i} for i in range(250)]
    client = kore_pages.Client(kore_pages.of(everyone, 100))
    assert read_all(client) == everyone
    assert [(q["skip"], q["limit"]) for dummy, dummy2, q in client.asked] == \
        [(0, PAGE_ASKS[0]), (100, PAGE_ASKS[0]), (200, PAGE_ASKS[0])]


def test_a_refused_page_is_asked_again_smaller_and_the_task_keeps_asking_that(kore_pages):
    everyone = [{"_id": "cc-%d" % i, "phoneNumber": "+%d" % i} for i in range(150)]
    pages = kore_pages.of(everyone, 100)

    def answer(skip, limit):
        if limit > 100:
            raise KoreRequestError("Kore refused GET getAllContacts: HTTP 400 limit must be at most 100", 400, "GET")
        return pages(skip, limit)

    client, ask = kore_pages.Client(answer), PageAsk()
    for dummy in range(2):
        assert [c for page in read_pages(client, ClientPool(client, 1), "cl-1", ask=ask) for c in page] == everyone
    assert [q["limit"] for dummy, dummy2, q in client.asked] == [1000, 100, 100, 100, 100]


def test_a_refusal_at_the_smallest_page_is_the_error(kore_pages):
    def answer(skip, limit):
        raise KoreRequestError("Kore refused GET getAllContacts: HTTP 400 bad list", 400, "GET")

    client = kore_pages.Client(answer)
    with pytest.raises(KoreRequestError, match="bad list"):
        read_all(client)
    assert [q["limit"] for dummy, dummy2, q in client.asked] == list(PAGE_ASKS)


def test_a_server_that_says_more_than_it_holds_is_an_error(kore_pages):
    fresh = itertools.count()
    client = kore_pages.Client(lambda skip, limit: kore_pages.page([{"_id": "cc-%d" % next(fresh), "phoneNumber": "+1"}], True, 1))
    with pytest.raises(KoreProtocolError, match="says there is more after 1 contacts of 1"):
        read_all(client)


def test_a_server_that_ignores_skip_is_caught(kore_pages):
    client = kore_pages.Client(lambda skip, limit: kore_pages.page([{"_id": "cc-1", "phoneNumber": "+1"}], True, 3))
    with pytest.raises(KoreProtocolError, match="already given"):
        read_all(client)


def test_a_total_beyond_what_a_list_holds_is_refused_before_reading_on(kore_pages, monkeypatch):
    monkeypatch.setattr(pages_module, "MAX_LIST", 500)
    client = kore_pages.Client(lambda skip, limit: kore_pages.page(
        [{"_id": "cc-%d-%d" % (skip, i), "phoneNumber": "+1"} for i in range(100)], True, 10 ** 9))
    with pytest.raises(KoreProtocolError, match="more than a list can hold"):
        read_all(client)
    assert len(client.asked) == 1


@pytest.mark.parametrize("data", [None, "page", [], {"results": "x", "hasMore": False, "totalResults": 0},
                                  {"results": [], "hasMore": "no", "totalResults": 0},
                                  {"results": [1], "hasMore": False, "totalResults": 1},
                                  {"results": [], "hasMore": False, "totalResults": True},
                                  {"results": [], "hasMore": False}])
def test_a_page_that_is_not_kores_is_an_error(kore_pages, data):
    with pytest.raises(KoreProtocolError, match="without the documented page"):
        read_all(kore_pages.Client(lambda skip, limit: data))


def test_a_contact_given_again_on_a_later_page_is_caught_on_that_page(kore_pages):
    def answer(skip, limit):
        ids = [skip + i for i in range(20)] if skip < 40 else [25] + [skip + i for i in range(1, 20)]
        return kore_pages.page([{"_id": "cc-%d" % i, "phoneNumber": "+1"} for i in ids], skip + 20 < 80, 80)

    with pytest.raises(KoreProtocolError, match="already given \\(skip 40\\)"):
        read_all(kore_pages.Client(answer))
