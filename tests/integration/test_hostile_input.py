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


# contacts_file: (file content, a piece of the failure message naming its line); no request may be sent
CSV_ROWS = [
    (b"", "has no header row"),
    (b"\n\n", "has no header row"),
    (b"firstName,lastName\nAda,Lovelace\n", "line 1: the header has no phoneNumber column"),
    (b"phoneNumber,firstName,firstName\n+1,A,B\n", "line 1, column 3: column 'firstName' is named twice"),
    (b"phoneNumber,,x\n+1,A,B\n", "line 1, column 2: the header has an empty column name"),
    (b"phoneNumber,firstName\n+1,Ada\n+2,Bob,extra\n", "line 3: 3 fields, but the header names 2 columns"),
    (b"phoneNumber,firstName\n+1,Ada\n,Bob\n", "line 3, column 1 (phoneNumber): empty"),
    (b"firstName,phoneNumber\nAda,+1\nBob,  \n", "line 3, column 2 (phoneNumber): empty"),
    (b"phoneNumber\n+1\n+2\n+1\n", "line 4: phoneNumber +1 appears twice (first on line 2)"),
    (b"phoneNumber,uniqueId\n+1,u-1\n+2,u-1\n", "line 3: uniqueId u-1 appears twice (first on line 2)"),
    (b"phoneNumber,firstName\n+1,Ad\xe9\n", "line 2, byte 6: not UTF-8"),
    (b"phoneNumber,firstName\n+1,A\x00da\n", "line 2, column 5: a NUL character"),
    (b"phoneNumber,note\n+1," + b"x" * 5000 + b"\n", "line 2, column 2 (note): a value of 5000 characters"),
    (b'phoneNumber,firstName\n+1,"Ada\n', "line 2: not valid CSV"),
    (b'phoneNumber,firstName\n+1,"Ada"x\n', "line 2: not valid CSV"),
    (b"phoneNumber,firstName\n4.91511E+12,Ada\n",
     "line 2, column 1 (phoneNumber): '4.91511E+12' is a number as a spreadsheet formats it"),
    (b"firstName,phoneNumber\nAda,+49 151 CALL\n", "line 2, column 2 (phoneNumber): '+49 151 CALL' is not a phone "
                                                   "number: an optional + and digits only (it holds 'C')"),
    (b"phoneNumber\n+4915112345678;Ada\n", "line 2, column 1 (phoneNumber): '+4915112345678;Ada' is not a phone "
                                           "number: an optional + and digits only (it holds ';')"),
    (b"phoneNumber,firstName\n\"+1\t2\",Ada\n", "line 2, column 1 (phoneNumber): '+1\\t2' is not a phone number"),
    (b"phoneNumber;firstName\n+4915112345678;Ada\n", "line 1: the header holds phoneNumber joined to other names by "
                                                     "a semicolon"),
    (b"phoneNumber\tfirstName\n+4915112345678\tAda\n",
     "line 1: the header holds phoneNumber joined to other names by a tab"),
    (b"phoneNumber\n" + b"5" * (1024 * 1024 + 1) + b"\n", "line 2: longer than 1048576 bytes"),
]

