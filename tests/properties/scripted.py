# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A tiny HTTP server that gives each request the next scripted answer, byte for byte, and logs what it got.

Answers may be anything a server, a proxy or a broken network could send: any status from 100 to 599, odd
headers, bodies cut short. Every answer closes the connection, so that one example cannot leak into the next.
Scripts can be keyed by the request's ``iid`` header, so that one server serves many playbook tasks at once.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from kore_sim.server import serve_in_background


class Answer(object):
    """One HTTP answer: ``status``, ``headers`` (name, value) pairs, ``body`` bytes, ``cut`` bytes missing at the end."""

    def __init__(self, status, headers=(), body=b"", cut=0):
        self.status, self.headers, self.body, self.cut = status, list(headers), body, cut

    @property
    def understood(self):
        """Kore's documented 200 with its JSON envelope: the only kind of answer a client may act on."""
        if self.status != 200 or self.cut:
            return False
        try:
            body = json.loads(self.body.decode("utf-8"))
        except ValueError:
            return False
        return isinstance(body, dict) and not body.get("errors")

    def json(self):
        return json.loads(self.body.decode("utf-8")) if self.understood else None

    def raw(self):
        head = ["HTTP/1.1 %d Scripted" % self.status]
        head += ["%s: %s" % pair for pair in self.headers]
        if self.status >= 200:
            head += ["Content-Length: %d" % (len(self.body) + self.cut), "Connection: close"]
        data = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1")
        return data if self.status < 200 else data + self.body

    def __repr__(self):
        cut = ", cut=%d" % self.cut if self.cut else ""
        return "Answer(%d, %r, %r%s)" % (self.status, self.headers, self.body[:200], cut)


class Request(object):
    def __init__(self, method, path, query, headers, body, answer):
        self.method, self.path, self.query, self.headers, self.body, self.answer = (
            method, path, query, headers, body, answer)

    @property
    def last_segment(self):
        return self.path.rsplit("/", 1)[1]


class Scripted(object):
    """``with Scripted() as server``: ``server.play(answers)`` (or ``play(answers, key=iid)``), then ``server.log``."""

    def __init__(self):
        self.scripts = {}
        self.log = []
        self.lock = threading.Lock()
        scripted = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def answer(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                url = urlsplit(self.path)
                answer = scripted.next_answer(self.headers.get("iid"))
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = raw
                with scripted.lock:
                    scripted.log.append(Request(self.command, url.path, parse_qs(url.query),
                                                dict(self.headers.items()), body, answer))
                self.close_connection = True
                self.wfile.write(answer.raw())
                self.wfile.flush()

            do_GET = do_POST = do_PUT = do_DELETE = answer

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.httpd.server_address[1]

    def play(self, answers, key=None):
        """Answer requests (with ``iid: key``, or any) with these in turn; the last one again once they run out."""
        with self.lock:
            if key is None:
                self.scripts.clear()
                del self.log[:]
            self.scripts[key] = list(answers)

    def next_answer(self, key):
        with self.lock:
            script = self.scripts.get(key) or self.scripts.get(None)
            return script.pop(0) if len(script) > 1 else script[0]

    def of(self, key):
        return [r for r in self.log if r.headers.get("iid") == key]

    def __enter__(self):
        serve_in_background(self.httpd)
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
