# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Contacts in CSV files, as Kore's own "Local Drive" import takes them: read ``contacts_file``.

A file of a million rows is checked whole before any request, but only its identities are kept. Backups are
written by ``backup.py``.
"""

from __future__ import annotations

import csv
import os
import stat

from ansible_collections.kore.ai.plugins.module_utils._contacts.identities import Identities
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import NEW, Wanted, key, phone_number, shown
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

MAX_FIELD = 4096            # characters in one value: Kore's import takes 300, so this is only a guard
MAX_COLUMNS = 150           # Kore's import keeps up to 150 columns
MAX_ROWS = 1000000          # Kore's own limit of contacts in one list
MAX_LINE = 1024 * 1024      # bytes in one line: Kore's 150 columns of 300 characters take 45 KB
_OTHER_DELIMITERS = ((";", "a semicolon"), ("\t", "a tab"))


def read_contacts_file(path, stamp=None, size=0):
    """Check the whole CSV file before any request; a :class:`Wanted` that reads the rows again to send them.

    ``stamp``: the file as an earlier check saw it (a :class:`Wanted`'s ``stamp``); a file changed since is refused.
    ``size``: its contacts then, so that the identities' table is made once at its size.
    """
    checked, stamp = stamp, _stamp(path)
    if checked is not None and stamp != checked:
        raise KoreInputError("contacts_file %s changed while the task ran; run it again" % path)
    states = Identities(size)
    for line, contact in _rows(path):
        contact_key = key(contact)
        if not states.add(contact_key, NEW):
            raise KoreInputError("contacts_file %s, line %d: %s appears twice (first on line %d); give each contact "
                                 "once" % (path, line, shown(contact_key), _first_line(path, contact_key)))
        if len(states) > MAX_ROWS:
            raise KoreInputError("contacts_file %s holds more than %d contacts, more than a Kore list can hold"
                                 % (path, MAX_ROWS))

    def rows():
        if _stamp(path) != stamp:
            raise KoreInputError("contacts_file %s changed while the task ran; run it again" % path)
        return (contact for dummy, contact in _rows(path))

    return Wanted(states, rows, path, stamp)


def _first_line(path, contact_key):
    """Only for the message about a contact given twice: the file is read again rather than a line kept per row."""
    return next(line for line, contact in _rows(path) if key(contact) == contact_key)


def _stamp(path):
    try:
        info = os.stat(path)
    except OSError as exc:
        raise KoreInputError("contacts_file %s cannot be read: %s" % (path, exc.strerror or exc))
    _regular(path, info)
    return info.st_size, info.st_mtime_ns


def _regular(path, info):
    """A FIFO would block the task for ever, a device (``/dev/zero``) never end: only a regular file is read."""
    if not stat.S_ISREG(info.st_mode):
        kind = ("a directory" if stat.S_ISDIR(info.st_mode) else "a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode)
                else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "not a file")
        raise KoreInputError("contacts_file %s is %s, not a regular file: give the path of a CSV file" % (path, kind))


def _open(path):
    # O_NONBLOCK: a FIFO put in the file's place since it was looked at must not block the open either
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        _regular(path, os.fstat(descriptor))
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _rows(path):
    """(line, contact) for each row with a phone number; any flaw is a KoreInputError naming line and column."""
    try:
        with _open(path) as handle:
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
    readline, number = handle.readline, 0
    while True:
        raw = readline(MAX_LINE + 1)  # bounded: a file of one endless line must not take all memory
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE:
            raise KoreInputError("contacts_file %s, line %d: longer than %d bytes; this is not a CSV file of contacts"
                                 % (path, number, MAX_LINE))
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
        for delimiter, word in _OTHER_DELIMITERS:
            if any("phoneNumber" in name.split(delimiter) for name in names):
                raise KoreInputError("contacts_file %s, line %d: the header holds phoneNumber joined to other names "
                                     "by %s (%s): the file separates its columns with %s, not commas. Save it as "
                                     "comma-separated CSV (CSV UTF-8 in Excel)"
                                     % (path, line, word, ascii(row[0] if len(row) == 1 else row), word))
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
    phone = contact.get("phoneNumber", "")
    try:
        contact["phoneNumber"] = phone_number(phone)
    except ValueError as exc:
        where = "contacts_file %s, line %d, column %d (phoneNumber)" % (path, line, header.index("phoneNumber") + 1)
        if not phone.strip():
            raise KoreInputError("%s: empty; every contact needs a phone number" % where)
        raise KoreInputError("%s: %s" % (where, exc))
    return contact
