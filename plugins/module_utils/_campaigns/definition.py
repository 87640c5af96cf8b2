# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A campaign as a task declares it: the create body Kore documents for its type (``shapes.py``), given inline or
as a JSON file (a backup kore_campaign wrote restores as it is), checked whole before any request, and how it
compares with the record Kore holds."""

from __future__ import annotations

import json

from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import ID_PREFIX, list_names
from ansible_collections.kore.ai.plugins.module_utils._campaigns.shapes import (
    DESCRIPTION_MAX,
    MAX_CONTACT_LISTS,
    NAME_MAX,
    definition_of,
    differs,
    dnc_name,
    required_to_create,
)
from ansible_collections.kore.ai.plugins.module_utils._ensure import ItemSpec
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

# fields Kore sets itself (KORE_API.md, Campaigns): left out of a definition without a word, so that a record
# restores as it is; any other field no body documents is left out with a warning
SET_BY_KORE = ("_id", "id", "type", "status", "createdAt", "updatedAt", "createdBy", "updatedBy", "accountId",
               "orgId", "streamId", "iId", "__v", "lname", "campaignInstanceId", "campaignInstanceUpdatedAt",
               "totalMessagesSent", "campaignExecutionType", "isImported", "isFiltersEnabled", "experienceFlow",
               "campaignType", "direction")


class CampaignSpec(ItemSpec):
    """Which campaign: ``campaign_id`` or ``name``, and its ``kind`` (voice or sms)."""

    def __init__(self, campaign_id=None, name=None, kind="voice"):
        if campaign_id is not None and not campaign_id.strip():
            raise KoreInputError("id must be a non-empty campaign id (%s...)" % ID_PREFIX)
        if name is not None and not name.strip():
            raise KoreInputError("name must not be empty")
        super().__init__(campaign_id, name)
        self.kind = kind

    @property
    def campaign_id(self):
        return self.item_id


class Declared(object):
    """The declared body (``body``), and what was said of it (``warnings``)."""

    def __init__(self, body, warnings):
        self.body, self.warnings = body, warnings


def declared_definition(definition=None, definition_file=None, kind="voice"):
    """The declared create body of a ``kind`` campaign, from ``definition`` or the JSON file ``definition_file``
    (both: ``definition``'s fields over the file's), as a :class:`Declared`; None when neither is given. Checked
    whole before any request."""
    if definition_file is None:
        return None if definition is None else declared_body(definition, kind)
    given = "definition_file %s" % definition_file
    try:
        with open(definition_file, encoding="utf-8") as handle:
            read = json.load(handle)
    except OSError as exc:
        raise KoreInputError("definition_file %s cannot be read: %s" % (definition_file, exc.strerror or exc))
    except ValueError as exc:
        raise KoreInputError("definition_file %s is not JSON: %s" % (definition_file, exc))
    if read is None:
        raise KoreInputError("%s holds null, not a campaign: a JSON object (a create body, or a backup "
                             "kore_campaign wrote) is needed. Nothing was changed." % given)
    if definition is not None and isinstance(read, dict):
        if not isinstance(definition, dict):
            raise KoreInputError("the definition must be a dict, got %s" % type(definition).__name__)
        read = dict(read, **definition)
    return declared_body(read, kind, given)


def declared_body(definition, kind, given="definition"):
    """``definition`` (a create body, or a record already read: ``given`` says where from) as the
    :class:`Declared` body of a ``kind`` campaign."""
    if not isinstance(definition, dict):
        raise KoreInputError("the %s must be a dict (the create body Kore documents), got %s"
                             % (given, type(definition).__name__))
    body, unknown = definition_of(kind, definition)
    warnings = []
    unknown = [field for field in unknown if field not in SET_BY_KORE]
    if unknown:
        warnings.append("the %s holds %s, which Kore's create and update calls of %s campaigns do not document: "
                        "left out, never sent or compared" % (given, ", ".join(unknown), kind))
    _one_dnc_list(body, warnings)
    check_fields(body)
    return Declared(body, warnings)


def _one_dnc_list(body, warnings):
    """``dncLists`` as Kore documents it, one object ``{"name": ...}``; the list of one entry earlier releases of
    this collection taught is taken as that entry, with a warning. Any other shape is :func:`check_fields`'s."""
    value = body.get("dncLists")
    if isinstance(value, dict):
        if dnc_name(value):
            body["dncLists"] = {"name": dnc_name(value)}
        return
    if not isinstance(value, list):
        return
    if len(value) > 1:
        raise KoreInputError("the definition's dncLists names %d lists: a campaign has one DNC list at most, "
                             "given as {name: ...}. Nothing was changed." % len(value))
    names = list_names(value)
    if len(names) != len(value):
        return
    warnings.append("dncLists is one object in Kore's API ({name: ...}), not a list: %s was read as %s"
                    % (json.dumps(value), json.dumps({"name": names[0]}) if names else "no DNC list"))
    if names:
        body["dncLists"] = {"name": names[0]}
    else:
        del body["dncLists"]


