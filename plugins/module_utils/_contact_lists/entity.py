# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contact list as Kore keeps it: every read and write of a list, and the rules a list obeys.

Both kore_contact_list (``engine.py``) and kore_contact_lists (``list_set.py``) create, compare, update, delete
and recreate lists only through this file, so a rule (a description to create, twins settled, a unique name to add
contacts by) holds for both.
"""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.resource import (
    CONTACT_LISTS,
    EVERY_LIST,
    LIST_TYPE,
)
from ansible_collections.kore.ai.plugins.module_utils._ensure import ItemSpec
from ansible_collections.kore.ai.plugins.module_utils._entity import Entity
from ansible_collections.kore.ai.plugins.module_utils._errors import (
    KoreConflictError,
    KoreError,
    KoreInputError,
    KoreInUseError,
    with_done,
    written_to,
)
from ansible_collections.kore.ai.plugins.module_utils._outcome import label

MAX_NAME = 48
MAX_DESCRIPTION = 256
MAX_ID = 256
ID_PREFIX = CONTACT_LISTS.id_prefix
SOURCE = "passiveApi"       # how lists made over this API are marked
TWIN_WAIT = 30              # seconds a run whose list is kept waits for another run to delete its twin


class ListSpec(ItemSpec):
    """What a list must be, as a task declares it: checked, before any request, against what Kore documents."""

    def __init__(self, list_id=None, name=None, description=None, allow_duplicates=None):
        validate(list_id, name, description)
        super().__init__(list_id, name)
        # Kore's fields that are declared (None: left as it is)
        fields = {"name": name, "description": description, "allowDuplicates": allow_duplicates}
        self.fields = dict((k, v) for k, v in fields.items() if v is not None)

    @property
    def list_id(self):
        return self.item_id

    def body(self):
        """The create body; refused without a description, which Kore requires."""
        if "description" not in self.fields:
            raise KoreInputError("description is required to create contact list %r (Kore requires it). Nothing was "
                                 "changed." % self.name)
        return create_body(self.name, self.fields["description"], self.fields.get("allowDuplicates", False))

    def changes(self, current):
        """The declared fields that differ from ``current``'s."""
        return dict((k, v) for k, v in self.fields.items() if current.get(k) != v)


def create_body(name, description, allow_duplicates=False):
    return {"name": name, "description": description, "source": SOURCE, "allowDuplicates": allow_duplicates}


def by_name(summaries):
    """Lists by name, each name with every list that has it, in Kore's order."""
    named = {}
    for item in summaries:
        named.setdefault(item.get("name"), []).append(item)
    return named


def would_create(body):
    """Check mode's record of a list to be created: what Kore would answer, minus what only Kore can know (its id,
    timestamps, users)."""
    return dict(body, listType=LIST_TYPE, campaignInUse=[], isListInUse=False, totalRecordCount=0)


class ContactLists(Entity):
    """The contact lists of the bot the client is bound to: the entity of ``CONTACT_LISTS`` (``_entity.py``), and
    the rules a list obeys beyond it (twins settled, a unique name to add contacts by, recreation)."""

    def __init__(self, client, *, sleep=None, clock=None):
        super().__init__(client, CONTACT_LISTS, sleep=sleep, clock=clock)

    def summaries(self, every=False):
        """Every contact list of the bot, as "list all" returns them (without createdAt, allowDuplicates, ...);
        with ``every``, its DNC lists too."""
        return (EVERY_LIST if every else CONTACT_LISTS).items(self.client)

    def find_by_name(self, name, items=None, every=False):
        """The one summary with exactly this name, or None; two or more are an error naming every id. With
        ``every``, DNC lists count too."""
        return super().find_by_name(name, self.summaries(every) if items is None else items)

    def keep_first_twins(self, made, reading=None):
        """After creates, settle races with other runs that created the same names at the same moment.

        Kore has no uniqueness or idempotency key, so two runs may both create a name. Each then looks again (one
        list all for every list it made) and keeps the list created first (ties: the smaller id); the run whose
        list is not kept deletes its own new, empty list. A run that saw no twin created first, so a later run
        decides alike. This trusts Kore's createdAt to follow the order in which lists appear; when it does not,
        both lists stay (docs/reliability.md). Returns the list kept for each of ``made``, in order. ``reading``:
        a callable giving every list by name, read once after the creates for what follows too (``ItemPlan``).
        """
        if not made:
            return []
        named = reading() if reading is not None else by_name(self.summaries())
        return [self._keep_first(record, named.get(record.get("name"), [])) for record in made]

    def _keep_first(self, made, twins):
        if len(twins) < 2 or not any(t.get("_id") == made.get("_id") for t in twins):
            return made
        # list all leaves createdAt out: read the twins themselves; one that cannot be read decides nothing
        records = [self.read(t["_id"]) for t in twins]
        if None in records:
            return made
        first = min(records, key=_creation_order)
        if first["_id"] == made["_id"]:
            return made
        self.delete(made["_id"])
        return first

    def create_settled(self, body, reading=None):
        """:meth:`create` and :meth:`keep_first_twins` (with ``reading``) for one list: the list kept, and whether
        it is ours."""
        made = self.create(body)
        kept = self.keep_first_twins([made], reading)[0]
        return kept, kept is made

    def recreate(self, record, backup_result=None):
        """Delete the list and create it again with the same name, description and duplicate policy: the new record.

        ``backup_result`` (a backup's return values) goes into any failure after the list's contacts were written.
        """
        full = record if "allowDuplicates" in record else (self.read(record["_id"]) or record)
        body = create_body(full["name"], full.get("description") or "", bool(full.get("allowDuplicates", False)))
        backup_result = backup_result or {}
        try:
            self.delete(record["_id"])
        except KoreError as exc:
            if not backup_result:
                raise
            raise with_done(exc, "Its contacts had been written to %s first" % backup_result["backup_file"],
                            changed=exc.earlier_attempt_may_have_applied, **backup_result)
        try:
            return self.create(body)
        except KoreError as exc:
            raise with_done(exc, "Contact list %s was deleted to drop contacts, but creating it again failed%s. Run the "
                                 "task again to create it" % (label(record), written_to(backup_result)),
                            changed=True, recreated={"old_id": record["_id"], "new_id": None}, **backup_result)

    def require_unique_name(self, record, *, created=False, reading=None):
        """Kore adds contacts to the list *named* so: refuse when another list has the name too.

        For a list this run ``created``, a twin created after it is another run's that created the name at the same
        moment, and that run deletes it (:meth:`keep_first_twins`): it is waited for, up to ``TWIN_WAIT`` seconds.
        ``reading``: a callable giving every list by name as read once for several lists (a set's) or after the
        creates (:meth:`keep_first_twins`), trusted when it shows the name on this list alone; anything else is read
        again here.
        """
        if reading is not None and [s.get("_id") for s in reading().get(record["name"], [])] == [record["_id"]]:
            return
        deadline, pause = self._clock() + (TWIN_WAIT if created else 0), 0.2
        while True:
            named = by_name(self.summaries()).get(record["name"], [])
            ids = [s.get("_id") for s in named]
            if ids == [record["_id"]]:
                return
            if self._clock() >= deadline or record["_id"] not in ids or not self._later_twins(record, named):
                raise KoreConflictError(
                    "contacts are added by list name, and %d contact lists are named %r (%s), so Kore could fill "
                    "another one; rename or delete the others. No contact was added."
                    % (len(named), record["name"], ", ".join(str(i) for i in ids) or "none found"))
            self._sleep(pause)
            pause = min(pause * 2, 2.0)

    def _later_twins(self, record, named):
        """Whether every other list of the name was created after ``record``: another run's, to be deleted by it.
        A twin that cannot be read any more was just deleted: look again."""
        records = [r for r in (self.read(s["_id"]) for s in named) if r is not None]
        return min(records, key=_creation_order)["_id"] == record["_id"] if records else True


