# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reading a list whole and adding contacts: the bound on what is returned, the wait for an add to show."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import Contacts, KoreContactsError
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import SENT, Wanted
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


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


def test_the_wait_gives_up_after_wait_timeout_naming_at_most_ten(kore_pages):
    now = [0.0]
    client = kore_pages.Client(lambda skip, limit: kore_pages.page([], False, 0))
    contacts = Contacts(client, wait_timeout=7, sleep=lambda s: now.__setitem__(0, now[0] + s),
                        clock=lambda: now[0])
    wanted = Wanted.of([{"phoneNumber": "+%d" % i} for i in range(12)])
    wanted.states.reset(SENT)
    with pytest.raises(KoreContactsError) as caught:
        contacts._wait({"_id": "cl-1", "name": "QA"}, wanted, 12, fail=True)  # pylint: disable=protected-access
    assert "12 did not appear within 7 seconds" in str(caught.value)
    assert "phoneNumber +9" in str(caught.value) and "+10" not in str(caught.value)
    assert "and 2 more" in str(caught.value)
    assert now[0] == 7.0  # waited the whole timeout, and not a moment more
    # polled the cheap count, and read the whole list only once the time was up
    assert [q["limit"] for dummy, dummy2, q in client.asked].count(100) == 1
