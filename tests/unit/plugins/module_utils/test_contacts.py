# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contacts domain over a scripted client: identity, cleaning, paging bounds, the wait for an add."""

from __future__ import annotations

import itertools

import pytest

from ansible_collections.kore.ai.plugins.module_utils import _contacts
from ansible_collections.kore.ai.plugins.module_utils._client import Answer
from ansible_collections.kore.ai.plugins.module_utils._contacts import (
    Contacts,
    KoreContactsError,
    Present,
    clean,
    identity,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError, KoreProtocolError


class ScriptedClient(object):
    """Answers getAllContacts with ``pages(skip, limit)``; counts what it was asked."""

    retries = 0

    def __init__(self, pages):
        self.pages = pages
        self.asked = []

    def request(self, method, segments=(), json=None, query=None, v1=False):
        self.asked.append((method, segments, query))
        return Answer({"status": "success", "data": self.pages(query["skip"], query["limit"])}, False)


def page(results, has_more, total):
    return {"results": results, "skip": 0, "limit": 100, "hasMore": has_more, "totalPages": 1, "totalResults": total}


def test_identity_is_unique_id_first_and_clean_drops_kore_fields():
    assert identity({"phoneNumber": "+1", "uniqueId": "u"}) == ("uniqueId", "u")
    assert identity({"phoneNumber": "+1", "uniqueId": ""}) == ("phoneNumber", "+1")
    read_back = {"_id": "cc-1", "createdAt": "t", "updatedAt": "t", "phoneNumber": "+1", "lastName": None,
                 "contactPriority": 2}
    assert clean([read_back]) == [{"phoneNumber": "+1", "contactPriority": 2}]
    with pytest.raises(KoreInputError, match="contacts must be a list"):
        clean({"phoneNumber": "+1"})


def test_a_contact_matches_by_its_own_identity():
    held = Present([{"phoneNumber": "+1", "uniqueId": "u-1"}, {"phoneNumber": "+2"}])
    wanted = [{"phoneNumber": "+1"},                     # no uniqueId: the number is held
              {"phoneNumber": "+1", "uniqueId": "u-9"},  # another person on the same number
              {"phoneNumber": "+3", "uniqueId": "u-1"}]  # same person, new number: held (no update API)
    assert held.missing(wanted) == [wanted[1]]
    assert held.others([{"phoneNumber": "+2"}]) == [{"phoneNumber": "+1", "uniqueId": "u-1"}]
    assert held.others(wanted) == [{"phoneNumber": "+2"}]


def test_paging_follows_has_more_with_whatever_page_size_kore_gives():
    everyone = [{"_id": "cc-%d" % i, "phoneNumber": "+%d" % i} for i in range(75)]
    client = ScriptedClient(lambda skip, limit: page(everyone[skip:skip + 20], skip + 20 < 75, 75))
    assert Contacts(client).read("cl-1") == everyone
    assert [q["skip"] for dummy, dummy2, q in client.asked] == [0, 20, 40, 60]


def test_a_server_that_never_ends_is_stopped_by_its_own_total():
    fresh = itertools.count()
    client = ScriptedClient(lambda skip, limit: page([{"_id": "cc-%d" % next(fresh), "phoneNumber": "+1"}], True, 3))
    with pytest.raises(KoreProtocolError, match="says there is more after 4 contacts of 3"):
        Contacts(client).read("cl-1")


def test_a_total_that_keeps_growing_is_stopped_by_the_read_limit(monkeypatch):
    monkeypatch.setattr(_contacts, "MAX_READ", 500)
    fresh = itertools.count()
    client = ScriptedClient(lambda skip, limit: page(
        [{"_id": "cc-%d" % next(fresh), "phoneNumber": "+1"} for dummy in range(100)], True, 10 ** 9))
    with pytest.raises(KoreProtocolError, match="does not page as expected"):
        Contacts(client).read("cl-1")
    assert len(client.asked) == 6


@pytest.mark.parametrize("data", [None, "page", [], {"results": "x", "hasMore": False, "totalResults": 0},
                                  {"results": [], "hasMore": "no", "totalResults": 0},
                                  {"results": [1], "hasMore": False, "totalResults": 1},
                                  {"results": [], "hasMore": False}])
def test_a_page_that_is_not_kores_is_an_error(data):
    with pytest.raises(KoreProtocolError, match="without the documented page"):
        Contacts(ScriptedClient(lambda skip, limit: data)).read("cl-1")


def test_the_wait_gives_up_after_wait_timeout_naming_at_most_ten():
    now = [0.0]
    client = ScriptedClient(lambda skip, limit: page([], False, 0))
    contacts = Contacts(client, wait_timeout=7, sleep=lambda s: now.__setitem__(0, now[0] + s),
                        clock=lambda: now[0])
    wanted = [{"phoneNumber": "+%d" % i} for i in range(12)]
    with pytest.raises(KoreContactsError) as caught:
        contacts.wait({"_id": "cl-1", "name": "QA"}, wanted, fail=True)
    assert "12 did not appear within 7 seconds" in str(caught.value)
    assert "phoneNumber +9" in str(caught.value) and "+10" not in str(caught.value)
    assert "and 2 more" in str(caught.value)
    assert now[0] == 7.0  # waited the whole timeout, and not a moment more
