#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: kore_contact_list_info
short_description: List the campaign contact lists of a Kore.ai bot
version_added: 0.1.0
description:
  - Returns the contact lists of a bot, all of them or those with a given id or name; with O(list_type), its DNC
    (do not call) lists too, or those alone. Each list says its type in C(listType).
  - Read-only; never changes anything.
author:
  - Kore.ai collection maintainers (@kore-ai-ansible)
extends_documentation_fragment:
  - kore.ai.connection
  - kore.ai.connection.attributes
attributes:
  check_mode:
    support: full
  diff_mode:
    support: N/A
options:
  id:
    description:
      - Only the list with this id, as a full record. An empty result when the bot has no such list.
    type: str
    aliases: [contact_list_id]
  name:
    description:
      - Only the lists with exactly this name, as full records. Kore allows several.
    type: str
  list_type:
    description:
      - V(call) the contact lists campaigns call, V(dnc) the DNC lists campaigns name in C(dncLists), V(all) both.
        By O(id) a list of either type is returned.
    type: str
    choices: [call, dnc, all]
    default: call
    version_added: 0.2.0
  return_contacts:
    description:
      - Also return every contact of the list (all pages) as C(contacts). Needs O(id) or O(name), and fails when
        the name is shared by several lists.
    type: bool
    default: false
    version_added: 0.2.0
seealso:
  - module: kore.ai.kore_contact_list
"""

EXAMPLES = r"""
- name: All contact lists of the bot (connection from KORE_* environment variables)
  kore.ai.kore_contact_list_info:
  register: all_lists

- name: Names of the lists
  ansible.builtin.debug:
    msg: "{{ all_lists.contact_lists | map(attribute='name') | list }}"

- name: The lists named Renewals
  kore.ai.kore_contact_list_info:
    stream_id: st-0a1b2c3d-1111-2222-3333-444455556666
    account_id: 5f0e1d2c3b4a596877665544
    jwt: "{{ kore_token }}"
    name: Renewals

- name: The bot's DNC lists, each with its listType
  kore.ai.kore_contact_list_info:
    list_type: dnc
  register: dnc_lists

- name: Back up a list's contacts to a file
  kore.ai.kore_contact_list_info:
    name: QA smoke
    return_contacts: true
  register: qa_list

- name: Write the backup
  ansible.builtin.copy:
    content: "{{ qa_list.contacts | to_nice_json }}"
    dest: "{{ playbook_dir }}/qa-smoke-contacts.json"
    mode: "0600"
"""

RETURN = r"""
contact_lists:
  description:
    - The lists. Without O(id) or O(name) these are Kore's summaries from "list all", which lack
      C(createdAt), C(createdBy), C(isActive), C(allowDuplicates), C(isGlobalDNC) and C(isDefault);
      with O(id) or O(name) they are full records.
  returned: always
  type: list
  elements: dict
  sample:
    - _id: cl-718e888e-3aca-4008-973e-6d79940abcde
      name: Renewal Due - May/June 2025
      description: Customers whose services expire in July 2025
      campaignInUse: []
      listType: call
      source: passiveApi
      status: Ready
      totalRecordCount: 0
contacts:
  description: With O(return_contacts=true), every contact of the list, as Kore returns it.
  returned: when O(return_contacts=true)
  type: list
  elements: dict
  sample: [{_id: cc-3f2a9d1e-4c55-4e0f-9d7e-0a1b2c3d4e5f, phoneNumber: "+15550100001", firstName: Ada}]
  version_added: 0.2.0
"""

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.access import ListAccess
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.describe import LIST_TYPES, describe_with_contacts
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import ListSpec
from ansible_collections.kore.ai.plugins.module_utils._module import run_module
from ansible_collections.kore.ai.plugins.module_utils._task import ModuleWork

# with the connection options (module_utils/_connection.py); the action plugin validates against the same in the worker
ARGUMENT_SPEC = dict(
    id=dict(type="str", aliases=["contact_list_id"]),
    name=dict(type="str"),
    return_contacts=dict(type="bool", default=False),
    list_type=dict(type="str", choices=list(LIST_TYPES), default="call"),
)
RULES = dict(
    mutually_exclusive=[("id", "name")],
)


def describe(task):
    """The task's work, in the module process or in Ansible's worker (plugins/action/kore_contact_list_info.py)."""
    p = task.params
    access = ListAccess(task)
    records, contacts = describe_with_contacts(access.lists, access.contacts, ListSpec(p["id"], p["name"]),
                                               return_contacts=p["return_contacts"], list_type=p["list_type"])
    extra = {} if contacts is None else {"contacts": contacts}
    return dict(changed=False, contact_lists=records, **extra)


MODULE = ModuleWork(ARGUMENT_SPEC, RULES, describe)


def main():
    run_module(MODULE)


if __name__ == "__main__":
    main()
