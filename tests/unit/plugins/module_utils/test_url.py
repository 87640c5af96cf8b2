# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Where a request goes: hosts, header values, path segments, routes, and the proxies' passwords to hide."""

from __future__ import annotations

import os

import pytest
from requests.utils import get_environ_proxies

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._url import (
    Route,
    base_url,
    header_value,
    path_segment,
    proxy_passwords,
)


@pytest.mark.parametrize("given, expected", [
    ("platform.kore.ai", "https://platform.kore.ai"),
    ("https://eu-platform.kore.ai/", "https://eu-platform.kore.ai"),
    ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
    ("HTTPS://Platform.Kore.AI", "https://platform.kore.ai"),
    ("http://[::1]:9000", "http://[::1]:9000"),
    ("jp-platform.kore.ai:8443", "https://jp-platform.kore.ai:8443"),
])
def test_base_url_accepts(given, expected):
    assert base_url(given) == expected


@pytest.mark.parametrize("given", ["", "  ", "file:///etc/passwd", "ftp://x", "http://", "https://u:p@h",
                                   "https://h/path", "https://h?q=1", "https://h#f", "h ost", "http://h:70000",
                                   "http://h\\x", None])
def test_base_url_refuses(given):
    with pytest.raises(KoreInputError):
        base_url(given)


@pytest.mark.parametrize("value, quoted", [
    ("cl-1", "cl-1"), ("a/b", "a%2Fb"), ("..", "%2E%2E"), ("x?y=1#z", "x%3Fy%3D1%23z"), ("%2F", "%252F"),
    ("é", "%C3%A9"),
])
def test_path_segment_keeps_one_segment(value, quoted):
    assert path_segment(value) == quoted


def test_path_segment_refuses_empty():
    with pytest.raises(KoreInputError):
        path_segment("")


def test_proxy_passwords_from_the_environment_are_redacted(monkeypatch):
    for key in [k for k in os.environ if k.lower().endswith("_proxy")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("HTTPS_PROXY", "http://ops:p%40ss-word-9@proxy.example:3128")
    assert set(proxy_passwords(get_environ_proxies("https://platform.kore.ai"))) == {"p%40ss-word-9", "p@ss-word-9"}
    monkeypatch.setenv("NO_PROXY", "platform.kore.ai")
    assert proxy_passwords(get_environ_proxies("https://platform.kore.ai")) == ()


@pytest.mark.parametrize("value", ["two words", "caf\u00e9", "line\r\nbreak", "", None])
def test_a_value_no_header_can_carry_is_refused_and_a_secret_is_not_shown(value):
    with pytest.raises(KoreInputError, match="stream_id must be printable ASCII") as caught:
        header_value("stream_id", value)
    with pytest.raises(KoreInputError) as hidden:
        header_value("jwt", value, secret=True)
    assert value is None or not value or value not in str(hidden.value)
    assert caught.value is not None


def test_a_route_quotes_each_segment_and_names_itself_from_where_messages_start():
    route = Route("v2", ("campaign", "contactList", "a/b"), shown_from=1)
    assert route.path == "/campaign/contactList/a%2Fb" and route.shown == "contactList/a/b"
    assert route.account_query and not Route("v1.1", ("x",), account_query=False).account_query


def test_an_empty_segment_is_one_kore_prints_never_a_value():
    route = Route("v2", ("campaign", Route.EMPTY, "trigger", "cd-1"))
    assert route.path == "/campaign//trigger/cd-1" and route.shown == "campaign//trigger/cd-1"
    with pytest.raises(KoreInputError):
        Route("v2", ("campaign", "", "trigger")).path  # pylint: disable=expression-not-assigned
