# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Contact lists as kore_contact_list_info describes them: one by id, those of a name, or every one."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import KoreConflictError, by_name
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._outcome import label


LIST_TYPES = ("call", "dnc", "all")


def describe_lists(lists, spec, list_type="call"):
    """One full record by id, full records by name, or every summary: of contact lists (``call``), DNC lists
    (``dnc``) or both (``all``); each says its type in ``listType``."""
    if spec.list_id:
        record = lists.find_by_id(spec.list_id)
        return [record] if record else []
    summaries = lists.summaries(every=list_type != "call")
    if list_type == "dnc":
        summaries = [s for s in summaries if s.get("listType") == "dnc"]
    if spec.name is None:
        return summaries
    return [lists.read(s["_id"]) or s for s in by_name(summaries).get(spec.name, [])]


def describe_with_contacts(lists, contacts_api, spec, *, return_contacts=False, list_type="call"):
    """The records, and with ``return_contacts`` the contacts of the one list meant."""
    records = describe_lists(lists, spec, list_type)
    if not return_contacts:
        return records, None
    if not (spec.list_id or spec.name):
        raise KoreInputError("return_contacts needs id or name: the one list whose contacts to return")
    if len(records) > 1:
        raise KoreConflictError("%d contact lists are named %r (%s); use id to say whose contacts to return"
                                % (len(records), spec.name, ", ".join(label(r) for r in records)))
    return records, (contacts_api.read(records[0]["_id"], "write them to a CSV file with kore.ai.kore_contact_list's "
                                                          "backup_file instead") if records else [])
