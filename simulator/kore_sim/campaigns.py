# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Campaigns of the simulator's bot: the calls of KORE_API.md's Campaigns section, at their paths as printed.

Where Kore documents nothing, the hardest reading on a client, and each choice is listed here:

- voice list-all items carry ``_id``, sms items ``id``; GET one answers the same way; create answers ``id`` only;
- a page holds at most ``Campaigns.page`` campaigns whatever ``limit`` asks (one of Kore's samples did so); of the
  documented list-all options, ``skip``, ``limit`` and ``filters.status`` are applied, the others accepted;
- statuses move: a created campaign is ``Preparing``, then ``Ready`` after ``prepare_delay``; a started one is
  ``Active``; a stop answers "Stopped" at once, but the status says ``Active`` until ``stop_delay`` has passed;
- refusals, as Kore's UI words its rules, answered 400 in the platform's error shape: deleting a running campaign,
  editing an ``Active`` one, stopping one that is not running, deleting a list a campaign names (the list store
  asks :func:`using`), creating or editing one that names a missing list;
- a DELETE, GET or PUT with a ``campaignType`` that is not the campaign's answers 404, like a missing campaign;
- a list's ``campaignInUse`` follows the campaigns that name it, at once (whether Kore's does is undocumented).

The shapes, each from a page of Koredotcom/docs-v2 ``content/xo/apis/contact-center/``:

- a create or update body names its DNC list as ONE object, ``"dncLists": {"name": ...}``
  (``create-voice-campaign-progressive-v2.md``, ``-agentless-v2.md``, ``-preview-v2.md``,
  ``update-voice-campaign-v2.md``, the sms create pages); a list there is refused, as no page sends one;
- a voice record shows it as ``{"id": "cl-...", "name": ...}``, an sms record as ``{"name": ...}`` (the create
  answers of the same pages);
