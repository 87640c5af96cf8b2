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
      - How many requests may be in flight at once, 1 to 16. Lists are worked on, pages of a list read, and
        contacts added, this many at a time (the first page says how many pages there are).
      - With M(kore.ai.kore_contact_lists), the pages and adds of every list share these requests, so a big list
        uses those the small ones beside it leave; and while lists wait for Kore to show the contacts added to
        them, which takes no request, up to four times as many lists are worked on at once.
    type: int
    default: 4
    version_added: 0.2.0
  max_rate:
    description:
      - At most this many requests per minute, to stay under a known rate limit. Without it, every request
        waits after an HTTP 429 and the pace drops to 95 % of what got through in the minute before.
      - A pace, given or learned, that still meets an HTTP 429 becomes 5 % slower (once for the requests in flight
        together), so a O(max_rate) at a limit that the server counts a little differently does not meet one
        429 after another.
    type: int
    version_added: 0.2.0
"""
