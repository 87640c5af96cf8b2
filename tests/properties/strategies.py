# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Hypothesis strategies: what users type into the modules' options, and what a server may answer."""

from __future__ import annotations

import json

from hypothesis import strategies as st

from scripted import Answer

LIST_ID = "cl-fuzz-0001"
LIST_NAME = "Fuzz"
CAMPAIGN_ID = "cd-fuzz-0001"
CAMPAIGN_NAME = "Fuzz campaign"

# ---- user input ------------------------------------------------------------------------------------------------

# Anything a YAML file or a template can put in a string: control characters, separators, URL syntax, non-ASCII.
NASTY = st.sampled_from(["", " ", "\r\n", "\n", "\t", "\x00", "/", "..", ".", "%2F", "?", "#", "&", "=", "\\", ":",
                         "@", "\u2028", "é", "日本", "\U0001f600", "cl-", "st-", "%", "%00", '"', "'", "<", ">"])
TEXT = st.one_of(st.text(max_size=60), st.lists(st.one_of(NASTY, st.text(max_size=5)), max_size=8).map("".join))
HOSTS = st.one_of(
    TEXT,
    st.builds(lambda scheme, host, port, rest: scheme + host + port + rest,
              st.sampled_from(["", "http://", "https://", "HTTPS://", "ftp://", "file://", "//"]),
              st.one_of(st.sampled_from(["platform.kore.ai", "127.0.0.1", "[::1]", "u:p@h", "h", ""]), TEXT),
              st.sampled_from(["", ":8080", ":0", ":70000", ":x", ":"]),
              st.sampled_from(["", "/", "/api", "?q=1", "#f", " ", "\r\n"])),
)
NUMBERS = st.one_of(st.integers(-10, 20), st.integers(-2 ** 70, 2 ** 70))
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-2 ** 70, 2 ** 70), st.floats(allow_nan=False), TEXT)
CONTACT = st.one_of(
    st.fixed_dictionaries({"phoneNumber": st.one_of(TEXT, SCALARS)},
                          optional={"uniqueId": SCALARS, "firstName": SCALARS, "lastName": SCALARS,
                                    "timeZone": SCALARS, "contactPriority": SCALARS, "_id": SCALARS,
                                    "createdAt": SCALARS, "custom": st.one_of(SCALARS, st.lists(SCALARS, max_size=2))}),
    st.dictionaries(TEXT, SCALARS, max_size=4),
    SCALARS,
)
CONTACTS = st.one_of(st.lists(CONTACT, max_size=6), SCALARS, st.dictionaries(TEXT, SCALARS, max_size=2))

# ---- server answers --------------------------------------------------------------------------------------------

JSON_LEAVES = st.none() | st.booleans() | st.integers(-2 ** 64, 2 ** 64) | st.floats(allow_nan=False) | st.text(max_size=20)
JSON = st.recursive(JSON_LEAVES,
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                    max_leaves=12)
RECORD = st.fixed_dictionaries(
    {"_id": st.one_of(st.just(LIST_ID), st.just("cl-other"), JSON), "name": st.one_of(st.just(LIST_NAME), JSON)},
    optional={"description": JSON, "allowDuplicates": JSON, "campaignInUse": st.one_of(st.just([]), JSON),
              "isListInUse": JSON, "totalRecordCount": JSON})
CONTACT_READ = st.fixed_dictionaries({"_id": st.one_of(st.text(max_size=6), JSON), "phoneNumber": JSON},
                                     optional={"uniqueId": JSON})
PAGE = st.fixed_dictionaries({"results": st.one_of(st.lists(CONTACT_READ, max_size=4), JSON),
                              "hasMore": st.one_of(st.booleans(), JSON), "totalResults": st.one_of(st.integers(-1, 9),
                                                                                                   JSON)})
STATUSES = ["Ready", "Completed", "Stopped", "Active", "Paused", "Preparing", "Scheduled", "Rerun"]
CAMPAIGN_STATUS = st.one_of(st.sampled_from(STATUSES), JSON)
CAMPAIGN = st.fixed_dictionaries(
    {"_id": st.one_of(st.just(CAMPAIGN_ID), st.just("cd-other"), JSON), "name": st.one_of(st.just(CAMPAIGN_NAME),
                                                                                          JSON)},
    optional={"id": st.one_of(st.just(CAMPAIGN_ID), JSON), "status": CAMPAIGN_STATUS,
              "contactLists": st.one_of(st.just([LIST_NAME]), JSON), "description": JSON})
CAMPAIGN_PAGE = st.fixed_dictionaries({"results": st.one_of(st.lists(CAMPAIGN, max_size=3), JSON),
                                       "hasMore": st.one_of(st.booleans(), JSON)},
                                      optional={"skip": JSON, "limit": JSON, "totalResults": JSON})
CAMPAIGN_STATE = st.fixed_dictionaries({"id": st.one_of(st.just(CAMPAIGN_ID), JSON), "status": CAMPAIGN_STATUS},
                                       optional={"name": JSON})
DATA = st.one_of(JSON, RECORD, st.lists(RECORD, max_size=3), PAGE, CAMPAIGN, CAMPAIGN_PAGE, CAMPAIGN_STATE)
ENVELOPE = st.builds(lambda data, status, extra: dict(extra, status=status, data=data), DATA,
                     st.sampled_from(["success", "error", ""]),
                     st.dictionaries(st.sampled_from(["message", "errors", "msg", "code"]), JSON, max_size=2))

HEADER_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_characters="\x7f"), max_size=40)
RETRY_AFTER = st.one_of(st.integers(-5, 10 ** 7).map(str), HEADER_TEXT,
                        st.sampled_from(["Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "0",
                                         " 3 ", "1.5", "-1", "", "NaN"]))
HEADERS = st.lists(st.one_of(st.tuples(st.just("Retry-After"), RETRY_AFTER),
                             st.tuples(st.just("Location"), HEADER_TEXT),
                             st.tuples(st.sampled_from(["Content-Type", "X-Odd", "Set-Cookie", "Transfer-Encoding"]),
                                       HEADER_TEXT.filter(lambda v: "chunked" not in v.lower()))),
                   max_size=3)


def _bodies():
    as_json = st.one_of(ENVELOPE, JSON).map(lambda v: json.dumps(v).encode("utf-8"))
    usual = st.one_of(
        as_json,
        st.tuples(as_json, st.integers(0, 40)).map(lambda t: t[0][:t[1]]),          # truncated JSON
        st.sampled_from([b"", b"<html><body>502 Bad Gateway</body></html>", b"null", b"{}", b"[]",
                         b'{"errors": [{"msg": "Invalid SDK credentials", "code": 4002}]}',
                         b'{"msg": "Rate limit for this API has been reached.", "code": 429}']),
        st.binary(max_size=64),
    )
    # one body in twenty is very large (0.5 to 1.5 MB)
    large = st.integers(1, 3).map(lambda n: json.dumps({"status": "success", "data": "x" * (n << 19)}).encode())
    return st.integers(0, 19).flatmap(lambda n: large if n == 0 else usual)


STATUS = st.one_of(st.sampled_from([200, 200, 201, 204, 301, 302, 400, 401, 403, 404, 404, 409, 429, 500, 502, 503,
                                    504]),
                   st.integers(100, 599))
ANSWER = st.builds(Answer, STATUS, HEADERS, _bodies(), st.sampled_from([0, 0, 0, 0, 5]))
ANSWERS = st.lists(ANSWER, min_size=1, max_size=6)
