# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The answers every call of the simulator shares: Kore's envelope, and the platform's error shape."""

from __future__ import annotations

# Kore documents no error bodies. The platform wraps errors like this; one shape for every 404, so that a
# client cannot tell a missing list from a wrong bot or account by the answer alone (neither can it on Kore).
NOT_FOUND = {"errors": [{"msg": "Not Found", "code": 404}]}
BAD_CREDENTIALS = {"errors": [{"msg": "Invalid SDK credentials", "code": 4002}]}
RATE_LIMITED = {"errors": [{"msg": "Rate limit for this API has been reached. Please try again after some time.",
                            "code": 429}]}


def bad_request(message):
    return 400, {"errors": [{"msg": message, "code": 400}]}


def success(data, message=""):
    return 200, {"status": "success", "message": message, "data": data}
