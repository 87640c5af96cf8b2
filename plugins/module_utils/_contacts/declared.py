# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contacts a task declares for a list: inline (``contacts``) or in a CSV file (``contacts_file``)."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._contacts.csv_file import read_contacts_file
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import Wanted, clean
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


def declared(contacts=None, contacts_file=None, *, read_later=False):
    """The declared contacts, checked whole before any request: a :class:`~.model.Wanted`, or None for none.

    ``read_later``: a file is checked now but its identities are not kept: a :class:`CheckedFile`, whose
    ``read()`` gives the Wanted when its list is worked.
    """
    if contacts is not None and contacts_file is not None:
        raise KoreInputError("contacts and contacts_file are mutually exclusive: declare the contacts inline or in "
                             "a CSV file, not both")
    if contacts_file is not None:
        return CheckedFile(contacts_file) if read_later else read_contacts_file(contacts_file)
    return Wanted.of(clean(contacts)) if contacts is not None else None


class CheckedFile(object):
    """A ``contacts_file`` checked whole when the task starts, and read again when its list is worked: a set of a
    thousand lists holds the identities of the lists in work, not those of every file it declares."""

    inline = False

    def __init__(self, path):
        checked = read_contacts_file(path)
        self.path, self.stamp, self.size = path, checked.stamp, checked.size

    def read(self):
        """The file's :class:`~.model.Wanted`; a file changed since its check is refused."""
        return read_contacts_file(self.path, self.stamp, self.size)
