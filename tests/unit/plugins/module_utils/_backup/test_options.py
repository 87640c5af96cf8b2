# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The backup options: a Backup only when asked for, a directory only once it takes files, an empty path refused."""

from __future__ import annotations

import os

import pytest

from ansible_collections.kore.ai.plugins.module_utils._backup.directory import KoreBackupError
from ansible_collections.kore.ai.plugins.module_utils._backup.options import (
    BACKUP_DIR_ARGSPEC,
    BACKUP_FILE_ARGSPEC,
    backup_directory,
    backup_file,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


def test_each_option_is_a_path_without_a_default():
    assert BACKUP_FILE_ARGSPEC == dict(backup_file=dict(type="path"))
    assert BACKUP_DIR_ARGSPEC == dict(backup_dir=dict(type="path"))


def test_a_backup_file_only_when_the_option_is_set(tmp_path):
    assert backup_file(dict(backup_file=None)) is None
    backup = backup_file(dict(backup_file=str(tmp_path / "b.csv")))
    assert (backup.path, backup.option, backup.written) == (str(tmp_path / "b.csv"), "backup_file", False)
    named = backup_file(dict(backup_dir=str(tmp_path)), "backup_dir")
    assert (named.path, named.option) == (str(tmp_path), "backup_dir")


def test_a_backup_directory_is_given_back_as_given_once_it_takes_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.mkdir("kept")
    assert backup_directory("kept") == "kept" and backup_directory(None) is None
    with pytest.raises(KoreBackupError, match="backup_dir missing does not exist. Nothing was deleted"):
        backup_directory("missing")


@pytest.mark.parametrize("given", ["", "  "])
def test_an_empty_path_is_refused_naming_the_option(given):
    with pytest.raises(KoreInputError, match="backup_dir is empty"):
        backup_directory(given)
    with pytest.raises(KoreInputError, match="backup_file is empty"):
        backup_file(dict(backup_file=given))
