# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Request pacing shared by the workers of one task, so that they respect Kore's rate limit together."""

from __future__ import annotations

import collections
import contextlib
import threading
import time

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

PARALLEL = 4                # the parallel option's default
MAX_PARALLEL = 16

# the parallel and max_rate options, documented by each module that has them: requests in parallel under one pace
PACING_ARGSPEC = dict(
    parallel=dict(type="int", default=PARALLEL),
    max_rate=dict(type="int"),
)


class Pacer(object):
    """Spaces out the requests of every client that shares it: at most ``per_minute``, and all of them wait
    after a 429, so that several workers slow down together instead of each hammering the limit.

    Kore limits its public APIs per 60 seconds. Without a given rate, the first 429 teaches one: 98 % of what
    got through in the minute before it (``LEARNED_SHARE``: a margin for the clock, which needs far less; each
    point of it is a point of every long run at the limit). A 429 after fewer than ``LEARN_FROM`` requests says
    the limit is shared with other clients, not that this task is too fast: it pauses (``Retry-After``) but
    teaches nothing, or one task of three requests would crawl at two a minute. A pace, learned or given
    (``max_rate``), that still meets a 429 becomes 5 % slower (``STEP``), once for the requests in flight
    together: a server's clock and ours never quite agree, and each 429 costs a pause of a second or more
    (``Retry-After`` counts whole seconds). Except within a minute of the pace slowing, while it puts no more in a
    minute than got through: Kore still counts the requests sent before it slowed (the burst that taught it), and
    slowing again for them would leave a run of hours at 90 % of the limit.

    A pace slowed by 429s speeds up again once they stop: 5 % faster after each ``WINDOW`` without one, never past
    ``max_rate``. A speed-up that meets a 429 doubles the quiet time the next one needs, so a limit shared with
    other clients for a while does not keep a run of hours slow, and a pace at Kore's limit meets it seldom.

    ``in_flight`` bounds the requests of every client that shares it that are in flight at once (the
    ``parallel`` option), however many threads send them: a set's lists and the pages of one of its lists share
    the same few slots, so a big list can use every slot the small ones leave.
    """

    WINDOW = 60.0
    LEARN_FROM = 10
    LEARNED_SHARE = 0.98
    STEP = 0.95

    def __init__(self, per_minute=None, clock=None, sleep=None, in_flight=None):
        self.interval = self.WINDOW / per_minute if per_minute else 0.0
        self.fastest = self.interval  # max_rate's pace, or none: what a recovering pace comes back to
        self.learned = bool(per_minute)
        self.last_limited = self.last_sped = self.last_slowed = None
        self.quiet_needed = self.WINDOW  # doubled by each speed-up that met a 429
        self.next_slot = 0.0
        self.paused_until = 0.0
        self.started = collections.deque()
        self.limited = 0
        # looked up now, not at import, so that a test's stand-in clock reaches the pacer too
        self._clock, self._sleep = clock or time.monotonic, sleep or time.sleep
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(in_flight) if in_flight else None
        self._own = threading.local()  # each thread's seconds waited for its turns

    def waited(self):
        """The seconds the calling thread has waited for its turns so far (a slot, the pace, a 429's pause): time
        in which its request had not reached Kore yet."""
        return getattr(self._own, "waited", 0.0)

    @contextlib.contextmanager
    def turn(self):
        """Held while a request (and urllib3's repeats of it) is in flight: a slot, then the request's turn."""
        asked = self._clock()
        with self._slots if self._slots is not None else contextlib.nullcontext():
            self._own.waited = self.waited() + max(0.0, self._clock() - asked)
            self.wait_turn()
            yield

    def wait_turn(self):
        with self._lock:
            now = self._clock()
            self._recover(now)
            start = max(now, self.next_slot, self.paused_until)
            self.next_slot = start + self.interval
            self.started.append(start)
            while self.started[0] < start - self.WINDOW:
                self.started.popleft()
        if start > now:
            self._sleep(start - now)
            self._own.waited = self.waited() + (start - now)

    def _recover(self, now):
        if self.last_limited is None or self.interval <= self.fastest:
            return
        quiet_since = max(self.last_limited, self.last_sped if self.last_sped is not None else self.last_limited)
        if now - quiet_since >= self.quiet_needed:
            self.interval = max(self.fastest, self.interval * self.STEP)
            self.last_sped = now

    def slow_down(self, retry_after):
        with self._lock:
            now = self._clock()
            self.limited += 1
            if self.last_sped is not None and self.last_sped > self.last_limited:
                self.quiet_needed *= 2  # the last speed-up met the limit: the next waits longer
            self.last_limited = now
            # the 429s of the requests in flight when one came are that one event: they come during its pause
            first_of_event = now >= self.paused_until
            self.paused_until = max(self.paused_until, now + (retry_after if retry_after is not None else 1.0))
            recent = sum(1 for t in self.started if t >= now - self.WINDOW)
            if recent < self.LEARN_FROM or not first_of_event:
                return
            if not self.learned:
                self.interval = max(self.interval, self.WINDOW / max(1.0, self.LEARNED_SHARE * recent))
                self.learned = True
            elif self._settling(now, recent):
                return
            else:
                self.interval /= self.STEP  # a pace that still meets the limit: 5 % slower
            self.last_slowed = now

    def _settling(self, now, recent):
        """Whether a 429 comes from the requests sent before the pace last slowed: within a minute of it, with
        no speed-up since, at a pace that puts no more in a minute than the minute before the 429 held."""
        if self.last_slowed is None or now - self.last_slowed >= self.WINDOW:
            return False
        if self.last_sped is not None and self.last_sped > self.last_slowed:
            return False
        return self.WINDOW / self.interval <= recent


class Pacing(object):
    """The ``parallel`` and ``max_rate`` options, refused before any request when nobody can mean them, and the one
    :class:`Pacer` every client of the task shares."""

    def __init__(self, parallel=PARALLEL, max_rate=None):
        if not 1 <= parallel <= MAX_PARALLEL:
            raise KoreInputError("parallel must be between 1 and %d, got %d" % (MAX_PARALLEL, parallel))
        if max_rate is not None and max_rate <= 0:
            raise KoreInputError("max_rate must be a positive number of requests per minute, got %d" % max_rate)
        self.parallel = parallel
        self.pacer = Pacer(max_rate, in_flight=parallel)

    @classmethod
    def of(cls, params):
        """The pacing a module's options ask for; one request at a time, unpaced, for a module without them."""
        if "parallel" not in params:
            return cls(1)
        return cls(params["parallel"], params["max_rate"])
