# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""kore_contact_list state=absent, through ansible-playbook: deleted once, absent proven, never a
wrong list."""

from __future__ import annotations

import pytest

MODULE = "kore.ai.kore_contact_list"


def absent(**options):
    return {MODULE: dict(options, state="absent"), "register": "out"}


def test_absent_deletes_with_documented_request_and_returns_record(sim, playbook, api_log):
    record = sim.seed("Renewal Due - May/June 2025", "Customers whose services expire in July")
    run = playbook([absent(id=record["_id"])])
    assert run.rc == 0, run
    assert run.status(0) == "changed"
    assert run[0]["contact_list"] == record
    deletes = api_log.of("DELETE")
    assert len(deletes) == 1
    delete = deletes[0]
    tenant = sim.tenant
    assert delete["path"] == "/campaign/api/v2/public/%s/campaign/contactList/%s" % (tenant.stream_id, record["_id"])
    assert delete["headers"]["iid"] == tenant.stream_id
    assert delete["headers"]["accountId"] == tenant.account_id
    assert delete["query"] == {"accountId": [tenant.account_id]}
    assert delete["auth"] == "valid"
    assert sim.store.get(tenant.stream_id, record["_id"]) is None


def test_absent_twice_and_never_existing_are_unchanged(sim, playbook, api_log):
    record = sim.seed("Once", "to be deleted once")
    run = playbook([absent(id=record["_id"]), absent(id=record["_id"]), absent(id="cl-never-existed"),
                    absent(name="Never existed")])
    assert run.rc == 0, run
    assert [run.status(i) for i in range(4)] == ["changed", "ok", "ok", "ok"]
    assert run[1]["contact_list"] == {}
    assert "already absent" in run[2]["msg"]
    assert len(api_log.of("DELETE")) == 1


def test_check_mode_predicts_the_real_run_and_writes_nothing(sim, playbook, api_log):
    keep = sim.seed("Check me", "seen in check mode")
    used = sim.seed("Used", "by a campaign", campaignInUse=[{"id": "cd-1", "name": "Spring"}])
    tasks = [absent(id=keep["_id"]), absent(id="cl-missing"), absent(name="Check me"),
             dict(absent(id=used["_id"]), ignore_errors=True)]
    # the check-mode tasks, then the real ones, in one playbook: the real ones start after the last check is done
    both = playbook([dict(t, check_mode=True, diff=True) for t in tasks]
                    + [dict(t, diff=True) for t in tasks[:2] + [dict(absent(id=used["_id"]), ignore_errors=True)]])
    assert both.rc == 0 and len(both.rows) == 7, both
    checked, real = both.part(0, 4), both.part(4)
    assert api_log.writes_during(checked) == []
    assert checked[0]["contact_list"] == keep
    assert checked[0]["diff"] == {"before": keep, "after": {}}
    assert [checked.status(i) for i in (0, 1, 3)] == [real.status(i) for i in range(3)] == ["changed", "ok", "failed"]
    assert checked[0]["contact_list"] == real[0]["contact_list"]
    assert checked[3]["msg"] == real[2]["msg"]


def test_name_is_matched_exactly_and_only_that_list_goes(sim, playbook, api_log):
    target = sim.seed("Renewals", "the one")
    near = [sim.seed("Renewals 2025", "prefix"), sim.seed("renewals", "other case"), sim.seed(" Renewals", "space")]
    run = playbook([absent(name="Renewals")])
    assert run.rc == 0, run
    assert run[0]["contact_list"]["_id"] == target["_id"]
    assert any(r["path"].endswith("/getAllListDetails") for r in api_log.of("GET"))
    remaining = sim.store.all_records()[sim.tenant.stream_id]
    assert sorted(remaining) == sorted(r["_id"] for r in near)


def test_two_lists_with_the_name_fail_naming_both_and_delete_nothing(sim, playbook, api_log):
    first, second = sim.seed("Twin", "one"), sim.seed("Twin", "two")
    run = playbook([absent(name="Twin")])
    assert run.rc != 0
    assert run.status(0) == "failed"
    assert first["_id"] in run[0]["msg"] and second["_id"] in run[0]["msg"]
    assert api_log.writes() == []
    assert len(sim.store.all_records()[sim.tenant.stream_id]) == 2


@pytest.mark.parametrize("flag", [False, True], ids=["flag-false", "flag-true"])
def test_list_in_use_is_kept_unless_forced(sim, playbook, api_log, flag):
    # Kore's docs show a list with campaigns in campaignInUse but isListInUse false: the array decides.
    used = sim.seed("Busy", "used", isListInUse=flag,
                    campaignInUse=[{"id": "cd-11", "name": "Spring drive"}, {"id": "cd-12", "name": "Renewals"}])
    refused, forced = playbook([dict(absent(id=used["_id"]), ignore_errors=True),
                                absent(id=used["_id"], force=True)]).split()
    assert refused.status(0) == "failed", refused
    for word in ("Spring drive", "cd-11", "Renewals", "cd-12", "force"):
        assert word in refused[0]["msg"]
    assert api_log.writes_during(refused) == []
    assert forced.status(0) == "changed", forced
    assert forced[0]["contact_list"]["_id"] == used["_id"]
    assert sim.store.get(sim.tenant.stream_id, used["_id"]) is None


def test_forced_delete_by_id_is_one_request_and_returns_the_record(sim, playbook, api_log):
    used = sim.seed("Forced", "used", campaignInUse=[{"id": "cd-21", "name": "Autumn"}])
    # check mode still reads (the record it would delete) and writes nothing
    task = dict(absent(id=used["_id"], force=True), diff=True)
    checked, run = playbook([dict(task, check_mode=True), task]).split()
    assert checked.status(0) == "changed", checked
    assert api_log.writes_during(checked) == [] and api_log.during(checked, "GET")
    assert run.status(0) == "changed", run
    assert run[0]["contact_list"] == checked[0]["contact_list"] == used
    assert run[0]["diff"] == checked[0]["diff"] == {"before": used, "after": {}}
    assert [r["method"] for r in api_log.during(run)] == ["DELETE"]
    assert sim.store.get(sim.tenant.stream_id, used["_id"]) is None


def test_forced_delete_of_a_missing_id_still_proves_absence(sim, playbook, api_log):
    sim.seed("Other", "stays")
    run = playbook([absent(id="cl-gone", force=True)])
    assert run.status(0) == "ok", run
    assert run[0]["contact_list"] == {}
    assert [(r["method"], r["path"].rsplit("/", 1)[1]) for r in api_log.of()] == [
        ("DELETE", "cl-gone"), ("GET", "getAllListDetails")]
    # a 404 from a wrong bot is not taken for absence
    wrong_bot = playbook([absent(id="cl-gone", force=True)], env={"KORE_STREAM_ID": "st-not-this-bot"})
    assert wrong_bot.status(0) == "failed"
    assert "check stream_id, account_id and host" in wrong_bot[0]["msg"]


def test_forced_delete_whose_answer_is_lost_is_changed_without_a_record(sim, playbook):
    record = sim.seed("Lost answer", "x")
    sim.faults.add("cut_after_commit", method="DELETE")
    run = playbook([absent(id=record["_id"], force=True)])
    assert run.status(0) == "changed", run
    assert run[0]["contact_list"] == {}
    assert "answer was lost" in run[0]["msg"]
    assert sim.store.get(sim.tenant.stream_id, record["_id"]) is None


def test_a_name_given_as_id_warns_when_reported_absent(sim, playbook):
    sim.seed("Renewals", "the list the user meant")
    run = playbook([absent(id="Renewals", force=force) for force in (False, True)]
                   + [absent(id="cl-missing", force=force) for force in (False, True)])
    assert [run.status(i) for i in range(4)] == ["ok"] * 4, run
    for index in (0, 1):  # read first, and forced
        warnings = run[index].get("warnings") or []
        assert len(warnings) == 1 and "use name: instead of id:" in warnings[0], run[index]
    for index in (2, 3):  # a real-looking id that is gone: no warning
        assert not run[index].get("warnings"), run[index]
    assert len(sim.store.all_records()[sim.tenant.stream_id]) == 1
