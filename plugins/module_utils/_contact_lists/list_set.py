# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A bot's whole set of contact lists, by name: plan what to create, update and delete, then do it in parallel.

Check mode makes the same plan (the same reads) and only skips carrying it out. Every list write goes through
the contact-list entity (``entity.py``), as kore_contact_list's do.
"""

from __future__ import annotations

import os
import threading
import traceback

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import (
    ContactLists,
    KoreConflictError,
    ListSpec,
    by_name,
    campaigns_using,
    label,
    would_create,
)
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import WAIT_TIMEOUT, Contacts
from ansible_collections.kore.ai.plugins.module_utils._contacts.backup import (
    Backup,
    backup_path_in,
    check_directory,
    required_path,
)
from ansible_collections.kore.ai.plugins.module_utils._contacts.declared import declared
from ansible_collections.kore.ai.plugins.module_utils._contacts.sync import sync
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._parallel import ClientPool
from ansible_collections.kore.ai.plugins.module_utils._progress import SILENT


class SetOutcome(object):
    def __init__(self):
        self.created, self.updated, self.deleted, self.unchanged, self.in_use, self.errors = [], [], [], [], [], []
        self.contacts_added, self.recreated, self.not_attempted = {}, [], []
        self.contacts_counts, self.backup_files, self.previous_backup_files = {}, {}, {}
        self.before, self.after = {}, {}
        self.tracebacks = []    # of failures that were bugs of ours, not Kore's answers

    @property
    def changed(self):
        return bool(self.created or self.updated or self.deleted or self.contacts_added or self.recreated)

    def message(self, check_mode):
        verb = "would be " if check_mode else ""
        parts = ["%d %s%s" % (len(items), verb, what) for items, what in (
            (self.created, "created"), (self.updated, "updated"), (self.deleted, "deleted"))]
        text = "contact lists: %s, %d unchanged" % (", ".join(parts), len(self.unchanged))
        if self.contacts_added or self.recreated:
            added = sum(c["added"] for c in self.contacts_counts.values())
            text += "; %d contacts %sadded to %d lists" % (added, verb, len(self.contacts_added))
        if self.recreated:
            text += ", %d lists %sdeleted and created again to drop other contacts" % (len(self.recreated), verb)
        if self.backup_files:
            folder = os.path.dirname(next(iter(self.backup_files.values())))
            text += "; %d backed up to %s first" % (len(self.backup_files), folder)
        if self.in_use:
            text += "; kept %d in use by campaigns (set force: true to delete them): %s" % (
                len(self.in_use), "; ".join("%s used by %s" % (label(r), ", ".join(campaigns_using(r)))
                                            for r in self.in_use))
        if self.errors:
            text += "; %d failed: %s" % (len(self.errors), "; ".join(self.errors))
        if self.not_attempted:
            text += "; %d not attempted after that failure: %s" % (len(self.not_attempted),
                                                                   "; ".join(self.not_attempted))
        return text


def desired_lists(entries):
    """Module entries -> (a :class:`~.entity.ListSpec` by name, the declared contacts by name where declared)."""
    wanted, contacts = {}, {}
    for entry in entries:
        spec = ListSpec(name=entry.get("name"), description=entry.get("description"),
                        allow_duplicates=entry.get("allow_duplicates"))
        if spec.name in wanted:
            raise KoreInputError("lists names %r twice; each name may appear once" % spec.name)
        wanted[spec.name] = spec
        try:
            contacts_declared = declared(entry.get("contacts"), entry.get("contacts_file"))
        except KoreInputError as exc:
            raise KoreInputError("list %r: %s" % (spec.name, exc))
        if contacts_declared is not None:
            contacts[spec.name] = contacts_declared
    return wanted, contacts


class NotAttempted(object):
    """The result of a change left out because an earlier change failed."""


NOT_ATTEMPTED = NotAttempted()


class Workers(object):
    """A :class:`~..._parallel.ClientPool` working on contact lists (its clients share the task's pacer).

    After a change fails, no further change starts (those in flight finish): the plan was made from one reading
    of the bot, and an answer that was not a success means the bot may no longer be as read.
    """

    def __init__(self, client, parallel, progress=SILENT):
        self.progress = progress
        self.pool = ClientPool(client, parallel)
        self.change_failed = threading.Event()
        self.tracebacks = []

    def lists(self):
        return ContactLists(self.pool.own_client())

    def map(self, work, items, changes=False, what=None):
        """``work(lists, item)`` for each item; returns (item, result or KoreError) pairs in order.

        With ``changes``, an item not started because a change failed gets NOT_ATTEMPTED. ``what`` names the work
        to tell how far it is (``lists changed``).
        """
        def run(client, item):
            if changes and self.change_failed.is_set():
                return item, NOT_ATTEMPTED
            try:
                return item, work(ContactLists(client), item)
            except Exception as exc:  # pylint: disable=broad-except
                if changes:
                    self.change_failed.set()
                # one list's failure, even a bug of ours, must not hide what was done to the others
                if not isinstance(exc, KoreError):
                    self.tracebacks.append(traceback.format_exc())  # for -vvv, as the one-list path keeps it
                    exc = KoreError("Unexpected %s: %s" % (type(exc).__name__, exc))
                return item, exc
        items = list(items)
        counter = self.progress.counter("kore_contact_lists", len(items), what or "lists done")
        results = self.pool.ordered(run, items)
        try:
            done = []
            for result in results:
                done.append(result)
                counter.add()
            return done
        except BaseException:
            # the task's timeout: changes in flight finish, none starts, no list goes after its backup
            self.change_failed.set()
            raise
        finally:
            results.close()


def ensure_set(client, entries, *, parallel=1, purge=False, force=False, purge_contacts=False,
               wait_timeout=WAIT_TIMEOUT, backup_dir=None, check_mode=False, progress=SILENT):
    """Make the bot's lists those of ``entries`` (the module's ``lists``); with ``purge``, only those.

    ``client`` is paced for the task already; ``parallel`` lists are worked on at once. Every list deleted or
    recreated is written to ``<backup_dir>/<id>.csv`` first when ``backup_dir`` is given.
    """
    wanted, wanted_contacts = desired_lists(entries)
    Contacts(client, wait_timeout)  # refuses a bad wait_timeout before any request
    if required_path("backup_dir", backup_dir) is not None:
        # every list deleted or recreated is written to <backup_dir>/<id>.csv first: the directory must take them
        check_directory("backup_dir %s" % backup_dir, os.path.abspath(backup_dir))
    workers = Workers(client, parallel, progress)
    outcome = SetOutcome()
    outcome.tracebacks = workers.tracebacks
    summaries = workers.lists().summaries()
    named = by_name(summaries)
    twins = dict((name, named[name]) for name in wanted if len(named.get(name, [])) > 1)
    if twins:
        raise KoreConflictError("list all shows two or more contact lists with a name that lists manages, so it "
                                "cannot tell which is meant: %s. Rename or delete all but one. Nothing was changed."
                                % "; ".join(
                                    "%r: %s" % (n, ", ".join(str(s.get("_id")) for s in found))
                                    for n, found in sorted(twins.items())))
    missing = [spec for name, spec in wanted.items() if name not in named]
    bodies = [spec.body() for spec in missing]  # refuses a list to create without a description
    # list all lacks allowDuplicates: read in full only the lists whose duplicate policy is managed
    existing = [named[n][0] for n in wanted if n in named]
    needs_read = [s for s in existing if "allowDuplicates" in wanted[s["name"]].fields]
    read = workers.map(lambda lists, s: lists.read(s["_id"]) or s, needs_read, what="lists read in full")
    full = dict((s["_id"], r) for s, r in read)
    updates = []
    for summary in existing:
        current = full.get(summary["_id"], summary)
        if isinstance(current, KoreError):
            raise current
        changes = wanted[summary["name"]].changes(current)
        if changes:
            updates.append((current, changes))
        else:
            outcome.unchanged.append(summary["name"])
    doomed = []
    if purge:
        for item in summaries:
            if item.get("name") in wanted:
                continue
            (outcome.in_use if campaigns_using(item) and not force else doomed).append(item)
    outcome.before = dict((s["_id"], _view(s)) for s in summaries)
    doomed_ids = set(d["_id"] for d in doomed)
    outcome.after = dict((s["_id"], _view(s)) for s in summaries if s["_id"] not in doomed_ids)
    for current, changes in updates:
        outcome.after[current["_id"]] = _view(dict(current, **changes))
    for spec in missing:
        outcome.after["(new) " + spec.name] = _view(spec.fields)
    current = dict((n, named[n][0]) for n in wanted if n in named)
    if check_mode:
        outcome.created = [would_create(body) for body in bodies]
        outcome.updated = [dict(c, **ch) for c, ch in updates]
        outcome.deleted = list(doomed)
    else:
        _carry_out(workers, outcome, bodies, updates, doomed, backup_dir=backup_dir)
        current.update((r["name"], r) for r in _settle_twins(workers, outcome, wanted))
    if wanted_contacts:
        current.update((r["name"], r) for r in outcome.updated + outcome.created)
        _sync_contacts(workers, outcome, current, wanted_contacts, purge=purge_contacts, force=force,
                       wait_timeout=wait_timeout, check_mode=check_mode, backup_dir=backup_dir)
    return outcome


def _backup_of(backup_dir, list_id):
    return Backup(backup_path_in(backup_dir, list_id), "backup_dir") if backup_dir is not None else None


def _record_backup(outcome, list_id, done):
    """A backup written (``done``: a backup's :meth:`~..._contacts.backup.Backup.result`) goes in the result."""
    if done.get("backup_file"):
        outcome.backup_files[list_id] = done["backup_file"]
    if done.get("previous_backup_file"):
        outcome.previous_backup_files[list_id] = done["previous_backup_file"]


def _sync_contacts(workers, outcome, current, wanted_contacts, *, purge, force, wait_timeout, check_mode, backup_dir):
    """Each managed list that declares contacts gets them, in parallel; failures are reported per list."""
    def work(lists, name):
        record = current[name]
        backup = _backup_of(backup_dir, record["_id"]) if "_id" in record else None
        contacts = Contacts(lists.client, wait_timeout, progress=workers.progress)
        return sync(lists, contacts, record, wanted_contacts[name], purge=purge, force=force,
                    exists="_id" in record, check_mode=check_mode, backup=backup)

    names = [n for n in wanted_contacts if n in current]  # a list whose create failed is reported already
    for name, synced in workers.map(work, names, changes=True, what="lists whose contacts are done"):
        if synced is NOT_ATTEMPTED:
            outcome.not_attempted.append("contacts of %r" % name)
            continue
        if isinstance(synced, KoreError):
            outcome.errors.append("contacts of %r: %s" % (name, synced))
            # a failure after the list was deleted and created again still says so (and where its backup is)
            done = synced.done or {}
            if done.get("recreated"):
                outcome.recreated.append(dict(done["recreated"], name=name))
            _record_backup(outcome, current[name].get("_id"), done)
            continue
        key = "(new) " + name if "(new) " + name in outcome.after else current[name]["_id"]
        counts = synced.counts()
        outcome.contacts_counts[name] = counts
        if key in outcome.before:
            outcome.before[key] = dict(outcome.before[key], contacts={"count": counts["before"]})
        outcome.after[key] = dict(outcome.after.get(key, {}), contacts={
            "count": counts["after"], "added": counts["added"], "added_sample": synced.added_sample})
        if synced.added:
            outcome.contacts_added[name] = synced.added_rows if synced.wanted.inline else synced.added_sample
        if synced.recreated:
            outcome.recreated.append(dict(synced.recreated, name=name))
            _record_backup(outcome, synced.recreated["old_id"], synced.backup)


def _view(record):
    return dict((k, record[k]) for k in ("name", "description", "allowDuplicates") if k in record)


def _carry_out(workers, outcome, bodies, updates, doomed, *, backup_dir):
    def delete(lists, item):
        backup = _backup_of(backup_dir, item["_id"])
        if backup is not None:
            backup.write(Contacts(lists.client, progress=workers.progress).pages(item["_id"]))
            _record_backup(outcome, item["_id"], backup.result())
            if workers.change_failed.is_set():
                return NOT_ATTEMPTED  # stopped (another change failed, or the task timed out) while backing up
        deleted = lists.delete(item["_id"])
        return item if deleted == {} else deleted  # {}: answer lost; None: someone else deleted it

    jobs = ([("create", b) for b in bodies] + [("update", u) for u in updates] + [("delete", d) for d in doomed])
    work = {"create": lambda lists, body: lists.create(body), "update": lambda lists, u: lists.update(u[0]["_id"], u[1]),
            "delete": delete}
    for (kind, item), result in workers.map(lambda lists, job: work[job[0]](lists, job[1]), jobs, changes=True,
                                            what="changes done (create, update, delete)"):
        what = repr(item["name"]) if kind == "create" else label(item[0] if kind == "update" else item)
        if result is NOT_ATTEMPTED:
            outcome.not_attempted.append("%s %s" % (kind, what))
        elif isinstance(result, KoreError):
            outcome.errors.append("%s %s: %s" % (kind, what, result))
        elif result is not None:
            {"create": outcome.created, "update": outcome.updated, "delete": outcome.deleted}[kind].append(result)


def _settle_twins(workers, outcome, wanted):
    """Another run may have created some of the same lists at the same moment: the entity keeps the first of
    each name. A list kept that this run did not create is then managed as found (updated, or unchanged); the
    lists kept of other runs are returned."""
    try:
        kept = workers.lists().keep_first_twins(outcome.created)
    except KoreError as exc:
        outcome.errors.append("looking for lists another run created at the same moment: %s" % exc)
        return []
    theirs = []
    for made, record in zip(list(outcome.created), kept):
        if record is made:
            continue
        outcome.created.remove(made)
        changes = wanted[record["name"]].changes(record)
        if not changes:
            outcome.unchanged.append(record["name"])
            theirs.append(record)
            continue
        try:
            outcome.updated.append(workers.lists().update(record["_id"], changes))
        except KoreError as exc:
            outcome.errors.append("update %s: %s" % (label(record), exc))
    return theirs
