# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""kore_campaign's options: every combination no state can mean refused with a clear message before any request,
and each state handed to its one ensure."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._campaigns import options
from ansible_collections.kore.ai.plugins.module_utils._campaigns.options import campaign_task, ensure_campaign
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

BODY = {"name": "Outbound", "campaignType": "agentless"}


def params(**given):
    defaults = dict(id=None, name=None, type="voice", state="present", definition=None, definition_file=None,
                    stop=False, backup_file=None, wait_timeout=120)
    return dict(defaults, **given)


@pytest.mark.parametrize("given, refusal", [
    (dict(state="absent", name="x", definition=BODY), "definition and definition_file are for state: present"),
    (dict(state="absent"), "state: absent needs id or name"),
    (dict(state="present", definition=BODY, backup_file="b.json"),
     "backup_file is written before a campaign is deleted: use it with state: absent"),
    (dict(state="started", name="x", backup_file="b.json"), "backup_file is written before a campaign is deleted"),
    (dict(state="present", name="x"), "state: present needs definition or definition_file"),
    (dict(state="stopped"), "state: stopped needs id or name, or a definition"),
    (dict(state="absent", name="x", backup_file=" "), "backup_file is empty"),
])
def test_what_no_state_can_mean_is_refused_before_any_request(given, refusal):
    with pytest.raises(KoreInputError, match=refusal):
        campaign_task(params(**given))


def test_a_delete_by_name_with_a_backup_is_asked_as_given(tmp_path):
    task = campaign_task(params(state="absent", name="Outbound", type="sms", stop=True,
                                backup_file=str(tmp_path / "b.json")), check_mode=True)
    assert (task.spec.name, task.spec.kind, task.stop, task.check_mode) == ("Outbound", "sms", True, True)
    assert task.backup.path == str(tmp_path / "b.json") and task.definition is None and task.warnings == []


def test_the_declared_definition_takes_the_tasks_name_and_two_names_are_refused():
    task = campaign_task(params(name="Outbound", definition={"campaignType": "agentless"}))
    assert task.definition["name"] == "Outbound" and task.backup is None
    with pytest.raises(KoreInputError, match="name 'Renamed' and the definition's name 'Outbound' differ"):
        campaign_task(params(name="Renamed", definition=BODY))


@pytest.mark.parametrize("state, called, started", [
    ("absent", "ensure_campaign_absent", None),
    ("present", "ensure_campaign_present", None),
    ("started", "ensure_campaign_run_state", True),
    ("stopped", "ensure_campaign_run_state", False),
])
def test_each_state_is_handed_to_its_one_ensure(monkeypatch, state, called, started):
    calls = []
    for name in ("ensure_campaign_absent", "ensure_campaign_present", "ensure_campaign_run_state"):
        monkeypatch.setattr(options, name, lambda *args, name=name, **kwargs: calls.append((name, args, kwargs)))
    given = dict(name="Outbound") if state in ("absent", "stopped", "started") else dict(definition=BODY)
    task = campaign_task(params(state=state, wait_timeout=30, **given))
    ensure_campaign("the entity", task)
    [(name, args, kwargs)] = calls
    assert name == called and args[:2] == ("the entity", task.spec) and kwargs["wait_timeout"] == 30
    assert kwargs.get("started") is started
