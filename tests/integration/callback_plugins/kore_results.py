# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Test helper: writes every task result as JSON to $KORE_RESULTS_FILE, beside the normal screen output.

Each row also holds when its task started and ended on the system's monotonic clock, the clock the simulator stamps
requests with: on one host, tasks run one after another, so the requests between those two times are that task's
(tests/conftest.py, RequestLog.during), and several steps of a test can be one playbook instead of one each.
"""

from __future__ import annotations

import json
import os
import time

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = r"""
name: kore_results
type: aggregate
short_description: Record task results for the kore.ai tests
description:
  - Writes a JSON list of task results to the file named by E(KORE_RESULTS_FILE).
"""


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "kore_results"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        self.started = None

    def v2_playbook_on_task_start(self, task, is_conditional):
        self.started = time.monotonic()

    def _record(self, result, status):
        self.rows.append({"task": result._task.get_name(), "status": status,
                          "result": json.loads(json.dumps(result._result, default=str)),
                          "started": self.started, "ended": time.monotonic()})

    def v2_runner_on_ok(self, result, *args, **kwargs):
        self._record(result, "changed" if result._result.get("changed") else "ok")

    def v2_runner_on_failed(self, result, *args, **kwargs):
        self._record(result, "failed")

    def v2_runner_on_skipped(self, result, *args, **kwargs):
        self._record(result, "skipped")

    def v2_runner_on_unreachable(self, result, *args, **kwargs):
        self._record(result, "unreachable")

    def v2_playbook_on_stats(self, stats):
        # written whole or not at all: a run killed (kill_when) may end while it writes
        path = os.environ["KORE_RESULTS_FILE"]
        with open(path + ".part", "w") as handle:
            json.dump(self.rows, handle)
        os.replace(path + ".part", path)
