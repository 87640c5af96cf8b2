# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The slow path: generated answers served to real ansible-playbook runs of every module.

One playbook run holds a batch of tasks; each task sends its own ``iid``, and the scripted server gives that task
its one generated answer for every request. No result may hold a traceback, and a task whose answers were never
a success (Kore's documented 200 in its envelope) must fail with a message. ``make test`` runs one batch, ``make fuzz`` eight.
"""

from __future__ import annotations

import os
import tempfile

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from strategies import ANSWER, CAMPAIGN_NAME, LIST_ID, LIST_NAME

pytestmark = pytest.mark.runs_ansible  # a playbook runs the modules: each ansible-core runs it again

BATCH = 40
RUNS = 8 if os.environ.get("KORE_HYPOTHESIS_PROFILE") == "fuzz" else 1
FILES = tempfile.mkdtemp(prefix="kore-fuzz-files-")
CONTACTS_FILE = os.path.join(FILES, "contacts.csv")
with open(CONTACTS_FILE, "w", encoding="utf-8") as handle:
    handle.write('phoneNumber,uniqueId\n"+15550001",u-1\n')
TASKS = [
    ("kore.ai.kore_contact_list", {"id": LIST_ID, "state": "absent"}),
    ("kore.ai.kore_contact_list", {"name": LIST_NAME, "state": "absent", "return_contacts": True}),
    ("kore.ai.kore_contact_list", {"id": LIST_ID, "state": "absent", "force": True}),
    ("kore.ai.kore_contact_list", {"name": LIST_NAME, "description": "d"}),
    ("kore.ai.kore_contact_list", {"id": LIST_ID, "contacts": [{"phoneNumber": "+15550001"}], "wait_timeout": 2}),
    ("kore.ai.kore_contact_list_info", {"name": LIST_NAME, "return_contacts": True}),
    ("kore.ai.kore_contact_list", {"name": LIST_NAME, "state": "absent", "backup_file": os.path.join(FILES, "b.csv")}),
    ("kore.ai.kore_contact_list", {"id": LIST_ID, "contacts_file": CONTACTS_FILE, "purge_contacts": True,
                                   "backup_file": os.path.join(FILES, "p.csv"), "wait_timeout": 2}),
    ("kore.ai.kore_contact_lists", {"lists": [{"name": LIST_NAME, "description": "d"}], "purge": True}),
    ("kore.ai.kore_campaign", {"name": CAMPAIGN_NAME, "type": "voice", "state": "absent", "stop": True,
                               "wait_timeout": 1, "backup_file": os.path.join(FILES, "c.json")}),
    ("kore.ai.kore_campaign", {"type": "sms", "definition": {"name": CAMPAIGN_NAME, "contactLists": [LIST_NAME]},
                               "stop": True, "wait_timeout": 1}),
    ("kore.ai.kore_campaign_info", {"contact_list": LIST_NAME}),
]


@settings(max_examples=RUNS, phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(answers=st.lists(ANSWER, min_size=BATCH, max_size=BATCH))
def test_modules_never_trace_back_and_fail_with_a_message(scripted, playbook, answers):
    scripted.play([answers[0]])
    tasks = []
    for number, answer in enumerate(answers):
        key = "st-fuzz-%d" % number
        scripted.play([answer], key=key)
        module, options = TASKS[number % len(TASKS)]
        tasks.append({"name": key, module: dict(options, iid=key, retries=0, timeout=5), "ignore_errors": True})
    run = playbook(tasks, env={"KORE_HOST": scripted.url})
    assert run.rc == 0, run
    assert "Traceback" not in run.output and "MODULE FAILURE" not in run.output, run.output[-3000:]
    assert len(run.rows) == BATCH
    for number, answer in enumerate(answers):
        result, status = run[number], run.status(number)
        # ansible-core 2.19 adds "exception": "(traceback unavailable)" to failures that carry none
        assert "Traceback" not in str(result.get("exception", "")) and "module_stderr" not in result, (answer, result)
        if status == "failed":
            assert result.get("msg") and not result["msg"].startswith("Unexpected"), (answer, result)
        if not answer.understood:
            assert status == "failed", (answer, result)
