# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A list backup that describes itself: its record beside its contacts, with what a restore needs, never over an
earlier one."""

from __future__ import annotations

import json
import os

import pytest

from ansible_collections.kore.ai.plugins.module_utils._backup.file import Backup
from ansible_collections.kore.ai.plugins.module_utils._contacts.backup import write_contacts
from ansible_collections.kore.ai.plugins.module_utils._contacts.described import (
    FORMAT,
    allows_duplicates,
    describe,
    record_path,
)

RECORD = {"_id": "cl-1", "name": "Leads", "description": "d", "listType": "call",
          "apiConfigurations": {"dataSyncMode": "dontAllowDuplicates"}}


def test_the_record_goes_beside_the_contacts():
    assert record_path("/b/cl-1.csv") == "/b/cl-1.json"
    assert record_path("/b/leads.backup") == "/b/leads.backup.json"
    longest = "b" * 251 + ".bak"  # 255 bytes, the filesystem's limit: the record's name stays within it
    assert record_path("/b/" + longest) == "/b/" + "b" * 250 + ".json"


@pytest.mark.parametrize("record, whole, expected", [
    ({"allowDuplicates": True}, None, True),
    ({"apiConfigurations": {"dataSyncMode": "allowDuplicates"}}, None, True),
    (RECORD, None, False),
    ({}, {"allowDuplicates": True}, True),
    ({}, None, None),
])
def test_the_duplicates_policy_is_read_from_what_the_record_says_or_from_kore(record, whole, expected):
    reads = []
    assert allows_duplicates(record, lambda: reads.append(1) or whole) is expected
    assert len(reads) == (1 if "allowDuplicates" not in record and "apiConfigurations" not in record else 0)


def test_a_backup_describes_itself_and_a_later_one_keeps_the_earlier(tmp_path):
    backup = Backup(str(tmp_path / "cl-1.csv"))
    write_contacts(backup, [[{"phoneNumber": "+15550100"}]])
    first = describe(backup, RECORD, lambda: None)
    saved = json.loads(open(first).read())
    assert first == str(tmp_path / "cl-1.json") and saved["format"] == FORMAT
    assert (saved["name"], saved["description"], saved["allowDuplicates"], saved["id"], saved["contacts_file"]) == (
        "Leads", "d", False, "cl-1", "cl-1.csv")
    assert saved["record"] == RECORD and saved["backed_up_at"].endswith("Z")
    describe(backup, dict(RECORD, description="later"), lambda: None)
    kept = [n for n in os.listdir(tmp_path) if n.endswith("~")]
    assert len(kept) == 1 and json.loads((tmp_path / kept[0]).read_text())["description"] == "d"
    assert json.loads((tmp_path / "cl-1.json").read_text())["description"] == "later"
