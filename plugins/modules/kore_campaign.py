#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: kore_campaign
short_description: Create, update, back up, stop and delete a voice or sms campaign of a Kore.ai bot
version_added: 0.2.0
description:
  - Makes one campaign of a bot's Campaign Management API as declared, or deletes it.
  - A campaign is found by O(id) or by its exact name, among the campaigns of its O(type); Kore lists, deletes and
    stops voice and sms campaigns apart. Two campaigns of the name and type are an error naming both ids; nothing
    is changed.
  - With O(state=absent) the campaign is deleted and Kore's deleted record returned. A campaign already missing
    is reported unchanged only once its type's list of campaigns (every page) answers without it; a 404 alone
    proves nothing, since a wrong bot, account or host answers 404 too. By id, a campaign Kore has but does not
    list under O(type) is an error naming the type, never "absent".
  - A running campaign (any status but C(Ready), C(Completed) and C(Stopped), a status this collection does not
    know included) is neither deleted nor edited unless O(stop=true); then Kore's stop trigger for its type is
    sent, the module waits up to O(wait_timeout) seconds for the status call to say it is no longer running, and
    goes on. A stop sent that does not settle in time fails with C(changed=true), the campaign kept.
  - With O(state=present) a missing campaign is created from O(definition) or O(definition_file). An existing
    one is compared on the fields the definition declares only, and those that differ are sent with C(PUT).
    Campaigns name their lists by name; C(contactLists) is compared by those names, in any order, and
    C(dncLists) by the name of its one DNC list, whatever C(id) Kore shows beside it. Nested dicts such as
    C(dialingStrategy) are compared on the keys declared, since Kore adds its own (C(useSystemMappings));
    C(priority) compares as text (Kore shows C("5") for 5). Every list the definition names must
    exist (a contact list as a call list); a missing one is an error naming it, before anything is sent.
author:
  - Kore.ai collection maintainers (@kore-ai-ansible)
extends_documentation_fragment:
  - kore.ai.connection
  - kore.ai.connection.attributes
attributes:
  check_mode:
    support: full
    details: Runs the same reads and decisions as a real run; only the writes are left out.
  diff_mode:
    support: full
    details: The campaign before and after; on update, the declared fields that differ.
options:
  id:
    description:
      - The campaign's id (C(cd-...)).
    type: str
    aliases: [campaign_id]
  name:
    description:
      - The campaign's exact name. With O(definition), it must be the definition's C(name) when that has one.
    type: str
  type:
    description:
      - The campaign's type.
    type: str
    choices: [voice, sms]
    required: true
  state:
    description:
      - V(present) creates or updates the campaign; V(absent) deletes it.
      - V(started) is present and running - Kore's documented C(play) trigger when it is at rest or C(Paused)
        (a campaign still C(Preparing) is waited for first), unchanged when it runs. V(stopped) is present and at
        rest - Kore's C(stop) trigger when it runs, then a wait of up to O(wait_timeout) seconds until its status
        settles. Without O(definition) the campaign must exist; with it, it is made present first. RV(status) says
        the status after.
    type: str
    choices: [present, absent, started, stopped]
    default: present
  definition:
    description:
      - The campaign as Kore's create call of its O(type) takes it, C(name), C(description), C(contactLists) (1 to 10
        list names), C(dncLists) (one object naming the DNC list, required for voice), C(priority),
        C(dialingStrategy), C(schedule), and for voice C(dialingMode) with C(queue_name) or C(experienceFlowName), for
        sms C(format) and C(message).
      - Kore's own fields (C(_id), C(status), C(lname) and the rest of a record) are left out, never sent or compared,
        so that a backup restores as it is and a restore run again changes nothing; a field no body documents is left
        out with a warning. A field in the wrong shape is refused before any request, naming it.
      - With O(definition_file), its fields are laid over the file's (an agentless campaign's backup names its flow by
        id only, so give C(experienceFlowName) here). One of the two is required with O(state=present). Every field is in
        R(How a task behaves, ansible_collections.kore.ai.docsite.guide_behaviour).
    type: dict
  definition_file:
    description:
      - A JSON file holding the definition. A O(backup_file) this module wrote restores as it is.
      - Relative to the directory the task runs in, as O(backup_file).
    type: path
  stop:
    description:
      - Stop a running campaign first, so that it can be deleted or updated.
    type: bool
    default: false
  wait_timeout:
    description:
      - Seconds to wait for a stopped campaign to settle (1 to 3600).
    type: int
    default: 120
  backup_file:
    description:
      - With O(state=absent), write the campaign's whole record (as C(GET) answers it) to this JSON file before
        anything is stopped or deleted. The file is written in full, made durable and given mode C(0600); a file
        already at the path is never replaced, but moved aside and named in C(previous_backup_file). A failure to
        write it leaves the campaign as it was.
    type: path
