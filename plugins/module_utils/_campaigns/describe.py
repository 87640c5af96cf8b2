# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""kore_campaign_info's reads: every campaign of the chosen types, filtered."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import every_campaign, uses_list
from ansible_collections.kore.ai.plugins.module_utils._campaigns.resource import LIST_RECORDS, TYPES


def matching_campaigns(client, kind="all", *, name=None, statuses=None, contact_list=None):
    """The campaigns of ``kind`` (``voice``, ``sms`` or ``all``) with exactly ``name``, in one of ``statuses``,
    using the list named ``contact_list`` (or with that id): each filter applies when given."""
    if contact_list is not None and contact_list.startswith(LIST_RECORDS.id_prefix):
        contact_list = list_name(client, contact_list)
    found = every_campaign(client, TYPES if kind == "all" else (kind,))
    return [c for c in found
            if (name is None or c.get("name") == name)
            and (statuses is None or c.get("status") in statuses)
            and (contact_list is None or uses_list(c, contact_list))]


def list_name(client, named):
    """The name of the list (contact or DNC) whose id is ``named``: campaigns name their lists by name. A value no
    list has as its id is taken as a name."""
    return next((r["name"] for r in LIST_RECORDS.items(client) if LIST_RECORDS.id_of(r) == named), named)
