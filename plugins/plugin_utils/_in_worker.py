# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Running a kore.ai module's work in Ansible's worker process when the task's connection is local.

A module process costs a new Python, AnsiballZ and every import, for each task: most of a task's time when it
sends a request or two. On the controller the worker can do the same work itself: the same function the module's
``main()`` runs, on parameters validated by ansible-core's ``ArgumentSpecValidator`` against the same spec,
under the task's ``environment:``. Whatever the worker cannot do as the module would (another host, become,
async) runs the module, as Ansible's ``normal`` action does. ``kore_ai_in_worker: false`` forces the module.
"""

from __future__ import annotations

import contextlib
import logging
import os

from ansible import constants as C
from ansible.errors import AnsibleError
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values
from ansible.module_utils.errors import UnsupportedError
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.plugins.action.normal import ActionModule as NormalAction
from ansible.utils.display import Display
from ansible.utils.unsafe_proxy import wrap_var

from ansible_collections.kore.ai.plugins.module_utils import _client
from ansible_collections.kore.ai.plugins.module_utils._connection import argument_spec, rules
from ansible_collections.kore.ai.plugins.module_utils._progress import Progress
from ansible_collections.kore.ai.plugins.module_utils._task import KoreTask
from ansible_collections.kore.ai.plugins.plugin_utils._module_json import TO_CONTROLLER, TO_MODULE, across

display = Display()

# the variable that, set false, makes every kore.ai task run its module
SWITCH = "kore_ai_in_worker"


class KoreAction(NormalAction):
    """The action of one kore.ai module. Ansible loads it once per run and forks a worker per task, so every
    import is made here, once; a subclass names what its module's ``main()`` runs."""

    MODULE = None  # the module's ModuleWork (module_utils/_task.py): its options and what its main() runs

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        reason = self._module_needed(task_vars)
        if reason:
            display.vvv("%s runs as a module: %s" % (self._task.action, reason), host=self._play_context.remote_addr)
            return super().run(tmp, task_vars)
        display.vvv("%s runs in Ansible's worker (local connection)" % self._task.action,
                    host=self._play_context.remote_addr)
        result = super(NormalAction, self).run(tmp, task_vars)  # the checks every action makes
        args = across(self._task.args, TO_MODULE)
        host = self._play_context.remote_addr

        def tell(text):
            display.v("%s: %s" % (self._task.action, text), host=host)
        # where ansible-core runs a module on a local connection: relative paths mean the same file on both paths
        with applied(self._task_environment()), working_in(self._loader.get_basedir()), urllib3_unlogged():
            answer = run_in_worker(self.MODULE, args, check_mode=self._task.check_mode, diff=self._task.diff,
                                   name=self._task.action, invocation=self._inject_invocation(task_vars),
                                   # progress names lists and ids: a no_log task tells none
                                   tell=None if self._task.no_log else tell)
        result.update(across(answer, TO_CONTROLLER))
        # as Ansible marks a module's answer: data from Kore is never templated
        return wrap_var(result)

    def _module_needed(self, task_vars):
        """Why this task must run the module (a reason in words), or None when the worker can do it."""
        if not boolean(self._templar.template(task_vars.get(SWITCH, True)), strict=False):
            return "%s is false" % SWITCH
        if self._connection.transport != "local":
            return "the connection is %s, not local" % self._connection.transport
        if self._play_context.become:
            return "become is set"
        if self._task.async_val:
            return "async is set"
        if _client.requests is None:
            return "the controller's Python cannot import requests"
        return None

    def _inject_invocation(self, task_vars):
        """Whether a module's result carries ``invocation``: always before ansible-core 2.21, then as configured."""
        try:
            return boolean(C.config.get_config_value("INJECT_INVOCATION", variables=task_vars), strict=False)
        except AnsibleError:  # no such setting before 2.21
            return True

    def _task_environment(self):
        """The task's ``environment:`` (play, block, task merged, templated), computed as for a module's command."""
        environment = {}
        self._compute_environment_string(raw_environment_out=environment)
        return dict((str(key), str(value)) for key, value in environment.items())


@contextlib.contextmanager
def applied(environment):
    """``os.environ`` with ``environment`` set, as the module process would have it; restored afterwards."""
    saved = dict((key, os.environ.get(key)) for key in environment)
    os.environ.update(environment)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextlib.contextmanager
def working_in(directory):
    """The worker in ``directory`` for the task, as the module process would be; back where it was afterwards."""
    before = os.getcwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(before)


@contextlib.contextmanager
def urllib3_unlogged():
    """urllib3 logs each retry with its URL (bot and account ids). A module process has no handler for it; the
    worker has Ansible's log file (ANSIBLE_LOG_PATH) on the root logger. The task's warning tells retries instead."""
    logger = logging.getLogger("urllib3")
    before = logger.propagate
    logger.propagate = False
    try:
        yield
    finally:
        logger.propagate = before


def run_in_worker(module, args, *, check_mode, diff, name, invocation=True, tell=None):
    """What the module would answer for ``args``: validated as AnsibleModule does, its work run, secrets hidden.

    ``module`` is a :class:`~..module_utils._task.ModuleWork`; ``tell(text)`` shows how far long work is (at ``-v``).
    """
    spec = argument_spec(module.argument_spec)
    validation = ArgumentSpecValidator(spec, **rules(module.rules)).validate(args)
    params = validation.validated_parameters
    # ValidationResult keeps the no_log values (from fallbacks and suboptions too), alias clashes and deprecations
    # for its caller to use, as AnsibleModule does: there is no public accessor for them
    secrets = set(validation._no_log_values)
    warnings = ["Both option %s and its alias %s are set." % (clash["option"], clash["alias"])
                for clash in validation._warnings]
    deprecations = list(validation._deprecations)
    if validation.error_messages:
        msg = validation.errors.msg
        if isinstance(validation.errors[0], UnsupportedError):
            msg = "Unsupported parameters for (%s) module: %s" % (name, msg)
        result = dict(failed=True, msg=msg)
    else:
        task = KoreTask(params, check_mode, diff)
        task.progress = Progress(tell)
        result = task.perform(module.work)
        warnings.extend(task.warnings)
        secrets.update(task.secrets)
    if invocation:
        result.setdefault("invocation", dict(module_args=params))
    if warnings:
        result["warnings"] = warnings
    if deprecations:
        result["deprecations"] = deprecations
    # as AnsibleModule answers: every no_log value masked everywhere, but booleans and None kept
    kept = dict((key, value) for key, value in result.items() if value is None or isinstance(value, bool))
    result = remove_values(result, secrets)
    result.update(kept)
    return result
