# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a contact is: its identity, its phone number, the declared contacts and what a read of a list holds.

A list may hold a million contacts: decisions keep each wanted contact's identity (a short string) and a state,
never the held contacts themselves; pages are looked at and let go.
"""

from __future__ import annotations

import itertools
import math
import re

from ansible_collections.kore.ai.plugins.module_utils._contacts.identities import Identities
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

MAX_CONTACTS = 20000        # inline per task: Ansible itself takes about 1 s per 1,000 contacts to template them
# Kore's own fields of a contact, dropped when a contact read from Kore is given back to be added
KORE_OWN_FIELDS = ("_id", "createdAt", "updatedAt", "__v")
STRING_FIELDS = ("phoneNumber", "firstName", "lastName", "timeZone", "uniqueId")
SAMPLE = 10                 # identities shown in messages, results and diffs when there are many

_PHONE = re.compile(r"\+?[0-9]+\Z")
# as people write numbers, and Kore may keep them (whether it validates is undocumented): +1 (555) 010-0001
_FORMATTED_PHONE = re.compile(r"\+?\(?[0-9]+(?:[ .()-]{1,3}[0-9]+)*\Z")
_SPREADSHEET_NUMBER = re.compile(r"[+-]?[0-9]+([.,][0-9]*)?[eE][+-]?[0-9]+\Z|[+-]?[0-9]+[.,][0-9]+\Z")

# states of a wanted contact
NEW, HELD, SENT, LOST = 0, 1, 2, 3


def key(contact):
    """A contact's identity as one short string: ``u:<uniqueId>`` when it has one, else ``p:<phoneNumber>``.

    Short strings, so that a million fit in memory; called for every contact of a list.
    """
    unique = contact.get("uniqueId")
    if unique in (None, ""):
        return "p:%s" % (contact.get("phoneNumber"),)
    return "u:%s" % (unique,)


def phone_number(value):
    """A declared phone number without its surrounding spaces; ValueError, saying why, unless it is a phone number:
    an optional ``+`` and digits, in groups that spaces, ``-``, ``.`` or parentheses may part (``+1 (555) 010-0001``).

    Kore documents E.164 numbers, but may hold a number as it was uploaded, and what the collection backs up it
    must read back. A spreadsheet's ``4.91511E+12`` or ``4915110000000.0``, or a row of a ``;``-separated file read
    as one column, would otherwise reach Kore as a number.
    """
    if _PHONE.match(value):  # nearly always: a million rows pay for one match each
        return value
    number = value.strip()
    if _SPREADSHEET_NUMBER.match(number):
        raise ValueError("%s is a number as a spreadsheet formats it, not a phone number: format the column as "
                         "text (Excel: Format Cells, Text) and type the numbers again" % ascii(value))
    if _FORMATTED_PHONE.match(number):
        return number
    digits = number[1:] if number.startswith("+") else number
    bad = next((c for c in digits if not ("0" <= c <= "9" or c in " .()-")), None)
    raise ValueError("%s is not a phone number: an optional + and digits only%s; spaces, '-', '.' and parentheses "
                     "may group the digits" % (ascii(value), "" if bad is None else " (it holds %s)" % ascii(bad)))


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

    ``path`` is the CSV file they come from, None for the ``contacts`` option; ``inline`` contacts are few, in
    memory, and results may list them all, while a file's are counted, with a sample.
    """

    def __init__(self, states, rows, path=None, stamp=None):
        self.states = states        # Identities: key -> NEW, HELD, SENT or LOST
        self.rows = rows
        self.path = path
        self.stamp = stamp          # a file's size and time when it was checked

    @property
    def size(self):
        return len(self.states)

    def read(self):
        """The contacts to work on: these (see :class:`~.declared.CheckedFile`, read when its list is worked)."""
        return self

    def forget(self):
        """Let the identities go: a set keeps none of a list once that list is done."""
        if not self.inline:
            self.states = Identities()

    @property
    def inline(self):
        return self.path is None

    @classmethod
    def of(cls, contacts):
        """From contacts cleaned by :func:`clean`."""
        states = Identities(len(contacts))
        for contact in contacts:
            states[key(contact)] = NEW
        return cls(states, lambda: iter(contacts))

    def where(self, *states):
        return (c for c in self.rows() if self.states[key(c)] in states)

    def count(self, *states):
        return self.states.count(*states)

    def sample(self, *states):
        return [shown(key(c)) for c in itertools.islice(self.where(*states), SAMPLE)]

    def forget_held(self):
        """The list was emptied (recreated): every contact is to be sent."""
        self.states.reset(NEW)


class Held(object):
    """What a read of the list showed, against ``wanted``: counts, and the identities of at most ``keep``
    contacts (the caller's limit: what a result may return)."""

    def __init__(self, wanted, keep):
        self.wanted, self.keep = wanted, keep
        self.count = self.others = 0
        self.others_sample, self.keys = [], []

    def see(self, page):
        replace = self.wanted.states.replace
        self.count += len(page)
        for contact in page:  # a million times: kept lean
            own = key(contact)
            found = replace(own, HELD)
            if own[0] == "u":
                # a wanted number is held by any contact with that number, whatever its uniqueId
                by_phone = replace("p:%s" % (contact.get("phoneNumber"),), HELD)
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


def identities(contacts):
    """For a diff: each contact by identity, sorted."""
    return sorted(shown(key(c)) for c in contacts)
