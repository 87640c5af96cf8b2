# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Faults the simulator can be told to inject into the next matching requests."""

from __future__ import annotations

import random
import threading
import time

# What a fault does to a matching request:
#   status            answer `status` (429 carries Retry-After: `retry_after`) without touching any list
#   cut               close the connection before doing anything (the request is lost)
#   cut_after_commit  do the request, then close the connection without answering (the answer is lost)
#   status_after_commit  do the request, then answer `status` as a failing gateway would (the change was made)
#   hang              accept and say nothing for `seconds`, then close
#   delay             wait `seconds`, then answer normally
#   gather            hold each matching request until `times` of them have arrived (at most `seconds`), then
#                     answer them all normally, every answer made before any is sent: makes two clients'
#                     requests meet, for deterministic races
#   drop_contacts     accept an addContacts as usual, but silently leave out its last `count` contacts
# With echo_headers, a `status` answer's error message repeats the request's headers (as some proxies do).
KINDS = ("status", "cut", "cut_after_commit", "status_after_commit", "hang", "delay", "gather", "drop_contacts")


class Fault(object):
    def __init__(self, kind, method=None, path_contains=None, times=1, status=503, retry_after=None,
                 seconds=0.0, body=None, echo_headers=False, count=1):
        if kind not in KINDS:
            raise ValueError("fault kind must be one of %s" % ", ".join(KINDS))
        self.kind = kind
        self.method = method.upper() if method else None
        self.path_contains = path_contains
        self.times = times
        self.status = status
        self.retry_after = retry_after
        self.seconds = seconds
        self.body = body
        self.echo_headers = echo_headers
        self.count = count
        gather = kind == "gather"
        self.barrier = threading.Barrier(times, timeout=seconds or 30) if gather else None
        # A thread let through the barrier may wait for a busy machine's scheduler longer than the client answered
        # first takes to send its next request: without this second meeting, that request could change what the
        # held one is then answered with.
        self.answered = threading.Barrier(times, timeout=seconds or 30) if gather else None

    def wait(self):
        """Hold the request as the kind says, before it is answered."""
        if self.kind == "gather":
            self._meet(self.barrier)
        elif self.kind == "delay":
            time.sleep(self.seconds)

    def before_sending(self):
        """Hold a gathered request's answer until every request gathered with it has its answer made."""
        if self.kind == "gather" and not self.barrier.broken:
            self._meet(self.answered)

    @staticmethod
    def _meet(barrier):
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            pass

    def matches(self, method, path):
        return ((self.method is None or self.method == method)
                and (self.path_contains is None or self.path_contains in path))


class Faults(object):
    """A queue of faults; each matching request uses up one `times` of the first fault that matches."""

    def __init__(self):
        self.lock = threading.Lock()
        self.queue = []

    def add(self, kind, **options):
        fault = Fault(kind, **options)
        with self.lock:
            self.queue.append(fault)
        return fault

    def clear(self):
        with self.lock:
            del self.queue[:]

    def take(self, method, path):
        with self.lock:
            for fault in self.queue:
                if fault.times > 0 and fault.matches(method, path):
                    fault.times -= 1
                    return fault
        return None


class Chaos(object):
    """Random faults: each API request fails with probability ``rate``, reproducibly for a given ``seed``.

    A failing request gets, with equal odds, a 429 (``Retry-After: retry_after``), a 503, or, for a DELETE or a
    POST, a committed change whose answer is cut: the faults a client must survive without losing or doubling.
    """

    def __init__(self, rate, seed=0, retry_after=1):
        if not 0 <= rate <= 1:
            raise ValueError("chaos rate must be between 0 and 1")
        self.rate = rate
        self.retry_after = retry_after
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.injected = {}

    def draw(self, method):
        kinds = [("status", 429), ("status", 503)] + ([("cut_after_commit", None)] if method in ("DELETE", "POST") else [])
        with self.lock:
            if self.random.random() >= self.rate:
                return None
            kind, status = self.random.choice(kinds)
            label = kind if status is None else str(status)
            self.injected[label] = self.injected.get(label, 0) + 1
        return Fault(kind, status=status or 503, retry_after=self.retry_after if status == 429 else None)
