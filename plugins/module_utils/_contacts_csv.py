# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Contacts in CSV files, as Kore's own "Local Drive" import takes them: read ``contacts_file``, write backups.

Both stream: a file of a million rows is checked whole before any request, but only its identities are kept;
a backup is spooled to disk page by page and written out once its columns are known.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from urllib.parse import quote

from ansible_collections.kore.ai.plugins.module_utils._contacts import KORE_OWN_FIELDS, NEW, Wanted, key, shown
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreInputError

MAX_FIELD = 4096            # characters in one value: Kore's import takes 300, so this is only a guard
MAX_COLUMNS = 150           # Kore's import keeps up to 150 columns
MAX_ROWS = 1000000          # Kore's own limit of contacts in one list
BACKUP_MODE = 0o600


class KoreBackupError(KoreError):
    """A backup could not be written: the list it was for is left as it was."""


def read_contacts_file(path):
    """Check the whole CSV file before any request; a :class:`Wanted` that reads the rows again to send them."""
    states, stamp = {}, _stamp(path)
    for line, contact in _rows(path):
        contact_key = key(contact)
        if contact_key in states:
            raise KoreInputError("contacts_file %s, line %d: %s appears twice (first on line %d); give each contact "
                                 "once" % (path, line, shown(contact_key), states[contact_key]))
        states[contact_key] = line
        if len(states) > MAX_ROWS:
            raise KoreInputError("contacts_file %s holds more than %d contacts, more than a Kore list can hold"
                                 % (path, MAX_ROWS))
    for contact_key in states:
        states[contact_key] = NEW

    def rows():
        if _stamp(path) != stamp:
            raise KoreInputError("contacts_file %s changed while the task ran; run it again" % path)
        return (contact for dummy, contact in _rows(path))

    return Wanted(states, rows, inline=False)


def _stamp(path):
    try:
        info = os.stat(path)
    except OSError as exc:
        raise KoreInputError("contacts_file %s cannot be read: %s" % (path, exc.strerror or exc))
    return info.st_size, info.st_mtime_ns


def _rows(path):
    """(line, contact) for each row with a phone number; any flaw is a KoreInputError naming line and column."""
    try:
        with open(path, "rb") as handle:
            reader = csv.reader(_lines(path, handle), strict=True)
            header = None
            while True:
                start = reader.line_num + 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    raise KoreInputError("contacts_file %s, line %d: not valid CSV: %s" % (path, start, exc))
                if not row or row == [""]:
                    continue  # an empty line
                if header is None:
                    header = _header(path, start, row)
                    continue
                yield start, _contact(path, start, header, row)
            if header is None:
                raise KoreInputError("contacts_file %s has no header row: the first line must name the columns, "
                                     "phoneNumber among them" % path)
    except OSError as exc:
        raise KoreInputError("contacts_file %s cannot be read: %s" % (path, exc.strerror or exc))


