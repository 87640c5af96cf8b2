# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Where a backup goes: an empty path is refused before anything is done, a directory must exist and take files."""

from __future__ import annotations

import os

import pytest

from ansible_collections.kore.ai.plugins.module_utils._backup.directory import (
    KoreBackupError,
    check_directory,
    required_path,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreInputError


def test_a_path_that_is_given_or_left_out_passes():
    assert required_path("backup_file", "b.csv") == "b.csv" and required_path("backup_file", None) is None


def test_an_empty_path_is_refused_and_nothing_changed():
    with pytest.raises(KoreInputError, match="backup_file is empty: .* leave backup_file out. Nothing was changed."):
        required_path("backup_file", " ")


def test_a_directory_must_exist_and_take_new_files(tmp_path, monkeypatch):
    check_directory("backup_dir here", str(tmp_path))
    with pytest.raises(KoreBackupError, match="^backup_dir there does not exist. Nothing was deleted.$"):
        check_directory("backup_dir there", str(tmp_path / "there"))
    # as a user without write permission sees it (root writes anywhere, so the permission bits alone show nothing)
    monkeypatch.setattr(os, "access", lambda path, mode: not mode & os.W_OK)
    with pytest.raises(KoreBackupError, match="^backup_dir here is not writable. Nothing was deleted.$"):
        check_directory("backup_dir here", str(tmp_path))


def test_a_backup_error_is_a_kore_error():
    assert issubclass(KoreBackupError, KoreError)
