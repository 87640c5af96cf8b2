# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A snapshot of a bot into its backup directory (``layout.py``), deleting nothing: every contact list with its
contacts and its record, every campaign's whole record. What a reset writes before it deletes, so a restore of
the directory copies the bot."""

from __future__ import annotations

import os

from ansible_collections.kore.ai.plugins.module_utils._backup.file import Backup, backup_path_in
from ansible_collections.kore.ai.plugins.module_utils._backup.options import backup_directory
from ansible_collections.kore.ai.plugins.module_utils._bot.layout import CAMPAIGNS, LISTS, folder
from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import Campaigns
from ansible_collections.kore.ai.plugins.module_utils._campaigns.resource import TYPES
from ansible_collections.kore.ai.plugins.module_utils._contacts.backup import write_contacts
from ansible_collections.kore.ai.plugins.module_utils._contacts.described import describe


class DumpOutcome(object):
    """What a dump wrote (or, in check mode, would write): each list's and each campaign's files by id."""

    def __init__(self, check_mode):
        self.check_mode = check_mode
        self.lists, self.campaigns = {}, {}

    def result(self):
        verb = "would be written" if self.check_mode else "written"
        return dict(changed=bool(self.lists or self.campaigns), lists=self.lists, campaigns=self.campaigns,
                    msg="%d contact lists and %d campaigns %s" % (len(self.lists), len(self.campaigns), verb))


def dump(lists, contacts, backup_dir, *, check_mode=False):
    """Every contact list (contacts and record) and campaign (record) of the bot, into ``backup_dir``."""
    backup_directory(backup_dir)
    outcome = DumpOutcome(check_mode)
    for part in (LISTS, CAMPAIGNS):
        if not check_mode and not os.path.isdir(folder(backup_dir, part)):
            os.mkdir(folder(backup_dir, part), 0o700)
    for summary in lists.summaries():
        backup = Backup(backup_path_in(folder(backup_dir, LISTS), summary["_id"]), "backup_dir")
        if not check_mode:
            write_contacts(backup, contacts.pages(summary["_id"]))
            record_file = describe(backup, summary, lambda list_id=summary["_id"]: lists.read(list_id))
        else:
            record_file = "(not written in check mode)"
        outcome.lists[summary["_id"]] = {"name": summary["name"], "contacts_file": backup.path,
                                         "record_file": record_file}
    for kind in TYPES:
        campaigns = Campaigns(lists.client, kind)
        for item in campaigns.every():
            record = campaigns.read(item["id"]) or item
            path = backup_path_in(folder(backup_dir, CAMPAIGNS), item["id"], ".json")
            if not check_mode:
                Backup(path, "backup_dir").write_json(record)
            outcome.campaigns[item["id"]] = {"name": item["name"], "type": kind, "file": path}
    return outcome