def _lines(path, handle):
    """The file's lines as text: UTF-8 (a byte-order mark at the start is dropped), no NUL."""
    for number, raw in enumerate(handle, 1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise KoreInputError("contacts_file %s, line %d, byte %d: not UTF-8 (save the file as UTF-8)"
                                 % (path, number, exc.start + 1))
        if number == 1 and text.startswith("\ufeff"):
            text = text[1:]
        if "\x00" in text:
            raise KoreInputError("contacts_file %s, line %d, column %d: a NUL character; this is not a text CSV file"
                                 % (path, number, text.index("\x00") + 1))
        yield text


def _header(path, line, row):
    names = [name.strip() for name in row]
    for column, name in enumerate(names, 1):
        if not name:
            raise KoreInputError("contacts_file %s, line %d, column %d: the header has an empty column name"
                                 % (path, line, column))
        if len(name) > MAX_FIELD:
            raise KoreInputError("contacts_file %s, line %d, column %d: a column name of %d characters"
                                 % (path, line, column, len(name)))
        if names.index(name) != column - 1:
            raise KoreInputError("contacts_file %s, line %d, column %d: column %r is named twice"
                                 % (path, line, column, name))
    if "phoneNumber" not in names:
        raise KoreInputError("contacts_file %s, line %d: the header has no phoneNumber column (Kore's field names: "
                             "phoneNumber, firstName, lastName, timeZone, uniqueId, contactPriority, ...)" % (path, line))
    if len(names) > MAX_COLUMNS:
        raise KoreInputError("contacts_file %s, line %d: %d columns; Kore keeps at most %d"
                             % (path, line, len(names), MAX_COLUMNS))
    return names


def _contact(path, line, header, row):
    if len(row) > len(header):
        raise KoreInputError("contacts_file %s, line %d: %d fields, but the header names %d columns"
                             % (path, line, len(row), len(header)))
    if max(map(len, row)) > MAX_FIELD:
        column = next(i for i, value in enumerate(row, 1) if len(value) > MAX_FIELD)
        raise KoreInputError("contacts_file %s, line %d, column %d (%s): a value of %d characters; at most %d"
                             % (path, line, column, header[column - 1], len(row[column - 1]), MAX_FIELD))
    # text exactly as written: a phone number never becomes a number; an empty cell is no field
    contact = {name: value for name, value in zip(header, row) if value}
    if not contact.get("phoneNumber", "").strip():
        raise KoreInputError("contacts_file %s, line %d, column %d (phoneNumber): empty; every contact needs a phone "
                             "number" % (path, line, header.index("phoneNumber") + 1))
    return contact


# ---- backups ---------------------------------------------------------------------------------------------------

def backup_path_in(directory, list_id):
    """``<directory>/<list id>.csv``, the id made safe for a file name: it is Kore's text and may hold / or .."""
    safe = quote(list_id, safe="-_").replace(".", "%2E")[:200]
    path = os.path.join(directory, safe + ".csv")
    if os.path.dirname(os.path.abspath(path)) != os.path.abspath(directory):
        raise KoreBackupError("no safe backup file name for contact list id %r" % list_id)
    return path


def check_directory(what, directory):
    """``directory`` exists and takes new files; ``what`` names it in the error."""
    if not os.path.isdir(directory):
        raise KoreBackupError("%s does not exist. Nothing was deleted." % what)
    if not os.access(directory, os.W_OK | os.X_OK):
        raise KoreBackupError("%s is not writable. Nothing was deleted." % what)


class Backup(object):
    """A CSV file every contact of a list is written to before the list is deleted."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        self.directory = os.path.dirname(self.path)

    def check(self):
        """What a real run needs, without writing: an existing, writable directory. For check mode and before reads."""
        check_directory("backup_file %s: directory %s" % (self.path, self.directory), self.directory)
        if os.path.isdir(self.path):
            raise KoreBackupError("backup_file %s is a directory. Nothing was deleted." % self.path)

    def spool(self):
        self.check()
        try:
            return _Spool(self)
        except OSError as exc:
            raise self.failed(exc)

    def write(self, pages):
        """Write every contact of ``pages`` and return the path; nothing is left behind on failure."""
        spool = self.spool()
        try:
            for page in pages:
                spool.add(page)
            return spool.commit()
        finally:
            spool.discard()

    def failed(self, exc):
        return KoreBackupError("backup_file %s could not be written: %s. Nothing was deleted."
                               % (self.path, getattr(exc, "strerror", None) or exc))


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
                for name in fields:
                    if name not in self.columns:
                        self.columns[name] = None
                self.file.write(json.dumps(fields) + "\n")
        except OSError as exc:
            raise self.backup.failed(exc)

    def commit(self):
        """Write the CSV to a temporary file in the same directory, then rename it into place (0600)."""
        backup, temporary = self.backup, None
        try:
            self.file.seek(0)
            handle, temporary = tempfile.mkstemp(dir=backup.directory, prefix=".%s." % os.path.basename(backup.path),
                                                 suffix=".tmp")
            os.fchmod(handle, BACKUP_MODE)
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                # every value quoted, so that Kore's own import reads phone numbers as text
                writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
                columns = list(self.columns)
                writer.writerow(columns)
                for line in self.file:
                    contact = json.loads(line)
                    writer.writerow([_text(contact.get(name)) for name in columns])
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, backup.path)
            temporary = None
            return backup.path
        except OSError as exc:
            raise backup.failed(exc)
        finally:
            if temporary is not None:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass

    def discard(self):
        self.file.close()


def _text(value):
    """A value as CSV text: strings as they are, numbers and booleans as JSON writes them."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value)
