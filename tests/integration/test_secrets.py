# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What must stay private stays out of every output: no client secret and no JWT in any module's, on success and
failure paths, at -vvvv; nothing a no_log task works on; no retry (and its URL) in Ansible's log file."""

from __future__ import annotations

import jwt
from kore_sim import Simulator, Tenant

MODULE = "kore.ai.kore_contact_list"
SET = "kore.ai.kore_contact_lists"
MODULES = {
    "kore.ai.kore_contact_list": {"name": "Leak", "description": "x", "retries": 0},
    "kore.ai.kore_contact_list_info": {"name": "Leak", "retries": 0},
    "kore.ai.kore_contact_lists": {"lists": [{"name": "Leak", "description": "x"}], "retries": 0},
}


def test_secrets_never_appear_in_any_output(sim, playbook):
    tenant = sim.tenant
    token = jwt.encode({"sub": "t", "appId": tenant.client_id}, tenant.client_secret, algorithm="HS256")
    wrong_secret = "wrong-" + tenant.client_secret
    modules = sorted(MODULES)

    def every_module(**extra):
        # one task a module in one playbook: the failing ones must not stop the others
        return [{module: dict(MODULES[module], **extra), "ignore_errors": True} for module in modules]

    cases = []  # (what, expected status, tasks, run)
    sim.faults.add("status", status=500, echo_headers=True, times=1000)
    cases += [
        ("500 echoing headers, minted token", "failed", modules, playbook(every_module(), args=["-vvvv"])),
        ("500 echoing headers, KORE_JWT", "failed", modules,
         playbook(every_module(), args=["-vvvv"], env={"KORE_JWT": token})),
    ]
    # a jwt written into the playbook, on a task that fails: one playbook a module, since at -vvvv Ansible quotes
    # the playbook's lines before a failed task, and so another task's literal token (the playbook's, not a leak)
    cases += [("500 echoing headers, jwt option", "failed", [module],
               playbook([{module: dict(MODULES[module], jwt=token)}], args=["-vvvv"])) for module in modules]
    sim.faults.clear()
    succeeded = playbook(every_module() + every_module(jwt=token), args=["-vvvv"], diff=True)
    cases += [
        ("401, wrong client secret", "failed", modules,
         playbook(every_module(), args=["-vvvv"], env={"KORE_CLIENT_SECRET": wrong_secret})),
        ("success, minted token", None, modules, succeeded.part(0, len(modules))),
        ("success, jwt option", None, modules, succeeded.part(len(modules))),
    ]
    for what, status, tasks, run in cases:
        assert len(run.rows) == len(tasks), (what, run)
        for index, module in enumerate(tasks):
            if status:
                assert run.status(index) == status, (what, module, run)
            else:
                assert run.status(index) in ("ok", "changed"), (what, module, run)
        for secret in (tenant.client_secret, wrong_secret, token):
            assert secret not in run.output, what
        assert "eyJ" not in run.output, what  # the start of every JWT, minted ones included
    for index in range(len(modules)):
        first = cases[0][3][index]["msg"]
        assert "upstream error for request" in first and "********" in first, first
    outputs = dict((id(run.output), run.output) for dummy, dummy2, dummy3, run in cases)
    print("secret-leak scan: %d cases in %d playbook outputs at -vvvv, %d tasks, %d bytes, 0 secrets found"
          % (len(cases), len(outputs), sum(len(tasks) for dummy, dummy2, tasks, dummy3 in cases),
             sum(len(output) for output in outputs.values())))


def test_tokens_signed_from_non_ascii_credentials_work_and_stay_secret(playbook, tmp_path):
    tenant = Tenant(client_id="cs-appé-日本", client_secret="sécret-ünïcödé-ключ-0123456789abcdef")
    with Simulator(tenant=tenant) as other:
        record = other.seed("Unicode app", "x")
        run = playbook([{"kore.ai.kore_contact_list": {"id": record["_id"], "state": "absent"}}], args=["-vvvv"],
                       env=other.env())
        assert run.status(0) == "changed", run
        assert [r["auth"] for r in other.requests] == ["valid", "valid"]
        assert tenant.client_secret not in run.output and "eyJ" not in run.output


def test_a_no_log_task_tells_no_list_and_no_id_at_any_verbosity(sim, playbook, tmp_path, write_phones):
    record = sim.seed("Secret project", "d")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+1%010d" % n} for n in range(300)])
    declared = tmp_path / "c.csv"
    write_phones(declared, ["+2%010d" % n for n in range(300)])
    run = playbook([{MODULE: {"name": "Secret project", "contacts_file": str(declared)}, "no_log": True},
                    {SET: {"lists": [], "purge": True, "backup_dir": str(tmp_path)}, "no_log": True}],
                   args=["-vvvv"])
    assert run.rc == 0, run
    assert "Secret project" not in run.output and record["_id"] not in run.output, run.output[-2000:]


def test_retries_reach_no_log_file_on_either_path(sim, playbook, tmp_path):
    record = sim.seed("Logged", "x")
    # urllib3 logs a lost connection's retry as a warning, with the URL (a 503's only at debug level)
    sim.faults.add("cut", method="GET", times=1)
    log = tmp_path / "ansible.log"
    run = playbook([{MODULE: {"id": record["_id"], "state": "absent"}}], env={"ANSIBLE_LOG_PATH": str(log)})
    assert run.status(0) == "changed", run
    assert any("answered only after retries" in w for w in run[0].get("warnings", [])), run[0]
    text = log.read_text()
    assert "TASK [" in text  # Ansible did log the run
    assert "Retrying" not in text and "urllib3" not in text, text
