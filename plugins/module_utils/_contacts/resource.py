# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contacts of Kore's contact lists, described as data (see ``_resource.py``): read page by page under their
list in the v2 API, added by list name through the older v1.1 API."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._resource import Resource
from ansible_collections.kore.ai.plugins.module_utils._url import Route

# GET .../contactList/{id}/getAllContacts?skip=&limit= : pages of a list's contacts (pages.py)
CONTACTS = Resource("contact", Route("v2", ("campaign", "contactList"), shown_from=1), id_prefix="cc-")

# POST {host}/api/1.1/public/{iid}/campaign/contactList/addContacts: keyed by the app id, no accountId in the query
ADDING = Resource("contact", Route("v1.1", ("campaign", "contactList"), account_query=False, shown_from=1))


def contacts_route(list_id):
    return CONTACTS.route(list_id, "getAllContacts")


def add_route():
    return ADDING.route("addContacts")
