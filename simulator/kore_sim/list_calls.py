# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contact-list calls of the v2 API below ``campaign/contactList``, at their paths as KORE_API.md prints them
(Kore's pages "Create Contact List", "Get All Contact Lists", "Get Contact List", "Update Contact List", "Delete
Contact List", "Get All Contacts"), onto the simulator's ``store``. The context of each call is the
:class:`~kore_sim.server.Simulator`."""

from __future__ import annotations

from kore_sim import contacts
from kore_sim.answers import NOT_FOUND, success
from kore_sim.campaigns import Refused
from kore_sim.routes import VALUE, Routes


def create(sim, stream, query, body):
    return success(sim.store.create(stream, sim.tenant.account_id, body), "Contact list created successfully")


def list_all(sim, stream, query, body):
    # type=call: contact lists only; without it, DNC lists too (assumed: KORE_API.md, Campaigns)
    kind = (query.get("type") or [None])[0]
    return success([s for s in sim.store.summaries(stream) if kind is None or s.get("listType") == kind])


def contacts_page(sim, stream, query, body, list_id):
    if list_id not in sim.store.of(stream):
        return 404, NOT_FOUND
    return success(contacts.page(sim.store, stream, list_id, query, sim.max_page, sim.refuse_larger_page))


def read(sim, stream, query, body, list_id):
    record = sim.store.get(stream, list_id)
    return success(record) if record else (404, NOT_FOUND)


def update(sim, stream, query, body, list_id):
    known = sim.store.update(stream, list_id, body)
    if known is None:
        return 404, NOT_FOUND
    return success({"contactListId": list_id, "body": known}, "Contact list updated successfully")


def delete(sim, stream, query, body, list_id):
    """Refused while a campaign names the list, as Kore's UI says it is."""
    record = sim.store.get(stream, list_id)
    using = sim.campaigns.using(stream, record["name"]) if record else []
    if using:
        raise Refused("Contact list %s is used by campaigns %s and cannot be deleted"
                      % (record["name"], ", ".join(name for dummy, name in using)))
    record = sim.store.delete(stream, list_id)
    if record is None:
        return 404, NOT_FOUND
    return success(record, "Contact list %s deleted successfully" % record["name"])


ROUTES = Routes(
    (("POST",), ("createContactList",), create),
    (("GET", "POST"), ("getAllListDetails",), list_all),
    (("GET",), (VALUE, "getAllContacts"), contacts_page),
    (("GET",), (VALUE,), read),
    (("PUT",), (VALUE,), update),
    (("DELETE",), (VALUE,), delete),
)
