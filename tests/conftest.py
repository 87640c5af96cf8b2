# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Make the collection importable as ansible_collections.kore.ai, and the simulator as kore_sim."""

from __future__ import annotations

import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLLECTIONS = os.path.join(ROOT, ".build", "collections")
LINK = os.path.join(COLLECTIONS, "ansible_collections", "kore", "ai")

if not os.path.islink(LINK):
    os.makedirs(os.path.dirname(LINK), exist_ok=True)
    os.symlink(os.path.relpath(ROOT, os.path.dirname(LINK)), LINK)
for path in (COLLECTIONS, os.path.join(ROOT, "tests", "simulator")):
    if path not in sys.path:
        sys.path.insert(0, path)

from kore_sim import Simulator  # noqa: E402  pylint: disable=wrong-import-position


@pytest.fixture(scope="session")
def simulator():
    with Simulator() as sim:
        yield sim


@pytest.fixture
def sim(simulator):
    """The session's simulator, emptied of lists, faults and logged requests."""
    simulator.reset()
    simulator.latency = 0.0
    simulator.rate_limit = None
    yield simulator
    simulator.reset()


@pytest.fixture
def web_server():
    """``web_server(status, body=b"", headers=None)`` -> URL of a server (not Kore) giving that answer to all."""
    servers = []

    def start(status, body=b"", headers=None):
        class Fixed(BaseHTTPRequestHandler):
            def answer(self):
                self.send_response(status)
                for key, value in dict(headers or {}, **{"Content-Length": str(len(body))}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = answer

            def log_message(self, *args):
                pass

        server = HTTPServer(("127.0.0.1", 0), Fixed)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return "http://127.0.0.1:%d" % server.server_address[1]

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
