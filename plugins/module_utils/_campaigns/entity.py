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
import time
from concurrent.futures import ThreadPoolExecutor

from ansible_collections.kore.ai.plugins.module_utils._campaigns.resource import (
    AT_REST,
    CAMPAIGNS,
    TYPES,
    trigger_route,
)
from ansible_collections.kore.ai.plugins.module_utils._campaigns.shapes import dnc_name
from ansible_collections.kore.ai.plugins.module_utils._client import backoff
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreConflictError,
    KoreError,
    KoreInputError,
    KoreNotFoundError,
    KoreProtocolError,
    with_done,
)

ID_PREFIX = "cd-"


def held(listed, campaign_id):
    """The item of ``listed`` (a list-all's campaigns) with ``campaign_id``, or None."""
    return next((c for c in listed if c["id"] == campaign_id), None)


class Campaigns(object):
    """The campaigns of one ``kind`` (``voice`` or ``sms``) over one client."""

    def __init__(self, client, kind, *, sleep=None, clock=None):
        if kind not in TYPES:
            raise KoreInputError("type must be one of %s, got %r" % (", ".join(TYPES), kind))
        self.client, self.kind, self.resource = client, kind, CAMPAIGNS[kind]
        self._sleep, self._clock = sleep or time.sleep, clock or time.monotonic

    def every(self):
        """Every campaign of the type, every page, as list-all shows them (checked: each with an id and a name)."""
        return [self.shown(item) for item in self.resource.items(self.client)]

    def shown(self, item):
        return dict(item, id=self.resource.id_of(item), type=self.kind)

    @property
    def query(self):
        return {"campaignType": self.kind}

    def read(self, campaign_id):
        """The whole record (GET), or None when Kore did not give it (not yet proof that it is missing)."""
        try:
            record = self.client.request("GET", self.resource.route(campaign_id)).data
        except KoreNotFoundError:
            return None
        if not record:
            return None
        if not isinstance(record, dict) or self.resource.id_of(record) != campaign_id:
            raise KoreProtocolError("Kore answered GET campaign/%s with a record that is not that campaign"
                                    % campaign_id)
        return self.shown(record)

    def find(self, campaign_id=None, name=None, whole=True):
        """The campaign of this type with ``campaign_id`` or exactly ``name``; None once its type's list-all proves
        it missing. Two of the name, or an id of the other type, are errors. The list-all's item, unless ``whole``
        asks for the whole record (GET)."""
        if campaign_id:
            return self._by_id(campaign_id, whole)
        named = [c for c in self.every() if c.get("name") == name]
        if len(named) > 1:
            raise KoreConflictError("%d %s campaigns are named %r (%s); use id to say which one is meant. Nothing "
                                    "was changed." % (len(named), self.kind, name, ", ".join(c["id"] for c in named)))
        if not named:
            return None
        return (self.read(named[0]["id"]) or named[0]) if whole else named[0]

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

    def delete(self, campaign_id):
        """DELETE and return the deleted record; None when the campaign was gone before this run deleted it.

        A 404 counts as gone only once the type's list-all answers without the id; a DELETE whose answer was lost
        and whose retry finds nothing was applied by this run: it returns ``{}``.
        """
        try:
            deleted = self.client.request("DELETE", self.resource.route(campaign_id), query=self.query).data
        except KoreNotFoundError as exc:
            if not self.resource.proven_absent(self.client, campaign_id):
                raise KoreProtocolError("Kore lists %s campaign %s for %s but answered DELETE with 404: %s"
                                        % (self.kind, campaign_id, self.client.describe(), exc), exc.status,
                                        exc.method)
            return {} if exc.earlier_attempt_may_have_applied else None
        except KoreError as exc:
            if not exc.earlier_attempt_may_have_applied:
                raise
            raise with_done(exc, "Campaign %s may have been deleted all the same" % campaign_id, changed=True)
        return self.shown(deleted) if isinstance(deleted, dict) and deleted else {}

    def create(self, body):
        """POST the create body (with ``campaignType``, as every create sample sends it); Kore answers the new id
        only, so the record is read back."""
        made = self.client.request("POST", self.resource.route(), json=dict(body, campaignType=self.kind),
                                   query=self.query).data
        campaign_id = self.resource.id_of(made) if isinstance(made, dict) else None
        if campaign_id is None:
            raise KoreProtocolError("Kore answered the create of campaign %r without its id; it may exist now: the "
                                    "next run finds it by name" % body.get("name"))
        return self.read(campaign_id) or self.shown(made)

    def update(self, campaign_id, changes):
        """PUT the changed fields, then read the campaign back (Kore's answer to PUT is not documented)."""
        self.client.request("PUT", self.resource.route(campaign_id), json=changes, query=self.query)
        record = self.read(campaign_id)
        if record is None:
            raise KoreProtocolError("campaign %s was updated but cannot be read back" % campaign_id)
        return record


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
