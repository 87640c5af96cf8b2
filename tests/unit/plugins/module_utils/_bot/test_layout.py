# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a restore reads of a backup directory: the newest record of each list name with its contacts file, every
campaign record; what is not a backup is told or refused, never guessed."""

from __future__ import annotations

import json

import pytest

from ansible_collections.kore.ai.plugins.module_utils._bot.layout import campaign_backups, list_backups
from ansible_collections.kore.ai.plugins.module_utils._contacts.described import FORMAT
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


def write_list(folder, list_id, name, at, **more):
    (folder / ("%s.csv" % list_id)).write_text('"phoneNumber"\r\n"+15550100"\r\n')
    record = dict({"format": FORMAT, "id": list_id, "name": name, "description": "d %s" % list_id,
                   "allowDuplicates": False, "contacts_file": "%s.csv" % list_id, "backed_up_at": at}, **more)
    (folder / ("%s.json" % list_id)).write_text(json.dumps(record))


def test_the_newest_backup_of_each_name_wins_and_what_is_not_one_is_told(tmp_path):
    lists = tmp_path / "lists"
    lists.mkdir()
    write_list(lists, "cl-1", "Leads", "2026-12-01T10:00:00.000000Z")
    write_list(lists, "cl-2", "Leads", "2026-12-02T10:00:00.000000Z")
    write_list(lists, "cl-3", "Alpha", "2026-11-01T10:00:00.000000Z", allowDuplicates=None)
    (lists / "cl-2.json.123.2026-12-02@10:00:00~").write_text("{}")  # kept aside: not a backup to restore
    (lists / "notes.json").write_text('{"hello": 1}')
    entries, warnings = list_backups(str(tmp_path))
    assert entries == [{"name": "Alpha", "description": "d cl-3", "contacts_file": str(lists / "cl-3.csv")},
                       {"name": "Leads", "description": "d cl-2", "contacts_file": str(lists / "cl-2.csv"),
                        "allow_duplicates": False}]
    assert len(warnings) == 1 and "notes.json is not a list backup" in warnings[0]
    assert list_backups(str(tmp_path / "nothing")) == ([], [])


def test_a_list_backup_without_its_contacts_or_unreadable_is_refused(tmp_path):
    lists = tmp_path / "lists"
    lists.mkdir()
    write_list(lists, "cl-1", "Leads", "t")
    (lists / "cl-1.csv").unlink()
    with pytest.raises(KoreInputError, match="names its contacts file .*cl-1.csv, which is missing"):
        list_backups(str(tmp_path))
    (lists / "cl-1.json").write_text("{broken")
    with pytest.raises(KoreInputError, match="cannot be read"):
        list_backups(str(tmp_path))


def test_every_campaign_record_is_read_and_one_without_type_refused(tmp_path):
    campaigns = tmp_path / "campaigns"
    campaigns.mkdir()
    (campaigns / "cd-1.json").write_text(json.dumps({"type": "voice", "name": "Calls"}))
    assert campaign_backups(str(tmp_path)) == [(str(campaigns / "cd-1.json"), {"type": "voice", "name": "Calls"})]
    (campaigns / "cd-2.json").write_text(json.dumps({"name": "No type"}))
    with pytest.raises(KoreInputError, match="cd-2.json is not a campaign record"):
        campaign_backups(str(tmp_path))
