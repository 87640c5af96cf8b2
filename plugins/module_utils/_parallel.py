# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Requests in parallel: each thread its own client (a requests session is not shared), all paced by one Pacer."""

from __future__ import annotations

import collections
import threading
from concurrent.futures import ThreadPoolExecutor, wait


class ClientPool(object):
    """``parallel`` threads, each with a clone of ``client`` (sharing its pacer and retry log).

    The threads and their clients live as long as the pool: a set's thousand lists read their pages over the same
    few connections. ``close()`` ends them; a pool dropped unclosed ends them too.
    """

    def __init__(self, client, parallel):
        self.client, self.parallel = client, parallel
        self._local = threading.local()
        self._executor = None
        self._lock = threading.Lock()

    def own_client(self):
        if not hasattr(self._local, "client"):
            self._local.client = self.client.clone()
        return self._local.client

    def ordered(self, work, items):
        """``work(client, item)`` for each item, in parallel; yields the results in the order of ``items``.

        At most twice ``parallel`` items are started ahead of the one yielded next, so a million items never
        pile up as results; an exception stops the rest (those in flight finish) and is raised in order. Several
        threads may each run an ``ordered`` of one pool at once: their items share its threads.
        """
        if self.parallel == 1:
            for item in items:
                yield work(self.client, item)
            return
        executor = self._started()
        pending = collections.deque()
        try:
            for item in items:
                pending.append(executor.submit(self._on_own_client, work, item))
                if len(pending) >= 2 * self.parallel:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
            wait(pending)

    def close(self):
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _on_own_client(self, work, item):
        return work(self.own_client(), item)

    def _started(self):
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=self.parallel)
            return self._executor
