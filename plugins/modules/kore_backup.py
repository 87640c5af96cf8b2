#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: kore_backup
short_description: Dump a Kore.ai bot's contact lists and campaigns to a directory, or restore them from it
version_added: 0.2.0
description:
  - With O(state=dump), writes every contact list of the bot (its contacts as C(lists/<id>.csv), its record as
    C(lists/<id>.json)) and every voice and sms campaign (its whole record as C(campaigns/<id>.json)) to
    O(backup_dir), deleting nothing. It is the layout the list modules' O(kore.ai.kore_contact_lists#module:backup_dir)
    and M(kore.ai.kore_campaign)'s O(kore.ai.kore_campaign#module:backup_file) write before they delete.
  - With O(state=restore), brings back from O(backup_dir) alone every list the bot lacks, with every contact of
    its backup (the newest backup of each name wins; a list the bot has gains the contacts it lacks), then every
    campaign, created from its record or updated to it. Campaigns come back at rest; those that were running when
    backed up are named in RV(campaigns) (C(at_rest)), or started again with O(resume_campaigns=true).
  - The bot is the one the connection names, so a restore into another bot copies the lists and campaigns of the
    first. Run again, a restore sends no write. In check mode nothing is written or sent; campaigns that name lists
    the restore would create count those as present.
  - DNC lists are not dumped or restored (no public call creates or fills one); the bot restored into must have the
    DNC lists its campaigns name, or those campaigns fail, named in RV(msg).
  - What no restore brings back - Kore's ids (a list or campaign restored gets a new one), a campaign's history
    (instances, dialer outcomes, agent dispositions), and the name of a campaign's flow, which a record names by id
    only (C(experienceFlow)); an agentless voice or advanced-format sms campaign needs it to be created, from
    O(experience_flows).
author:
  - Kore.ai collection maintainers (@kore-ai-ansible)
extends_documentation_fragment:
  - kore.ai.connection
  - kore.ai.connection.attributes
  - kore.ai.pacing
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
    details: With O(state=restore), the lists' diff as M(kore.ai.kore_contact_lists) gives it.
options:
  state:
    description:
      - V(dump) writes the bot to O(backup_dir); V(restore) brings back what O(backup_dir) holds.
    type: str
    choices: [dump, restore]
    required: true
  backup_dir:
    description:
      - An existing directory on the host that runs the module; C(lists) and C(campaigns) are made in it.
      - A file already at a name is kept beside it (C(<name>.<pid>.<time>~)), never overwritten.
    type: path
    required: true
  resume_campaigns:
    description:
      - With O(state=restore), start again the campaigns that were running when backed up, once their lists hold
        their contacts (M(kore.ai.kore_campaign) with C(state=started)).
    type: bool
    default: false
  experience_flows:
    description:
      - With O(state=restore), the names of the flows the campaigns' records name by id only, as a dict of flow id
        (C(experienceFlow), C(cf-...)) to the flow's name as Kore's UI shows it; sent as C(experienceFlowName).
      - A campaign whose create needs its flow (agentless voice, sms in the advanced format) and whose flow id is
        not here is not restored and is named in RV(msg) with its flow id; the other campaigns are restored.
    type: dict
    default: {}
  wait_timeout:
    description:
      - Seconds to wait for Kore to show contacts added, and for a campaign to settle (1 to 3600).
    type: int
    default: 120
seealso:
  - module: kore.ai.kore_contact_lists
  - module: kore.ai.kore_campaign
  - name: Contacts, CSV files and backups
    description: The guide.
    link: https://github.com/kore-ai-ansible/kore.ai/blob/main/docs/docsite/rst/guide_contacts.rst
"""

EXAMPLES = r"""
- name: A directory for the snapshot
  ansible.builtin.file:
    path: "{{ playbook_dir }}/qa-snapshot"
    state: directory
    mode: "0700"

- name: Snapshot the QA bot
  kore.ai.kore_backup:
    state: dump
    backup_dir: "{{ playbook_dir }}/qa-snapshot"

- name: Copy it into a fresh bot, campaigns running as they were (an agentless campaign's record names its flow by id)
  kore.ai.kore_backup:
    state: restore
    backup_dir: "{{ playbook_dir }}/qa-snapshot"
    stream_id: st-0a1b2c3d-1111-2222-3333-777788889999
    resume_campaigns: true
    experience_flows:
      cf-ecfa3927-eabc-52c4-8373-8a0b75d00000: Voice Survey Entry Flow

- name: Undo a mistake in the QA bot - what the snapshot holds and the bot lacks is made again
  kore.ai.kore_backup:
    state: restore
    backup_dir: "{{ playbook_dir }}/qa-snapshot"
"""

RETURN = r"""
lists:
  description:
    - With O(state=dump), each list written, by id - its C(name), C(contacts_file) and C(record_file).
    - With O(state=restore), the lists' result as M(kore.ai.kore_contact_lists) gives it (C(created),
      C(unchanged), C(contacts_counts), C(msg) and the rest).
  returned: always
  type: dict
campaigns:
  description:
    - With O(state=dump), each campaign written, by id - its C(name), C(type) and C(file).
    - With O(state=restore), the names of the campaigns C(created), C(updated), C(unchanged), C(started) again,
      and C(at_rest) - running when backed up, restored at rest.
  returned: always
  type: dict
  sample: {created: [QA outbound], updated: [], unchanged: [], started: [], at_rest: [QA outbound]}
msg:
  description: What was done, in words.
  returned: always
  type: str
"""

from ansible_collections.kore.ai.plugins.module_utils._backup.directory import required_path
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.access import ListAccess
from ansible_collections.kore.ai.plugins.module_utils._module import run_module
from ansible_collections.kore.ai.plugins.module_utils._pacer import PACING_ARGSPEC
from ansible_collections.kore.ai.plugins.module_utils._task import ModuleWork
from ansible_collections.kore.ai.plugins.module_utils._wait import WAIT_ARGSPEC

ARGUMENT_SPEC = dict(
    state=dict(type="str", choices=["dump", "restore"], required=True),
    backup_dir=dict(type="path", required=True),
    resume_campaigns=dict(type="bool", default=False),
    experience_flows=dict(type="dict", default={}),
    **dict(PACING_ARGSPEC, **WAIT_ARGSPEC)
)
RULES = dict()


def ensure(task):
    """The task's work, in the module process or in Ansible's worker (plugins/action/kore_backup.py)."""
    p = task.params
    backup_dir = required_path("backup_dir", p["backup_dir"])
    access = ListAccess(task)
    if p["state"] == "dump":
        from ansible_collections.kore.ai.plugins.module_utils._bot.dump import dump

        return dump(access.lists, access.contacts, backup_dir, check_mode=task.check_mode).result()
    from ansible_collections.kore.ai.plugins.module_utils._bot.restore import restore

    outcome = restore(access.lists.client, backup_dir, parallel=access.pacing.parallel,
                      wait_timeout=p["wait_timeout"], resume=p["resume_campaigns"], check_mode=task.check_mode,
                      progress=task.progress, flows=p["experience_flows"])
    task.warnings.extend(outcome.warnings)
    return outcome.result(task.diff)


MODULE = ModuleWork(ARGUMENT_SPEC, RULES, ensure)


def main():
    run_module(MODULE)


if __name__ == "__main__":
    main()
