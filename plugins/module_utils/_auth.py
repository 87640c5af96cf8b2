# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The JWT sent in Kore's ``auth`` header: either given, or minted from the app's client id and secret."""

from __future__ import annotations

import importlib.util
import time
import uuid

# PyJWT is imported only when a token is minted: its import (with cryptography) costs more than a request.
HAS_PYJWT = importlib.util.find_spec("jwt") is not None

# Kore does not document how long a public-API token may live; a short one limits the harm of a leak.
TOKEN_LIFETIME_SECONDS = 300


def mint_token(client_id, client_secret, now=None):
    """Sign an HS256 token the way Kore's docs ask: claim ``appId`` spelled exactly so.

    ``jti`` is always set, so that apps with "Enforce JTI" accept it too.
    """
    import jwt  # pylint: disable=import-outside-toplevel

    issued = int(time.time() if now is None else now)
    claims = {
        "sub": "kore.ai-ansible",
        "appId": client_id,
        "iat": issued,
        "exp": issued + TOKEN_LIFETIME_SECONDS,
        "jti": uuid.uuid4().hex,
    }
    token = jwt.encode(claims, client_secret, algorithm="HS256")
    # PyJWT 1.x returned bytes
    return token.decode("ascii") if isinstance(token, bytes) else token
