# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""kore_campaign through ansible-playbook, on both execution paths: delete with proof, stop first, back up,
restore, create and update only what the definition declares."""

from __future__ import annotations

import json
import os
import stat

from kore_sim import samples

MODULE = "kore.ai.kore_campaign"
LIST_ALL = "getAllCampaignDetails"


def campaign(**options):
    return {MODULE: options, "register": "out", "ignore_errors": True}


def writes(api_log):
    """What was sent that changes something, as (method, last path segment)."""
    return [(r["method"], r["path"].rsplit("/", 1)[-1]) for r in api_log.writes()]


def lists(sim):
    sim.seed("Leads", "call list")
    sim.seed("DNC", "dnc list", listType="dnc")


def test_absent_deletes_returns_the_record_and_a_rerun_is_unchanged_after_proof(sim, playbook, api_log):
    lists(sim)
    seeded = sim.seed_campaign("Renewals", ["Leads"], dncLists={"name": "DNC"})
    run = playbook([campaign(name="Renewals", type="voice", state="absent"),
                    campaign(name="Renewals", type="voice", state="absent"),
                    campaign(id=seeded["_id"], type="voice", state="absent")])
    assert run.status(0) == "changed" and run[0]["campaign"]["id"] == seeded["_id"], run
    assert run[0]["campaign"]["name"] == "Renewals" and run[0]["stopped"] is False
    assert run.status(1) == "ok" and run.status(2) == "ok" and "already absent" in run[2]["msg"]
    assert writes(api_log) == [("DELETE", seeded["_id"])]
    # absence proven by the list of voice campaigns, in each of the two re-runs, not by the GET's 404
    after = sim.requests[[r["method"] for r in sim.requests].index("DELETE") + 1:]
    assert [r["path"].endswith(LIST_ALL) for r in after].count(True) == 2
    assert [(r["method"], r["status"]) for r in after if not r["path"].endswith(LIST_ALL)] == [("GET", 404)]
    leads = [s for s in sim.store.summaries(sim.tenant.stream_id) if s["name"] == "Leads"][0]
    assert leads["campaignInUse"] == []


def test_the_wrong_type_twins_and_a_wrong_bot_are_errors_never_absent(sim, playbook, api_log):
    lists(sim)
    sms = sim.seed_campaign("Texts", ["Leads"], kind="sms")
    one, two = sim.seed_campaign("Twin", ["Leads"]), sim.seed_campaign("Twin", ["Leads"])
    run = playbook([campaign(id=sms["id"], type="voice", state="absent"),
                    campaign(name="Twin", type="voice", state="absent"),
                    campaign(name="Texts", type="sms", state="absent")], env={})
    assert run.status(0) == "failed" and "not a voice campaign" in run[0]["msg"]
    assert run.status(1) == "failed" and one["_id"] in run[1]["msg"] and two["_id"] in run[1]["msg"]
    assert run.status(2) == "changed" and writes(api_log) == [("DELETE", sms["id"])]
    wrong = playbook([campaign(name="Twin", type="voice", state="absent")], env={"KORE_STREAM_ID": "st-wrong"})
    assert wrong.status(0) == "failed" and "stream_id" in wrong[0]["msg"]


def test_a_running_campaign_is_refused_unless_stop_then_stopped_at_the_printed_path_and_deleted(sim, playbook):
    lists(sim)
    voice = sim.seed_campaign("Calls", ["Leads"], status="Active")
    sms = sim.seed_campaign("Texts", ["Leads"], kind="sms", status="Scheduled")
    run = playbook([campaign(name="Calls", type="voice", state="absent"),
                    campaign(name="Calls", type="voice", state="absent", stop=True),
                    campaign(name="Texts", type="sms", state="absent", stop=True)])
    assert run.status(0) == "failed" and "is Active, so running; set stop: true" in run[0]["msg"]
    assert run.status(1) == "changed" and run[1]["stopped"] is True and "stopped and deleted" in run[1]["msg"]
    assert run.status(2) == "changed" and run[2]["stopped"] is True
    stops = [r["path"] for r in sim.requests if r["query"].get("trigger") == ["stop"]]
    assert stops == ["/api/v2/public/%s/campaign/trigger/%s" % (sim.tenant.stream_id, voice["_id"]),
                     "/campaign/api/v2/public/%s/campaign//trigger/%s" % (sim.tenant.stream_id, sms["id"])]
    assert sim.campaigns.by_stream[sim.tenant.stream_id] == {}


def test_a_stop_that_never_settles_fails_changed_and_keeps_the_campaign(sim, playbook):
    lists(sim)
    sim.campaigns.stop_delay = 30.0
    running = sim.seed_campaign("Calls", ["Leads"], status="Active")
    run = playbook([campaign(name="Calls", type="voice", state="absent", stop=True, wait_timeout=1)])
    assert run.status(0) == "failed" and run[0]["changed"] is True and run[0]["stopped"] is True, run
    assert "still says it runs after wait_timeout 1 seconds: it was kept and was not deleted" in run[0]["msg"]
    assert sim.campaigns.get(sim.tenant.stream_id, running["_id"]) is not None


def test_a_backup_is_written_first_and_restores_the_campaign_as_it_was(sim, playbook, tmp_path, api_log):
    lists(sim)
    seeded = sim.seed_campaign("Renewals", ["Leads"], dncLists={"name": "DNC"}, priority="3", description="d")
    backup = tmp_path / "renewals.json"
    left_over = tmp_path / ".kore-killed3.tmp"  # a run killed while writing here left it
    left_over.write_text("{")
    run = playbook([campaign(name="Renewals", type="voice", state="absent", backup_file=str(backup)),
                    campaign(type="voice", definition_file=str(backup)),
                    campaign(type="voice", definition_file=str(backup))])
    assert run.status(0) == "changed" and run[0]["backup_file"] == str(backup), run
    assert run[0]["removed_temporary_files"] == [str(left_over)] and not left_over.exists()
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    saved = json.loads(backup.read_text())
    assert saved["_id"] == seeded["_id"] and saved["contactLists"] == ["Leads"] and saved["priority"] == "3"
    assert run.status(1) == "changed" and run[1]["campaign"]["id"] != seeded["_id"]
    restored = run[1]["campaign"]
    dnc = [s["_id"] for s in sim.store.summaries(sim.tenant.stream_id) if s["name"] == "DNC"][0]
    assert (restored["name"], restored["contactLists"], restored["dncLists"], restored["priority"]) == (
        "Renewals", ["Leads"], {"id": dnc, "name": "DNC"}, "3")
    assert run.status(2) == "ok" and "is as declared" in run[2]["msg"]
    assert [w[0] for w in writes(api_log)] == ["DELETE", "POST"]


def test_a_backup_that_cannot_be_written_leaves_the_campaign(sim, playbook, tmp_path, api_log):
    lists(sim)
    sim.seed_campaign("Renewals", ["Leads"])
    run = playbook([campaign(name="Renewals", type="voice", state="absent",
                             backup_file=str(tmp_path / "missing-dir" / "r.json"))])
    assert run.status(0) == "failed" and "Nothing was deleted" in run[0]["msg"] and not run[0].get("changed")
    assert writes(api_log) == []


def test_present_creates_then_updates_only_what_differs_with_diff_and_check_mode(sim, playbook, api_log):
    lists(sim)
    sim.campaigns.prepare_delay = 0.0  # Preparing counts as running: the update right after needs it Ready
    first = {"name": "Renewals", "description": "one", "contactLists": ["Leads"], "dncLists": {"name": "DNC"}}
    second = dict(first, description="two")
    real = [campaign(type="voice", definition=first),
            campaign(type="voice", definition=first),
            campaign(type="voice", definition=second),
            campaign(type="voice", name="Renewals", definition={"dncLists": ["DNC"]})]
    checks = [campaign(type="voice", definition=dict(first, description="three")),
              campaign(type="voice", definition=dict(first, name="Another")),
              campaign(type="voice", name="Renewals", state="absent")]
    both = playbook([dict(t, diff=True) for t in real] + [dict(t, check_mode=True) for t in checks])
    run, checked = both.part(0, 4), both.part(4)
    assert [run.status(i) for i in range(4)] == ["changed", "ok", "changed", "ok"], run
    assert "one object in Kore's API" in " ".join(run[3].get("warnings", []))  # the list of one taught before
    assert run[0]["campaign"]["status"] == "Ready" and run[0]["diff"]["before"] == {}
    assert run[2]["diff"]["before"]["description"] == "one" and run[2]["diff"]["after"]["description"] == "two"
    puts = api_log.during(run, "PUT")
    assert [p["body"] for p in puts] == [{"description": "two"}]
    assert [checked.status(i) for i in range(3)] == ["changed", "changed", "changed"], checked
    assert "would be updated: description" in checked[0]["msg"] and "would be created" in checked[1]["msg"]
    assert "would be deleted" in checked[2]["msg"]
    assert api_log.writes_during(checked) == []
    assert [w[0] for w in writes(api_log)] == ["POST", "PUT"]


def test_present_refuses_missing_lists_a_running_campaign_and_two_names_before_any_write(sim, playbook, api_log):
    lists(sim)
    sim.seed_campaign("Running", ["Leads"], status="Active", description="old")
    run = playbook([campaign(type="voice", definition={"name": "New", "contactLists": ["Leads", "Nope"],
                                                       "dncLists": {"name": "Gone"}}),
                    campaign(type="voice", definition={"name": "Running", "description": "new"}),
                    campaign(type="voice", name="A", definition={"name": "B", "contactLists": ["Leads"]}),
                    campaign(type="voice", definition=["not", "a", "dict"]),
                    # the second again, with stop: after four refusals that sent nothing
                    campaign(type="voice", definition={"name": "Running", "description": "new"}, stop=True)])
    assert len(run.rows) == 5, run
    assert run.status(0) == "failed" and "contact list 'Nope', DNC list 'Gone', which do not exist" in run[0]["msg"]
    assert run.status(1) == "failed" and "Kore refuses to edit a running campaign" in run[1]["msg"]
    assert run.status(2) == "failed" and "name 'A' and the definition's name 'B' differ" in run[2]["msg"]
    assert run.status(3) == "failed"
    assert api_log.writes_during(run.part(0, 4)) == []
    stopped = run.part(4)
    assert stopped.status(0) == "changed" and stopped[0]["stopped"] is True, stopped
    assert stopped[0]["campaign"]["description"] == "new"


def test_a_list_in_use_is_refused_naming_its_campaigns_and_kore_refusing_force_changes_nothing(sim, playbook):
    leads = sim.seed("Leads", "l")
    other = sim.seed("Other", "o")
    voice = sim.seed_campaign("Calls", ["Leads"])
    sms = sim.seed_campaign("Texts", ["Leads"], kind="sms")
    run = playbook([
        {"kore.ai.kore_contact_list": {"name": "Leads", "state": "absent"}, "register": "out", "ignore_errors": True},
        {"kore.ai.kore_contact_list": {"name": "Leads", "state": "absent", "force": True}, "register": "out",
         "ignore_errors": True},
        {"kore.ai.kore_contact_lists": {"lists": [], "purge": True, "force": True}, "register": "out",
         "ignore_errors": True}])
    named = "Calls (%s, voice), Texts (%s, sms)" % (voice["_id"], sms["id"])
    assert run.status(0) == "failed" and named in run[0]["msg"] and "kore.ai.kore_campaign" in run[0]["msg"], run
    assert run.status(1) == "failed" and not run[1].get("changed")
    assert "Kore refused to delete contact list 'Leads'" in run[1]["msg"] and named in run[1]["msg"]
    assert run.status(2) == "failed" and [d["_id"] for d in run[2]["deleted"]] == [other["_id"]]
    assert "'Leads' (%s) used by %s" % (leads["_id"], named) in run[2]["msg"]
    assert sim.store.get(sim.tenant.stream_id, leads["_id"]) is not None


def test_each_body_kore_prints_is_created_backed_up_restored_and_restored_again_unchanged(sim, playbook, tmp_path,
                                                                                          api_log):
    samples.seed_lists(sim)
    sim.campaigns.prepare_delay = 0.0
    bodies = [("voice", b) for b in samples.VOICE_BODIES.values()] + [("sms", samples.SMS)]
    tasks = []
    for kind, body in bodies:
        backup = str(tmp_path / ("%s.json" % body["name"]))
        # a flow is named in a body and shown by its id in a record: the restore gives its name beside the file
        flow = {"definition": {"experienceFlowName": body["experienceFlowName"]}} \
            if "experienceFlowName" in body else {}
        tasks += [campaign(type=kind, definition=body),
                  campaign(type=kind, name=body["name"], state="absent", backup_file=backup),
                  campaign(type=kind, definition_file=backup, **flow),
                  campaign(type=kind, definition_file=backup, **flow)]
    run = playbook(tasks)
    for i, (kind, body) in enumerate(bodies):
        created, deleted, restored, again = (4 * i + n for n in range(4))
        assert [run.status(n) for n in (created, deleted, restored, again)] == [
            "changed", "changed", "changed", "ok"], (body["name"], run)
        assert run[restored]["campaign"]["name"] == body["name"] and not run[restored].get("warnings")
        assert run[restored]["campaign"]["dncLists"]["name"] == samples.DNC_LIST
    posts = [r["body"] for r in api_log.writes() if r["method"] == "POST"]
    # each POST sends only what Kore's create page documents: no lname, status, connection or experienceFlow
    assert len(posts) == 2 * len(bodies) and all(p["campaignType"] in ("voice", "sms") for p in posts)
    assert not any(set(p) & {"lname", "status", "connection", "experienceFlow", "_id", "id"} for p in posts)
    assert [p.get("queue_name") for p in posts[1::2]] == ["Default Queue", None, "Default Queue", None]
    assert api_log.writes_during(run.part(len(tasks) - 1)) == []


def test_an_agentless_backup_without_its_flow_name_is_refused_saying_what_to_give(
        sim, playbook, tmp_path, api_log):
    samples.seed_lists(sim)
    record = samples.record_of("voice", samples.AGENTLESS)
    (tmp_path / "agentless.json").write_text(json.dumps(record))
    (tmp_path / "null.json").write_text("null")
    run = playbook([campaign(type="voice", definition_file=str(tmp_path / "agentless.json")),
                    campaign(type="voice", definition_file=str(tmp_path / "null.json")),
                    campaign(type="voice", definition={"name": ["Leads"], "contactLists": ["Leads"]}),
                    campaign(type="voice", definition={"name": "No DNC", "contactLists": ["Leads"]}),
                    campaign(type="sms", definition={"name": "Empty", "contactLists": []})])
    assert run.status(0) == "failed" and "needs experienceFlowName" in run[0]["msg"], run
    assert "give experienceFlowName in definition beside definition_file" in run[0]["msg"]
    assert run.status(1) == "failed" and "holds null, not a campaign" in run[1]["msg"]
    assert run.status(2) == "failed" and "name must be a non-empty string" in run[2]["msg"]
    assert run.status(3) == "failed" and "needs dncLists" in run[3]["msg"]
    assert run.status(4) == "failed" and "contactLists must be a list of 1 to 10" in run[4]["msg"]
    assert api_log.writes() == []


def test_a_stop_sent_then_a_delete_kore_refuses_is_reported_changed(sim, playbook):
    lists(sim)
    running = sim.seed_campaign("Calls", ["Leads"], status="Active")
    sim.faults.add("status", method="DELETE", path_contains="campaign/cd-", status=400)
    run = playbook([campaign(name="Calls", type="voice", state="absent", stop=True)])
    assert run.status(0) == "failed" and run[0]["changed"] is True and run[0]["stopped"] is True, run
    assert "it had been stopped" in run[0]["msg"]
    assert sim.campaigns.get(sim.tenant.stream_id, running["_id"])["status"] == "Stopped"


def test_started_and_stopped_are_declared_run_states_through_kores_triggers(sim, playbook, api_log):
    lists(sim)
    voice = sim.seed_campaign("Calls", ["Leads"], dncLists={"name": "DNC"})
    sms = sim.seed_campaign("Texts", ["Leads"], kind="sms")
    made = {"name": "New calls", "contactLists": ["Leads"], "dncLists": {"name": "DNC"}}
    steps = [dict(campaign(name="Calls", type="voice", state="started"), check_mode=True),
             campaign(name="Calls", type="voice", state="started"),
             campaign(name="Calls", type="voice", state="started"),
             dict(campaign(name="Calls", type="voice", state="stopped"), check_mode=True),
             campaign(name="Calls", type="voice", state="stopped"),
             campaign(name="Calls", type="voice", state="stopped"),
             campaign(id=sms["id"], type="sms", state="started"),
             # created, still Preparing: waited for, then started
             campaign(type="voice", definition=made, state="started"),
             campaign(name="Nobody", type="voice", state="started")]
    run = playbook(steps)
    checked, started, again, check_stop, stopped, rest, texts, created, missing = run.split()
    assert checked.status(0) == "changed" and "would be started" in checked[0]["msg"], checked
    assert checked[0]["status"] == "Active" and api_log.writes_during(checked) == []
    assert started.status(0) == "changed" and started[0]["status"] == "Active", started
    plays = api_log.writes_during(started)
    assert [(r["path"], r["query"]["trigger"]) for r in plays] == [
        ("/api/v2/public/%s/campaign/trigger/%s" % (sim.tenant.stream_id, voice["_id"]), ["play"])]
    assert again.status(0) == "ok" and "is running" in again[0]["msg"] and api_log.writes_during(again) == []
    assert check_stop.status(0) == "changed" and api_log.writes_during(check_stop) == []
    assert stopped.status(0) == "changed" and stopped[0]["stopped"] is True and stopped[0]["status"] == "Stopped"
    assert rest.status(0) == "ok" and "at rest" in rest[0]["msg"]
    assert texts.status(0) == "changed" and [r["path"] for r in api_log.writes_during(texts)] == [
        "/campaign/api/v2/public/%s/campaign/%s" % (sim.tenant.stream_id, sms["id"])]
    assert created.status(0) == "changed" and created[0]["status"] == "Active", created
    assert "created" in created[0]["msg"] and "started" in created[0]["msg"]
    assert missing.status(0) == "failed" and "to create it, give its definition" in missing[0]["msg"]
