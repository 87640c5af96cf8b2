# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""kore_contact_list state=present, through ansible-playbook: created, updated only where it differs."""

from __future__ import annotations

MODULE = "kore.ai.kore_contact_list"


def present(**options):
    return {MODULE: options, "register": "out"}


def test_create_then_unchanged(sim, playbook, api_log):
    run = playbook([present(name="Spring", description="spring drive"),
                    present(name="Spring", description="spring drive")])
    assert run.rc == 0, run
    assert [run.status(0), run.status(1)] == ["changed", "ok"]
    posts = api_log.of("POST")
    assert len(posts) == 1
    assert posts[0]["path"].endswith("/campaign/contactList/createContactList")
    assert posts[0]["body"] == {"name": "Spring", "description": "spring drive", "source": "passiveApi",
                                "allowDuplicates": False}
    stored = list(sim.store.all_records()[sim.tenant.stream_id].values())
    assert len(stored) == 1
    assert run[0]["contact_list"] == stored[0]
    assert run[1]["contact_list"] == stored[0]
    assert api_log.of("PUT") == []


def test_update_sends_only_differences_then_reads_back(sim, playbook, api_log):
    record = sim.seed("Summer", "old words", allowDuplicates=False)
    task = present(name="Summer", description="new words", allow_duplicates=True)
    run, again = playbook([dict(task, diff=True), task]).split()
    assert run.status(0) == "changed", run
    puts = api_log.during(run, "PUT")
    assert len(puts) == 1
    assert puts[0]["path"].endswith("/contactList/" + record["_id"])
    assert puts[0]["body"] == {"description": "new words", "allowDuplicates": True}
    after = sim.store.get(sim.tenant.stream_id, record["_id"])
    assert after["description"] == "new words" and after["allowDuplicates"] is True
    # PUT answers with the request, not the record: what comes back must be the record read afterwards.
    assert run[0]["contact_list"] == after
    assert api_log.during(run, "GET")[-1]["path"].endswith(record["_id"])
    assert run[0]["diff"]["before"]["description"] == "old words"
    assert run[0]["diff"]["after"]["description"] == "new words"
    assert again.status(0) == "ok"
    assert len(api_log.of("PUT")) == 1


def test_id_with_name_renames(sim, playbook, api_log):
    record = sim.seed("Old name", "kept")
    run = playbook([present(id=record["_id"], name="New name")])
    assert run.status(0) == "changed", run
    assert api_log.of("PUT")[0]["body"] == {"name": "New name"}
    assert run[0]["contact_list"]["name"] == "New name"
    assert run[0]["contact_list"]["description"] == "kept"


def test_check_mode_present_predicts_and_writes_nothing(sim, playbook, api_log):
    record = sim.seed("Autumn", "as is")
    tasks = [present(name="Brand new", description="made in check mode"),
             present(name="Autumn", description="changed"),
             present(name="Autumn", description="as is")]
    # the check-mode tasks, then the real ones, in one playbook
    both = playbook([dict(t, check_mode=True, diff=True) for t in tasks] + tasks[:2])
    assert both.rc == 0 and len(both.rows) == 5, both
    checked, real = both.part(0, 3), both.part(3)
    assert api_log.writes_during(checked) == []
    assert [checked.status(i) for i in range(3)] == ["changed", "changed", "ok"]
    assert checked[0]["contact_list"]["name"] == "Brand new"
    assert checked[0]["diff"]["before"] == {}
    assert checked[1]["contact_list"] == dict(record, description="changed")
    assert [real.status(0), real.status(1)] == ["changed", "changed"]
    for key in ("name", "description", "allowDuplicates", "source"):
        assert checked[0]["contact_list"][key] == real[0]["contact_list"][key]


def test_limits_are_refused_before_any_request(sim, playbook, api_log):
    run = playbook([
        dict(present(name="x" * 49, description="ok"), ignore_errors=True),
        dict(present(name="y" * 48, description="d" * 257), ignore_errors=True),
        dict(present(name="z" * 48, description="d" * 256)),
    ])
    assert [run.status(i) for i in range(3)] == ["failed", "failed", "changed"], run
    assert "48" in run[0]["msg"] and "256" in run[1]["msg"]
    # only the third task (at the limits) reached the API
    assert [r["body"]["name"] for r in api_log.of("POST")] == ["z" * 48]


def test_create_needs_a_description_and_id_cannot_create(sim, playbook, api_log):
    run = playbook([dict(present(name="No words"), ignore_errors=True),
                    dict(present(id="cl-does-not-exist", description="x"), ignore_errors=True)])
    assert run.status(0) == "failed" and "description is required" in run[0]["msg"]
    assert run.status(1) == "failed" and "does not exist" in run[1]["msg"]
    assert api_log.writes() == []


def test_module_defaults_group_without_environment(sim, playbook):
    tenant = sim.tenant
    run = playbook([present(name="Grouped", description="via module_defaults")],
                   env={"KORE_HOST": None, "KORE_STREAM_ID": None, "KORE_ACCOUNT_ID": None, "KORE_CLIENT_ID": None,
                        "KORE_CLIENT_SECRET": None},
                   module_defaults={"host": sim.url, "stream_id": tenant.stream_id, "account_id": tenant.account_id,
                                    "client_id": tenant.client_id, "client_secret": tenant.client_secret})
    assert run.status(0) == "changed", run
