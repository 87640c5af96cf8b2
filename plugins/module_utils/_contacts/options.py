# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contacts options of the list modules (the kore.ai.contacts doc fragment): spec, defaults and checks."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

WAIT_TIMEOUT = 120          # the wait_timeout option's default
MAX_WAIT_TIMEOUT = 3600

CONTACTS_ARGSPEC = dict(
    purge_contacts=dict(type="bool", default=False),
    wait_timeout=dict(type="int", default=WAIT_TIMEOUT),
)


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
