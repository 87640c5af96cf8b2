# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A list's backup that describes itself: beside its contacts (``<id>.csv``), its record (``<id>.json``) with
what a restore needs (name, description, duplicates policy, id, the contacts file), written before the list is
deleted, so that the backup restores alone, from its directory, whatever a later task did or did not do.

The record file is a :class:`~.backup.Backup` too: written whole, durable, never over an earlier file (which is
moved aside as ``<name>.<pid>.<time>~``), so a later run into the same directory loses no earlier backup.
"""

from __future__ import annotations

import datetime
import os

from ansible_collections.kore.ai.plugins.module_utils._backup.file import NAME_MAX, Backup
from ansible_collections.kore.ai.plugins.module_utils._contacts.sizes import duplicates_policy

FORMAT = "kore.ai contact list backup 1"


def record_path(contacts_path):
    """Where the record of the backup at ``contacts_path`` goes: ``<id>.json`` beside ``<id>.csv`` (any other
    name gains ``.json``), its start shortened when the name would pass the filesystem's limit."""
    directory, name = os.path.split(contacts_path)
    stem, extension = os.path.splitext(name)
    base = (stem if extension == ".csv" else name).encode("utf-8", "surrogateescape")
    base = base[:NAME_MAX - len(".json")].decode("utf-8", "ignore")
    return os.path.join(directory, base + ".json")


def allows_duplicates(record, read):
    """The list's duplicates policy: its ``allowDuplicates``, else its ``dataSyncMode``, else the whole record
    (``read()``, a GET); None when none of them says."""
    policy = duplicates_policy(record)
    if policy is not None:
        return policy
    whole = read() or {}
    return whole.get("allowDuplicates") if isinstance(whole.get("allowDuplicates"), bool) else None


def describe(backup, record, read):
    """Write the record of the list whose contacts ``backup`` holds, and return the path it went to."""
    description = {
        "format": FORMAT,
        "kind": "contact list",
        "id": record.get("_id"),
        "name": record.get("name"),
        "description": record.get("description"),
        "allowDuplicates": allows_duplicates(record, read),
        "listType": record.get("listType"),
        "contacts_file": os.path.basename(backup.path),
        # the newest backup of a name wins at a restore: microseconds and UTC, so that the text sorts
        "backed_up_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "record": record,
    }
    return Backup(record_path(backup.path), backup.option).write_json(description)
