# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Test helper: a become method that stays the same user, so ``become: true`` can be tested without sudo."""

from __future__ import annotations

from ansible.plugins.become import BecomeBase

DOCUMENTATION = r"""
name: kore_test_become
short_description: Test helper, become that runs the command unchanged
description:
  - Marks a task as using become, as sudo would, but runs its command as the same user. The kore.ai tests use it
    to show that such a task runs its module.
author: kore.ai collection maintainers (@kore-ai-ansible)
"""


class BecomeModule(BecomeBase):
    name = "kore_test_become"

    def build_become_command(self, cmd, shell):
        super().build_become_command(cmd, shell)
        # what every become method wraps a command in: the marker Ansible waits for, then the command
        return self._build_success_command(cmd, shell)
