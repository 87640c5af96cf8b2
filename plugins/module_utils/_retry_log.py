# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Retries that ended in an answer, told to the user once per task in words.

urllib3 only logs its retries (to a logger nobody reads in a module), so a task that got through a rate limit or
a flaky gateway would look as if nothing happened. The wire client records them here, from the retry history
urllib3 keeps on each answer; the module turns the summary into one warning.
"""

from __future__ import annotations

import collections
import threading

try:
    from urllib3.exceptions import ConnectTimeoutError, NewConnectionError, ReadTimeoutError
except ImportError:  # reported by the module through missing_required_lib
    ConnectTimeoutError = NewConnectionError = ReadTimeoutError = ()


def cause(attempt):
    """One failed attempt of urllib3's retry history, in words."""
    if attempt.status is not None:
        return "HTTP %d%s" % (attempt.status, " (rate limit)" if attempt.status == 429 else "")
    if isinstance(attempt.error, NewConnectionError):
        return "no connection"
    if isinstance(attempt.error, (ConnectTimeoutError, ReadTimeoutError)):
        return "timeout"
    return "connection lost"


class RetryLog(object):
    """Shared by a client and its clones (the workers of one task); safe to record into from several threads."""

    def __init__(self):
        self.retried = 0            # requests answered only after one or more retries (the answer may be an error)
        self.causes = collections.Counter()
        self.first = None           # the first such request, as the client shows it ("GET <path>/...")
        self._lock = threading.Lock()

    def record(self, shown, history):
        if not history:
            return
        with self._lock:
            self.retried += 1
            self.causes.update(cause(attempt) for attempt in history)
            if self.first is None:
                self.first = shown

    def summary(self):
        """One sentence, or None when no request needed a retry."""
        if not self.retried:
            return None
        causes = ", ".join("%s x%d" % (what, count) for what, count in sorted(self.causes.items()))
        return "%d request%s to Kore %s answered only after retries (%s), the first %s" % (
            self.retried, "" if self.retried == 1 else "s", "was" if self.retried == 1 else "were", causes, self.first)
