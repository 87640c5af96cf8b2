# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Running a module's work in the module process: AnsibleModule validates, hides secrets and answers."""

from __future__ import annotations

import select
import sys

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.kore.ai.plugins.module_utils._connection import argument_spec, rules
from ansible_collections.kore.ai.plugins.module_utils._task import KoreTask


def run_module(work):
    """Validate the options of ``work`` (a :class:`~._task.ModuleWork`) as AnsibleModule does, run it, exit or fail."""
    module = AnsibleModule(argument_spec=argument_spec(work.argument_spec), supports_check_mode=True,
                           **rules(work.rules))
    task = KoreTask(module.params, module.check_mode, module._diff)
    task.still_wanted = answer_still_read
    result = task.perform(work.work)
    for warning in task.warnings:
        module.warn(warning)
    module.no_log_values.update(task.secrets)
    if result.pop("failed", False):
        module.fail_json(**result)
    module.exit_json(**result)


def answer_still_read():
    """Whether anyone still reads this process's answer on standard output.

    A task's ``timeout:`` ends Ansible's wait, but not the module process: it would go on, back up a list and
    delete it, after the task was reported failed. Once the reader of the answer is gone, the pipe says so.
    """
    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        events = poller.poll(0)
    except (AttributeError, ValueError, OSError):  # no poll, or stdout is no file: nothing to tell
        return True
    return not any(flags & (select.POLLERR | select.POLLHUP) for dummy, flags in events)
