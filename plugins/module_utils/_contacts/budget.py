# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How many declared contacts a set holds in memory at once, whatever the number of lists and files it declares."""

from __future__ import annotations

import contextlib
import threading

from ansible_collections.kore.ai.plugins.module_utils._contacts.csv_file import MAX_ROWS

# one of Kore's largest lists, and a quarter of one beside it: the small lists of the other workers go on while a
# big list's file is read (seconds for a million rows), and two big lists never take the room at once
ROOM = MAX_ROWS + MAX_ROWS // 4


class IdentityBudget(object):
    """Room for ``limit`` identities across a set's workers: a list waits for room before its file is read.

    A list larger than the room gets it alone. While a big list waits, its worker waits too; the shared pool keeps
    every request slot busy with the lists in work.
    """

    def __init__(self, limit=ROOM):
        self.limit, self.used = limit, 0
        self._changed = threading.Condition()

    @contextlib.contextmanager
    def room(self, size):
        with self._changed:
            self._changed.wait_for(lambda: self.used == 0 or self.used + size <= self.limit)
            self.used += size
        try:
            yield
        finally:
            with self._changed:
                self.used -= size
                self._changed.notify_all()