notes:
  - Kore documents no error answers; what it answers when asked to delete a running campaign or a list a campaign
    uses is not known. This module refuses both itself, before anything is sent.
seealso:
  - module: kore.ai.kore_campaign_info
  - module: kore.ai.kore_contact_lists
  - name: Kore.ai Get All SMS/Voice Campaigns API (v2)
    description: Kore's page of the call.
    link: https://docs.kore.ai/ai-for-service/apis/contact-center/get-all-campaigns-v2
"""

EXAMPLES = r"""
- name: A directory for the backups
  ansible.builtin.file:
    path: "{{ playbook_dir }}/backups"
    state: directory
    mode: "0700"

- name: Back up, stop and delete the campaign that uses the QA lists
  kore.ai.kore_campaign:
    name: QA outbound
    type: voice
    state: absent
    stop: true
    backup_file: "{{ playbook_dir }}/backups/qa-outbound.json"
  register: gone

- name: Bring it back from its backup
  kore.ai.kore_campaign:
    type: voice
    definition_file: "{{ playbook_dir }}/backups/qa-outbound.json"

- name: Running, as declared (Kore's play trigger when it is at rest)
  kore.ai.kore_campaign:
    name: QA outbound
    type: voice
    state: started

- name: A campaign as code
  kore.ai.kore_campaign:
    type: voice
    definition:
      name: Renewals - May
      description: Renewal reminders
      contactLists: [Renewal Due - May/June 2025]
      dncLists: {name: Do not call}
      priority: "3"
      dialingMode: Progressive
      queue_name: Default Queue
"""

RETURN = r"""
campaign:
  description:
    - The campaign's record, with C(id) set (whichever of C(_id) and C(id) Kore used) and C(type). With
      O(state=absent), Kore's deleted record; empty when the campaign was already absent.
  returned: always
  type: dict
  sample:
    _id: cd-a1b2c3d4-0000-4000-8000-000000000001
    id: cd-a1b2c3d4-0000-4000-8000-000000000001
    type: voice
    name: QA outbound
    status: Stopped
    contactLists: [QA smoke]
stopped:
  description: Whether the campaign was stopped (in check mode, would be) before it was deleted or updated, or
    with O(state=stopped).
  returned: always
  type: bool
status:
  description: With O(state=started) or O(state=stopped), the campaign's status after the task (in check mode,
    what it would be).
  returned: with state started or stopped
  type: str
  sample: Active
backup_file:
  description: Where the campaign's record was written, with O(backup_file), once written.
  returned: when written
  type: str
previous_backup_file:
  description: Where the file found at O(backup_file) was moved to.
  returned: when a file was there
  type: str
removed_temporary_files:
  description:
    - What runs killed while writing a backup had left beside O(backup_file) (a C(.kore-*.tmp), or an empty name
      made to keep an older backup under), removed before this task wrote its own. A writer holds a lock on such a
      file while it is in use, so another task's file being written is never taken for one.
  returned: when such files were found
  type: list
  elements: str
  sample: [/home/ops/backups/.kore-3k2j9x1q.tmp]
msg:
  description: What was done, in words.
  returned: always
  type: str
"""

from ansible_collections.kore.ai.plugins.module_utils._backup.options import BACKUP_FILE_ARGSPEC
from ansible_collections.kore.ai.plugins.module_utils._campaigns.entity import Campaigns
from ansible_collections.kore.ai.plugins.module_utils._campaigns.options import campaign_task, ensure_campaign
from ansible_collections.kore.ai.plugins.module_utils._module import run_module
from ansible_collections.kore.ai.plugins.module_utils._task import ModuleWork
from ansible_collections.kore.ai.plugins.module_utils._wait import WAIT_ARGSPEC

ARGUMENT_SPEC = dict(
    id=dict(type="str", aliases=["campaign_id"]),
    name=dict(type="str"),
    type=dict(type="str", choices=["voice", "sms"], required=True),
    state=dict(type="str", choices=["present", "absent", "started", "stopped"], default="present"),
    definition=dict(type="dict"),
    definition_file=dict(type="path"),
    stop=dict(type="bool", default=False),
    **dict(BACKUP_FILE_ARGSPEC, **WAIT_ARGSPEC)
)
RULES = dict()


def ensure(task):
    """The task's work, in the module process or in Ansible's worker (plugins/action/kore_campaign.py)."""
    asked = campaign_task(task.params, task.check_mode)
    task.warnings.extend(asked.warnings)
    return ensure_campaign(Campaigns(task.connect(), asked.spec.kind), asked).answer(task)


MODULE = ModuleWork(ARGUMENT_SPEC, RULES, ensure)


def main():
    run_module(MODULE)


if __name__ == "__main__":
    main()
