# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Kore's contact lists as data: the routes Kore documents, named in messages as contactList/..."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.resource import CONTACT_LISTS


def test_the_documented_paths_and_list_all():
    assert CONTACT_LISTS.route("cl-1").path == "/campaign/contactList/cl-1"
    assert CONTACT_LISTS.route("cl-1").shown == "contactList/cl-1" and CONTACT_LISTS.route("cl-1").api == "v2"
    spec = CONTACT_LISTS.list_all
    assert (spec.method, spec.segments, spec.query) == ("GET", ("getAllListDetails",), {"type": "call"})
    assert CONTACT_LISTS.id_of({"_id": "cl-1"}) == "cl-1" and CONTACT_LISTS.id_prefix == "cl-"


def test_absence_is_proven_by_list_all_alone(sim, lists):
    record = sim.seed("Here", "x")
    assert not CONTACT_LISTS.proven_absent(lists.client, record["_id"])
    assert CONTACT_LISTS.proven_absent(lists.client, "cl-gone")
    assert [r["path"].rsplit("/", 1)[-1] for r in sim.requests] == ["getAllListDetails"] * 2
