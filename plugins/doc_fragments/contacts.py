# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """Options of the modules that add contacts to lists."""

    DOCUMENTATION = r"""
options:
  purge_contacts:
    description:
      - A list whose contacts are declared must hold exactly those. Kore cannot remove a contact, so a list holding
        others is backed up, deleted, created again alike and filled (RV(recreated)); not a list in use, unless
        O(force=true).
    type: bool
    default: false
    version_added: 0.2.0
  wait_timeout:
    description:
      - Seconds (1 to 3600) to wait for added contacts to show, since Kore adds them in the background. Contacts
        that never show fail the task, named (Kore may drop invalid numbers without saying so).
    type: int
    default: 120
    version_added: 0.2.0
seealso:
  - name: Contacts, CSV files and backups
    description: The guide.
    link: https://github.com/kore-ai-ansible/kore.ai/blob/main/docs/docsite/rst/guide_contacts.rst
"""
