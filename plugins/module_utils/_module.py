# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Running a module's work in the module process: AnsibleModule validates, hides secrets and answers."""

from __future__ import annotations

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.kore.ai.plugins.module_utils._task import KoreTask, argument_spec, rules


def run_module(module_spec, module_rules, work):
    """Validate the module's options as AnsibleModule does, run ``work`` (see ``_task.py``), exit or fail."""
    module = AnsibleModule(argument_spec=argument_spec(module_spec), supports_check_mode=True,
                           **rules(module_rules))
    task = KoreTask(module.params, module.check_mode, module._diff)
    result = task.perform(work)
    for warning in task.warnings:
        module.warn(warning)
    module.no_log_values.update(task.secrets)
    if result.pop("failed", False):
        module.fail_json(**result)
    module.exit_json(**result)
