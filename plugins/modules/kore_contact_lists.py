#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: kore_contact_lists
short_description: Declare the whole set of a Kore.ai bot's contact lists, for environment resets in one task
version_added: 0.2.0
description:
  - Makes the contact lists named in O(lists) exist with the given description and duplicate policy and, with
    O(purge=true), deletes every other list of the bot. One task instead of a loop, with requests in parallel.
  - Names are the identity. When two existing lists share a name that O(lists) manages, the task fails naming
    both ids and changes nothing. Lists sharing a name that O(lists) does not manage are purged like any other.
  - Lists used by campaigns are not purged unless O(force=true); they are reported and kept, and the task fails
    after doing everything else, naming them.
  - When a change fails (Kore refuses it or answers something that is not a success), no further change starts,
    since the plan was made from one reading of the bot, which may no longer hold. Changes already in flight finish.
    The task fails naming what failed and, in RV(not_attempted), what was left out; run it again once the cause
    is fixed.
  - All workers share one pace. O(max_rate) keeps them under a known rate limit; without it, the first HTTP 429
    pauses all of them for its C(Retry-After) and sets the pace to 95 % of what got through in the minute before.
    A pace that still meets a 429 becomes 5 % slower.
author:
  - Kore.ai collection maintainers (@kore-ai-ansible)
