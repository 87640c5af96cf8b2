# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one ensure of an item: a resource with no hooks of its own is deleted, proven absent, decided alike in check
mode; a resource's hooks refuse, keep, and tell what was done, a failure after a change included; and the worked
example of docs/architecture.md, a third resource (Kore's DNC lists) that is a description and its hooks, runs."""

from __future__ import annotations

import json
import os
import types

import pytest

from ansible_collections.kore.ai.plugins.module_utils._backup.file import Backup
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.resource import CONTACT_LISTS
from ansible_collections.kore.ai.plugins.module_utils._ensure import GoneMeanwhile, Hooks, ItemSpec, ensure_absent
from ansible_collections.kore.ai.plugins.module_utils._entity import Entity
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreInUseError, with_done

ARCHITECTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), *[os.pardir] * 4, "docs", "architecture.md")


def work(check_mode=False):
    return types.SimpleNamespace(check_mode=check_mode)


def spec(item_id=None, name=None):
    return ItemSpec(item_id, name)


def writes(sim):
    return [r["method"] for r in sim.requests if r["method"] != "GET"]


def test_a_resource_without_hooks_of_its_own_is_deleted_then_proven_absent(sim, client):
    listed = sim.seed("Leads", "l")
    items = Entity(client, CONTACT_LISTS)
    would = ensure_absent(Hooks(items, work(check_mode=True)), spec(name="Leads"))
    assert would.changed and would.msg == "contact list 'Leads' (%s) would be deleted" % listed["_id"]
    assert writes(sim) == []
    done = ensure_absent(Hooks(items, work()), spec(name="Leads"))
    assert done.changed and done.record["_id"] == listed["_id"] and done.before["_id"] == listed["_id"]
    again = ensure_absent(Hooks(items, work()), spec(item_id=listed["_id"]))
    assert not again.changed and again.msg.startswith("contact list %s is already absent" % listed["_id"])
    assert writes(sim) == ["DELETE"]


class Kept(Hooks):
    """Hooks that refuse an item named 'In use', keep a note before the DELETE, and tell it afterwards."""

    def __init__(self, entity, work, gone=False):
        super().__init__(entity, work)
        self.kept, self.gone_first = [], gone

    def checked(self, current):
        if current["name"] == "In use":
            raise KoreInUseError("%s is in use" % self.label(current))
        return current

    def keep(self, current):
        if self.gone_first:
            raise GoneMeanwhile("%s went before it was kept" % self.label(current))
        self.kept.append(current["_id"])

    def failed(self, exc):
        return with_done(exc, "It had been kept first", kept=self.kept)

    def told(self, outcome):
        outcome.extra["kept"] = self.kept
        return outcome


def test_hooks_refuse_keep_before_the_delete_and_tell_what_was_kept(sim, client):
    used, plain = sim.seed("In use", "u"), sim.seed("Plain", "p")
    items = Entity(client, CONTACT_LISTS)
    with pytest.raises(KoreInUseError, match="is in use"):
        ensure_absent(Kept(items, work()), spec(item_id=used["_id"]))
    done = ensure_absent(Kept(items, work()), spec(item_id=plain["_id"]))
    assert done.changed and done.extra == {"kept": [plain["_id"]]}
    assert writes(sim) == ["DELETE"]


def test_a_failure_after_the_keep_says_what_was_kept_and_an_item_gone_first_is_unchanged(sim, client):
    listed = sim.seed("Plain", "p")
    items = Entity(client, CONTACT_LISTS)
    sim.faults.add("status", method="DELETE", status=400, body={"msg": "no"})
    with pytest.raises(KoreError) as caught:
        ensure_absent(Kept(items, work()), spec(item_id=listed["_id"]))
    assert "It had been kept first" in str(caught.value) and caught.value.done == {"kept": [listed["_id"]]}
    gone = ensure_absent(Kept(items, work(), gone=True), spec(item_id=listed["_id"]))
    assert not gone.changed and gone.msg.endswith("went before it was kept") and gone.extra == {"kept": []}


def worked_example():
    """The Python block of docs/architecture.md's worked example, run: what it defines."""
    with open(ARCHITECTURE) as handle:
        page = handle.read()
    block = page.split("**Worked example:", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    defined = {}
    exec(compile(block, ARCHITECTURE, "exec"), defined)  # pylint: disable=exec-used
    return types.SimpleNamespace(**defined)


def test_the_worked_example_deletes_a_dnc_list_through_the_one_ensure_with_its_hooks_alone(sim, client, tmp_path):
    example = worked_example()
    sim.seed("Leads", "l")
    used, spare = sim.seed("Do not call", "d", listType="dnc"), sim.seed("Old DNC", "o", listType="dnc")
    sim.seed_campaign("Calls", ["Leads"], dncLists={"name": "Do not call"})
    lists = example.DncLists(client)
    assert [item["name"] for item in lists.every()] == ["Do not call", "Old DNC"]

    def task(name, backup=None, force=False, check_mode=False):
        work = types.SimpleNamespace(force=force, backup=backup, check_mode=check_mode)
        return ensure_absent(example.DncHooks(lists, work), ItemSpec(name=name))

    with pytest.raises(KoreInUseError, match="DNC list 'Do not call' \\(%s\\) is the DNC list of campaigns Calls"
                                             % used["_id"]):
        task("Do not call")
    backup = Backup(str(tmp_path / "old-dnc.json"))
    deleted = task("Old DNC", backup=backup)
    assert deleted.changed and deleted.record["_id"] == spare["_id"] and deleted.extra["backup_file"] == backup.path
    with open(backup.path) as handle:
        assert json.load(handle)["_id"] == spare["_id"]
    assert not task("Old DNC").changed
    assert sim.store.get(sim.tenant.stream_id, used["_id"]) is not None
