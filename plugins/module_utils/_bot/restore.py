# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A bot brought back from its backup directory alone (``layout.py``): every list it lacks with every contact of
its backup, through the set's engine (a list it has gains the contacts it lacks), then every campaign through the
campaign's engine, at rest unless ``resume``. Into whatever bot the connection names: a restore also copies a bot.
Run again, it sends no write; in check mode none, and campaigns that name lists it would create are accepted.

A campaign's record names its flow by id only (``experienceFlow``) while a create sends it by name: ``flows`` maps
ids to names, and a campaign whose create needs its flow and whose id it lacks is named, with that id."""

from __future__ import annotations

import os

from ansible_collections.kore.ai.plugins.module_utils._bot.layout import campaign_backups, list_backups
from ansible_collections.kore.ai.plugins.module_utils._campaigns.definition import (
    CampaignSpec,
    IncompleteDefinition,
    declared_body,
    with_name,
)
from ansible_collections.kore.ai.plugins.module_utils._campaigns.engine import ensure_campaign_present
from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import Campaigns, running
from ansible_collections.kore.ai.plugins.module_utils._campaigns.run_state import ensure_campaign_run_state
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.list_set import ensure_set
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.work import ListWork
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._progress import SILENT


class RestoreOutcome(object):
    """The lists' set outcome and what became of each campaign."""

    def __init__(self, check_mode, warnings):
        self.check_mode, self.warnings = check_mode, list(warnings)
        self.lists = None
        self.campaigns = dict(created=[], updated=[], unchanged=[], started=[], at_rest=[])
        self.errors = []

    @property
    def changed(self):
        return bool((self.lists is not None and self.lists.changed) or self.campaigns["created"]
                    or self.campaigns["updated"] or self.campaigns["started"])

    def add(self, name, outcome, was_running, resume):
        """One campaign's outcome; ``was_running`` when backed up, started again with ``resume``."""
        done = self.campaigns
        started = was_running and resume and outcome.changed and outcome.extra.get("status") == "Active"
        if outcome.created or outcome.updated:
            done["created" if outcome.created else "updated"].append(name)
        elif not started:
            done["unchanged"].append(name)
        if started:
            done["started"].append(name)
        elif was_running and not resume:
            done["at_rest"].append(name)

    def result(self, diff=False):
        lists = self.lists.result(diff) if self.lists is not None else {}
        verb = "would be " if self.check_mode else ""
        text = "%s; campaigns: %d %screated, %d %supdated, %d unchanged" % (
            lists.get("msg", "no list backup"), len(self.campaigns["created"]), verb,
            len(self.campaigns["updated"]), verb, len(self.campaigns["unchanged"]))
        if self.campaigns["started"]:
            text += ", %d %sstarted again" % (len(self.campaigns["started"]), verb)
        if self.campaigns["at_rest"]:
            text += "; running when backed up, back at rest (resume_campaigns starts them): %s" % ", ".join(
                self.campaigns["at_rest"])
        if self.errors:
            text += "; %d campaigns failed: %s" % (len(self.errors), "; ".join(self.errors))
        result = dict(changed=self.changed, lists=lists, campaigns=self.campaigns, msg=text)
        if self.errors or lists.get("failed"):
            result["failed"] = True
        return result


def with_flow(record, body, flows):
    """The body with the flow's name ``flows`` gives for the record's flow id, unless the body names one."""
    flow_id = record.get("experienceFlow")
    if "experienceFlowName" in body or flow_id not in flows:
        return body
    return dict(body, experienceFlowName=flows[flow_id])


def flow_unknown(record):
    """What to do for a campaign whose create needs the flow its record names by id only."""
    return "its record names its flow by id only (%s), and its create needs the flow's name: give experience_flows" \
        " {%s: <the flow's name>}. Nothing was changed for it" % (record["experienceFlow"], record["experienceFlow"])


def restore(client, backup_dir, *, parallel=4, wait_timeout=120, resume=False, check_mode=False, progress=SILENT,
            flows=None):
    """Every list and campaign ``backup_dir`` holds that the bot lacks, as :class:`RestoreOutcome`."""
    if not os.path.isdir(backup_dir):
        raise KoreInputError("backup_dir %s is not a directory: there is nothing to restore from there (a wrong "
                             "path?). Nothing was changed." % os.path.abspath(backup_dir))
    flows = flows or {}
    if not all(isinstance(name, str) and name.strip() for name in flows.values()):
        raise KoreInputError("experience_flows maps each flow id to the flow's name, a non-empty string. Nothing was "
                             "changed.")
    entries, warnings = list_backups(backup_dir)
    # every campaign's definition is checked before any request, from the record read once
    campaigns = [(record, declared_body(record, record["type"], "backup %s" % path))
                 for path, record in campaign_backups(backup_dir)]
    outcome = RestoreOutcome(check_mode, warnings + [w for dummy, d in campaigns for w in d.warnings])
    if entries:
        outcome.lists = ensure_set(client, entries, ListWork(check_mode=check_mode), parallel=parallel,
                                   wait_timeout=wait_timeout, progress=progress)
        if outcome.lists.errors or outcome.lists.in_use:
            return outcome  # campaigns name their lists: none is restored without them
    coming = [r["name"] for r in outcome.lists.created] if outcome.lists is not None else []
    for record, declared in campaigns:
        spec = CampaignSpec(name=record["name"], kind=record["type"])
        was_running = running(record)
        try:
            body = with_name(spec, with_flow(record, declared.body, flows))
            if was_running and resume:
                done = ensure_campaign_run_state(Campaigns(client, spec.kind), spec, body, started=True,
                                                 wait_timeout=wait_timeout, check_mode=check_mode, coming=coming)
            else:
                done = ensure_campaign_present(Campaigns(client, spec.kind), spec, body, check_mode=check_mode,
                                               coming=coming)
        except KoreError as exc:
            needs_flow = isinstance(exc, IncompleteDefinition) and "experienceFlowName" in exc.missing \
                and record.get("experienceFlow")
            outcome.errors.append("%s campaign %r: %s" % (spec.kind, spec.name,
                                                          flow_unknown(record) if needs_flow else exc))
            continue
        outcome.warnings.extend(done.warnings)
        outcome.add(record["name"], done, was_running, resume)
    return outcome
