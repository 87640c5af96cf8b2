# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reading a list whole and adding contacts: the bound on what is returned, the wait for an add to show."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import Contacts, KoreContactsError
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import Wanted
from ansible_collections.kore.ai.plugins.module_utils._contacts.sizes import Learned
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError, KoreRequestError, KoreServerError


@pytest.mark.parametrize("parallel", [1, 3])
def test_read_is_a_count_then_every_page_in_order(kore_pages, parallel):
    everyone = [{"_id": "cc-%d" % i, "phoneNumber": "+%d" % i} for i in range(75)]
    client = kore_pages.Client(kore_pages.of(everyone, 20))
    assert Contacts(client, parallel=parallel).read("cl-1") == everyone
    asked = [q["skip"] for dummy, dummy2, q in client.asked]
    assert asked[0] == 0 and sorted(asked[1:]) == [0, 20, 40, 60]  # a count (a page of one), then the pages


def test_return_contacts_refuses_a_list_too_large_to_return(kore_pages):
    client = kore_pages.Client(lambda skip, limit: kore_pages.page([], True, 20001))
    with pytest.raises(KoreInputError, match="20001 contacts, too many to return.*backup_file"):
        Contacts(client).read("cl-1")
    assert len(client.asked) == 1  # the count, and no page


class TurnsWaited(object):
    """The pacer's account of the seconds a thread waited for its turns, which :class:`KoreList`'s counts add to."""

    def __init__(self):
        self.seconds = 0.0

    def waited(self):
        return self.seconds


class KoreList(object):
    """One list as Kore keeps it, through the one fake of Kore: adds land at once, up to ``max_add`` a call
    (a larger one refused with a 400 naming it), of which ``keeps`` at most are kept when set (a server that takes
    a batch and silently keeps part of it); a phone number held already is dropped unless ``duplicates``."""

    def __init__(self, answering_client, max_add=1000, keeps=None, duplicates=False, shows_after=0.0, loses=(),
                 retries=3, page_takes=0.0, count_waits=0.0):
        self.held, self.adds, self.max_add, self.keeps, self.duplicates = [], [], max_add, keeps, duplicates
        self.now, self.shows_after, self.landing = [0.0], shows_after, []  # the fake clock; adds not shown yet
        self.loses = loses  # the adds (counted from 0) carried out whose answer is lost, as a 502 after retries
        self.page_takes = page_takes  # seconds a page (not a count) takes to answer, as under a rate limit
        self.count_waits = count_waits  # seconds a count waits for its turn before it is sent (the pacer's account)
        self.client = answering_client(self.answer, retries=retries)
        self.client.pacer = TurnsWaited()
        self.record = {"_id": "cl-1", "name": "QA", "allowDuplicates": duplicates}

    def answer(self, method, route, json, query):
        if method == "GET" and query["limit"] == 1 and self.count_waits:
            self.now[0] += self.count_waits
            self.client.pacer.seconds += self.count_waits
        if method == "GET":
            for when, contact in [item for item in self.landing if item[0] <= self.now[0]]:
                self.landing.remove((when, contact))
                self.keep(contact)
            skip, limit = query["skip"], min(query["limit"], 100)
            self.now[0] += self.page_takes if limit > 1 else 0.0
            return {"results": self.held[skip:skip + limit], "skip": skip, "limit": limit,
                    "hasMore": skip + limit < len(self.held), "totalPages": 1, "totalResults": len(self.held)}
        data = json["data"]
        self.adds.append(len(data))
        if len(data) > self.max_add:
            raise KoreRequestError("Kore refused POST addContacts: HTTP 400 at most %d contacts can be added at once"
                                   % self.max_add, 400, "POST")
        for contact in data[:self.keeps]:
            self.landing.append((self.now[0] + self.shows_after, contact))
        if len(self.adds) - 1 in self.loses:
            raise KoreServerError("Kore answered POST addContacts with HTTP 502", 502, "POST")
        return {"message": "Adding contacts to public list is in progress"}

    def keep(self, contact):
        if self.duplicates or all(c["phoneNumber"] != contact["phoneNumber"] for c in self.held):
            self.held.append(dict(contact, _id="cc-%d" % len(self.held)))


def add_to(kore, count, wait_timeout=30, **options):
    now, started = kore.now, kore.now[0]
    contacts = Contacts(kore.client, wait_timeout=wait_timeout, sleep=lambda s: now.__setitem__(0, now[0] + s),
                        clock=lambda: now[0], **options)
    wanted = Wanted.of([{"phoneNumber": "+1555%07d" % n} for n in range(count)])
    contacts.add(kore.record, wanted, 0)
    return sorted(c["phoneNumber"] for c in kore.held), ["+1555%07d" % n for n in range(count)], now[0] - started


def test_adds_grow_on_a_list_that_refuses_duplicates_and_stay_at_100_on_one_that_allows_them(answering_client):
    strict = KoreList(answering_client)
    held, wanted, dummy = add_to(strict, 1000)
    assert held == wanted and strict.adds == [100, 200, 400, 300]
    loose = KoreList(answering_client, duplicates=True)
    held, wanted, dummy = add_to(loose, 1000)
    assert held == wanted and loose.adds == [100] * 10


