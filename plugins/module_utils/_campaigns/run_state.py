# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A campaign's run state as declared: ``started`` (present and running) or ``stopped`` (present and at rest),
through Kore's only documented triggers, ``play`` and ``stop``. Check mode takes the same path; only the triggers
are left out."""

from __future__ import annotations

import contextlib

from ansible_collections.kore.ai.plugins.module_utils._campaigns.engine import (
    CampaignOutcome,
    checked_wait_timeout,
    ensure_campaign_present,
    label,
    stop_at_rest,
)
from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import running
from ansible_collections.kore.ai.plugins.module_utils._campaigns.resource import AT_REST
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreInputError, reported_after

SETTLING = "Preparing"     # a campaign just created or edited: neither started nor stoppable until it settles
PAUSED = "Paused"           # Kore documents no pause call; the UI pauses, and play resumes


def ensure_campaign_run_state(campaigns, spec, definition, *, started, stop=False, wait_timeout=120,
                              check_mode=False, coming=()):
    """The campaign present (as ``definition`` declares it, when given) and running (``started``) or at rest.
    ``coming``: lists the same run creates first (``ensure_campaign_present``)."""
    checked_wait_timeout(wait_timeout)
    if definition is not None:
        present = ensure_campaign_present(campaigns, spec, definition, stop=stop, wait_timeout=wait_timeout,
                                          check_mode=check_mode, coming=coming)
    else:
        current = campaigns.find(spec.campaign_id, spec.name, whole=False)
        if current is None:
            raise KoreInputError("%s campaign %s does not exist in %s; to create it, give its definition"
                                 % (spec.kind, spec.named(), campaigns.client.describe()))
        present = CampaignOutcome(False, current, "%s is present" % label(current), current, current)
    made = present.changed and not check_mode
    with reported_after("Before that, %s" % present.msg, campaign=present.record) if made else \
            contextlib.nullcontext():
        return _run_state(campaigns, present, started, wait_timeout, check_mode)


def _run_state(campaigns, present, started, wait_timeout, check_mode):
    current = present.record
    status = current.get("status")
    verb = None
    # a Paused campaign runs for a delete's sake (it must be stopped first), but is not running as started means
    if started and (not running(current) or status in (PAUSED, SETTLING)):
        verb = "started"
    elif not started and running(current) and status != SETTLING:
        verb = "stopped"
    if verb is None and status != SETTLING:
        return _with(present, False, current, "%s is %s" % (label(current), "running" if started else "at rest"))
    if check_mode:
        if verb is None:  # settling to rest: a stopped campaign once it settles
            return _with(present, False, current, "%s is %s, so at rest once it settles" % (label(current), status))
        after = dict(current, status="Active" if started else "Stopped")
        return _with(present, True, after, "%s would be %s" % (label(current), verb))
    if status == SETTLING:
        status = _settled(campaigns, current, wait_timeout)
        if (status not in AT_REST) == started:
            return _with(present, False, dict(current, status=status), "%s is %s" % (label(current), status))
    if started:
        campaigns.start(current["id"])
        status = campaigns.status(current["id"])
    else:
        stopping = dict(current)
        stop_at_rest(campaigns, stopping, wait_timeout, {}, "")
        status = stopping["status"]
    return _with(present, True, dict(current, status=status), "%s %s" % (label(current), verb),
                 stopped=not started)


def _settled(campaigns, current, wait_timeout):
    """The status a Preparing campaign settles to; no trigger is sent."""
    status = campaigns.wait_at_rest(current["id"], wait_timeout)
    if status is None:
        raise KoreError("%s did not come to rest within wait_timeout %d seconds; run the task again once it has"
                        % (label(current), wait_timeout))
    return status


def _with(present, changed, record, msg, stopped=False):
    """The present outcome and the run state's, as one."""
    said = msg if not present.changed else "%s; %s" % (present.msg, msg)
    outcome = CampaignOutcome(present.changed or changed, record, said, present.before, record, stopped=stopped,
                              created=present.created, updated=present.updated, warnings=present.warnings)
    outcome.extra["status"] = record.get("status")
    return outcome
