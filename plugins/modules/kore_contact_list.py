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
  - Ensures that a contact list of a Kore.ai bot exists with the given description and duplicate policy, or
    that it does not exist.
  - With O(state=absent) the list is deleted with C(DELETE .../campaign/contactList/{id}) and the deleted
    record is returned. A list that is already missing is reported unchanged, but only after Kore's list of
    the bot's contact lists has answered and does not hold it, because Kore answers C(404) alike for a
    missing list and for a wrong bot, account or host.
  - A list that campaigns use is not deleted unless O(force=true).
author:
  - Kore.ai collection maintainers (@kore-ai-ansible)
extends_documentation_fragment:
  - kore.ai.connection
  - kore.ai.connection.attributes
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
options:
  id:
    description:
      - The contact list id, C(cl-...). Used as one URL path segment, whatever it contains.
      - One of O(id) and O(name) is required. With both, O(id) finds the list and O(name) renames it.
    type: str
    aliases: [contact_list_id]
  name:
    description:
      - The list's name, at most 48 characters, matched exactly against every list of the bot.
      - Kore does not keep names unique. When two lists have this name the task fails, names both ids,
        and changes nothing.
    type: str
  state:
    description:
      - V(present) creates the list when no list has O(name), and otherwise updates what differs.
      - V(absent) deletes it.
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
      - Delete the list even when campaigns use it (C(campaignInUse) is not empty).
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: Delete a contact list by id
  kore.ai.kore_contact_list:
    stream_id: st-0a1b2c3d-1111-2222-3333-444455556666
    account_id: 5f0e1d2c3b4a596877665544
    client_id: cs-0a1b2c3d-aaaa-bbbb-cccc-ddddeeeeffff
    client_secret: "{{ vault_kore_client_secret }}"
    id: cl-718e888e-3aca-4008-973e-6d79940abcde
    state: absent
  register: deleted

- name: Show what was deleted
  ansible.builtin.debug:
    msg: "{{ deleted.contact_list.name }} had {{ deleted.contact_list.totalRecordCount }} contacts"

- name: Make sure a list exists, connection from the environment (KORE_STREAM_ID, KORE_JWT, ...)
  kore.ai.kore_contact_list:
    name: Renewal Due - May/June 2025
    description: Customers whose services expire in July 2025
    allow_duplicates: false

- name: Delete a list by name, even though campaigns still use it
  kore.ai.kore_contact_list:
    name: Old renewals
    state: absent
    force: true
"""

RETURN = r"""
contact_list:
  description:
    - The list as Kore returned it. For O(state=absent), the deleted record.
    - Empty when nothing was there to delete. In check mode, the record as it would be.
  returned: always
  type: dict
  sample:
    _id: cl-718e888e-3aca-4008-973e-6d79940abcde
    name: Renewal Due - May/June 2025
    description: Customers whose services expire in July 2025
    allowDuplicates: false
    campaignInUse: []
    isListInUse: false
    listType: call
    source: passiveApi
    status: Ready
    totalRecordCount: 0
    createdAt: "2025-12-05T10:30:57.258Z"
    updatedAt: "2025-12-05T10:35:41.551Z"
msg:
  description: What was done, in words.
  returned: always
  type: str
  sample: contact list 'Renewal Due - May/June 2025' (cl-718e888e-3aca-4008-973e-6d79940abcde) deleted
"""

from ansible_collections.kore.ai.plugins.module_utils._contact_list import ensure_absent, ensure_present
from ansible_collections.kore.ai.plugins.module_utils._module import KoreModule


def main():
    module = KoreModule(
        argument_spec=dict(
            id=dict(type="str", aliases=["contact_list_id"]),
            name=dict(type="str"),
            state=dict(type="str", choices=["present", "absent"], default="present"),
            description=dict(type="str"),
            allow_duplicates=dict(type="bool"),
            force=dict(type="bool", default=False),
        ),
        required_one_of=[("id", "name")],
        supports_check_mode=True,
    )
    p = module.params
    lists = module.contact_lists()
    if p["state"] == "absent":
        outcome = module.guard(ensure_absent, lists, p["id"], p["name"], p["force"], module.check_mode)
    else:
        outcome = module.guard(ensure_present, lists, p["id"], p["name"], p["description"],
                               p["allow_duplicates"], module.check_mode)
    module.exit_outcome(outcome)


if __name__ == "__main__":
    main()
