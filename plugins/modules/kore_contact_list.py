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
  - A list campaigns use (a DNC list too, by O(id) or O(name)) is not deleted unless O(force=true).
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
      - The contact list id, C(cl-...). Used as one URL path segment, whatever it contains.
      - An id that does not start with C(cl-) still works, but when no list has it the task warns that it may
        be a name, which belongs in O(name).
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
      - Delete the list even when campaigns use it (C(campaignInUse) is not empty); with O(purge_contacts),
        recreate it even then. Without it, such a list is refused, naming the campaigns (name, id and type), which
        M(kore.ai.kore_campaign) can back up, stop and delete first.
      - Kore itself may refuse to delete a list a campaign uses (its UI does). Then the task fails cleanly, naming
        the campaigns, and nothing is changed; O(force) cannot override Kore.
      - With O(id), the C(DELETE) is sent at once, without reading the list first, so the task costs one request;
        Kore's answer is the deleted record. A C(404) is still proven by the bot's list of lists before the list
        is reported already absent. Check mode still reads the list and writes nothing.
    type: bool
    default: false
  contacts:
    description:
      - With O(state=present), contacts the list must hold.
      - Each a contact in Kore's own field names. V(phoneNumber) is required, a non-empty string (quote numbers
        in YAML); V(firstName), V(lastName), V(timeZone) and V(uniqueId) must be strings too; V(contactPriority)
        and custom columns may be strings, numbers or booleans. Fields are passed to Kore as given.
      - A contact's identity is its V(uniqueId) when it has one, else its V(phoneNumber). Contacts whose identity
        the list does not hold are added; a contact already there is not changed, since Kore cannot update one.
        Two entries with one identity are an error.
      - A V(phoneNumber) is an optional C(+) and digits, in groups that spaces, C(-), C(.) or parentheses may part
        (C(+1 555-010-0001)), as Kore may hold it; spaces around it are removed before it is sent or compared,
        and anything else fails the task before any request.
      - Kore adds contacts by list name, so the task fails, adding nothing, when another list has the same name.
      - Kore's own fields (V(_id), V(createdAt), V(updatedAt)) and empty (null) fields are dropped, so the
        C(contacts) of an earlier result (O(return_contacts=true)) can be given back as they are to restore a list.
      - At most 20000 contacts in one task (Ansible itself takes about a second per thousand to template them);
        more belong in O(contacts_file). They are sent 100 at a time.
      - Mutually exclusive with O(contacts_file).
    type: list
    elements: dict
    version_added: 0.2.0
  contacts_file:
    description:
      - With O(state=present), a CSV file of the contacts the list must hold, up to Kore's 1,000,000 a list. The
        path is on the host that runs the module (usually the controller), for example
        C({{ playbook_dir }}/contacts/renewals.csv). A relative path is relative to the playbook's directory, in
        Ansible's worker and in a module alike.
      - It must be a regular file. A FIFO, a device or a directory is refused at once, and a line longer than 1 MiB
        fails the task naming it.
      - The format of Kore's own "Local Drive" import, and of O(backup_file). A header row names the columns with
        Kore's field names; V(phoneNumber) is required, V(firstName), V(lastName), V(timeZone), V(uniqueId),
        V(contactPriority) and any custom columns are taken as given. UTF-8, with or without a byte-order mark;
        RFC 4180 quoting (a value with commas, quotes or line breaks in double quotes).
      - Every value is text exactly as written, so a phone number such as C("+4915112345678") or C(0049...) is
        never turned into a number. CSV holds text only, so a number or boolean kept by Kore comes back as text.
      - A V(phoneNumber) is an optional C(+) and digits, in groups that spaces, C(-), C(.) or parentheses may part;
        spaces around it are removed before it is sent or compared. Anything else (C(4.91511E+12) or
        C(4915110000000.0), which is how a spreadsheet shows a long number it took for a number;
        letters; a C(;) or a tab inside, the mark of a file read with the wrong separator) fails the task naming
        the file, line, column and value. A header that holds V(phoneNumber) joined to other names by C(;) or a
        tab is refused, naming the separator; save such a file as comma-separated CSV.
      - An empty cell, or a row shorter than the header, means the contact has no such field, so contacts with
        different fields share one file. Empty lines are skipped.
      - The same identity rules as O(contacts) (V(uniqueId), else V(phoneNumber)), with O(purge_contacts), check
        mode and diff alike. Results and diffs carry counts and a sample of ten identities, never every contact.
      - The whole file is checked before any request. A file without a header or a V(phoneNumber) column, with a
        column named twice, a row with more fields than the header, an empty V(phoneNumber), one identity twice,
        bytes that are not UTF-8, a NUL character, or a value over 4096 characters fails the task naming the line
        (and column), and nothing is sent.
      - Mutually exclusive with O(contacts).
    type: path
    version_added: 0.2.0
  backup_file:
    description:
      - Before anything is deleted, every contact of the list is written to this CSV file, on the host that runs the
        module. With O(state=absent), before the list is deleted; with O(state=present) and O(purge_contacts=true),
        before the list is deleted to be created again (and only then).
      - The file has a header of the fields the contacts have (V(phoneNumber) first), every value in double quotes
        so that Kore's own import reads phone numbers as text, UTF-8 without a byte-order mark, and none of Kore's
        own fields (V(_id), V(createdAt), V(updatedAt), V(__v)). It is also a file Kore's "Local Drive" import
        accepts. Given back as O(contacts_file), it restores the list's contacts, every field (as text).
      - Written to a temporary file in the same directory and linked into place, mode C(0600). Pages are streamed
        into it, so a list of a million contacts is backed up in bounded memory.
      - Every contact must restore from the file. A list holding a contact whose V(phoneNumber) O(contacts_file)
        would refuse (letters, a spreadsheet's number, none) is not deleted, and the task fails naming it.
      - When the contacts cannot all be read or the file cannot be written (a missing directory, no permission, a
        full disk), the list is not deleted and the task fails saying why.
      - A list that is already absent writes nothing, and an existing file is left as it is, so a re-run never
        overwrites a backup. Check mode writes nothing. The result returns RV(backup_file) only when it was written.
      - A file already at this path is never replaced. The new backup takes its name with a step that fails when
        the name exists; a file found there is moved beside it as C(<name>.<process id>.<YYYY-MM-DD@HH:MM:SS>~),
        as M(ansible.builtin.copy) keeps a file with its C(backup) option, and the result names it in
        RV(previous_backup_file). So a loop that gives every list the same O(backup_file) loses no backup, and
        neither do several hosts writing one path at once (RV(previous_backup_files)).
      - A relative path is relative to the playbook's directory, in Ansible's worker and in a module alike. An
        empty value (an unset variable's C(default(''))) and the O(contacts_file) itself (by any spelling, a
        symbolic or a hard link) are refused before any request.
      - The file is written to a short temporary name, flushed to disk, linked into place, and the directory
        flushed too, before the C(DELETE) is sent. A contact whose text UTF-8 cannot hold (Kore can answer with a
        lone surrogate) fails the task naming the contact and the field, and the list is kept.
      - Values are written verbatim, as Kore's own import needs them (C(+4915112345678)). A spreadsheet that opens
        the file may take a cell that starts with C(=), C(+), C(-) or C(@) for a formula and run it, so import the
        file as text.
    type: path
    version_added: 0.2.0
  return_contacts:
    description:
      - Return every contact of the list (all pages) as C(contacts). With O(state=absent) they are read before the
        list is deleted, so that a teardown keeps them.
      - At most 20000 contacts; a larger list is refused before it is read. Use O(backup_file) for those.
    type: bool
    default: false
    version_added: 0.2.0
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

- name: Seed a QA list with test numbers (only the missing ones are sent)
  kore.ai.kore_contact_list:
    name: QA smoke
    description: Test numbers for the smoke campaign
    contacts:
      - {phoneNumber: "+15550100001", firstName: Ada, uniqueId: qa-1}
      - {phoneNumber: "+15550100002", firstName: Bob, uniqueId: qa-2}

- name: Delete a list and keep its contacts, to restore it later
  kore.ai.kore_contact_list:
    name: QA smoke
    state: absent
    return_contacts: true
  register: qa_gone

- name: Delete a list, its contacts written to a CSV file first (Kore's own import reads it too)
  kore.ai.kore_contact_list:
    name: Renewals
    state: absent
    backup_file: "{{ playbook_dir }}/backups/renewals.csv"

- name: Restore it from that file
  kore.ai.kore_contact_list:
    name: Renewals
    description: Customers up for renewal
    contacts_file: "{{ playbook_dir }}/backups/renewals.csv"

- name: Keep a list of 100,000 contacts as the CSV says, and only those
  kore.ai.kore_contact_list:
    name: Win-back
    description: Lapsed customers
    contacts_file: "{{ playbook_dir }}/contacts/win-back.csv"
    purge_contacts: true
    backup_file: "{{ playbook_dir }}/backups/win-back-before-purge.csv"

- name: Restore it from the result
  kore.ai.kore_contact_list:
    name: QA smoke
    description: "{{ qa_gone.contact_list.description }}"
    contacts: "{{ qa_gone.contacts }}"
  when: qa_gone.contact_list | length > 0

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
    - Empty when nothing was there to delete, and after a forced delete whose answer was lost. In check mode,
      the record as it would be.
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
contacts:
  description:
    - With O(return_contacts=true), every contact of the list as Kore returns it. For O(state=absent), the
      contacts the list held before it was deleted. In check mode, contacts that would be added lack Kore's fields.
  returned: when O(return_contacts=true)
  type: list
  elements: dict
  sample: [{_id: cc-3f2a9d1e-4c55-4e0f-9d7e-0a1b2c3d4e5f, phoneNumber: "+15550100001", firstName: Ada,
            uniqueId: qa-1, createdAt: "2025-12-05T10:30:57.258Z", updatedAt: "2025-12-05T10:30:57.258Z"}]
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
  description: With O(contacts) or O(contacts_file), how many contacts the list held before, how many were added,
    how many were dropped by recreating it (O(purge_contacts=true)), and how many it holds after.
  returned: when O(contacts) or O(contacts_file) is given
  type: dict
  sample: {before: 99000, added: 1000, dropped: 0, after: 100000}
  version_added: 0.2.0
backup_file:
  description: The path of the backup written by O(backup_file), as an absolute path.
  returned: when a backup was written
  type: str
  sample: /home/ops/backups/renewals.csv
  version_added: 0.2.0
backup_record_file:
  description: The list's record (name, description, allowDuplicates, id, contacts_file, backed_up_at, Kore's record),
    written beside its contacts before the list was deleted or recreated, so that the backup restores alone.
  returned: when a backup was written
  type: str
previous_backup_file:
  description:
    - The file that was at O(backup_file) before this task wrote its backup there, kept under this new name.
  returned: when a backup was written over an existing file
  type: str
  sample: /home/ops/backups/renewals.csv.48213.2026-11-30@14:05:09~
  version_added: 0.2.0
previous_backup_files:
  description:
    - Every file this task moved aside from O(backup_file), in order, when another writer of the same path (another
      host at C(-f 4)) published its backup while this task wrote its own. The first is RV(previous_backup_file).
  returned: when more than one file was moved aside
  type: list
  elements: str
  sample: [/home/ops/backups/reset.csv.48213.2026-11-30@14:05:09~, /home/ops/backups/reset.csv.48213.2026-11-30@14:05:09.1~]
  version_added: 0.2.0
removed_temporary_files:
  description: What runs killed while writing a backup had left beside O(backup_file) (C(.kore-*.tmp)), removed.
  returned: when such files were found
  type: list
  elements: str
  sample: [/home/ops/backups/.kore-3k2j9x1q.tmp]
  version_added: 0.2.0
recreated:
  description:
    - With O(purge_contacts=true), when the list was deleted and created again to drop contacts.
    - Also when the task failed after that (an add refused), with RV(backup_file) and C(changed=true); the list's
      earlier contacts are then only in the backup.
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
