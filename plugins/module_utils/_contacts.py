# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Contacts of one contact list: read every page, compare by identity, add what is missing, wait to see it.

Kore's add names the list (not its id), answers before it is done and returns no ids, and no API removes one
contact. So an add is checked by reading the list until the contacts show, and a list that must lose contacts
is deleted and created again.
"""

from __future__ import annotations

import math
import time

from ansible_collections.kore.ai.plugins.module_utils._client import BACKOFF_FACTOR, BACKOFF_MAX
from ansible_collections.kore.ai.plugins.module_utils._contact_list import KoreConflictError, campaigns_using, label
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreError,
    KoreInputError,
    KoreProtocolError,
    KoreServerError,
    KoreTransportError,
)

MAX_CONTACTS = 20000        # per task: the module keeps every contact of a list in memory and reads them often
BATCH_SIZE = 100            # contacts per add; Kore documents no maximum, so stay small
PAGE_SIZE = 100             # asked for per page; Kore may answer with fewer (its default is 50)
MAX_WAIT_TIMEOUT = 3600
MAX_READ = 500000           # contacts read from one list before a server that never ends is given up on
# Kore's own fields of a contact, dropped when a contact read from Kore is given back to be added
KORE_OWN_FIELDS = ("_id", "createdAt", "updatedAt", "__v")
STRING_FIELDS = ("phoneNumber", "firstName", "lastName", "timeZone", "uniqueId")
SHOWN_MISSING = 10


class KoreContactsError(KoreError):
    """Kore accepted an add, but the contacts did not all show within the wait."""


def identity(contact):
    """``("uniqueId", value)`` when the contact has one, else ``("phoneNumber", value)``."""
    unique = contact.get("uniqueId")
    if unique not in (None, ""):
        return ("uniqueId", str(unique))
    return ("phoneNumber", str(contact.get("phoneNumber")))


def shown(key):
    return "%s %s" % key


def clean(contacts):
    """Validate the ``contacts`` option before any request; returns the contacts to send, Kore's fields dropped.

    The contacts of an earlier result can be given back as they are: ``_id``, ``createdAt``, ``updatedAt`` and
    empty (None) fields are left out.
    """
    if not isinstance(contacts, list):
        raise KoreInputError("contacts must be a list of dicts")
    if len(contacts) > MAX_CONTACTS:
        raise KoreInputError("contacts holds %d contacts; at most %d are managed in one task"
                             % (len(contacts), MAX_CONTACTS))
    wanted, seen = [], {}
    for number, contact in enumerate(contacts, 1):
        where = "contacts[%d]" % number
        if not isinstance(contact, dict):
            raise KoreInputError("%s must be a dict of Kore's contact fields, got %s" % (where, type(contact).__name__))
        fields = dict((k, v) for k, v in contact.items() if k not in KORE_OWN_FIELDS and v is not None)
        for key, value in fields.items():
            if not isinstance(key, str) or not key.strip():
                raise KoreInputError("%s has a field name that is not a non-empty string: %r" % (where, key))
            if key in STRING_FIELDS and not isinstance(value, str):
                raise KoreInputError("%s: %s must be a string (quote it in YAML), got %s %r"
                                     % (where, key, type(value).__name__, value))
            if not isinstance(value, (str, int, float, bool)) or (isinstance(value, float) and not math.isfinite(value)):
                raise KoreInputError("%s: %s must be a string, number or boolean, got %s %r"
                                     % (where, key, type(value).__name__, value))
        if not fields.get("phoneNumber", "").strip():
            raise KoreInputError("%s has no phoneNumber; every contact needs a non-empty phoneNumber" % where)
        key = identity(fields)
        if key in seen:
            raise KoreInputError("contacts[%d] and %s are one contact (%s); give each contact once"
                                 % (seen[key], where, shown(key)))
        seen[key] = number
        wanted.append(fields)
    return wanted


class Present(object):
    """The contacts a list holds, indexed the way :func:`identity` matches them."""

    def __init__(self, contacts):
        self.contacts = contacts
        self.unique_ids = set(str(c["uniqueId"]) for c in contacts if c.get("uniqueId") not in (None, ""))
        self.phones = set(str(c.get("phoneNumber")) for c in contacts)

    def has(self, contact):
        kind, value = identity(contact)
        return value in (self.unique_ids if kind == "uniqueId" else self.phones)

    def missing(self, wanted):
        return [c for c in wanted if not self.has(c)]

    def others(self, wanted):
        """The contacts held that none of ``wanted`` is."""
        keys = set(identity(c) for c in wanted)
        return [c for c in self.contacts
                if identity(c) not in keys and ("phoneNumber", str(c.get("phoneNumber"))) not in keys]


class Contacts(object):
    """Reads and adds the contacts of the bot's lists over one client."""

    def __init__(self, client, wait_timeout=120, sleep=None, clock=None):
        if not 1 <= wait_timeout <= MAX_WAIT_TIMEOUT:
            raise KoreInputError("wait_timeout must be between 1 and %d seconds, got %d"
                                 % (MAX_WAIT_TIMEOUT, wait_timeout))
        self.client = client
        self.wait_timeout = wait_timeout
        # looked up now, not at import, like the pacer's: a test's stand-in clock reaches the lists' own Contacts
        self._sleep, self._clock = sleep or time.sleep, clock or time.monotonic

    def read(self, list_id):
        """Every contact of the list, following ``hasMore``; a server that repeats or never ends is an error."""
        contacts, seen_ids, most = [], set(), 0
        while True:
            page = self._page(list_id, len(contacts))
            most = max(most, page["totalResults"])
            ids = [c["_id"] for c in page["results"] if isinstance(c.get("_id"), str)]
            if seen_ids.intersection(ids) or len(set(ids)) < len(ids):
                raise KoreProtocolError("Kore answered getAllContacts of %s with a contact it had already given "
                                        "(skip %d): it does not page as expected" % (list_id, len(contacts)))
            seen_ids.update(ids)
            contacts += page["results"]
            if not page["hasMore"]:
                return contacts
            if not page["results"] or len(contacts) > min(most, MAX_READ):
                raise KoreProtocolError("Kore's getAllContacts of %s says there is more after %d contacts of %d: "
                                        "it does not page as expected" % (list_id, len(contacts), most))

    def _page(self, list_id, skip):
        data = self.client.request("GET", (list_id, "getAllContacts"),
                                   query={"skip": skip, "limit": PAGE_SIZE}).data
        if not (isinstance(data, dict) and isinstance(data.get("results"), list)
                and isinstance(data.get("hasMore"), bool) and isinstance(data.get("totalResults"), int)
                and all(isinstance(c, dict) for c in data["results"])):
            raise KoreProtocolError("Kore answered getAllContacts of %s without the documented page (results, "
                                    "hasMore, totalResults)" % list_id)
        return data

    def add(self, record, contacts):
        """Send ``contacts`` to the list in batches and wait until each shows; returns the list's contacts then.

        An add whose answer was lost (5xx, dropped connection) may still be carried out later: wait for it, then
        send only what is still missing, so a list that allows duplicates gets no contact twice.
        """
        for start in range(0, len(contacts), BATCH_SIZE):
            batch = contacts[start:start + BATCH_SIZE]
            for attempt in range(self.client.retries + 1):
                try:
                    self.client.request("POST", ("addContacts",), v1=True,
                                        json={"contact_list_name": record["name"], "data": batch})
                    break
                except (KoreServerError, KoreTransportError) as exc:
                    if isinstance(exc, KoreTransportError) and not exc.earlier_attempt_may_have_applied:
                        raise
                    if attempt == self.client.retries:
                        raise
                    batch = self.wait(record, batch, fail=False)[1]
                    if not batch:
                        break
                    self._sleep(min(BACKOFF_FACTOR * 2 ** attempt, BACKOFF_MAX))
        return self.wait(record, contacts, fail=True)[0]

    def wait(self, record, contacts, fail):
        """Read the list until every one of ``contacts`` shows, at most ``wait_timeout`` seconds.

        Returns (the list's contacts, those still missing); with ``fail``, raises if any are still missing.
        """
        deadline = self._clock() + self.wait_timeout
        pause = 0.25
        while True:
            present = Present(self.read(record["_id"]))
            missing = present.missing(contacts)
            if not missing:
                return present.contacts, []
            left = deadline - self._clock()
            if left <= 0:
                break
            self._sleep(min(pause, left))
            pause = min(pause * 2, 5.0)
        if not fail:
            return present.contacts, missing
        raise KoreContactsError(
            "Kore accepted %d contacts for contact list %r (%s), but %d did not appear within %d seconds: %s%s. "
            "Kore may have dropped them as invalid or duplicates; a longer wait_timeout helps if it is only slow."
            % (len(contacts), record["name"], record["_id"], len(missing), self.wait_timeout,
               ", ".join(shown(identity(c)) for c in missing[:SHOWN_MISSING]),
               " and %d more" % (len(missing) - SHOWN_MISSING) if len(missing) > SHOWN_MISSING else ""))


