# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The result of an ensure of one item: its record under the resource's key, the diff when asked, backups told."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._contacts.backup import Backup
from ansible_collections.kore.ai.plugins.module_utils._outcome import ItemOutcome


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
