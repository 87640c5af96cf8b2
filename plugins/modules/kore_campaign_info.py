#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: kore_campaign_info
short_description: List the voice and sms campaigns of a Kore.ai bot
version_added: 0.2.0
description:
  - Returns the campaigns of a bot, voice and sms, every page of Kore's list, all of them or those that match
    the filters.
  - Kore lists voice and sms campaigns apart; with O(type=all) (the default) both are listed, voice first.
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
  type:
    description:
      - Which campaigns to list.
    type: str
    choices: [voice, sms, all]
    default: all
  name:
    description:
      - Only the campaigns with exactly this name. Kore allows several.
    type: str
  status:
    description:
      - Only the campaigns in one of these statuses, such as V(Active), V(Ready), V(Stopped) or V(Completed),
        compared exactly as Kore spells them.
    type: list
    elements: str
  contact_list:
    description:
      - Only the campaigns that use the list of this name, as one of their contact lists or as their DNC list.
        Campaigns name their lists by name; a list's id (C(cl-...)) is read as that list's name, one more request.
    type: str
seealso:
  - module: kore.ai.kore_campaign
  - name: Kore.ai Get All SMS/Voice Campaigns API (v2)
    description: Kore's page of the call.
    link: https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-campaigns-v2
"""

EXAMPLES = r"""
- name: Every campaign of the bot (connection from KORE_* environment variables)
  kore.ai.kore_campaign_info:
  register: all_campaigns

- name: The campaigns that hold the QA lists, to back them up and stop them before a reset
  kore.ai.kore_campaign_info:
    contact_list: QA smoke
  register: qa_campaigns

- name: Voice campaigns running now
  kore.ai.kore_campaign_info:
    type: voice
    status: [Active, Scheduled, Rescheduled, Paused, Preparing]
  register: running

- name: Their names and ids
  ansible.builtin.debug:
    msg: "{{ running.campaigns | map(attribute='name') | zip(running.campaigns | map(attribute='id')) | list }}"
"""

RETURN = r"""
campaigns:
  description:
    - The campaigns, as Kore's list shows them, each with C(id) set (whichever of C(_id) and C(id) Kore used;
      voice items carry C(_id), sms items C(id)) and C(type) set to V(voice) or V(sms).
  returned: always
  type: list
  elements: dict
  sample:
    - _id: cd-a1b2c3d4-0000-4000-8000-000000000001
      id: cd-a1b2c3d4-0000-4000-8000-000000000001
      type: voice
      name: Renewals - May
      status: Ready
      contactLists: [Renewal Due - May/June 2025]
      dncLists: {id: cl-a1b2c3d4-0000-4000-8000-0000000000d1, name: Do not call}
"""

from ansible_collections.kore.ai.plugins.module_utils._campaigns.describe import matching_campaigns
from ansible_collections.kore.ai.plugins.module_utils._module import run_module
from ansible_collections.kore.ai.plugins.module_utils._task import ModuleWork

# with the connection options (module_utils/_connection.py); the action plugin validates against the same in the worker
ARGUMENT_SPEC = dict(
    type=dict(type="str", choices=["voice", "sms", "all"], default="all"),
    name=dict(type="str"),
    status=dict(type="list", elements="str"),
    contact_list=dict(type="str"),
)
RULES = dict()


def describe(task):
    """The task's work, in the module process or in Ansible's worker (plugins/action/kore_campaign_info.py)."""
    p = task.params
    found = matching_campaigns(task.connect(), p["type"], name=p["name"], statuses=p["status"],
                               contact_list=p["contact_list"])
    return dict(changed=False, campaigns=found)


MODULE = ModuleWork(ARGUMENT_SPEC, RULES, describe)


def main():
    run_module(MODULE)


if __name__ == "__main__":
    main()
