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
from ansible_collections.kore.ai.plugins.module_utils._contacts import Wanted, clean, identities, sync
from ansible_collections.kore.ai.plugins.module_utils._contacts_backup import Backup, same_file
from ansible_collections.kore.ai.plugins.module_utils._contacts_csv import read_contacts_file
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreInputError, with_done


def wanted_contacts(contacts=None, contacts_file=None, where=""):
    """The declared contacts, checked whole before any request: a :class:`Wanted`, or None when none are declared."""
    if contacts is not None and contacts_file is not None:
        raise KoreInputError("%scontacts and contacts_file are mutually exclusive: declare the contacts inline or "
                             "in a CSV file, not both" % where)
    if contacts_file is not None:
        return read_contacts_file(contacts_file)
    return Wanted.of(clean(contacts)) if contacts is not None else None


def ensure_list_present(lists, contacts_api, list_id=None, name=None, description=None, allow_duplicates=None,
                        contacts=None, purge_contacts=False, force=False, return_contacts=False, check_mode=False,
                        contacts_file=None, backup_file=None):
    """The list as declared and, when contacts are declared, holding them (with ``purge_contacts``, only them)."""
    wanted = wanted_contacts(contacts, contacts_file)
    if purge_contacts and wanted is None:
        raise KoreInputError("purge_contacts needs contacts or contacts_file: the contacts the list must hold, and "
                             "nothing else")
    backup = Backup(backup_file) if backup_file is not None else None
    if backup is not None:
        if not purge_contacts:
            raise KoreInputError("backup_file with state: present is written only when purge_contacts recreates the "
                                 "list; set purge_contacts: true, or use backup_file with state: absent")
        if contacts_file is not None and same_file(backup.path, contacts_file):
            raise KoreInputError("backup_file %s is the contacts_file %s: the backup would overwrite the contacts the "
                                 "list must hold. Give the backup a path of its own. Nothing was changed."
                                 % (backup.path, contacts_file))
        backup.check()
    outcome = ensure_present(lists, list_id, name, description, allow_duplicates, check_mode)
    if wanted is None:
        if return_contacts:  # read once, and a list too large to return is refused before that
            exists = "_id" in outcome.record
            outcome.extra["contacts"] = contacts_api.read(outcome.record["_id"]) if exists else []
        return outcome
    synced = sync(lists, contacts_api, outcome.record, wanted, purge_contacts, force,
                  exists=not (check_mode and outcome.created), check_mode=check_mode, backup=backup)
    outcome.changed = outcome.changed or synced.changed
    verb = "would be " if check_mode else ""
    if synced.recreated:
        outcome.record = synced.record
        outcome.msg += "; deleted and %screated again (%s -> %s) to drop %d contacts not declared" % (
            verb, synced.recreated["old_id"], synced.recreated["new_id"] or "a new id", synced.held.others)
        outcome.extra["recreated"] = synced.recreated
    if synced.backup_file:
        outcome.msg += "; its %d contacts were written to %s first" % (synced.held.count, synced.backup_file)
        outcome.extra["backup_file"] = synced.backup_file
        _tell_previous(outcome, backup)
    if synced.added:
        outcome.msg += "; %d contacts %sadded" % (synced.added, verb)
    _report(outcome, synced, wanted)
    if return_contacts:
        outcome.extra["contacts"] = _contacts_after(contacts_api, synced, check_mode)
    return outcome


def _report(outcome, synced, wanted):
    """Inline contacts are few: results and diffs list them. A file's are counted, with a sample."""
    counts = synced.counts()
    outcome.extra["contacts_counts"] = counts
    if wanted.inline:
        outcome.extra["contacts_added"] = synced.added_rows
    else:
        outcome.extra["contacts_added_sample"] = synced.added_sample
    held = synced.held
    if wanted.inline and held.complete:
        before = sorted(held.keys)
        after = sorted(([] if synced.recreated else held.keys) + identities(synced.added_rows))
    else:
        before = {"count": counts["before"], "dropped": counts["dropped"],
                  "dropped_sample": held.others_sample if synced.recreated else []}
        after = {"count": counts["after"], "added": counts["added"], "added_sample": synced.added_sample}
    after_record = outcome.record if synced.recreated else (outcome.after or outcome.record)
    outcome.before = dict(outcome.before, contacts=before) if outcome.before else {}
    outcome.after = dict(after_record, contacts=after)


def _contacts_after(contacts_api, synced, check_mode):
    """The list's contacts after the task; in check mode, those it holds and those that would be added."""
    if not check_mode:
        return contacts_api.read(synced.record["_id"])
    held = [] if synced.recreated or "_id" not in synced.record else contacts_api.read(synced.record["_id"])
    return held + list(synced.added_rows or [])


def ensure_list_absent(lists, contacts_api, list_id=None, name=None, force=False, contacts=None,
                       purge_contacts=False, return_contacts=False, check_mode=False, contacts_file=None,
                       backup_file=None):
    """Delete the list; ``backup_file`` gets its contacts first (``return_contacts``: the result gets them)."""
    if contacts is not None or contacts_file is not None or purge_contacts:
        raise KoreInputError("contacts, contacts_file and purge_contacts are for state: present; to delete a list "
                             "with its contacts, use state: absent alone (backup_file keeps a copy)")
    backup = Backup(backup_file) if backup_file is not None else None
    if backup is not None:
        backup.check()
    if not (return_contacts or backup):
        return ensure_absent(lists, list_id, name, force, check_mode)
    kept = {"contacts": [], "backup_file": None}

    def keep_contacts(record):
        if return_contacts:
            kept["contacts"] = contacts_api.read(record["_id"])
        if backup is not None and not check_mode:
            kept["backup_file"] = backup.write(contacts_api.pages(record["_id"]))

    try:
        outcome = ensure_absent(lists, list_id, name, force, check_mode, before_delete=keep_contacts)
    except KoreError as exc:
        if not kept["backup_file"]:
            raise
        done = {"backup_file": kept["backup_file"], "changed": exc.earlier_attempt_may_have_applied}
        if backup.previous:
            done["previous_backup_file"] = backup.previous
        raise with_done(exc, "Its contacts had been written to %s first" % kept["backup_file"], **done)
    if return_contacts:
        outcome.extra["contacts"] = kept["contacts"]
    if kept["backup_file"]:
        outcome.extra["backup_file"] = kept["backup_file"]
        outcome.msg += "; its contacts were written to %s first" % kept["backup_file"]
        _tell_previous(outcome, backup)
    return outcome


def _tell_previous(outcome, backup):
    """A file that was at the backup's path is never replaced: say where it is now."""
    if backup.previous:
        outcome.extra["previous_backup_file"] = backup.previous
        outcome.msg += " (the file that was there is kept as %s)" % backup.previous


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
    return records, (contacts_api.read(records[0]["_id"], "kore.ai.kore_contact_list's backup_file")
                     if records else [])
