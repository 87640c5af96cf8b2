# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""No client secret and no JWT in any output of any module, on success and failure paths, at -vvvv."""

from __future__ import annotations

import jwt
from kore_sim import Simulator, Tenant

MODULES = {
    "kore.ai.kore_contact_list": {"name": "Leak", "description": "x", "retries": 0},
    "kore.ai.kore_contact_list_info": {"name": "Leak", "retries": 0},
    "kore.ai.kore_contact_lists": {"lists": [{"name": "Leak", "description": "x"}], "retries": 0},
}


def test_secrets_never_appear_in_any_output(sim, playbook):
    tenant = sim.tenant
    token = jwt.encode({"sub": "t", "appId": tenant.client_id}, tenant.client_secret, algorithm="HS256")
    wrong_secret = "wrong-" + tenant.client_secret
    cases = []  # (what, expected status, run)
    for module, options in sorted(MODULES.items()):
        task = [{module: options}]
        sim.faults.add("status", status=500, echo_headers=True, times=1000)
        cases += [
            ("500 echoing headers, minted token", "failed", playbook(task, args=["-vvvv"])),
            ("500 echoing headers, KORE_JWT", "failed", playbook(task, args=["-vvvv"], env={"KORE_JWT": token})),
            ("500 echoing headers, jwt option", "failed",
             playbook([{module: dict(options, jwt=token)}], args=["-vvvv"])),
        ]
        sim.faults.clear()
        cases += [
            ("401, wrong client secret", "failed",
             playbook(task, args=["-vvvv"], env={"KORE_CLIENT_SECRET": wrong_secret})),
            ("success, minted token", None, playbook(task, args=["-vvvv"], diff=True)),
            ("success, jwt option", None, playbook([{module: dict(options, jwt=token)}], args=["-vvvv"])),
        ]
    for what, status, run in cases:
        if status:
            assert run.status(0) == status, (what, run)
        else:
            assert run.status(0) in ("ok", "changed"), (what, run)
        for secret in (tenant.client_secret, wrong_secret, token):
            assert secret not in run.output, what
        assert "eyJ" not in run.output, what  # the start of every JWT, minted ones included
    assert "upstream error for request" in cases[0][2][0]["msg"] and "********" in cases[0][2][0]["msg"]
    print("secret-leak scan: %d playbook outputs at -vvvv, %d bytes, 0 secrets found"
          % (len(cases), sum(len(run.output) for dummy, dummy2, run in cases)))


def test_tokens_signed_from_non_ascii_credentials_work_and_stay_secret(playbook, tmp_path):
    tenant = Tenant(client_id="cs-appé-日本", client_secret="sécret-ünïcödé-ключ-0123456789abcdef")
    with Simulator(tenant=tenant) as other:
        record = other.seed("Unicode app", "x")
        run = playbook([{"kore.ai.kore_contact_list": {"id": record["_id"], "state": "absent"}}], args=["-vvvv"],
                       env=other.env())
        assert run.status(0) == "changed", run
        assert [r["auth"] for r in other.requests] == ["valid", "valid"]
        assert tenant.client_secret not in run.output and "eyJ" not in run.output
