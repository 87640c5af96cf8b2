# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a backup writer killed part-way leaves, and how a later run tells it from a live writer's file: a writer
locks each file it makes beside a backup for as long as it is in use (a kill releases the lock), so what nobody
locks is left over, and is removed."""

from __future__ import annotations

import errno
import fcntl
import os
import re
import threading

TEMPORARY = (".kore-", ".tmp")  # prefix and suffix of a backup's temporary file, beside the backup
# the name a file moved aside gets (Backup.keep_previous): made empty a moment before the file is renamed onto it
KEPT_NAME = re.compile(r".*\.[0-9]+\.[0-9]{4}-[0-9]{2}-[0-9]{2}@[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?~\Z", re.S)


def remove_left_over(directory):
    """Remove what writers killed part-way left in ``directory`` and return the paths.

    A writer holds a lock on its temporary file for as long as the file exists (:meth:`Backup.write_with`), and on
    an empty name it made to keep a file under until the file is moved onto it (:meth:`Backup.keep_previous`); a
    kill releases both. So an unlocked temporary file, or an unlocked name still empty, is left over: its list was
    not deleted, since nothing is deleted before its backup is in place, and no backup is empty (a CSV has its
    header, a record its braces).
    """
    removed = []
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return removed
    for name in names:
        temporary = name.startswith(TEMPORARY[0]) and name.endswith(TEMPORARY[1])
        if not temporary and not KEPT_NAME.match(name):
            continue
        path = os.path.join(directory, name)
        try:
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # fails while its writer lives
            if temporary or os.fstat(descriptor).st_size == 0:
                os.unlink(path)
                removed.append(path)
        except OSError:
            continue
        finally:
            os.close(descriptor)
    return removed


_SWEPT = set()                  # the directories this process has swept
_SWEEPING = threading.Lock()


def remove_left_over_once(directory):
    """:func:`remove_left_over` the first time this process asks for ``directory``, before its first backup
    there; nothing after that. A file of its own writers, made later, is never taken for a left-over in the
    instant between its creation and its lock (a set's lists are written on several threads)."""
    with _SWEEPING:
        if directory in _SWEPT:
            return []
        _SWEPT.add(directory)
        return remove_left_over(directory)


def locked_new(make):
    """A new file from ``make()`` (a descriptor and its path), locked; made again if a sweep of left-overs
    (:func:`remove_left_over`) took it in the moment between its creation and the lock."""
    for dummy in range(100):
        descriptor, path = make()
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        try:
            if os.path.samestat(os.fstat(descriptor), os.stat(path)):
                return descriptor, path
        except FileNotFoundError:
            pass
        os.close(descriptor)
    raise OSError(errno.EEXIST, "no new file could be kept")
