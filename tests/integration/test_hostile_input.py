# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Hostile and malformed input, row by row; the same rows are the table in docs/hostile-input.md.

Set KORE_UPDATE_DOCS=1 to rewrite that page after changing ROWS.
"""

from __future__ import annotations

import json
import os
from urllib.parse import unquote

from ansible_collections.kore.ai.plugins.module_utils._client import path_segment

MODULE = "kore.ai.kore_contact_list"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGE = os.path.join(ROOT, "docs", "hostile-input.md")
PREFIX_SEGMENTS = 8  # "", campaign, api, v2, public, {streamId}, campaign, contactList
SAFE = "quoted"      # the task succeeds, the id travels as one quoted path segment, and nothing is deleted
LONG = {"x*10000": "x" * 10000, "x*48": "x" * 48, "x*49": "x" * 49, "d*256": "d" * 256, "d*257": "d" * 257}

# (options, expected: SAFE, "created", or a piece of the failure message)
ROWS = [
    ({"id": "../getAllListDetails", "state": "absent"}, SAFE),
    ({"id": "..", "state": "absent"}, SAFE),
    ({"id": ".", "state": "absent"}, SAFE),
    ({"id": "a/b", "state": "absent"}, SAFE),
    ({"id": "cl-1?accountId=evil&x=1", "state": "absent"}, SAFE),
    ({"id": "cl-1%2F..%2Fx", "state": "absent"}, SAFE),
    ({"id": "cl-1#frag", "state": "absent"}, SAFE),
    ({"id": "cl-ünïcødé-✓", "state": "absent"}, SAFE),
    ({"id": " cl-1 ", "state": "absent"}, SAFE),
    ({"id": "cl-1/../../../../other/api", "state": "absent"}, SAFE),
    ({"id": "", "state": "absent"}, "id must be a non-empty string"),
    ({"id": "x*10000", "state": "absent"}, "id must be a non-empty string of at most 256 characters"),
    ({"name": "x", "host": "http://user:pw@127.0.0.1"}, "must not carry user:password@"),
    ({"name": "x", "host": "file:///etc/passwd"}, "only http and https URLs are supported"),
    ({"name": "x", "host": "ftp://example.com"}, "only http and https URLs are supported"),
    ({"name": "x", "host": "platform kore ai"}, "contains white space"),
    ({"name": "x", "host": "platform.kore.ai/api"}, "without a path, query or fragment"),
    ({"name": "x", "host": "https://platform.kore.ai?x=1"}, "without a path, query or fragment"),
    ({"name": "x", "host": "http://"}, "has no host name"),
    ({"name": "x", "host": "http://127.0.0.1:99999"}, "is not a valid URL"),
    ({"name": "x*48", "description": "d*256"}, "created"),
    ({"name": "x*49", "description": "d"}, "name must be 1 to 48 characters, got 49"),
    ({"name": "y", "description": "d*257"}, "description must be at most 256 characters, got 257"),
    ({"name": "", "description": "d"}, "name must be 1 to 48 characters"),
    ({"name": "   ", "description": "d"}, "name must be 1 to 48 characters"),
    ({}, "one of the following is required: id, name"),
    ({"name": "x", "state": "gone"}, "value of state must be one of: present, absent"),
    ({"name": "x", "allow_duplicates": "perhaps"}, "allow_duplicates"),
    ({"name": "x", "force": "maybe"}, "force"),
    ({"name": "x", "timeout": "soon"}, "timeout"),
    ({"name": "x", "timeout": 0}, "timeout must be a positive number of seconds"),
    ({"name": "x", "retries": 99}, "retries must be between 0 and 10"),
    ({"name": "x", "retries": -1}, "retries must be between 0 and 10"),
    ({"name": "x", "stream_id": ""}, "stream_id must not be empty"),
    ({"name": "x", "account_id": "5f0e\r\nX-Injected: 1"}, "account_id must be printable ASCII without spaces"),
    ({"name": "x", "iid": "st-é"}, "iid must be printable ASCII without spaces"),
    ({"name": "x", "host": "https://\x1b"}, "is not a host name or IP address"),
    ({"name": "x", "timeout": 100000}, "timeout must be a positive number of seconds, at most 3600"),
]


def expand(options):
    return dict((k, LONG.get(v, v) if isinstance(v, str) else v) for k, v in options.items())


def shown(options):
    return "`%s`" % json.dumps(options, ensure_ascii=False).replace("|", "\\|")


def outcome(options, expected):
    if expected == SAFE:
        return "unchanged (already absent); sent as the one path segment `%s`" % path_segment(options["id"])
    if expected == "created":
        return "created: the limits themselves are allowed"
    return "task fails before any request: \"...%s...\"" % expected


def render():
    lines = [
        "# Hostile and malformed input",
        "",
        "What `kore.ai.kore_contact_list` does with input that is wrong or made to break out of its URL. Every row",
        "is a test (`tests/integration/test_hostile_input.py`, which also writes this page), run through",
        "`ansible-playbook` against the simulator, and every row also checks that no other list was touched.",
        "`x*49` stands for 49 times `x`.",
        "",
        "| input | outcome |",
        "|---|---|",
    ]
    lines += ["| %s | %s |" % (shown(options), outcome(options, expected)) for options, expected in ROWS]
    lines += ["", "Wrong types elsewhere (`allow_duplicates: perhaps`, `timeout: soon`) fail with Ansible's own "
              "message naming the option. Hosts without a scheme are taken as `https://`; see "
              "`tests/integration/test_transport.py` for TLS and for servers that never answer.", ""]
    return "\n".join(lines)


def test_page_shows_the_rows_as_tested():
    if os.environ.get("KORE_UPDATE_DOCS"):
        with open(PAGE, "w") as handle:
            handle.write(render())
    with open(PAGE) as handle:
        assert handle.read() == render(), "docs/hostile-input.md is out of date: run with KORE_UPDATE_DOCS=1"


def test_every_row(sim, playbook, api_log):
    bystander = sim.seed("Bystander", "must not be touched")
    tasks = [{MODULE: dict(expand(options), retries=0) if "retries" not in options else expand(options),
              "ignore_errors": True} for options, dummy in ROWS]
    run = playbook(tasks, args=["-vvv"])
    for index, (options, expected) in enumerate(ROWS):
        result = run[index]
        if expected == SAFE:
            assert run.status(index) == "ok" and result["contact_list"] == {}, (options, result)
        elif expected == "created":
            assert run.status(index) == "changed", (options, result)
        else:
            assert run.status(index) == "failed", (options, result)
            assert expected in result["msg"], (options, result["msg"])
    # Ansible 2.19 adds "exception: (traceback unavailable)" at -vvv; a real one would start like this.
    assert "Traceback (most recent call last)" not in run.output
    sent_ids = set()
    for request in api_log.of("GET", "DELETE"):
        segments = request["path"].split("/")
        assert len(segments) == PREFIX_SEGMENTS + 1, request["path"]
        assert request["query"] in ({"accountId": [sim.tenant.account_id]},
                                    {"accountId": [sim.tenant.account_id], "type": ["call"]})
        sent_ids.add(unquote(segments[-1]))
    assert {o["id"] for o, e in ROWS if e == SAFE} <= sent_ids
    assert [r["body"]["name"] for r in api_log.writes()] == ["x" * 48]  # the one create at the limits
    assert sim.store.get(sim.tenant.stream_id, bystander["_id"]) == bystander
