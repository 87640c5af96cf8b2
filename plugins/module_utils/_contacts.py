# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Contacts of one contact list: compare by identity, add what is missing in parallel, wait to see it.

Kore's add names the list (not its id), answers before it is done and returns no ids, and no API removes one
contact. So an add is checked by counting the list until the count says the contacts should be there, then
reading it once; a list that must lose contacts is deleted and created again.

A list may hold a million contacts: decisions keep each wanted contact's identity (a short string) and a state,
never the held contacts themselves; pages are looked at and let go.
"""

from __future__ import annotations

import itertools
import math
import re
import time

from ansible_collections.kore.ai.plugins.module_utils._contact_list import KoreConflictError, campaigns_using, label
from ansible_collections.kore.ai.plugins.module_utils._contact_pages import KoreListChangedError, count, read_pages
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreError,
    KoreInputError,
    KoreServerError,
    KoreTransportError,
    with_done,
)
from ansible_collections.kore.ai.plugins.module_utils._parallel import ClientPool, check_pacing
from ansible_collections.kore.ai.plugins.module_utils._progress import SILENT

MAX_CONTACTS = 20000        # inline per task: Ansible itself takes about 1 s per 1,000 contacts to template them
MAX_RETURNED = 20000        # return_contacts: a larger list belongs in backup_file
BATCH_SIZE = 100            # contacts per add; Kore documents no maximum, so stay small
MAX_WAIT_TIMEOUT = 3600
# Kore's own fields of a contact, dropped when a contact read from Kore is given back to be added
KORE_OWN_FIELDS = ("_id", "createdAt", "updatedAt", "__v")
STRING_FIELDS = ("phoneNumber", "firstName", "lastName", "timeZone", "uniqueId")
SAMPLE = 10                 # identities shown in messages, results and diffs when there are many

_PHONE = re.compile(r"\+?[0-9]+\Z")
_SPREADSHEET_NUMBER = re.compile(r"[+-]?[0-9]+([.,][0-9]*)?[eE][+-]?[0-9]+\Z")

# states of a wanted contact
NEW, HELD, SENT, LOST = 0, 1, 2, 3


class KoreContactsError(KoreError):
    """Kore accepted an add, but the contacts did not all show within the wait."""


def key(contact):
    """A contact's identity as one short string: ``u:<uniqueId>`` when it has one, else ``p:<phoneNumber>``.

    Short strings, so that a million fit in memory; called for every contact of a list.
    """
    unique = contact.get("uniqueId")
    if unique in (None, ""):
        return "p:%s" % (contact.get("phoneNumber"),)
    return "u:%s" % (unique,)


def phone_number(value):
    """A declared phone number without its surrounding spaces; ValueError, saying why, unless it is ``+`` and digits.

    Kore documents E.164 numbers; a spreadsheet's ``4.91511E+12`` or a row of a ``;``-separated file read as one
    column would otherwise reach Kore as a number.
    """
    if _PHONE.match(value):  # nearly always: a million rows pay for one match each
        return value
    number = value.strip()
    if _PHONE.match(number):
        return number
    if _SPREADSHEET_NUMBER.match(number):
        raise ValueError("%s is a number as a spreadsheet formats it, not a phone number: format the column as "
                         "text (Excel: Format Cells, Text) and type the numbers again" % ascii(value))
    digits = number[1:] if number.startswith("+") else number
    bad = next((c for c in digits if not "0" <= c <= "9"), None)
    raise ValueError("%s is not a phone number: an optional + and digits only%s"
                     % (ascii(value), "" if bad is None else " (it holds %s)" % ascii(bad)))


def shown(contact_key):
    return ("uniqueId " if contact_key.startswith("u:") else "phoneNumber ") + contact_key[2:]


def clean(contacts):
    """Validate the ``contacts`` option before any request; returns the contacts to send, Kore's fields dropped.

    The contacts of an earlier result can be given back as they are: ``_id``, ``createdAt``, ``updatedAt`` and
    empty (None) fields are left out.
    """
    if not isinstance(contacts, list):
        raise KoreInputError("contacts must be a list of dicts")
    if len(contacts) > MAX_CONTACTS:
        raise KoreInputError("contacts holds %d contacts; at most %d are managed in one task (a larger set belongs "
                             "in a CSV file: contacts_file)" % (len(contacts), MAX_CONTACTS))
    wanted, seen = [], {}
    for number, contact in enumerate(contacts, 1):
        where = "contacts[%d]" % number
        if not isinstance(contact, dict):
            raise KoreInputError("%s must be a dict of Kore's contact fields, got %s" % (where, type(contact).__name__))
        fields = dict((k, v) for k, v in contact.items() if k not in KORE_OWN_FIELDS and v is not None)
        for name, value in fields.items():
            if not isinstance(name, str) or not name.strip():
                raise KoreInputError("%s has a field name that is not a non-empty string: %r" % (where, name))
            if name in STRING_FIELDS and not isinstance(value, str):
                raise KoreInputError("%s: %s must be a string (quote it in YAML), got %s %r"
                                     % (where, name, type(value).__name__, value))
            if not isinstance(value, (str, int, float, bool)) or (isinstance(value, float) and not math.isfinite(value)):
                raise KoreInputError("%s: %s must be a string, number or boolean, got %s %r"
                                     % (where, name, type(value).__name__, value))
        if not fields.get("phoneNumber", "").strip():
            raise KoreInputError("%s has no phoneNumber; every contact needs a non-empty phoneNumber" % where)
        try:
            fields["phoneNumber"] = phone_number(fields["phoneNumber"])
        except ValueError as exc:
            raise KoreInputError("%s: phoneNumber %s" % (where, exc))
        contact_key = key(fields)
        if contact_key in seen:
            raise KoreInputError("contacts[%d] and %s are one contact (%s); give each contact once"
                                 % (seen[contact_key], where, shown(contact_key)))
        seen[contact_key] = number
        wanted.append(fields)
    return wanted


class Wanted(object):
    """The declared contacts: each identity with its state, and ``rows()`` to read the contacts again to send.

    ``inline`` is True for the ``contacts`` option (few, in memory: results may list them all) and False for a
    file (results carry counts and a sample).
    """

    def __init__(self, states, rows, inline):
        self.states = states        # key -> NEW, HELD, SENT or LOST
        self.rows = rows
        self.inline = inline

    @classmethod
    def of(cls, contacts):
        """From contacts cleaned by :func:`clean`."""
        return cls(dict((key(c), NEW) for c in contacts), lambda: iter(contacts), True)

    def where(self, *states):
        return (c for c in self.rows() if self.states[key(c)] in states)

    def count(self, *states):
        return sum(1 for s in self.states.values() if s in states)

    def sample(self, *states):
        return [shown(key(c)) for c in itertools.islice(self.where(*states), SAMPLE)]

    def forget_held(self):
        """The list was emptied (recreated): every contact is to be sent."""
        for contact_key in self.states:
            self.states[contact_key] = NEW


class Held(object):
    """What a read of the list showed, against ``wanted``: counts, and identities only while they are few."""

    def __init__(self, wanted, keep=MAX_RETURNED):
        self.wanted, self.keep = wanted, keep
        self.count = self.others = 0
        self.others_sample, self.keys = [], []

    def see(self, page):
        states, get = self.wanted.states, self.wanted.states.get
        self.count += len(page)
        for contact in page:  # a million times: kept lean
            own = key(contact)
            found = get(own)
            if found is not None and found != HELD:
                states[own] = HELD
            if own[0] == "u":
                # a wanted number is held by any contact with that number, whatever its uniqueId
                phone = "p:%s" % (contact.get("phoneNumber"),)
                by_phone = get(phone)
                if by_phone is not None and by_phone != HELD:
                    states[phone] = HELD
                found = found if found is not None else by_phone
            if found is None:
                self.others += 1
                if len(self.others_sample) < SAMPLE:
                    self.others_sample.append(shown(own))
            if len(self.keys) < self.keep:
                self.keys.append(shown(own))

    @property
    def complete(self):
        """Whether :attr:`keys` names every contact held (for a diff listing them)."""
        return self.count <= self.keep


class Contacts(object):
    """Reads and adds the contacts of the bot's lists over one client (and, for ``parallel``, its clones)."""

    def __init__(self, client, wait_timeout=120, parallel=1, sleep=None, clock=None, progress=SILENT):
        if not 1 <= wait_timeout <= MAX_WAIT_TIMEOUT:
            raise KoreInputError("wait_timeout must be between 1 and %d seconds, got %d"
                                 % (MAX_WAIT_TIMEOUT, wait_timeout))
        check_pacing(parallel, None)
        self.client = client
        self.pool = ClientPool(client, parallel)
        self.wait_timeout = wait_timeout
        self.progress = progress
        # looked up now, not at import, like the pacer's: a test's stand-in clock reaches the lists' own Contacts
        self._sleep, self._clock = sleep or time.sleep, clock or time.monotonic

    def pages(self, list_id):
        counters = []

        def on_page(read, total):
            if not counters:
                counters.append(self.progress.counter("contact list %s" % list_id, total, "contacts read"))
            counters[0].show(read)
        return read_pages(self.pool, list_id, on_page)

    def read(self, list_id, too_many_hint="backup_file"):
        """Every contact of the list, for return_contacts; a list too large to return is refused before reading."""
        total = count(self.client, list_id)
        if total > MAX_RETURNED:
            raise KoreInputError("contact list %s holds %d contacts, too many to return (at most %d); write them to "
                                 "a CSV file with %s instead" % (list_id, total, MAX_RETURNED, too_many_hint))
        return [contact for page in self.pages(list_id) for contact in page]

    def tally(self, list_id, held, spool=None):
        """Read every page into ``held`` (and ``spool``, a backup being written)."""
        for page in self.pages(list_id):
            held.see(page)
            if spool is not None:
                spool.add(page)

    def add(self, record, wanted, held_count):
        """Send the NEW contacts of ``wanted`` in batches, in parallel, and wait until each shows.

        An add whose answer was lost (5xx, dropped connection) may still be carried out later: it is waited for
        (``wait_timeout``) before what did not show is sent again, so a list that allows duplicates gets no
        contact twice while the first add may still land. Returns the identities of the first contacts sent.
        """
        expected, first, error, pending, accepted = held_count, [], None, NEW, None
        for attempt in range(self.client.retries + 1):
            sent, lost, error = self._send(record, wanted.where(pending), wanted, first)
            expected += sent + lost
            accepted = sent + lost if accepted is None else accepted  # a resend sends the same contacts again
            if not lost:
                break
            if attempt == self.client.retries:
                raise error
            self._wait(record, wanted, expected, fail=False)
            if not wanted.count(LOST):
                break
            pending = LOST  # waited for long enough: send again what did not show
            expected -= wanted.count(LOST)  # counted once already, and they did not show
            self._sleep(min(0.5 * 2 ** attempt, 30))
        self._wait(record, wanted, expected, fail=True, accepted=accepted)
        return first

    def _send(self, record, contacts, wanted, first):
        def post(client, batch):
            try:
                client.request("POST", ("addContacts",), v1=True,
                               json={"contact_list_name": record["name"], "data": batch})
                return batch, None
            except (KoreServerError, KoreTransportError) as exc:
                if isinstance(exc, KoreTransportError) and not exc.earlier_attempt_may_have_applied:
                    raise
                return batch, exc

        sent = lost = 0
        error = None
        counter = self.progress.counter("contact list %r" % record["name"], wanted.count(NEW, LOST), "contacts sent")
        for batch, exc in self.pool.ordered(post, _batches(contacts, BATCH_SIZE)):
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
        return sent, lost, error

    def _wait(self, record, wanted, expected, fail, accepted=None):
        """Count the list until it holds ``expected`` contacts (or ``wait_timeout`` passed), then read it once.

        Marks what showed as HELD; with ``fail``, raises naming what is still SENT or LOST (of ``accepted`` sent,
        by default ``expected``).
        """
        deadline = self._clock() + self.wait_timeout
        pause, verified_at, changing = 0.1, None, None
        counter = self.progress.counter("contact list %r" % record["name"], expected, "contacts shown")
        while True:
            now = count(self.client, record["_id"])
            counter.show(now)
            left = deadline - self._clock()
            if (now >= expected and now != verified_at) or left <= 0:
                try:
                    self.tally(record["_id"], Held(wanted, keep=0))
                    changing = None
                except KoreListChangedError as exc:
                    changing = exc
                verified_at = now
                if not changing and not wanted.count(SENT, LOST):
                    return
                if left <= 0:
                    break
            self._sleep(min(pause, max(left, 0)))
            pause = min(pause * 1.5, 2.0)
        if not fail:
            return
        missing = wanted.count(SENT, LOST)
        raise KoreContactsError(
            "Kore accepted %d contacts for contact list %r (%s), but %d did not appear within %d seconds: %s%s. "
            "Kore may have dropped them as invalid or duplicates; a longer wait_timeout helps if it is only slow.%s"
            % (expected if accepted is None else accepted, record["name"], record["_id"], missing, self.wait_timeout,
               ", ".join(wanted.sample(SENT, LOST)), " and %d more" % (missing - SAMPLE) if missing > SAMPLE else "",
               " (%s)" % changing if changing else ""))


