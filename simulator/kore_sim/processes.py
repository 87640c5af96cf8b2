# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The processes of a client run against the simulator, found and killed whole, as a machine going down ends them.

A process group is not enough: Ansible's workers leave ansible-playbook's session (``os.setsid``), so a SIGKILL of
its group leaves a worker running its task against the simulator while the next run starts.
"""

from __future__ import annotations

import os
import signal


def below(pid):
    """Every process descended from ``pid``, from /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/stat" % entry) as handle:
                    parents[int(entry)] = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue  # ended meanwhile
    found, frontier = set(), {pid}
    while frontier:
        frontier = set(p for p, parent in parents.items() if parent in frontier) - found
        found |= frontier
    return found


def kill_whole(pid):
    """SIGKILL ``pid`` and every process below it. Each is stopped first, so that none forks a process not yet
    seen, or leaves its parent, before all are killed."""
    stopped = set()
    while True:
        more = ({pid} | below(pid)) - stopped
        if not more:
            break
        for process in more:
            _signal(process, signal.SIGSTOP)
        stopped |= more
    for process in stopped:
        _signal(process, signal.SIGKILL)


def _signal(pid, number):
    try:
        os.kill(pid, number)
    except ProcessLookupError:
        pass  # ended meanwhile
