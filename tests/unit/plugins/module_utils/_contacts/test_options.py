# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contacts options: one spec and default for both list modules, and their checks."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contacts.options import (
    CONTACTS_ARGSPEC,
    declared_contacts,
    refuse_contacts_when_absent,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError
from ansible_collections.kore.ai.plugins.modules import kore_contact_list, kore_contact_list_info, kore_contact_lists


def test_each_list_module_has_the_one_spec_and_default():
    for module in (kore_contact_list, kore_contact_lists):
        assert module.ARGUMENT_SPEC["wait_timeout"] is CONTACTS_ARGSPEC["wait_timeout"]
        assert module.ARGUMENT_SPEC["purge_contacts"] is CONTACTS_ARGSPEC["purge_contacts"]
    assert "wait_timeout" not in kore_contact_list_info.ARGUMENT_SPEC


@pytest.mark.parametrize("given", [dict(contacts=[]), dict(contacts_file="c.csv"), dict(purge_contacts=True)])
def test_contacts_options_are_refused_for_a_list_to_delete(given):
    params = dict(dict(contacts=None, contacts_file=None, purge_contacts=False), **given)
    with pytest.raises(KoreInputError, match="are for state: present"):
        refuse_contacts_when_absent(params)


def test_nothing_is_refused_without_contacts_options():
    refuse_contacts_when_absent(dict(contacts=None, contacts_file=None, purge_contacts=False))


def test_declared_contacts_are_none_until_set(tmp_path):
    params = dict(contacts=None, contacts_file=None)
    assert declared_contacts(params) is None
    wanted = declared_contacts(dict(params, contacts=[{"phoneNumber": "+15550100"}]))
    assert wanted.inline and len(wanted.states) == 1
    (tmp_path / "c.csv").write_text("phoneNumber\n+15550101\n+15550102\n")
    assert len(declared_contacts(dict(params, contacts_file=str(tmp_path / "c.csv"))).states) == 2


def test_a_list_module_task_without_contacts_options_does_not_import_their_code():
    # a module process compiles every file it imports, on every task: a plain delete stays clear of contacts code,
    # and of campaigns code, which only a refusal of a list in use needs
    code = ("import sys\n"
            "from ansible_collections.kore.ai.plugins.modules import kore_contact_list\n"
            "print(' '.join(sorted(m.split('.module_utils.')[-1] for m in sys.modules if 'kore.ai' in m)))\n")
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))  # this test's own collection first
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env=environment).stdout.split()
    names = set(name.rsplit(".", 1)[-1] for name in loaded)
    assert "engine" in names and "options" in names
    assert not names & {"backup", "file", "declared", "csv_file", "contacts_sync", "adding", "pages", "model"}, loaded
    assert not [name for name in loaded if name.startswith("_campaigns")], loaded
