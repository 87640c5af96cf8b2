# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A contacts file is checked whole before any request; only identities are kept; its rows are read again."""

from __future__ import annotations

import os

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contacts.csv_file import read_contacts_file
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import NEW
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


def write(tmp_path, text, name="contacts.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return str(path)


def test_identities_are_kept_and_rows_read_again_as_written(tmp_path):
    path = write(tmp_path, '\ufeffphoneNumber,firstName,uniqueId\n"+0049151",Ada,\n\n+1,,u-1\n')
    wanted = read_contacts_file(path)
    assert len(wanted.states) == 2 and wanted.states["p:+0049151"] == wanted.states["u:u-1"] == NEW
    assert wanted.path == path and not wanted.inline
    assert list(wanted.rows()) == [{"phoneNumber": "+0049151", "firstName": "Ada"},
                                   {"phoneNumber": "+1", "uniqueId": "u-1"}]


def test_a_contact_given_twice_names_both_lines(tmp_path):
    path = write(tmp_path, "phoneNumber,uniqueId\n+1,\n+2,\n+3,\n+1,\n")
    with pytest.raises(KoreInputError, match="line 5: phoneNumber \\+1 appears twice \\(first on line 2\\)"):
        read_contacts_file(path)


def test_a_file_changed_after_it_was_checked_is_not_sent(tmp_path):
    path = write(tmp_path, "phoneNumber\n+1\n")
    wanted = read_contacts_file(path)
    with open(path, "a") as handle:
        handle.write("+2\n")
    os.utime(path, ns=(1, 1))
    with pytest.raises(KoreInputError, match="changed while the task ran"):
        wanted.rows()


@pytest.mark.parametrize("text, message", [
    ("", "has no header row"),
    ("firstName\nAda\n", "the header has no phoneNumber column"),
    ("phoneNumber;firstName\n+1;Ada\n", "separates its columns with a semicolon"),
    ("phoneNumber,phoneNumber\n+1,+2\n", "column 'phoneNumber' is named twice"),
    ("phoneNumber\n4.91511E+12\n", "line 2, column 1 \\(phoneNumber\\): .* spreadsheet"),
    ("phoneNumber\n\"+1\n", "line 2: not valid CSV"),
    (b"phoneNumber\n+1\xff\n", "line 2, byte 3: not UTF-8"),
    ("phoneNumber\n+1\x00\n", "line 2, column 3: a NUL character"),
    ("phoneNumber,firstName\n+1,Ada,Lovelace\n", "3 fields, but the header names 2 columns"),
])
def test_a_flaw_is_refused_naming_where_it_is(tmp_path, text, message):
    with pytest.raises(KoreInputError, match=message):
        read_contacts_file(write(tmp_path, text))


def test_only_a_regular_file_is_read(tmp_path):
    with pytest.raises(KoreInputError, match="is a directory, not a regular file"):
        read_contacts_file(str(tmp_path))
    fifo = str(tmp_path / "pipe.csv")
    os.mkfifo(fifo)
    with pytest.raises(KoreInputError, match="is a FIFO"):
        read_contacts_file(fifo)
    with pytest.raises(KoreInputError, match="cannot be read: No such file"):
        read_contacts_file(str(tmp_path / "missing.csv"))
