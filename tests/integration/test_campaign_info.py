# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""kore_campaign_info through ansible-playbook: every campaign of both types, every page, filtered."""

from __future__ import annotations

MODULE = "kore.ai.kore_campaign_info"


def info(**options):
    return {MODULE: options, "register": "out"}


def seed_bot(sim):
    sim.seed("Leads", "l")
    sim.seed("DNC", "d", listType="dnc")
    voice = [sim.seed_campaign("Call %d" % i, ["Leads"] if i % 2 else [],
                               **({"dncLists": {"name": "DNC"}} if i == 0 else {})) for i in range(7)]
    sms = sim.seed_campaign("Texts", ["Leads"], kind="sms", status="Active")
    return voice, sms


def test_every_campaign_of_both_types_every_page_and_each_filter(sim, playbook):
    voice, sms = seed_bot(sim)
    run = playbook([info(), info(type="voice"), info(type="sms", name="Texts"), info(name="Call 3"),
                    info(status=["Active"]), info(contact_list="Leads"), info(contact_list="DNC"),
                    info(name="nobody")], check=True)
    assert run.rc == 0, run
    assert all(run.status(i) == "ok" for i in range(8))
    every = run[0]["campaigns"]
    assert [(c["id"], c["type"]) for c in every] == [(v["_id"], "voice") for v in voice] + [(sms["id"], "sms")]
    assert every[0] == dict(voice[0], id=voice[0]["_id"], type="voice")
    assert [c["name"] for c in run[1]["campaigns"]] == ["Call %d" % i for i in range(7)]
    assert [c["id"] for c in run[2]["campaigns"]] == [sms["id"]]
    assert [c["name"] for c in run[3]["campaigns"]] == ["Call 3"]
    assert [c["name"] for c in run[4]["campaigns"]] == ["Texts"]
    assert [c["name"] for c in run[5]["campaigns"]] == ["Call 1", "Call 3", "Call 5", "Texts"]
    assert [c["name"] for c in run[6]["campaigns"]] == ["Call 0"] and run[7]["campaigns"] == []
    # nothing but list-alls: the simulator pages 3 at a time, so 3 pages of voice and 1 of sms a task
    assert set((r["method"], r["path"].rsplit("/", 1)[1]) for r in sim.requests) == {("POST",
                                                                                      "getAllCampaignDetails")}


def test_the_action_group_gives_it_the_connection_and_a_wrong_bot_fails(sim, playbook):
    seed_bot(sim)
    defaults = {"stream_id": sim.tenant.stream_id}
    run = playbook([info(type="sms")], env={"KORE_STREAM_ID": None}, module_defaults=defaults)
    assert run.status(0) == "ok" and [c["name"] for c in run[0]["campaigns"]] == ["Texts"]
    run = playbook([info()], env={"KORE_STREAM_ID": "st-wrong-bot"})
    assert run.status(0) == "failed" and "Kore does not know the voice campaigns of" in run[0]["msg"]
    assert "stream_id" in run[0]["msg"]


def test_a_type_kore_does_not_have_is_refused_with_a_clear_message(sim, playbook):
    run = playbook([info(type="email")])
    assert run.status(0) == "failed" and "value of type must be one of: voice, sms, all" in run[0]["msg"]
    assert sim.requests == []


def test_pages_that_repeat_or_pass_their_totals_fail_at_once_not_after_thousands_of_requests(sim, playbook):
    # a server that answers every list-all with the same page, saying more follow (the first time as its totals
    # allow, so that only the repeat tells)
    page = {"results": [{"_id": "cd-00000000-0000-4000-8000-000000000001", "name": "Looping", "status": "Ready"}],
            "hasMore": True, "skip": 0, "limit": 1, "totalPages": 9, "totalResults": 9}
    sim.faults.add("status", method="POST", path_contains="getAllCampaignDetails", status=200, times=50,
                   body={"status": "success", "message": "", "data": page})
    run = playbook([dict(info(type="voice"), ignore_errors=True)])
    assert run.status(0) == "failed" and "again on page 2: its pages repeat" in run[0]["msg"], run
    asked = [r for r in sim.requests if r["path"].endswith("getAllCampaignDetails")]
    assert len(asked) == 2
