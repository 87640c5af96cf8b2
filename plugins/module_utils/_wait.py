# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``wait_timeout`` option, one group for every module that waits on Kore (contacts to show, a campaign to
settle): its spec, its default and its check. What is waited for is the waiting module's business."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

WAIT_TIMEOUT = 120          # seconds: the option's default
MAX_WAIT_TIMEOUT = 3600

WAIT_ARGSPEC = dict(wait_timeout=dict(type="int", default=WAIT_TIMEOUT))


def checked_wait_timeout(wait_timeout):
    """``wait_timeout`` when it is one a user can mean; refused before any request otherwise."""
    if not 1 <= wait_timeout <= MAX_WAIT_TIMEOUT:
        raise KoreInputError("wait_timeout must be between 1 and %d seconds, got %d" % (MAX_WAIT_TIMEOUT, wait_timeout))
    return wait_timeout
