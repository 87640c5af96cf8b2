# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Kore answering getAllContacts page by page (through the one fake of Kore, ``answering_client``), for the
contacts package's unit tests."""

from __future__ import annotations

import types

import pytest


def _page(results, has_more, total):
    return {"results": results, "skip": 0, "limit": 100, "hasMore": has_more, "totalPages": 1, "totalResults": total}


def _pages_of(everyone, size):
    return lambda skip, limit: _page(everyone[skip:skip + min(size, limit)], skip + min(size, limit) < len(everyone),
                                     len(everyone))


@pytest.fixture
def kore_pages(answering_client):
    """``Client(pages)`` answers getAllContacts with ``pages(skip, limit)``; ``page(results, has_more, total)`` is
    one answer; ``of(everyone, size)`` pages a list of contacts as Kore does."""
    def client(pages):
        return answering_client(lambda method, route, json, query: pages(query["skip"], query["limit"]))
    return types.SimpleNamespace(Client=client, page=_page, of=_pages_of)
