# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contacts a task declares for a list: inline (``contacts``) or in a CSV file (``contacts_file``)."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._contacts.csv_file import read_contacts_file
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import Wanted, clean
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


def declared(contacts=None, contacts_file=None):
    """The declared contacts, checked whole before any request: a :class:`~.model.Wanted`, or None for none."""
    if contacts is not None and contacts_file is not None:
        raise KoreInputError("contacts and contacts_file are mutually exclusive: declare the contacts inline or in "
                             "a CSV file, not both")
    if contacts_file is not None:
        return read_contacts_file(contacts_file)
    return Wanted.of(clean(contacts)) if contacts is not None else None
