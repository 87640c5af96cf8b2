# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Wire client for Kore's contact-list API: one urllib3 pool, retries, and answers mapped to errors.

Knows URLs, headers and status codes; knows nothing of what a contact list is. urllib3 does the pooling, TLS,
timeouts and retries (with ``Retry-After``); requests would add nothing this client uses but about 40 ms of
imports to every task (cookies, character-set detection, IDNA).
"""

from __future__ import annotations

import json as json_codec
import re
from urllib.parse import quote, urlencode, urlsplit

try:
    import urllib3
    from urllib3.exceptions import (
        ConnectTimeoutError,
        HTTPError,
        MaxRetryError,
        NewConnectionError,
        ProxyError,
        ReadTimeoutError,
        SSLError,
    )
    from urllib3.util.retry import Retry
except ImportError:  # reported by the module through missing_required_lib
    urllib3 = None
    Retry = object

from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreAuthError,
    KoreError,
    KoreInputError,
    KoreNotFoundError,
    KoreProtocolError,
    KoreRateLimitError,
    KoreRequestError,
    KoreServerError,
    KoreTransportError,
)
from ansible_collections.kore.ai.plugins.module_utils._pool import pool_for

USER_AGENT = "kore.ai-ansible-collection"
RETRY_STATUSES = (429, 502, 503, 504)
BACKOFF_FACTOR = 0.5      # urllib3 waits 0, 1, 2, 4 ... seconds between attempts
BACKOFF_MAX = 30
RETRY_AFTER_MAX = 60      # a server asking for longer still gets a bounded wait
MAX_ERROR_TEXT = 300
_FORBIDDEN_IN_HOST = re.compile(r"[\s\\]")


class KoreRetry(Retry):
    """urllib3's Retry, with POST repeated only after a 429: any other failure may have created the list.

    With a :class:`~._pacer.Pacer`, a 429 pauses every client sharing it, and each repeat waits its turn.
    """

    pacer = None

    def new(self, **kw):
        retry = super().new(**kw)
        retry.pacer = self.pacer
        return retry

    def sleep(self, response=None):
        if self.pacer is None:
            return super().sleep(response)
        if response is not None and response.status == 429:
            self.pacer.slow_down(self.get_retry_after(response))
        else:
            self._sleep_backoff()
        self.pacer.wait_turn()
        return None

    def is_retry(self, method, status_code, has_retry_after=False):
        if method and method.upper() == "POST":
            return status_code == 429 and bool(self.total)
        return super().is_retry(method, status_code, has_retry_after)

    def parse_retry_after(self, retry_after):
        return min(super().parse_retry_after(retry_after), RETRY_AFTER_MAX)

    def get_backoff_time(self):
        # urllib3 1.26 and 2.x cap backoff differently (class attribute vs. argument): cap it here for both.
        return min(super().get_backoff_time(), BACKOFF_MAX)


def base_url(host):
    """``https://platform.kore.ai``, ``platform.kore.ai`` or ``http://127.0.0.1:8080`` -> ``scheme://host[:port]``."""
    if not isinstance(host, str) or not host.strip():
        raise KoreInputError("host must be a host name or an http(s) URL, got an empty value")
    if _FORBIDDEN_IN_HOST.search(host):
        raise KoreInputError("host %r contains white space or a backslash" % host)
    url = host if "://" in host else "https://" + host
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise KoreInputError("host %r is not a valid URL: %s" % (host, exc))
    if parts.scheme not in ("http", "https"):
        raise KoreInputError("host %r: only http and https URLs are supported" % host)
    if not parts.hostname:
        raise KoreInputError("host %r has no host name" % host)
    if parts.username is not None or parts.password is not None:
        raise KoreInputError("host must not carry user:password@; authenticate with jwt or client_id/client_secret")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise KoreInputError(
            "host %r must be only scheme, host name and port, without a path, query or fragment" % host)
    netloc = parts.hostname if ":" not in parts.hostname else "[%s]" % parts.hostname
    return "%s://%s%s" % (parts.scheme, netloc, "" if port is None else ":%d" % port)


