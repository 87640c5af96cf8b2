# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Kore's answers and a request's failures, mapped to errors a user can act on."""

from __future__ import annotations

import types

import pytest
from urllib3.util.retry import RequestHistory

from ansible_collections.kore.ai.plugins.module_utils._answers import (
    Sent,
    earlier_attempt_may_have_applied,
    kore_code,
    readable_failure,
    status_error,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreAuthError,
    KoreNotFoundError,
    KoreProtocolError,
    KoreRateLimitError,
    KoreRequestError,
    KoreServerError,
)


def sent(method="GET"):
    return Sent(method, "contactList/cl-1", "bot st-1, account a at https://h", retries=2, timeout=5,
                redact=lambda text: text.replace("s3cret", "********"))


def answered(status, headers=None):
    return types.SimpleNamespace(status_code=status, headers=headers or {})


@pytest.mark.parametrize("status, body, error, words", [
    (302, None, KoreProtocolError, "redirected (HTTP 302 to https://x)"),
    (401, None, KoreAuthError, "Kore refused the credentials"),
    (200, {"errors": [{"msg": "Invalid SDK credentials", "code": 4002}]}, KoreAuthError, "Invalid SDK credentials"),
    (404, None, KoreNotFoundError, "GET contactList/cl-1 (bot st-1, account a at https://h) answered 404"),
    (429, None, KoreRateLimitError, "after 2 retries"),
    (503, None, KoreServerError, "HTTP 503"),
    (409, {"msg": "in use s3cret"}, KoreRequestError, "HTTP 409 in use ********"),
    (205, None, KoreProtocolError, "not the 200 Kore documents"),
])
def test_each_answer_maps_to_one_error_naming_the_request(status, body, error, words):
    mapped = status_error(sent(), answered(status, {"Location": "https://x"}), body, "")
    assert mapped.__class__ is error and words in str(mapped) and "s3cret" not in str(mapped)


def test_a_403_refuses_the_request_and_a_401_or_kore_s_code_the_token():
    assert status_error(sent(), answered(403), None, "").token_refused is False
    assert status_error(sent(), answered(401), None, "").token_refused is True
    assert status_error(sent(), answered(403), {"code": 4002}, "").token_refused is True
    assert kore_code({"errors": [{"code": 7}]}) == 7 and kore_code("text") is None


def test_a_write_answered_with_another_2xx_says_kore_may_have_carried_it_out():
    assert "may have carried the request out" in str(status_error(sent("DELETE"), answered(202), None, ""))
    assert "may have carried" not in str(status_error(sent("GET"), answered(202), None, ""))


def test_an_unreadable_answer_may_have_applied():
    error = readable_failure(sent("DELETE"), ValueError("bad header s3cret"))
    assert error.earlier_attempt_may_have_applied and "********" in str(error)


def test_only_a_refusal_before_the_server_acted_is_not_an_attempt_that_may_have_applied():
    limited = RequestHistory("DELETE", "/", None, 429, None)
    failed = RequestHistory("DELETE", "/", None, 503, None)
    assert not earlier_attempt_may_have_applied((limited,))
    assert earlier_attempt_may_have_applied((limited, failed))
