# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fixtures of the module_utils unit tests that talk to the simulator."""

from __future__ import annotations

import contextlib
import threading

import pytest

from ansible_collections.kore.ai.plugins.module_utils._auth import mint_token
from ansible_collections.kore.ai.plugins.module_utils._client import Answer, KoreClient
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import ContactLists


@pytest.fixture
def client(sim):
    tenant = sim.tenant
    return KoreClient.of(sim.url, tenant.stream_id, tenant.account_id,
                         mint_token(tenant.client_id, tenant.client_secret), retries=1)


@pytest.fixture
def lists(client):
    return ContactLists(client)


class AtOnce(object):
    """Counts what runs ``inside()`` at once, and the most that ever did: requests in flight, lists in work."""

    def __init__(self):
        self.now = self.most = 0
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def inside(self):
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)
        try:
            yield
        finally:
            with self._lock:
                self.now -= 1


@pytest.fixture
def at_once():
    """A new :class:`AtOnce` each time it is called."""
    return AtOnce


class AnsweringClient(KoreClient):
    """The one fake of Kore of the unit tests: a real client (so its signature is the client's), whose requests
    ``answer(method, route, json, query)`` answers with Kore's envelope instead of HTTP; every request asked is
    kept in ``asked`` as ``(method, route, query)``, from any thread."""

    def __init__(self, answer, host="https://kore.example", retries=0):
        super().__init__(KoreClient.of(host, "st-1", "a", "test-token", retries=retries).options)
        self.answer, self.asked, self.lock = answer, [], threading.Lock()

    def clone(self, pacer=None):
        return self

    def _request(self, method, route, json, query):
        with self.lock:
            self.asked.append((method, route, query))
        return Answer({"status": "success", "data": self.answer(method, route, json, query)}, False)


@pytest.fixture
def answering_client():
    """``answering_client(answer)``: an :class:`AnsweringClient`."""
    return AnsweringClient
