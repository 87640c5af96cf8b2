# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The parallel work of a set of lists: each list's ensure on a thread with a client of its own."""

from __future__ import annotations

import threading
import traceback

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import ContactLists, KoreInUseError
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import Contacts
from ansible_collections.kore.ai.plugins.module_utils._contacts.sizes import Learned
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError
from ansible_collections.kore.ai.plugins.module_utils._parallel import ClientPool, FilesBeingRead
from ansible_collections.kore.ai.plugins.module_utils._progress import SILENT, TaskTotals


# A list whose contacts were added waits until Kore shows them (a second or more), holding no request slot: in the
# meantime other lists are worked on, up to this many lists for each request that may be in flight.
LISTS_PER_SLOT = 4


class NotAttempted(object):
    """The result of a change left out because an earlier change failed."""


NOT_ATTEMPTED = NotAttempted()


class Workers(object):
    """A :class:`~..._parallel.ClientPool` working on contact lists (its clients share the task's pacer).

    After a change fails, no further change starts (those in flight finish): the plan was made from one reading
    of the bot, and an answer that was not a success means the bot may no longer be as read. A list kept because
    campaigns use it is no such failure: the others go on.
    """

    def __init__(self, client, parallel, *, wait_timeout, progress=SILENT):
        self.progress = progress
        self.contacts_progress = TaskTotals(progress, "kore_contact_lists")  # every list's contacts, added up
        self.wait_timeout = wait_timeout
        self.pool = ClientPool(client, parallel)
        self.files = FilesBeingRead()  # a list's file is read while the others' requests go on
        # the pages and adds of every list, on threads of their own: a list of a million contacts is read by
        # every thread the small lists beside it leave idle (the pacer keeps ``parallel`` requests in flight)
        self.fan_out = ClientPool(client, parallel)
        self.adding = ClientPool(client, parallel * LISTS_PER_SLOT if parallel > 1 else 1)
        self.learned = Learned()  # Kore's largest page and add, and how long an add takes: once for every list
        self.change_failed = threading.Event()
        self.tracebacks = []

    def lists(self):
        return ContactLists(self.pool.own_client())

    def map(self, work, items, changes=False, what=None, adds=False):
        """``work(lists, contacts, item)`` for each item; returns (item, result or KoreError) pairs in order.

        With ``changes``, an item not started because a change failed gets NOT_ATTEMPTED. ``what`` names the work
        to tell how far it is (``lists changed``). ``adds``: the work adds contacts and waits for them to show, so
        more lists are worked on at once (``LISTS_PER_SLOT``); the requests in flight stay ``parallel``.
        """
        def run(client, item):
            if changes and self.change_failed.is_set():
                return item, NOT_ATTEMPTED
            try:
                contacts = Contacts(client, self.wait_timeout, pool=self.fan_out, progress=self.contacts_progress,
                                    learned=self.learned)
                return item, work(ContactLists(client), contacts, item)
            except Exception as exc:  # pylint: disable=broad-except
                if changes and not isinstance(exc, KoreInUseError):
                    self.change_failed.set()
                # one list's failure, even a bug of ours, must not hide what was done to the others
                if not isinstance(exc, KoreError):
                    self.tracebacks.append(traceback.format_exc())  # for -vvv, as the one-list path keeps it
                    exc = KoreError("Unexpected %s: %s" % (type(exc).__name__, exc))
                return item, exc
        items = list(items)
        counter = self.progress.counter("kore_contact_lists", len(items), what or "lists done")
        # as each is done: a big list (its file read, its pages) does not keep the lists after it waiting
        results = (self.adding if adds else self.pool).as_done(run, items)
        try:
            done = [None] * len(items)
            for index, result in results:
                done[index] = result
                counter.add()
            return done
        except BaseException:
            # the task's timeout: changes in flight finish, none starts, no list goes after its backup
            self.change_failed.set()
            raise
        finally:
            results.close()

    def close(self):
        """End the threads (and their connections) once the set is done."""
        for pool in (self.pool, self.fan_out, self.adding):
            pool.close()
