# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Wrong target, bad credentials, hostile ids and bad input (issue behaviours 5, 8, 10)."""

from __future__ import annotations

import socket
import time
from urllib.parse import unquote

import jwt
import pytest

MODULE = "kore.ai.kore_contact_list"
PREFIX_SEGMENTS = 8  # "", campaign, api, v2, public, {streamId}, campaign, contactList


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


@pytest.mark.parametrize("case", sorted(WRONG_TARGETS))
def test_wrong_target_or_credentials_is_a_failure_never_already_absent(sim, playbook, api_log, case):
    env, hint = WRONG_TARGETS[case]
    record = sim.seed("Precious", "must survive")
    run = playbook([absent(record["_id"]), absent("cl-not-there")], env=env, args=["-e", "ansible_failed=1"])
    assert run.status(0) == "failed", run
    assert hint in run[0]["msg"]
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
    for host in (other_web_server, closed_port()):
        run = playbook([absent("cl-anything")], env={"KORE_HOST": host})
        assert run.status(0) == "failed", run
        assert "already absent" not in run.output
        assert host.split("//")[1] in run[0]["msg"]


HOSTILE_IDS = ["../getAllListDetails", "..", ".", "a/b", "cl-1?accountId=evil&x=1", "cl-1%2F..%2Fx", "cl-1#frag",
               "cl-ünïcødé-✓", " cl-1 ", "cl-1/../../../../other/api"]


def test_hostile_ids_stay_one_path_segment(sim, playbook, api_log):
    keep = sim.seed("Bystander", "must not be touched")
    run = playbook([absent(i) for i in HOSTILE_IDS])
    assert run.rc == 0, run
    assert all(run.status(i) == "ok" for i in range(len(HOSTILE_IDS)))
    singles = api_log.of("GET", "DELETE")
    seen_ids = set()
    for request in singles:
        segments = request["path"].split("/")
        assert len(segments) == PREFIX_SEGMENTS + 1, request["path"]
        assert request["query"] in ({"accountId": [sim.tenant.account_id]},
                                    {"accountId": [sim.tenant.account_id], "type": ["call"]})
        seen_ids.add(unquote(segments[-1]))
    assert set(HOSTILE_IDS) <= seen_ids
    assert api_log.writes() == []
    assert sim.store.get(sim.tenant.stream_id, keep["_id"]) == keep


BAD_INPUT = [
    ({}, "one of the following is required: id, name"),
    ({"id": "", "state": "absent"}, "id must be"),
    ({"id": "x" * 10000, "state": "absent"}, "id must be"),
    ({"name": "x", "allow_duplicates": "perhaps"}, "allow_duplicates"),
    ({"name": "x", "state": "gone"}, "state"),
    ({"name": "x", "timeout": "soon"}, "timeout"),
    ({"name": "x", "retries": 99}, "retries must be between 0 and 10"),
    ({"name": "x", "host": "ftp://example.com"}, "only http and https"),
    ({"name": "x", "host": "http://"}, "no host name"),
    ({"name": "x", "host": "http://user:pw@127.0.0.1"}, "user:password@"),
    ({"name": "x", "host": "platform.kore.ai/api"}, "without a path"),
    ({"name": "x", "host": "platform kore ai"}, "white space"),
    ({"name": "x", "host": "http://127.0.0.1:99999"}, "not a valid URL"),
    ({"name": "x", "stream_id": ""}, "stream_id must not be empty"),
]


def test_bad_input_is_a_clear_message_and_sends_nothing(sim, playbook, api_log):
    tasks = [{MODULE: options, "ignore_errors": True} for options, dummy in BAD_INPUT]
    run = playbook(tasks, args=["-vvv"])
    for index, (options, expected) in enumerate(BAD_INPUT):
        assert run.status(index) == "failed", (options, run[index])
        assert expected in run[index]["msg"], (options, run[index]["msg"])
    # Ansible 2.19 adds "exception: (traceback unavailable)" at -vvv; a real one would start like this.
    assert "Traceback (most recent call last)" not in run.output
    assert api_log.of() == []


def test_missing_credentials_are_named(sim, playbook, api_log):
    run = playbook([{MODULE: {"name": "x", "description": "y"}}],
                   env={"KORE_CLIENT_ID": None, "KORE_CLIENT_SECRET": None})
    assert run.status(0) == "failed"
    assert "no credentials" in run[0]["msg"]
    assert api_log.of() == []


def test_secrets_never_appear_in_any_output(sim, playbook):
    tenant = sim.tenant
    token = jwt.encode({"sub": "t", "appId": tenant.client_id}, tenant.client_secret, algorithm="HS256")
    sim.faults.add("status", status=500, echo_headers=True, times=1000)
    runs = [
        playbook([{MODULE: {"name": "Leak", "description": "x", "retries": 0}}], args=["-vvvv"]),
        playbook([{MODULE: {"name": "Leak", "description": "x", "retries": 0}}], args=["-vvvv"],
                 env={"KORE_JWT": token}),
        playbook([{MODULE: {"name": "Leak", "description": "x", "retries": 0, "jwt": token}}], args=["-vvvv"]),
    ]
    sim.faults.clear()
    runs.append(playbook([{MODULE: {"name": "Leak", "description": "x"}}], args=["-vvvv"],
                         env={"KORE_CLIENT_SECRET": "wrong-" + tenant.client_secret}))
    runs.append(playbook([{MODULE: {"name": "Fine", "description": "x"}}], args=["-vvvv"]))
    assert [r.status(0) for r in runs] == ["failed"] * 4 + ["changed"]
    assert "upstream error for request" in runs[0][0]["msg"] and "********" in runs[0][0]["msg"]
    for run in runs:
        assert tenant.client_secret not in run.output
        assert token not in run.output
        assert "eyJ" not in run.output  # the start of every JWT, minted ones included
