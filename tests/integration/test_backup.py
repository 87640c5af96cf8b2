# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""kore_backup through ansible-playbook: a bot dumped to a directory without deleting anything, and that directory
alone restored into another bot (a copy), in check mode without a write, then for real, then again unchanged."""

from __future__ import annotations

import os

from kore_sim.samples import AGENTLESS, CALL_LIST, DNC_LIST, seed_lists

MODULE = "kore.ai.kore_backup"


def task(**options):
    return {MODULE: options, "register": "out", "ignore_errors": True}


def seed_qa_bot(sim):
    leads = sim.seed("Leads", "Call these", allowDuplicates=True)
    sim.seed_contacts(leads["_id"], [{"phoneNumber": "+1555010%04d" % n, "firstName": "L%d" % n} for n in range(7)])
    texts = sim.seed("Text list", "Text these")
    sim.seed_contacts(texts["_id"], [{"phoneNumber": "+1555020%04d" % n} for n in range(3)])
    sim.seed("DNC", "Do not call", listType="dnc")
    sim.seed_campaign("Calls", ["Leads"], status="Active", dncLists={"name": "DNC"}, priority="3")
    sim.seed_campaign("Texts", ["Text list"], kind="sms", description="texts")


def bot(sim, stream):
    """Lists (name, description, allowDuplicates, phone numbers) and campaigns (type, name, status, lists)."""
    lists = sorted((r["name"], r["description"], r["allowDuplicates"],
                    tuple(sorted(c["phoneNumber"] for c in sim.contacts_of(r["_id"]))))
                   for r in sim.store.all_records().get(stream, {}).values() if r["listType"] == "call")
    campaigns = sorted((r["type"], r["name"], r["status"], tuple(r["contactLists"]))
                       for r in sim.campaigns.of(stream).values())
    return lists, campaigns


def test_a_dump_restores_into_another_bot_in_check_mode_for_real_and_again_unchanged(
        sim, playbook, api_log, tmp_path):
    seed_qa_bot(sim)
    sim.campaigns.prepare_delay = 0.0  # campaigns restored are Ready at once: the state compared is not early
    qa = bot(sim, sim.tenant.stream_id)
    folder = tmp_path / "snapshot"
    folder.mkdir()
    dumped = playbook([dict(task(state="dump", backup_dir=str(folder)), check_mode=True),
                       task(state="dump", backup_dir=str(folder))])
    checked, real = dumped.split()
    assert checked.status(0) == "changed" and "would be written" in checked[0]["msg"], checked
    listed = [c for c in api_log.during(checked, "POST") if c["path"].endswith("getAllCampaignDetails")]
    assert api_log.during(checked, "POST", "PUT", "DELETE") == listed
    assert real.status(0) == "changed" and api_log.writes() == [], real
    assert sorted(os.listdir(folder / "lists")) == sorted(
        "%s.%s" % (i, ext) for i in real[0]["lists"] for ext in ("csv", "json"))
    assert sorted(c["name"] for c in real[0]["campaigns"].values()) == ["Calls", "Texts"]
    assert bot(sim, sim.tenant.stream_id) == qa  # a dump deletes nothing
    other = {"KORE_STREAM_ID": sim.tenant.second_stream_id}
    # no public call creates a DNC list (Kore's UI does): the bot restored into has its own
    sim.store.seed(sim.tenant.second_stream_id, sim.tenant.account_id, "DNC", "Do not call", listType="dnc")
    restore = task(state="restore", backup_dir=str(folder), resume_campaigns=True)
    run = playbook([dict(restore, check_mode=True), restore, restore], env=other)
    would, done, again = run.split()
    assert would.status(0) == "changed" and api_log.writes_during(would) == [], would[0]["msg"]
    assert would[0]["lists"]["created"] and sorted(would[0]["campaigns"]["created"]) == ["Calls", "Texts"]
    assert done.status(0) == "changed", done
    assert done[0]["campaigns"]["started"] == ["Calls"] and "started again" in done[0]["msg"]
    copied = bot(sim, sim.tenant.second_stream_id)
    assert copied[0] == qa[0], (copied, qa)
    assert copied[1] == qa[1]  # the running campaign started again, the other at rest
    assert again.status(0) == "ok" and api_log.writes_during(again) == [], again
    assert bot(sim, sim.tenant.stream_id) == qa


def test_a_campaign_whose_create_needs_its_flow_is_restored_once_experience_flows_names_it(
        sim, playbook, api_log, tmp_path):
    seed_lists(sim)
    agentless = sim.seed_campaign(AGENTLESS["name"], AGENTLESS["contactLists"], **dict(
        (k, v) for k, v in AGENTLESS.items() if k not in ("name", "contactLists", "campaignType")))
    flow_id = agentless["experienceFlow"]
    sim.seed_campaign("Calls", [CALL_LIST], dncLists={"name": DNC_LIST})
    sim.campaigns.prepare_delay = 0.0
    other = sim.tenant.second_stream_id
    sim.store.seed(other, sim.tenant.account_id, DNC_LIST, "Do not call", listType="dnc")
    restore = task(state="restore", backup_dir=str(tmp_path), stream_id=other)
    flows = {flow_id: AGENTLESS["experienceFlowName"]}
    run = playbook([task(state="dump", backup_dir=str(tmp_path)), restore,
                    dict(restore, **{MODULE: dict(restore[MODULE], experience_flows=flows)}),
                    dict(restore, **{MODULE: dict(restore[MODULE], experience_flows=flows)})])
    dumped, without, named, again = run.split()
    assert without.status(0) == "failed", without
    assert "names its flow by id only (%s)" % flow_id in without[0]["msg"] and "experience_flows" in without[0]["msg"]
    assert without[0]["campaigns"]["created"] == ["Calls"]  # the other campaigns are restored
    assert named.status(0) == "changed" and named[0]["campaigns"]["created"] == [AGENTLESS["name"]], named
    posted = [r["body"] for r in api_log.during(named, "POST") if r["path"].endswith("/campaign")]
    assert [b.get("experienceFlowName") for b in posted] == [AGENTLESS["experienceFlowName"]]
    copied = [r for r in sim.campaigns.of(other).values() if r["name"] == AGENTLESS["name"]]
    assert copied[0]["experienceFlow"] == flow_id  # the same flow, by the name Kore turns into that id
    assert again.status(0) == "ok" and api_log.writes_during(again) == [], again


def test_a_restore_of_a_directory_no_list_backup_describes_is_refused_or_told(sim, playbook, api_log, tmp_path):
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "cl-1.json").write_text('{"format": "kore.ai contact list backup 1", "name": "Gone", '
                                                  '"contacts_file": "cl-1.csv"}')
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "lists").mkdir()
    (tmp_path / "notes" / "lists" / "readme.json").write_text('{"not": "a backup"}')
    run = playbook([task(state="restore", backup_dir=str(tmp_path)),
                    task(state="restore", backup_dir=str(tmp_path / "notes")),
                    task(state="restore", backup_dir=str(tmp_path / "missing"))])
    assert run.status(0) == "failed" and "names its contacts file" in run[0]["msg"] and "cl-1.csv" in run[0]["msg"]
    assert run.status(1) == "ok" and "not a list backup this collection wrote" in " ".join(run[1]["warnings"])
    # a directory that is not there is a wrong path, never "nothing to restore"
    assert run.status(2) == "failed" and "is not a directory" in run[2]["msg"], run
    assert api_log.writes() == []
