# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Contact lists of one bot: find by id or name, compare desired with current, ensure present or absent.

Check mode runs the same code as a real run; only the final write is replaced by what Kore would answer.
"""

from __future__ import annotations

import time

from ansible_collections.kore.ai.plugins.module_utils._client import BACKOFF_FACTOR, BACKOFF_MAX
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreError,
    KoreInputError,
    KoreNotFoundError,
    KoreProtocolError,
    KoreServerError,
    KoreTransportError,
)

MAX_NAME = 48
MAX_DESCRIPTION = 256
MAX_ID = 256
ID_PREFIX = "cl-"
LIST_TYPE = "call"
# Module option -> field of Kore's record
FIELDS = (("name", "name"), ("description", "description"), ("allow_duplicates", "allowDuplicates"))


class KoreConflictError(KoreError):
    """The wanted list cannot be told apart or may not be changed: same name twice, or in use by campaigns."""


class Outcome(object):
    """What an ensure_* call did (or, in check mode, would do)."""

    def __init__(self, changed, record, msg, before=None, after=None, warnings=(), created=False):
        self.changed = changed
        self.record = record
        self.msg = msg
        self.before = before if before is not None else {}
        self.after = after if after is not None else {}
        self.warnings = list(warnings)
        self.created = created
        self.extra = {}  # more return values, e.g. contacts


class ContactLists(object):
    """The contact lists of the bot the client is bound to."""

    def __init__(self, client):
        self.client = client

    def summaries(self):
        """Every list of the bot, as "list all" returns them (without createdAt, allowDuplicates, ...)."""
        try:
            answer = self.client.request("GET", ("getAllListDetails",), query={"type": LIST_TYPE})
        except KoreNotFoundError as exc:
            raise KoreNotFoundError(
                "Kore does not know the contact lists of %s (404 from list all): check stream_id, account_id "
                "and host. Nothing was changed. (%s)" % (self.client.describe(), exc), exc.status, exc.method)
        if not isinstance(answer.data, list):
            raise KoreProtocolError("list all answered for %s without a list in 'data'" % self.client.describe())
        # an entry without its id or name could be the very list meant, one listed twice a sign of a broken
        # answer: refuse to guess
        if not all(isinstance(item, dict) and _is_text(item.get("_id")) and isinstance(item.get("name"), str)
                   for item in answer.data):
            raise KoreProtocolError("list all answered for %s with an entry that is not a list with an _id and a "
                                    "name. Nothing was changed." % self.client.describe())
        if len(set(item["_id"] for item in answer.data)) < len(answer.data):
            raise KoreProtocolError("list all answered for %s with the same _id twice. Nothing was changed."
                                    % self.client.describe())
        return answer.data

    def read(self, list_id):
        """The full record, or None when Kore did not give it (not yet proof that it is missing)."""
        try:
            answer = self.client.request("GET", (list_id,))
        except KoreNotFoundError:
            return None
        record = answer.data
        if not record:
            return None
        if not isinstance(record, dict) or record.get("_id") != list_id:
            raise KoreProtocolError("Kore answered GET %s with a record that is not that list" % list_id)
        return record

    def find_by_id(self, list_id):
        """The full record, or None once proven missing: the bot's list answers and does not hold the id.

        Kore answers 404 alike for a missing list and for a wrong bot, account or host.
        """
        record = self.read(list_id)
        if record is not None:
            return record
        if any(item.get("_id") == list_id for item in self.summaries()):
            raise KoreProtocolError("GET contactList/%s answered without the list's record, but list all names it, for "
                                    "%s: Kore's answers disagree. Nothing was changed." % (list_id, self.client.describe()))
        return None

    def find_by_name(self, name):
        """The one summary with exactly this name, or None; two or more are an error naming every id."""
        matches = [item for item in self.summaries() if item.get("name") == name]
        if len(matches) > 1:
            raise KoreConflictError(
                "%d contact lists are named %r (%s); use id to say which one is meant. Nothing was changed."
                % (len(matches), name, ", ".join(str(m.get("_id")) for m in matches)))
        return matches[0] if matches else None

    def find(self, list_id=None, name=None):
        return self.find_by_id(list_id) if list_id else self.find_by_name(name)

    def create(self, body):
        """POST once; when the answer is lost, look by name before trying again, so a retry cannot add a twin."""
        for attempt in range(self.client.retries + 1):
            try:
                made = self.client.request("POST", ("createContactList",), json=body).data
                if not (isinstance(made, dict) and _is_text(made.get("_id"))):
                    raise KoreProtocolError("Kore answered POST contactList/createContactList for %r without the new "
                                            "list's record; it may exist now: the next run finds it by name"
                                            % body["name"])
                return made
            except (KoreServerError, KoreTransportError) as exc:
                if not exc.earlier_attempt_may_have_applied and isinstance(exc, KoreTransportError):
                    raise
                made = self.find_by_name(body["name"])
                if made is not None:
                    return self.read(made["_id"]) or made
                if attempt == self.client.retries:
                    raise
                time.sleep(min(BACKOFF_FACTOR * 2 ** attempt, BACKOFF_MAX))

    def keep_first_twin(self, made):
        """After a create, settle a race with another run that created the same name at the same moment.

        Kore has no uniqueness or idempotency key, so both runs may create. Each then looks again and keeps the
        list created first (ties: the smaller id); the run whose list is not kept deletes its own new, empty
        list. A run that saw no twin created first, so a later run decides alike. This trusts Kore's createdAt to
        follow the order in which lists appear; when it does not, both lists stay (docs/reliability.md).
        Returns the list kept.
        """
        twins = [item for item in self.summaries() if item.get("name") == made.get("name")]
        if len(twins) < 2 or not any(t.get("_id") == made.get("_id") for t in twins):
            return made
        # list all leaves createdAt out: read the twins themselves; one that cannot be read decides nothing
        records = [self.read(t["_id"]) for t in twins]
        if None in records:
            return made
        first = min(records, key=lambda r: (str(r.get("createdAt") or "~"), str(r.get("_id"))))
        if first["_id"] == made["_id"]:
            return made
        self.delete(made["_id"])
        return first

    def update(self, list_id, changes):
        """PUT the changed fields, then read the list back: PUT answers with the request, not the record."""
        self.client.request("PUT", (list_id,), json=changes)
        record = self.read(list_id)
        if record is None:
            raise KoreProtocolError("contact list %s was updated but cannot be read back" % list_id)
        return record

    def delete(self, list_id):
        """DELETE and return the deleted record; None when the list was gone before this run deleted it.

        A 404 counts as gone only once the bot's list answers without the id. A DELETE whose answer was lost and
        whose retry finds nothing was applied by this run: it returns ``{}``, the record being unknown.
        """
        try:
            deleted = self.client.request("DELETE", (list_id,)).data
        except KoreNotFoundError as exc:
            if any(item.get("_id") == list_id for item in self.summaries()):
                raise KoreProtocolError("Kore lists %s for %s but answered DELETE with 404: %s"
                                        % (list_id, self.client.describe(), exc), exc.status, exc.method)
            return {} if exc.earlier_attempt_may_have_applied else None
        return deleted if isinstance(deleted, dict) else {}


def validate(list_id=None, name=None, description=None):
    """Refuse, before any request, what Kore documents as invalid."""
    if list_id is not None and (not list_id.strip() or len(list_id) > MAX_ID):
        raise KoreInputError("id must be a non-empty string of at most %d characters" % MAX_ID)
    if name is not None and (not name.strip() or len(name) > MAX_NAME):
        raise KoreInputError("name must be 1 to %d characters, got %d" % (MAX_NAME, len(name)))
    if description is not None and len(description) > MAX_DESCRIPTION:
        raise KoreInputError("description must be at most %d characters, got %d"
                             % (MAX_DESCRIPTION, len(description)))


def _is_text(value):
    return isinstance(value, str) and bool(value)


def label(record):
    return "%r (%s)" % (record.get("name"), record.get("_id"))


def campaigns_using(record):
    """Campaigns that use the list. ``campaignInUse`` is trusted over ``isListInUse``, which lags behind it."""
    campaigns = record.get("campaignInUse") or []
    if not isinstance(campaigns, list):
        # an in-use marker nobody can read: count the list as in use, so only force deletes it
        return ["(campaignInUse not readable: %s)" % type(campaigns).__name__]
    if not campaigns and record.get("isListInUse") is True:
        return ["(campaigns not named by Kore)"]
    return ["%s (%s)" % (c.get("name"), c.get("id")) if isinstance(c, dict) else str(c) for c in campaigns]


def ensure_absent(lists, list_id=None, name=None, force=False, check_mode=False, before_delete=None):
    """``before_delete(record)`` is called with the list about to go (in check mode too), e.g. to back it up."""
    validate(list_id, name)
    if list_id and force and not check_mode and before_delete is None:
        # nothing to check first: Kore's answer to DELETE is the deleted record
        return _delete_at_once(lists, list_id)
    current = lists.find(list_id, name)
    if current is None:
        return _already_absent(lists, list_id, name)
    in_use = campaigns_using(current)
    if in_use and not force:
        raise KoreConflictError("contact list %s is used by campaigns %s; set force: true to delete it anyway. "
                                "Nothing was changed." % (label(current), ", ".join(in_use)))
    if before_delete is not None:
        before_delete(current)
    if check_mode:
        return Outcome(True, current, "contact list %s would be deleted" % label(current), current, {})
    deleted = lists.delete(current["_id"])
    if deleted is None:
        return Outcome(False, {}, "contact list %s was deleted by someone else meanwhile" % label(current))
    record = deleted or current  # {} when only the retry of a lost answer saw it gone
    return Outcome(True, record, "contact list %s deleted" % label(record), current, {})


def _delete_at_once(lists, list_id):
    deleted = lists.delete(list_id)
    if deleted is None:
        return _already_absent(lists, list_id, None)
    if not deleted:
        return Outcome(True, {}, "contact list %s deleted; Kore's answer was lost, so the deleted record is not "
                                 "known" % list_id)
    return Outcome(True, deleted, "contact list %s deleted" % label(deleted), deleted, {})


def _already_absent(lists, list_id, name):
    warnings = []
    if list_id and not list_id.startswith(ID_PREFIX):
        warnings.append("id %r is not a Kore contact list id (those start with %r) and no list has it; if it is "
                        "the list's name, use name: instead of id:" % (list_id, ID_PREFIX))
    return Outcome(False, {}, "contact list %s is already absent from %s"
                   % (list_id or repr(name), lists.client.describe()), warnings=warnings)


def ensure_present(lists, list_id=None, name=None, description=None, allow_duplicates=None, check_mode=False):
    validate(list_id, name, description)
    desired = {"name": name, "description": description, "allowDuplicates": allow_duplicates}
    desired = dict((k, v) for k, v in desired.items() if v is not None)
    found = lists.find(list_id, name)
    if found is None and list_id:
        raise KoreInputError("contact list %s does not exist in %s; Kore chooses ids, so to create a list "
                             "give name (and description) without id" % (list_id, lists.client.describe()))
    if found is None:
        return _create(lists, desired, check_mode)
    current = found if list_id else (lists.read(found["_id"]) or found)
    return _converge(lists, current, desired, check_mode)


def _converge(lists, current, desired, check_mode):
    """PUT what differs from ``desired``, or nothing."""
    changes = dict((k, v) for k, v in desired.items() if current.get(k) != v)
    if not changes:
        return Outcome(False, current, "contact list %s is as wanted" % label(current), current, current)
    after = dict(current, **changes) if check_mode else lists.update(current["_id"], changes)
    verb = "would be updated" if check_mode else "updated"
    return Outcome(True, after, "contact list %s %s: %s" % (label(after), verb, ", ".join(sorted(changes))),
                   current, after)


def _create(lists, desired, check_mode):
    if "description" not in desired:
        raise KoreInputError("description is required to create contact list %r (Kore requires it)" % desired["name"])
    body = {"name": desired["name"], "description": desired["description"], "source": "passiveApi",
            "allowDuplicates": desired.get("allowDuplicates", False)}
    if check_mode:
        # What Kore would answer, minus what only Kore can know (its id, timestamps, users).
        record = dict(body, listType=LIST_TYPE, campaignInUse=[], isListInUse=False, totalRecordCount=0)
        return Outcome(True, record, "contact list %r would be created" % body["name"], {}, record, created=True)
    made = lists.create(body)
    kept = lists.keep_first_twin(made)
    if kept is not made:
        # Another run created the name at the same moment and its list is kept: converge that one instead.
        return _converge(lists, kept, desired, check_mode)
    return Outcome(True, made, "contact list %s created" % label(made), {}, made, created=True)


def describe_lists(lists, list_id=None, name=None):
    """For the _info module: one full record by id, full records by name, or every summary."""
    validate(list_id, name)
    if list_id:
        record = lists.find_by_id(list_id)
        return [record] if record else []
    summaries = lists.summaries()
    if name is None:
        return summaries
    return [lists.read(s["_id"]) or s for s in summaries if s.get("name") == name]
