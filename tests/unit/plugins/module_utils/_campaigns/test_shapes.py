# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Kore's documented campaign shapes: what a body of each type takes, what a create requires, and a record read
as the body that makes it again, compared on what was declared only."""

from __future__ import annotations

import pytest
from kore_sim import samples

from ansible_collections.kore.ai.plugins.module_utils._campaigns.shapes import (
    definition_of,
    differs,
    holds,
    required_to_create,
)


def test_a_record_is_read_as_the_body_that_makes_it_again():
    record = samples.record_of("voice", samples.PREVIEW)
    body, left_out = definition_of("voice", record)
    assert body["queue_name"] == "Default Queue" and "connection" not in body
    assert "useSystemMappings" not in body["dialingStrategy"] and body["maxSkips"] == 1
    assert left_out == sorted(["_id", "lname", "status", "isFiltersEnabled", "createdAt", "updatedAt",
                               "campaignInstanceUpdatedAt"])
    sms, left_out = definition_of("sms", samples.record_of("sms", samples.SMS))
    assert "totalMessagesSent" in left_out and "experienceFlow" in left_out and sms["format"] == "advanced"


@pytest.mark.parametrize("declared, shown, expected", [
    ({"a": 1}, {"a": 1, "b": 2}, True),
    ({"a": {"b": [1, {"c": 2}]}}, {"a": {"b": [1, {"c": 2, "d": 3}], "e": 4}}, True),
    ({"a": 1}, {}, False),
    ([1, 2], [2, 1], False),
    ([1], [1, 2], False),
    ("5", 5, False),
])
def test_a_record_holds_what_was_declared_and_may_add_its_own(declared, shown, expected):
    assert holds(declared, shown) is expected


def test_values_compare_as_kore_shows_them():
    assert not differs("priority", 5, {"priority": "5"}) and differs("priority", 4, {"priority": "5"})
    assert not differs("enableMachineDetect", "no", {"enableMachineDetect": False})
    assert not differs("queue_name", "Q", {"connection": "Q"}) and differs("queue_name", "Q", {})
    assert not differs("experienceFlowName", "Flow", {"experienceFlow": "cf-1"})
    assert differs("experienceFlowName", "Flow", {"experienceFlowName": "Other"})
    assert not differs("dncLists", {"name": "D"}, {"dncLists": {"id": "cl-1", "name": "D"}})


def test_what_a_create_requires_follows_type_and_dialing_mode():
    assert required_to_create("sms", {}) == ["name", "contactLists"]
    assert required_to_create("sms", {"format": "advanced"}) == ["name", "contactLists", "experienceFlowName"]
    assert required_to_create("voice", {"dialingMode": "Preview"}) == ["name", "contactLists", "dncLists"]
    assert required_to_create("voice", dict(samples.AGENTLESS)) == []
    assert required_to_create("voice", {"dialingMode": "Progressive", "name": "n", "contactLists": ["L"],
                                        "dncLists": {"name": "D"}}) == ["queue_name"]
