# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The part every kore.ai module shares: argument spec with connection options, libraries, errors to fail_json."""

from __future__ import annotations

import traceback

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ansible_collections.kore.ai.plugins.module_utils import _client
from ansible_collections.kore.ai.plugins.module_utils._connection import CONNECTION_ARGSPEC, CONNECTION_RULES, connect
from ansible_collections.kore.ai.plugins.module_utils._contact_list import ContactLists
from ansible_collections.kore.ai.plugins.module_utils._contacts import Contacts
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError
from ansible_collections.kore.ai.plugins.module_utils._pacer import Pacer
from ansible_collections.kore.ai.plugins.module_utils._parallel import check_pacing


# documented in the kore.ai.contacts doc fragment
CONTACTS_ARGSPEC = dict(
    purge_contacts=dict(type="bool", default=False),
    wait_timeout=dict(type="int", default=120),
)

# documented by each module that has them: the same meaning, requests in parallel under one pace
PACING_ARGSPEC = dict(
    parallel=dict(type="int", default=4),
    max_rate=dict(type="int"),
)


class KoreModule(AnsibleModule):
    """An AnsibleModule that knows the connection options and turns KoreError into a failed task."""

    def __init__(self, argument_spec, **kwargs):
        spec = dict(CONNECTION_ARGSPEC)
        spec.update(argument_spec)
        for rule, pairs in CONNECTION_RULES.items():
            kwargs[rule] = list(kwargs.get(rule, [])) + pairs
        self.retry_log = None  # before validation, which may already fail the task
        super(KoreModule, self).__init__(argument_spec=spec, **kwargs)

    def exit_json(self, **kwargs):
        self._tell_retries()
        super(KoreModule, self).exit_json(**kwargs)

    def fail_json(self, msg, **kwargs):
        self._tell_retries()
        super(KoreModule, self).fail_json(msg, **kwargs)

    def _tell_retries(self):
        """urllib3 only logs a retry: say once, in words, that the task got its answers only after retries."""
        summary = self.retry_log.summary() if self.retry_log is not None else None
        self.retry_log = None
        if summary:
            self.warn(summary)

    def contact_lists(self, paced=False):
        """The bot's contact lists over a fresh client; fails the task on missing libraries or bad options.

        ``paced``: the module's ``parallel`` and ``max_rate`` options pace every request of the task together.
        """
        if _client.requests is None:
            self.fail_json(msg=missing_required_lib("requests"))
        if paced:
            self.guard(check_pacing, self.params["parallel"], self.params["max_rate"])
        client = self.guard(connect, self.params, Pacer(self.params["max_rate"]) if paced else None)
        # A token minted here is no module parameter, so Ansible would not mask it on its own.
        self.no_log_values.add(client.token)
        self.retry_log = client.retry_log
        return ContactLists(client)

    def contacts_of(self, lists):
        """Contacts over the same client; ``wait_timeout`` and ``parallel``, where the module has them, apply."""
        wait_timeout = self.params.get("wait_timeout")
        return self.guard(Contacts, lists.client, 120 if wait_timeout is None else wait_timeout,
                          self.params.get("parallel") or 1)

    def guard(self, call, *args, **kwargs):
        """Run ``call``; a KoreError fails the task with its message, anything else with a short reason."""
        try:
            return call(*args, **kwargs)
        except KoreError as exc:
            self.fail_json(msg=str(exc))
        except Exception as exc:  # pylint: disable=broad-except
            # A bug of ours: say what, keep the trace for -vvv without secrets (fail_json masks them).
            self.fail_json(msg="Unexpected %s: %s" % (type(exc).__name__, exc), exception=traceback.format_exc())

    def exit_outcome(self, outcome, **extra):
        """exit_json with the record as ``contact_list``, and the before / after diff when asked for."""
        for warning in outcome.warnings:
            self.warn(warning)
        result = dict(changed=outcome.changed, contact_list=outcome.record, msg=outcome.msg, **extra)
        result.update(outcome.extra)
        if self._diff:
            result["diff"] = dict(before=outcome.before, after=outcome.after)
        self.exit_json(**result)

    def exit_set_outcome(self, outcome):
        """For a whole set of lists: what was created, updated, deleted; fails if anything was kept or failed."""
        result = dict(changed=outcome.changed, created=outcome.created, updated=outcome.updated,
                      deleted=outcome.deleted, unchanged=outcome.unchanged, contacts_added=outcome.contacts_added,
                      recreated=outcome.recreated, not_attempted=outcome.not_attempted,
                      contacts_counts=outcome.contacts_counts, backup_files=outcome.backup_files,
                      msg=outcome.message(self.check_mode))
        if self._diff:
            result["diff"] = dict(before=outcome.before, after=outcome.after)
        if outcome.in_use or outcome.errors:
            self.fail_json(**result)
        self.exit_json(**result)
