# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How far long work is, as Ansible's own long tasks tell it (reboot, win_updates): a line at ``-v``.

A line at every tenth of the work and at least every 30 seconds. Only Ansible's worker has a display to tell it
to; in a module process nothing is told (a module's output is its one JSON answer).
"""

from __future__ import annotations

import threading
import time

EVERY_SECONDS = 30
STEPS = 10  # a line at each tenth


class Progress(object):
    """Counts of long work, told through ``tell(text)``; silent without it."""

    def __init__(self, tell=None, clock=None):
        self._tell = tell
        self._clock = clock or time.monotonic

    def counter(self, what, total, unit):
        """A :class:`Counter` of ``total`` ``unit`` (``contacts sent``) for ``what`` (``contact list 'X'``)."""
        return Counter(self, what, total, unit)

    def tell(self, text):
        if self._tell is not None:
            self._tell(text)


class Counter(object):
    def __init__(self, progress, what, total, unit):
        self.progress, self.what, self.total, self.unit = progress, what, total, unit
        self.done = 0
        self._told_step = 0
        self._told_at = progress._clock()

    def add(self, count=1):
        self.done += count
        self.show()

    def show(self, done=None):
        """Tell ``done`` (default: what was added) if it reached the next tenth, or 30 seconds passed."""
        if done is not None:
            self.done = done
        if self.progress._tell is None or not self.total:
            return
        step = min(self.done, self.total) * STEPS // self.total
        now = self.progress._clock()
        if step > self._told_step or now - self._told_at >= EVERY_SECONDS:
            self._told_step, self._told_at = max(step, self._told_step), now
            self.progress.tell("%s: %d of %d %s" % (self.what, self.done, self.total, self.unit))


class TaskTotals(object):
    """The counters of a set's items added up: one line for the task per unit (``contacts read``), never one an
    item, which for a thousand items would be thousands of lines. A unit's total is what :meth:`expect` said it
    is, else the sum of the totals of the items started so far. Items are worked on threads: a lock keeps count."""

    def __init__(self, progress, what):
        self.progress, self.what = progress, what
        self.lock = threading.Lock()
        self.counters = {}
        self.expected = set()

    def expect(self, unit, total):
        """``total`` of ``unit`` for the whole task, known up front (a set's reading of every item, say)."""
        with self.lock:
            self._of(unit).total = total
            self.expected.add(unit)

    def counter(self, what, total, unit):
        """One item's share (``what``, its own name, is not told) of the task's counter of ``unit``."""
        with self.lock:
            counter = self._of(unit)
            if unit not in self.expected:
                counter.total += total
            return Share(self, counter)

    def _of(self, unit):
        if unit not in self.counters:
            self.counters[unit] = Counter(self.progress, self.what, 0, unit)
        return self.counters[unit]


class Share(object):
    """One list's part of a :class:`TaskTotals` counter, used as a :class:`Counter` is."""

    def __init__(self, totals, counter):
        self.totals, self.counter, self.done = totals, counter, 0

    def add(self, count=1):
        self.show(self.done + count)

    def show(self, done=None):
        with self.totals.lock:
            if done is not None:
                self.counter.done += done - self.done
                self.done = done
            self.counter.show()


SILENT = Progress()
