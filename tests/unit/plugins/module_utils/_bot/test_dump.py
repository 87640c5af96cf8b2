# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A dump writes every contact list (contacts and record) and campaign of a bot, deletes nothing, and in check
mode writes nothing."""

from __future__ import annotations

import json
import os

from ansible_collections.kore.ai.plugins.module_utils._bot.dump import dump
from ansible_collections.kore.ai.plugins.module_utils._bot.layout import list_backups
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import Contacts


def test_a_dump_writes_each_list_and_campaign_and_check_mode_nothing(sim, lists, client, tmp_path):
    leads = sim.seed("Leads", "l", allowDuplicates=True)
    sim.seed_contacts(leads["_id"], [{"phoneNumber": "+1555010%04d" % n} for n in range(5)])
    sim.seed("DNC", "d", listType="dnc")
    calls = sim.seed_campaign("Calls", ["Leads"], dncLists={"name": "DNC"})
    checked = dump(lists, Contacts(client), str(tmp_path), check_mode=True).result()
    assert checked["changed"] and "would be written" in checked["msg"] and os.listdir(tmp_path) == []
    assert all(r["method"] in ("GET", "POST") for r in sim.requests)
    done = dump(lists, Contacts(client), str(tmp_path)).result()
    assert list(done["lists"]) == [leads["_id"]] and list(done["campaigns"]) == [calls["_id"]]
    entries, warnings = list_backups(str(tmp_path))
    assert warnings == [] and [(e["name"], e["allow_duplicates"]) for e in entries] == [("Leads", True)]
    saved = json.loads((tmp_path / "campaigns" / ("%s.json" % calls["_id"])).read_text())
    assert saved["name"] == "Calls" and saved["dncLists"]["name"] == "DNC"
    assert not [r for r in sim.requests if r["method"] in ("DELETE", "PUT")]
