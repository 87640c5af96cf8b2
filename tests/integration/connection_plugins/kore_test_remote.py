# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Test helper: a connection that is not ``local`` to the kore.ai actions, though it runs commands here."""

from __future__ import annotations

from ansible.plugins.connection.local import Connection as LocalConnection

DOCUMENTATION = r"""
name: kore_test_remote
short_description: Test helper, the local connection under another name
description:
  - Runs commands on the controller like C(local), but its transport is not C(local), as a jump host's would not
    be. The kore.ai tests use it to show that such a task runs its module.
author: kore.ai collection maintainers (@kore-ai-ansible)
options:
  become_success_timeout:
    type: int
    default: 10
    description: As for the local connection (ansible-core 2.19 and later read it).
    vars:
      - name: ansible_local_become_success_timeout
  become_strip_preamble:
    type: bool
    default: true
    description: As for the local connection (ansible-core 2.19 and later read it).
    vars:
      - name: ansible_local_become_strip_preamble
extends_documentation_fragment:
  - connection_pipelining
"""


class Connection(LocalConnection):
    transport = "kore_test_remote"