def _batches(contacts, size):
    batch = []
    for contact in contacts:
        batch.append(contact)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


class Synced(object):
    """What :func:`sync` did (or, in check mode, would do) to a list's contacts."""

    def __init__(self, record, wanted, held, added, added_sample, recreated=None, backup_file=None):
        self.record = record            # the list, a new one when it was recreated
        self.wanted, self.held = wanted, held
        self.added = added              # how many were (or would be) added
        self.added_sample = added_sample
        self.recreated = recreated      # {"old_id", "new_id"} when the list was deleted and created again
        self.backup_file = backup_file  # the path written before the list was recreated
        self.added_rows = None          # for inline contacts: the contacts added
        self.previous_backup_file = None  # where a file that was at the backup's path is kept

    @property
    def changed(self):
        return bool(self.added or self.recreated)

    def counts(self):
        after = (0 if self.recreated else self.held.count) + self.added
        return {"before": self.held.count, "added": self.added, "dropped": self.held.others if self.recreated else 0,
                "after": after}


def sync(lists, contacts, record, wanted, purge=False, force=False, exists=True, check_mode=False, backup=None):
    """Make the list hold ``wanted`` (a :class:`Wanted`) and, with ``purge``, nothing else.

    ``exists`` is False for a list that check mode only pretends to have created: there is nothing to read.
    ``backup`` (a :class:`~._contacts_backup.Backup`) is written, while the list is read, and kept only when the
    list is about to be recreated: before anything is deleted.
    """
    held = Held(wanted, keep=MAX_RETURNED if wanted.inline else 0)
    spool = backup.spool() if backup is not None and purge and exists and not check_mode else None
    try:
        if exists:
            contacts.tally(record["_id"], held, spool)
        recreated, written, kept = None, None, {}
        if purge and held.others:
            in_use = campaigns_using(record)
            if in_use and not force:
                raise KoreConflictError(
                    "contact list %s holds %d contacts that are not declared; Kore cannot remove a contact, so "
                    "purge_contacts would delete and create the list again, but campaigns %s use it. Set force: true "
                    "to do that anyway. Its contacts were not changed."
                    % (label(record), held.others, ", ".join(in_use)))
            recreated = {"old_id": record["_id"], "new_id": None}
            if not check_mode:
                written = spool.commit() if spool is not None else None
                kept = _backup_result(written, backup)
                record = recreate(lists, record, kept)
                recreated["new_id"] = record["_id"]
            wanted.forget_held()
    finally:
        if spool is not None:
            spool.discard()
    missing = wanted.count(NEW)
    # a sample reads a file's rows again: only when something is missing
    synced = Synced(record, wanted, held, missing, wanted.sample(NEW) if missing else [], recreated, written)
    # inline contacts are few: the result lists those added
    synced.added_rows = list(wanted.where(NEW)) if wanted.inline else None
    synced.previous_backup_file = kept.get("previous_backup_file")
    if not missing or check_mode:
        return synced
    try:
        require_unique_name(lists, record)
        synced.added_sample = contacts.add(record, wanted, 0 if recreated else held.count)
    except KoreError as exc:
        if recreated:
            raise with_done(exc, "Contact list %r had been deleted (%s) and created again as %s before that, to drop "
                                 "%d contacts not declared%s" % (record["name"], recreated["old_id"],
                                                                 recreated["new_id"], held.others, _kept_in(written)),
                            changed=True, contact_list=record, recreated=recreated, **kept)
        raise
    return synced


