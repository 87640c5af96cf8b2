# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""DNC lists through ansible-playbook: listed with their type, found by name as by id, and one a campaign names
refused before any DELETE, naming the campaign."""

from __future__ import annotations

LIST, INFO = "kore.ai.kore_contact_list", "kore.ai.kore_contact_list_info"


def task(module, **options):
    return {module: options, "register": "out", "ignore_errors": True}


def test_a_dnc_list_a_campaign_names_is_refused_by_name_and_by_id_and_an_unused_one_is_deleted(
        sim, playbook, api_log):
    sim.seed("Leads", "call list")
    used = sim.seed("DNC", "do not call", listType="dnc")
    unused = sim.seed("Old DNC", "not named by any campaign", listType="dnc")
    calls = sim.seed_campaign("Calls", ["Leads"], dncLists={"name": "DNC"})
    run = playbook([task(INFO, list_type="dnc"), task(INFO, list_type="all"), task(INFO),
                    task(LIST, name="DNC", state="absent"), task(LIST, id=used["_id"], state="absent"),
                    task(LIST, name="Old DNC", state="absent"), task(LIST, name="Old DNC", state="absent")])
    assert [(r["name"], r["listType"]) for r in run[0]["contact_lists"]] == [("DNC", "dnc"), ("Old DNC", "dnc")]
    assert sorted((r["name"], r["listType"]) for r in run[1]["contact_lists"]) == [
        ("DNC", "dnc"), ("Leads", "call"), ("Old DNC", "dnc")]
    assert [r["name"] for r in run[2]["contact_lists"]] == ["Leads"]  # contact lists alone, as before
    for refused in (3, 4):
        assert run.status(refused) == "failed", run
        assert "Calls (%s, voice)" % calls["_id"] in run[refused]["msg"] and "force: true" in run[refused]["msg"]
    assert run.status(5) == "changed" and run[5]["contact_list"]["_id"] == unused["_id"]
    assert run.status(6) == "ok" and "already absent" in run[6]["msg"]
    assert [r["path"].rsplit("/", 1)[1] for r in api_log.writes()] == [unused["_id"]]
    assert sim.store.get(sim.tenant.stream_id, used["_id"]) is not None


def test_campaigns_are_found_by_their_dnc_list_by_name_and_by_id_alike(sim, playbook):
    sim.seed("Leads", "call list")
    dnc = sim.seed("DNC", "do not call", listType="dnc")
    calls = sim.seed_campaign("Calls", ["Leads"], dncLists={"name": "DNC"})
    sim.seed_campaign("Others", ["Leads"])
    texts = sim.seed_campaign("Texts", ["Leads"], kind="sms", dncLists={"name": "DNC"})
    run = playbook([task("kore.ai.kore_campaign_info", contact_list="DNC"),
                    task("kore.ai.kore_campaign_info", contact_list=dnc["_id"])])
    assert [c["id"] for c in run[0]["campaigns"]] == [calls["_id"], texts["id"]], run
    assert run[1]["campaigns"] == run[0]["campaigns"]
