# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""kore_campaign_info's reads: every campaign of the chosen types, filtered."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import every_campaign, uses_list
from ansible_collections.kore.ai.plugins.module_utils._campaigns.resource import TYPES


def matching_campaigns(client, kind="all", *, name=None, statuses=None, contact_list=None):
    """The campaigns of ``kind`` (``voice``, ``sms`` or ``all``) with exactly ``name``, in one of ``statuses``,
    using the list named ``contact_list``: each filter applies when given."""
    found = every_campaign(client, TYPES if kind == "all" else (kind,))
    return [c for c in found
            if (name is None or c.get("name") == name)
            and (statuses is None or c.get("status") in statuses)
            and (contact_list is None or uses_list(c, contact_list))]
