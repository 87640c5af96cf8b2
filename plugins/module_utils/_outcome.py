# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What an ensure of one item did (a list, a campaign), and the task result made of it: each resource's outcome
(``_contact_lists/outcome.py``; ``_campaigns/engine.py`` for campaigns) names its record and adds what is its own.
Beside it, what every resource says alike: how an item is named, that it is already absent, that Kore chose no such
id."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


class ItemOutcome(object):
    """What an ensure call did (or, in check mode, would do); the record is returned as ``RESULT_KEY``."""

    RESULT_KEY = "record"

    def __init__(self, changed, record, msg, before=None, after=None, *, warnings=(), created=False, updated=False):
        self.changed = changed
        self.record = record
        self.msg = msg
        self.before = before if before is not None else {}
        self.after = after if after is not None else {}
        self.warnings = list(warnings)
        self.created, self.updated = created, updated
        self.extra = {}  # more return values, e.g. contacts

    def result(self, diff=False):
        """The module's return values: the record, the diff when asked for."""
        result = dict(changed=self.changed, msg=self.msg)
        result[self.RESULT_KEY] = self.record
        result.update(self.extra)
        if diff:
            result["diff"] = dict(before=self.before, after=self.after)
        return result

    def answer(self, task):
        """The task's result: the warnings go to the task, the diff when the task asks for one."""
        task.warnings.extend(self.warnings)
        return self.result(task.diff)

    def tell_written(self, backup, what):
        """A backup written goes in the result and the message (``what`` it holds), with where files that were at
        its path are kept."""
        done = backup.result()
        self.extra.update(done)
        verb = "were" if what.endswith("s") else "was"
        self.msg += "; %s %s written to %s first" % (what, verb, done["backup_file"])
        if "previous_backup_file" in done:
            self.msg += " (the file that was there is kept as %s)" % ", ".join(backup.moved)
        if backup.removed:
            self.msg += "; removed what a killed run had left beside it: %s" % ", ".join(backup.removed)


def label(record, what="", id_field="_id"):
    """How messages name an item: ``'Leads' (cl-1)``; with ``what``, ``voice campaign 'Calls' (cd-1)``."""
    named = "%r (%s)" % (record.get("name"), record.get(id_field))
    return "%s %s" % (what, named) if what else named


def already_absent(outcome_class, resource, client, given_id, named):
    """An ``outcome_class`` for an item of ``resource`` proven absent: unchanged, warning when ``given_id`` is not one
    of Kore's ids (most likely a name given as ``id``). ``named`` is how the message names the item."""
    warnings = []
    if given_id and not given_id.startswith(resource.id_prefix):
        noun = resource.name.split()[-1]
        warnings.append("id %r is not a Kore %s id (those start with %r) and no %s has it; if it is the %s's name, "
                        "use name: instead of id:" % (given_id, resource.name, resource.id_prefix, noun, noun))
    return outcome_class(False, {}, "%s %s is already absent from %s" % (resource.name, named, client.describe()),
                         warnings=warnings)


def refuse_unknown_id(resource, client, given_id, create_with):
    """An id that does not exist cannot be made to exist: Kore chooses ids. ``create_with``: what to give instead
    (``name (and description)``)."""
    noun = resource.name.split()[-1]
    raise KoreInputError("%s %s does not exist in %s; Kore chooses ids, so to create a %s give %s without id"
                         % (resource.name, given_id, client.describe(), noun, create_with))
