# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A run is killed whole: its processes that left its session (as Ansible's workers do) as well."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from kore_sim.processes import below, kill_whole

# a parent whose child leaves the session, as ansible-playbook's workers do; the child says its pid once it left
PARENT = """
import os, time
if os.fork() == 0:
    os.setsid()
    print(os.getpid(), flush=True)
    time.sleep(60)
    os._exit(0)
time.sleep(60)
"""


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_child_that_left_the_session_is_found_and_killed_with_its_parent():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True,
                              start_new_session=True)
    child = int(parent.stdout.readline())
    try:
        assert below(parent.pid) == {child} and os.getpgid(child) != os.getpgid(parent.pid)
        kill_whole(parent.pid)
        assert parent.wait(10) == -9
        deadline = time.monotonic() + 10
        while alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(child)
    finally:
        for pid in (parent.pid, child):
            if alive(pid):
                os.kill(pid, 9)