# backup_file of a delete: (path, a piece of the failure message); the list must stay. {tmp} is a fresh directory.
BACKUP_ROWS = [
    ("", "backup_file is empty"),
    ("{tmp}/nowhere/backup.csv", "does not exist"),
    ("{tmp}/a-file/backup.csv", "does not exist"),
    ("{tmp}", "is a directory"),
    ("/proc/kore-backup.csv", "could not be written"),  # /proc takes no new file, even from root
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
    lines += ["", "## Contact files (`contacts_file`)", "",
              "Each file fails the task before any request, naming the file, the line and, where it helps, the "
              "column. `x*5000` stands for 5,000 times `x`. A phone number is an optional `+` and digits, once "
              "the spaces around it are removed (as they are before it is sent). A FIFO, a device or a directory "
              "is refused at once (`tests/integration/test_contacts_file.py`).", "", "| file content | outcome |", "|---|---|"]
    lines += ["| `%s` | task fails before any request: \"...%s...\" |"
              % (_escaped(content), message) for content, message in CSV_ROWS]
    lines += ["", "## Backup paths (`backup_file`, `backup_dir`)", "",
              "A delete whose backup cannot be written deletes nothing: the list stays, with its contacts. "
              "`{tmp}/a-file` is a file, not a directory. Under `backup_dir`, an id other than Kore's own "
              "lower-case kind is percent-encoded into one file name with a digest of the whole id "
              "(`../../../escape/..` becomes `%2E%2E%2F%2E%2E%2F%2E%2E%2Fescape%2F%2E%2E.3e62aa7cde2aa64f.csv`), "
              "so no id names a file outside it and no two ids share one "
              "(`tests/integration/test_contacts_file.py`, `tests/integration/test_backups_before_a_delete.py`).", "",
              "| backup_file | outcome |", "|---|---|"]
    lines += ["| `%s` | task fails, list kept: \"...%s...\" |" % (path or '""', message) for path, message in BACKUP_ROWS]
    lines += ["", "Wrong types elsewhere (`allow_duplicates: perhaps`, `timeout: soon`) fail with Ansible's own "
              "message naming the option. Hosts without a scheme are taken as `https://`; see "
              "`tests/integration/test_transport.py` for TLS and for servers that never answer.", ""]
    return "\n".join(lines)


def _escaped(content):
    text = content.replace(b"x" * 5000, b"x*5000").replace(b"5" * (1024 * 1024 + 1), b"5*1048577").decode("latin-1")
    return json.dumps(text)[1:-1].replace("|", "\\|").replace("`", "'")


def test_every_bad_contacts_file_fails_naming_its_line_before_any_request(sim, playbook, tmp_path):
    record = sim.seed("Guarded", "x")
    tasks = []
    for number, (content, dummy) in enumerate(CSV_ROWS):
        path = tmp_path / ("bad-%d.csv" % number)
        path.write_bytes(content)
        tasks.append({MODULE: {"name": "Guarded", "contacts_file": str(path)}, "ignore_errors": True})
    run = playbook(tasks, args=["-vvv"])
    for number, (dummy, message) in enumerate(CSV_ROWS):
        assert run.status(number) == "failed", (number, run[number])
        assert message in run[number]["msg"] and "bad-%d.csv" % number in run[number]["msg"], run[number]["msg"]
    assert "Traceback (most recent call last)" not in run.output
    assert sim.requests == []
    assert sim.store.get(sim.tenant.stream_id, record["_id"]) == record


def test_every_unwritable_backup_leaves_the_list_in_place(sim, playbook, tmp_path):
    seeded = sim.seed("Precious", "x")
    sim.seed_contacts(seeded["_id"], [{"phoneNumber": "+15550000001"}])
    record = sim.store.get(sim.tenant.stream_id, seeded["_id"])
    tmp = tmp_path / "backups"
    tmp.mkdir()
    (tmp / "a-file").write_text("not a directory")
    paths = [path.format(tmp=tmp) for path, dummy in BACKUP_ROWS]
    run = playbook([{MODULE: {"id": record["_id"], "state": "absent", "backup_file": path}, "ignore_errors": True}
                    for path in paths])
    for number, (dummy, message) in enumerate(BACKUP_ROWS):
        assert run.status(number) == "failed", (paths[number], run[number])
        assert message in run[number]["msg"] and paths[number] in run[number]["msg"], run[number]["msg"]
        assert "Nothing was deleted" in run[number]["msg"] or "Nothing was changed" in run[number]["msg"]
    assert not any(r["method"] == "DELETE" for r in sim.requests)
    assert sim.store.get(sim.tenant.stream_id, record["_id"]) == record
    assert sorted(p.name for p in tmp.iterdir()) == ["a-file"]  # no temporary file left behind


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
