# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One contact list, with its contacts, as kore_contact_list and kore_contact_list_info declare it.

Check mode runs the same code as a real run; only the final write is replaced by what Kore would answer.
"""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import (
    ID_PREFIX,
    KoreConflictError,
    by_name,
    campaigns_using,
    label,
    would_create,
)
from ansible_collections.kore.ai.plugins.module_utils._contacts.backup import same_file
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import identities
from ansible_collections.kore.ai.plugins.module_utils._contacts.sync import sync
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreInputError, with_done


class Outcome(object):
    """What an ensure_* call did (or, in check mode, would do)."""

    def __init__(self, changed, record, msg, before=None, after=None, *, warnings=(), created=False):
        self.changed = changed
        self.record = record
        self.msg = msg
        self.before = before if before is not None else {}
        self.after = after if after is not None else {}
        self.warnings = list(warnings)
        self.created = created
        self.extra = {}  # more return values, e.g. contacts

    def tell_backup(self, backup, count=None):
        """A backup written goes in the result and the message, with where a file that was at its path is kept."""
        done = backup.result()
        self.extra.update(done)
        self.msg += "; its %scontacts were written to %s first" % ("%d " % count if count is not None else "",
                                                                   done["backup_file"])
        if "previous_backup_file" in done:
            self.msg += " (the file that was there is kept as %s)" % done["previous_backup_file"]


def ensure_absent(lists, spec, *, force=False, check_mode=False, before_delete=None):
    """Delete the list of ``spec`` (a :class:`~.entity.ListSpec`), or say it is gone already.

    ``before_delete(record)`` is called with the list about to go (in check mode too), e.g. to back it up.
    """
    list_id, name = spec.list_id, spec.name
    if list_id and force and not check_mode and before_delete is None:
        # nothing to check first: Kore's answer to DELETE is the deleted record
        return _delete_at_once(lists, list_id)
    current = lists.find(list_id, name)
    if current is None:
        return _already_absent(lists, list_id, name)
    in_use = campaigns_using(current)
    if in_use and not force:
        raise KoreConflictError("contact list %s is used by campaigns %s; set force: true to delete it anyway. "
                                "Nothing was changed." % (label(current), ", ".join(in_use)))
    if before_delete is not None:
        before_delete(current)
    if check_mode:
        return Outcome(True, current, "contact list %s would be deleted" % label(current), current, {})
    deleted = lists.delete(current["_id"])
    if deleted is None:
        return Outcome(False, {}, "contact list %s was deleted by someone else meanwhile" % label(current))
    record = deleted or current  # {} when only the retry of a lost answer saw it gone
    return Outcome(True, record, "contact list %s deleted" % label(record), current, {})


def _delete_at_once(lists, list_id):
    deleted = lists.delete(list_id)
    if deleted is None:
        return _already_absent(lists, list_id, None)
    if not deleted:
        return Outcome(True, {}, "contact list %s deleted; Kore's answer was lost, so the deleted record is not "
                                 "known" % list_id)
    return Outcome(True, deleted, "contact list %s deleted" % label(deleted), deleted, {})


def _already_absent(lists, list_id, name):
    warnings = []
    if list_id and not list_id.startswith(ID_PREFIX):
        warnings.append("id %r is not a Kore contact list id (those start with %r) and no list has it; if it is "
                        "the list's name, use name: instead of id:" % (list_id, ID_PREFIX))
    return Outcome(False, {}, "contact list %s is already absent from %s"
                   % (list_id or repr(name), lists.client.describe()), warnings=warnings)


def ensure_present(lists, spec, *, check_mode=False):
    """The list of ``spec`` as declared: created, updated or left as it is."""
    found = lists.find(spec.list_id, spec.name)
    if found is None and spec.list_id:
        raise KoreInputError("contact list %s does not exist in %s; Kore chooses ids, so to create a list "
                             "give name (and description) without id" % (spec.list_id, lists.client.describe()))
    if found is None:
        return _create(lists, spec, check_mode)
    current = found if spec.list_id else (lists.read(found["_id"]) or found)
    return _converge(lists, current, spec, check_mode)


def _converge(lists, current, spec, check_mode):
    """PUT what differs from ``spec``, or nothing."""
    changes = spec.changes(current)
    if not changes:
        return Outcome(False, current, "contact list %s is as wanted" % label(current), current, current)
    after = dict(current, **changes) if check_mode else lists.update(current["_id"], changes)
    verb = "would be updated" if check_mode else "updated"
    return Outcome(True, after, "contact list %s %s: %s" % (label(after), verb, ", ".join(sorted(changes))),
                   current, after)


def _create(lists, spec, check_mode):
    body = spec.body()
    if check_mode:
        record = would_create(body)
        return Outcome(True, record, "contact list %r would be created" % body["name"], {}, record, created=True)
    made, ours = lists.create_settled(body)
    if not ours:
        # Another run created the name at the same moment and its list is kept: converge that one instead.
        return _converge(lists, made, spec, check_mode)
    return Outcome(True, made, "contact list %s created" % label(made), {}, made, created=True)


def ensure_list_present(lists, contacts_api, spec, *, wanted=None, purge_contacts=False, force=False, backup=None,
                        return_contacts=False, check_mode=False):
    """The list as declared and, when contacts are declared (``wanted``), holding them (with ``purge_contacts``,
    only them). ``backup`` (a :class:`~..._contacts.backup.Backup`) is written before a purge recreates the list."""
    if purge_contacts and wanted is None:
        raise KoreInputError("purge_contacts needs contacts or contacts_file: the contacts the list must hold, and "
                             "nothing else")
    if backup is not None:
        if not purge_contacts:
            raise KoreInputError("backup_file with state: present is written only when purge_contacts recreates the "
                                 "list; set purge_contacts: true, or use backup_file with state: absent")
        if wanted.path is not None and same_file(backup.path, wanted.path):
            raise KoreInputError("backup_file %s is the contacts_file %s: the backup would overwrite the contacts the "
                                 "list must hold. Give the backup a path of its own. Nothing was changed."
                                 % (backup.path, wanted.path))
        backup.check()
    outcome = ensure_present(lists, spec, check_mode=check_mode)
    if wanted is None:
        if return_contacts:  # read once, and a list too large to return is refused before that
            exists = "_id" in outcome.record
            outcome.extra["contacts"] = contacts_api.read(outcome.record["_id"]) if exists else []
        return outcome
    synced = sync(lists, contacts_api, outcome.record, wanted, purge=purge_contacts, force=force,
                  exists=not (check_mode and outcome.created), check_mode=check_mode, backup=backup)
    outcome.changed = outcome.changed or synced.changed
    verb = "would be " if check_mode else ""
    if synced.recreated:
        outcome.record = synced.record
        outcome.msg += "; deleted and %screated again (%s -> %s) to drop %d contacts not declared" % (
            verb, synced.recreated["old_id"], synced.recreated["new_id"] or "a new id", synced.held.others)
        outcome.extra["recreated"] = synced.recreated
    if synced.backup:
        outcome.tell_backup(backup, synced.held.count)
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


def ensure_list_absent(lists, contacts_api, spec, *, force=False, backup=None, return_contacts=False,
                       check_mode=False):
    """Delete the list; ``backup`` gets its contacts first (``return_contacts``: the result gets them)."""
    if backup is not None:
        backup.check()
    if not (return_contacts or backup):
        return ensure_absent(lists, spec, force=force, check_mode=check_mode)
    kept = {"contacts": []}

    def keep_contacts(record):
        if return_contacts:
            kept["contacts"] = contacts_api.read(record["_id"])
        if backup is not None and not check_mode:
            backup.write(contacts_api.pages(record["_id"]))

    try:
        outcome = ensure_absent(lists, spec, force=force, check_mode=check_mode, before_delete=keep_contacts)
    except KoreError as exc:
        done = backup.result() if backup is not None else {}
        if not done:
            raise
        raise with_done(exc, "Its contacts had been written to %s first" % done["backup_file"],
                        changed=exc.earlier_attempt_may_have_applied, **done)
    if return_contacts:
        outcome.extra["contacts"] = kept["contacts"]
    if backup is not None and backup.written:
        outcome.tell_backup(backup)
    return outcome


def describe_lists(lists, spec):
    """For the _info module: one full record by id, full records by name, or every summary."""
    if spec.list_id:
        record = lists.find_by_id(spec.list_id)
        return [record] if record else []
    summaries = lists.summaries()
    if spec.name is None:
        return summaries
    return [lists.read(s["_id"]) or s for s in by_name(summaries).get(spec.name, [])]


def describe_with_contacts(lists, contacts_api, spec, *, return_contacts=False):
    """For the _info module: the records, and with ``return_contacts`` the contacts of the one list meant."""
    records = describe_lists(lists, spec)
    if not return_contacts:
        return records, None
    if not (spec.list_id or spec.name):
        raise KoreInputError("return_contacts needs id or name: the one list whose contacts to return")
    if len(records) > 1:
        raise KoreConflictError("%d contact lists are named %r (%s); use id to say whose contacts to return"
                                % (len(records), spec.name, ", ".join(label(r) for r in records)))
    return records, (contacts_api.read(records[0]["_id"], "kore.ai.kore_contact_list's backup_file")
                     if records else [])
