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
      - A list whose C(contacts) are declared must hold exactly those contacts.
      - Kore cannot remove a contact, so a list that holds other contacts is deleted and created again with the
        same name, description and duplicate policy, then filled. The result gives the old and the new id in
        C(recreated).
      - A list that campaigns use is not recreated unless O(force=true).
      - With a backup file or directory (where the module has one), the list's contacts are written to it before
        the list is deleted.
    type: bool
    default: false
    version_added: 0.2.0
  wait_timeout:
    description:
      - Kore adds contacts in the background. After sending, the module polls the list's count (a page of one
        contact) until it says every contact should be there, then reads the whole list once to check; it waits
        at most this many seconds, and fails naming those that never appeared (Kore may drop invalid or duplicate
        numbers without saying so). From 1 to 3600.
      - An add whose answer was lost (a 5xx, a dropped connection) may still land, so it is waited for, this long,
        before what did not show is sent again.
    type: int
    default: 120
    version_added: 0.2.0
"""