def path_segment(value):
    """Quote a value so that it stays one path segment, whatever it holds (``/``, ``..``, ``?``, ``%2F``)."""
    if not isinstance(value, str) or value == "":
        raise KoreInputError("an id used in a URL must be a non-empty string")
    # quote() keeps '.', and URL libraries collapse '.' and '..' segments: encode dots as well.
    return quote(value, safe="").replace(".", "%2E")


class Answer(object):
    """A successful answer: the decoded JSON envelope, and whether an earlier attempt may have reached Kore."""

    def __init__(self, body, earlier_attempt_may_have_applied):
        self.body = body
        self.data = body.get("data")
        self.earlier_attempt_may_have_applied = earlier_attempt_may_have_applied


class KoreClient(object):
    """HTTP access to ``{host}/campaign/api/v2/public/{streamId}/campaign/contactList`` for one bot and account."""

    def __init__(self, host, stream_id, account_id, token, iid=None, validate_certs=True, ca_path=None,
                 timeout=30, retries=3, secrets=(), pacer=None):
        self._options = dict(host=host, stream_id=stream_id, account_id=account_id, token=token, iid=iid,
                             validate_certs=validate_certs, ca_path=ca_path, timeout=timeout, retries=retries,
                             secrets=secrets, pacer=pacer)
        self.pacer = pacer
        self.base = base_url(host)
        self.stream_id = stream_id
        self.account_id = account_id
        self.token = token
        self.timeout = timeout
        self.retries = retries
        self._timeouts = urllib3.Timeout(connect=timeout, read=timeout)
        self.root = "%s/campaign/api/v2/public/%s/campaign/contactList" % (self.base, path_segment(stream_id))
        self.pool, proxy_password = pool_for(self.base, validate_certs, ca_path)
        self._secrets = [s for s in tuple(secrets) + (token, proxy_password) if s]
        self.headers = {
            "auth": token,
            "iid": iid or stream_id,
            "accountId": account_id,
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
        }
        self.retry = KoreRetry(total=retries, connect=retries, read=retries, status=retries, other=0, redirect=0,
                               status_forcelist=RETRY_STATUSES, backoff_factor=BACKOFF_FACTOR,
                               raise_on_status=False, raise_on_redirect=False,
                               respect_retry_after_header=True)
        self.retry.pacer = pacer

    def clone(self, pacer=None):
        """A client like this one with a pool of its own (one per thread)."""
        options = dict(self._options)
        if pacer is not None:
            options["pacer"] = pacer
        return KoreClient(**options)

    def describe(self):
        return "bot %s, account %s at %s" % (self.stream_id, self.account_id, self.base)

    def request(self, method, segments=(), json=None, query=None):
        """Send one request (retried per policy) and return an :class:`Answer`, or raise a KoreError."""
        path = "/".join(path_segment(s) for s in segments)
        params = {"accountId": self.account_id}
        params.update(query or {})
        url = "%s%s?%s" % (self.root, "/" + path if path else "", urlencode(params))
        shown = "%s %s" % (method, "contactList/" + "/".join(segments) if segments else "contactList")
        headers, body = self.headers, None
        if json is not None:
            headers = dict(self.headers, **{"Content-Type": "application/json"})
            body = json_codec.dumps(json).encode("utf-8")
        if self.pacer is not None:
            self.pacer.wait_turn()
        try:
            response = self.pool.request(method, url, body=body, headers=headers, retries=self.retry,
                                         redirect=False, timeout=self._timeouts)
        except HTTPError as exc:
            raise self._transport_error(exc, method, shown)
        may_have_applied = _earlier_attempt_may_have_applied(response)
        text = response.data.decode("utf-8", "replace")
        try:
            body = json_codec.loads(text)
        except ValueError:
            body = None
        if 200 <= response.status < 300 and isinstance(body, dict) and not body.get("errors"):
            return Answer(body, may_have_applied)
        error = self._status_error(response, body, text, method, shown)
        error.earlier_attempt_may_have_applied = may_have_applied
        raise error

    def redact(self, text):
        for secret in self._secrets:
            text = text.replace(secret, "********")
        return text

    def _status_error(self, response, body, text, method, shown):
        status = response.status
        # Redact before shortening: a cut-off secret would no longer match.
        detail = _shorten(self.redact(_error_detail(body, text)))
        where = "%s (%s)" % (shown, self.describe())
        if 300 <= status < 400:
            return KoreProtocolError("%s was redirected (HTTP %d to %s); set host to the API's own URL"
                                     % (where, status, response.headers.get("Location", "?")), status, method)
        if status in (401, 403) or _kore_code(body) == 4002:
            return KoreAuthError("Kore refused the credentials for %s: HTTP %d %s. Check jwt, or client_id and "
                                 "client_secret, and that the app has the Campaign Management scope"
                                 % (where, status, detail), status, method)
        if status == 404:
            return KoreNotFoundError("%s answered 404 Not Found: %s" % (where, detail), status, method)
        if status == 429:
            return KoreRateLimitError("Kore's rate limit was still reached for %s after %d retries: %s"
                                      % (where, self.retries, detail), status, method)
        if status >= 500:
            return KoreServerError("Kore answered HTTP %d for %s after %d retries: %s"
                                   % (status, where, self.retries, detail), status, method)
        if 400 <= status < 500:
            return KoreRequestError("Kore refused %s: HTTP %d %s" % (where, status, detail), status, method)
        return KoreProtocolError("%s answered HTTP %d with a body that is not Kore's JSON envelope: %s"
                                 % (where, status, detail), status, method)

    def _transport_error(self, exc, method, shown):
        where = "%s (%s)" % (shown, self.describe())
        # Retries used up end in MaxRetryError; a failure that is not retried (a cut answer to a POST) comes bare.
        cause = exc.reason if isinstance(exc, MaxRetryError) and exc.reason is not None else exc
        if isinstance(cause, SSLError):
            reason = ("TLS verification failed (%s); for a private CA set ca_path, or validate_certs: false "
                      "(unsafe)" % _text(_root_cause(cause)))
        elif isinstance(cause, ProxyError):
            reason = "the proxy failed: %s" % _text(_root_cause(cause))
        elif isinstance(cause, NewConnectionError):  # a subclass of ConnectTimeoutError, but a refusal
            reason = "connection failed: %s" % _text(cause)
        elif isinstance(cause, ConnectTimeoutError):
            reason = "no connection within %s seconds" % self.timeout
        elif isinstance(cause, ReadTimeoutError):
            reason = "no answer within %s seconds" % self.timeout
        else:
            reason = "connection failed: %s" % _text(_root_cause(cause))
        error = KoreTransportError("Could not reach Kore for %s after %d retries: %s"
                                   % (where, self.retries, self.redact(reason)), None, method)
        # Only a request that never left (no connection, no TLS) is sure not to have been applied.
        error.earlier_attempt_may_have_applied = not isinstance(cause, (ConnectTimeoutError, SSLError))
        return error


def _earlier_attempt_may_have_applied(response):
    """True when urllib3 retried after a failure that the server may have acted on (not a refusal)."""
    retries = getattr(response, "retries", None)
    for attempt in getattr(retries, "history", ()) or ():
        if attempt.status == 429:
            continue
        if attempt.error is not None and isinstance(attempt.error, (ConnectTimeoutError, NewConnectionError)):
            continue
        return True
    return False


def _kore_code(body):
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
    """The innermost exception behind the wrappers urllib3 adds."""
    seen = exc
    while True:
        inner = getattr(seen, "reason", None) or (seen.args[0] if getattr(seen, "args", None) else None)
        if not isinstance(inner, BaseException) or inner is seen:
            return seen
        seen = inner


def _text(exc):
    # urllib3 puts "<object at 0x...>: " before the useful part
    return re.sub(r"^<[^>]+>: ", "", str(exc))


__all__ = ["KoreClient", "KoreError", "Answer", "base_url", "path_segment"]
