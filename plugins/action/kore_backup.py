# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""kore.ai.kore_backup: in the worker when the connection is local, else the module (see plugin_utils/_in_worker.py)."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.modules.kore_backup import MODULE
from ansible_collections.kore.ai.plugins.plugin_utils._in_worker import KoreAction


class ActionModule(KoreAction):
    MODULE = MODULE
