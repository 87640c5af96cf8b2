# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reading a list's contacts, and adding contacts in parallel until Kore shows them.

Kore's add names the list (not its id), answers before it is done and returns no ids, and no API removes one
contact. So an add is checked by counting the list until the count says the contacts should be there, then
reading it once.
"""

from __future__ import annotations

import time

from ansible_collections.kore.ai.plugins.module_utils._client import backoff
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import (
    LOST,
    NEW,
    SAMPLE,
    SENT,
    Held,
    key,
    shown,
)
from ansible_collections.kore.ai.plugins.module_utils._contacts.options import MAX_RETURNED
from ansible_collections.kore.ai.plugins.module_utils._contacts.pages import KoreListChangedError, count, read_pages
from ansible_collections.kore.ai.plugins.module_utils._contacts.resource import add_route
from ansible_collections.kore.ai.plugins.module_utils._contacts.sizes import Learned, refuses_duplicates
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreError,
    KoreInputError,
    KoreRequestError,
    KoreServerError,
    KoreTransportError,
)
from ansible_collections.kore.ai.plugins.module_utils._parallel import ClientPool
from ansible_collections.kore.ai.plugins.module_utils._progress import SILENT
from ansible_collections.kore.ai.plugins.module_utils._wait import WAIT_TIMEOUT, checked_wait_timeout


class KoreContactsError(KoreError):
    """Kore accepted an add, but the contacts did not all show within the wait."""


class Contacts(object):
    """Reads and adds the contacts of the bot's lists over one client (and, for ``parallel``, its clones).

    ``pool``: the :class:`~..._parallel.ClientPool` whose threads read the pages and send the adds, when it is
    shared (a set's lists share one, so that the pages of a big list spread over every thread the small lists
    leave); ``client`` still sends what comes one at a time (the first page, the counts). ``learned``: the task's
    :class:`~.sizes.Learned`, when it is shared (a set's lists learn what Kore takes once).
    """

    def __init__(self, client, wait_timeout=WAIT_TIMEOUT, *, parallel=1, pool=None, sleep=None, clock=None,
                 progress=SILENT, learned=None):
        self.client = client
        learned = learned if learned is not None else Learned()
        self.page_ask, self.add_batch, self.add_latency = learned.page_ask, learned.add_batch, learned.add_latency
        self.pool = pool if pool is not None else ClientPool(client, parallel)
        self.wait_timeout = checked_wait_timeout(wait_timeout)
        self.progress = progress
        # looked up now, not at import, like the pacer's: a test's stand-in clock reaches the lists' own Contacts
        self._sleep, self._clock = sleep or time.sleep, clock or time.monotonic

    def pages(self, list_id):
        counters = []

        def on_page(read, total):
            if not counters:
                counters.append(self.progress.counter("contact list %s" % list_id, total, "contacts read"))
            counters[0].show(read)
        return read_pages(self.client, self.pool, list_id, on_page, self.page_ask)

    def read(self, list_id, too_many_hint="write them to a CSV file with backup_file instead"):
        """Every contact of the list, for return_contacts; a list too large to return is refused before reading.

        ``too_many_hint`` says what to do instead, in words that fit the task (never an option it already has).
        """
        total = count(self.client, list_id)
        if total > MAX_RETURNED:
            raise KoreInputError("contact list %s holds %d contacts, too many to return (at most %d); %s"
                                 % (list_id, total, MAX_RETURNED, too_many_hint))
        return [contact for page in self.pages(list_id) for contact in page]

    def tally(self, list_id, held, spool=None):
        """Read every page into ``held`` (and ``spool``, a backup being written)."""
        for page in self.pages(list_id):
            held.see(page)
            if spool is not None:
                spool.add(page)

    def add(self, record, wanted, held_count):
        """Send the NEW contacts of ``wanted`` in batches, in parallel, and wait until each shows.

        One loop for everything sent again: an add whose answer was lost (5xx, dropped connection) may still be
        carried out later, so it is waited for (``wait_timeout``) before what did not show is sent again, and a list
        that allows duplicates gets no contact twice while the first add may still land; on a list that refuses
        duplicates, batches grown past the base are waited for the same way, and what Kore accepted but did not
        keep is sent again at the base (``.sizes``). Returns the identities of the first contacts sent.
        """
        expected, first, pending, accepted, resent_lost = held_count, [], (NEW,), None, 0
        # ends: lost answers are sent again at most ``retries`` times, and a shortfall once (the batches stay at
        # the base after it, so no later sending has grown)
        while True:
            # the identities shown are of the first sending: a resend sends some of the same again
            sent, lost, error, grown = self._send(record, pending, wanted, first if pending == (NEW,) else [])
            expected += sent + lost
            accepted = sent + lost if accepted is None else accepted  # a resend sends the same contacts again
            if not lost and not grown:
                break
            if lost and resent_lost == self.client.retries:
                raise error
            changing = self._wait(record, wanted, expected)
            missing, unshown = wanted.count(LOST), wanted.count(SENT)  # each a pass over every contact wanted
            short = unshown if grown else 0  # accepted in a batch larger than Kore was ever sent
            if not missing and not short:
                if unshown:  # accepted and never shown within the wait: waiting again adds nothing
                    raise self._not_shown(record, wanted, accepted, changing)
                return first
            if short:
                self.add_batch.fell_short()
            pending = (LOST, SENT) if short else (LOST,)
            expected -= missing + short  # counted once already, and they did not show
            if lost:
                self._sleep(backoff(resent_lost))
                resent_lost += 1
        changing = self._wait(record, wanted, expected)
        if wanted.count(SENT, LOST):
            raise self._not_shown(record, wanted, accepted, changing)
        return first

    def _send(self, record, pending, wanted, first):
        """Send the contacts of ``wanted`` in the states ``pending``: (how many were accepted, how many lost their
        answer, the last such error, whether a batch larger than the base was accepted on a list that refuses
        duplicates)."""
        grows, taken = self.add_batch, []  # the sizes of the batches Kore took (append is atomic across threads)

        def post(client, batch):
            try:
                client.request("POST", add_route(), json={"contact_list_name": record["name"], "data": batch})
                grows.accepted(len(batch))
                taken.append(len(batch))
                return batch, None
            except KoreRequestError as exc:
                if not grows.refused(len(batch), exc):
                    raise
                for part in _batches(batch, lambda: grows.size(record)):  # what Kore takes, sent again
                    dummy, failed = post(client, part)
                    if failed is not None:
                        return batch, failed
                return batch, None
            except (KoreServerError, KoreTransportError) as exc:
                if isinstance(exc, KoreTransportError) and not exc.earlier_attempt_may_have_applied:
                    raise
                return batch, exc

        sent = lost = 0
        error = None
        counter = self.progress.counter("contact list %r" % record["name"], wanted.count(*pending), "contacts sent")
        # streamed: a contact's state changes only once it was handed out
        for batch, exc in self.pool.ordered(post, _batches(wanted.where(*pending), lambda: grows.size(record))):
            counter.add(len(batch))
            for contact in batch:
                contact_key = key(contact)
                wanted.states[contact_key] = SENT if exc is None else LOST
                if len(first) < SAMPLE:
                    first.append(shown(contact_key))
            if exc is None:
                sent += len(batch)
            else:
                lost, error = lost + len(batch), exc
        return sent, lost, error, max(taken, default=0) > grows.base and refuses_duplicates(record)

    def _wait(self, record, wanted, expected):
        """Count the list until it holds ``expected`` contacts (or ``wait_timeout`` passed), then read it once.

        Marks what showed as HELD; returns the KoreListChangedError of the last read, if the list changed under it.
        """
        started = self._clock()
        deadline = started + self.wait_timeout
        pause, verified_at, changing = 0.1, None, None
        counter = self.progress.counter("contact list %r" % record["name"], expected, "contacts shown")
        if self.add_latency.first_pause():  # most of what the last add took to show
            self._sleep(min(self.add_latency.first_pause(), self.wait_timeout))
        while True:
            turns = self._turns_waited()
            now = count(self.client, record["_id"])
            counted = self._clock()
            # when this wait asked, not when Kore answered: the seconds the count waited for its turn (behind other
            # lists' requests, or a 429's pause) tell nothing of how long an add takes to show, and every later
            # wait would sleep most of them
            asked = counted - (self._turns_waited() - turns)
            counter.show(now)
            left = deadline - counted
            if (now >= expected and now != verified_at) or left <= 0:
                try:
                    self.tally(record["_id"], Held(wanted, keep=0))
                    changing = None
                except KoreListChangedError as exc:
                    changing = exc
                verified_at = now
                if not changing and not wanted.count(SENT, LOST):
                    # until the count showed them: reading the list whole (a million contacts is minutes at a rate
                    # limit) is not how long an add takes to show
                    self.add_latency.showed_after(asked - started)
                    return None
                if left <= 0:
                    return changing
            self._sleep(min(pause, max(left, 0)))
            pause = min(pause * 1.5, 2.0)

    def _turns_waited(self):
        pacer = getattr(self.client, "pacer", None)
        return pacer.waited() if pacer is not None else 0.0

    def _not_shown(self, record, wanted, accepted, changing):
        """The error for what is still SENT or LOST after a wait: Kore accepted ``accepted`` contacts."""
        missing = wanted.count(SENT, LOST)
        return KoreContactsError(
            "Kore accepted %d contacts for contact list %r (%s), but %d did not appear within %d seconds: %s%s. "
            "Kore may have dropped them as invalid or duplicates; a longer wait_timeout helps if it is only slow.%s"
            % (accepted, record["name"], record["_id"], missing, self.wait_timeout,
               ", ".join(wanted.sample(SENT, LOST)), " and %d more" % (missing - SAMPLE) if missing > SAMPLE else "",
               " (%s)" % changing if changing else ""))


def _batches(contacts, size):
    """``contacts`` in lists of ``size()`` each (asked again for each list: a batch grows or shrinks as Kore takes
    it), the last maybe shorter."""
    batch, limit = [], size()
    for contact in contacts:
        batch.append(contact)
        if len(batch) >= limit:
            yield batch
            batch, limit = [], size()
    if batch:
        yield batch
