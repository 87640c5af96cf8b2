# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one ensure engine of a contact list: absent, present, and holding its declared contacts.

kore_contact_list runs it for its one list; kore_contact_lists runs the very same functions for every list of a
set, handing each an :class:`~.work.ItemPlan` made from its one reading of the bot. Every function takes the list
(a :class:`~.entity.ListSpec` or its record), what the task asks of it (a :class:`~.work.ListWork`) and that plan.
So each rule (the in-use gate, a backup before any delete, a backup that is no declared contacts file, the result
after a destructive step) is written once. Check mode runs the same code as a real run; only the writes are
replaced by what Kore would answer.
"""

from __future__ import annotations

import dataclasses

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import (
    by_name,
    campaigns_using,
    named_campaigns,
    refuse_in_use,
    with_dnc_users,
    would_create,
)
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.outcome import Outcome
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.resource import CONTACT_LISTS
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.work import NO_WORK, ONE_LIST, OnceRead
from ansible_collections.kore.ai.plugins.module_utils._contacts.options import MAX_RETURNED
from ansible_collections.kore.ai.plugins.module_utils._ensure import GoneMeanwhile, Hooks
from ansible_collections.kore.ai.plugins.module_utils._ensure import converge as converge_item
from ansible_collections.kore.ai.plugins.module_utils._ensure import ensure_absent as ensure_item_absent
from ansible_collections.kore.ai.plugins.module_utils._ensure import ensure_present as ensure_item_present
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreError,
    KoreInputError,
    KoreInUseError,
    KoreNotFoundError,
    KoreRequestError,
    with_done,
)
from ansible_collections.kore.ai.plugins.module_utils._outcome import already_absent, label


class ListHooks(Hooks):
    """A contact list's own way in the one ensure (``_ensure.py``): found by the planner or by id or name (a DNC
    list too), the in-use gate with the campaigns that name a DNC list, its contacts backed up (or returned) before
    its DELETE, Kore's own refusal told as such, and the backup's files in the result."""

    outcome = Outcome

    def __init__(self, lists, work, plan=ONE_LIST, contacts_api=None):
        super().__init__(lists, work)
        self.plan, self.contacts_api = plan, contacts_api
        self.contacts, self.record_file = None, None  # read, or written, before a DELETE

    def label(self, record):
        return "contact list %s" % label(record)

    def find(self, spec):
        if self.plan.found is not None:
            return self.plan.found
        current = self.entity.find(spec.list_id, spec.name)
        if current is None and spec.name and not spec.list_id:
            current = self.entity.find_by_name(spec.name, every=True)  # a DNC list: absent once every list lacks it
        return current

    def checked(self, current):
        if not self.work.force:
            current = with_dnc_users(current, self.entity.client)
        refuse_in_use(current, self.work.force, client=self.entity.client)
        return current

    def keep(self, current):
        backup, lists = self.work.backup, self.entity
        if not (self.work.return_contacts or backup):
            return
        self.contacts = []
        try:
            if self.work.return_contacts:
                hint = "leave return_contacts out: backup_file keeps them" if backup is not None else \
                    "write them to a CSV file with backup_file instead"
                self.contacts = self.contacts_api.read(current["_id"], hint)
            if backup is not None and not self.work.check_mode:
                # imported here: most deletes keep no backup (docs/performance.md, Module import time)
                from ansible_collections.kore.ai.plugins.module_utils._contacts.backup import write_contacts
                from ansible_collections.kore.ai.plugins.module_utils._contacts.described import describe

                write_contacts(backup, self.contacts_api.pages(current["_id"]))

                self.record_file = describe(backup, current, lambda: lists.read(current["_id"]))
        except KoreNotFoundError:
            # a 404 alone may mean a wrong bot; gone from the bot's list as well, it was deleted meanwhile
            if lists.find_by_id(current["_id"]) is not None:
                raise
            self.contacts = None
            raise GoneMeanwhile("contact list %s was deleted by someone else meanwhile, before its contacts could be "
                                "read: nothing was backed up or deleted by this task" % label(current))
        if not self.plan.goes_on():
            raise KoreStoppedError("contact list %s was not deleted: the work stopped after its backup"
                                   % label(current))

    def delete(self, current):
        try:
            return self.entity.delete(current["_id"])
        except KoreRequestError as exc:
            raise _refused_in_use(self.entity, exc, current)

    def failed(self, exc):
        done = self.work.backup.result() if self.work.backup is not None else {}
        if not done:
            return exc
        return with_done(exc, "Its contacts had been written to %s first" % done["backup_file"], **done)

    def told(self, outcome):
        if self.work.return_contacts and self.contacts is not None:
            outcome.extra["contacts"] = self.contacts
        backup = self.work.backup
        if backup is not None and backup.written:
            outcome.tell_backup(backup)
            if self.record_file is not None:
                outcome.extra["backup_record_file"] = self.record_file
                outcome.msg += ", its record to %s" % self.record_file
        return outcome

    create_with = "name (and description)"

    def current(self, spec):
        found = self.plan.found
        if found is None:
            found = self._find_present(spec)
            if found is not None and not spec.list_id:
                found = self.entity.read(found["_id"]) or found
        elif spec.changes(found) and "allowDuplicates" in spec.fields and "allowDuplicates" not in found:
            found = self.entity.read(found["_id"]) or found  # list all leaves allowDuplicates out: read it to compare
        return found

    def _find_present(self, spec):
        if spec.list_id or self.plan.names_read is None:
            return self.entity.find(spec.list_id, spec.name)
        # the reading that finds the list by name shows it the one of its name: its adds trust that reading
        summaries = self.entity.summaries()
        found = self.entity.find_by_name(spec.name, summaries)
        if found is not None:
            self.plan.names_read.served_by(by_name(summaries))
        return found

    def create(self, spec):
        body = spec.body()
        if self.work.check_mode:
            record = would_create(body)
            return Outcome(True, record, "contact list %r would be created" % body["name"], {}, record, created=True)
        if not self.plan.settle:
            made = self.entity.create(body)
            return Outcome(True, made, "contact list %s created" % label(made), {}, made, created=True)
        made, ours = self.entity.create_settled(body, self.plan.names_read)
        if not ours:
            # Another run created the name at the same moment and its list is kept: converge that one instead.
            return converge_item(self, made, spec)
        return Outcome(True, made, "contact list %s created" % label(made), {}, made, created=True)

    def changes(self, spec, current):
        return spec.changes(current)


def ensure_absent(lists, spec, work=NO_WORK, plan=ONE_LIST):
    """Delete the list of ``spec`` (a :class:`~.entity.ListSpec`), or say it is gone already; no contacts are read
    (:func:`ensure_list_absent` with a backup or ``return_contacts``)."""
    return ensure_list_absent(lists, None, spec, work, plan)


def ensure_list_absent(lists, contacts_api, spec, work=NO_WORK, plan=ONE_LIST):
    """Delete the list; the work's ``backup`` gets its contacts first (``return_contacts``: the result gets them).

    The plan's ``go_on()``, asked between the backup and the DELETE, may stop the work there
    (:class:`KoreStoppedError`). A list the plan found is not looked up again.
    """
    if work.backup is not None:
        work.backup.check()
    if plan.found is None and spec.list_id and work.force and not work.check_mode and not (
            work.backup or work.return_contacts):
        # nothing to check first: Kore's answer to DELETE is the deleted record
        return _delete_at_once(lists, spec.list_id)
    return ensure_item_absent(ListHooks(lists, work, plan, contacts_api), spec)


def _delete_at_once(lists, list_id):
    try:
        deleted = lists.delete(list_id)
    except KoreRequestError as exc:
        raise _refused_in_use(lists, exc, lists.read(list_id))
    if deleted is None:
        return already_absent(Outcome, CONTACT_LISTS, lists.client, list_id, list_id)
    if not deleted:
        return Outcome(True, {}, "contact list %s deleted; Kore's answer was lost, so the deleted record is not "
                                 "known" % list_id)
    return Outcome(True, deleted, "contact list %s deleted" % label(deleted), deleted, {})


def _refused_in_use(lists, exc, record):
    """Kore's own refusal (a 4xx) to delete a list that campaigns use, force or not: told as such, cleanly."""
    if record is None or exc.earlier_attempt_may_have_applied or not campaigns_using(record):
        return exc
    return KoreInUseError("Kore refused to delete contact list %s, which campaigns %s use (force: true cannot "
                          "override Kore): %s. Stop, back up and delete them first with kore.ai.kore_campaign. "
                          "Nothing was changed." % (label(record), named_campaigns(record, lists.client),
                                                    str(exc).rstrip(".")), exc.status, exc.method, exc.path)


