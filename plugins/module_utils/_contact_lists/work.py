# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the one-list ensure (``engine.py``) is handed besides the list it works on: what the task asks of that
list (:class:`ListWork`), and what whoever plans the work already knows (:class:`ItemPlan`).

kore_contact_list hands the plan of one list, which knows nothing and lets the engine ask Kore; kore_contact_lists
hands each list a plan made from its one reading of the bot. Both go through the same functions.
"""

from __future__ import annotations

import dataclasses
import threading


@dataclasses.dataclass(frozen=True)
class ListWork(object):
    """What a task asks of its list beyond its name, description and duplicates policy (``ListSpec``).

    ``force``: delete or recreate it although campaigns use it; ``check_mode``: decide, send no write;
    ``backup``: the :class:`~..._backup.file.Backup` written before the list is deleted or recreated;
    ``return_contacts``: the result holds its contacts; ``wanted``: the contacts it must hold (a
    :class:`~..._contacts.model.Wanted`, None when none are declared); ``purge_contacts``: only those.
    """

    force: bool = False
    check_mode: bool = False
    backup: object = None
    return_contacts: bool = False
    wanted: object = None
    purge_contacts: bool = False

    def holding(self, wanted):
        """The same work for a list that must hold ``wanted``."""
        return dataclasses.replace(self, wanted=wanted)

    def backed_up_to(self, backup):
        """The same work for a list backed up to ``backup`` (None: not backed up)."""
        return dataclasses.replace(self, backup=backup)


@dataclasses.dataclass(frozen=True)
class ItemPlan(object):
    """What the planner of the work tells the ensure of one list, so that it asks Kore nothing twice.

    ``found``: the list as the planner's reading shows it (None: look it up); ``settle``: settle a list created
    against twins at once (a set settles all it created in one reading instead); ``go_on``: asked between a
    backup and its DELETE, False to stop there (a set stops once another change failed); ``names_read``: every
    list by name, read once for several lists, or the reading that settled twins (``ContactLists.keep_first_twins``)
    serving the lists' adds after it (``ContactLists.require_unique_name``): one list-all where there were two.
    """

    found: dict = None
    settle: bool = True
    go_on: object = None        # a callable answering a bool
    names_read: object = None   # a callable answering every list by name

    def goes_on(self):
        return self.go_on is None or self.go_on()


NO_WORK = ListWork()
"""A task that asks nothing beyond the list itself: no force, no check mode, no backup, no contacts."""

ONE_LIST = ItemPlan()
"""The plan of a task that works one list: nothing known, everything looked up."""


class OnceRead(object):
    """``read()`` called once, by the first worker to need it; the others wait for that reading and share it. A
    failure is raised to each caller, and the next one tries again."""

    def __init__(self, read):
        self.read, self.value, self.lock = read, None, threading.Lock()

    def __call__(self):
        with self.lock:
            if self.value is None:
                self.value = self.read()
            return self.value

    def served_by(self, value):
        """A reading made already, that ``read()`` would only repeat: no request."""
        with self.lock:
            self.value = value
