# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark helper: Kore's rate-limit minute shortened for the task's pacer, as the simulator's window is.

The rate-limit rows run an hour of Kore's time in minutes: the simulator allows 600 requests per
``KORE_BENCH_RATE_WINDOW`` seconds, and the pacer, which knows Kore's window as 60 s, must take the same window, or
``max_rate`` and the pace it learns from a 429 would mean another rate than they mean to a user. Loaded before
Ansible forks its workers, so the task's pacer, on the worker path, sees it.
"""

from __future__ import annotations

import os

from ansible.plugins.callback import CallbackBase

from ansible_collections.kore.ai.plugins.module_utils._pacer import Pacer

DOCUMENTATION = r"""
name: kore_bench_rate_window
type: aggregate
short_description: Kore's rate-limit window for the pacer of tests/bench/bench.py
description: Sets the pacer's window to the seconds in the environment variable KORE_BENCH_RATE_WINDOW.
"""


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "kore_bench_rate_window"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super().__init__()
        Pacer.WINDOW = float(os.environ["KORE_BENCH_RATE_WINDOW"])
