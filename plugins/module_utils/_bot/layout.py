# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A bot's backup directory, as the reset writes it and kore_backup dumps and restores it::

    <backup_dir>/lists/<list id>.csv         a list's contacts
    <backup_dir>/lists/<list id>.json        its record (``_contacts/described.py``), written before its DELETE
    <backup_dir>/campaigns/<campaign id>.json  a campaign's whole record, written before it was stopped or deleted

What a restore reads of it: the newest record of each list name, each with its contacts file, and every campaign.
"""

from __future__ import annotations

import json
import os

from ansible_collections.kore.ai.plugins.module_utils._contacts.described import FORMAT
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

LISTS, CAMPAIGNS = "lists", "campaigns"


def folder(backup_dir, part):
    return os.path.join(os.path.abspath(backup_dir), part)


def _json_files(directory):
    """The ``.json`` files of ``directory`` (none when it does not exist), in name order: files kept aside
    (``<name>.<pid>.<time>~``) and temporary files (``.kore-*``) are not backups to restore."""
    if not os.path.isdir(directory):
        return []
    return [os.path.join(directory, n) for n in sorted(os.listdir(directory))
            if n.endswith(".json") and not n.startswith(".")]


def _read(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as exc:
        raise KoreInputError("backup %s cannot be read: %s. Nothing was changed." % (path, exc))


def list_backups(backup_dir):
    """The newest backup of each list name, as ``lists`` entries of kore_contact_lists (name, description,
    allow_duplicates, contacts_file), in name order; and a warning for each JSON file that is not a list's record."""
    newest, warnings = {}, []
    for path in _json_files(folder(backup_dir, LISTS)):
        record = _read(path)
        if not isinstance(record, dict) or record.get("format") != FORMAT or not isinstance(record.get("name"), str):
            warnings.append("%s is not a list backup this collection wrote (no format %r): left alone"
                            % (path, FORMAT))
            continue
        contacts = os.path.join(os.path.dirname(path), str(record.get("contacts_file")))
        if not os.path.isfile(contacts):
            raise KoreInputError("backup %s names its contacts file %s, which is missing: that list cannot be "
                                 "restored whole. Nothing was changed." % (path, contacts))
        if record["name"] not in newest or record.get("backed_up_at", "") >= newest[record["name"]][0]:
            newest[record["name"]] = (record.get("backed_up_at", ""), record, contacts)
    entries = []
    for name in sorted(newest):
        dummy, record, contacts = newest[name]
        entry = {"name": name, "description": record.get("description"), "contacts_file": contacts}
        if isinstance(record.get("allowDuplicates"), bool):
            entry["allow_duplicates"] = record["allowDuplicates"]
        entries.append(entry)
    return entries, warnings


def campaign_backups(backup_dir):
    """Every campaign backup: (path, its record), each record with a ``type`` and a ``name``."""
    found = []
    for path in _json_files(folder(backup_dir, CAMPAIGNS)):
        record = _read(path)
        if not isinstance(record, dict) or record.get("type") not in ("voice", "sms") \
                or not isinstance(record.get("name"), str):
            raise KoreInputError("backup %s is not a campaign record kore_campaign wrote (a JSON object with its "
                                 "type and name). Nothing was changed." % path)
        found.append((path, record))
    return found