def validate(list_id=None, name=None, description=None):
    """Refuse, before any request, what Kore documents as invalid."""
    if list_id is not None and (not list_id.strip() or len(list_id) > MAX_ID):
        raise KoreInputError("id must be a non-empty string of at most %d characters" % MAX_ID)
    if name is not None and (not name.strip() or len(name) > MAX_NAME):
        raise KoreInputError("name must be 1 to %d characters, got %d" % (MAX_NAME, len(name)))
    if description is not None and len(description) > MAX_DESCRIPTION:
        raise KoreInputError("description must be at most %d characters, got %d"
                             % (MAX_DESCRIPTION, len(description)))


def _creation_order(record):
    """Lists of one name in the order they were created (ties: the smaller id), as every run orders them."""
    return str(record.get("createdAt") or "~"), str(record.get("_id"))


IN_USE = ("contact list {list} is used by campaigns {campaigns}; stop, back up and delete them first with "
          "kore.ai.kore_campaign, or set force: true to delete the list anyway. Nothing was changed.")


def refuse_in_use(record, force, message=IN_USE, client=None):
    """The one in-use gate: a list campaigns use is refused unless ``force``. ``message`` words the refusal for
    what was about to happen, naming ``{list}`` and ``{campaigns}`` (with their types, given the ``client``)."""
    if campaigns_using(record) and not force:
        raise KoreInUseError(message.format(list=label(record), campaigns=named_campaigns(record, client)))


def with_dnc_users(record, client):
    """A DNC list with the campaigns that name it as theirs (``dncLists.name``) in its ``campaignInUse``: whether
    Kore lists those there is undocumented, and Kore's UI says a DNC list in use cannot be deleted."""
    if record.get("listType") != "dnc" or not isinstance(record.get("campaignInUse") or [], list):
        return record
    # imported here: only a DNC list needs the campaigns, and a module process compiles what it imports every task
    from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import dnc_names, every_campaign
    known = record.get("campaignInUse") or []
    ids = set(c.get("id") for c in known if isinstance(c, dict))
    users = [{"id": c["id"], "name": c.get("name")} for c in every_campaign(client)
             if record.get("name") in dnc_names(c.get("dncLists")) and c["id"] not in ids]
    return dict(record, campaignInUse=known + users) if users else record


def named_campaigns(record, client=None):
    """The campaigns that use the list, in words: name, id and, as Kore's campaign lists say it, type."""
    # imported here: only a refusal needs the campaigns, and a module process compiles what it imports every task
    from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import campaign_types
    return ", ".join(campaigns_using(record, campaign_types(client) if client is not None else {}))


def campaigns_using(record, types=None):
    """Campaigns that use the list, each ``name (id, type)`` when ``types`` (id -> type) knows it.
    ``campaignInUse`` is trusted over ``isListInUse``, which lags behind it."""
    types = types or {}
    campaigns = record.get("campaignInUse") or []
    if not isinstance(campaigns, list):
        # an in-use marker nobody can read: count the list as in use, so only force deletes it
        return ["(campaignInUse not readable: %s)" % type(campaigns).__name__]
    if not campaigns and record.get("isListInUse") is True:
        return ["(campaigns not named by Kore)"]
    return [_campaign_named(c, types) if isinstance(c, dict) else str(c) for c in campaigns]


def _campaign_named(campaign, types):
    known = [str(part) for part in (campaign.get("id"), types.get(campaign.get("id"))) if part]
    return "%s (%s)" % (campaign.get("name"), ", ".join(known))