def test_a_refused_batch_goes_again_in_batches_kore_takes_and_the_task_keeps_to_them(answering_client):
    kore = KoreList(answering_client, max_add=150)
    learned = Learned()
    held, wanted, dummy = add_to(kore, 1000, learned=learned)
    assert held == wanted  # each once
    assert kore.adds == [100, 200, 150, 50, 150, 150, 150, 150, 100]
    kore.held, kore.adds = [], []
    held, wanted, dummy = add_to(kore, 400, learned=learned)  # another list of the same task: no refusal again
    assert held == wanted and kore.adds == [150, 150, 100]


def test_a_refusal_of_a_batch_of_100_is_the_error_as_before(answering_client):
    kore = KoreList(answering_client, max_add=50)
    with pytest.raises(KoreRequestError, match="at most 50"):
        add_to(kore, 300)
    assert kore.adds == [100]


@pytest.mark.parametrize("retries", [3, 0])
def test_contacts_a_grown_batch_did_not_keep_are_sent_again_at_100(answering_client, retries):
    kore = KoreList(answering_client, keeps=100, retries=retries)  # retries are for failed requests, not this
    held, wanted, waited = add_to(kore, 700)
    assert held == wanted
    # 100 kept whole; of 200 and of 400, 100 each: after the wait, the 400 missing again in batches of 100
    assert kore.adds == [100, 200, 400, 100, 100, 100, 100]
    assert waited == 30.0  # the shortfall is known once the wait is over, and not before


def test_a_wait_after_the_first_sleeps_most_of_what_an_add_took_before_it_counts(answering_client):
    kore, learned = KoreList(answering_client, shows_after=1.0), Learned()
    counts = []
    for name in ("first", "second"):
        kore.held, kore.record = [], dict(kore.record, name=name)
        before = len(kore.client.asked)
        held, wanted, dummy = add_to(kore, 50, learned=learned)
        assert held == wanted
        counts.append(sum(1 for dummy, dummy2, q in kore.client.asked[before:] if q and q["limit"] == 1))
    assert counts[0] >= 5 and counts[1] <= 2, counts  # polled from the start; then slept 0.8 s first


def counts_and_reads(kore, since=0):
    """The counts (pages of one) and the whole reads the client sent since ``since``."""
    asked = [q for dummy, dummy2, q in kore.client.asked[since:] if q is not None]
    return sum(1 for q in asked if q["limit"] == 1), sum(1 for q in asked if q["limit"] > 1 and q["skip"] == 0)


def test_the_wait_gives_up_after_wait_timeout_naming_at_most_ten(answering_client):
    kore = KoreList(answering_client, keeps=0)  # takes every add and keeps nothing
    with pytest.raises(KoreContactsError) as caught:
        add_to(kore, 12, wait_timeout=7)
    assert "accepted 12 contacts" in str(caught.value) and "12 did not appear within 7 seconds" in str(caught.value)
    assert "phoneNumber +15550000009" in str(caught.value) and "+15550000010" not in str(caught.value)
    assert "and 2 more" in str(caught.value)
    assert kore.now[0] == 7.0  # waited the whole timeout, and not a moment more
    counts, reads = counts_and_reads(kore)
    assert counts > 5 and reads == 1  # polled the cheap count, and read the whole list only once the time was up


def test_a_lost_answer_on_a_grown_batch_is_waited_for_once_and_what_did_not_land_goes_again(answering_client):
    kore = KoreList(answering_client, loses={1})  # the add of 200 is carried out, its answer lost
    held, wanted, waited = add_to(kore, 700)
    # each once: the lost add had landed (and, unanswered, did not grow the batch)
    assert held == wanted and kore.adds == [100, 200, 200, 200]
    counts, reads = counts_and_reads(kore)
    assert reads == 1, "the list was read %d times: waited for twice" % reads


def test_a_shortfall_resend_that_loses_its_answer_is_retried_like_any_lost_add(answering_client):
    # the grown batches keep 100 of what they are sent; the first resend at 100 lands, its answer lost
    kore = KoreList(answering_client, keeps=100, loses={3})
    held, wanted, dummy = add_to(kore, 700)
    assert held == wanted  # no error: the lost resend was waited for, and had landed
    assert kore.adds == [100, 200, 400, 100, 100, 100, 100]


def test_reading_a_big_list_whole_is_not_taken_for_how_long_an_add_takes_to_show(answering_client):
    kore, learned = KoreList(answering_client, shows_after=1.0, page_takes=1.0), Learned()
    dummy, dummy, waited = add_to(kore, 2000, learned=learned)  # shown after 1 s; its 20 pages read in 20 s more
    assert waited > 20
    kore.held, kore.record = [], dict(kore.record, name="small")
    held, wanted, waited = add_to(kore, 50, learned=learned)
    assert held == wanted
    assert waited < 4, "the small list's wait first slept %.1f s: most of the big list's reading" % waited


def test_a_count_that_waited_for_its_turn_is_not_taken_for_how_long_an_add_takes_to_show(answering_client):
    kore, learned = KoreList(answering_client, shows_after=1.0, count_waits=30.0), Learned()
    held, wanted, waited = add_to(kore, 50, learned=learned)  # its count waited 30 s for a turn (a 429's pause)
    assert held == wanted and waited >= 30
    kore.count_waits, kore.held, kore.record = 0.0, [], dict(kore.record, name="second")
    held, wanted, waited = add_to(kore, 50, learned=learned)
    assert held == wanted
    assert waited < 4, "the second list's wait first slept %.1f s: most of the first count's turn" % waited
