# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A campaign as declared: the body Kore documents for its type, a record read back as that body, one name, each
field in the shape Kore's pages print, and a record compared on what was declared only."""

from __future__ import annotations

import json

import pytest
from kore_sim import samples

from ansible_collections.kore.ai.plugins.module_utils._campaigns.definition import (
    CampaignSpec,
    declared_definition,
    differences,
    named_lists,
    refuse_incomplete,
    with_name,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

BODIES = [("voice", body) for body in samples.VOICE_BODIES.values()] + [("sms", samples.SMS)]


@pytest.mark.parametrize("kind, body", BODIES, ids=list(samples.VOICE_BODIES) + ["sms"])
def test_each_documented_body_is_a_definition_and_its_record_restores_to_it(kind, body, tmp_path):
    declared = declared_definition(definition=body, kind=kind)
    assert declared.warnings == [] and "campaignType" not in declared.body
    assert dict(declared.body, campaignType=kind) == body
    record = samples.record_of(kind, body)
    assert differences(declared.body, record) == {}
    (tmp_path / "backup.json").write_text(json.dumps(record))
    restored = declared_definition(definition_file=str(tmp_path / "backup.json"), kind=kind)
    assert restored.warnings == []
    assert differences(restored.body, record) == {}
    # what Kore sets is never part of it; the flow is sent by name and a record holds only its id
    expected = dict((k, v) for k, v in body.items() if k not in ("campaignType", "experienceFlowName"))
    assert restored.body == expected


def test_a_definition_compares_on_what_it_declares_as_kore_shows_it():
    record = samples.record_of("voice", samples.PROGRESSIVE)
    assert differences({"priority": 5, "dncLists": {"name": samples.DNC_LIST},
                        "dialingStrategy": {"maxRingTime": 30}, "queue_name": "Default Queue"}, record) == {}
    assert differences({"dialingStrategy": {"maxRingTime": 40}}, record) == {"dialingStrategy": {"maxRingTime": 40}}
    assert differences({"dncLists": {"name": "Other"}, "contactLists": ["B", "A"]}, record) == {
        "dncLists": {"name": "Other"}, "contactLists": ["B", "A"]}
    agentless = samples.record_of("voice", samples.AGENTLESS)
    assert differences({"enableMachineDetect": "no", "experienceFlowName": "Any flow"}, agentless) == {}


def test_dnc_lists_as_a_list_of_one_is_read_as_that_one_with_a_warning():
    declared = declared_definition(definition={"dncLists": [{"name": "D"}]}, kind="voice")
    assert declared.body == {"dncLists": {"name": "D"}} and "one object" in declared.warnings[0]
    assert declared_definition(definition={"dncLists": ["D"]}).body == {"dncLists": {"name": "D"}}
    assert declared_definition(definition={"dncLists": []}, kind="sms").body == {}
    assert named_lists({"contactLists": ["A"], "dncLists": {"name": "D"}}) == (["A"], ["D"])


def test_fields_no_body_documents_are_left_out_and_only_unknown_ones_are_told():
    declared = declared_definition(definition={"name": "R", "lname": "r", "status": "Active", "colour": "red"})
    assert declared.body == {"name": "R"}
    assert len(declared.warnings) == 1 and "colour" in declared.warnings[0] and "lname" not in declared.warnings[0]


@pytest.mark.parametrize("given, words", [
    (dict(definition_file="/nonexistent/r.json"), "cannot be read"),
    (dict(definition=["a"]), "must be a dict"),
    (dict(definition={"contactLists": "A"}), "contactLists must be a list of 1 to 10"),
    (dict(definition={"contactLists": []}), "contactLists must be a list of 1 to 10"),
    (dict(definition={"contactLists": ["L%d" % i for i in range(11)]}), "contactLists must be a list of 1 to 10"),
    (dict(definition={"dncLists": {"id": "x"}}), "dncLists must be one object naming the DNC list"),
    (dict(definition={"dncLists": [{"name": "A"}, {"name": "B"}]}), "one DNC list at most"),
    (dict(definition={"priority": 7}), "priority must be one of 1, 2, 3, 4 and 5"),
    (dict(definition={"priority": True}), "priority must be one of"),
    (dict(definition={"name": ["Leads"]}), "name must be a non-empty string"),
    (dict(definition={"name": "x" * 49}), "at most 48 characters"),
    (dict(definition={"dialingStrategy": "FIFO"}), "dialingStrategy must be a dict"),
])
def test_a_definition_kore_documents_as_invalid_is_refused_naming_the_field(given, words):
    with pytest.raises(KoreInputError, match=words):
        declared_definition(**given)


@pytest.mark.parametrize("content, words", [("{not json", "is not JSON"), ("null", "holds null, not a campaign")])
def test_a_file_that_holds_no_campaign_is_refused(tmp_path, content, words):
    (tmp_path / "r.json").write_text(content)
    with pytest.raises(KoreInputError, match=words):
        declared_definition(definition_file=str(tmp_path / "r.json"))


@pytest.mark.parametrize("kind, definition, missing", [
    ("voice", {"name": "R"}, "contactLists, dncLists"),
    ("sms", {"name": "R"}, "contactLists"),
    ("voice", {"name": "R", "contactLists": ["A"], "dncLists": {"name": "D"}, "dialingMode": "Agentless"},
     "experienceFlowName"),
    ("voice", {"name": "R", "contactLists": ["A"], "dncLists": {"name": "D"}, "dialingMode": "Progressive"},
     "queue_name"),
])
def test_a_campaign_to_create_needs_what_kore_requires_of_its_type(kind, definition, missing):
    with pytest.raises(KoreInputError, match="needs %s in its definition" % missing):
        refuse_incomplete(kind, definition)
    refuse_incomplete("sms", {"name": "R", "contactLists": ["A"]})


def test_one_name_from_the_option_or_the_definition():
    assert with_name(CampaignSpec(name="R"), {})["name"] == "R"
    assert with_name(CampaignSpec(), {"name": "R"})["name"] == "R"
    assert "name" not in with_name(CampaignSpec(campaign_id="cd-1"), {"priority": 1})
    with pytest.raises(KoreInputError, match="differ"):
        with_name(CampaignSpec(name="A"), {"name": "B"})
    with pytest.raises(KoreInputError, match="needs a name"):
        with_name(CampaignSpec(), {"priority": 1})
    with pytest.raises(KoreInputError, match="at most 48"):
        with_name(CampaignSpec(name="n" * 49), {})
    with pytest.raises(KoreInputError, match="id must be a non-empty"):
        CampaignSpec(campaign_id=" ")
