# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The identities' table: what the declared contacts ask of a mapping, in a fraction of a dict's memory.

tests/properties/test_identities.py checks it against a dict for any sequence of operations.
"""

from __future__ import annotations

import tracemalloc

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contacts.identities import Identities
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import HELD, LOST, NEW, SENT


def test_an_identity_is_put_in_once_and_its_state_read_and_replaced():
    table = Identities()
    assert table.add("p:+1", NEW) and not table.add("p:+1", SENT)
    assert table["p:+1"] == NEW and "p:+1" in table and len(table) == 1
    assert table.replace("p:+1", HELD) == NEW and table["p:+1"] == HELD
    assert table.replace("p:+2", HELD) is None and "p:+2" not in table and len(table) == 1
    assert table.get("p:+2") is None and table.get("p:+2", LOST) == LOST
    with pytest.raises(KeyError):
        table["p:+2"]  # pylint: disable=pointless-statement
    table["p:+2"] = SENT
    table["p:+2"] = LOST
    assert (len(table), table["p:+2"]) == (2, LOST)


def test_counts_and_a_reset_see_every_identity_across_growth():
    table = Identities()
    for number in range(1000):  # from 16 slots: rebuilt several times on the way
        table["u:%d" % number] = (NEW, HELD, SENT, LOST)[number % 4]
    assert len(table) == 1000 and all(table["u:%d" % n] == (NEW, HELD, SENT, LOST)[n % 4] for n in range(1000))
    assert (table.count(NEW), table.count(HELD, SENT), table.count(NEW, NEW)) == (250, 500, 250)
    table.reset(NEW)
    assert table.count(NEW) == 1000 and table.count(HELD, SENT, LOST) == 0 and "u:1000" not in table


def test_an_identity_kore_could_send_but_utf8_cannot_encode_is_kept_too():
    table = Identities()
    table["u:\ud800"] = NEW  # a lone surrogate, as JSON's "\ud800" decodes
    assert table["u:\ud800"] == NEW and "u:\udc00" not in table


def test_a_hundred_thousand_identities_take_a_third_of_a_dicts_memory():
    identities = ["p:+1555%07d" % number for number in range(100000)]
    tracemalloc.start()
    try:
        table = Identities(len(identities))
        for identity in identities:
            table.add(identity, NEW)
        table_bytes = before = tracemalloc.get_traced_memory()[0]
        # as a dict held them, each identity its own string: the file's rows are read and let go
        held = dict(("p:+1555%07d" % number, NEW) for number in range(100000))
        dict_bytes = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(table) == len(held) == 100000
    assert table_bytes * 3 < dict_bytes and table_bytes < 40 * len(identities)
