# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Wire client for Kore's APIs: one requests session, retries, and answers mapped to errors.

Knows hosts, headers, API families and status codes; knows no resource: a resource's :class:`~._url.Route`
(``_resource.py``) says where a request goes. requests does the pooling, TLS, proxies (``HTTPS_PROXY``,
``NO_PROXY``) and CA lookup (``REQUESTS_CA_BUNDLE``); urllib3's ``Retry``, mounted through requests'
``HTTPAdapter``, does the retries and ``Retry-After``. ``_answers.py`` words every failure.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json as json_codec
import time

try:
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3 import disable_warnings
    from urllib3.exceptions import HTTPError, InsecureRequestWarning, InvalidHeader
    from urllib3.util.retry import Retry
except ImportError:  # reported by the module through missing_required_lib
    requests = None
    Retry = object

from ansible_collections.kore.ai.plugins.module_utils._answers import (
    SUCCESS,
    Sent,
    earlier_attempt_may_have_applied,
    readable_failure,
    status_error,
    transport_error,
)
from ansible_collections.kore.ai.plugins.module_utils._auth import GivenToken
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    WRITES,
    KoreAbandonedError,
    KoreAuthError,
    KoreError,
    KoreInputError,
    KoreServerError,
    KoreTransportError,
)
from ansible_collections.kore.ai.plugins.module_utils._retry_log import RetryLog
from ansible_collections.kore.ai.plugins.module_utils._url import base_url, header_value, path_segment, proxy_passwords

USER_AGENT = "kore.ai-ansible-collection"
RETRY_STATUSES = (429, 502, 503, 504)
BACKOFF_FACTOR = 0.5      # urllib3 waits 0, 1, 2, 4 ... seconds between attempts
BACKOFF_MAX = 30
RETRY_AFTER_MAX = 60      # a server asking for longer still gets a bounded wait
MAX_TIMEOUT = 3600        # beyond a socket's range some day; and nobody waits an hour for one answer


