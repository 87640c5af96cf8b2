# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The options several modules share, each with its one default: argument specs both runners validate against."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._connection import CONNECTION_ARGSPEC, CONNECTION_RULES
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import WAIT_TIMEOUT
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._pacer import PARALLEL

# documented in the kore.ai.contacts doc fragment
CONTACTS_ARGSPEC = dict(
    purge_contacts=dict(type="bool", default=False),
    wait_timeout=dict(type="int", default=WAIT_TIMEOUT),
)

# documented by each module that has them: the same meaning, requests in parallel under one pace
PACING_ARGSPEC = dict(
    parallel=dict(type="int", default=PARALLEL),
    max_rate=dict(type="int"),
)


def argument_spec(module_spec):
    """A module's options with the connection options every module has."""
    spec = dict(CONNECTION_ARGSPEC)
    spec.update(module_spec)
    return spec


def rules(module_rules):
    """A module's rules between options (mutually_exclusive, ...) with the connection options' rules."""
    merged = dict(module_rules)
    for rule, pairs in CONNECTION_RULES.items():
        merged[rule] = list(merged.get(rule, [])) + pairs
    return merged


def refuse_contacts_when_absent(params):
    """kore_contact_list's contacts options say what a list holds, which means nothing for a list to delete."""
    if params["contacts"] is not None or params["contacts_file"] is not None or params["purge_contacts"]:
        raise KoreInputError("contacts, contacts_file and purge_contacts are for state: present; to delete a list "
                             "with its contacts, use state: absent alone (backup_file keeps a copy)")
