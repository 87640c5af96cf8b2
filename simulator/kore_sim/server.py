# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The HTTP side: Kore's API families and authentication, faults, and a small /_sim/ control API. The calls
themselves are tables of routes: contact lists in ``list_calls.py``, campaigns in ``campaign_calls.py``."""

from __future__ import annotations

import json
import socket
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

import jwt

from kore_sim import campaign_calls, contacts, list_calls
from kore_sim.answers import BAD_CREDENTIALS, NOT_FOUND, RATE_LIMITED, bad_request
from kore_sim.campaigns import Campaigns, Refused
from kore_sim.faults import Faults
from kore_sim.store import Invalid, Store

PREFIX = ("campaign", "api", "v2", "public")
V1_ADD = ("api", "1.1", "public", None, "campaign", "contactList", "addContacts")  # None: the iid
# the voice trigger path as Kore prints it: no /campaign before /api
VOICE_TRIGGER = ("api", "v2", "public", None, "campaign", "trigger", None)  # None: the stream, the campaign


class Tenant(object):
    """One account with two bots (a QA bot and a fresh one, ``second_stream_id``, to restore into) and one app
    allowed to call their Campaign Management API."""

    second_stream_id = "st-0a1b2c3d-1111-2222-3333-777788889999"

    def __init__(self, account_id="5f0e1d2c3b4a596877665544", stream_id="st-0a1b2c3d-1111-2222-3333-444455556666",
                 client_id="cs-0a1b2c3d-aaaa-bbbb-cccc-ddddeeeeffff", client_secret="simulator-only-secret-0123456789abcdef"):
        self.account_id = account_id
        self.stream_id = stream_id
        self.client_id = client_id
        self.client_secret = client_secret


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "KoreSimulator/1"
    # Headers and body go out in two writes: with Nagle's algorithm the body waits for the client's delayed
    # ACK (about 40 ms on Linux) on every reused connection, a stall no real server adds.
    disable_nagle_algorithm = True
    sim = None  # set per server class

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        if self.sim.verbose:
            super().log_message(format, *args)

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def do_PUT(self):
        self.handle_any("PUT")

    def do_DELETE(self):
        self.handle_any("DELETE")

    def handle_any(self, method):
        url = urlsplit(self.path)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if url.path.startswith("/_sim/"):
            return self.send_json(*self.sim.control(method, url.path[len("/_sim/"):], raw))
        entry = self.sim.record(method, url, self.headers, raw)
        self.sim.pause()
        fault = self.sim.faults.take(method, url.path) or (self.sim.chaos and self.sim.chaos.draw(method))
        if fault:
            fault.wait()
        if fault and fault.kind in ("cut", "hang"):
            time.sleep(fault.seconds if fault.kind == "hang" else 0)
            return self.cut(entry)
        if fault and fault.kind == "status":
            return self.send_fault(fault, entry)
        limited = self.sim.rate_limited()
        status, body = (429, RATE_LIMITED) if limited else self.sim.api(method, url, self.headers, raw, fault)
        if fault:
            fault.before_sending()
        if limited:
            return self.send_json(status, body, {"Retry-After": str(limited)}, entry)
        if fault and fault.kind == "cut_after_commit":
            return self.cut(entry)
        if fault and fault.kind == "status_after_commit":
            return self.send_fault(fault, entry)
        return self.send_json(status, body, {}, entry)

    def send_fault(self, fault, entry):
        headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
        body = fault.body if fault.body is not None else (
            RATE_LIMITED if fault.status == 429 else {"errors": [{"msg": "Service unavailable",
                                                                  "code": fault.status}]})
        if fault.echo_headers:
            body = {"errors": [{"msg": "upstream error for request %s" % dict(self.headers.items()),
                                "code": fault.status}]}
        return self.send_json(fault.status, body, headers, entry)

    def cut(self, entry):
        entry["status"] = "cut"
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def send_json(self, status, body, headers=None, entry=None):
        if entry is not None:
            entry["status"] = status
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)


def serve_in_background(httpd, name=None):
    """Serve ``httpd`` on a daemon thread (returned) that ``httpd.shutdown()`` stops within 50 ms.

    shutdown() waits for serve_forever to look up: every half second by default, a pause at the end of each test.
    """
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name=name, daemon=True)
    thread.start()
    return thread


class Simulator(object):
    """Start with ``Simulator().start()`` (or as a context manager); ``url`` and ``env()`` say how to reach it."""

    def __init__(self, host="127.0.0.1", port=0, tenant=None, latency=0.0, rate_limit=None, tls=None,
                 verbose=False, chaos=None, add_delay=0.0, max_page=100, max_add_batch=100, token_max_age=None,
                 rate_window=60.0):
        self.tenant = tenant or Tenant()
        self.store = Store()
        self.campaigns = Campaigns(self.store)
        self.faults = Faults()
        self.latency = latency          # seconds added to every API request
        self.rate_limit = rate_limit    # API requests per rate_window, None for no limit
        # Kore limits per 60 seconds; tests may shorten the window (and the Retry-After it gives) to stay fast
        self.rate_window = rate_window
        self.chaos = chaos              # a faults.Chaos, or None
        self.add_delay = add_delay      # seconds before an accepted addContacts shows in getAllContacts
        self.max_page = max_page        # contacts per getAllContacts page at most, whatever limit asks
        self.refuse_larger_page = False  # True: a larger limit is refused (400 naming max_page), not cut down
        self.max_add_batch = max_add_batch  # contacts per addContacts at most (400 beyond)
        # seconds after its iat that a token is refused (401), whatever its exp: Kore documents no lifetime, and
        # tests of long tasks need tokens that die within seconds. None: only exp counts.
        self.token_max_age = token_max_age
        self.verbose = verbose
        self.requests = []
        self._window = []
        self._lock = threading.Lock()
        self._accepted = {}             # token -> its exp: a token is checked once, not on every request
        self._revoked = set()           # tokens refused from now on, whatever their age (revoke)
        handler = type("BoundHandler", (Handler,), {"sim": self})
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self.scheme = "http"
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
            self.scheme = "https"
        self.thread = None

    @property
    def url(self):
        host, port = self.httpd.server_address[:2]
        return "%s://%s:%d" % (self.scheme, host, port)

    def env(self):
        """The KORE_* variables that point the collection's modules at this simulator."""
        return {"KORE_HOST": self.url, "KORE_STREAM_ID": self.tenant.stream_id,
                "KORE_ACCOUNT_ID": self.tenant.account_id, "KORE_CLIENT_ID": self.tenant.client_id,
                "KORE_CLIENT_SECRET": self.tenant.client_secret}

    def start(self):
        self.thread = serve_in_background(self.httpd, name="kore-sim")
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def reset(self):
        self.token_max_age = None
        self.store.reset()
        self.campaigns.clear()
        self.faults.clear()
        self._accepted.clear()
        self._revoked.clear()
        with self._lock:
            del self.requests[:]
            del self._window[:]

    def seed(self, name, description="", **extra):
        return self.store.seed(self.tenant.stream_id, self.tenant.account_id, name, description, **extra)

    def seed_contacts(self, list_id, data):
        """Put contacts in a list at once (as Kore would, duplicates policy included)."""
        contacts.apply(self.store, self.tenant.stream_id, list_id, data)

    def contacts_of(self, list_id):
        with self.store.lock:
            return [dict(c) for c in self.store.contacts.get(list_id, [])]

    def phone_numbers(self, list_id):
        """The phone numbers the list holds, sorted: what most tests compare."""
        return sorted(c["phoneNumber"] for c in self.contacts_of(list_id))

    # ---- request handling -------------------------------------------------------------------------------

    def record(self, method, url, headers, raw):
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        entry = {"at": time.monotonic(), "method": method, "path": url.path, "query": parse_qs(url.query),
                 "headers": {k: headers.get(k) for k in ("iid", "accountId", "Content-Type")},
                 "auth": self.auth_problem(headers.get("auth")) or "valid", "body": body, "status": None}
        with self._lock:
            self.requests.append(entry)
        return entry

    def pause(self):
        if self.latency:
            time.sleep(self.latency)

    def rate_limited(self):
        """Seconds to wait (Retry-After) when the limit of the window is reached, else 0."""
        if not self.rate_limit:
            return 0
        with self._lock:
            clock = time.monotonic()
            self._window = [t for t in self._window if clock - t < self.rate_window]
            if len(self._window) >= self.rate_limit:
                return max(1, int(self.rate_window - (clock - self._window[0])) + 1)
            self._window.append(clock)
        return 0

    def revoke(self, token):
        """Refuse ``token`` (401) from now on, as Kore would a revoked or expired token."""
        self._revoked.add(token)

    def auth_problem(self, token):
        """None when the token is one Kore would accept, else why not (kept in the request log only)."""
        if not token:
            return "missing"
        if token in self._revoked:
            return "revoked"
        expires = self._accepted.get(token)
        if expires is not None and (expires is True or time.time() < expires):
            return None
        problem = self._check_token(token)
        if problem is None:
            claims = jwt.decode(token, options={"verify_signature": False})
            limits = [t for t in (claims.get("exp"), self._max_age_end(claims)) if t is not None]
            self._accepted[token] = min(limits) if limits else True
            if time.time() >= self._accepted[token]:
                return "too old"
        return problem

    def _max_age_end(self, claims):
        if self.token_max_age is None:
            return None
        issued = claims.get("iat")
        # a token without iat cannot show its age: it counts as issued long ago
        return issued + self.token_max_age if isinstance(issued, (int, float)) else 0

    def _check_token(self, token):
        try:
            claims = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError:
            return "malformed"
        if claims.get("appId") != self.tenant.client_id:
            return "unknown appId"
        try:
            jwt.decode(token, self.tenant.client_secret, algorithms=["HS256"])
        except jwt.ExpiredSignatureError:
            return "expired"
        except jwt.PyJWTError:
            return "bad signature"
        return None

    def api(self, method, url, headers, raw, fault=None):
        segments = [unquote(s) for s in url.path.split("/")[1:]]
        v1 = len(segments) == len(V1_ADD) and all(s == w for s, w in zip(segments, V1_ADD) if w is not None)
        trigger = len(segments) == len(VOICE_TRIGGER) and method == "POST" and all(
            s == w for s, w in zip(segments, VOICE_TRIGGER) if w is not None)
        v2 = tuple(segments[:4]) == PREFIX and len(segments) >= 6 and segments[5] == "campaign"
        if not (v1 and method == "POST") and not v2 and not trigger:
            return 404, NOT_FOUND
        if self.auth_problem(headers.get("auth")):
            return 401, BAD_CREDENTIALS
        query = parse_qs(url.query)
        account_header = headers.get("accountId")
        # the v1.1 add sends accountId as a header only
        account_query = account_header if v1 else (query.get("accountId") or [None])[0]
        if not account_header or not account_query or not headers.get("iid"):
            return bad_request("accountId (header and query) and iid are required")
        stream = segments[3 if v1 or trigger else 4]
        # Kore documents nothing here; a wrong account or bot answers like a missing list.
        if account_header != self.tenant.account_id or account_query != account_header:
            return 404, NOT_FOUND
        if stream not in (self.tenant.stream_id, self.tenant.second_stream_id) or headers.get("iid") != stream:
            return 404, NOT_FOUND
        body = None
        if method in ("POST", "PUT"):
            if "json" not in (headers.get("Content-Type") or ""):
                return bad_request("Content-Type must be application/json")
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                return bad_request("body is not JSON")
            if not isinstance(body, dict):
                return bad_request("body must be a JSON object")
        try:
            if v1:
                return self.add_contacts(stream, body, fault)
            if trigger:
                return campaign_calls.trigger(self.campaigns, stream, segments[6], query, "voice")
            if len(segments) >= 7 and segments[6] == "contactList":
                return list_calls.ROUTES.answer(self, method, stream, segments[7:], query, body)
            return campaign_calls.route(self.campaigns, method, stream, segments[6:], query, body)
        except (Invalid, Refused) as exc:
            return bad_request(str(exc))

    def add_contacts(self, stream, body, fault):
        """addContacts: Kore answers at once, without its envelope, and adds later (``add_delay``)."""
        name, data = contacts.check_add(body, self.max_add_batch)
        list_id = contacts.list_named(self.store, stream, name)
        if list_id is None:
            return 404, NOT_FOUND
        if fault is not None and fault.kind == "drop_contacts":
            data = data[:max(0, len(data) - fault.count)]
        contacts.add_later(self.store, stream, list_id, data, self.add_delay)
        return 200, contacts.IN_PROGRESS

    def seed_campaign(self, name, contact_lists, kind="voice", status="Ready", **extra):
        """Put a campaign in place directly, using the lists named ``contact_lists``."""
        body = dict(extra, name=name, contactLists=list(contact_lists))
        return self.campaigns.seed(self.tenant.stream_id, kind, body, status)

    # ---- /_sim/ control API (not part of Kore's) ---------------------------------------------------------

    def control(self, method, what, raw):
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            return bad_request("control body is not JSON")
        if what == "lists" and method == "GET":
            return 200, self.store.all_records().get(self.tenant.stream_id, {})
        if what == "lists" and method == "POST":
            return 200, self.seed(**body)
        if what == "requests" and method == "GET":
            with self._lock:
                return 200, list(self.requests)
        if what == "faults" and method == "POST":
            try:
                self.faults.add(body.pop("kind", None), **body)
            except (TypeError, ValueError) as exc:
                return bad_request(str(exc))
            return 200, {"queued": True}
        if what == "reset" and method == "POST":
            self.reset()
            return 200, {"reset": True}
        return 404, NOT_FOUND
