# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every read of a bot's campaigns, one type at a time: Kore lists voice and sms campaigns apart.

A campaign is shown with ``id`` set whichever of ``_id`` and ``id`` Kore used, and ``type`` set to the type it
was listed under, so that a playbook reads both kinds alike.
"""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._campaigns.resource import AT_REST, CAMPAIGNS, TYPES
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


class Campaigns(object):
    """The campaigns of one ``kind`` (``voice`` or ``sms``) over one client."""

    def __init__(self, client, kind):
        if kind not in TYPES:
            raise KoreInputError("type must be one of %s, got %r" % (", ".join(TYPES), kind))
        self.client, self.kind, self.resource = client, kind, CAMPAIGNS[kind]

    def every(self):
        """Every campaign of the type, every page, as list-all shows them (checked: each with an id and a name)."""
        return [self.shown(item) for item in self.resource.items(self.client)]

    def shown(self, item):
        return dict(item, id=self.resource.id_of(item), type=self.kind)


def every_campaign(client, kinds=TYPES):
    """The campaigns of each of ``kinds``, in that order."""
    return [campaign for kind in kinds for campaign in Campaigns(client, kind).every()]


def running(campaign):
    """Whether a campaign counts as running: any status but those at rest, one the collection does not know too."""
    return campaign.get("status") not in AT_REST


def uses_list(campaign, list_name):
    """Whether the campaign names the list, as a contact list or a DNC list. Campaigns name their lists by name:
    the create body as plain names (``contactLists``) or ``{"name": ...}`` (``dncLists``); a record may show
    either, and both are read."""
    return list_name in list_names(campaign.get("contactLists")) + list_names(campaign.get("dncLists"))


def list_names(entries):
    """The names in a campaign's ``contactLists`` or ``dncLists``, whichever shape each entry has."""
    if not isinstance(entries, list):
        return []
    return [e if isinstance(e, str) else e.get("name") for e in entries if isinstance(e, (str, dict))]
