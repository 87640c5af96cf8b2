# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Wire client for Kore's contact-list API: one requests session, retries, and answers mapped to errors.

Knows URLs, headers and status codes; knows nothing of what a contact list is. requests does the pooling, TLS,
proxies (``HTTPS_PROXY``, ``NO_PROXY``) and CA lookup (``REQUESTS_CA_BUNDLE``); urllib3's ``Retry``, mounted
through requests' ``HTTPAdapter``, does the retries and ``Retry-After``.
"""

from __future__ import annotations

import json as json_codec
import re
from urllib.parse import quote, unquote, urlsplit

try:
    import requests
    from requests.adapters import HTTPAdapter
    from requests.utils import get_environ_proxies
    from urllib3 import disable_warnings
    from urllib3.exceptions import (
        ConnectTimeoutError,
        HTTPError,
        InsecureRequestWarning,
        InvalidHeader,
        NewConnectionError,
        ReadTimeoutError,
    )
    from urllib3.util.retry import Retry
except ImportError:  # reported by the module through missing_required_lib
    requests = None
    Retry = object

from ansible_collections.kore.ai.plugins.module_utils._auth import GivenToken
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreAbandonedError,
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
from ansible_collections.kore.ai.plugins.module_utils._retry_log import RetryLog

USER_AGENT = "kore.ai-ansible-collection"
RETRY_STATUSES = (429, 502, 503, 504)
SUCCESS = 200             # the one success status Kore documents; any other 2xx is not understood
WRITES = ("POST", "PUT", "DELETE")
BACKOFF_FACTOR = 0.5      # urllib3 waits 0, 1, 2, 4 ... seconds between attempts
BACKOFF_MAX = 30
RETRY_AFTER_MAX = 60      # a server asking for longer still gets a bounded wait
MAX_ERROR_TEXT = 300
MAX_TIMEOUT = 3600        # beyond a socket's range some day; and nobody waits an hour for one answer
_FORBIDDEN_IN_HOST = re.compile(r"[\s\\]")
_HOST_NAME = re.compile(r"^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.?)+\Z|^[0-9a-f:.]+\Z")  # DNS name, IPv4 or IPv6
_HEADER_VALUE = re.compile(r"^[\x21-\x7e]+\Z")  # printable ASCII, no spaces: what an HTTP header carries safely


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
        try:
            seconds = super().parse_retry_after(retry_after)
        except (InvalidHeader, ValueError, OverflowError):
            return None  # a Retry-After nobody can read: back off as if there were none
        return min(seconds, RETRY_AFTER_MAX)

    def get_backoff_time(self):
        # urllib3 1.26 and 2.x cap backoff differently (class attribute vs. argument): cap it here for both.
        return min(super().get_backoff_time(), BACKOFF_MAX)


def backoff(attempt):
    """Seconds before trying again what our own code repeats (a create, an add), as urllib3 spaces requests."""
    return min(BACKOFF_FACTOR * 2 ** attempt, BACKOFF_MAX)


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
    if not _HOST_NAME.match(parts.hostname) or (":" in parts.hostname) != parts.netloc.startswith("["):
        raise KoreInputError("host %r: %r is not a host name or IP address" % (host, parts.hostname))
    if parts.username is not None or parts.password is not None:
        raise KoreInputError("host must not carry user:password@; authenticate with jwt or client_id/client_secret")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise KoreInputError(
            "host %r must be only scheme, host name and port, without a path, query or fragment" % host)
    netloc = parts.hostname if ":" not in parts.hostname else "[%s]" % parts.hostname
    return "%s://%s%s" % (parts.scheme, netloc, "" if port is None else ":%d" % port)


def header_value(option, value, secret=False):
    """Refuse a value that could not travel as one HTTP header value (CR, LF, spaces, non-ASCII)."""
    if not isinstance(value, str) or not _HEADER_VALUE.match(value):
        raise KoreInputError("%s must be printable ASCII without spaces, since it is sent as an HTTP header%s"
                             % (option, "" if secret else ", got %r" % (value,)))
    return value


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

    def __init__(self, host, stream_id, account_id, token, *, iid=None, validate_certs=True, ca_path=None,
                 timeout=30, retries=3, secrets=(), pacer=None, retry_log=None, still_wanted=None):
        # clones share the retry log: a task's workers are told to the user as one
        retry_log = retry_log or RetryLog()
        self._options = dict(host=host, stream_id=stream_id, account_id=account_id, token=token, iid=iid,
                             validate_certs=validate_certs, ca_path=ca_path, timeout=timeout, retries=retries,
                             secrets=secrets, pacer=pacer, retry_log=retry_log, still_wanted=still_wanted)
        self.pacer = pacer
        # asked before each request: False once nobody waits for the task's answer any more (Ansible's timeout
        # ended it), so that a module process left running sends nothing more, above all no DELETE
        self.still_wanted = still_wanted
        self.retry_log = retry_log
        self.base = base_url(host)
        for option, value in (("stream_id", stream_id), ("account_id", account_id), ("iid", iid or stream_id)):
            header_value(option, value)
        # a ready token, or a source of tokens shared with clones (_auth.py): minted ones are renewed
        self.tokens = GivenToken(token) if isinstance(token, str) else token
        header_value("jwt", self.tokens.current(), secret=True)
        if not 0 < timeout <= MAX_TIMEOUT:
            raise KoreInputError("timeout must be a positive number of seconds, at most %d, got %r"
                                 % (MAX_TIMEOUT, timeout))
        self.stream_id = stream_id
        self.account_id = account_id
        self.timeout = timeout
        self.retries = retries
        self.root = "%s/campaign/api/v2/public/%s/campaign/contactList" % (self.base, path_segment(stream_id))
        # Kore adds contacts through an older API, keyed by the app id, without accountId in the query
        self.v1_root = "%s/api/1.1/public/%s/campaign/contactList" % (self.base, path_segment(iid or stream_id))
        # passed on each request: requests lets REQUESTS_CA_BUNDLE override a session's ca_path or False
        self.verify = ca_path if (ca_path and validate_certs) else bool(validate_certs)
        if not validate_certs:
            # the user switched verification off on purpose: no warning on every request
            disable_warnings(InsecureRequestWarning)
        self._secrets = [s for s in tuple(secrets) + proxy_passwords(self.base) if s]
        self.session = requests.Session()
        self.session.headers.update({
            "auth": self.tokens.current(),
            "iid": iid or stream_id,
            "accountId": account_id,
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
        })
        retry = KoreRetry(total=retries, connect=retries, read=retries, status=retries, other=0, redirect=0,
                          status_forcelist=RETRY_STATUSES, backoff_factor=BACKOFF_FACTOR,
                          raise_on_status=False, raise_on_redirect=False,
                          respect_retry_after_header=True)
        retry.pacer = pacer
        adapter = HTTPAdapter(max_retries=retry, pool_connections=1, pool_maxsize=1)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)

    @property
    def secrets(self):
        """What no message may show: the credentials, every token sent, a proxy's password."""
        return tuple(self._secrets) + self.tokens.all()

    @property
    def token(self):
        return self.tokens.current()

    def clone(self, pacer=None):
        """A client like this one with a session of its own (sessions are not shared between threads)."""
        options = dict(self._options)
        if pacer is not None:
            options["pacer"] = pacer
        return KoreClient(**options)

    def describe(self):
        return "bot %s, account %s at %s" % (self.stream_id, self.account_id, self.base)

    def request(self, method, segments=(), json=None, query=None, v1=False):
        """Send one request (retried per policy) and return an :class:`Answer`, or raise a KoreError.

        ``v1``: to the v1.1 API (``/api/1.1/public/{iid}/...``), whose answers need not be wrapped in Kore's
        envelope; :attr:`Answer.data` is then None.
        """
        path = "/".join(path_segment(s) for s in segments)
        url = (self.v1_root if v1 else self.root) + ("/" + path if path else "")
        params = {} if v1 else {"accountId": self.account_id}
        params.update(query or {})
        shown = "%s %s" % (method, "contactList/" + "/".join(segments) if segments else "contactList")
        if self.still_wanted is not None and not self.still_wanted():
            raise KoreAbandonedError("Ansible no longer waits for this task (its timeout passed, or the run was "
                                     "stopped), so %s and every request after it were not sent" % shown)
        token = self.tokens.current()
        try:
            return self._send(method, url, params, json, shown, token)
        except KoreAuthError as exc:
            # a minted token Kore no longer takes is replaced, and the request sent again, once
            if not self.tokens.renew(token):
                raise self._token_refused(exc)
        return self._send(method, url, params, json, shown, self.tokens.current())

    def _token_refused(self, exc):
        """A ready-made token that worked earlier in the task and no longer does: say so, and what renews."""
        if not self.tokens.accepted:
            return exc
        return KoreAuthError("%s. Kore accepted the token given as jwt earlier in this task and now refuses it: it "
                             "has expired or was revoked. With client_id and client_secret instead of jwt, the "
                             "collection mints its own tokens and renews them" % str(exc).rstrip("."),
                             exc.status, exc.method)

    def _send(self, method, url, params, json, shown, token):
        if self.pacer is not None:
            self.pacer.wait_turn()
        self.session.headers["auth"] = token  # this client's own session: renewed tokens replace the one it had
        try:
            response = self.session.request(method, url, params=params, json=json, timeout=self.timeout,
                                            allow_redirects=False, verify=self.verify)
        except requests.exceptions.RequestException as exc:
            raise self._transport_error(exc, method, shown)
        except (HTTPError, ValueError) as exc:
            # an answer requests itself cannot read, such as a Location header that is not UTF-8
            error = KoreProtocolError("%s (%s) got an answer that cannot be read: %s"
                                      % (shown, self.describe(), _shorten(self.redact(_text(exc)))), None, method)
            error.earlier_attempt_may_have_applied = True
            raise error
        history = getattr(getattr(response.raw, "retries", None), "history", ()) or ()
        self.retry_log.record(shown, history)
        may_have_applied = _earlier_attempt_may_have_applied(history)
        text = response.content.decode("utf-8", "replace")
        try:
            body = json_codec.loads(text)
        except ValueError:
            body = None
        if response.status_code == SUCCESS and isinstance(body, dict) and not body.get("errors"):
            self.tokens.accepted = True
            return Answer(body, may_have_applied)
        error = self._status_error(response, body, text, method, shown)
        # a write answered with another 2xx reached Kore, and nobody knows what it did
        error.earlier_attempt_may_have_applied = may_have_applied or (
            method in WRITES and 200 <= response.status_code < 300)
        raise error

    def redact(self, text):
        for secret in self.secrets:
            text = text.replace(secret, "********")
        return text

    def _status_error(self, response, body, text, method, shown):
        status = response.status_code
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
        if 200 <= status < 300 and status != SUCCESS:
            return KoreProtocolError("%s answered HTTP %d, not the %d Kore documents for success, so the answer is "
                                     "not acted on%s: %s" % (where, status, SUCCESS,
                                                             _MAY_HAVE_APPLIED if method in WRITES else "", detail),
                                     status, method)
        return KoreProtocolError("%s answered HTTP %d with a body that is not Kore's JSON envelope: %s"
                                 % (where, status, detail), status, method)

    def _transport_error(self, exc, method, shown):
        where = "%s (%s)" % (shown, self.describe())
        cause = _root_cause(exc)
        if isinstance(exc, requests.exceptions.SSLError):
            reason = ("TLS verification failed (%s); for a private CA set ca_path, or validate_certs: false "
                      "(unsafe)" % _text(cause))
        elif isinstance(exc, requests.exceptions.ProxyError):
            reason = "the proxy failed: %s" % _text(cause)
        # After the last retry, requests wraps timeouts in ConnectionError: look at the cause too.
        elif isinstance(cause, NewConnectionError):  # a subclass of ConnectTimeoutError, but a refusal
            reason = "connection failed: %s" % _text(cause)
        elif isinstance(exc, requests.exceptions.ConnectTimeout) or isinstance(cause, ConnectTimeoutError):
            reason = "no connection within %s seconds" % self.timeout
        elif isinstance(exc, requests.exceptions.Timeout) or isinstance(cause, ReadTimeoutError):
            reason = "no answer within %s seconds" % self.timeout
        else:
            reason = "connection failed: %s" % _text(cause)
        error = KoreTransportError("Could not reach Kore for %s after %d retries: %s"
                                   % (where, self.retries, self.redact(reason)), None, method)
        # Only a request that never left (no connection, no TLS) is sure not to have been applied.
        never_sent = isinstance(exc, (requests.exceptions.ConnectTimeout, requests.exceptions.SSLError)) or \
            isinstance(cause, (ConnectTimeoutError, NewConnectionError))
        error.earlier_attempt_may_have_applied = not never_sent
        return error


_MAY_HAVE_APPLIED = "; Kore may have carried the request out: run the task again to see where things stand"


def proxy_passwords(url):
    """Passwords of the proxies the environment names for ``url`` (``http://user:password@proxy``), to redact."""
    found = []
    for proxy in get_environ_proxies(url).values():
        try:
            password = urlsplit(proxy if "://" in proxy else "http://" + proxy).password
        except ValueError:
            continue
        if password:
            found += [password, unquote(password)]
    return tuple(found)


def _earlier_attempt_may_have_applied(history):
    """True when urllib3 retried after a failure that the server may have acted on (not a refusal)."""
    for attempt in history:
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


__all__ = ["KoreClient", "KoreError", "Answer", "base_url", "path_segment"]
