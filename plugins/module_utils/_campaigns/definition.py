# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A campaign as a task declares it: the create body as Kore documents it, given inline or as a JSON file (a backup
kore_campaign wrote restores as it is), and how it compares with the record Kore holds."""

from __future__ import annotations

import json

from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import ID_PREFIX, list_names
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

# fields Kore sets itself: dropped from a definition, so that a backup restores as it is
SET_BY_KORE = ("_id", "id", "type", "status", "createdAt", "updatedAt", "createdBy", "updatedBy", "accountId",
               "orgId", "streamId", "iId", "__v")
# fields whose entries a record may show otherwise than the create body: compared by the names of the lists
BY_LIST_NAME = ("contactLists", "dncLists")


class CampaignSpec(object):
    """Which campaign: ``campaign_id`` or ``name``, and its ``kind`` (voice or sms)."""

    def __init__(self, campaign_id=None, name=None, kind="voice"):
        if campaign_id is not None and not campaign_id.strip():
            raise KoreInputError("id must be a non-empty campaign id (%s...)" % ID_PREFIX)
        if name is not None and not name.strip():
            raise KoreInputError("name must not be empty")
        self.campaign_id, self.name, self.kind = campaign_id, name, kind

    def named(self):
        return self.campaign_id or repr(self.name)


def declared_definition(definition=None, definition_file=None):
    """The declared create body, from ``definition`` or the JSON file ``definition_file``, without the fields Kore
    sets itself; None when neither is given. Checked whole before any request."""
    if definition_file is not None:
        try:
            with open(definition_file, encoding="utf-8") as handle:
                definition = json.load(handle)
        except OSError as exc:
            raise KoreInputError("definition_file %s cannot be read: %s" % (definition_file, exc.strerror or exc))
        except ValueError as exc:
            raise KoreInputError("definition_file %s is not JSON: %s" % (definition_file, exc))
    if definition is None:
        return None
    if not isinstance(definition, dict):
        raise KoreInputError("the definition must be a dict (the create body Kore documents), got %s"
                             % type(definition).__name__)
    for field in BY_LIST_NAME:
        entries = definition.get(field)
        names = list_names(entries)
        if field in definition and (not isinstance(entries, list) or len(names) != len(entries)
                                    or not all(isinstance(n, str) and n for n in names)):
            raise KoreInputError("the definition's %s must be a list of list names or of {name: ...}" % field)
    return dict((k, v) for k, v in definition.items() if k not in SET_BY_KORE)


def with_name(spec, definition):
    """The definition with the campaign's name: ``name`` or the definition's own; both and different is refused."""
    declared = definition.get("name")
    if spec.name is not None and declared is not None and declared != spec.name:
        raise KoreInputError("name %r and the definition's name %r differ: give one, or the same"
                             % (spec.name, declared))
    name = spec.name if spec.name is not None else declared
    if spec.campaign_id is None and name is None:
        raise KoreInputError("a campaign to create needs a name: give name, or name in the definition")
    return dict(definition, name=name) if name is not None else dict(definition)


def comparable(field, value):
    """A field's value as the record and the create body can both show it: lists by their names, in any order."""
    if field in BY_LIST_NAME:
        return sorted(str(n) for n in list_names(value))
    return value


def differences(definition, record):
    """The declared fields whose value the record does not hold, with the declared value (what PUT sends)."""
    return dict((field, value) for field, value in definition.items()
                if comparable(field, value) != comparable(field, record.get(field)))


def named_lists(definition):
    """The contact lists and DNC lists the definition names, which must exist before it is sent."""
    return list_names(definition.get("contactLists")), list_names(definition.get("dncLists"))
