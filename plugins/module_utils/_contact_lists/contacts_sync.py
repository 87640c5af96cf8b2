# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Make a list hold the declared contacts: add what is missing; to drop others, back the list up and recreate it.

No API removes one contact, so a list that must lose contacts is deleted and created again (by the contact-list
entity, ``entity.py``), after its contacts are safely in the backup. Every step after that reports it if it fails.
"""

from __future__ import annotations

import contextlib

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import refuse_in_use
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.work import ONE_LIST
from ansible_collections.kore.ai.plugins.module_utils._contacts.backup import spool_contacts
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import NEW, Held, identities
from ansible_collections.kore.ai.plugins.module_utils._contacts.options import MAX_RETURNED
from ansible_collections.kore.ai.plugins.module_utils._errors import reported_after, written_to


class Synced(object):
    """What :func:`sync` did (or, in check mode, would do) to a list's contacts."""

    def __init__(self, record, wanted, held, added, added_sample, *, recreated=None, backup=None):
        self.record = record            # the list, a new one when it was recreated
        self.wanted, self.held = wanted, held
        self.added = added              # how many were (or would be) added
        self.added_sample = added_sample
        self.recreated = recreated      # {"old_id", "new_id"} when the list was deleted and created again
        self.backup = backup or {}      # backup_file (and previous_backup_file) written before it was recreated
        self.added_rows = None          # for inline contacts: the contacts added

    @property
    def changed(self):
        return bool(self.added or self.recreated)

    def recreation_note(self):
        """What a failure after the recreation must still say (see :func:`recreation_note`)."""
        return recreation_note(self.record, self.recreated, self.held.others, self.backup)

    def added_identities(self):
        """For a diff: the inline contacts added, by identity."""
        return identities(self.added_rows)

    def counts(self):
        after = (0 if self.recreated else self.held.count) + self.added
        return {"before": self.held.count, "added": self.added, "dropped": self.held.others if self.recreated else 0,
                "after": after}


def recreation_note(record, recreated, dropped, written):
    """The words a failure after a recreation adds: the list was deleted and created again as ``record``, and
    where its contacts were written first (``written``: a backup's result, empty without one)."""
    return "Contact list %r had been deleted (%s) and created again as %s before that, to drop %d contacts not " \
           "declared%s" % (record["name"], recreated["old_id"], recreated["new_id"], dropped, written_to(written))


def sync(lists, contacts, record, work, plan=ONE_LIST, *, exists=True, created=False):
    """Make the list hold the work's ``wanted`` (a :class:`~.model.Wanted`) and, with ``purge_contacts``, nothing
    else.

    ``lists`` is the contact-list entity (:class:`~..._contact_lists.entity.ContactLists`), ``contacts`` an
    :class:`~.adding.Contacts`, ``work`` a :class:`~.work.ListWork`. ``exists`` is False for a list that check
    mode only pretends to have created: there is nothing to read; ``created`` says this run created the list. The
    work's ``backup`` (a :class:`~..._backup.file.Backup`) is written while the list is read, and kept only when the list
    is about to be recreated: before anything is deleted.
    """
    wanted, purge, force, check_mode, backup = work.wanted, work.purge_contacts, work.force, work.check_mode, \
        work.backup
    held = Held(wanted, keep=MAX_RETURNED if wanted.inline else 0)
    spool = spool_contacts(backup) if backup is not None and purge and exists and not check_mode else None
    written = {}
    try:
        # a list this run created holds nothing yet (its record says so): its pages are not read
        if exists and not (created and record.get("totalRecordCount") == 0):
            contacts.tally(record["_id"], held, spool)
        recreated = None
        if purge and held.others:
            refuse_in_use(record, force, "contact list {list} holds %d contacts that are not declared; Kore cannot "
                                         "remove a contact, so purge_contacts would delete and create the list again, "
                                         "but campaigns {campaigns} use it. Set force: true to do that anyway. Its "
                                         "contacts were not changed." % held.others, lists.client)
            recreated = {"old_id": record["_id"], "new_id": None}
            if not check_mode:
                if spool is not None:
                    spool.commit()
                    from ansible_collections.kore.ai.plugins.module_utils._contacts.described import describe

                    described = describe(backup, record, lambda: lists.read(record["_id"]))
                    written = dict(backup.result(), backup_record_file=described)
                record = lists.recreate(record, written)
                recreated["new_id"] = record["_id"]
            wanted.forget_held()
    finally:
        if spool is not None:
            spool.discard()
    # from here on, a failure (an add refused, the contacts file changed meanwhile) still says the list was recreated
    guard = reported_after(recreation_note(record, recreated, held.others, written), contact_list=record,
                           recreated=recreated, **written) if recreated and not check_mode else contextlib.nullcontext()
    with guard:
        missing = wanted.count(NEW)
        # a sample reads a file's rows again: only when something is missing
        synced = Synced(record, wanted, held, missing, wanted.sample(NEW) if missing else [], recreated=recreated,
                        backup=written)
        # inline contacts are few: the result lists those added
        synced.added_rows = list(wanted.where(NEW)) if wanted.inline else None
        if missing and not check_mode:
            lists.require_unique_name(record, created=created or bool(recreated), reading=plan.names_read)
            synced.added_sample = contacts.add(record, wanted, 0 if recreated else held.count)
    return synced
