# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The result of an ensure of one item: its record under the resource's key, the diff when asked, backups told;
and what every resource says alike: an item's name, its absence, an id Kore did not choose."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._backup.file import Backup
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._outcome import (
    ItemOutcome,
    already_absent,
    label,
    refuse_unknown_id,
)
from ansible_collections.kore.ai.plugins.module_utils._resource import Resource
from ansible_collections.kore.ai.plugins.module_utils._url import Route


class Thing(ItemOutcome):
    RESULT_KEY = "thing"


class Task(object):
    diff = True

    def __init__(self):
        self.warnings = []


def test_the_record_goes_under_the_key_with_warnings_to_the_task_and_the_diff_when_asked():
    outcome = Thing(True, {"id": "t-1"}, "done", {}, {"id": "t-1"}, warnings=["careful"])
    outcome.extra["more"] = 1
    task = Task()
    assert outcome.answer(task) == {"changed": True, "msg": "done", "thing": {"id": "t-1"}, "more": 1,
                                    "diff": {"before": {}, "after": {"id": "t-1"}}}
    assert task.warnings == ["careful"] and "diff" not in outcome.result(diff=False)


def test_a_backup_written_is_told_with_the_file_it_moved_aside(tmp_path):
    (tmp_path / "b.json").write_text("older")
    backup = Backup(str(tmp_path / "b.json"))
    backup.write_json({"id": "t-1"})
    outcome = Thing(True, {}, "deleted")
    outcome.tell_written(backup, "its record")
    assert outcome.extra["backup_file"] == str(tmp_path / "b.json")
    assert outcome.msg.startswith("deleted; its record was written to %s first (the file that was there is kept "
                                  "as " % (tmp_path / "b.json"))
    assert open(backup.previous).read() == "older"


def test_an_item_is_named_alike_by_every_resource():
    assert label({"name": "Leads", "_id": "cl-1"}) == "'Leads' (cl-1)"
    assert label({"name": "Calls", "id": "cd-1"}, "voice campaign", "id") == "voice campaign 'Calls' (cd-1)"


def test_already_absent_is_unchanged_and_warns_of_an_id_kore_never_gives(answering_client):
    lists = Resource("contact list", Route("v2", ("campaign", "contactList")), id_prefix="cl-")
    gone = already_absent(ItemOutcome, lists, answering_client(None), "cl-9", "cl-9")
    assert not gone.changed and gone.warnings == [] and gone.msg == (
        "contact list cl-9 is already absent from bot st-1, account a at https://kore.example")
    named = already_absent(ItemOutcome, lists, answering_client(None), "Leads", "Leads")
    assert "id 'Leads' is not a Kore contact list id" in named.warnings[0]
    assert "if it is the list's name, use name: instead of id:" in named.warnings[0]


def test_an_id_kore_did_not_choose_is_refused_naming_what_to_give(answering_client):
    campaigns = Resource("sms campaign", Route("v2", ("campaign",)), id_prefix="cd-")
    with pytest.raises(KoreInputError, match="sms campaign cd-9 does not exist in bot st-1.*Kore chooses ids, so to "
                                             "create a campaign give its name without id"):
        refuse_unknown_id(campaigns, answering_client(None), "cd-9", "its name")
