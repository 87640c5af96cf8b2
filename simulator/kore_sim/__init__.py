# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A stand-in for Kore.ai's Campaign Management API (contact lists, contacts, campaigns), for tests and users' CI.

It follows what Kore documents (docs/docsite/rst/guide_simulator.rst) and, where Kore is silent, answers the way that is
hardest on a client: a 404 for a missing list looks exactly like a 404 for a wrong bot or account.
"""

from __future__ import annotations

from kore_sim.server import Simulator, Tenant

__all__ = ["Simulator", "Tenant"]
