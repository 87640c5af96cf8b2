# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A set's parallel work: a failed change stops the changes not started; a list kept in use does not."""

from __future__ import annotations

import time

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import KoreInUseError
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.workers import LISTS_PER_SLOT, NOT_ATTEMPTED, Workers
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreServerError


def run(lists, items, failing):
    def work(dummy_lists, contacts, item):
        assert contacts.wait_timeout == 9
        if item in failing:
            raise failing[item]
        return item * 10
    return Workers(lists.client, 1, wait_timeout=9).map(work, items, changes=True)


def test_after_a_failed_change_no_further_change_starts(sim, lists):
    results = run(lists, [1, 2, 3], {2: KoreServerError("503")})
    assert [(i, r if not isinstance(r, KoreError) else "error") for i, r in results] == [
        (1, 10), (2, "error"), (3, NOT_ATTEMPTED)]


def test_a_list_kept_in_use_is_no_failure_and_a_bug_keeps_its_traceback(sim, lists):
    results = run(lists, [1, 2, 3], {1: KoreInUseError("in use"), 2: ZeroDivisionError("a bug")})
    assert isinstance(results[0][1], KoreInUseError)
    assert str(results[1][1]) == "Unexpected ZeroDivisionError: a bug" and results[2][1] is NOT_ATTEMPTED


@pytest.mark.parametrize("adds, most", [(False, 2), (True, 2 * LISTS_PER_SLOT)])
def test_lists_that_add_contacts_are_worked_on_more_at_a_time_than_the_others(sim, lists, adds, most, at_once):
    """A list waiting for Kore to show its contacts holds no request slot: others go on meanwhile."""
    in_work = at_once()

    def work(dummy_lists, contacts, item):
        with in_work.inside():
            time.sleep(0.05)
        return item

    workers = Workers(lists.client, 2, wait_timeout=9)
    try:
        assert [r for dummy, r in workers.map(work, range(40), adds=adds)] == list(range(40))
    finally:
        workers.close()
    assert in_work.most == most


def test_a_big_list_does_not_keep_the_lists_after_it_waiting_and_the_results_keep_the_lists_order(sim, lists):
    finished = []

    def work(dummy_lists, contacts, item):
        if item == 0:
            time.sleep(0.5)  # its file read, its pages: the 2 x 2 lists that ordered work started ahead, and more
        finished.append(item)
        return item

    workers = Workers(lists.client, 2, wait_timeout=9)
    try:
        assert [r for dummy, r in workers.map(work, range(12))] == list(range(12))
    finally:
        workers.close()
    assert finished[-1] == 0
