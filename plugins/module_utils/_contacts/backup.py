# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A list's contacts as a CSV backup: every contact restorable, every column kept.

Pages are spooled to an anonymous temporary file as they are read, then written out as CSV once every column is
known, through a :class:`~..._backup.file.Backup`, which makes the file durable and never replaces another. Every
contact written must restore: a backup is read back as ``contacts_file``.
"""

from __future__ import annotations

import csv
import json
import tempfile

from ansible_collections.kore.ai.plugins.module_utils._backup.directory import KoreBackupError
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import KORE_OWN_FIELDS, key, phone_number, shown


def spool_contacts(backup):
    """A spool for ``backup`` (a :class:`~..._backup.file.Backup`): ``add`` pages, then ``commit`` or ``discard``."""
    backup.check()
    try:
        return _Spool(backup)
    except OSError as exc:
        raise backup.failed(exc)


def write_contacts(backup, pages):
    """Write every contact of ``pages`` to ``backup`` and return its path; nothing is left behind on failure."""
    spool = spool_contacts(backup)
    try:
        for page in pages:
            spool.add(page)
        return spool.commit()
    finally:
        spool.discard()


class _Spool(object):
    """Contacts as JSON lines in a temporary file beside the backup, until every column is known."""

    def __init__(self, backup):
        self.backup = backup
        self.file = tempfile.TemporaryFile(mode="w+", encoding="utf-8", dir=backup.directory)
        self.columns = {"phoneNumber": None}  # dict: the columns in the order first seen, phoneNumber first

    def add(self, page):
        try:
            for contact in page:
                fields = dict((k, v) for k, v in contact.items() if k not in KORE_OWN_FIELDS and v is not None)
                self._restorable(fields)
                for name in fields:
                    if name not in self.columns:
                        self.columns[name] = None
                self.file.write(json.dumps(fields) + "\n")
        except OSError as exc:
            raise self.backup.failed(exc)

    def _restorable(self, fields):
        """A contact whose phone number the collection itself would refuse to read back cannot be restored from
        the backup: refuse the backup, and so the delete, naming it."""
        try:
            phone_number(_text(fields.get("phoneNumber")))
        except ValueError as exc:
            raise KoreBackupError(
                "%s %s could not restore contact %s of the list: its phoneNumber %s. Nothing was deleted; fix the "
                "contact in Kore, or delete the list without a backup" % (
                    self.backup.option, self.backup.path, ascii(shown(key(fields))), exc))

    def commit(self):
        """Write the CSV, durably, under the backup's name (:meth:`Backup.write_with`)."""
        try:
            self.file.seek(0)
        except OSError as exc:
            raise self.backup.failed(exc)
        return self.backup.write_with(self._write_csv)

    def _write_csv(self, out):
        # every value quoted, so that Kore's own import reads phone numbers as text
        writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        columns = list(self.columns)
        writer.writerow(columns)
        for line in self.file:
            contact = json.loads(line)
            try:
                writer.writerow([_text(contact.get(name)) for name in columns])
            except UnicodeEncodeError:
                name = next(n for n in columns if not _encodable(_text(contact.get(n))))
                raise KoreBackupError(
                    "%s %s cannot hold contact %s: its %s is %s, which is not text UTF-8 can write (Kore gave a "
                    "broken character), so no backup could restore it. Nothing was deleted."
                    % (self.backup.option, self.backup.path, ascii(shown(key(contact))), name,
                       ascii(contact.get(name))))

    def discard(self):
        self.file.close()


def _encodable(text):
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _text(value):
    """A value as CSV text: strings as they are, numbers and booleans as JSON writes them."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value)
