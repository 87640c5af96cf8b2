# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What Kore takes, learned within a task: the page of contacts to ask for, the contacts to add at once, and how
long an add takes to show.

Kore's pages name neither the largest page of ``getAllContacts`` (its sample default is 50, and its answer says
the ``limit`` it honoured) nor what it does with a larger ask. At its rate limit a request is the whole cost, so the
task asks for a large page and takes what is given: where Kore gives 100, nothing is lost; where it gives 1,000,
ten times fewer requests. Should Kore refuse a large ask (a 4xx), the task asks for less, the size the refusal
names when it names one, and keeps asking for that for the rest of the task, every list of a set included.

Adds start at 100 contacts, what the collection always sent, and double after each accepted add up to 1,000, on
lists that refuse duplicates only: should Kore refuse a batch, or keep fewer than a grown batch sent, what did not
land is sent again in batches of 100, which nothing can double on such a list. A list that allows duplicates is sent
batches of 100, as before.

Kore's add answers before it is done. Counting the list until the contacts show is a request each time, so once a
task has seen how long an add took to show, later waits sleep most of that before they first count.
"""

from __future__ import annotations

import re
import threading

ADD_BASE, ADD_LARGEST = 100, 1000  # contacts per addContacts: what every add sent so far, the most ever sent
PAGE_ASKS = (1000, 500, 100, 50)  # largest first; 50 is the default Kore's page prints, never refused
# "at most 200", "maximum of 200", "max 200", "up to 200", "<= 200", "limit 200": the size a refusal allows
_NAMED = re.compile(r"(?:at most|maximum(?: of)?|max(?:imum)?|up to|<=?|limit(?: is| of)?)\s*:?\s*(\d+)", re.I)


def _named(error, below):
    """The sizes ``error`` names as allowed, smaller than ``below``."""
    return [int(n) for n in _NAMED.findall(str(error)) if 0 < int(n) < below]


class PageAsk(object):
    """The ``limit`` a task asks ``getAllContacts`` for; :meth:`refused` lowers it after a 4xx."""

    def __init__(self, asks=PAGE_ASKS):
        self._asks = list(asks)
        self._lock = threading.Lock()

    @property
    def size(self):
        return self._asks[0]

    def refused(self, asked, error):
        """Kore refused a page of ``asked`` with ``error`` (a KoreRequestError): whether a smaller ask is left.

        Another thread may have lowered it already (the set's lists share one): then the next ask is that one.
        """
        with self._lock:
            if self._asks[0] < asked:
                return True
            named = _named(error, asked)
            smaller = [a for a in self._asks if a < asked]
            if named:
                self._asks = [max(named)] + [a for a in smaller if a < max(named)]
            elif smaller:
                self._asks = smaller
            else:
                return False
            return True


# the record's dataSyncMode, which list-all items carry where they lack allowDuplicates (KORE_API.md)
SYNC_MODES = {"allowDuplicates": True, "dontAllowDuplicates": False}


def duplicates_policy(record):
    """Whether the list keeps a phone number it holds already, as its record says: ``allowDuplicates`` of a read
    record, else ``apiConfigurations.dataSyncMode`` of a listed one; None when it says neither."""
    if isinstance(record.get("allowDuplicates"), bool):
        return record["allowDuplicates"]
    configurations = record.get("apiConfigurations")
    return SYNC_MODES.get(configurations.get("dataSyncMode")) if isinstance(configurations, dict) else None


def refuses_duplicates(record):
    """Whether the record says the list drops a phone number it holds (Kore's default); unknown is not."""
    return duplicates_policy(record) is False


class AddBatch(object):
    """The contacts a task sends per addContacts (see the module's docstring)."""

    def __init__(self, base=ADD_BASE, largest=ADD_LARGEST):
        self.base, self.ceiling = base, largest
        self._size, self.grown = base, False
        self._lock = threading.Lock()

    def size(self, record):
        """The batch for ``record``'s list: a list that allows duplicates always gets the base."""
        return self._size if refuses_duplicates(record) else self.base

    def accepted(self, sent):
        """An add of ``sent`` contacts was accepted: the next may be twice as large."""
        with self._lock:
            if sent >= self._size:
                self._size = min(self._size * 2, self.ceiling)
            self.grown = self.grown or sent > self.base

    def refused(self, sent, error):
        """An add of ``sent`` was refused with ``error`` (a 4xx): whether the contacts should go again in smaller
        batches (no larger than what the refusal names, when it names one, else the base)."""
        with self._lock:
            if sent <= self.base:
                return False
            named = _named(error, sent)
            self.ceiling = max(self.base, min(self.ceiling, max(named)) if named else self.base)
            self._size = min(self._size, self.ceiling)
            return True

    def fell_short(self):
        """A list held fewer contacts than grown batches sent: the base from now on."""
        with self._lock:
            self._size = self.ceiling = self.base


class AddLatency(object):
    """How long the task's last add took to show, from the end of its sending: what a wait sleeps first."""

    SHARE = 0.8  # of the time seen: an add a little quicker than the last is not waited for long

    def __init__(self):
        self.seen = 0.0

    def first_pause(self):
        return self.seen * self.SHARE

    def showed_after(self, seconds):
        self.seen = max(0.0, seconds)


class Learned(object):
    """What one task learns of Kore (a set's lists share it): :class:`PageAsk`, :class:`AddBatch`,
    :class:`AddLatency`."""

    def __init__(self):
        self.page_ask, self.add_batch, self.add_latency = PageAsk(), AddBatch(), AddLatency()
