# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Work in parallel, each thread on its own client, the results in order and never far ahead."""

from __future__ import annotations

import sys
import threading

import pytest

from ansible_collections.kore.ai.plugins.module_utils._parallel import ClientPool, FilesBeingRead


@pytest.fixture
def new_client(answering_client):
    """``new_client()``: the unit tests' one fake of Kore, whose clones are clients of their own, as a real
    client's are, each named and kept in its ``clones``."""

    class Cloned(answering_client):
        def __init__(self, name="first"):
            super().__init__(lambda *request: None)
            self.name, self.clones = name, []

        def clone(self, pacer=None):
            made = Cloned("clone-%d" % len(self.clones))
            self.clones.append(made)
            return made

    return Cloned


def test_one_at_a_time_uses_the_client_itself(new_client):
    client = new_client()
    results = ClientPool(client, 1).ordered(lambda c, i: (c.name, i * 2), range(3))
    assert list(results) == [("first", 0), ("first", 2), ("first", 4)]
    assert not client.clones


def test_in_parallel_each_thread_has_its_own_clone_and_results_come_in_order(new_client):
    client, seen = new_client(), {}

    def work(own, item):
        seen.setdefault(threading.get_ident(), set()).add(own.name)
        return item

    assert list(ClientPool(client, 4).ordered(work, range(200))) == list(range(200))
    assert all(len(names) == 1 for names in seen.values())  # a thread keeps its one client
    assert 1 <= len(client.clones) <= 4


def test_no_more_than_twice_parallel_are_started_ahead_of_the_one_yielded(new_client):
    started = []
    results = ClientPool(new_client(), 3).ordered(lambda c, i: started.append(i) or i, range(1000))
    assert next(results) == 0
    assert len(started) <= 2 * 3 + 1
    results.close()


def failing_at(bad, started):
    """Work that notes each item it starts and raises on ``bad``."""
    def work(client, item):
        started.append(item)
        if item == bad:
            raise ValueError("item %d" % bad)
        return item
    return work


def test_an_error_stops_what_follows_and_is_raised_in_order(new_client):
    started = []
    work = failing_at(5, started)
    results = ClientPool(new_client(), 2).ordered(work, range(100))
    assert [next(results) for dummy in range(5)] == [0, 1, 2, 3, 4]
    with pytest.raises(ValueError, match="item 5"):
        next(results)
    assert max(started) < 5 + 2 * 2 + 2


def test_the_threads_and_their_clients_last_as_long_as_the_pool_and_several_callers_share_them(new_client):
    client, names = new_client(), []

    def work(own, item):
        names.append(own.name)
        return item

    pool = ClientPool(client, 3)
    callers = [threading.Thread(target=lambda: list(pool.ordered(work, range(50)))) for dummy in range(4)]
    for caller in callers:
        caller.start()
    for caller in callers:
        caller.join(10)
    assert list(pool.ordered(work, range(50))) == list(range(50))
    assert len(names) == 250 and 1 <= len(client.clones) <= 3  # one clone a thread, for every call
    pool.close()
    assert list(pool.ordered(work, range(5))) == list(range(5))  # a closed pool starts again when used
    pool.close()


def test_a_caller_that_stops_early_leaves_nothing_of_its_own_queued(new_client):
    started, release = [], threading.Event()

    def work(client, item):
        started.append(item)
        release.wait(5)
        return item

    pool = ClientPool(new_client(), 2)
    results = pool.ordered(work, range(100))
    release.set()
    assert next(results) == 0
    results.close()  # those in flight finish, the rest are cancelled
    count = len(started)
    assert list(pool.ordered(lambda c, i: i, range(3))) == [0, 1, 2]
    assert len(started) == count and count <= 2 * 2 + 1
    pool.close()


def test_as_done_a_slow_item_does_not_hold_back_those_after_it_and_each_result_keeps_its_index(new_client):
    """``ordered`` starts no more than twice ``parallel`` items ahead of the one it yields next: a big list (its
    file read, then its pages) would keep every list after it waiting. ``as_done`` keeps that many in flight."""
    fast_done, slow_may_end = threading.Event(), threading.Event()
    finished = []

    def work(client, item):
        if item == 0:
            slow_may_end.wait(5)
        finished.append(item)
        if len(finished) == 20:
            fast_done.set()
        return item * 10

    pool = ClientPool(new_client(), 2)
    results = pool.as_done(work, range(21))
    pairs = []
    for pair in results:
        pairs.append(pair)
        if fast_done.is_set():
            slow_may_end.set()
    pool.close()
    assert sorted(pairs) == [(i, i * 10) for i in range(21)]
    assert finished[-1] == 0  # the 20 after it were all done while it ran


def test_as_done_raises_an_exception_and_starts_nothing_more(new_client):
    started = []
    work = failing_at(1, started)
    pool = ClientPool(new_client(), 2)
    with pytest.raises(ValueError):
        list(pool.as_done(work, range(100)))
    pool.close()
    assert len(started) < 100


def test_while_any_file_is_read_threads_switch_every_half_millisecond_and_after_the_last_as_before():
    before = sys.getswitchinterval()
    files = FilesBeingRead()
    with files.reading():
        with files.reading():  # two lists' files at once
            assert sys.getswitchinterval() == FilesBeingRead.SWITCH_INTERVAL == 0.0005
        assert sys.getswitchinterval() == 0.0005  # the other is still read
    assert sys.getswitchinterval() == before