def check_fields(body):
    """Each declared field in the shape Kore's create page documents, named when it is not."""
    def refuse(field, shape):
        raise KoreInputError("the definition's %s must be %s, got %s. Nothing was changed."
                             % (field, shape, json.dumps(body[field])))

    name = body.get("name")
    if "name" in body and not (isinstance(name, str) and name.strip() and len(name) <= NAME_MAX):
        refuse("name", "a non-empty string of at most %d characters" % NAME_MAX)
    description = body.get("description")
    if "description" in body and not (isinstance(description, str) and len(description) <= DESCRIPTION_MAX):
        refuse("description", "a string of at most %d characters" % DESCRIPTION_MAX)
    lists = body.get("contactLists")
    if "contactLists" in body and not (isinstance(lists, list) and 1 <= len(lists) <= MAX_CONTACT_LISTS
                                       and all(isinstance(n, str) and n.strip() for n in lists)):
        refuse("contactLists", "a list of 1 to %d contact list names" % MAX_CONTACT_LISTS)
    if "dncLists" in body and not (isinstance(dnc_name(body["dncLists"]), str) and body["dncLists"]["name"].strip()):
        refuse("dncLists", "one object naming the DNC list, {name: ...}")
    priority = body.get("priority")
    if "priority" in body and (isinstance(priority, bool) or str(priority) not in ("1", "2", "3", "4", "5")):
        refuse("priority", "one of 1, 2, 3, 4 and 5")
    for field in ("dialingStrategy", "schedule"):
        if field in body and not isinstance(body[field], dict):
            refuse(field, "a dict")


def with_name(spec, definition):
    """The definition with the campaign's name: ``name`` or the definition's own; both and different is refused."""
    declared = definition.get("name")
    if spec.name is not None and declared is not None and declared != spec.name:
        raise KoreInputError("name %r and the definition's name %r differ: give one, or the same"
                             % (spec.name, declared))
    name = spec.name if spec.name is not None else declared
    if spec.campaign_id is None and name is None:
        raise KoreInputError("a campaign to create needs a name: give name, or name in the definition")
    named = dict(definition, name=name) if name is not None else dict(definition)
    check_fields(named)
    return named


class IncompleteDefinition(KoreInputError):
    """A campaign to create lacks fields Kore's create page requires of its type (``missing``)."""

    def __init__(self, message, missing):
        super().__init__(message)
        self.missing = missing


def refuse_incomplete(kind, definition):
    """A campaign to create needs what Kore's create page requires of its type: refused, naming the fields,
    before any write."""
    missing = required_to_create(kind, definition)
    if missing:
        flow = " A campaign's record names its flow by id only (experienceFlow): give experienceFlowName in " \
            "definition beside definition_file." if "experienceFlowName" in missing else ""
        raise IncompleteDefinition("a %s campaign to create needs %s in its definition (Kore's create call requires "
                                   "%s).%s Nothing was changed." % (kind, ", ".join(missing),
                                                                    "it" if len(missing) == 1 else "them", flow),
                                   missing)


def differences(definition, record):
    """The declared fields whose value the record does not hold, with the declared value (what PUT sends)."""
    return dict((field, value) for field, value in definition.items() if differs(field, value, record))


def named_lists(definition):
    """The contact lists and the DNC list the definition names, which must exist before it is sent."""
    dnc = dnc_name(definition.get("dncLists"))
    return list_names(definition.get("contactLists")), [dnc] if dnc else []
