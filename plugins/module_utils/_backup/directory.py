# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Where a backup goes: a path that is given, a directory that takes new files; the error a backup fails with."""

from __future__ import annotations

import os

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreInputError


class KoreBackupError(KoreError):
    """A backup could not be written: what it was for is left as it was."""


def required_path(option, path):
    """An empty path (an unset variable's ``default('')``) would mean no backup, or the current directory."""
    if path is not None and not path.strip():
        raise KoreInputError("%s is empty: give the path to write the backup to, or leave %s out. Nothing was "
                             "changed." % (option, option))
    return path


def check_directory(what, directory):
    """``directory`` exists and takes new files; ``what`` names it in the error."""
    if not os.path.isdir(directory):
        raise KoreBackupError("%s does not exist. Nothing was deleted." % what)
    if not os.access(directory, os.W_OK | os.X_OK):
        raise KoreBackupError("%s is not writable. Nothing was deleted." % what)