extends_documentation_fragment:
  - kore.ai.connection
  - kore.ai.connection.attributes
  - kore.ai.contacts
  - kore.ai.pacing
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  lists:
    description:
      - The lists that must exist. Each name at most once.
      - Required with O(purge=true), which deletes every list it does not name - so a misspelt variable never
        empties a bot. V([]) given explicitly purges every list.
    type: list
    elements: dict
    suboptions:
      name:
        description: The list's name, at most 48 characters, matched exactly.
        type: str
        required: true
      description:
        description: At most 256 characters. Required for a list that does not exist yet.
        type: str
      allow_duplicates:
        description: Whether the list accepts the same contact twice. New lists default to V(false).
        type: bool
      contacts:
        description:
          - Contacts the list must hold, as O(kore.ai.kore_contact_list#module:contacts) of
            M(kore.ai.kore_contact_list) (same rules); lists without this key keep their contacts untouched.
          - Mutually exclusive with O(lists[].contacts_file).
        type: list
        elements: dict
        version_added: 0.2.0
      contacts_file:
        description:
          - A CSV file of the contacts the list must hold, as O(kore.ai.kore_contact_list#module:contacts_file) of
            M(kore.ai.kore_contact_list) (same format and rules), on the host that runs the module. A relative path
            is relative to the playbook's directory.
          - Mutually exclusive with O(lists[].contacts).
        type: path
        version_added: 0.2.0
  purge:
    description: Delete every list of the bot that O(lists) does not name. Refused without O(lists).
    type: bool
    default: false
  force:
    description:
      - With O(purge), delete lists that campaigns use as well; with O(purge_contacts), recreate them too. Without
        it such lists are kept and named in the result, with the campaigns that use them (name, id and type),
        which M(kore.ai.kore_campaign) can back up, stop and delete first.
      - Kore itself may refuse to delete a list a campaign uses (its UI does). Then that list is kept, named with
        its campaigns, and nothing is changed for it; O(force) cannot override Kore.
    type: bool
    default: false
  backup_dir:
    description:
      - A directory on the host that runs the module. Every list the task deletes (O(purge)) or recreates
        (O(purge_contacts)) has its contacts written to C(<backup_dir>/<list id>.csv) first, in the format of
        O(kore.ai.kore_contact_list#module:backup_file), which O(lists[].contacts_file) and Kore's own import read,
        and its record to C(<backup_dir>/<list id>.json) (name, description, C(allowDuplicates), id, the contacts'
        file name, C(backed_up_at) and Kore's record), both before its C(DELETE), so the directory alone restores
        it (C(docs/full-restore.yml)), whatever a later task did.
        A relative path is relative to the playbook's directory; an empty value is refused before any request.
      - How a file is named. An id of lower-case letters, digits, C(-) and C(_), at most 120 characters (every id
        Kore gives, C(cl-...)), is the name as it is. Any other id is percent-encoded (C(/) becomes C(%2F), C(.)
        becomes C(%2E)), cut to its first 100 characters, and followed by C(.) and the first 16 hex digits of the
        SHA-256 of the whole id, as in C(<encoded prefix>.<digest>.csv). So no id names a file outside O(backup_dir),
        and two lists never share a file, however long their ids or whether they differ only in case.
      - A file already at a backup's name is kept beside it first, as with
        O(kore.ai.kore_contact_list#module:backup_file); RV(previous_backup_files) names it.
      - A backup that would be the O(lists[].contacts_file) of any list (by any spelling, a symbolic or a hard link)
        is refused after the bot is read and before anything is written, as
        O(kore.ai.kore_contact_list#module:backup_file) refuses its own O(kore.ai.kore_contact_list#module:contacts_file).
      - A list whose backup cannot be written is not deleted, and no further change starts.
    type: path
    version_added: 0.2.0
"""

EXAMPLES = r"""
- name: Reset the QA bot to exactly two lists (connection from KORE_* environment variables)
  kore.ai.kore_contact_lists:
    lists:
      - name: Renewals
        description: Customers up for renewal
      - name: Win-back
        description: Lapsed customers
        allow_duplicates: false
    purge: true
    # each list deleted: its contacts and its record, on disk before its DELETE
    backup_dir: backups/lists
    max_rate: 540
  register: reset

- name: Undo it from the backup directory alone
  kore.ai.kore_backup:
    state: restore
    backup_dir: backups
"""

RETURN = r"""
created:
  description: The lists created, as Kore returned them (in check mode, as they would be).
  returned: always
  type: list
  elements: dict
  sample: [{_id: cl-718e888e-3aca-4008-973e-6d79940abcde, name: Renewals, description: Customers up for renewal}]
updated:
  description: The lists updated, as read back after the update.
  returned: always
  type: list
  elements: dict
  sample: [{_id: cl-0b1c2d3e-3aca-4008-973e-6d79940abcde, name: Win-back, description: Lapsed customers}]
deleted:
  description: The deleted lists, as Kore returned them.
  returned: always
  type: list
  elements: dict
  sample: [{_id: cl-9f8e7d6c-3aca-4008-973e-6d79940abcde, name: Spring 2025, campaignInUse: []}]
contacts_added:
  description:
    - By list name, the contacts sent to Kore (in check mode, those that would be sent).
    - For a list declared with O(lists[].contacts_file), the identities of the first ten only.
  returned: always
  type: dict
  sample: {QA smoke: [{phoneNumber: "+15550100002", uniqueId: qa-2}]}
  version_added: 0.2.0
contacts_counts:
  description:
    - By list name, for the lists that declare contacts, how many each held before, how many were added, how many
      were dropped by recreating it, and how many it holds after.
  returned: always
  type: dict
  sample: {QA smoke: {before: 3, added: 1, dropped: 0, after: 4}}
  version_added: 0.2.0
backup_files:
  description: By list id, the backup written with O(backup_dir) before the list was deleted or recreated.
  returned: always
  type: dict
  sample: {cl-9f8e7d6c-3aca-4008-973e-6d79940abcde: /srv/backups/cl-9f8e7d6c-3aca-4008-973e-6d79940abcde.csv}
  version_added: 0.2.0
previous_backup_files:
  description: By list id, where a file that was already at that list's backup name in O(backup_dir) is kept.
  returned: always
  type: dict
  sample: {cl-9f8e7d6c-3aca-4008-973e-6d79940abcde: /srv/backups/cl-9f8e7d6c-3aca-4008-973e-6d79940abcde.csv.4821.2026-11-30@14:05:09~}
  version_added: 0.2.0
removed_temporary_files:
  description:
    - What runs killed while writing a backup had left in O(backup_dir) (a C(.kore-*.tmp), or an empty name made
      to keep an older backup under), removed at the start of the task. A writer holds a lock on such a file while
      it is in use, so a file another task is writing is never taken for one.
  returned: when such files were found
  type: list
  elements: str
  sample: [/srv/backups/.kore-3k2j9x1q.tmp]
  version_added: 0.2.0
recreated:
  description:
    - The lists deleted and created again to drop contacts (O(purge_contacts=true)).
    - A task that fails after a list was deleted or recreated still returns it here (and in RV(deleted) and
      RV(backup_files)), with C(changed=true).
  returned: always
  type: list
  elements: dict
  sample: [{name: QA smoke, old_id: cl-718e888e-3aca-4008-973e-6d79940abcde, new_id: cl-0b1c2d3e-3aca-4008-973e-6d79940abcde}]
  version_added: 0.2.0
gone_meanwhile:
  description:
    - Lists to delete that someone else deleted after this task read the bot (before their backup or DELETE), as
      C(_id) and C(name); nothing was written or deleted for them, and they are not in RV(deleted).
  returned: always
  type: list
  elements: dict
  sample: [{_id: cl-718e888e-3aca-4008-973e-6d79940abcde, name: QA smoke}]
not_attempted:
  description:
    - Changes left out because an earlier change failed, in words as in the sample. After a failure no further
      change starts; changes already in flight finish.
  returned: always
  type: list
  elements: str
  sample: ["create 'Renewals'", "contacts of 'QA smoke'"]
  version_added: 0.2.0
unchanged:
  description: Names of the managed lists that were already as wanted.
  returned: always
  type: list
  elements: str
  sample: [Renewals]
msg:
  description: What was done, in words.
  returned: always
  type: str
  sample: "contact lists: 0 created, 1 updated, 12 deleted, 1 unchanged"
"""

from ansible_collections.kore.ai.plugins.module_utils._backup.options import BACKUP_DIR_ARGSPEC
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.access import ListAccess
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.list_set import ensure_set
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.work import ListWork
from ansible_collections.kore.ai.plugins.module_utils._contacts.options import CONTACTS_ARGSPEC
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._module import run_module
from ansible_collections.kore.ai.plugins.module_utils._pacer import PACING_ARGSPEC
from ansible_collections.kore.ai.plugins.module_utils._task import ModuleWork

# with the connection options (module_utils/_connection.py); the action plugin validates against the same in the worker
ARGUMENT_SPEC = dict(
    lists=dict(type="list", elements="dict", options=dict(
        name=dict(type="str", required=True),
        description=dict(type="str"),
        allow_duplicates=dict(type="bool"),
        contacts=dict(type="list", elements="dict"),
        contacts_file=dict(type="path"),
    ), mutually_exclusive=[("contacts", "contacts_file")]),
    purge=dict(type="bool", default=False),
    force=dict(type="bool", default=False),
    **dict(CONTACTS_ARGSPEC, **BACKUP_DIR_ARGSPEC, **PACING_ARGSPEC)
)
RULES = dict()


def ensure(task):
    """The task's work, in the module process or in Ansible's worker (plugins/action/kore_contact_lists.py)."""
    p = task.params
    if p["lists"] is None and p["purge"]:
        # as amazon.aws's purge_tags without tags: no declared set, nothing to purge against
        raise KoreInputError("purge: true needs lists, the lists to keep: every other list of the bot is deleted. "
                             "Give lists (lists: [] to delete every list). Nothing was changed.")
    access = ListAccess(task)
    each = ListWork(force=p["force"], check_mode=task.check_mode, purge_contacts=p["purge_contacts"])
    outcome = ensure_set(access.lists.client, p["lists"] or [], each, parallel=access.pacing.parallel, purge=p["purge"],
                         wait_timeout=p["wait_timeout"], backup_dir=p["backup_dir"], progress=task.progress)
    return outcome.answer(task)


MODULE = ModuleWork(ARGUMENT_SPEC, RULES, ensure)


def main():
    run_module(MODULE)


if __name__ == "__main__":
    main()
