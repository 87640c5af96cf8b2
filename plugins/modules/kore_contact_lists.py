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
  - When a change fails, no further change starts (those in flight finish); the task fails naming it and, in
    RV(not_attempted), what was left out. Run it again once the cause is fixed.
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
      - The lists that must exist, each name once. Required with O(purge=true) (V([]) purges every list).
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
          - Contacts the list must hold, as O(kore.ai.kore_contact_list#module:contacts); not with
            O(lists[].contacts_file). Without either, the list's contacts are left as they are.
        type: list
        elements: dict
        version_added: 0.2.0
      contacts_file:
        description:
          - A CSV file of the contacts the list must hold, as O(kore.ai.kore_contact_list#module:contacts_file);
            not with O(lists[].contacts).
        type: path
        version_added: 0.2.0
  purge:
    description: Delete every list of the bot that O(lists) does not name. Refused without O(lists).
    type: bool
    default: false
  force:
    description:
      - With O(purge), delete lists that campaigns use as well; with O(purge_contacts), recreate them too. Without
        it such lists are kept and named in the result, with their campaigns.
    type: bool
    default: false
  backup_dir:
    description:
      - Every list the task deletes (O(purge)) or recreates (O(purge_contacts)) is written to C(<backup_dir>/<list
        id>.csv) first, as O(kore.ai.kore_contact_list#module:backup_file) writes one, with its record beside it, so
        that the directory alone restores it (M(kore.ai.kore_backup)). No two lists share a file; a file already there
        is moved aside (RV(previous_backup_files)); a list whose backup cannot be written is not deleted. Relative to
        the playbook's directory. More in R(Contacts, CSV files and backups,
        ansible_collections.kore.ai.docsite.guide_contacts).
    type: path
    version_added: 0.2.0
seealso:
  - module: kore.ai.kore_contact_list
  - module: kore.ai.kore_backup
"""

EXAMPLES = r"""
- name: A directory for the backups
  ansible.builtin.file:
    path: "{{ playbook_dir }}/backups/lists"
    state: directory
    mode: "0700"

- name: Reset the QA bot to exactly two lists, one with the contacts of a CSV file (connection from KORE_* variables)
  kore.ai.kore_contact_lists:
    lists:
      - name: Renewals
        description: Customers up for renewal
        contacts_file: "{{ playbook_dir }}/renewals.csv"
      - name: Win-back
        description: Lapsed customers
    purge: true
    backup_dir: "{{ playbook_dir }}/backups/lists"
    max_rate: 540
  register: reset

- name: Undo it from the backup directory alone
  kore.ai.kore_backup:
    state: restore
    backup_dir: "{{ playbook_dir }}/backups"
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
  description: By list name, the contacts sent (from a file, the first ten identities); in check mode, to be sent.
  returned: always
  type: dict
  sample: {QA smoke: [{phoneNumber: "+15550100002", uniqueId: qa-2}]}
  version_added: 0.2.0
contacts_counts:
  description: By list name, the contacts before, added, dropped by a recreation, and after.
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
  description: Temporary files that killed runs had left in O(backup_dir), removed (never a live writer's).
  returned: when such files were found
  type: list
  elements: str
  sample: [/srv/backups/.kore-3k2j9x1q.tmp]
  version_added: 0.2.0
recreated:
  description: The lists deleted and created again to drop contacts (O(purge_contacts)), also after a failure.
  returned: always
  type: list
  elements: dict
  sample: [{name: QA smoke, old_id: cl-718e888e-3aca-4008-973e-6d79940abcde, new_id: cl-0b1c2d3e-3aca-4008-973e-6d79940abcde}]
  version_added: 0.2.0
gone_meanwhile:
  description: Lists to delete that someone else deleted meanwhile; nothing was done for them.
  returned: always
  type: list
  elements: dict
  sample: [{_id: cl-718e888e-3aca-4008-973e-6d79940abcde, name: QA smoke}]
not_attempted:
  description: Changes left out because an earlier one failed (no change starts after a failure).
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
