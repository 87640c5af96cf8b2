# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What an ensure of one list did, and the task result made of it: the one place that result is assembled (a set's
is gathered from these in ``set_outcome.py``)."""

from __future__ import annotations

import contextlib

from ansible_collections.kore.ai.plugins.module_utils._errors import reported_after
from ansible_collections.kore.ai.plugins.module_utils._outcome import ItemOutcome


class Outcome(ItemOutcome):
    """What an ensure_* call did to a list (or, in check mode, would do): the record is ``contact_list``."""

    RESULT_KEY = "contact_list"

    def __init__(self, changed, record, msg, before=None, after=None, *, warnings=(), created=False, updated=False):
        super().__init__(changed, record, msg, before, after, warnings=warnings, created=created, updated=updated)
        self.synced = None  # the contacts' Synced, once they were made to hold the declared ones

    def done(self):
        """What a failure after this outcome's change must still return (see :meth:`reporting`)."""
        return dict(((k, v) for k, v in self.extra.items() if k != "contacts"), contact_list=self.record)

    def reporting(self, check_mode):
        """A context in which a failure says what this outcome had changed (nothing to say in check mode)."""
        if not self.changed or check_mode:
            return contextlib.nullcontext()
        recreated = self.synced is not None and self.synced.recreated
        note = self.synced.recreation_note() if recreated else "Before that: %s" % self.msg
        return reported_after(note, **self.done())

    def tell_backup(self, backup, count=None):
        """A backup written goes in the result and the message, with where files that were at its path are kept."""
        self.tell_written(backup, "its %scontacts" % ("%d " % count if count is not None else ""))

    def add_contacts(self, synced, backup, *, check_mode):
        """What :func:`~.contacts_sync.sync` did to the list's contacts, in the result, the message and the diff."""
        self.synced = synced
        self.changed = self.changed or synced.changed
        verb = "would be " if check_mode else ""
        if synced.recreated:
            self.record = synced.record
            self.msg += "; deleted and %screated again (%s -> %s) to drop %d contacts not declared" % (
                verb, synced.recreated["old_id"], synced.recreated["new_id"] or "a new id", synced.held.others)
            self.extra["recreated"] = synced.recreated
        if synced.backup:
            self.tell_backup(backup, synced.held.count)
        if synced.added:
            self.msg += "; %d contacts %sadded" % (synced.added, verb)
        self._report_contacts(synced)

    def _report_contacts(self, synced):
        """Inline contacts are few: results and diffs list them. A file's are counted, with a sample."""
        counts = synced.counts()
        wanted, held = synced.wanted, synced.held
        self.extra["contacts_counts"] = counts
        if wanted.inline:
            self.extra["contacts_added"] = synced.added_rows
        else:
            self.extra["contacts_added_sample"] = synced.added_sample
        if wanted.inline and held.complete:
            before = sorted(held.keys)
            after = sorted(([] if synced.recreated else held.keys) + synced.added_identities())
        else:
            before = {"count": counts["before"], "dropped": counts["dropped"],
                      "dropped_sample": held.others_sample if synced.recreated else []}
            after = {"count": counts["after"], "added": counts["added"], "added_sample": synced.added_sample}
        after_record = self.record if synced.recreated else (self.after or self.record)
        self.before = dict(self.before, contacts=before) if self.before else {}
        self.after = dict(after_record, contacts=after)
