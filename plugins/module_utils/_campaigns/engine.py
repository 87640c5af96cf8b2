# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ensure engine of a campaign: absent (backed up first, stopped first when asked) and present (created, or
its declared fields made to hold). Check mode runs the same code; only the writes are replaced by what Kore would
answer. Every failure after a change (a stop sent, a backup written) is reported with it, never as unchanged."""

from __future__ import annotations

import dataclasses

from ansible_collections.kore.ai.plugins.module_utils._campaigns.definition import (
    differences,
    named_lists,
    refuse_incomplete,
)
from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import running
from ansible_collections.kore.ai.plugins.module_utils._campaigns.resource import LIST_RECORDS
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreError,
    KoreInputError,
    KoreInUseError,
    reported_after,
    with_done,
)
from ansible_collections.kore.ai.plugins.module_utils._ensure import Hooks, ensure_absent, ensure_present
from ansible_collections.kore.ai.plugins.module_utils._outcome import ItemOutcome
from ansible_collections.kore.ai.plugins.module_utils._outcome import label as item_label
from ansible_collections.kore.ai.plugins.module_utils._wait import WAIT_TIMEOUT, checked_wait_timeout

RUNNING = ("{campaign} is {status}, so running; set stop: true to stop it first{then}. Nothing was changed.")


class CampaignOutcome(ItemOutcome):
    """What an ensure of a campaign did: the record is ``campaign``, ``stopped`` says whether it was stopped."""

    RESULT_KEY = "campaign"

    def __init__(self, changed, record, msg, before=None, after=None, *, stopped=False, **kwargs):
        super().__init__(changed, record, msg, before, after, **kwargs)
        self.extra["stopped"] = stopped


def label(campaign):
    return item_label(campaign, "%s campaign" % campaign.get("type"), "id")


@dataclasses.dataclass(frozen=True)
class CampaignWork(object):
    """What a task asks of its campaign: ``stop`` it first when it runs (waiting ``wait_timeout`` seconds for it to
    rest), ``backup`` its record first, ``check_mode``."""

    stop: bool = False
    backup: object = None
    wait_timeout: int = WAIT_TIMEOUT
    check_mode: bool = False


class CampaignHooks(Hooks):
    """A campaign's own way in the one ensure (``_ensure.py``): found in its type's list-all (the whole record only
    for a backup), refused while it runs unless ``stop``, its record written before anything is sent, stopped and
    waited for before its DELETE, and every failure after a change told with it."""

    outcome = CampaignOutcome
    id_field = "id"

    def __init__(self, campaigns, work, definition=None, coming=()):
        super().__init__(campaigns, work)
        self.definition, self.coming = definition or {}, coming
        self.stopping = False

    def label(self, record):
        return label(record)

    def find(self, spec):
        # by id or name, the list-all's item tells the status; the whole record (GET) is needed only for the backup
        return self.entity.find(spec.campaign_id, spec.name, whole=self.work.backup is not None)

    def checked(self, current):
        self.stopping = running(current)
        if self.stopping and not self.work.stop:
            raise KoreInUseError(RUNNING.format(campaign=label(current), status=current.get("status"),
                                                then=" and delete it"))
        return current

    def verb(self, current):
        return "stopped and deleted" if self.stopping else "deleted"

    def keep(self, current):
        if self.work.backup is not None and not self.work.check_mode:
            self.work.backup.write_json(current)  # a failure leaves the campaign as it was

    def delete(self, current):
        done = self.work.backup.result() if self.work.backup is not None else {}
        if self.stopping:
            stop_at_rest(self.entity, current, self.work.wait_timeout, done, " and was not deleted")
        try:
            return self.entity.delete(current["id"])
        except KoreError as exc:
            if self.stopping or done:
                # a stop sent is a change, whatever the DELETE then met
                raise with_done(exc, _before_that(current, self.stopping, done), stopped=self.stopping,
                                changed=self.stopping, **done)
            raise

    def gone(self, current):
        return CampaignOutcome(self.stopping, {}, "%s was deleted by someone else meanwhile" % label(current))

    def told(self, outcome):
        outcome.extra["stopped"] = self.stopping
        if self.work.backup is not None and self.work.backup.written:
            outcome.tell_written(self.work.backup, "its record")
        return outcome

    as_wanted = "is as declared"
    create_with = "its name (and definition)"

    def current(self, spec):
        return self.entity.find(spec.campaign_id, spec.name or self.definition.get("name"))

    def create(self, spec):
        definition = self.definition
        refuse_incomplete(self.entity.kind, definition)
        self._require_lists()
        if self.work.check_mode:
            record = dict(definition, id="(known once created)", type=self.entity.kind, status="Preparing")
            return CampaignOutcome(True, record, "%s campaign %r would be created" % (self.entity.kind,
                                                                                      definition["name"]), {}, record,
                                   created=True)
        made = self.entity.create(definition)
        return CampaignOutcome(True, made, "%s created" % label(made), {}, made, created=True)

    def changes(self, spec, current):
        return differences(self.definition, current)

    def checked_update(self, current, changes):
        self._require_lists()
        self.stopping = running(current)
        if self.stopping and not self.work.stop:
            raise KoreInUseError(RUNNING.format(campaign=label(current), status=current.get("status"),
                                                then=" (Kore refuses to edit a running campaign) and update it"))
        return "%supdated: %s" % ("stopped and " if self.stopping else "", ", ".join(sorted(changes)))

    def update(self, current, changes):
        if not self.stopping:
            return self.entity.update(current["id"], changes)
        stop_at_rest(self.entity, current, self.work.wait_timeout, {}, " and was not updated")
        with reported_after(_before_that(current, True, {}), stopped=True):
            return self.entity.update(current["id"], changes)

    def _require_lists(self):
        """Every list the definition names exists, before any write; in check mode, lists the same run creates
        first count (``coming``)."""
        _require_lists(self.entity.client, self.definition, self.coming if self.work.check_mode else ())


def ensure_campaign_absent(campaigns, spec, *, stop=False, backup=None, wait_timeout=WAIT_TIMEOUT, check_mode=False):
    """Delete the campaign of ``spec``, backed up first (``backup``: its whole record as JSON) and, with ``stop``,
    stopped first when it runs; or say it is gone already (only once its type's list-all lacks it)."""
    checked_wait_timeout(wait_timeout)
    if backup is not None:
        backup.check()
    return ensure_absent(CampaignHooks(campaigns, CampaignWork(stop, backup, wait_timeout, check_mode)), spec)


def stop_at_rest(campaigns, current, wait_timeout, done, kept):
    """Stop the running campaign and wait until it is at rest (``current["status"]`` then says how); any failure
    once the stop was sent says so, and what was ``kept``."""
    try:
        campaigns.stop(current["id"])
    except KoreError as exc:
        if done:
            raise with_done(exc, _before_that(current, False, done), **done)
        raise
    with reported_after(_before_that(current, True, {}), stopped=True, **done):
        status = campaigns.wait_at_rest(current["id"], wait_timeout)
        if status is None:
            raise KoreError("%s was sent Kore's stop, but its status still says it runs after wait_timeout %d "
                            "seconds: it was kept%s. Run the task again once it has stopped"
                            % (label(current), wait_timeout, kept))
        current["status"] = status


def _before_that(current, stopped, done):
    said = []
    if done:
        said.append("its record had been written to %s first" % done["backup_file"])
    if stopped:
        said.append("it had been stopped")
    return "Before that, %s: %s" % (label(current), " and ".join(said)) if said else ""


def ensure_campaign_present(campaigns, spec, definition, *, stop=False, wait_timeout=WAIT_TIMEOUT,
                            check_mode=False, coming=()):
    """The campaign as ``definition`` (a create body, see ``definition.py``) declares it: created when missing,
    its declared fields sent with PUT when they differ, or left as it is. ``coming``: the names of lists the same
    run creates first, which count as present in check mode (a restore's)."""
    checked_wait_timeout(wait_timeout)
    work = CampaignWork(stop, None, wait_timeout, check_mode)
    return ensure_present(CampaignHooks(campaigns, work, definition, coming), spec)


def _require_lists(client, definition, coming=()):
    """Every list the definition names exists (a contact list as a call list), before any write."""
    contact_lists, dnc_lists = named_lists(definition)
    contact_lists = [n for n in contact_lists if n not in coming]
    if not contact_lists and not dnc_lists:
        return
    records = LIST_RECORDS.items(client)
    calls = set(r["name"] for r in records if r.get("listType", "call") == "call")
    every = set(r["name"] for r in records)
    missing = ["contact list %r" % n for n in contact_lists if n not in calls]
    missing += ["DNC list %r" % n for n in dnc_lists if n not in every]
    if missing:
        raise KoreInputError("the definition names %s, which %s not exist in %s. Nothing was changed."
                             % (", ".join(missing), "does" if len(missing) == 1 else "do", client.describe()))
