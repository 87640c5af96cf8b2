# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Retries that ended in an answer are told once, in words, whatever thread recorded them."""

from __future__ import annotations

import threading

from urllib3.exceptions import NewConnectionError, ProtocolError, ReadTimeoutError
from urllib3.util.retry import RequestHistory

from ansible_collections.kore.ai.plugins.module_utils._retry_log import RetryLog, cause


def attempt(status=None, error=None):
    return RequestHistory("GET", "/x", error, status, None)


def test_no_retry_says_nothing():
    log = RetryLog()
    log.record("GET contactList/cl-1", ())
    assert log.summary() is None


def test_each_cause_is_named_and_counted():
    assert cause(attempt(status=429)) == "HTTP 429 (rate limit)" and cause(attempt(status=503)) == "HTTP 503"
    assert cause(attempt(error=NewConnectionError(None, "refused"))) == "no connection"
    assert cause(attempt(error=ReadTimeoutError(None, "/x", "slow"))) == "timeout"
    assert cause(attempt(error=ProtocolError("reset"))) == "connection lost"


def test_requests_from_many_threads_add_up_and_the_first_is_named():
    log = RetryLog()
    log.record("GET contactList/getAllListDetails", [attempt(status=429), attempt(status=503)])
    workers = [threading.Thread(target=log.record, args=("DELETE contactList/cl-%d" % n, [attempt(status=429)]))
               for n in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert log.summary() == ("9 requests to Kore were answered only after retries (HTTP 429 (rate limit) x9, "
                             "HTTP 503 x1), the first GET contactList/getAllListDetails")
