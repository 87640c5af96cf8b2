# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A set holds the identities of a bounded number of declared contacts at once."""

from __future__ import annotations

import threading
import time

from ansible_collections.kore.ai.plugins.module_utils._contacts.budget import IdentityBudget
from ansible_collections.kore.ai.plugins.module_utils._contacts.csv_file import MAX_ROWS


def hold(budget, size, entered, leave):
    with budget.room(size):
        entered.set()
        leave.wait(5)


def started(budget, size):
    entered, leave = threading.Event(), threading.Event()
    thread = threading.Thread(target=hold, args=(budget, size, entered, leave))
    thread.start()
    return thread, entered, leave


def test_lists_share_the_room_and_one_too_big_for_what_is_left_waits_until_it_is_free():
    budget = IdentityBudget(100)
    first, first_in, first_out = started(budget, 60)
    second, second_in, second_out = started(budget, 40)
    assert first_in.wait(5) and second_in.wait(5) and budget.used == 100
    third, third_in, third_out = started(budget, 30)
    time.sleep(0.1)
    assert not third_in.is_set()  # 30 more would hold 130 identities
    second_out.set()
    assert third_in.wait(5) and budget.used == 90
    first_out.set(), third_out.set()
    for thread in (first, second, third):
        thread.join(5)
    assert budget.used == 0


def test_a_list_larger_than_the_room_gets_it_alone():
    budget = IdentityBudget(100)
    small, small_in, small_out = started(budget, 10)
    assert small_in.wait(5)
    big, big_in, big_out = started(budget, 500)
    time.sleep(0.1)
    assert not big_in.is_set()
    small_out.set()
    assert big_in.wait(5) and budget.used == 500
    big_out.set()
    for thread in (small, big):
        thread.join(5)
    assert budget.used == 0


def test_the_room_is_given_back_when_the_work_fails():
    budget = IdentityBudget(100)
    try:
        with budget.room(80):
            raise ValueError("the list failed")
    except ValueError:
        pass
    assert budget.used == 0


def test_small_lists_go_on_while_a_list_of_kores_largest_size_is_read_but_two_of_them_never_share_the_room():
    budget = IdentityBudget()
    big, big_in, big_out = started(budget, MAX_ROWS)
    assert big_in.wait(5)
    smalls = [started(budget, 1004) for dummy in range(3)]
    # the other workers' lists do not wait for it (it would hold the room for 5 s)
    assert all(entered.wait(1) for dummy, entered, dummy in smalls)
    other_big, other_big_in, other_big_out = started(budget, MAX_ROWS)
    time.sleep(0.1)
    assert not other_big_in.is_set()  # two millions would double the memory the room bounds
    for thread, dummy, leave in smalls:
        leave.set()
        thread.join(5)
    time.sleep(0.1)
    assert not other_big_in.is_set()  # the first still holds its million
    big_out.set()
    assert other_big_in.wait(5) and budget.used == MAX_ROWS
    other_big_out.set()
    for thread in (big, other_big):
        thread.join(5)
    assert budget.used == 0
