# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The backup options, one group for every module that writes a backup before it deletes: ``backup_file`` (one
item's) and ``backup_dir`` (a set's, or a whole bot's), each with its spec, its default and its check."""

from __future__ import annotations

import os

from ansible_collections.kore.ai.plugins.module_utils._backup.directory import check_directory, required_path

BACKUP_FILE_ARGSPEC = dict(backup_file=dict(type="path"))
BACKUP_DIR_ARGSPEC = dict(backup_dir=dict(type="path"))


def backup_file(params, option="backup_file"):
    """The :class:`~.file.Backup` the option asks for, or None when it is not set."""
    if params[option] is None:
        return None
    # imported only when set: a module process compiles every file it imports on every task, and most tasks keep
    # no backup (docs/performance.md)
    from ansible_collections.kore.ai.plugins.module_utils._backup.file import Backup

    return Backup(params[option], option)


def backup_directory(directory, option="backup_dir"):
    """``directory`` as given, once it exists and takes new files; None when it is not set."""
    if required_path(option, directory) is not None:
        check_directory("%s %s" % (option, directory), os.path.abspath(directory))
    return directory
