# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The shared pace of a task's workers, on a fake clock."""

from __future__ import annotations

import threading
import time

import pytest

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._pacer import PACING_ARGSPEC, PARALLEL, Pacer, Pacing
from ansible_collections.kore.ai.plugins.modules import kore_contact_list, kore_contact_lists


def test_max_rate_spaces_requests(new_clock):
    clock = new_clock()
    pacer = Pacer(120, clock=clock, sleep=clock.sleep)
    for dummy in range(3):
        pacer.wait_turn()
    assert clock.slept == [0.5, 0.5]


def test_no_rate_means_no_wait_until_a_429_teaches_one(new_clock):
    clock = new_clock()
    pacer = Pacer(clock=clock, sleep=clock.sleep)
    for dummy in range(20):
        pacer.wait_turn()
    assert clock.slept == []
    pacer.slow_down(retry_after=5)
    pacer.wait_turn()
    assert clock.slept == [5]
    # 20 requests got through in the last minute: from now on 98 % of that
    assert abs(pacer.interval - 60.0 / (0.98 * 20)) < 1e-9
    pacer.wait_turn()
    assert abs(clock.slept[-1] - pacer.interval) < 1e-9


def test_a_given_rate_is_not_relearned(new_clock):
    clock = new_clock()
    pacer = Pacer(600, clock=clock, sleep=clock.sleep)
    pacer.wait_turn()
    pacer.slow_down(retry_after=None)
    assert pacer.interval == 0.1 and pacer.paused_until == clock.now + 1.0


def a_pace_learned_from_a_429(clock):
    pacer = Pacer(clock=clock, sleep=clock.sleep)
    for dummy in range(20):
        pacer.wait_turn()
    pacer.slow_down(retry_after=1)
    return pacer, pacer.interval


def test_a_learned_pace_speeds_up_after_each_quiet_minute_and_a_speed_up_that_meets_a_429_waits_twice_as_long(
        new_clock):
    clock = new_clock()
    pacer, learned = a_pace_learned_from_a_429(clock)
    clock.now += 59
    pacer.wait_turn()
    assert pacer.interval == learned  # not yet a whole minute without a 429
    clock.now += 1
    pacer.wait_turn()
    assert abs(pacer.interval - learned * 0.95) < 1e-9
    clock.now += 60
    pacer.wait_turn()
    assert abs(pacer.interval - learned * 0.95 ** 2) < 1e-9
    pacer.slow_down(retry_after=1)  # the speed-up met the limit again
    assert pacer.quiet_needed == 120.0
    clock.now += 61
    pacer.wait_turn()
    slowed = pacer.interval
    clock.now += 60
    pacer.wait_turn()
    assert abs(pacer.interval - slowed * 0.95) < 1e-9


def test_a_recovering_pace_never_passes_max_rate(new_clock):
    clock = new_clock()
    pacer = Pacer(600, clock=clock, sleep=clock.sleep)
    for dummy in range(20):
        pacer.wait_turn()
    pacer.slow_down(retry_after=1)
    assert pacer.interval > 0.1
    for dummy in range(10):
        clock.now += 60
        pacer.wait_turn()
    assert pacer.interval == 0.1


def test_a_429_after_a_few_requests_pauses_but_teaches_no_rate(new_clock):
    clock = new_clock()
    pacer = Pacer(clock=clock, sleep=clock.sleep)
    for dummy in range(3):
        pacer.wait_turn()
    pacer.slow_down(retry_after=2)
    pacer.wait_turn()
    pacer.wait_turn()
    assert clock.slept == [2] and pacer.interval == 0.0 and not pacer.learned


@pytest.mark.parametrize("parallel, max_rate, message", [
    (0, None, "parallel must be between 1 and 16, got 0"), (17, None, "parallel must be between 1 and 16"),
    (4, 0, "max_rate must be a positive number"), (4, -5, "max_rate must be a positive number")])
def test_pacing_nobody_can_mean_is_refused(parallel, max_rate, message):
    with pytest.raises(KoreInputError, match=message):
        Pacing(parallel, max_rate)


