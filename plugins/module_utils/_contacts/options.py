# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contacts options of the list modules (the kore.ai.contacts doc fragment): spec, defaults and checks."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._wait import WAIT_ARGSPEC

MAX_RETURNED = 20000        # return_contacts: a larger list belongs in backup_file

CONTACTS_ARGSPEC = dict(
    purge_contacts=dict(type="bool", default=False),
    **WAIT_ARGSPEC
)


def declared_contacts(params):
    """The contacts the task declares (``contacts`` or ``contacts_file``): a :class:`~.model.Wanted`, or None."""
    if params["contacts"] is None and params["contacts_file"] is None:
        return None
    # imported only when set: a module process compiles every file it imports on every task, and most tasks
    # declare no contacts (docs/performance.md)
    from ansible_collections.kore.ai.plugins.module_utils._contacts.declared import declared

    return declared(params["contacts"], params["contacts_file"])


def refuse_contacts_when_absent(params):
    """kore_contact_list's contacts options say what a list holds, which means nothing for a list to delete."""
    if params["contacts"] is not None or params["contacts_file"] is not None or params["purge_contacts"]:
        raise KoreInputError("contacts, contacts_file and purge_contacts are for state: present; to delete a list "
                             "with its contacts, use state: absent alone (backup_file keeps a copy)")
