# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The shapes Kore documents for a campaign: which fields a create or update body takes for each type, which of
them Kore requires, and how a record shows what a body sent (KORE_API.md, Campaigns).

The pages (Koredotcom/docs-v2, ``content/xo/apis/contact-center/``): ``create-voice-campaign-progressive-v2.md``,
``create-voice-campaign-agentless-v2.md``, ``create-voice-campaign-preview-v2.md``, ``update-voice-campaign-v2.md``,
the sms create pages beside them and ``get-all-campaigns-v2.md``. Everything a record holds beyond these fields
(``lname``, ``campaignInstanceId``, ``totalMessagesSent``, ``isImported``, ...) is Kore's: never sent, never
compared.
"""

from __future__ import annotations

# what a create or update body of each type documents; campaignType travels in the query as well, and is the
# module's type option, so it is not part of a definition
BODY_FIELDS = {
    "voice": ("name", "description", "contactLists", "dncLists", "priority", "dialingMode", "dialingStrategy",
              "schedule", "queue_name", "maxSkips", "experienceFlowName", "enableMachineDetect"),
    "sms": ("name", "description", "contactLists", "dncLists", "priority", "format", "message", "dialingStrategy",
            "schedule", "experienceFlowName"),
}
NAME_MAX, DESCRIPTION_MAX = 48, 256     # the create pages' limits
MAX_CONTACT_LISTS = 10                  # Kore's campaign FAQ: at most 10 call lists a campaign
# a record shows the queue a progressive or preview body names in queue_name as its connection
# (get-all-campaigns-v2.md: "connection": "Default Queue"; the create pages send "queue_name": "Default Queue")
RECORD_NAMES = {"queue_name": "connection"}
# what a record adds inside a body's field (the voice create answers: dialingStrategy.useSystemMappings)
ADDED_INSIDE = {"dialingStrategy": ("useSystemMappings",)}
# fields a record cannot show as the body sent them: the flow is sent by name and shown by id (experienceFlow)
NOT_SHOWN = ("experienceFlowName",)


def required_to_create(kind, definition):
    """The fields Kore's create page of ``kind`` (and dialing mode) requires that ``definition`` lacks."""
    needed = ["name", "contactLists"]
    if kind == "voice":
        needed.append("dncLists")
        if definition.get("dialingMode") == "Agentless":
            needed.append("experienceFlowName")
        if definition.get("dialingMode") == "Progressive":
            needed.append("queue_name")     # "Required for Progressive dialing"
    elif definition.get("format") == "advanced":
        needed.append("experienceFlowName")  # the advanced-format sms page: required
    return [field for field in needed if field not in definition]


def definition_of(kind, body):
    """The definition ``body`` holds for a campaign of ``kind``: a create body as it is, or a record (a backup)
    as the body that makes it again. Fields the body pages do not document are left out, named in the second
    value; a record's ``connection`` is its ``queue_name``."""
    fields = BODY_FIELDS[kind]
    body = dict(body)
    for field, shown in RECORD_NAMES.items():
        if field in fields and field not in body and isinstance(body.get(shown), str):
            body[field] = body[shown]
    kept = dict((k, v) for k, v in body.items() if k in fields)
    if kept.get("enableMachineDetect") is False:
        kept["enableMachineDetect"] = "no"  # the body's word for the false a record shows
    for field, added in ADDED_INSIDE.items():
        if isinstance(kept.get(field), dict):
            kept[field] = dict((k, v) for k, v in kept[field].items() if k not in added)
    return kept, sorted(k for k in body if k not in fields and k not in RECORD_NAMES.values())


def dnc_name(value):
    """The DNC list's name in a body's or record's ``dncLists``: one object ``{"name": ...}`` as every sample
    prints it; None without one."""
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    return None


def comparable(field, value):
    """A value as the record and the body can both show it: ``priority`` as text ("5" in every sample, a body
    may send 5), ``enableMachineDetect`` "no" as the false a create answer shows for it, lists by name."""
    if field == "priority" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if field == "enableMachineDetect" and value in ("no", False):
        return False
    if field == "contactLists" and isinstance(value, list):
        return sorted(v if isinstance(v, str) else str(v.get("name")) for v in value if isinstance(v, (str, dict)))
    if field == "dncLists":
        return dnc_name(value)
    return value


def holds(declared, shown):
    """Whether ``shown`` (from a record) holds ``declared``: a dict holds every declared key (Kore adds its own,
    such as ``dialingStrategy.useSystemMappings``), a list each entry in order, anything else an equal value."""
    if isinstance(declared, dict):
        return isinstance(shown, dict) and all(k in shown and holds(v, shown[k]) for k, v in declared.items())
    if isinstance(declared, list):
        return isinstance(shown, list) and len(declared) == len(shown) and all(
            holds(d, s) for d, s in zip(declared, shown))
    return declared == shown


def differs(field, declared, record):
    """Whether the record does not hold the declared value of ``field``. A field no record shows as sent
    (``experienceFlowName``) counts only when the record shows it."""
    if field in NOT_SHOWN and field not in record:
        return False
    shown = record.get(field, record.get(RECORD_NAMES.get(field)))
    return not holds(comparable(field, declared), comparable(field, shown))