def _kept_in(backup_file):
    return "; they were written to %s first" % backup_file if backup_file else ""


def _backup_result(written, backup):
    """Return values of a backup written: the file, and where a file that was at its path is kept."""
    if not written:
        return {}
    kept = {"backup_file": written}
    if backup.previous:
        kept["previous_backup_file"] = backup.previous
    return kept


def recreate(lists, record, kept=None):
    """Delete the list and create it again with the same name, description and duplicate policy; the new record."""
    full = record if "allowDuplicates" in record else (lists.read(record["_id"]) or record)
    body = {"name": full["name"], "description": full.get("description") or "", "source": "passiveApi",
            "allowDuplicates": bool(full.get("allowDuplicates", False))}
    kept = kept or {}
    try:
        lists.delete(record["_id"])
    except KoreError as exc:
        if not kept:
            raise
        raise with_done(exc, "Its contacts had been written to %s first" % kept["backup_file"],
                        changed=exc.earlier_attempt_may_have_applied, **kept)
    try:
        return lists.create(body)
    except KoreError as exc:
        raise with_done(exc, "Contact list %s was deleted to drop contacts, but creating it again failed%s. Run the "
                             "task again to create it" % (label(record), _kept_in(kept.get("backup_file"))),
                        changed=True, recreated={"old_id": record["_id"], "new_id": None}, **kept)


def require_unique_name(lists, record):
    """Kore adds contacts to the list *named* so: refuse when another list has the name too."""
    named = [s for s in lists.summaries() if s.get("name") == record["name"]]
    if [s.get("_id") for s in named] != [record["_id"]]:
        raise KoreConflictError(
            "contacts are added by list name, and %d contact lists are named %r (%s), so Kore could fill another "
            "one; rename or delete the others. No contact was added."
            % (len(named), record["name"], ", ".join(str(s.get("_id")) for s in named) or "none found"))


def identities(contacts):
    """For a diff: each contact by identity, sorted."""
    return sorted(shown(key(c)) for c in contacts)