def test_pacing_gives_the_one_pacer_at_the_rate_asked():
    pacing = Pacing(3, 120)
    assert pacing.parallel == 3 and pacing.pacer.interval == 0.5 and Pacing().parallel == PARALLEL


def test_no_more_requests_are_in_flight_than_parallel_however_many_threads_send_them(at_once):
    pacer, in_flight = Pacing(3).pacer, at_once()

    def request():
        with pacer.turn(), in_flight.inside():
            time.sleep(0.01)

    threads = [threading.Thread(target=request) for dummy in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert in_flight.most == 3 and in_flight.now == 0
    with Pacer().turn():  # a pacer without the bound only waits its turn
        pass


def test_each_paced_module_has_the_one_spec_and_the_options_make_the_pacing():
    assert PACING_ARGSPEC["parallel"]["default"] == PARALLEL
    for module in (kore_contact_list, kore_contact_lists):
        assert module.ARGUMENT_SPEC["parallel"] is PACING_ARGSPEC["parallel"]
    assert Pacing.of({"parallel": 2, "max_rate": 30}).pacer.interval == 2.0
    assert Pacing.of({}).parallel == 1  # a module without the options: one request at a time


@pytest.mark.parametrize("per_minute", [None, 600])
def test_a_pace_that_still_meets_a_429_slows_once_for_the_requests_in_flight_together(per_minute, new_clock):
    clock = new_clock()
    pacer = Pacer(per_minute, clock=clock, sleep=clock.sleep)
    for dummy in range(20):
        pacer.wait_turn()
    pacer.slow_down(retry_after=1)
    paced = pacer.interval
    assert paced == (60.0 / (0.98 * 20) if per_minute is None else 0.1 * 1 / 0.95)
    pacer.slow_down(retry_after=1)  # another request that was in flight: the same event, during its pause
    assert pacer.interval == paced
    for dummy in range(21):  # a minute at the learned pace; 2 s at the given one, which puts more in a minute
        pacer.wait_turn()
    pacer.slow_down(retry_after=1)  # after the pause, at that pace: 5 % slower again
    assert abs(pacer.interval - paced / 0.95) < 1e-9 and pacer.limited == 3


def test_429s_from_the_burst_that_taught_a_pace_pause_it_but_do_not_slow_it_again(new_clock):
    # Kore counts the minute before: the burst that met the first 429 is still counted for a minute after it, and
    # the learned pace, under what that minute let through, meets 429s until the burst has left it
    clock = new_clock()
    pacer, learned = a_pace_learned_from_a_429(clock)
    for pause in (1, 1, 2):
        for dummy in range(3):
            pacer.wait_turn()
        pacer.slow_down(retry_after=pause)
    assert pacer.interval == learned and pacer.limited == 4
    assert pacer.paused_until == clock.now + 2  # each one pauses every client all the same
    clock.now = pacer.last_slowed + 60
    pacer.wait_turn()
    pacer.slow_down(retry_after=1)  # a whole minute at the learned pace, and still a 429: it is too fast
    assert abs(pacer.interval - learned / 0.95) < 1e-9


def test_a_429_soon_after_a_slowing_slows_a_pace_that_puts_more_in_a_minute_than_got_through(new_clock):
    clock = new_clock()
    pacer = Pacer(6000, clock=clock, sleep=clock.sleep)  # a given max_rate far above what Kore lets through
    for dummy in range(20):
        pacer.wait_turn()
    pacer.slow_down(retry_after=1)
    for dummy in range(20):
        pacer.wait_turn()
    pacer.slow_down(retry_after=1)
    assert abs(pacer.interval - 0.01 / 0.95 ** 2) < 1e-9


def test_each_thread_counts_the_seconds_it_waited_for_its_turns(new_clock):
    clock = new_clock()
    pacer = Pacer(60, clock=clock, sleep=clock.sleep)
    with pacer.turn():
        pass
    with pacer.turn():  # a second later, at one a second
        pass
    pacer.slow_down(retry_after=3)
    pacer.wait_turn()  # a repeat after the 429: its pause counts too
    assert pacer.waited() == 4.0
    elsewhere = []
    thread = threading.Thread(target=lambda: elsewhere.append(pacer.waited()))
    thread.start()
    thread.join(5)
    assert elsewhere == [0.0]
