# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a kore_campaign task asks: its options checked together, before any request, and the one ensure they
ask for (absent, present, started or stopped)."""

from __future__ import annotations

from dataclasses import dataclass

from ansible_collections.kore.ai.plugins.module_utils._backup.options import backup_file
from ansible_collections.kore.ai.plugins.module_utils._campaigns.definition import (
    CampaignSpec,
    declared_definition,
    with_name,
)
from ansible_collections.kore.ai.plugins.module_utils._campaigns.engine import (
    ensure_campaign_absent,
    ensure_campaign_present,
)
from ansible_collections.kore.ai.plugins.module_utils._campaigns.run_state import ensure_campaign_run_state
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


@dataclass(frozen=True)
class CampaignTask(object):
    """A kore_campaign task's options, every combination refused here that no state can mean."""

    state: str
    spec: CampaignSpec
    definition: object          # the declared body with the task's name laid over it, or None
    warnings: list              # what reading the declared definition warned of
    stop: bool
    backup: object              # a _backup.file.Backup, or None
    wait_timeout: int
    check_mode: bool


def campaign_task(params, check_mode=False):
    """The :class:`CampaignTask` of kore_campaign's ``params``; a clear refusal, before any request, otherwise."""
    spec = CampaignSpec(params["id"], params["name"], params["type"])
    declared = declared_definition(params["definition"], params["definition_file"], params["type"])
    state, named = params["state"], spec.campaign_id is not None or spec.name is not None
    if state == "absent":
        if declared is not None:
            raise KoreInputError("definition and definition_file are for state: present; to delete a campaign give "
                                 "its id or name")
        if not named:
            raise KoreInputError("state: absent needs id or name")
    elif params["backup_file"] is not None:
        raise KoreInputError("backup_file is written before a campaign is deleted: use it with state: absent")
    elif state == "present":
        if declared is None:
            raise KoreInputError("state: present needs definition or definition_file: the campaign as declared")
    elif declared is None and not named:
        raise KoreInputError("state: %s needs id or name, or a definition" % state)
    definition, warnings = (None, []) if declared is None else (with_name(spec, declared.body), declared.warnings)
    return CampaignTask(state, spec, definition, list(warnings), params["stop"], backup_file(params),
                        params["wait_timeout"], check_mode)


def ensure_campaign(campaigns, task):
    """The one ensure ``task`` (a :class:`CampaignTask`) asks of ``campaigns`` (its type's entity)."""
    if task.state == "absent":
        return ensure_campaign_absent(campaigns, task.spec, stop=task.stop, backup=task.backup,
                                      wait_timeout=task.wait_timeout, check_mode=task.check_mode)
    if task.state == "present":
        return ensure_campaign_present(campaigns, task.spec, task.definition, stop=task.stop,
                                       wait_timeout=task.wait_timeout, check_mode=task.check_mode)
    return ensure_campaign_run_state(campaigns, task.spec, task.definition, started=task.state == "started",
                                     stop=task.stop, wait_timeout=task.wait_timeout, check_mode=task.check_mode)