class KoreRetry(Retry):
    """urllib3's Retry, with POST repeated only after a 429: any other failure may have carried out the write (an
    item created twice).

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


class Answer(object):
    """A successful answer: the decoded JSON envelope, and whether an earlier attempt may have reached Kore."""

    def __init__(self, body, earlier_attempt_may_have_applied):
        self.body = body
        self.data = body.get("data")
        self.earlier_attempt_may_have_applied = earlier_attempt_may_have_applied


@dataclasses.dataclass(frozen=True)
class ClientOptions(object):
    """What a client is built from: where (host, bot, account, iid), with what token (a ready one, or a source of
    tokens shared with clones, ``_auth.py``), how (TLS, timeout, retries), what never to show (``secrets``), and
    what a task's clients share (the pacer, the retry log, ``still_wanted``: asked before each request, False once
    nobody waits for the task's answer any more, so that a module process left running sends nothing more, above
    all no DELETE)."""

    host: str
    stream_id: str
    account_id: str
    token: object
    iid: str = None
    validate_certs: bool = True
    ca_path: str = None
    timeout: float = 30
    retries: int = 3
    secrets: tuple = ()
    pacer: object = None
    retry_log: object = None
    still_wanted: object = None


class KoreClient(object):
    """HTTP access to ``{host}/campaign/api/v2/public/{streamId}/...`` for one bot and account: what is asked of it
    (paths, bodies) is the resources' business, the answers are mapped to :mod:`._errors` here."""

    def __init__(self, options):
        if options.retry_log is None:  # clones share the retry log: a task's workers are told to the user as one
            options = dataclasses.replace(options, retry_log=RetryLog())
        self.options = options
        self.pacer, self.still_wanted, self.retry_log = options.pacer, options.still_wanted, options.retry_log
        self.stream_id, self.account_id = options.stream_id, options.account_id
        self.timeout, self.retries = options.timeout, options.retries
        self.base = base_url(options.host)
        iid = options.iid or options.stream_id
        for option, value in (("stream_id", options.stream_id), ("account_id", options.account_id), ("iid", iid)):
            header_value(option, value)
        self.tokens = GivenToken(options.token) if isinstance(options.token, str) else options.token
        header_value("jwt", self.tokens.current(), secret=True)
        if not 0 < options.timeout <= MAX_TIMEOUT:
            raise KoreInputError("timeout must be a positive number of seconds, at most %d, got %r"
                                 % (MAX_TIMEOUT, options.timeout))
        # Kore's API families: the v2 API is keyed by the bot (stream), the older v1.1 one by the app id
        self.roots = {"v2": "%s/campaign/api/v2/public/%s" % (self.base, path_segment(options.stream_id)),
                      "v2-trigger": "%s/api/v2/public/%s" % (self.base, path_segment(options.stream_id)),
                      "v1.1": "%s/api/1.1/public/%s" % (self.base, path_segment(iid))}
        self.session, self.proxies, self.verify = self._session(options)
        self._secrets = [s for s in tuple(options.secrets) + proxy_passwords(self.proxies) if s]
        self.session.headers.update({
            "auth": self.tokens.current(),
            "iid": iid,
            "accountId": options.account_id,
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
        })

    @classmethod
    def of(cls, host, stream_id, account_id, token, **options):
        """``KoreClient(ClientOptions(host, stream_id, account_id, token, **options))``."""
        return cls(ClientOptions(host, stream_id, account_id, token, **options))

    def _session(self, options):
        """A session with the retry policy mounted, and the proxies and verification it uses."""
        verify = options.ca_path if (options.ca_path and options.validate_certs) else bool(options.validate_certs)
        if not options.validate_certs:
            # the user switched verification off on purpose: no warning on every request
            disable_warnings(InsecureRequestWarning)
        session = requests.Session()
        # what requests reads from the environment (HTTPS_PROXY and NO_PROXY, REQUESTS_CA_BUNDLE, which overrides
        # a True verify only), read once with its own rules: it scans os.environ again on every request (15 % of a
        # delete's own time in Ansible's worker), and a task's environment stays as it is while the task runs
        settings = session.merge_environment_settings(self.base + "/", {}, None, verify, None)
        session.trust_env = False
        retries = options.retries
        retry = KoreRetry(total=retries, connect=retries, read=retries, status=retries, other=0, redirect=0,
                          status_forcelist=RETRY_STATUSES, backoff_factor=BACKOFF_FACTOR,
                          raise_on_status=False, raise_on_redirect=False,
                          respect_retry_after_header=True)
        retry.pacer = options.pacer
        adapter = HTTPAdapter(max_retries=retry, pool_connections=1, pool_maxsize=1)
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        return session, settings["proxies"], settings["verify"]

    @property
    def secrets(self):
        """What no message may show: the credentials, every token sent, a proxy's password."""
        return tuple(self._secrets) + self.tokens.all()

    @property
    def token(self):
        return self.tokens.current()

    def clone(self, pacer=None):
        """A client like this one with a session of its own (sessions are not shared between threads)."""
        return KoreClient(self.options if pacer is None else dataclasses.replace(self.options, pacer=pacer))

    def describe(self):
        return "bot %s, account %s at %s" % (self.stream_id, self.account_id, self.base)

    def request(self, method, route, json=None, query=None, reads=False):
        """Send one request to ``route`` (a :class:`~._url.Route`), retried per policy, and return an
        :class:`Answer`, or raise a KoreError. An answer of the v1.1 API need not be wrapped in Kore's envelope:
        :attr:`Answer.data` is then None.

        ``reads``: a POST that only reads (Kore lists campaigns and tells their status with POST), repeated after
        a 5xx or a lost answer as a GET would be; urllib3 repeats a POST only after a 429.
        """
        attempt = 0
        while True:
            try:
                return self._request(method, route, json, query)
            except (KoreServerError, KoreTransportError):
                if not (reads and method == "POST") or attempt >= self.retries:
                    raise
            time.sleep(backoff(attempt))
            attempt += 1

    def _request(self, method, route, json, query):
        url = self.roots[route.api] + route.path
        params = {"accountId": self.account_id} if route.account_query else {}
        params.update(query or {})
        sent = Sent(method, route.shown, self.describe(), retries=self.retries, timeout=self.timeout,
                    redact=self.redact)
        if self.still_wanted is not None and not self.still_wanted():
            raise KoreAbandonedError("Ansible no longer waits for this task (its timeout passed, or the run was "
                                     "stopped), so %s and every request after it were not sent" % sent.shown)
        token = self.tokens.current()
        try:
            return self._send(url, params, json, sent, token)
        except KoreAuthError as exc:
            # a minted token Kore no longer takes is replaced, and the request sent again, once
            if not self.tokens.renew(token):
                raise self._token_refused(exc)
            refused = exc
        # what the refused attempt's retries may have done is not undone by the renewal: keep saying so
        earlier = refused.earlier_attempt_may_have_applied
        try:
            answer = self._send(url, params, json, sent, self.tokens.current())
        except KoreError as exc:
            exc.earlier_attempt_may_have_applied = exc.earlier_attempt_may_have_applied or earlier
            raise
        answer.earlier_attempt_may_have_applied = answer.earlier_attempt_may_have_applied or earlier
        return answer

    def _token_refused(self, exc):
        """A ready-made token that worked earlier in the task and no longer does: say so, and what renews.

        A 401 (or Kore's "Invalid SDK credentials") refuses the token; a 403 once the token was accepted refuses
        this request to it (the app's scope or permissions), which no expiry explains.
        """
        if not self.tokens.accepted:
            return exc
        if exc.token_refused:
            message = ("%s. Kore accepted the token given as jwt earlier in this task and now refuses it: it has "
                       "expired or was revoked. With client_id and client_secret instead of jwt, the collection "
                       "mints its own tokens and renews them")
        else:
            message = ("%s. Kore accepted the token given as jwt earlier in this task, so it refuses this request, "
                       "not the token: check that the app may make it (its Campaign Management scope and "
                       "permissions)")
        error = KoreAuthError(message % str(exc).rstrip("."), exc.status, exc.method)
        error.earlier_attempt_may_have_applied = exc.earlier_attempt_may_have_applied
        return error

    def _send(self, url, params, json, sent, token):
        method = sent.method
        self.session.headers["auth"] = token  # this client's own session: renewed tokens replace the one it had
        try:
            with self.pacer.turn() if self.pacer is not None else contextlib.nullcontext():
                response = self.session.request(method, url, params=params, json=json, timeout=self.timeout,
                                                allow_redirects=False, verify=self.verify,
                                                proxies=self.proxies)
        except requests.exceptions.RequestException as exc:
            raise transport_error(sent, exc)
        except (HTTPError, ValueError) as exc:
            raise readable_failure(sent, exc)
        history = getattr(getattr(response.raw, "retries", None), "history", ()) or ()
        self.retry_log.record(sent.shown, history)
        may_have_applied = earlier_attempt_may_have_applied(history)
        text = response.content.decode("utf-8", "replace")
        try:
            body = json_codec.loads(text)
        except ValueError:
            body = None
        if response.status_code == SUCCESS and isinstance(body, dict) and not body.get("errors"):
            self.tokens.accepted = True
            return Answer(body, may_have_applied)
        error = status_error(sent, response, body, text)
        # a write answered with another 2xx reached Kore, and nobody knows what it did
        error.earlier_attempt_may_have_applied = may_have_applied or (
            method in WRITES and 200 <= response.status_code < 300)
        raise error

    def redact(self, text):
        for secret in self.secrets:
            text = text.replace(secret, "********")
        return text


__all__ = ["KoreClient", "KoreError", "KoreInputError", "Answer", "backoff"]