- ``priority`` is a string "1" to "5" (every create page's table); a body may also send the number, which the
  record shows as text (KORE_API.md: "priority is a string in every sample");
- a record adds what Kore sets: ``lname``, ``isFiltersEnabled``, ``campaignInstanceUpdatedAt``
  (``get-all-campaigns-v2.md``), ``dialingStrategy.useSystemMappings`` for voice (the voice create answers),
  ``totalMessagesSent`` and ``isImported`` for sms (the sms create answer);
- ``queue_name`` is shown as ``connection`` (``get-all-campaigns-v2.md`` lists "connection": "Default Queue" where the
  progressive page sends "queue_name": "Default Queue"); ``experienceFlowName`` as the flow's id ``experienceFlow``
  (``cf-...``, the agentless and sms create answers); agentless ``enableMachineDetect`` "no" as ``false`` (the
  agentless create answer); ``campaignType`` in a body is the query's, not kept;
- required, as the create pages' tables say: ``name`` (at most 48 characters), ``contactLists``; for voice
  ``dncLists``, ``experienceFlowName`` when agentless and ``queue_name`` when progressive ("Required for Progressive
  dialing"); for sms ``experienceFlowName`` in the advanced format (``create-sms-campaign`` advanced v2). The other
  fields the tables mark required (``dialingStrategy`` and its parts, ``priority``, ``dialingMode``) are not
  enforced yet: the simulator is lenient there.
"""

from __future__ import annotations

import copy
import itertools
import math
import time
import uuid

from kore_sim.store import Invalid

TYPES = ("voice", "sms")
AT_REST = ("Ready", "Completed", "Stopped")
OWN_FIELDS = ("_id", "id", "status", "createdAt", "updatedAt", "type", "createdBy", "accountId", "streamId",
              "campaignType", "lname")
FLOWS = uuid.UUID("6b1e9a57-0000-4000-8000-00000000f10e")   # the simulator's flow ids, one per flow name
# The one flow Kore's pages show by name and id together: create-voice-campaign-agentless-v2.md sends
# "experienceFlowName": "Voice Survey Entry Flow" and answers
# "experienceFlow": "cf-ecfa3927-eabc-52c4-8373-8a0b75d57955" (masked "...8a0b75dxxxxx" on other pages); the last
# digits are ours, as in samples.record_of and the EXAMPLES.
DOCUMENTED_FLOWS = {"Voice Survey Entry Flow": "cf-ecfa3927-eabc-52c4-8373-8a0b75d00000"}


class Refused(Exception):
    """A call Kore's UI rules forbid (400)."""


class Campaigns(object):
    """The campaigns of each bot, under the list store's lock (a list's ``campaignInUse`` follows them)."""

    def __init__(self, store, page=3, prepare_delay=0.2, stop_delay=0.3):
        self.store = store
        self.defaults = (page, prepare_delay, stop_delay)
        self.page = page                    # campaigns per list-all page at most, whatever limit asks
        self.prepare_delay = prepare_delay  # seconds a created campaign stays Preparing
        self.stop_delay = stop_delay        # seconds a stopped campaign still shows Active
        self.by_stream = {}                 # stream id -> {campaign id -> record}
        self._order = itertools.count()

    def of(self, stream_id):
        return self.by_stream.setdefault(stream_id, {})

    def clear(self):
        """No campaign, and the paging and delays the simulator started with (tests change them)."""
        with self.store.lock:
            self.by_stream.clear()
            self.page, self.prepare_delay, self.stop_delay = self.defaults

    # ---- what a record shows ----------------------------------------------------------------------------

    def _settle(self, record):
        """Move a status whose moment has come: Preparing to Ready, a stopped Active to Stopped."""
        moving = record.get("_moving")
        if moving and time.monotonic() >= moving[0]:
            record["status"] = moving[1]
            record.pop("_moving")
        return record

    def shown(self, record):
        """The record as Kore answers it: ``_id`` for voice, ``id`` for sms, no bookkeeping of ours (its type
        neither: no sample shows one)."""
        self._settle(record)
        view = dict((k, copy.deepcopy(v)) for k, v in record.items() if not k.startswith("_") and k != "type")
        view["_id" if record["type"] == "voice" else "id"] = record["_key"]
        return view

    # ---- calls ------------------------------------------------------------------------------------------

    def seed(self, stream_id, kind, body, status="Ready"):
        """Put a campaign in place directly (tests: running campaigns, campaigns using lists)."""
        with self.store.lock:
            record = self._new(stream_id, kind, dict(body))
            record["status"] = status
            record.pop("_moving", None)
            return self.shown(record)

    def create(self, stream_id, kind, body):
        _check_kind(kind)
        _check_body(body, kind, creating=True)
        with self.store.lock:
            self._check_lists(stream_id, body)
            record = self._new(stream_id, kind, body)
            return {"id": record["_key"], "name": record["name"], "status": record["status"]}

    def _new(self, stream_id, kind, body):
        key = "cd-" + str(uuid.uuid4())
        stamp = self.store.clock()
        record = {"_key": key, "_order": next(self._order), "type": kind, "status": "Preparing",
                  "_moving": (time.monotonic() + self.prepare_delay, "Ready"), "createdAt": stamp, "updatedAt": stamp,
                  "campaignInstanceUpdatedAt": stamp, "isFiltersEnabled": False}
        if kind == "sms":
            record.update(totalMessagesSent=0, isImported=False)
        self._take(stream_id, record, body)
        record.setdefault("contactLists", [])
        self.of(stream_id)[key] = record
        self._mark_lists(stream_id, record, [], record["contactLists"])
        return record

    def list_all(self, stream_id, body):
        kind = body.get("type")
        _check_kind(kind)
        limit, skip = body.get("limit", 10), body.get("skip", 0)
        if not isinstance(limit, int) or not isinstance(skip, int) or limit < 1 or skip < 0:
            raise Invalid("limit and skip must be a positive and a non-negative integer")
        limit = min(limit, self.page)
        wanted = (body.get("filters") or {}).get("status") if isinstance(body.get("filters"), dict) else None
        with self.store.lock:
            found = sorted((self._settle(r) for r in self.of(stream_id).values() if r["type"] == kind),
                           key=lambda r: r["_order"])
            found = [r for r in found if not wanted or r["status"] in wanted]
            results = [self.shown(r) for r in found[skip:skip + limit]]
        return {"results": results, "skip": skip, "limit": limit, "hasMore": skip + limit < len(found),
                "totalPages": int(math.ceil(len(found) / float(limit))), "totalResults": len(found)}

    def get(self, stream_id, key, kind=None):
        with self.store.lock:
            record = self.of(stream_id).get(key)
            if record is None or (kind is not None and record["type"] != kind):
                return None
            return self.shown(record)

    def status(self, stream_id, key):
        with self.store.lock:
            record = self.of(stream_id).get(key)
            if record is None:
                return None
            self._settle(record)
            return {"id": key, "status": record["status"], "name": record["name"]}

    def update(self, stream_id, key, kind, body):
        _check_body(body, kind, creating=False)
        with self.store.lock:
            record = self.of(stream_id).get(key)
            if record is None or record["type"] != kind:
                return None
            self._settle(record)
            if record["status"] == "Active":
                raise Refused("Campaign %s is Active and cannot be edited; stop it first" % record["name"])
            self._check_lists(stream_id, body)
            before = list(record["contactLists"])
            self._take(stream_id, record, body)
            record["updatedAt"] = self.store.clock()
            self._mark_lists(stream_id, record, before, record["contactLists"])
            return {"id": key}

    def delete(self, stream_id, key, kind):
        with self.store.lock:
            record = self.of(stream_id).get(key)
            if record is None or record["type"] != kind:
                return None
            self._settle(record)
            if record["status"] not in AT_REST:
                raise Refused("Campaign %s is %s; stop it before deleting it" % (record["name"], record["status"]))
            shown = self.shown(record)
            del self.of(stream_id)[key]
            self._mark_lists(stream_id, record, record["contactLists"], [])
            return shown

    def trigger(self, stream_id, key, kind, trigger):
        """``play`` or ``stop``: the answer Kore documents, without its envelope."""
        with self.store.lock:
            record = self.of(stream_id).get(key)
            if record is None or record["type"] != kind:
                return None
            self._settle(record)
            if trigger == "play":
                if record["status"] == "Active":
                    raise Refused("Campaign %s is already Active" % record["name"])
                if record["status"] == "Preparing" or record.get("_moving"):
                    # undocumented: the hardest reading, a campaign still settling cannot be started
                    raise Refused("Campaign %s is %s and cannot be started yet" % (record["name"], record["status"]))
                record["status"] = "Active"
                return {"status": "Active", "message": "Campaign Started", "id": key}
            if record["status"] in AT_REST or record.get("_moving"):
                raise Refused("Campaign %s is not running" % record["name"])
            record["_moving"] = (time.monotonic() + self.stop_delay, "Stopped")
            return {"status": "Stopped", "message": "Campaign Stopped", "id": key}

    def disable_schedule(self, stream_id, name):
        """``campaign/schedule?enableSchedule=false&campaignName=``: keyed by name, every campaign of it."""
        with self.store.lock:
            named = [r for r in self.of(stream_id).values() if r["name"] == name]
            for record in named:
                record["scheduleEnabled"] = False
            return {"campaignName": name, "enableSchedule": False} if named else None

    def _take(self, stream_id, record, body):
        """The body's fields into the record, as Kore's answers show them (the module docstring's shapes)."""
        for field, value in body.items():
            if field in OWN_FIELDS:
                continue
            value = copy.deepcopy(value)
            if field == "name":
                record["lname"] = value.lower()
            if field == "priority" and isinstance(value, int):
                value = str(value)
            if field == "dncLists":
                value = {"name": value["name"]}
                listed = [r for r in self.store.of(stream_id).values() if r["name"] == value["name"]]
                if record["type"] == "voice" and listed:
                    value = {"id": listed[0]["_id"], "name": value["name"]}
            if field == "dialingStrategy" and record["type"] == "voice":
                value.setdefault("useSystemMappings", False)
            if field == "queue_name":
                field = "connection"
            if field == "experienceFlowName":
                field, value = "experienceFlow", DOCUMENTED_FLOWS.get(value) or "cf-" + str(uuid.uuid5(FLOWS, value))
            if field == "enableMachineDetect" and value == "no":
                value = False
            record[field] = value

    # ---- lists ------------------------------------------------------------------------------------------

    def _check_lists(self, stream_id, body):
        lists = self.store.of(stream_id).values()
        for name in body.get("contactLists") or []:
            if not any(r["name"] == name and r.get("listType") == "call" for r in lists):
                raise Invalid("contact list %s does not exist" % name)
        dnc = body.get("dncLists")
        if dnc is not None and not any(r["name"] == dnc["name"] for r in lists):
            raise Invalid("DNC list %s does not exist" % dnc["name"])

    def _mark_lists(self, stream_id, record, before, after):
        """Keep ``campaignInUse`` of the lists named before and after a change in step with the campaign."""
        key = record["_key"]
        for item in self.store.of(stream_id).values():
            if item["name"] not in before and item["name"] not in after:
                continue
            using = [u for u in item.get("campaignInUse") or [] if u.get("id") != key]
            if item["name"] in after:
                using.append({"id": key, "name": record["name"]})
            item["campaignInUse"] = using
            item["isListInUse"] = bool(using)

    def using(self, stream_id, name):
        """The campaigns that name a list of ``name`` (its contact lists or DNC lists), as ``[(id, name)]``."""
        with self.store.lock:
            return [(r["_key"], r["name"]) for r in self.of(stream_id).values()
                    if name in r["contactLists"] or (r.get("dncLists") or {}).get("name") == name]


def _check_kind(kind):
    if kind not in TYPES:
        raise Invalid("type must be voice or sms")


def _check_body(body, kind, creating):
    """What the create pages require and the shapes they print (the module docstring)."""
    name = body.get("name")
    if creating or "name" in body:
        if not isinstance(name, str) or not name.strip():
            raise Invalid("name is required")
        if len(name) > 48:
            raise Invalid("name must be a maximum of 48 characters")
    lists = body.get("contactLists")
    if creating or "contactLists" in body:
        if not isinstance(lists, list) or not lists or not all(isinstance(n, str) and n for n in lists):
            raise Invalid("contactLists must name at least one contact list")
        if len(lists) > 10:
            raise Invalid("a campaign uses at most 10 contact lists")
    dnc = body.get("dncLists")
    if (creating and kind == "voice") or "dncLists" in body:
        if not isinstance(dnc, dict) or not isinstance(dnc.get("name"), str) or not dnc["name"]:
            raise Invalid("dncLists must be an object with the name of a DNC list")
    priority = body.get("priority")
    if "priority" in body and (isinstance(priority, bool) or str(priority) not in ("1", "2", "3", "4", "5")):
        raise Invalid("priority must be one of 1, 2, 3, 4 or 5")
    if creating and kind == "voice" and body.get("dialingMode") == "Agentless" and not body.get("experienceFlowName"):
        raise Invalid("experienceFlowName is required for Agentless dialing")
    if creating and kind == "voice" and body.get("dialingMode") == "Progressive" and not body.get("queue_name"):
        raise Invalid("queue_name is required for Progressive dialing")
    if creating and kind == "sms" and body.get("format") == "advanced" and not body.get("experienceFlowName"):
        raise Invalid("experienceFlowName is required for the advanced format")
