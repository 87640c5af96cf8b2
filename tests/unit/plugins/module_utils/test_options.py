# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The shared options: each module's spec gains the connection options, and each default is written once."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._connection import CONNECTION_ARGSPEC
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import WAIT_TIMEOUT
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._options import (
    CONTACTS_ARGSPEC,
    PACING_ARGSPEC,
    argument_spec,
    refuse_contacts_when_absent,
    rules,
)
from ansible_collections.kore.ai.plugins.module_utils._pacer import PARALLEL
from ansible_collections.kore.ai.plugins.modules import kore_contact_list, kore_contact_list_info, kore_contact_lists


def test_a_module_spec_gains_every_connection_option_and_keeps_its_own():
    spec = argument_spec({"name": dict(type="str")})
    assert set(spec) == set(CONNECTION_ARGSPEC) | {"name"}


def test_rules_are_merged_not_replaced():
    merged = rules({"required_together": [("a", "b")], "mutually_exclusive": [("c", "d")]})
    assert ("a", "b") in merged["required_together"] and ("client_id", "client_secret") in merged["required_together"]
    assert merged["mutually_exclusive"] == [("c", "d")]


def test_each_default_is_the_one_constant():
    assert CONTACTS_ARGSPEC["wait_timeout"]["default"] == WAIT_TIMEOUT
    assert PACING_ARGSPEC["parallel"]["default"] == PARALLEL
    for module in (kore_contact_list, kore_contact_lists):
        assert module.ARGUMENT_SPEC["wait_timeout"] is CONTACTS_ARGSPEC["wait_timeout"]
        assert module.ARGUMENT_SPEC["parallel"] is PACING_ARGSPEC["parallel"]
    assert "wait_timeout" not in kore_contact_list_info.ARGUMENT_SPEC


@pytest.mark.parametrize("given", [dict(contacts=[]), dict(contacts_file="c.csv"), dict(purge_contacts=True)])
def test_contacts_options_are_refused_for_a_list_to_delete(given):
    params = dict(dict(contacts=None, contacts_file=None, purge_contacts=False), **given)
    with pytest.raises(KoreInputError, match="are for state: present"):
        refuse_contacts_when_absent(params)


def test_nothing_is_refused_without_contacts_options():
    refuse_contacts_when_absent(dict(contacts=None, contacts_file=None, purge_contacts=False))
