# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """The pacing options of the list modules (module_utils/_pacer.py: their spec, default and checks)."""

    DOCUMENTATION = r"""
options:
  parallel:
    description:
      - How many requests (1 to 16) may be in flight at once, for lists, pages of a list and contacts added. With
        M(kore.ai.kore_contact_lists) every list shares them.
    type: int
    default: 4
    version_added: 0.2.0
  max_rate:
    description:
      - At most this many requests a minute, to stay under a known rate limit. Without it, the pace is learned from
        the first HTTP 429 (98 % of what got through); a pace that still meets one becomes 5 % slower.
    type: int
    version_added: 0.2.0
"""
