# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The pages of a contact list's contacts: the first says how many there are, the rest are read in parallel.

Kore documents the answer (``results``, ``hasMore``, ``totalResults``) but not the request: ``skip`` and
``limit`` are what the answer suggests. The task asks for a large page (:mod:`.sizes`); Kore may give fewer than
asked (its default is 50), so the first page's length is the page size. Every page is checked against the first, and no contact may come twice: a server that
ignores ``skip`` would otherwise make contacts look missing, and missing contacts are sent again.
"""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._contacts.identities import Identities
from ansible_collections.kore.ai.plugins.module_utils._contacts.resource import contacts_route
from ansible_collections.kore.ai.plugins.module_utils._contacts.sizes import PageAsk
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreProtocolError, KoreRequestError

MAX_LIST = 1000000          # Kore's own limit of contacts in one list


class KoreListChangedError(KoreError):
    """The list's count moved while its pages were read (an add landing): read it again later."""


def page(client, list_id, skip, limit):
    """One page of getAllContacts, checked for the documented shape."""
    data = client.request("GET", contacts_route(list_id), query={"skip": skip, "limit": limit}).data
    if not (isinstance(data, dict) and isinstance(data.get("results"), list)
            and isinstance(data.get("hasMore"), bool) and isinstance(data.get("totalResults"), int)
            and not isinstance(data.get("totalResults"), bool)
            and all(isinstance(c, dict) for c in data["results"])):
        raise KoreProtocolError("Kore answered getAllContacts of %s without the documented page (results, "
                                "hasMore, totalResults)" % list_id)
    return data


def count(client, list_id):
    """How many contacts the list holds, from a page of one: cheap enough to poll."""
    return page(client, list_id, 0, 1)["totalResults"]


def first_page(client, list_id, ask):
    """The first page, asked as large as ``ask`` (a :class:`~.sizes.PageAsk`) allows: (the size asked, the page)."""
    while True:
        asked = ask.size
        try:
            return asked, page(client, list_id, 0, asked)
        except KoreRequestError as exc:
            if not ask.refused(asked, exc):
                raise


def read_pages(client, pool, list_id, on_page=None, ask=None):
    """Yield the list's contacts page by page, in order: the first over ``client``, those after it in parallel
    over ``pool``'s clients.

    ``on_page(read, total)`` is called after each page, to tell how far the reading is; ``ask`` is the task's
    :class:`~.sizes.PageAsk` (a new one by default).
    """
    asked, first = first_page(client, list_id, ask if ask is not None else PageAsk())
    total, size = first["totalResults"], len(first["results"])
    seen = _Seen(list_id, min(total, MAX_LIST))
    seen.add(first["results"], 0)
    read = len(first["results"])
    yield first["results"]
    if on_page is not None:
        on_page(read, total)
    if not first["hasMore"]:
        return
    if not size or total <= size:
        raise KoreProtocolError("Kore's getAllContacts of %s says there is more after %d contacts of %d: it does "
                                "not page as expected" % (list_id, size, total))
    if total > MAX_LIST:
        raise KoreProtocolError("Kore's getAllContacts of %s counts %d contacts, more than a list can hold (%d): "
                                "it does not page as expected" % (list_id, total, MAX_LIST))

    def fetch(client, skip):
        return skip, page(client, list_id, skip, asked)

    for skip, answer in pool.ordered(fetch, range(size, total, size)):
        seen.add(answer["results"], skip)
        if answer["totalResults"] != total:
            raise KoreListChangedError("contact list %s went from %d to %d contacts while it was read"
                                       % (list_id, total, answer["totalResults"]))
        last = skip + size >= total
        if len(answer["results"]) != min(size, total - skip) or answer["hasMore"] == last:
            raise KoreProtocolError("Kore's getAllContacts of %s gave %d contacts at skip %d of %d (pages of %d, "
                                    "hasMore %s): it does not page as expected"
                                    % (list_id, len(answer["results"]), skip, total, size, answer["hasMore"]))
        yield answer["results"]
        read += len(answer["results"])
        if on_page is not None:
            on_page(read, total)


class _Seen(object):
    """The contacts' ``_id`` as digests (:class:`~.identities.Identities`, about 28 MB for a million, never more):
    one given twice is caught on the page that repeats it, as a server that ignores ``skip`` repeats the first."""

    def __init__(self, list_id, total):
        self.list_id, self.ids = list_id, Identities(total)

    def add(self, results, skip):
        add = self.ids.add
        for contact in results:
            own = contact.get("_id")
            if isinstance(own, str) and not add(own, 0):
                raise KoreProtocolError("Kore answered getAllContacts of %s with a contact it had already given "
                                        "(skip %d): it does not page as expected" % (self.list_id, skip))