class Synced(object):
    """What :func:`sync` did (or, in check mode, would do) to a list's contacts."""

    def __init__(self, record, before, after, added, recreated=None):
        self.record = record        # the list, a new one when it was recreated
        self.before = before        # contacts held before
        self.after = after          # contacts held after (in check mode: before plus those that would be added)
        self.added = added
        self.recreated = recreated  # {"old_id", "new_id"} when the list was deleted and created again

    @property
    def changed(self):
        return bool(self.added or self.recreated)


def sync(lists, contacts, record, wanted, purge=False, force=False, exists=True, check_mode=False):
    """Make the list hold ``wanted`` (cleaned by :func:`clean`) and, with ``purge``, nothing else.

    ``exists`` is False for a list that check mode only pretends to have created: there is nothing to read.
    """
    held = contacts.read(record["_id"]) if exists else []
    present = Present(held)
    missing = present.missing(wanted)
    recreated = None
    others = present.others(wanted) if purge else []
    if others:
        in_use = campaigns_using(record)
        if in_use and not force:
            raise KoreConflictError(
                "contact list %s holds %d contacts that are not in contacts; Kore cannot remove a contact, so "
                "purge_contacts would delete and create the list again, but campaigns %s use it. Set force: true "
                "to do that anyway. Its contacts were not changed."
                % (label(record), len(others), ", ".join(in_use)))
        recreated = {"old_id": record["_id"], "new_id": None}
        if not check_mode:
            record = recreate(lists, record)
            recreated["new_id"] = record["_id"]
        held, missing = [], list(wanted)
    if not missing or check_mode:
        return Synced(record, present.contacts, held + missing, missing, recreated)
    require_unique_name(lists, record)
    return Synced(record, present.contacts, contacts.add(record, missing), missing, recreated)


def recreate(lists, record):
    """Delete the list and create it again with the same name, description and duplicate policy; the new record."""
    full = record if "allowDuplicates" in record else (lists.read(record["_id"]) or record)
    body = {"name": full["name"], "description": full.get("description") or "", "source": "passiveApi",
            "allowDuplicates": bool(full.get("allowDuplicates", False))}
    lists.delete(record["_id"])
    try:
        return lists.create(body)
    except KoreError as exc:
        raise type(exc)("contact list %s was deleted to drop contacts, but creating it again failed: %s. Run the "
                        "task again to create it." % (label(record), exc), exc.status, exc.method)


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
    return sorted(shown(identity(c)) for c in contacts)
