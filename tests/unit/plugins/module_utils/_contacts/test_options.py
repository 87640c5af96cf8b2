# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contacts options: one spec and default for both list modules, and their checks."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contacts.options import (
    CONTACTS_ARGSPEC,
    MAX_WAIT_TIMEOUT,
    WAIT_TIMEOUT,
    checked_wait_timeout,
    refuse_contacts_when_absent,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError
from ansible_collections.kore.ai.plugins.modules import kore_contact_list, kore_contact_list_info, kore_contact_lists


def test_each_list_module_has_the_one_spec_and_default():
    assert CONTACTS_ARGSPEC["wait_timeout"]["default"] == WAIT_TIMEOUT
    for module in (kore_contact_list, kore_contact_lists):
        assert module.ARGUMENT_SPEC["wait_timeout"] is CONTACTS_ARGSPEC["wait_timeout"]
        assert module.ARGUMENT_SPEC["purge_contacts"] is CONTACTS_ARGSPEC["purge_contacts"]
    assert "wait_timeout" not in kore_contact_list_info.ARGUMENT_SPEC


@pytest.mark.parametrize("seconds", [0, MAX_WAIT_TIMEOUT + 1])
def test_a_wait_timeout_nobody_can_mean_is_refused(seconds):
    with pytest.raises(KoreInputError, match="wait_timeout must be between 1 and %d" % MAX_WAIT_TIMEOUT):
        checked_wait_timeout(seconds)
    assert checked_wait_timeout(MAX_WAIT_TIMEOUT) == MAX_WAIT_TIMEOUT


@pytest.mark.parametrize("given", [dict(contacts=[]), dict(contacts_file="c.csv"), dict(purge_contacts=True)])
def test_contacts_options_are_refused_for_a_list_to_delete(given):
    params = dict(dict(contacts=None, contacts_file=None, purge_contacts=False), **given)
    with pytest.raises(KoreInputError, match="are for state: present"):
        refuse_contacts_when_absent(params)


def test_nothing_is_refused_without_contacts_options():
    refuse_contacts_when_absent(dict(contacts=None, contacts_file=None, purge_contacts=False))
