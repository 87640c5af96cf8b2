# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contacts domain over a scripted client: identity, cleaning, paging bounds, the wait for an add."""

from __future__ import annotations

import itertools
import threading

import pytest

from ansible_collections.kore.ai.plugins.module_utils import _contact_pages
from ansible_collections.kore.ai.plugins.module_utils._client import Answer
from ansible_collections.kore.ai.plugins.module_utils._contacts import (
    HELD,
    NEW,
    SENT,
    Contacts,
    Held,
    KoreContactsError,
    Wanted,
    clean,
    key,
    phone_number,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError, KoreProtocolError


class ScriptedClient(object):
    """Answers getAllContacts with ``pages(skip, limit)``; counts what it was asked (from any thread)."""

    retries = 0

    def __init__(self, pages):
        self.pages = pages
        self.asked = []
        self.lock = threading.Lock()

    def clone(self):
        return self

    def request(self, method, segments=(), json=None, query=None, v1=False):
        with self.lock:
            self.asked.append((method, segments, query))
        return Answer({"status": "success", "data": self.pages(query["skip"], query["limit"])}, False)


def page(results, has_more, total):
    return {"results": results, "skip": 0, "limit": 100, "hasMore": has_more, "totalPages": 1, "totalResults": total}


def pages_of(everyone, size):
    return lambda skip, limit: page(everyone[skip:skip + min(size, limit)], skip + min(size, limit) < len(everyone),
                                    len(everyone))


def test_identity_is_unique_id_first_and_clean_drops_kore_fields():
    assert key({"phoneNumber": "+1", "uniqueId": "u"}) == "u:u" and key({"phoneNumber": "+1"}) == "p:+1"
    assert key({"phoneNumber": "+1", "uniqueId": ""}) == "p:+1" and key({"phoneNumber": 15, "uniqueId": 7}) == "u:7"
    read_back = {"_id": "cc-1", "createdAt": "t", "updatedAt": "t", "phoneNumber": "+1", "lastName": None,
                 "contactPriority": 2}
    assert clean([read_back]) == [{"phoneNumber": "+1", "contactPriority": 2}]
    with pytest.raises(KoreInputError, match="contacts must be a list"):
        clean({"phoneNumber": "+1"})


def test_a_contact_matches_by_its_own_identity():
    wanted = Wanted.of([{"phoneNumber": "+1"},                     # no uniqueId: the number is held
                        {"phoneNumber": "+1", "uniqueId": "u-9"},  # another person on the same number
                        {"phoneNumber": "+3", "uniqueId": "u-1"}])  # same person, new number: held (no update API)
    held = Held(wanted)
    held.see([{"phoneNumber": "+1", "uniqueId": "u-1"}, {"phoneNumber": "+2"}])
    assert wanted.states == {"p:+1": HELD, "u:u-9": NEW, "u:u-1": HELD}
    assert (held.count, held.others, held.others_sample) == (2, 1, ["phoneNumber +2"])
    assert held.keys == ["uniqueId u-1", "phoneNumber +2"] and held.complete


def test_held_keeps_identities_only_while_they_are_few():
    held = Held(Wanted.of([]), keep=3)
    held.see([{"phoneNumber": "+%d" % i} for i in range(20)])
    assert len(held.keys) == 3 and not held.complete
    assert held.count == held.others == 20 and len(held.others_sample) == 10


@pytest.mark.parametrize("parallel", [1, 3])
def test_pages_after_the_first_follow_its_size_in_parallel_and_in_order(parallel):
    everyone = [{"_id": "cc-%d" % i, "phoneNumber": "+%d" % i} for i in range(75)]
    client = ScriptedClient(pages_of(everyone, 20))
    assert Contacts(client, parallel=parallel).read("cl-1") == everyone
    asked = [q["skip"] for dummy, dummy2, q in client.asked]
    assert asked[0] == 0 and sorted(asked[1:]) == [0, 20, 40, 60]  # a count (a page of one), then the pages


def test_a_server_that_says_more_than_it_holds_is_an_error():
    fresh = itertools.count()
    client = ScriptedClient(lambda skip, limit: page([{"_id": "cc-%d" % next(fresh), "phoneNumber": "+1"}], True, 1))
    with pytest.raises(KoreProtocolError, match="says there is more after 1 contacts of 1"):
        list(Contacts(client).pages("cl-1"))


def test_a_server_that_ignores_skip_is_caught():
    client = ScriptedClient(lambda skip, limit: page([{"_id": "cc-1", "phoneNumber": "+1"}], True, 3))
    with pytest.raises(KoreProtocolError, match="already given"):
        list(Contacts(client).pages("cl-1"))


def test_a_total_beyond_what_a_list_holds_is_refused_before_reading_on(monkeypatch):
    monkeypatch.setattr(_contact_pages, "MAX_LIST", 500)
    client = ScriptedClient(lambda skip, limit: page(
        [{"_id": "cc-%d-%d" % (skip, i), "phoneNumber": "+1"} for i in range(100)], True, 10 ** 9))
    with pytest.raises(KoreProtocolError, match="more than a list can hold"):
        list(Contacts(client).pages("cl-1"))
    assert len(client.asked) == 1


def test_return_contacts_refuses_a_list_too_large_to_return():
    client = ScriptedClient(lambda skip, limit: page([], True, 20001))
    with pytest.raises(KoreInputError, match="20001 contacts, too many to return.*backup_file"):
        Contacts(client).read("cl-1")
    assert len(client.asked) == 1  # the count, and no page


@pytest.mark.parametrize("data", [None, "page", [], {"results": "x", "hasMore": False, "totalResults": 0},
                                  {"results": [], "hasMore": "no", "totalResults": 0},
                                  {"results": [1], "hasMore": False, "totalResults": 1},
                                  {"results": [], "hasMore": False, "totalResults": True},
                                  {"results": [], "hasMore": False}])
def test_a_page_that_is_not_kores_is_an_error(data):
    with pytest.raises(KoreProtocolError, match="without the documented page"):
        list(Contacts(ScriptedClient(lambda skip, limit: data)).pages("cl-1"))


def test_the_wait_gives_up_after_wait_timeout_naming_at_most_ten():
    now = [0.0]
    client = ScriptedClient(lambda skip, limit: page([], False, 0))
    contacts = Contacts(client, wait_timeout=7, sleep=lambda s: now.__setitem__(0, now[0] + s),
                        clock=lambda: now[0])
    wanted = Wanted.of([{"phoneNumber": "+%d" % i} for i in range(12)])
    for contact_key in wanted.states:
        wanted.states[contact_key] = SENT
    with pytest.raises(KoreContactsError) as caught:
        contacts._wait({"_id": "cl-1", "name": "QA"}, wanted, 12, fail=True)  # pylint: disable=protected-access
    assert "12 did not appear within 7 seconds" in str(caught.value)
    assert "phoneNumber +9" in str(caught.value) and "+10" not in str(caught.value)
    assert "and 2 more" in str(caught.value)
    assert now[0] == 7.0  # waited the whole timeout, and not a moment more
    # polled the cheap count, and read the whole list only once the time was up
    assert [q["limit"] for dummy, dummy2, q in client.asked].count(100) == 1


@pytest.mark.parametrize("given, sent", [
    ("+4915112345678", "+4915112345678"), (" +4915112345678 ", "+4915112345678"), ("0049151", "0049151"),
    ("\t15550100\r\n", "15550100")])
def test_a_phone_number_loses_its_surrounding_spaces(given, sent):
    assert phone_number(given) == sent
    assert clean([{"phoneNumber": given}]) == [{"phoneNumber": sent}]


@pytest.mark.parametrize("given, message", [
    ("4.91511E+12", "is a number as a spreadsheet formats it"),
    ("4,91511e12", "is a number as a spreadsheet formats it"),
    ("+49 151", "(it holds ' ')"),
    ("+4915112345678;Ada", "(it holds ';')"),
    ("+49\t151", "(it holds '\\t')"),
    ("CALL-ME", "(it holds 'C')"),
    ("+", "an optional + and digits only"),
    ("++49", "an optional + and digits only"),
    ("\u0661\u0662", "(it holds '\\u0661')"),  # digits, but not ASCII ones
])
def test_anything_but_plus_and_digits_is_refused(given, message):
    with pytest.raises(ValueError) as caught:
        phone_number(given)
    assert message in str(caught.value)
    with pytest.raises(KoreInputError, match="contacts\\[1\\]: phoneNumber "):
        clean([{"phoneNumber": given}])
