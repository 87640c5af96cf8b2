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
