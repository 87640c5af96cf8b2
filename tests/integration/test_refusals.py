# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Wrong target, bad credentials, hostile ids and bad input: failures that name the cause, never "absent"."""

from __future__ import annotations

import socket
import time

import jwt

MODULE = "kore.ai.kore_contact_list"


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return "http://127.0.0.1:%d" % sock.getsockname()[1]


def absent(list_id):
    return {MODULE: {"id": list_id, "state": "absent", "retries": 0}, "register": "out"}


def expired_token(tenant):
    past = int(time.time()) - 3600
    return jwt.encode({"sub": "t", "appId": tenant.client_id, "iat": past - 300, "exp": past},
                      tenant.client_secret, algorithm="HS256")


WRONG_TARGETS = {
    "wrong-stream": ({"KORE_STREAM_ID": "st-0a1b2c3d-9999-9999-9999-444455556666"}, "stream_id"),
    "wrong-account": ({"KORE_ACCOUNT_ID": "5f0e1d2c3b4a596877669999"}, "account_id"),
    "wrong-iid": ({"KORE_IID": "st-someone-else"}, "stream_id"),
    "bad-secret": ({"KORE_CLIENT_SECRET": "not-the-secret-of-this-app-0123456789"}, "credentials"),
    "unknown-app": ({"KORE_CLIENT_ID": "cs-unknown"}, "credentials"),
    "garbage-jwt": ({"KORE_JWT": "not.a.jwt"}, "credentials"),
}


def test_wrong_target_or_credentials_is_a_failure_never_already_absent(sim, playbook, api_log):
    # each wrong value in the environment of its own two tasks, one ansible-playbook start for them all: a list that
    # is there and one that is not, each a failure naming the cause
    record = sim.seed("Precious", "must survive")
    cases = sorted(WRONG_TARGETS)
    tasks = [dict(absent(list_id), environment=WRONG_TARGETS[case][0], ignore_errors=True)
             for case in cases for list_id in (record["_id"], "cl-not-there")]
    run = playbook(tasks, args=["-e", "ansible_failed=1"])
    assert len(run.rows) == 2 * len(cases), run
    for number, case in enumerate(cases):
        for index in (2 * number, 2 * number + 1):
            assert run.status(index) == "failed", (case, run[index])
            assert WRONG_TARGETS[case][1] in run[index]["msg"], (case, run[index]["msg"])
    assert "already absent" not in run.output
    assert api_log.writes() == []
    assert sim.store.get(sim.tenant.stream_id, record["_id"]) == record


def test_expired_token_is_refused(sim, playbook, api_log):
    record = sim.seed("Precious", "must survive")
    run = playbook([absent(record["_id"])], env={"KORE_JWT": expired_token(sim.tenant)})
    assert run.status(0) == "failed"
    assert "credentials" in run[0]["msg"] and "401" in run[0]["msg"]
    assert [r["auth"] for r in api_log.of()] == ["expired"]


def test_wrong_host_is_a_failure(sim, playbook, web_server):
    other_web_server = web_server(404, b"<html><body><h1>404 Not Found</h1></body></html>",
                                  {"Content-Type": "text/html"})
    hosts = (other_web_server, closed_port())
    run = playbook([dict(absent("cl-anything"), environment={"KORE_HOST": host}, ignore_errors=True)
                    for host in hosts])
    assert "already absent" not in run.output
    for index, host in enumerate(hosts):
        assert run.status(index) == "failed", run
        assert host.split("//")[1] in run[index]["msg"]


def test_missing_credentials_are_named(sim, playbook, api_log):
    run = playbook([{MODULE: {"name": "x", "description": "y"}}],
                   env={"KORE_CLIENT_ID": None, "KORE_CLIENT_SECRET": None})
    assert run.status(0) == "failed"
    assert "no credentials" in run[0]["msg"]
    assert api_log.of() == []