class KoreStoppedError(KoreError):
    """A list was backed up, but the work stopped before its DELETE (a set's other change failed)."""


def ensure_present(lists, spec, work=NO_WORK, plan=ONE_LIST):
    """The list of ``spec`` as declared: created, updated or left as it is.

    A list the ``plan`` found (a summary will do) is not looked up again. A plan that does not ``settle`` leaves a
    list created unchecked for twins another run created at once: its planner settles them together.
    """
    return ensure_item_present(ListHooks(lists, work, plan), spec)


def converge(lists, current, spec, work=NO_WORK):
    """PUT what differs from ``spec``, or nothing."""
    return converge_item(ListHooks(lists, work), current, spec)


def create(lists, spec, work=NO_WORK, plan=ONE_LIST):
    """Create the list; when the plan settles, keep the first of twins another run created at the same moment."""
    return ListHooks(lists, work, plan).create(spec)


def ensure_list_present(lists, contacts_api, spec, work=NO_WORK, plan=ONE_LIST):
    """The list as declared and, when the work declares contacts (``wanted``), holding them (with
    ``purge_contacts``, only them). Its ``backup`` is written before a purge recreates the list."""
    check_contacts_options(work)
    if work.wanted is not None and plan.names_read is None:
        # a list created is settled against twins by a reading that then serves its adds' unique-name check
        plan = dataclasses.replace(plan, names_read=OnceRead(lambda: by_name(lists.summaries())))
    outcome = ensure_present(lists, spec, work, plan)
    return ensure_contacts(lists, contacts_api, outcome, work, plan)


