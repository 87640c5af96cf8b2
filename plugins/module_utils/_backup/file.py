# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A backup file: complete and durable before anything is deleted, never replacing a file found at its path.

What is written is the caller's (a list's contacts as CSV, a campaign's record as JSON): it goes to a short
temporary name beside the backup, is fsynced, linked into place (a step that fails when the name exists) and the
directory fsynced. A file already at the backup's path is moved aside under a new name first.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from urllib.parse import quote

from ansible_collections.kore.ai.plugins.module_utils._backup.directory import (
    KoreBackupError,
    check_directory,
    required_path,
)
from ansible_collections.kore.ai.plugins.module_utils._backup.left_over import (
    TEMPORARY,
    locked_new,
    remove_left_over_once,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

BACKUP_MODE = 0o600
NAME_MAX = 255              # bytes in a file name on the filesystems people use (ext4, xfs, btrfs, APFS, NTFS)
PLAIN_ID = re.compile(r"[a-z0-9_-]{1,120}\Z")   # every id Kore gives: the file name as it is
SHORTENED_PREFIX = 100      # characters of an unusual id kept in its file name, before its digest
_NO_HARD_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK)


def backup_path_in(directory, item_id, extension=".csv"):
    """The backup of the item ``item_id`` (a list's, or a campaign's with ``extension`` ``.json``) in
    ``directory``: distinct ids give names distinct even without case.

    An id of lower-case letters, digits, ``-`` and ``_`` (up to 120 characters) is the name: ``<id>.csv``.
    Any other id is percent-encoded (``.`` too), cut to 100 characters, and followed by ``.`` and the first 16
    hex digits of the SHA-256 of the whole id: ``<safe prefix>.<digest>.csv``. Plain names hold no ``.``, so the
    two kinds never meet.
    """
    if PLAIN_ID.match(item_id):
        name = item_id
    else:
        raw = item_id.encode("utf-8", "surrogatepass")  # Kore's text may hold a lone surrogate
        safe = quote(raw, safe="-_").replace(".", "%2E").replace("~", "%7E")
        name = "%s.%s" % (safe[:SHORTENED_PREFIX], hashlib.sha256(raw).hexdigest()[:16])
    return os.path.join(directory, name + extension)


def same_file(first, second):
    """Whether two paths name one file, by any spelling: ``./``, ``..``, a symbolic or a hard link."""
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False  # one of them does not exist (yet)


