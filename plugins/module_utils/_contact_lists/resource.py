# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Kore's contact lists, described as data (see ``_resource.py``): every request about a list goes to one of
these routes, and messages name them ``contactList/...``."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._resource import Create, ListAll, Resource
from ansible_collections.kore.ai.plugins.module_utils._url import Route

LIST_TYPE = "call"          # getAllListDetails: "call" lists only, not DNC lists
LISTS_AT = Route("v2", ("campaign", "contactList"), shown_from=1)

CONTACT_LISTS = Resource(
    "contact list", LISTS_AT, id_prefix="cl-",
    # no paging, name filter or search is documented: every list, once
    list_all=ListAll("GET", ("getAllListDetails",), query={"type": LIST_TYPE}),
    create=Create(("createContactList",)),  # answered with the new record
)

# without type=call, DNC lists too (KORE_API.md, Campaigns: DNC lists are cl- lists with listType "dnc")
EVERY_LIST = Resource("list", LISTS_AT, id_prefix="cl-", list_all=ListAll("GET", ("getAllListDetails",)))
