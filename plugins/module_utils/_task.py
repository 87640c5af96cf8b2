# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One task's run, whoever runs it: the module process (``_module.py``) or Ansible's worker (``_in_worker.py``).

A module's work is a function of a :class:`KoreTask` returning the result dict; both runners call it with
parameters validated against the same argument spec (``_connection.argument_spec``), then add ``invocation`` and
hide the no_log values, each in its own way. The task is only that context: what the work gets from Ansible,
its one connection to Kore, and what it gives back besides its result (warnings, secrets to hide).
"""

from __future__ import annotations

import traceback

from ansible.module_utils.basic import missing_required_lib

from ansible_collections.kore.ai.plugins.module_utils import _client
from ansible_collections.kore.ai.plugins.module_utils._connection import connect
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, may_have_changed
from ansible_collections.kore.ai.plugins.module_utils._progress import SILENT


class ModuleWork(object):
    """A module as both runners see it: its options (without the connection options), the rules between them, and
    ``work(task)``, the function its ``main()`` runs."""

    def __init__(self, argument_spec, rules, work):
        self.argument_spec, self.rules, self.work = argument_spec, rules, work


class TaskFailed(Exception):
    """Ends the work with a failed result: ``msg`` and any other return values."""

    def __init__(self, msg, **result):
        super().__init__(msg)
        self.result = dict(result, failed=True, msg=msg)


class KoreTask(object):
    """What a module's work gets from Ansible: parameters, check and diff mode; and gives back: warnings, secrets."""

    def __init__(self, params, check_mode, diff):
        self.params = params
        self.check_mode = check_mode
        self.diff = diff
        self.warnings = []
        # values no parameter holds that must not be shown either: a minted token, a proxy's password
        self.secrets = set()
        self._client = None
        # how far long work is: told at -v by Ansible's worker (_in_worker.py); a module process stays silent
        self.progress = SILENT
        # whether Ansible still waits for the answer; the module process sets its own test (_module.py)
        self.still_wanted = None

    def perform(self, work):
        """``work(self)``'s result, or a failed result saying why; never raises."""
        try:
            result = work(self)
        except TaskFailed as exc:
            result = exc.result
        except KoreError as exc:
            result = dict(exc.done or {}, failed=True, msg=str(exc))
            if may_have_changed(exc):
                result["changed"] = True
        except Exception as exc:  # pylint: disable=broad-except
            # A bug of ours: say what, keep the trace for -vvv (the runners hide secrets in both).
            result = dict(failed=True, msg="Unexpected %s: %s" % (type(exc).__name__, exc),
                          exception=traceback.format_exc())
        if self._client is not None:
            # urllib3 only logs a retry: say once, in words, that the task got its answers only after retries
            summary = self._client.retry_log.summary()
            if summary:
                self.warnings.append(summary)
            self.secrets.update(self._client.secrets)  # tokens minted during the work too
        return result

    def connect(self, pacing=None):
        """The task's one connection to Kore (a :class:`~._client.KoreClient`), paced by ``pacing``
        (a :class:`~._pacer.Pacing`) when given; its secrets and retries are the task's to hide and tell."""
        if _client.requests is None:
            raise TaskFailed(missing_required_lib("requests"))
        self._client = connect(self.params, pacing.pacer if pacing else None, self.still_wanted)
        return self._client
