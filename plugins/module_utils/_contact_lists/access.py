# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The domain objects a list module works with, made once from its task: the lists, their contacts, the pacing."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import ContactLists
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import Contacts
from ansible_collections.kore.ai.plugins.module_utils._contacts.options import WAIT_TIMEOUT
from ansible_collections.kore.ai.plugins.module_utils._pacer import Pacing


class ListAccess(object):
    """``lists`` (:class:`~.entity.ContactLists`), ``contacts`` (:class:`~..._contacts.adding.Contacts`) and
    ``pacing`` over the task's one connection; ``wait_timeout`` and ``parallel`` apply where the module has them."""

    def __init__(self, task):
        params = task.params
        self.pacing = Pacing.of(params)  # refuses a bad parallel or max_rate before the connection is made
        client = task.connect(self.pacing)
        self.lists = ContactLists(client)
        self.contacts = Contacts(client, params.get("wait_timeout", WAIT_TIMEOUT), parallel=self.pacing.parallel,
                                 progress=task.progress)
