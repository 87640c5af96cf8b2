# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every read and write of a bot's campaigns, one type at a time: Kore lists, deletes and stops voice and sms
campaigns apart.

A campaign is shown with ``id`` set whichever of ``_id`` and ``id`` Kore used, and ``type`` set to the type it
was listed under, so that a playbook reads both kinds alike. As for lists, a 404 proves nothing by itself: a
campaign is absent only once its type's list-all (every page) answers without it.
"""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor

from ansible_collections.kore.ai.plugins.module_utils._campaigns.resource import (
    AT_REST,
    CAMPAIGNS,
    TYPES,
    trigger_route,
)
from ansible_collections.kore.ai.plugins.module_utils._campaigns.shapes import dnc_name
from ansible_collections.kore.ai.plugins.module_utils._client import backoff
from ansible_collections.kore.ai.plugins.module_utils._entity import Entity
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreConflictError,
    KoreError,
    KoreInputError,
    KoreProtocolError,
)

ID_PREFIX = "cd-"


def held(listed, campaign_id):
    """The item of ``listed`` (a list-all's campaigns) with ``campaign_id``, or None."""
    return next((c for c in listed if c["id"] == campaign_id), None)


class Campaigns(Entity):
    """The campaigns of one ``kind`` (``voice`` or ``sms``) over one client: the entity of its type's resource
    (``_entity.py``), each campaign shown with its ``id`` and ``type``, found by id only where its type's list-all
    holds it, and stopped, started and waited for."""

    def __init__(self, client, kind, *, sleep=None, clock=None):
        if kind not in TYPES:
            raise KoreInputError("type must be one of %s, got %r" % (", ".join(TYPES), kind))
        super().__init__(client, CAMPAIGNS[kind], sleep=sleep, clock=clock)
        self.kind = kind

    def shown(self, item):
        return dict(item, id=self.resource.id_of(item), type=self.kind)

    @property
    def query(self):
        return {"campaignType": self.kind}

    def find(self, item_id=None, name=None, whole=True):
        """The campaign of this type with the id ``item_id`` or exactly ``name``; None once its type's list-all proves
        it missing. Two of the name, or an id of the other type, are errors. The list-all's item, unless ``whole``
        asks for the whole record (GET)."""
        if item_id:
            return self._by_id(item_id, whole)
        named = self.find_by_name(name)
        if named is None or not whole:
            return named
        return self.read(named["id"]) or named

    def _by_id(self, campaign_id, whole):
        """By id the type's list-all must hold the campaign: a GET alone cannot tell the type, and a DELETE with
        the wrong one can answer 404. The list-all's item says all a delete needs; the GET goes out beside it
        when the whole record is wanted, and after it only when the list-all lacks the id (absent, or another
        type: an error, never "absent")."""
        if whole:
            with ThreadPoolExecutor(1) as pool:
                listing = pool.submit(lambda: Campaigns(self.client.clone(), self.kind).every())
                try:
                    record = self.read(campaign_id)
                finally:
                    item = held(listing.result(), campaign_id)
        else:
            item = held(self.every(), campaign_id)
            record = item or self.read(campaign_id)
        if record is not None and item is None:
            raise KoreConflictError(
                "campaign %s exists, but Kore's %s campaigns do not hold it: it is not a %s campaign (give the "
                "type it has). Nothing was changed." % (campaign_id, self.kind, self.kind))
        if record is None and item is not None:
            raise KoreProtocolError("GET campaign/%s answered without the campaign's record, but Kore lists it "
                                    "for %s: Kore's answers disagree. Nothing was changed."
                                    % (campaign_id, self.client.describe()))
        return record

    def status(self, campaign_id):
        """The campaign's status as Kore's status call says it now."""
        answer = self.client.request("POST", self.resource.route(campaign_id, "status"), json={},
                                     query={"view": "status"}, reads=True)
        if not isinstance(answer.data, dict) or not isinstance(answer.data.get("status"), str):
            raise KoreProtocolError("Kore answered the status of campaign %s without a status" % campaign_id)
        return answer.data["status"]

    def stop(self, campaign_id):
        """Send Kore's documented stop trigger for the type. Kore answers at once; the status follows later."""
        self.client.request("POST", trigger_route(self.kind, campaign_id), json={},
                            query=dict(self.query, trigger="stop"))

    def start(self, campaign_id):
        """Send Kore's documented play trigger: voice at its stop trigger's path, sms at ``campaign/{id}``."""
        route = trigger_route(self.kind, campaign_id) if self.kind == "voice" else self.resource.route(campaign_id)
        self.client.request("POST", route, json={}, query=dict(self.query, trigger="play"))

    def wait_at_rest(self, campaign_id, wait_timeout):
        """Wait until the status call says the campaign is no longer running: its status; None after
        ``wait_timeout`` seconds."""
        deadline = self._clock() + wait_timeout
        for attempt in itertools.count():
            status = self.status(campaign_id)
            if status in AT_REST:
                return status
            if self._clock() >= deadline:
                return None
            self._sleep(min(backoff(attempt), max(0.0, deadline - self._clock())))


def every_campaign(client, kinds=TYPES):
    """The campaigns of each of ``kinds``, in that order."""
    return [campaign for kind in kinds for campaign in Campaigns(client, kind).every()]


def campaign_types(client):
    """Each campaign's type by its id, for the messages that name the campaigns using a list; empty when Kore's
    campaign lists do not answer (a refusal must not fail for want of a type)."""
    try:
        return dict((c["id"], c["type"]) for c in every_campaign(client))
    except KoreError:
        return {}


def running(campaign):
    """Whether a campaign counts as running: any status but those at rest, one the collection does not know too."""
    return campaign.get("status") not in AT_REST


def uses_list(campaign, list_name):
    """Whether the campaign names the list, as a contact list or as its DNC list. Campaigns name their lists by
    name: ``contactLists`` as plain names, ``dncLists`` as one object ``{"name": ...}`` (a voice record adds its
    ``id``); a list in either field is read too."""
    return list_name in list_names(campaign.get("contactLists")) + dnc_names(campaign.get("dncLists"))


def dnc_names(value):
    """The name in a campaign's ``dncLists``: one object as Kore documents it, or a list of them."""
    name = dnc_name(value)
    return [name] if name is not None else list_names(value)


def list_names(entries):
    """The names in a campaign's ``contactLists`` (or a list of ``dncLists``), whichever shape each entry has."""
    if not isinstance(entries, list):
        return []
    return [e if isinstance(e, str) else e.get("name") for e in entries if isinstance(e, (str, dict))]
