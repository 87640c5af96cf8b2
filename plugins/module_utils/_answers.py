# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Kore's answers, and a request's failures, mapped to the few errors of ``_errors.py``, in words a user can act on.

Kore documents no error answer: every status and body is read defensively, secrets are redacted before a detail
is cut short, and whether a failed write may still have been carried out is kept on the error.
"""

from __future__ import annotations

import re

try:
    import requests
    from urllib3.exceptions import ConnectTimeoutError, NewConnectionError, ReadTimeoutError
except ImportError:  # reported by the module through missing_required_lib
    requests = None
    ConnectTimeoutError = NewConnectionError = ReadTimeoutError = ()

from ansible_collections.kore.ai.plugins.module_utils._errors import (
    WRITES,
    KoreAuthError,
    KoreNotFoundError,
    KoreProtocolError,
    KoreRateLimitError,
    KoreRequestError,
    KoreServerError,
    KoreTransportError,
)

SUCCESS = 200             # the one success status Kore documents; any other 2xx is not understood
MAX_ERROR_TEXT = 300
MAY_HAVE_APPLIED = "; Kore may have carried the request out: run the task again to see where things stand"


class Sent(object):
    """One request as the messages about it name it (``GET <path>/<id> (bot ..., account ... at ...)``), with
    what they say of it: the retries it was given, its timeout, and the client's ``redact``. ``client`` is the
    client's own description: its bot, account and host."""

    def __init__(self, method, shown, client, *, retries, timeout, redact):
        self.method, self.shown = method, "%s %s" % (method, shown)
        self.where = "%s (%s)" % (self.shown, client)
        self.retries, self.timeout, self.redact = retries, timeout, redact


def status_error(sent, response, body, text):
    """The error for an answer that is not Kore's documented success."""
    status, method, where = response.status_code, sent.method, sent.where
    # Redact before shortening: a cut-off secret would no longer match.
    detail = _shorten(sent.redact(_error_detail(body, text)))
    if 300 <= status < 400:
        return KoreProtocolError("%s was redirected (HTTP %d to %s); set host to the API's own URL"
                                 % (where, status, response.headers.get("Location", "?")), status, method)
    if status in (401, 403) or kore_code(body) == 4002:
        error = KoreAuthError("Kore refused the credentials for %s: HTTP %d %s. Check jwt, or client_id and "
                              "client_secret, and that the app has the Campaign Management scope"
                              % (where, status, detail), status, method)
        error.token_refused = status == 401 or kore_code(body) == 4002
        return error
    if status == 404:
        return KoreNotFoundError("%s answered 404 Not Found: %s" % (where, detail), status, method)
    if status == 429:
        return KoreRateLimitError("Kore's rate limit was still reached for %s after %d retries: %s"
                                  % (where, sent.retries, detail), status, method)
    if status >= 500:
        return KoreServerError("Kore answered HTTP %d for %s after %d retries: %s"
                               % (status, where, sent.retries, detail), status, method)
    if 400 <= status < 500:
        return KoreRequestError("Kore refused %s: HTTP %d %s" % (where, status, detail), status, method)
    if 200 <= status < 300 and status != SUCCESS:
        return KoreProtocolError("%s answered HTTP %d, not the %d Kore documents for success, so the answer is "
                                 "not acted on%s: %s" % (where, status, SUCCESS,
                                                         MAY_HAVE_APPLIED if method in WRITES else "", detail),
                                 status, method)
    return KoreProtocolError("%s answered HTTP %d with a body that is not Kore's JSON envelope: %s"
                             % (where, status, detail), status, method)


def transport_error(sent, exc):
    """The error for a request that got no usable HTTP answer."""
    where, method, cause = sent.where, sent.method, _root_cause(exc)
    if isinstance(exc, requests.exceptions.SSLError):
        reason = ("TLS verification failed (%s); for a private CA set ca_path, or validate_certs: false "
                  "(unsafe)" % _text(cause))
    elif isinstance(exc, requests.exceptions.ProxyError):
        reason = "the proxy failed: %s" % _text(cause)
    # After the last retry, requests wraps timeouts in ConnectionError: look at the cause too.
    elif isinstance(cause, NewConnectionError):  # a subclass of ConnectTimeoutError, but a refusal
        reason = "connection failed: %s" % _text(cause)
    elif isinstance(exc, requests.exceptions.ConnectTimeout) or isinstance(cause, ConnectTimeoutError):
        reason = "no connection within %s seconds" % sent.timeout
    elif isinstance(exc, requests.exceptions.Timeout) or isinstance(cause, ReadTimeoutError):
        reason = "no answer within %s seconds" % sent.timeout
    else:
        reason = "connection failed: %s" % _text(cause)
    error = KoreTransportError("Could not reach Kore for %s after %d retries: %s"
                               % (where, sent.retries, sent.redact(reason)), None, method)
    # Only a request that never left (no connection, no TLS) is sure not to have been applied.
    never_sent = isinstance(exc, (requests.exceptions.ConnectTimeout, requests.exceptions.SSLError)) or \
        isinstance(cause, (ConnectTimeoutError, NewConnectionError))
    error.earlier_attempt_may_have_applied = not never_sent
    return error


def readable_failure(sent, exc):
    """An answer requests itself cannot read, such as a Location header that is not UTF-8: it may have applied."""
    error = KoreProtocolError("%s got an answer that cannot be read: %s"
                              % (sent.where, _shorten(sent.redact(_text(exc)))), None, sent.method)
    error.earlier_attempt_may_have_applied = True
    return error


def earlier_attempt_may_have_applied(history):
    """True when urllib3 retried after a failure that the server may have acted on (not a refusal)."""
    for attempt in history:
        if attempt.status == 429:
            continue
        if attempt.error is not None and isinstance(attempt.error, (ConnectTimeoutError, NewConnectionError)):
            continue
        return True
    return False


def kore_code(body):
    if isinstance(body, dict):
        if isinstance(body.get("errors"), list) and body["errors"] and isinstance(body["errors"][0], dict):
            return body["errors"][0].get("code")
        return body.get("code")
    return None


def _error_detail(body, text):
    """Kore's own words when its body has them (``errors[].msg``, ``msg``, ``message``), else the raw text."""
    if isinstance(body, dict):
        errors = body.get("errors")
        if isinstance(errors, list) and errors:
            return "; ".join(str(e.get("msg") or e.get("message") or e) if isinstance(e, dict) else str(e)
                             for e in errors)
        for key in ("msg", "message"):
            if body.get(key):
                return str(body[key])
    return " ".join((text or "").split()) or "(empty body)"


def _shorten(text):
    return (text[:MAX_ERROR_TEXT] + "...") if len(text) > MAX_ERROR_TEXT else text


def _root_cause(exc):
    """The innermost exception behind the wrappers requests and urllib3 add."""
    seen = exc
    while True:
        inner = getattr(seen, "reason", None) or (seen.args[0] if getattr(seen, "args", None) else None)
        if not isinstance(inner, BaseException) or inner is seen:
            return seen
        seen = inner


def _text(exc):
    # urllib3 puts "<object at 0x...>: " before the useful part
    return re.sub(r"^<[^>]+>: ", "", str(exc))
