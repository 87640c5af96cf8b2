# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one ensure of an item of any resource: the sequence written once, each resource's own way in hooks.

Absent: find the item (or prove it gone), pass the in-use gate, keep what must be kept (a backup) before anything
is deleted, stop in check mode, delete, and say what was done, a failure after a change included. Present: find
it, create it when missing (an id Kore did not choose refused), or send what differs, after the gate an update
has. A resource
supplies a :class:`Hooks` subclass (contact lists in ``_contact_lists/engine.py``, campaigns in
``_campaigns/engine.py``); a third is a description (``_resource.py``), the entity (``_entity.py``) and its hooks.
"""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError
from ansible_collections.kore.ai.plugins.module_utils._outcome import ItemOutcome, already_absent, refuse_unknown_id
from ansible_collections.kore.ai.plugins.module_utils._outcome import label as item_label


class GoneMeanwhile(Exception):
    """Raised by a hook: the item was found, then deleted by someone else before this run could keep or delete
    it; ``msg`` says so, and the ensure ends unchanged."""

    def __init__(self, msg):
        super().__init__(msg)
        self.msg = msg


class ItemSpec(object):
    """Which item an ensure works on: ``item_id`` (Kore's id) or ``name``. A resource's spec extends it with what
    a task declares of the item."""

    def __init__(self, item_id=None, name=None):
        self.item_id, self.name = item_id, name

    def named(self):
        """How a message names the item before it is found: its id, or its name quoted."""
        return self.item_id or repr(self.name)


class Hooks(object):
    """What one resource does its own way in the ensure of one item, over its ``entity`` (``_entity.py``) and what
    the task asks (``work``: at least ``check_mode``). Every default is the plain way."""

    outcome = ItemOutcome   # the resource's outcome class
    id_field = "_id"

    def __init__(self, entity, work):
        self.entity, self.work = entity, work

    def label(self, record):
        """How messages name the item: ``contact list 'Leads' (cl-1)``."""
        return item_label(record, self.entity.resource.name, self.id_field)

    def find(self, spec):
        """The item ``spec`` names, None once proven absent."""
        return self.entity.find(spec.item_id, spec.name)

    def absent(self, spec):
        """The outcome of an item proven absent: unchanged, warning of an id Kore never gives."""
        return already_absent(self.outcome, self.entity.resource, self.entity.client, spec.item_id, spec.named())

    def checked(self, current):
        """The in-use gate: raise to refuse; returns the item to go on with (with what the gate learned)."""
        return current

    def verb(self, current):
        return "deleted"

    def keep(self, current):
        """What must be kept before the DELETE (a backup), in check mode too (where nothing is written)."""

    def delete(self, current):
        """The DELETE: the deleted record, ``{}`` when it is not known, None when someone else deleted it first."""
        return self.entity.delete(self.entity.resource.id_of(current))

    def gone(self, current):
        """The outcome when someone else deleted the item after it was found."""
        return self.outcome(False, {}, "%s was deleted by someone else meanwhile" % self.label(current))

    def failed(self, exc):
        """What a failure while keeping or deleting says: by default, the failure itself."""
        return exc

    def told(self, outcome):
        """The outcome with what was kept (a backup's files) added: the ensure's last word."""
        return outcome

    # ---- present ------------------------------------------------------------------------------------------------

    as_wanted = "is as wanted"          # how an item that needs nothing is told
    create_with = "its name"            # what to give instead of an id Kore did not choose

    def current(self, spec):
        """The item to compare with what ``spec`` declares, None once proven absent."""
        return self.find(spec)

    def create(self, spec):
        """The outcome of creating the item (in check mode, of what Kore would answer)."""
        raise NotImplementedError("%ss are not created by this collection" % self.entity.resource.name)

    def changes(self, spec, current):
        """What differs between ``spec`` and ``current``: the fields to send."""
        return {}

    def checked_update(self, current, changes):
        """The gate an update has (raise to refuse); returns how the update is told (``updated: name``)."""
        return "updated: %s" % ", ".join(sorted(changes))

    def update(self, current, changes):
        """Send ``changes``: the record after them."""
        return self.entity.update(self.entity.resource.id_of(current), changes)


def ensure_absent(hooks, spec):
    """Delete the item of ``spec``, or say it is gone already; check mode decides on the same path and sends no
    write."""
    current = hooks.find(spec)
    if current is None:
        return hooks.absent(spec)
    current = hooks.checked(current)
    verb = hooks.verb(current)
    try:
        hooks.keep(current)
        if hooks.work.check_mode:
            return hooks.told(hooks.outcome(True, current, "%s would be %s" % (hooks.label(current), verb), current,
                                            {}))
        deleted = hooks.delete(current)
    except GoneMeanwhile as gone:
        return hooks.told(hooks.outcome(False, {}, gone.msg))
    except KoreError as exc:
        raise hooks.failed(exc)
    if deleted is None:
        return hooks.told(hooks.gone(current))
    record = deleted or current  # {} when only the retry of a lost answer saw it gone
    return hooks.told(hooks.outcome(True, record, "%s %s" % (hooks.label(record), verb), current, {}))


def ensure_present(hooks, spec):
    """The item of ``spec`` as declared: created, updated or left as it is; check mode decides on the same path and
    sends no write."""
    current = hooks.current(spec)
    if current is None:
        if spec.item_id:
            refuse_unknown_id(hooks.entity.resource, hooks.entity.client, spec.item_id, hooks.create_with)
        return hooks.told(hooks.create(spec))
    return converge(hooks, current, spec)


def converge(hooks, current, spec):
    """Send what differs between ``current`` and ``spec``, or nothing."""
    changes = hooks.changes(spec, current)
    if not changes:
        return hooks.told(hooks.outcome(False, current, "%s %s" % (hooks.label(current), hooks.as_wanted), current,
                                        current))
    verb = hooks.checked_update(current, changes)
    if hooks.work.check_mode:
        after = dict(current, **changes)
        return hooks.told(hooks.outcome(True, after, "%s would be %s" % (hooks.label(current), verb), current, after,
                                        updated=True))
    after = hooks.update(current, changes)
    return hooks.told(hooks.outcome(True, after, "%s %s" % (hooks.label(after), verb), current, after,
                                    updated=True))
