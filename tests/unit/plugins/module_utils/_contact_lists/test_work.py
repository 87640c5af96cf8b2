# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a task asks of a list and what a planner tells the one-list ensure: values, changed only by copying."""

from __future__ import annotations

import dataclasses

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.work import NO_WORK, ONE_LIST, ItemPlan, ListWork


def test_a_list_of_a_set_gets_the_sets_work_with_its_own_contacts_and_backup():
    each = ListWork(force=True, check_mode=True, purge_contacts=True)
    one = each.holding(["wanted"]).backed_up_to("backup")
    assert (one.force, one.check_mode, one.purge_contacts, one.wanted, one.backup) == (
        True, True, True, ["wanted"], "backup")
    assert each.wanted is None and each.backup is None  # the set's own work is left as it was
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.force = False


def test_the_plan_of_one_list_knows_nothing_and_always_goes_on():
    assert NO_WORK == ListWork() and not NO_WORK.force and not NO_WORK.check_mode
    assert ONE_LIST.found is None and ONE_LIST.settle and ONE_LIST.goes_on() and ONE_LIST.names_read is None


def test_a_planner_stops_a_list_between_its_backup_and_its_delete():
    failed = []
    plan = ItemPlan(found={"_id": "cl-1"}, go_on=lambda: not failed)
    assert plan.goes_on()
    failed.append("another change")
    assert not plan.goes_on()
