# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contact lists the simulator holds, shaped like the records in Kore's documentation."""

from __future__ import annotations

import copy
import datetime
import threading
import uuid

# Fields that Kore's "list all" leaves out of each item.
NOT_IN_SUMMARY = ("createdAt", "createdBy", "isActive", "allowDuplicates", "isGlobalDNC", "isDefault")
MAX_NAME = 48
MAX_DESCRIPTION = 256
USER = "u-eb5bbee1-6af9-5b9a-b471-03a3fe4" + "0ab12"


class Invalid(Exception):
    """A request body Kore would refuse (400)."""


def stamp(moment):
    """Kore's timestamp format: UTC, milliseconds."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def now():
    return stamp(datetime.datetime.now(datetime.timezone.utc))


class RisingClock(object):
    """:func:`now`, but a millisecond past the last stamp when the wall clock has not moved on: one store's lists
    are created one after another, so two of them never share a ``createdAt`` (a tie would be broken by the random
    ids, and a test of which twin is kept would pass or fail by chance)."""

    def __init__(self):
        self.last = None

    def __call__(self):
        moment = datetime.datetime.now(datetime.timezone.utc)
        moment = moment.replace(microsecond=moment.microsecond // 1000 * 1000)
        if self.last is not None and moment <= self.last:
            moment = self.last + datetime.timedelta(milliseconds=1)
        self.last = moment
        return stamp(moment)


def new_record(name, description, created, allow_duplicates=False, stream_id="", account_id="", **extra):
    record = {
        "_id": "cl-" + str(uuid.uuid4()),
        "isActive": True,
        "name": name,
        "lname": name.lower(),
        "description": description,
        "totalRecordCount": 0,
        "status": "Ready",
        "createdBy": USER,
        "updatedBy": USER,
        "mapping": {key: key for key in ("firstName", "lastName", "phoneNumber", "timeZone", "uniqueId",
                                         "contactPriority")},
        "isListInUse": False,
        "listType": "call",
        "isGlobalDNC": False,
        "isDefault": False,
        "campaignInUse": [],
        "source": "passiveApi",
        "apiConfigurations": {"dataSyncMode": "allowDuplicates" if allow_duplicates else "dontAllowDuplicates"},
        "columns": [],
        "files": [],
        "orgId": "o-" + str(uuid.uuid5(uuid.NAMESPACE_DNS, account_id or "org")),
        "iId": stream_id,
        "accountId": account_id,
        "createdAt": created,
        "updatedAt": created,
        "allowDuplicates": bool(allow_duplicates),
    }
    record.update(extra)
    return record


def _check_text(body, key, limit, required):
    if key not in body:
        if required:
            raise Invalid("%s is required" % key)
        return
    value = body[key]
    if not isinstance(value, str) or (key == "name" and not value.strip()):
        raise Invalid("%s must be a non-empty string" % key)
    if len(value) > limit:
        raise Invalid("%s must be at most %d characters" % (key, limit))


def _check_bool(body):
    if "allowDuplicates" in body and not isinstance(body["allowDuplicates"], bool):
        raise Invalid("allowDuplicates must be a boolean")


class Store(object):
    """Lists per stream id; every method takes the lock, so a threaded server sees one consistent state.

    A list is stamped under the lock as it is added, so ``createdAt`` order is the order in which lists appear to
    readers. Tests replace ``clock`` to break that (servers whose clocks disagree).
    """

    def __init__(self):
        self.lock = threading.RLock()
        self.lists = {}  # stream id -> {list id -> record}
        self.contacts = {}  # list id -> [contact], in the order added (kore_sim.contacts)
        self.phones = {}    # list id -> the phone numbers it holds, so an add costs its own size, not the list's
        self.clock = RisingClock()

    def reset(self):
        with self.lock:
            self.lists.clear()
            self.contacts.clear()
            self.phones.clear()
            self.clock = RisingClock()

    def of(self, stream_id):
        return self.lists.setdefault(stream_id, {})

    def seed(self, stream_id, account_id, name, description="", **extra):
        """Put a list in place directly (tests: in-use lists, twins with one name)."""
        allow = extra.pop("allowDuplicates", False)
        with self.lock:
            record = new_record(name, description, self.clock(), allow, stream_id, account_id, **extra)
            self.of(stream_id)[record["_id"]] = record
        return copy.deepcopy(record)

    def create(self, stream_id, account_id, body):
        _check_text(body, "name", MAX_NAME, True)
        _check_text(body, "description", MAX_DESCRIPTION, True)
        if body.get("source") != "passiveApi":
            raise Invalid("source must be passiveApi")
        _check_bool(body)
        return self.seed(stream_id, account_id, body["name"], body["description"],
                         allowDuplicates=bool(body.get("allowDuplicates", False)))

    def get(self, stream_id, list_id):
        with self.lock:
            record = self.of(stream_id).get(list_id)
            return copy.deepcopy(record) if record else None

    def summaries(self, stream_id):
        with self.lock:
            return [dict((k, copy.deepcopy(v)) for k, v in record.items() if k not in NOT_IN_SUMMARY)
                    for record in self.of(stream_id).values()]

    def update(self, stream_id, list_id, body):
        _check_text(body, "name", MAX_NAME, False)
        _check_text(body, "description", MAX_DESCRIPTION, False)
        _check_bool(body)
        with self.lock:
            record = self.of(stream_id).get(list_id)
            if record is None:
                return None
            known = dict((k, body[k]) for k in ("name", "description", "allowDuplicates") if k in body)
            record.update(known)
            record["lname"] = record["name"].lower()
            record["apiConfigurations"]["dataSyncMode"] = (
                "allowDuplicates" if record["allowDuplicates"] else "dontAllowDuplicates")
            record["updatedAt"] = self.clock()
            return known

    def delete(self, stream_id, list_id):
        with self.lock:
            self.contacts.pop(list_id, None)
            self.phones.pop(list_id, None)
            return self.of(stream_id).pop(list_id, None)

    def all_records(self):
        with self.lock:
            return copy.deepcopy(self.lists)
