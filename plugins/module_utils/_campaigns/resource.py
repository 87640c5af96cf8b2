# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Kore's campaigns, described as data (see ``_resource.py``): one resource per type, since Kore lists, deletes
and triggers voice and sms campaigns apart, and messages name the routes ``campaign/...``."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._resource import Create, ListAll, PagedListAll, Resource
from ansible_collections.kore.ai.plugins.module_utils._url import Route

TYPES = ("voice", "sms")
# a campaign in any other status, one the collection does not know included, counts as running
AT_REST = ("Ready", "Completed", "Stopped")


def _of_type(kind):
    # voice items carry _id, sms items id, and Kore's own voice table says id: either may come
    # every create sample sends campaignType in its body and query; Kore answers a create with the new id only
    return Resource("%s campaign" % kind, Route("v2", ("campaign",)), id_fields=("_id", "id"), id_prefix="cd-",
                    list_all=PagedListAll("POST", ("getAllCampaignDetails",), body={"type": kind}),
                    create=Create(fields={"campaignType": kind}, answers_record=False),
                    write_query={"campaignType": kind})


CAMPAIGNS = dict((kind, _of_type(kind)) for kind in TYPES)

# the lists a campaign may name: getAllListDetails without type=call holds DNC lists too (assumed: KORE_API.md)
LIST_RECORDS = Resource("list", Route("v2", ("campaign", "contactList"), shown_from=1), id_prefix="cl-",
                        list_all=ListAll("GET", ("getAllListDetails",)))


def trigger_route(kind, campaign_id):
    """Where a campaign of ``kind`` is stopped (and started), as Kore prints it: voice without ``/campaign`` before
    ``/api``, sms with a double slash."""
    if kind == "voice":
        return Route("v2-trigger", ("campaign", "trigger", campaign_id))
    return Route("v2", ("campaign", Route.EMPTY, "trigger", campaign_id))
