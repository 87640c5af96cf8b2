# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A campaign as declared: the fields Kore sets dropped, one name, lists compared by name in any order."""

from __future__ import annotations

import json

import pytest

from ansible_collections.kore.ai.plugins.module_utils._campaigns.definition import (
    CampaignSpec,
    declared_definition,
    differences,
    named_lists,
    with_name,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

RECORD = {"_id": "cd-1", "id": "cd-1", "type": "voice", "status": "Stopped", "createdAt": "t", "updatedAt": "t",
          "name": "R", "description": "d", "contactLists": ["A", "B"], "dncLists": [{"name": "D"}], "priority": 3}


def test_a_backup_restores_as_it_is_without_what_kore_sets(tmp_path):
    (tmp_path / "r.json").write_text(json.dumps(RECORD))
    declared = declared_definition(definition_file=str(tmp_path / "r.json"))
    assert declared == {"name": "R", "description": "d", "contactLists": ["A", "B"], "dncLists": [{"name": "D"}],
                        "priority": 3}
    assert differences(declared, RECORD) == {} and named_lists(declared) == (["A", "B"], ["D"])
    assert declared_definition() is None


@pytest.mark.parametrize("given, words", [
    (dict(definition_file="/nonexistent/r.json"), "cannot be read"),
    (dict(definition=["a"]), "must be a dict"),
    (dict(definition={"contactLists": "A"}), "contactLists must be a list of list names"),
    (dict(definition={"dncLists": [{"id": "x"}]}), "dncLists must be a list of list names"),
])
def test_a_definition_nobody_can_send_is_refused(given, words):
    with pytest.raises(KoreInputError, match=words):
        declared_definition(**given)


def test_a_file_that_is_not_json_is_refused(tmp_path):
    (tmp_path / "r.json").write_text("{not json")
    with pytest.raises(KoreInputError, match="is not JSON"):
        declared_definition(definition_file=str(tmp_path / "r.json"))


def test_only_declared_fields_count_and_lists_by_name_in_any_order():
    assert differences({"contactLists": ["B", "A"], "dncLists": ["D"]}, RECORD) == {}
    assert differences({"contactLists": ["A"], "priority": 3}, RECORD) == {"contactLists": ["A"]}
    assert differences({"schedule": {"x": 1}}, RECORD) == {"schedule": {"x": 1}}


def test_one_name_from_the_option_or_the_definition():
    assert with_name(CampaignSpec(name="R"), {})["name"] == "R"
    assert with_name(CampaignSpec(), {"name": "R"})["name"] == "R"
    assert "name" not in with_name(CampaignSpec(campaign_id="cd-1"), {"priority": 1})
    with pytest.raises(KoreInputError, match="differ"):
        with_name(CampaignSpec(name="A"), {"name": "B"})
    with pytest.raises(KoreInputError, match="needs a name"):
        with_name(CampaignSpec(), {"priority": 1})
    with pytest.raises(KoreInputError, match="id must be a non-empty"):
        CampaignSpec(campaign_id=" ")
