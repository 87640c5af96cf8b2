# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Requests in parallel: each thread its own client (a requests session is not shared), all paced by one Pacer."""

from __future__ import annotations

import collections
import contextlib
import sys
import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait


class FilesBeingRead(object):
    """Held while a thread reads a contacts file: meanwhile the threads that wait on the network take the GIL from
    it within half a millisecond (``SWITCH_INTERVAL``).

    A file of a million rows is read in Python, and each time a thread waiting on the network wakes up it waits for
    the reader's switch interval (5 ms by default): a set's requests beside it slowed to a third. The task runs in
    a process of its own (Ansible forks a worker for each task, or starts the module), so it may set the interval;
    it is set back once no file is read, as switching often costs the other work a little.
    """

    SWITCH_INTERVAL = 0.0005

    def __init__(self):
        self._lock = threading.Lock()
        self._reading, self._before = 0, None

    @contextlib.contextmanager
    def reading(self):
        with self._lock:
            if not self._reading:
                self._before = sys.getswitchinterval()
                sys.setswitchinterval(min(self._before, self.SWITCH_INTERVAL))
            self._reading += 1
        try:
            yield
        finally:
            with self._lock:
                self._reading -= 1
                if not self._reading:
                    sys.setswitchinterval(self._before)


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

    def as_done(self, work, items):
        """``work(client, item)`` for each item, in parallel; yields (index in ``items``, result) as each is done.

        At most twice ``parallel`` items are in flight, however long one of them takes: unlike in :meth:`ordered`,
        a slow item does not hold back those after it. An exception stops the rest (those in flight finish) and is
        raised.
        """
        if self.parallel == 1:
            for index, item in enumerate(items):
                yield index, work(self.client, item)
            return
        executor = self._started()
        running = {}
        try:
            for index, item in enumerate(items):
                running[executor.submit(self._on_own_client, work, item)] = index
                while len(running) >= 2 * self.parallel:
                    yield from self._finished(running)
            while running:
                yield from self._finished(running)
        finally:
            for future in running:
                future.cancel()
            wait(running)

    @staticmethod
    def _finished(running):
        done = wait(running, return_when=FIRST_COMPLETED).done
        return [(running.pop(future), future.result()) for future in done]

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
