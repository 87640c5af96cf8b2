# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A contact list together with its contacts, as kore_contact_list and kore_contact_list_info declare them."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._contact_list import (
    KoreConflictError,
    describe_lists,
    ensure_absent,
    ensure_present,
    label,
)
from ansible_collections.kore.ai.plugins.module_utils._contacts import clean, identities, sync
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


def ensure_list_present(lists, contacts_api, list_id=None, name=None, description=None, allow_duplicates=None,
                        contacts=None, purge_contacts=False, force=False, return_contacts=False, check_mode=False):
    """The list as declared and, when ``contacts`` is given, holding them (with ``purge_contacts``, only them)."""
    wanted = clean(contacts) if contacts is not None else None
    if purge_contacts and wanted is None:
        raise KoreInputError("purge_contacts needs contacts: the contacts the list must hold, and nothing else")
    outcome = ensure_present(lists, list_id, name, description, allow_duplicates, check_mode)
    if wanted is None and not return_contacts:
        return outcome
    synced = sync(lists, contacts_api, outcome.record, wanted or [], purge_contacts, force,
                  exists=not (check_mode and outcome.created), check_mode=check_mode)
    outcome.changed = outcome.changed or synced.changed
    verb = "would be " if check_mode else ""
    if synced.recreated:
        outcome.record = synced.record
        outcome.msg += "; deleted and %screated again (%s -> %s) to drop contacts not in contacts" % (
            verb, synced.recreated["old_id"], synced.recreated["new_id"] or "a new id")
        outcome.extra["recreated"] = synced.recreated
    if synced.added:
        outcome.msg += "; %d contacts %sadded" % (len(synced.added), verb)
    if wanted is not None:
        outcome.extra["contacts_added"] = synced.added
        outcome.before = dict(outcome.before, contacts=identities(synced.before)) if outcome.before else {}
        after = outcome.record if synced.recreated else (outcome.after or outcome.record)
        outcome.after = dict(after, contacts=identities(synced.after))
    if return_contacts:
        outcome.extra["contacts"] = synced.after
    return outcome


def ensure_list_absent(lists, contacts_api, list_id=None, name=None, force=False, contacts=None,
                       purge_contacts=False, return_contacts=False, check_mode=False):
    """Delete the list; with ``return_contacts``, its contacts are read first and returned with the record."""
    if contacts is not None or purge_contacts:
        raise KoreInputError("contacts and purge_contacts are for state: present; to delete a list with its "
                             "contacts, use state: absent alone (return_contacts: true keeps a copy)")
    if not return_contacts:
        return ensure_absent(lists, list_id, name, force, check_mode)
    backup = {"contacts": []}

    def read_contacts(record):
        backup["contacts"] = contacts_api.read(record["_id"])

    outcome = ensure_absent(lists, list_id, name, force, check_mode, before_delete=read_contacts)
    outcome.extra["contacts"] = backup["contacts"]
    return outcome


def describe_with_contacts(lists, contacts_api, list_id=None, name=None, return_contacts=False):
    """For the _info module: the records, and with ``return_contacts`` the contacts of the one list meant."""
    records = describe_lists(lists, list_id, name)
    if not return_contacts:
        return records, None
    if not (list_id or name):
        raise KoreInputError("return_contacts needs id or name: the one list whose contacts to return")
    if len(records) > 1:
        raise KoreConflictError("%d contact lists are named %r (%s); use id to say whose contacts to return"
                                % (len(records), name, ", ".join(label(r) for r in records)))
    return records, (contacts_api.read(records[0]["_id"]) if records else [])
