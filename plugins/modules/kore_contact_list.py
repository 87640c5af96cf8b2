#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: kore_contact_list
short_description: Create, update or delete a Kore.ai campaign contact list
version_added: 0.1.0
description:
  - Ensures that a contact list of a Kore.ai bot exists as declared, with its contacts, or that it does not.
  - O(state=absent) deletes the list and returns the deleted record. A list already missing is unchanged only
    once the bot's list of lists lacks it (Kore's C(404) may mean a wrong bot). A list in use is kept.
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
  id:
    description:
      - The contact list id, C(cl-...). One of O(id) and O(name) is required; with both, O(name) renames the list.
    type: str
    aliases: [contact_list_id]
  name:
    description:
      - The list's name, at most 48 characters, matched exactly. Kore does not keep names unique; when two lists
        have this name the task fails naming both ids, and changes nothing.
    type: str
  state:
    description:
      - V(present) creates the list when no list has O(name), and otherwise updates what differs; V(absent)
        deletes it.
    type: str
    choices: [present, absent]
    default: present
  description:
    description:
      - The list's description, at most 256 characters. Required to create a list.
    type: str
  allow_duplicates:
    description:
      - Whether the list accepts the same contact twice. New lists default to V(false).
    type: bool
  force:
    description:
      - Delete (or, with O(purge_contacts), recreate) the list even when campaigns use it; without it such a list
        is refused, naming the campaigns. With O(id), the C(DELETE) is sent at once, without reading the list.
    type: bool
    default: false
  contacts:
    description:
      - With O(state=present), contacts the list must hold, as dicts in Kore's field names (V(phoneNumber) required).
        The missing ones are added, by V(uniqueId), else V(phoneNumber); at most 20000, not with O(contacts_file).
        Rules in R(Contacts, CSV files and backups, ansible_collections.kore.ai.docsite.guide_contacts).
    type: list
    elements: dict
    version_added: 0.2.0
  contacts_file:
    description:
      - With O(state=present), a CSV file (Kore's import format, as O(backup_file) writes it) of up to 1,000,000
        contacts the list must hold, checked whole before any request; not with O(contacts). Rules in R(Contacts, CSV
        files and backups, ansible_collections.kore.ai.docsite.guide_contacts).
    type: path
    version_added: 0.2.0
  backup_file:
    description:
      - Every contact is written to this CSV file, whole and on disk, before the list is deleted or recreated
        (O(purge_contacts)); when it cannot be, nothing is deleted. A file already there is moved aside, never
        replaced. O(contacts_file) restores it. More in R(Contacts, CSV files and backups,
        ansible_collections.kore.ai.docsite.guide_contacts).
    type: path
    version_added: 0.2.0
  return_contacts:
    description:
      - Return every contact of the list as RV(contacts) (before a delete); at most 20000.
    type: bool
    default: false
    version_added: 0.2.0
seealso:
  - module: kore.ai.kore_contact_lists
  - module: kore.ai.kore_contact_list_info
  - name: Kore.ai Delete Contact List API (v2)
    description: Kore's page of the call.
    link: https://docs.kore.ai/ai-for-service/apis/contact-center/delete-contact-list-details-v2
"""

EXAMPLES = r"""
- name: Delete a contact list by id, connection given in the task (or in module_defaults, or KORE_* variables)
  kore.ai.kore_contact_list:
    stream_id: st-0a1b2c3d-1111-2222-3333-444455556666
    account_id: 5f0e1d2c3b4a596877665544
    client_id: cs-0a1b2c3d-aaaa-bbbb-cccc-ddddeeeeffff
    client_secret: "{{ vault_kore_client_secret }}"
    id: cl-718e888e-3aca-4008-973e-6d79940abcde
    state: absent
  register: deleted

- name: Show what was deleted (nothing, when it was already gone)
  ansible.builtin.debug:
    msg: "{{ deleted.contact_list.name }} had {{ deleted.contact_list.totalRecordCount }} contacts"
  when: deleted.contact_list | length > 0

- name: Seed a QA list with test numbers (only the missing ones are sent)
  kore.ai.kore_contact_list:
    name: QA smoke
    description: Test numbers for the smoke campaign
    contacts:
      - {phoneNumber: "+15550100001", firstName: Ada, uniqueId: qa-1}
      - {phoneNumber: "+15550100002", firstName: Bob, uniqueId: qa-2}

- name: Delete it, every contact written to a CSV file first
  kore.ai.kore_contact_list:
    name: QA smoke
    state: absent
    backup_file: "{{ playbook_dir }}/qa-smoke.csv"

- name: Restore it from that file
  kore.ai.kore_contact_list:
    name: QA smoke
    description: Test numbers for the smoke campaign
    contacts_file: "{{ playbook_dir }}/qa-smoke.csv"
"""

RETURN = r"""
contact_list:
  description: The list as Kore returned it; for O(state=absent), the deleted record (empty when nothing was
    there). In check mode, the record as it would be.
  returned: always
  type: dict
  sample:
    {_id: cl-718e888e-3aca-4008-973e-6d79940abcde, name: Renewal Due - May/June 2025, campaignInUse: []}
contacts:
  description: With O(return_contacts=true), every contact of the list as Kore returns it (before a delete).
  returned: when O(return_contacts=true)
  type: list
  elements: dict
  sample: [{_id: cc-3f2a9d1e-4c55-4e0f-9d7e-0a1b2c3d4e5f, phoneNumber: "+15550100001", uniqueId: qa-1}]
  version_added: 0.2.0
contacts_added:
  description: With O(contacts), the contacts sent to Kore (in check mode, those that would be sent).
  returned: when O(contacts) is given
  type: list
  elements: dict
  sample: [{phoneNumber: "+15550100002", firstName: Bob, uniqueId: qa-2}]
  version_added: 0.2.0
contacts_added_sample:
  description: With O(contacts_file), the identities of the first ten contacts sent (in check mode, that would be).
  returned: when O(contacts_file) is given
  type: list
  elements: str
  sample: ["uniqueId qa-1", "phoneNumber +15550100003"]
  version_added: 0.2.0
contacts_counts:
  description: With O(contacts) or O(contacts_file), the contacts before, added, dropped by a recreation, and after.
  returned: when O(contacts) or O(contacts_file) is given
  type: dict
  sample: {before: 99000, added: 1000, dropped: 0, after: 100000}
  version_added: 0.2.0
backup_file:
  description: The absolute path of the backup written.
  returned: when a backup was written
  type: str
  sample: /home/ops/backups/renewals.csv
  version_added: 0.2.0
backup_record_file:
  description: The list's record, written beside its contacts' backup, so that the backup restores alone.
  returned: when a backup was written
  type: str
previous_backup_file:
  description: The file that was at O(backup_file) before, kept under this new name.
  returned: when a backup was written over an existing file
  type: str
  sample: /home/ops/backups/renewals.csv.48213.2026-11-30@14:05:09~
  version_added: 0.2.0
previous_backup_files:
  description: Every file moved aside from O(backup_file) when other writers published meanwhile.
  returned: when more than one file was moved aside
  type: list
  elements: str
  sample: [/home/ops/backups/reset.csv.48213.2026-11-30@14:05:09~, /home/ops/backups/reset.csv.48213.2026-11-30@14:05:09.1~]
  version_added: 0.2.0
removed_temporary_files:
  description: Temporary files that killed runs had left beside O(backup_file), removed.
  returned: when such files were found
  type: list
  elements: str
  sample: [/home/ops/backups/.kore-3k2j9x1q.tmp]
  version_added: 0.2.0
recreated:
  description: The old and new id of a list recreated to drop contacts (O(purge_contacts)).
  returned: when the list was recreated
  type: dict
  sample: {old_id: cl-718e888e-3aca-4008-973e-6d79940abcde, new_id: cl-0b1c2d3e-3aca-4008-973e-6d79940abcde}
  version_added: 0.2.0
msg:
  description: What was done, in words.
  returned: always
  type: str
  sample: contact list 'Renewal Due - May/June 2025' (cl-718e888e-3aca-4008-973e-6d79940abcde) deleted
"""

from ansible_collections.kore.ai.plugins.module_utils._backup.options import BACKUP_FILE_ARGSPEC, backup_file
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.access import ListAccess
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.engine import (
    ensure_list_absent,
    ensure_list_present,
)
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import ListSpec
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.work import ListWork
from ansible_collections.kore.ai.plugins.module_utils._contacts.options import (
    CONTACTS_ARGSPEC,
    declared_contacts,
    refuse_contacts_when_absent,
)
from ansible_collections.kore.ai.plugins.module_utils._module import run_module
from ansible_collections.kore.ai.plugins.module_utils._pacer import PACING_ARGSPEC
from ansible_collections.kore.ai.plugins.module_utils._task import ModuleWork

ARGUMENT_SPEC = dict(
    id=dict(type="str", aliases=["contact_list_id"]),
    name=dict(type="str"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    description=dict(type="str"),
    allow_duplicates=dict(type="bool"),
    force=dict(type="bool", default=False),
    contacts=dict(type="list", elements="dict"),
    contacts_file=dict(type="path"),
    return_contacts=dict(type="bool", default=False),
    **dict(CONTACTS_ARGSPEC, **BACKUP_FILE_ARGSPEC, **PACING_ARGSPEC)
)
RULES = dict(
    required_one_of=[("id", "name")],
    mutually_exclusive=[("contacts", "contacts_file")],
)


def ensure(task):
    """The task's work, in the module process or in Ansible's worker (plugins/action/kore_contact_list.py)."""
    p = task.params
    access = ListAccess(task)
    spec = ListSpec(p["id"], p["name"], p["description"], p["allow_duplicates"])
    work = ListWork(force=p["force"], check_mode=task.check_mode, backup=backup_file(p),
                    return_contacts=p["return_contacts"], purge_contacts=p["purge_contacts"])
    if p["state"] == "absent":
        refuse_contacts_when_absent(p)
        outcome = ensure_list_absent(access.lists, access.contacts, spec, work)
    else:
        outcome = ensure_list_present(access.lists, access.contacts, spec, work.holding(declared_contacts(p)))
    return outcome.answer(task)


MODULE = ModuleWork(ARGUMENT_SPEC, RULES, ensure)


def main():
    run_module(MODULE)


if __name__ == "__main__":
    main()
