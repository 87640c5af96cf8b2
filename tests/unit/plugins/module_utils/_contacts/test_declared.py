# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contacts a task declares: inline or a file, never both."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contacts.declared import declared
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


def test_none_declared_is_none_and_both_are_refused(tmp_path):
    assert declared() is None
    with pytest.raises(KoreInputError, match="mutually exclusive"):
        declared([{"phoneNumber": "+1"}], str(tmp_path / "c.csv"))


def test_inline_contacts_are_cleaned_and_a_file_is_read(tmp_path):
    inline = declared([{"phoneNumber": " +1 ", "_id": "cc-1"}])
    assert inline.inline and list(inline.rows()) == [{"phoneNumber": "+1"}]
    path = tmp_path / "c.csv"
    path.write_text("phoneNumber\n+2\n")
    from_file = declared(contacts_file=str(path))
    assert from_file.path == str(path) and list(from_file.rows()) == [{"phoneNumber": "+2"}]


def test_a_file_read_later_is_checked_now_keeps_no_identity_and_is_read_when_asked(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("phoneNumber,uniqueId\n+2,a\n+3,b\n")
    checked = declared(contacts_file=str(path), read_later=True)
    assert checked.size == 2 and not checked.inline and checked.path == str(path)
    assert not hasattr(checked, "states")
    wanted = checked.read()
    assert len(wanted.states) == 2 and "u:a" in wanted.states and "u:b" in wanted.states
    assert wanted.path == str(path)
    wanted.forget()
    assert len(wanted.states) == 0 and "u:a" not in wanted.states
    inline = declared([{"phoneNumber": "+1"}], read_later=True)
    assert inline.read() is inline and inline.size == 1
    inline.forget()
    assert inline.size == 1  # inline contacts are the task's own arguments: nothing to let go


def test_a_file_read_later_is_refused_at_once_when_bad_and_when_it_changed_since_its_check(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("phoneNumber\n+2\n+2\n")
    with pytest.raises(KoreInputError, match="appears twice"):
        declared(contacts_file=str(path), read_later=True)
    path.write_text("phoneNumber\n+2\n")
    checked = declared(contacts_file=str(path), read_later=True)
    path.write_text("phoneNumber\n+2\n+4\n")
    with pytest.raises(KoreInputError, match="changed while the task ran"):
        checked.read()
