# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A scripted client answering getAllContacts, for the contacts package's unit tests."""

from __future__ import annotations

import threading
import types

import pytest

from ansible_collections.kore.ai.plugins.module_utils._client import Answer


class ScriptedClient(object):
    """Answers getAllContacts with ``pages(skip, limit)``; counts what it was asked (from any thread)."""

    retries = 0

    def __init__(self, pages):
        self.pages = pages
        self.asked = []
        self.lock = threading.Lock()

    def clone(self):
        return self

    def request(self, method, segments=(), json=None, query=None, v1=False):
        with self.lock:
            self.asked.append((method, segments, query))
        return Answer({"status": "success", "data": self.pages(query["skip"], query["limit"])}, False)


def _page(results, has_more, total):
    return {"results": results, "skip": 0, "limit": 100, "hasMore": has_more, "totalPages": 1, "totalResults": total}


def _pages_of(everyone, size):
    return lambda skip, limit: _page(everyone[skip:skip + min(size, limit)], skip + min(size, limit) < len(everyone),
                                     len(everyone))


@pytest.fixture
def kore_pages():
    """``Client(pages)`` answers getAllContacts with ``pages(skip, limit)``; ``page(results, has_more, total)`` is
    one answer; ``of(everyone, size)`` pages a list of contacts as Kore does."""
    return types.SimpleNamespace(Client=ScriptedClient, page=_page, of=_pages_of)
