# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What kore_contact_lists did to a set of lists, gathered from each list's outcome (``outcome.py``), and the
task result made of it. kore_contact_list never needs it, so its module process does not import it."""

from __future__ import annotations

import os

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import campaigns_using
from ansible_collections.kore.ai.plugins.module_utils._errors import may_have_changed
from ansible_collections.kore.ai.plugins.module_utils._outcome import label


class SetOutcome(object):
    """What kore_contact_lists did to a bot's set of lists, gathered from each list's :class:`Outcome`."""

    def __init__(self, check_mode=False):
        self.check_mode = check_mode
        self.updated, self.deleted, self.unchanged, self.in_use, self.errors = [], [], [], [], []
        self.campaign_types = {}  # campaign id -> type, to name the campaigns of the lists kept in use
        self.created_outcomes = []  # of the lists this run created, and keeps
        self.contacts_added, self.recreated, self.not_attempted = {}, [], []
        self.contacts_counts, self.backup_files, self.previous_backup_files = {}, {}, {}
        self.removed_temporary_files = []
        self.gone_meanwhile = []  # lists to delete that someone else deleted after the one reading of the bot
        self.before, self.after = {}, {}
        self.tracebacks = []    # of failures that were bugs of ours, not Kore's answers
        self.warnings = []
        self.may_have_changed = False  # a failure after a change, or a write Kore may have carried out

    @property
    def created(self):
        return [outcome.record for outcome in self.created_outcomes]

    @property
    def changed(self):
        return bool(self.created or self.updated or self.deleted or self.contacts_added or self.recreated
                    or self.may_have_changed)

    def plan(self, plan, wanted):
        """The diff of a set: what the one reading showed, and what the plan makes of it."""
        doomed_ids = set(d["_id"] for d in plan.doomed)
        self.before = dict((s["_id"], view(s)) for s in plan.summaries)
        self.after = dict((s["_id"], view(s)) for s in plan.summaries if s["_id"] not in doomed_ids)
        for name, found in plan.found.items():
            self.after[found["_id"]] = view(dict(found, **wanted[name].changes(found)))
        for spec in plan.missing:
            self.after["(new) " + spec.name] = view(spec.fields)

    def add(self, kind, outcome, list_id):
        """One list's :class:`Outcome` of ``kind`` (create, converge, delete)."""
        self.warnings.extend(outcome.warnings)
        if kind == "create":
            self.created_outcomes.append(outcome)
        elif kind == "converge":
            (self.updated if outcome.changed else self.unchanged).append(
                outcome.record if outcome.changed else outcome.record["name"])
        elif outcome.changed:
            self.deleted.append(outcome.record or outcome.before)
        self._record_backup(list_id, outcome.extra)

    def forget_created(self, record):
        """A list this run created that gave way to another run's twin: it is no longer this run's."""
        self.created_outcomes = [o for o in self.created_outcomes if o.record is not record]

    def add_contacts(self, name, outcome):
        """A list's :class:`Outcome` once the engine made it hold its declared contacts."""
        synced = outcome.synced
        key = "(new) " + name if "(new) " + name in self.after else outcome.before.get("_id", outcome.record["_id"])
        counts = synced.counts()
        self.contacts_counts[name] = counts
        if key in self.before:
            self.before[key] = dict(self.before[key], contacts={"count": counts["before"]})
        self.after[key] = dict(self.after.get(key, {}), contacts={
            "count": counts["after"], "added": counts["added"], "added_sample": synced.added_sample})
        if synced.added:
            self.contacts_added[name] = synced.added_rows if synced.wanted.inline else synced.added_sample
        if synced.recreated:
            self.recreated.append(dict(synced.recreated, name=name))
            self._record_backup(synced.recreated["old_id"], synced.backup)

    def error(self, what, exc, list_id, name=None):
        """A list's failure, with what was done to it before (a backup, a recreate) and whether Kore changed."""
        self.errors.append("%s: %s" % (what, exc))
        self.failed_after(list_id, exc, name)

    def failed_after(self, list_id, exc, name=None):
        done = exc.done or {}
        if done.get("recreated"):
            self.recreated.append(dict(done["recreated"], name=name))
        self._record_backup(list_id, done)
        self.may_have_changed = self.may_have_changed or may_have_changed(exc)

    def _record_backup(self, list_id, done):
        """A backup written (``done``: a backup's :meth:`~..._backup.file.Backup.result`) goes in the result."""
        if done.get("backup_file"):
            self.backup_files[list_id] = done["backup_file"]
        if done.get("previous_backup_file"):
            self.previous_backup_files[list_id] = done["previous_backup_file"]
        self.removed_temporary_files.extend(done.get("removed_temporary_files", ()))

    def message(self):
        verb = "would be " if self.check_mode else ""
        parts = ["%d %s%s" % (len(items), verb, what) for items, what in (
            (self.created, "created"), (self.updated, "updated"), (self.deleted, "deleted"))]
        text = "contact lists: %s, %d unchanged" % (", ".join(parts), len(self.unchanged))
        if self.gone_meanwhile:
            text += "; %d deleted by someone else meanwhile (after this task read the bot): %s" % (
                len(self.gone_meanwhile), ", ".join(label(r) for r in self.gone_meanwhile))
        if self.contacts_added or self.recreated:
            added = sum(c["added"] for c in self.contacts_counts.values())
            text += "; %d contacts %sadded to %d lists" % (added, verb, len(self.contacts_added))
        if self.recreated:
            text += ", %d lists %sdeleted and created again to drop other contacts" % (len(self.recreated), verb)
        if self.backup_files:
            folder = os.path.dirname(next(iter(self.backup_files.values())))
            text += "; %d backed up to %s first" % (len(self.backup_files), folder)
        if self.removed_temporary_files:
            text += "; removed %d temporary files a killed run had left" % len(self.removed_temporary_files)
        if self.in_use:
            text += ("; kept %d in use by campaigns (stop, back up and delete those with kore.ai.kore_campaign, or "
                     "set force: true to delete the lists): %s" % (
                         len(self.in_use), "; ".join("%s used by %s" % (
                             label(r), ", ".join(campaigns_using(r, self.campaign_types))) for r in self.in_use)))
        if self.errors:
            text += "; %d failed: %s" % (len(self.errors), "; ".join(self.errors))
        if self.not_attempted:
            text += "; %d not attempted after that failure: %s" % (len(self.not_attempted),
                                                                   "; ".join(self.not_attempted))
        return text

    def answer(self, task):
        """The task's result: the warnings go to the task, the diff when the task asks for one."""
        task.warnings.extend(self.warnings)
        return self.result(task.diff)

    def result(self, diff=False):
        """The module's return values: what was created, updated, deleted; failed if anything was kept or failed."""
        result = dict(changed=self.changed, created=self.created, updated=self.updated, deleted=self.deleted,
                      unchanged=self.unchanged, contacts_added=self.contacts_added, recreated=self.recreated,
                      not_attempted=self.not_attempted, contacts_counts=self.contacts_counts,
                      backup_files=self.backup_files, previous_backup_files=self.previous_backup_files,
                      gone_meanwhile=[{"_id": r["_id"], "name": r.get("name")} for r in self.gone_meanwhile],
                      msg=self.message())
        if self.removed_temporary_files:
            result["removed_temporary_files"] = sorted(self.removed_temporary_files)
        if diff:
            result["diff"] = dict(before=self.before, after=self.after)
        if self.in_use or self.errors:
            result["failed"] = True
        if self.tracebacks:
            result["exception"] = "\n".join(self.tracebacks)
        return result


def view(record):
    """A list in a set's diff: the fields a set declares."""
    return dict((k, record[k]) for k in ("name", "description", "allowDuplicates") if k in record)
