# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Contacts of the simulator's lists: Kore's asynchronous add (v1.1, by list name) and its paged read.

Where Kore documents nothing, the hardest reading on a client: the add answers before it is done and says
nothing of what it did; a list that does not allow duplicates silently drops a phone number it holds already;
a page holds at most ``max_page`` contacts whatever ``limit`` asks (or, with ``refuse_larger``, a larger ask is
refused with a 400 that names the limit: Kore's pages say neither, so a client must take both).
"""

from __future__ import annotations

import math
import threading
import uuid

from kore_sim.store import Invalid, now

DEFAULT_PAGE = 50      # Kore's answer shows limit 50 when none is asked for
IN_PROGRESS = {"message": "Adding contacts to public list is in progress"}


def check_add(body, max_batch):
    """(list name, contacts) of an addContacts body, or Invalid."""
    name, data = body.get("contact_list_name"), body.get("data")
    if not isinstance(name, str) or not name:
        raise Invalid("contact_list_name is required")
    if not isinstance(data, list) or not data:
        raise Invalid("data must be a non-empty list of contacts")
    if len(data) > max_batch:
        raise Invalid("at most %d contacts can be added at once" % max_batch)
    for contact in data:
        if not isinstance(contact, dict) or not isinstance(contact.get("phoneNumber"), str) \
                or not contact["phoneNumber"].strip():
            raise Invalid("every contact needs a phoneNumber")
    return name, data


def list_named(store, stream_id, name):
    """The id of the list Kore would fill: with two of one name, nobody knows which; here the first created."""
    with store.lock:
        named = sorted((r["createdAt"], r["_id"]) for r in store.of(stream_id).values() if r["name"] == name)
    return named[0][1] if named else None


def apply(store, stream_id, list_id, data):
    """Add the contacts as Kore would: a list that does not allow duplicates drops phone numbers it holds."""
    with store.lock:
        record = store.of(stream_id).get(list_id)
        if record is None:
            return  # deleted before the add was carried out
        held = store.contacts.setdefault(list_id, [])
        phones = store.phones.setdefault(list_id, set())
        for contact in data:
            if not record["allowDuplicates"] and contact["phoneNumber"] in phones:
                continue
            stamp = now()
            held.append(dict(contact, _id="cc-" + str(uuid.uuid4()), createdAt=stamp, updatedAt=stamp))
            phones.add(contact["phoneNumber"])
        record["totalRecordCount"] = len(held)


def add_later(store, stream_id, list_id, data, delay):
    """Carry the add out after ``delay`` seconds, as Kore's "in progress" answer promises."""
    if delay <= 0:
        return apply(store, stream_id, list_id, data)
    timer = threading.Timer(delay, apply, (store, stream_id, list_id, data))
    timer.daemon = True
    timer.start()
    return None


def page(store, stream_id, list_id, query, max_page, refuse_larger=False):
    """One page of getAllContacts, as (status, data) for an existing list; ``skip`` and ``limit`` as asked."""
    try:
        skip = int((query.get("skip") or ["0"])[0])
        limit = int((query.get("limit") or [str(DEFAULT_PAGE)])[0])
    except ValueError:
        raise Invalid("skip and limit must be whole numbers")
    if skip < 0 or limit < 1:
        raise Invalid("skip must be 0 or more and limit 1 or more")
    if refuse_larger and limit > max_page:
        raise Invalid("limit must be at most %d" % max_page)
    limit = min(limit, max_page)
    with store.lock:  # a slice, not a copy of the list: a page of a million costs the page
        held = store.contacts.get(list_id, [])
        total = len(held)
        results = [dict(c) for c in held[skip:skip + limit]]
    return {"results": results, "skip": skip, "limit": limit, "hasMore": skip + len(results) < total,
            "totalPages": int(math.ceil(total / float(limit))), "totalResults": total}
