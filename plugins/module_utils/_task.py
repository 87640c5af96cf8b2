# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One task's work, whoever runs it: the module process (``_module.py``) or Ansible's worker (``_in_worker.py``).

A module's work is a function of a :class:`KoreTask` returning the result dict; both runners call it with
parameters validated against the same argument spec (``_options.py``), then add ``invocation`` and hide the
no_log values, each in its own way.
"""

from __future__ import annotations

import traceback

from ansible.module_utils.basic import missing_required_lib

from ansible_collections.kore.ai.plugins.module_utils import _client
from ansible_collections.kore.ai.plugins.module_utils._connection import connect
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import ContactLists
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import WAIT_TIMEOUT, Contacts
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError
from ansible_collections.kore.ai.plugins.module_utils._pacer import Pacing
from ansible_collections.kore.ai.plugins.module_utils._progress import SILENT


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
        self._retry_log = None
        self._client = None
        # how far long work is: told at -v by Ansible's worker (_in_worker.py); a module process stays silent
        self.progress = SILENT
        # whether Ansible still waits for the answer; the module process sets its own test (_module.py)
        self.still_wanted = None
        self.pacing = None  # the parallel and max_rate options, for a module that has them

    def perform(self, work):
        """``work(self)``'s result, or a failed result saying why; never raises."""
        try:
            result = work(self)
        except TaskFailed as exc:
            result = exc.result
        except KoreError as exc:
            result = dict(exc.done or {}, failed=True, msg=str(exc))
        except Exception as exc:  # pylint: disable=broad-except
            # A bug of ours: say what, keep the trace for -vvv (the runners hide secrets in both).
            result = dict(failed=True, msg="Unexpected %s: %s" % (type(exc).__name__, exc),
                          exception=traceback.format_exc())
        self._tell_retries()
        if self._client is not None:  # tokens minted during the work too
            self.secrets.update(self._client.secrets)
        return result

    def _tell_retries(self):
        """urllib3 only logs a retry: say once, in words, that the task got its answers only after retries."""
        summary = self._retry_log.summary() if self._retry_log is not None else None
        if summary:
            self.warnings.append(summary)

    def contact_lists(self):
        """The bot's contact lists over a fresh client.

        Where the module has ``parallel`` and ``max_rate``, one pacer paces every request of the task together.
        """
        if _client.requests is None:
            raise TaskFailed(missing_required_lib("requests"))
        if "parallel" in self.params:
            self.pacing = Pacing(self.params["parallel"], self.params["max_rate"])
        client = connect(self.params, self.pacing.pacer if self.pacing else None, self.still_wanted)
        self._client = client
        self._retry_log = client.retry_log
        return ContactLists(client)

    def contacts_of(self, lists):
        """Contacts over the same client; ``wait_timeout`` and ``parallel``, where the module has them, apply."""
        return Contacts(lists.client, self.params.get("wait_timeout", WAIT_TIMEOUT),
                        parallel=self.pacing.parallel if self.pacing else 1, progress=self.progress)

    def outcome_result(self, outcome, **extra):
        """The result of one list's ensure_*: the record as ``contact_list``, the diff when asked for."""
        self.warnings.extend(outcome.warnings)
        result = dict(changed=outcome.changed, contact_list=outcome.record, msg=outcome.msg, **extra)
        result.update(outcome.extra)
        if self.diff:
            result["diff"] = dict(before=outcome.before, after=outcome.after)
        return result

    def set_outcome_result(self, outcome):
        """For a whole set of lists: what was created, updated, deleted; failed if anything was kept or failed."""
        result = dict(changed=outcome.changed, created=outcome.created, updated=outcome.updated,
                      deleted=outcome.deleted, unchanged=outcome.unchanged, contacts_added=outcome.contacts_added,
                      recreated=outcome.recreated, not_attempted=outcome.not_attempted,
                      contacts_counts=outcome.contacts_counts, backup_files=outcome.backup_files,
                      previous_backup_files=outcome.previous_backup_files,
                      msg=outcome.message(self.check_mode))
        if self.diff:
            result["diff"] = dict(before=outcome.before, after=outcome.after)
        if outcome.in_use or outcome.errors:
            result["failed"] = True
        if outcome.tracebacks:
            result["exception"] = "\n".join(outcome.tracebacks)
        return result