def check_contacts_options(work):
    """What a list's contacts options must be, refused before any request."""
    wanted, purge_contacts, backup, return_contacts = work.wanted, work.purge_contacts, work.backup, \
        work.return_contacts
    if purge_contacts and wanted is None:
        raise KoreInputError("purge_contacts needs contacts or contacts_file: the contacts the list must hold, and "
                             "nothing else")
    if backup is not None:
        if not purge_contacts:
            raise KoreInputError("backup_file with state: present is written only when purge_contacts recreates the "
                                 "list; set purge_contacts: true, or use backup_file with state: absent")
        backup.refuse_over_contacts_file(wanted)
        backup.check()
    if return_contacts and wanted is not None and purge_contacts and len(wanted.states) > MAX_RETURNED:
        raise KoreInputError("return_contacts: the list would hold %d contacts, too many to return (at most %d); "
                             "leave return_contacts out, the list holds those of contacts_file. Nothing was changed."
                             % (len(wanted.states), MAX_RETURNED))


def ensure_contacts(lists, contacts_api, outcome, work=NO_WORK, plan=ONE_LIST):
    """``outcome``'s list made to hold the work's ``wanted``; every step after a change reports that change if it
    fails."""
    wanted, return_contacts, check_mode = work.wanted, work.return_contacts, work.check_mode
    if wanted is None:
        if return_contacts:  # read once, and a list too large to return is refused before that
            with outcome.reporting(check_mode):
                exists = "_id" in outcome.record
                outcome.extra["contacts"] = contacts_api.read(outcome.record["_id"], "leave return_contacts out") \
                    if exists else []
        return outcome
    # imported here: a module process compiles every file it imports on every task, and most tasks declare no
    # contacts (docs/performance.md, Module import time)
    from ansible_collections.kore.ai.plugins.module_utils._contact_lists.contacts_sync import sync

    synced = sync(lists, contacts_api, outcome.record, work, plan, exists=not (check_mode and outcome.created),
                  created=outcome.created)
    outcome.add_contacts(synced, work.backup, check_mode=check_mode)
    if return_contacts:
        with outcome.reporting(check_mode):
            outcome.extra["contacts"] = _contacts_after(contacts_api, synced, check_mode)
    return outcome


def _contacts_after(contacts_api, synced, check_mode):
    """The list's contacts after the task; in check mode, those it holds and those that would be added."""
    if not check_mode:
        return contacts_api.read(synced.record["_id"], "leave return_contacts out")
    held = [] if synced.recreated or "_id" not in synced.record else contacts_api.read(synced.record["_id"])
    return held + list(synced.added_rows or [])
