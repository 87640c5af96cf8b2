# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The domain objects a list module works with, made once from its task: the lists, their contacts, the pacing."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import ContactLists
from ansible_collections.kore.ai.plugins.module_utils._pacer import Pacing
from ansible_collections.kore.ai.plugins.module_utils._wait import WAIT_TIMEOUT, checked_wait_timeout


class ListAccess(object):
    """``lists`` (:class:`~.entity.ContactLists`), ``contacts`` (:class:`~..._contacts.adding.Contacts`) and
    ``pacing`` over the task's one connection; ``wait_timeout`` and ``parallel`` apply where the module has them."""

    def __init__(self, task):
        params = task.params
        # both refused before the connection is made
        self.pacing = Pacing.of(params)
        wait_timeout = checked_wait_timeout(params.get("wait_timeout", WAIT_TIMEOUT))
        client = task.connect(self.pacing)
        self.lists = ContactLists(client)
        self.contacts = ContactsWhenUsed(client, wait_timeout, self.pacing.parallel, task.progress)


class ContactsWhenUsed(object):
    """The task's :class:`~..._contacts.adding.Contacts`, made (and its code imported) when first used: a module
    process compiles every file it imports on every task, and most tasks read and add no contact."""

    def __init__(self, client, wait_timeout, parallel, progress):
        self._options = (client, wait_timeout, parallel, progress)
        self._made = None

    def __getattr__(self, name):
        if self._made is None:
            from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import Contacts

            client, wait_timeout, parallel, progress = self._options
            self._made = Contacts(client, wait_timeout, parallel=parallel, progress=progress)
        return getattr(self._made, name)
