# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How far long work is: a line at each tenth and at least every 30 seconds; nothing without a display."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._progress import SILENT, Progress, TaskTotals


def test_a_line_at_each_tenth(new_clock):
    told = []
    counter = Progress(told.append, new_clock(0.0)).counter("contact list 'X'", 1000, "contacts sent")
    for dummy in range(100):
        counter.add(10)
    assert told == ["contact list 'X': %d of 1000 contacts sent" % n for n in range(100, 1001, 100)]


def test_a_line_every_30_seconds_when_work_is_slow(new_clock):
    told, clock = [], new_clock(0.0)
    counter = Progress(told.append, clock).counter("w", 1000, "contacts shown")
    for dummy in range(5):
        clock.now += 29.0
        counter.show(1)
    assert told == ["w: 1 of 1000 contacts shown"] * 2  # at 58 s and at 116 s


def test_silent_without_a_display_and_for_no_work(new_clock):
    SILENT.counter("w", 10, "x").add(10)
    told = []
    Progress(told.append, new_clock(0.0)).counter("w", 0, "x").add(0)
    assert told == []


def test_a_sets_lists_are_told_as_one_line_for_the_task_never_one_a_list(new_clock):
    told = []
    totals = TaskTotals(Progress(told.append, new_clock(0.0)), "kore_contact_lists")
    totals.expect("contacts read", 2000)
    shares = [totals.counter("contact list %d" % n, 100, "contacts read") for n in range(20)]
    for share in shares:  # each list read in two pages, a page at a time
        share.show(50)
        share.show(100)
    assert told == ["kore_contact_lists: %d of 2000 contacts read" % n for n in range(200, 2001, 200)]
    # without a total up front, the lists started so far make it
    told[:] = []
    sent = [totals.counter("contact list %d" % n, 500, "contacts sent") for n in range(2)]
    sent[0].add(500)
    sent[1].add(500)
    assert told == ["kore_contact_lists: 500 of 1000 contacts sent", "kore_contact_lists: 1000 of 1000 contacts sent"]
