# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contacts options of the list modules (the kore.ai.contacts doc fragment): spec, defaults and checks."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

WAIT_TIMEOUT = 120          # the wait_timeout option's default
MAX_WAIT_TIMEOUT = 3600
MAX_RETURNED = 20000        # return_contacts: a larger list belongs in backup_file

CONTACTS_ARGSPEC = dict(
    purge_contacts=dict(type="bool", default=False),
    wait_timeout=dict(type="int", default=WAIT_TIMEOUT),
)


# The two functions below import the code behind an option only when it is set: a module process compiles every
# file it imports on every task, and most tasks declare no contacts and keep no backup (docs/performance.md).

def declared_contacts(params):
    """The contacts the task declares (``contacts`` or ``contacts_file``): a :class:`~.model.Wanted`, or None."""
    if params["contacts"] is None and params["contacts_file"] is None:
        return None
    from ansible_collections.kore.ai.plugins.module_utils._contacts.declared import declared

    return declared(params["contacts"], params["contacts_file"])


def backup_option(params, option="backup_file"):
    """The :class:`~.backup.Backup` the option asks for, or None when it is not set."""
    if params[option] is None:
        return None
    from ansible_collections.kore.ai.plugins.module_utils._contacts.backup import Backup

    return Backup(params[option], option)


def checked_wait_timeout(wait_timeout):
    """``wait_timeout`` when it is one a user can mean; refused before any request otherwise."""
    if not 1 <= wait_timeout <= MAX_WAIT_TIMEOUT:
        raise KoreInputError("wait_timeout must be between 1 and %d seconds, got %d" % (MAX_WAIT_TIMEOUT, wait_timeout))
    return wait_timeout


def refuse_contacts_when_absent(params):
    """kore_contact_list's contacts options say what a list holds, which means nothing for a list to delete."""
    if params["contacts"] is not None or params["contacts_file"] is not None or params["purge_contacts"]:
        raise KoreInputError("contacts, contacts_file and purge_contacts are for state: present; to delete a list "
                             "with its contacts, use state: absent alone (backup_file keeps a copy)")
