# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Contacts as data: read under their list in the v2 API, added through the v1.1 API without accountId."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._contacts.resource import add_route, contacts_route


def test_the_documented_paths():
    read = contacts_route("cl-1")
    assert (read.api, read.path, read.account_query) == ("v2", "/campaign/contactList/cl-1/getAllContacts", True)
    add = add_route()
    assert (add.api, add.path, add.account_query, add.shown) == (
        "v1.1", "/campaign/contactList/addContacts", False, "contactList/addContacts")
