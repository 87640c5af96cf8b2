# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The page a task asks for: the largest first, less after a refusal, the size a refusal names when it names one."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contacts.sizes import (
    ADD_BASE,
    PAGE_ASKS,
    AddBatch,
    PageAsk,
    refuses_duplicates,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreRequestError


def refusal(words):
    return KoreRequestError("Kore refused GET .../getAllContacts (bot st-1): HTTP 400 %s" % words, 400, "GET")


def test_the_first_ask_is_the_largest():
    assert PageAsk().size == PAGE_ASKS[0] == max(PAGE_ASKS)


@pytest.mark.parametrize("words, then", [
    ("limit must be at most 200", 200),
    ("maximum of 250 records per page", 250),
    ("Invalid limit: max 300", 300),
    ("limit should be <= 150", 150),
    ("Bad request", 500),              # names nothing: the next ask of the ladder
    ("at most 5000", 500),             # names more than was refused: not believed, the ladder instead
])
def test_a_refusal_lowers_the_ask_to_what_it_names_or_the_next_step(words, then):
    ask = PageAsk()
    assert ask.refused(1000, refusal(words)) and ask.size == then


def test_the_ladder_ends_at_kores_default_and_a_refusal_there_is_final():
    ask = PageAsk()
    seen = [ask.size]
    while ask.refused(ask.size, refusal("no")):
        seen.append(ask.size)
    assert seen == list(PAGE_ASKS) and ask.size == 50


def test_a_refusal_of_an_ask_already_lowered_by_another_list_lowers_nothing_more():
    ask = PageAsk()
    assert ask.refused(1000, refusal("at most 100"))
    assert ask.refused(1000, refusal("at most 100")) and ask.size == 100


def test_a_batch_doubles_on_each_accepted_add_up_to_the_largest_on_lists_that_refuse_duplicates():
    batch, strict, loose = AddBatch(), {"allowDuplicates": False}, {"allowDuplicates": True}
    seen = []
    for dummy in range(6):
        seen.append(batch.size(strict))
        batch.accepted(batch.size(strict))
    assert seen == [100, 200, 400, 800, 1000, 1000] and batch.grown
    assert batch.size(loose) == ADD_BASE


@pytest.mark.parametrize("record, refuses", [
    ({"allowDuplicates": False}, True), ({"allowDuplicates": True}, False),
    ({"apiConfigurations": {"dataSyncMode": "dontAllowDuplicates"}}, True),   # as a list-all shows a list
    ({"apiConfigurations": {"dataSyncMode": "allowDuplicates"}}, False), ({}, False),
])
def test_only_a_list_known_to_refuse_duplicates_gets_grown_batches(record, refuses):
    assert refuses_duplicates(record) is refuses


def test_a_refused_batch_lowers_the_ceiling_for_good_and_a_shortfall_returns_to_the_base():
    batch, strict = AddBatch(), {"allowDuplicates": False}
    for dummy in range(3):
        batch.accepted(batch.size(strict))
    assert batch.size(strict) == 800
    assert batch.refused(800, refusal("at most 300 contacts")) and batch.size(strict) == 300
    batch.accepted(300)
    assert batch.size(strict) == 300  # never grown past a refusal again
    assert batch.refused(300, refusal("too many")) and batch.size(strict) == ADD_BASE
    assert not batch.refused(ADD_BASE, refusal("too many"))
    other = AddBatch()
    other.accepted(100)
    other.fell_short()
    other.accepted(100)
    assert other.size(strict) == ADD_BASE