class Backup(object):
    """A file written before anything is deleted: a campaign's record as JSON (:meth:`write_json`), or whatever
    a caller writes into it (:meth:`write_with`: a list's contacts, as ``_contacts/backup.py`` does).

    Once written, :attr:`moved` names where the files found at the path were moved to (another writer of the same
    path may publish in between); :meth:`result` says so for the task's result.
    """

    def __init__(self, path, option="backup_file"):
        self.path = os.path.abspath(required_path(option, path))
        self.directory = os.path.dirname(self.path)
        self.option = option
        self.moved = []         # where files found at the path were moved to, in order
        self.removed = []       # temporary files of writers killed part-way, removed before writing
        self.written = False

    @property
    def previous(self):
        """Where the file found at the path was moved to, or None."""
        return self.moved[0] if self.moved else None

    def refuse_over_contacts_file(self, *declared):
        """A backup written to a declared contacts file would move the contacts the list must hold aside: refuse
        it, before any request. ``declared`` are :class:`~.model.Wanted` (or None)."""
        for wanted in declared:
            if wanted is not None and wanted.path is not None and same_file(self.path, wanted.path):
                raise KoreInputError("%s %s is the contacts_file %s: the backup would overwrite the contacts the "
                                     "list must hold. Give the backup a path of its own. Nothing was changed."
                                     % (self.option, self.path, wanted.path))

    def result(self):
        """Return values once written: ``backup_file``, ``previous_backup_file`` when a file was kept, and
        ``removed_temporary_files`` when writers killed part-way had left theirs."""
        if not self.written:
            return {}
        done = {"backup_file": self.path}
        if self.moved:
            done["previous_backup_file"] = self.moved[0]
        if len(self.moved) > 1:
            done["previous_backup_files"] = list(self.moved)
        if self.removed:
            done["removed_temporary_files"] = list(self.removed)
        return done

    def check(self):
        """What a real run needs, without writing: an existing, writable directory. For check mode and before reads."""
        check_directory("%s %s: directory %s" % (self.option, self.path, self.directory), self.directory)
        if os.path.isdir(self.path):
            raise KoreBackupError("%s %s is a directory. Nothing was deleted." % (self.option, self.path))

    def write_json(self, record):
        """Write ``record`` (a campaign, say) as JSON and return the path; nothing is left behind on failure."""
        self.check()
        return self.write_with(lambda out: out.write(json.dumps(record, indent=2, sort_keys=True) + "\n"))

    def write_with(self, fill):
        """Write the backup with ``fill(out)`` (a text file) to a temporary file in the same directory, make it
        durable, link it into place (0600); nothing is left behind on failure, nor by a writer killed before
        (:func:`remove_left_over`, named in :meth:`result`)."""
        self.removed += remove_left_over_once(self.directory)
        temporary = None
        try:
            # a short name: a backup_file name as long as the filesystem allows still has room beside it
            # locked until the file is gone: a later run tells a killed writer's file by its missing lock
            handle, temporary = locked_new(lambda: tempfile.mkstemp(dir=self.directory, prefix=TEMPORARY[0],
                                                                    suffix=TEMPORARY[1]))
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                os.fchmod(handle, BACKUP_MODE)
                fill(out)
                out.flush()
                os.fsync(out.fileno())
                self.publish(temporary)
                _sync_directory(self.directory)
                os.unlink(temporary)
                temporary = None
            self.written = True
            return self.path
        except OSError as exc:
            raise self.failed(exc)
        finally:
            if temporary is not None:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass

    def failed(self, exc):
        return KoreBackupError("%s %s could not be written: %s. Nothing was deleted."
                               % (self.option, self.path, getattr(exc, "strerror", None) or exc))

    def publish(self, temporary):
        """Give the written ``temporary`` file the backup's name with a step that fails when the name exists, so
        that no other writer's file is ever replaced; a file found there is moved aside first."""
        for dummy in range(100):
            try:
                self._take_name(temporary)
                return
            except FileExistsError:
                self.keep_previous()
        raise KoreBackupError("%s %s: other writers kept taking the name. Nothing was deleted."
                              % (self.option, self.path))

    def _take_name(self, temporary):
        """A hard link to ``temporary``; on a filesystem without them, the name created exclusively (``O_EXCL``)
        and the file copied into it. Either raises FileExistsError when the name is taken."""
        try:
            os.link(temporary, self.path)
            return
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, BACKUP_MODE)
        try:
            with os.fdopen(descriptor, "wb") as out, open(temporary, "rb") as source:
                shutil.copyfileobj(source, out)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            os.unlink(self.path)  # ours, made a moment ago: no short backup is left under the name
            raise

    def keep_previous(self):
        """Move the file at the path to a name of its own (``<name>.<pid>.<time>~``, as ansible.builtin.copy's
        ``backup`` does). The name is taken exclusively first, and a rename moves whatever file is at the path at
        that instant, so a file another writer published meanwhile is kept too, never replaced."""
        descriptor, kept = self._fresh_name()
        try:
            os.rename(self.path, kept)
        except FileNotFoundError:  # another writer moved it aside already
            os.unlink(kept)
            return
        finally:
            os.close(descriptor)  # the name's lock: held while it was an empty name (remove_left_over)
        self.moved.append(kept)

    def _fresh_name(self):
        base = os.path.basename(self.path)
        stamp = ".%d.%s" % (os.getpid(), time.strftime("%Y-%m-%d@%H:%M:%S"))
        for attempt in range(100):
            suffix = "%s%s~" % (stamp, ".%d" % attempt if attempt else "")
            # a name as long as the filesystem allows has no room for the suffix: shorten the name's start
            room = NAME_MAX - len(suffix.encode("utf-8"))
            name = base.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore") + suffix
            kept = os.path.join(self.directory, name)
            try:
                return locked_new(lambda path=kept: (os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, BACKUP_MODE),
                                                     path))
            except FileExistsError:
                continue
        raise KoreBackupError("%s %s exists, and no free name was found to keep it under. Nothing was deleted."
                              % (self.option, self.path))


def _sync_directory(directory):
    """The rename is only durable once the directory itself is on disk."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
