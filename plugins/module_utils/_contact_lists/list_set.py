# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A bot's whole set of contact lists, by name: what is the set's, around the one-list engine.

The set reads the bot once, decides which lists to create, converge and delete, refuses before any write what
no list could carry out, and works ``parallel`` lists at a time. Each list goes through the very functions
kore_contact_list runs (``engine.py``); the set adds only the choice of lists, pacing, the settling of twins in
one reading, and the aggregate result (``set_outcome.SetOutcome``). Check mode takes the same path.
"""

from __future__ import annotations

import os

from ansible_collections.kore.ai.plugins.module_utils._backup.file import Backup, backup_path_in
from ansible_collections.kore.ai.plugins.module_utils._backup.left_over import remove_left_over_once
from ansible_collections.kore.ai.plugins.module_utils._backup.options import backup_directory
from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import campaign_types
from ansible_collections.kore.ai.plugins.module_utils._contact_lists import contacts_sync, engine
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import (
    KoreConflictError,
    KoreInUseError,
    ListSpec,
    by_name,
)
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.set_outcome import SetOutcome
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.work import NO_WORK, ItemPlan, OnceRead
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.workers import NOT_ATTEMPTED, Workers
from ansible_collections.kore.ai.plugins.module_utils._contacts import backup as contacts_backup
from ansible_collections.kore.ai.plugins.module_utils._contacts import described
from ansible_collections.kore.ai.plugins.module_utils._contacts.budget import IdentityBudget
from ansible_collections.kore.ai.plugins.module_utils._contacts.declared import declared
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._progress import SILENT
from ansible_collections.kore.ai.plugins.module_utils._wait import WAIT_TIMEOUT, checked_wait_timeout
from ansible_collections.kore.ai.plugins.module_utils._outcome import label

# What the workers would import lazily (engine.ensure_contacts, ListHooks.keep) is imported here, before any of
# them starts: a module several threads import at once for the first time can be seen half made by one of them
# (an ImportError in a module process on Python 3.9, whose payload is a zip).
IMPORTED_BEFORE_THE_WORKERS = (contacts_sync, contacts_backup, described)


def desired_lists(entries):
    """Module entries -> (a :class:`~.entity.ListSpec` by name, the declared contacts by name where declared).

    Every file is checked now, before any request, but read again when its list is worked
    (:class:`~..._contacts.declared.CheckedFile`): the identities of a thousand files are never held at once.
    """
    wanted, contacts = {}, {}
    for entry in entries:
        spec = ListSpec(name=entry.get("name"), description=entry.get("description"),
                        allow_duplicates=entry.get("allow_duplicates"))
        if spec.name in wanted:
            raise KoreInputError("lists names %r twice; each name may appear once" % spec.name)
        wanted[spec.name] = spec
        try:
            contacts_declared = declared(entry.get("contacts"), entry.get("contacts_file"), read_later=True)
        except KoreInputError as exc:
            raise KoreInputError("list %r: %s" % (spec.name, exc))
        if contacts_declared is not None:
            contacts[spec.name] = contacts_declared
    return wanted, contacts


class SetPlan(object):
    """What one reading of the bot says to do: lists to create, to converge (found), and to delete."""

    def __init__(self, summaries, wanted, *, purge):
        named = by_name(summaries)
        twins = dict((name, named[name]) for name in wanted if len(named.get(name, [])) > 1)
        if twins:
            raise KoreConflictError(
                "list all shows two or more contact lists with a name that lists manages, so it cannot tell which is "
                "meant: %s. Rename or delete all but one. Nothing was changed." % "; ".join(
                    "%r: %s" % (n, ", ".join(str(s.get("_id")) for s in found)) for n, found in sorted(twins.items())))
        self.summaries = summaries
        self.missing = [spec for name, spec in wanted.items() if name not in named]
        for spec in self.missing:
            spec.body()  # refuses a list to create without a description
        self.found = dict((name, named[name][0]) for name in wanted if name in named)
        self.doomed = [item for item in summaries if purge and item.get("name") not in wanted]

    def backup_ids(self, wanted_contacts, purge_contacts):
        """The lists this plan may back up: those to delete, and those a purge of contacts may recreate."""
        ids = [item["_id"] for item in self.doomed]
        if purge_contacts:
            ids += [self.found[name]["_id"] for name in wanted_contacts if name in self.found]
        return ids


def ensure_set(client, entries, each=NO_WORK, *, parallel=1, purge=False, wait_timeout=WAIT_TIMEOUT, backup_dir=None,
               progress=SILENT):
    """Make the bot's lists those of ``entries`` (the module's ``lists``); with ``purge``, only those.

    ``each`` (a :class:`~.work.ListWork`) is what the task asks of every list (``force``, ``check_mode``,
    ``purge_contacts``). ``client`` is paced for the task already; ``parallel`` lists are worked on at once. Every
    list deleted or recreated is written to ``<backup_dir>/<id>.csv`` first when ``backup_dir`` is given.
    """
    wanted, wanted_contacts = desired_lists(entries)
    checked_wait_timeout(wait_timeout)
    # every list deleted or recreated is written to <backup_dir>/<id>.csv first: the directory must take them
    backup_directory(backup_dir)
    work = SetWork(Workers(client, parallel, wait_timeout=wait_timeout, progress=progress), wanted, each)
    try:
        return _converge(work, backup_dir, wanted_contacts, purge=purge)
    finally:
        work.workers.close()


def _converge(work, backup_dir, wanted_contacts, *, purge):
    """The set's work, once its input is checked: read the bot, plan, back up, carry the plan out, contacts last."""
    wanted, check_mode, purge_contacts = work.wanted, work.each.check_mode, work.each.purge_contacts
    if backup_dir is not None and not check_mode:
        # what a run killed part-way left goes first, even when this run has nothing left to back up
        work.outcome.removed_temporary_files.extend(remove_left_over_once(os.path.abspath(backup_dir)))
    plan = SetPlan(work.workers.lists().summaries(), wanted, purge=purge)
    work.backup_dir, work.wanted_contacts = backup_dir, wanted_contacts
    if backup_dir is not None and not wanted_contacts:
        # a teardown reads the lists it deletes and nothing else: how many contacts, the reading says
        counts = [item.get("totalRecordCount") for item in plan.doomed]
        if all(isinstance(c, int) and not isinstance(c, bool) for c in counts):
            work.workers.contacts_progress.expect("contacts read", sum(counts))
    for list_id in plan.backup_ids(wanted_contacts, purge_contacts):  # before any write
        work.backup_of(list_id)
    work.outcome.plan(plan, wanted)
    kept = work.carry_out(plan)
    if not check_mode:
        kept.update(work.settle_twins())
    if not work.outcome.created:
        # nothing of this run's making: the plan's one reading shows each name it found on one list (it refuses
        # twins), and a twin another run creates later is that run's to delete, its own list being the later one
        # (entity.keep_first_twins). A list recreated meanwhile has a new id, so it is looked up again.
        work.names_read.served_by(by_name(plan.summaries))
    work.outcome.unchanged.sort(key=list(wanted).index)  # in the order the task declares them, whenever done
    if wanted_contacts:
        work.ensure_contacts(kept, wanted_contacts)
    return work.outcome


