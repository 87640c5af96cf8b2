# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every read and write of one kind of Kore's items, over its description (``_resource.py``): read, find by id or
by name with proof of absence, create that recovers a lost answer, update then read back, delete with proof.

Contact lists (``_contact_lists/entity.py``) and campaigns (``_campaigns/entity.py``) are this entity with hooks
(how an item is shown, how a create is answered, what else a delete must know); a third kind of item is a
description and, where it differs, a hook. The one retry policy is the client's (``_client.py``): only a create,
which Kore gives no idempotency key, looks by name before it tries again.
"""

from __future__ import annotations

import time

from ansible_collections.kore.ai.plugins.module_utils._client import backoff
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreConflictError,
    KoreError,
    KoreNotFoundError,
    KoreProtocolError,
    KoreServerError,
    KoreTransportError,
    with_done,
)


class Entity(object):
    """The items of one ``resource`` (a :class:`~._resource.Resource`) of the bot the client is bound to."""

    def __init__(self, client, resource, *, sleep=None, clock=None):
        self.client, self.resource = client, resource
        # looked up now, not at import, like the pacer's: a test's stand-in clock reaches them
        self._sleep, self._clock = sleep or time.sleep, clock or time.monotonic

    def shown(self, item):
        """An item as a playbook sees it (a hook: campaigns add their ``id`` and ``type``)."""
        return item

    def every(self):
        """Every item, as the list-all call shows them (checked: each with an id and a name)."""
        return [self.shown(item) for item in self.resource.items(self.client)]

    def read(self, item_id):
        """The whole record (GET), or None when Kore did not give it (not yet proof that it is missing)."""
        try:
            record = self.client.request("GET", self.resource.route(item_id)).data
        except KoreNotFoundError:
            return None
        if not record:
            return None
        if not isinstance(record, dict) or self.resource.id_of(record) != item_id:
            raise KoreProtocolError("Kore answered GET %s with a record that is not that %s"
                                    % (self.resource.route(item_id).shown, self.resource.name))
        return self.shown(record)

    def find_by_id(self, item_id):
        """The whole record, or None once proven missing: the list-all answers and does not hold the id.

        Kore answers 404 alike for a missing item and for a wrong bot, account or host.
        """
        record = self.read(item_id)
        if record is not None:
            return record
        if not self.resource.proven_absent(self.client, item_id):
            raise KoreProtocolError("GET %s answered without the %s's record, but list all names it, for %s: Kore's "
                                    "answers disagree. Nothing was changed."
                                    % (self.resource.route(item_id).shown, self.resource.name,
                                       self.client.describe()))
        return None

    def find_by_name(self, name, items=None):
        """The one item (as ``items``, by default :meth:`every`, shows it) with exactly this name, or None; two or
        more are an error naming every id."""
        matches = [item for item in (self.every() if items is None else items) if item.get("name") == name]
        if len(matches) > 1:
            raise KoreConflictError(
                "%d %ss are named %r (%s); use id to say which one is meant. Nothing was changed."
                % (len(matches), self.resource.name, name, ", ".join(str(self.resource.id_of(m)) for m in matches)))
        return matches[0] if matches else None

    def find(self, item_id=None, name=None):
        """The item with ``item_id``, else the one named exactly ``name``; None once proven missing."""
        return self.find_by_id(item_id) if item_id else self.find_by_name(name)

    def create(self, body):
        """POST the create body once; when the answer is lost, look by name before trying again, so a retry
        cannot add a twin. The new record, read back when Kore answers with its id alone."""
        how = self.resource.create
        for attempt in range(self.client.retries + 1):
            try:
                made = self.client.request("POST", self.resource.route(*how.segments), json=dict(body, **how.fields),
                                           query=self.resource.write_query).data
                item_id = self.resource.id_of(made)
                if item_id is None:
                    raise KoreProtocolError("Kore answered the create of %s %r without its id; it may exist now: the "
                                            "next run finds it by name" % (self.resource.name, body.get("name")))
                return self.shown(made) if how.answers_record else (self.read(item_id) or self.shown(made))
            except (KoreServerError, KoreTransportError) as exc:
                if not exc.earlier_attempt_may_have_applied and isinstance(exc, KoreTransportError):
                    raise
                found = self.find_by_name(body["name"])
                if found is not None:
                    return self.read(self.resource.id_of(found)) or found
                if attempt == self.client.retries:
                    raise
                self._sleep(backoff(attempt))

    def update(self, item_id, changes):
        """PUT the changed fields, then read the item back: Kore's answer to PUT is the request, not the record."""
        self.client.request("PUT", self.resource.route(item_id), json=changes, query=self.resource.write_query)
        record = self.read(item_id)
        if record is None:
            raise KoreProtocolError("%s %s was updated but cannot be read back" % (self.resource.name, item_id))
        return record

    def delete(self, item_id):
        """DELETE and return the deleted record; None when the item was gone before this run deleted it.

        A 404 counts as gone only once the list-all answers without the id. A DELETE whose answer was lost and
        whose retry finds nothing was applied by this run: it returns ``{}``, the record being unknown.
        """
        try:
            deleted = self.client.request("DELETE", self.resource.route(item_id),
                                          query=self.resource.write_query).data
        except KoreNotFoundError as exc:
            if not self.resource.proven_absent(self.client, item_id):
                raise KoreProtocolError("Kore lists %s %s for %s but answered DELETE with 404: %s"
                                        % (self.resource.name, item_id, self.client.describe(), exc), exc.status,
                                        exc.method)
            return {} if exc.earlier_attempt_may_have_applied else None
        except KoreError as exc:
            if not exc.earlier_attempt_may_have_applied:
                raise
            # whoever deletes, with a backup or without: a DELETE Kore may have carried out is a change
            raise with_done(exc, "%s %s may have been deleted all the same"
                            % (self.resource.name.capitalize(), item_id), changed=True)
        return self.shown(deleted) if isinstance(deleted, dict) and deleted else {}
