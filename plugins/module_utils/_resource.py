# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A kind of thing Kore keeps, described as data: where it lives, how its items are named and listed, and how
its absence is proven. The wire client knows none of them; each domain package describes its own (contact lists
in ``_contact_lists/resource.py``, contacts in ``_contacts/resource.py``), and one entity (``_entity.py``) reads
and writes the items of any of them, so that adding one is a description and its hooks, not edits across the
client.
"""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreNotFoundError, KoreProtocolError


class Resource(object):
    """One kind of item of Kore's API.

    ``name``: how messages call one (``contact list``); ``at``: the :class:`~._url.Route` its items live below
    (``Route("v2", ("campaign", "contactList"), shown_from=1)``; ``shown_from``: how much of the path messages
    leave out); ``id_fields``: the fields that may carry an item's id, first found wins (Kore's samples use ``_id``
    or ``id``); ``id_prefix``: what Kore's ids start with; ``list_all``: the call that lists every item, a
    :class:`ListAll`; ``create``: how one is created, a :class:`Create`; ``write_query``: what every create, update
    and delete carries in its query (a campaign's type).
    """

    def __init__(self, name, at, *, id_fields=("_id",), id_prefix=None, list_all=None, create=None, write_query=None):
        self.name, self.at = name, at
        self.id_fields, self.id_prefix, self.list_all = tuple(id_fields), id_prefix, list_all
        self.create, self.write_query = create or Create(), dict(write_query or {})

    def route(self, *segments):
        """The route of ``segments`` below the resource's path: ``route(list_id)``, ``route("getAllListDetails")``."""
        return self.at.below(*segments)

    def id_of(self, item):
        """An item's id, from the first of ``id_fields`` that holds a non-empty string; None without one."""
        for field in self.id_fields:
            value = item.get(field) if isinstance(item, dict) else None
            if isinstance(value, str) and value:
                return value
        return None

    def items(self, client, describe=None):
        """Every item, as the list-all call answers them, checked: each a dict with an id and a name, no id twice.

        A 404 is told as what it most likely means: the bot, account or host is not the one meant.
        """
        where = describe or client.describe()
        try:
            items = self.list_all.answered(client, self, where)
        except KoreNotFoundError as exc:
            raise KoreNotFoundError(
                "Kore does not know the %ss of %s (404 from list all): check stream_id, account_id and host. "
                "Nothing was changed. (%s)" % (self.name, where, exc), exc.status, exc.method)
        # an entry without its id or name could be the very item meant, one listed twice a sign of a broken
        # answer: refuse to guess
        if not all(self.id_of(item) is not None and isinstance(item.get("name"), str) for item in items):
            raise KoreProtocolError("list all answered for %s with an entry that is not a %s with an %s and a "
                                    "name. Nothing was changed." % (where, self.name, " or ".join(self.id_fields)))
        if len(set(self.id_of(item) for item in items)) < len(items):
            raise KoreProtocolError("list all answered for %s with the same %s twice. Nothing was changed."
                                    % (where, self.id_fields[0]))
        return items

    def proven_absent(self, client, item_id):
        """Whether Kore's list-all answers, in its documented success, without ``item_id``: the one proof that an
        item is gone (a 404 alone may mean a wrong bot, account or host)."""
        return all(self.id_of(item) != item_id for item in self.items(client))


class Create(object):
    """How Kore creates an item: a POST to ``segments`` below the resource's path, the body with ``fields`` added,
    answered with the new record (``answers_record``) or with its id alone (read back)."""

    def __init__(self, segments=(), fields=None, answers_record=True):
        self.segments, self.fields, self.answers_record = tuple(segments), dict(fields or {}), answers_record


class ListAll(object):
    """The call that lists every item of a resource at once: method, segments below its path, query; ``data`` is
    the list."""

    def __init__(self, method, segments, query=None):
        self.method, self.segments, self.query = method, tuple(segments), dict(query or {})

    def answered(self, client, resource, where):
        answer = client.request(self.method, resource.route(*self.segments), query=self.query)
        if not isinstance(answer.data, list):
            raise KoreProtocolError("list all answered for %s without a list in 'data'" % where)
        return answer.data


class PagedListAll(ListAll):
    """A list-all that pages: ``body`` plus ``skip`` and ``limit`` in each request, ``data`` a page
    (``results``, ``hasMore``). Pages are asked until ``hasMore`` is false, each from the number of items had so
    far: Kore may answer fewer than the ``limit`` asked, so the asked limit is never trusted.

    Paging ends, whatever the server says: a page that repeats an item already read, an item without an id, or a
    page that says more follow past the ``totalResults`` or ``totalPages`` it gives is an error at once, as the
    contacts' pages are (a server that kept answering one page with ``hasMore`` would otherwise be asked until a
    tenant's rate limit was spent)."""

    LIMIT = 50
    MAX_PAGES = 10000   # a bot's items at one a page: beyond, a server that never says hasMore false

    def __init__(self, method, segments, body, query=None):
        super().__init__(method, segments, query)
        self.body = dict(body)

    def answered(self, client, resource, where):
        items, seen = [], set()
        for number in range(1, self.MAX_PAGES + 1):
            answer = client.request(self.method, resource.route(*self.segments), query=self.query,
                                    json=dict(self.body, skip=len(items), limit=self.LIMIT), reads=True)
            page = answer.data
            if not (isinstance(page, dict) and isinstance(page.get("results"), list)
                    and isinstance(page.get("hasMore"), bool)):
                raise KoreProtocolError("list all answered for %s without a page ('results' and 'hasMore' in "
                                        "'data')" % where)
            for item in page["results"]:
                item_id = resource.id_of(item)
                if item_id is None:
                    raise KoreProtocolError("list all answered for %s with an entry that is not a %s with an %s "
                                            "(page %d)" % (where, resource.name, " or ".join(resource.id_fields),
                                                           number))
                if item_id in seen:
                    raise KoreProtocolError("list all answered for %s with %s %s again on page %d: its pages "
                                            "repeat, so they may never end" % (where, resource.name, item_id, number))
                seen.add(item_id)
            items += page["results"]
            if not page["hasMore"]:
                return items
            if not page["results"]:
                raise KoreProtocolError("list all answered for %s with an empty page that says more follow"
                                        % where)
            _within_totals(page, len(items), number, where)
        raise KoreProtocolError("list all answered for %s with more than %d pages" % (where, self.MAX_PAGES))


def _within_totals(page, read, number, where):
    """A page that says more follow must not have reached the totals it gives (where it gives them)."""
    for field, reached in (("totalResults", read), ("totalPages", number)):
        total = page.get(field)
        if isinstance(total, int) and not isinstance(total, bool) and reached >= total:
            raise KoreProtocolError("list all answered for %s with page %d saying more follow, past its %s %d"
                                    % (where, number, field, total))
