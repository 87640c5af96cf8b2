# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A list's contacts as a CSV backup: every column, every value as text, nothing a restore could not read back."""

from __future__ import annotations

import csv
import os

import pytest

from ansible_collections.kore.ai.plugins.module_utils._backup.directory import KoreBackupError
from ansible_collections.kore.ai.plugins.module_utils._backup.file import Backup
from ansible_collections.kore.ai.plugins.module_utils._contacts.backup import spool_contacts, write_contacts


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_every_column_is_kept_phone_number_first_and_kores_own_fields_left_out(tmp_path):
    path = str(tmp_path / "b.csv")
    pages = [[{"_id": "cc-1", "firstName": "Ann", "phoneNumber": "+1"}], [{"phoneNumber": "+2", "age": 7, "vip": True}]]
    assert write_contacts(Backup(path), pages) == path
    assert rows(path) == [["phoneNumber", "firstName", "age", "vip"], ["+1", "Ann", "", ""], ["+2", "", "7", "true"]]
    assert open(path, encoding="utf-8", newline="").read().startswith('"phoneNumber","firstName"')


def test_an_empty_list_backs_up_to_its_header(tmp_path):
    write_contacts(Backup(str(tmp_path / "empty.csv")), [])
    assert rows(str(tmp_path / "empty.csv")) == [["phoneNumber"]]


def test_a_spool_discarded_before_commit_leaves_nothing(tmp_path):
    spool = spool_contacts(Backup(str(tmp_path / "b.csv")))
    spool.add([{"phoneNumber": "+1"}])
    spool.discard()
    assert os.listdir(tmp_path) == []


def test_a_value_utf8_cannot_hold_fails_naming_it_and_leaves_nothing(tmp_path):
    backup = Backup(str(tmp_path / "b.csv"))
    with pytest.raises(KoreBackupError) as caught:
        write_contacts(backup, [[{"phoneNumber": "+1"}, {"phoneNumber": "+2", "lastName": "X\ud800"}]])
    assert "cannot hold contact 'phoneNumber +2': its lastName is 'X\\ud800'" in str(caught.value)
    assert "Nothing was deleted" in str(caught.value) and os.listdir(tmp_path) == []


@pytest.mark.parametrize("number", ["+1 555 CALL", "4.91511E+12", "", 15550100.5])
def test_a_contact_no_backup_could_restore_refuses_the_backup(tmp_path, number):
    with pytest.raises(KoreBackupError, match="could not restore contact .*Nothing was deleted"):
        write_contacts(Backup(str(tmp_path / "b.csv")), [[{"phoneNumber": "+1 555-010-0001"}], [{"phoneNumber": number}]])
    assert os.listdir(tmp_path) == []
