# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Tokens: a long task outlives several, a token refused after a change keeps the change reported, and a
refused request is told apart from a refused token.

Every test runs on both execution paths (the ``playbook`` fixture), through ansible-playbook and the simulator.
"""

from __future__ import annotations

import threading
import time

import pytest
import jwt

MODULE = "kore.ai.kore_contact_list"
SET = "kore.ai.kore_contact_lists"


def refused_as_too_old(sim):
    return sum(1 for r in sim.requests if r["status"] == 401)


def test_a_seed_and_a_backup_and_delete_outlive_several_tokens(sim, playbook, tmp_path, csv_phones, listed):
    sim.token_max_age = 1.5  # a token's iat has whole seconds: it may be almost one second old when sent
    sim.latency = 0.1
    (tmp_path / "many.csv").write_text("phoneNumber\n" + "".join("+1555%07d\n" % n for n in range(3000)))
    run = playbook([
        {MODULE: {"name": "Long", "description": "x", "contacts_file": "many.csv", "parallel": 1}},
        {MODULE: {"name": "Long", "state": "absent", "backup_file": "long.csv", "parallel": 1}},
    ])
    assert [run.status(0), run.status(1)] == ["changed", "changed"], run
    assert run[0]["contacts_counts"]["after"] == 3000 and len(csv_phones(tmp_path / "long.csv")) == 3000
    assert listed() == {}
    deleted_at = next(r["at"] for r in sim.requests if r["method"] == "DELETE")
    renewed = [r["at"] for r in sim.requests if r["status"] == 401]
    # each task renewed its token more than once
    assert len(renewed) >= 4 and sum(1 for at in renewed if at < deleted_at) >= 2, renewed


def test_a_reset_of_many_lists_outlives_several_tokens(sim, playbook, tmp_path, listed):
    sim.token_max_age = 1.5
    sim.latency = 0.05
    for number in range(40):
        sim.seed("Old %d" % number, "x")
    (tmp_path / "backups").mkdir()
    run = playbook([{SET: {"lists": [{"name": "Kept", "description": "x"}], "purge": True, "parallel": 1,
                           "backup_dir": "backups"}}])
    assert run.status(0) == "changed", run
    assert len(run[0]["deleted"]) == 40 and list(listed()) == ["Kept"]
    assert refused_as_too_old(sim) >= 2, refused_as_too_old(sim)


def test_a_ready_jwt_that_expires_mid_task_says_so_and_what_renews(sim, playbook, tmp_path):
    sim.latency = 0.1
    now = int(time.time())
    token = jwt.encode({"sub": "test", "appId": sim.tenant.client_id, "iat": now, "exp": now + 3600},
                       sim.tenant.client_secret, algorithm="HS256")
    (tmp_path / "many.csv").write_text("phoneNumber\n" + "".join("+1555%07d\n" % n for n in range(5000)))

    def expire_once_accepted():
        # mid-task whatever the machine's load: the token dies once Kore has accepted it
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any(r["status"] == 200 for r in list(sim.requests)):
            time.sleep(0.01)
        sim.revoke(token)

    watcher = threading.Thread(target=expire_once_accepted, daemon=True)
    watcher.start()
    run = playbook([{MODULE: {"name": "Given", "description": "x", "contacts_file": "many.csv", "parallel": 1,
                              "jwt": token}}], env={"KORE_CLIENT_ID": None, "KORE_CLIENT_SECRET": None})
    watcher.join()
    assert run.status(0) == "failed", run
    assert "accepted the token given as jwt earlier in this task and now refuses it" in run[0]["msg"]
    assert "client_id and client_secret" in run[0]["msg"] and token not in run.output


@pytest.mark.parametrize("options", [{"name": "Renewed"}, {"force": True}], ids=["by name", "by id, forced"])
def test_a_delete_carried_out_then_refused_token_then_404_is_reported_deleted(sim, playbook, options, listed):
    record = sim.seed("Renewed", "d")
    if "force" in options:
        options = {"id": record["_id"], "force": True}
    sim.faults.add("status_after_commit", method="DELETE", status=503)
    sim.faults.add("status", method="DELETE", status=401)
    run = playbook([{MODULE: dict(options, state="absent", retries=1)}])
    assert run.status(0) == "changed" and run[0]["changed"] is True, run
    assert "someone else" not in run[0]["msg"] and "already absent" not in run[0]["msg"]
    if "name" in options:
        assert run[0]["contact_list"]["_id"] == record["_id"]
    assert listed() == {}


def test_a_403_on_a_ready_jwt_it_accepted_says_the_request_not_the_token_was_refused(sim, playbook):
    from ansible_collections.kore.ai.plugins.module_utils._auth import mint_token  # pylint: disable=import-outside-toplevel
    sim.seed("Forbidden", "d")
    sim.faults.add("status", method="DELETE", status=403)
    token = mint_token(sim.tenant.client_id, sim.tenant.client_secret)
    run = playbook([{MODULE: {"name": "Forbidden", "state": "absent", "jwt": token}}],
                   env={"KORE_CLIENT_ID": None, "KORE_CLIENT_SECRET": None})
    assert run.status(0) == "failed", run
    assert "expired" not in run[0]["msg"] and "refuses this request, not the token" in run[0]["msg"], run[0]["msg"]