class SetWork(object):
    """One run over a set: its workers, what it wants, the backups it may write, and the outcome it gathers."""

    def __init__(self, workers, wanted, each):
        self.workers, self.wanted, self.each = workers, wanted, each
        self.backup_dir, self.wanted_contacts = None, {}
        self.backups = {}
        self.outcome = SetOutcome(each.check_mode)
        self.outcome.tracebacks = workers.tracebacks
        # every list by name, read after the creates: it settles twins, then serves the adds' unique-name check
        # (the plan's reading serves it when this run created nothing: _converge)
        self.names_read = OnceRead(lambda: by_name(self.workers.lists().summaries()))

    def carry_out(self, plan):
        """Each list created, converged or deleted by the engine; returns the outcome of each managed list by
        name. A list its summary shows as wanted needs no request: the engine says so at once."""
        outcome = self.outcome
        kept = {}
        for name, found in plan.found.items():
            if not self.wanted[name].changes(found):
                kept[name] = engine.converge(self.workers.lists(), found, self.wanted[name])
                outcome.add("converge", kept[name], None)
        jobs = ([("create", spec) for spec in plan.missing]
                + [("converge", plan.found[n]) for n in plan.found if n not in kept]
                + [("delete", item) for item in plan.doomed])
        for (kind, item), result in self.workers.map(self._ensure, jobs, changes=True,
                                                     what="changes done (create, update, delete)"):
            what = repr(item.name) if kind == "create" else label(item)
            list_id = None if kind == "create" else item["_id"]
            if result is NOT_ATTEMPTED:
                outcome.not_attempted.append("%s %s" % (kind, what))
            elif isinstance(result, KoreInUseError):  # refused by the in-use gate, or by Kore itself
                outcome.in_use.append(item)
                outcome.failed_after(list_id, result)
            elif isinstance(result, engine.KoreStoppedError):  # backed up, then stopped before its DELETE
                outcome.not_attempted.append("%s %s" % (kind, what))
                outcome.failed_after(list_id, result)
            elif isinstance(result, KoreError):
                outcome.error("%s %s" % ("update" if kind == "converge" else kind, what), result, list_id)
            else:
                if kind == "delete" and not result.changed:  # someone else deleted it after the one reading
                    outcome.gone_meanwhile.append(item)
                outcome.add(kind, result, list_id if kind == "delete" else None)
                if kind != "delete":
                    kept[item.name if kind == "create" else item["name"]] = result
        if outcome.in_use:
            outcome.campaign_types = campaign_types(self.workers.lists().client)
        return kept

    def backup_of(self, list_id):
        """The backup ``<backup_dir>/<id>.csv`` of a list, None without ``backup_dir``; refused when it would be a
        declared contacts file (the plan's lists are all asked before any write)."""
        if self.backup_dir is None or list_id is None:
            return None
        if list_id not in self.backups:
            backup = Backup(backup_path_in(self.backup_dir, list_id), "backup_dir")
            backup.refuse_over_contacts_file(*self.wanted_contacts.values())
            self.backups[list_id] = backup
        return self.backups[list_id]

    def _ensure(self, lists, contacts, job):
        """One list of the plan through the one-list engine, told what the set's reading found: a list created
        is settled with the others afterwards, and a delete stops after its backup once another change failed."""
        kind, item = job
        if kind == "create":
            return engine.create(lists, item, self.each, ItemPlan(settle=False))
        if kind == "converge":
            return engine.ensure_present(lists, self.wanted[item["name"]], self.each, ItemPlan(found=item))
        return engine.ensure_list_absent(lists, contacts, ListSpec(list_id=item["_id"]),
                                         self.each.backed_up_to(self.backup_of(item["_id"])),
                                         ItemPlan(found=item, go_on=lambda: not self.workers.change_failed.is_set()))

    def settle_twins(self):
        """Another run may have created some of the same lists at the same moment: the entity keeps the first of
        each name, in one reading for every list created. A list kept that this run did not create is then
        converged as found (updated, or unchanged); returns those outcomes by name."""
        outcome = self.outcome
        created = outcome.created
        try:
            kept = self.workers.lists().keep_first_twins(created, self.names_read)
        except KoreError as exc:
            outcome.errors.append("looking for lists another run created at the same moment: %s" % exc)
            return {}
        theirs = {}
        for made, record in zip(created, kept):
            if record is made:
                continue
            outcome.forget_created(made)
            try:
                converged = engine.converge(self.workers.lists(), record, self.wanted[record["name"]])
            except KoreError as exc:
                outcome.error("update %s" % label(record), exc, record["_id"])
                continue
            outcome.add("converge", converged, None)
            theirs[record["name"]] = converged
        return theirs

    def ensure_contacts(self, kept, wanted_contacts):
        """Each managed list that declares contacts gets them through the engine, in parallel; failures per list.
        Before its first add, a list's name must be its alone: one reading of every list serves them all."""
        plan = ItemPlan(names_read=self.names_read)
        budget = IdentityBudget()

        def ensure(lists, contacts, name):
            list_outcome, declared_contacts = kept[name], wanted_contacts[name]
            # a file is read when its list is worked, and its identities let go once it is done
            with budget.room(declared_contacts.size):
                with self.workers.files.reading():
                    wanted = declared_contacts.read()
                try:
                    work = self.each.holding(wanted).backed_up_to(self.backup_of(list_outcome.record.get("_id")))
                    return engine.ensure_contacts(lists, contacts, list_outcome, work, plan)
                finally:
                    wanted.forget()

        names = [n for n in wanted_contacts if n in kept]  # a list whose create failed is reported already
        for name, result in self.workers.map(ensure, names, changes=True, what="lists whose contacts are done",
                                             adds=True):
            if result is NOT_ATTEMPTED:
                self.outcome.not_attempted.append("contacts of %r" % name)
            elif isinstance(result, KoreError):
                self.outcome.error("contacts of %r" % name, result, kept[name].record.get("_id"), name=name)
            else:
                self.outcome.add_contacts(name, result)
