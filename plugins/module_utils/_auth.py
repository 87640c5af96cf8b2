# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The JWT sent in Kore's ``auth`` header: either given, or minted from the app's client id and secret.

HS256 is an HMAC over two base64url-encoded JSON objects (RFC 7519): the standard library signs it. PyJWT would
pull in ``cryptography``, about 100 ms of imports on every task; the tests verify these tokens with PyJWT.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid

# Kore does not document how long a public-API token may live; a short one limits the harm of a leak.
TOKEN_LIFETIME_SECONDS = 300
_HEADER = {"alg": "HS256", "typ": "JWT"}


def mint_token(client_id, client_secret, now=None):
    """Sign an HS256 token the way Kore's docs ask: claim ``appId`` spelled exactly so.

    ``jti`` is always set, so that apps with "Enforce JTI" accept it too.
    """
    issued = int(time.time() if now is None else now)
    claims = {
        "sub": "kore.ai-ansible",
        "appId": client_id,
        "iat": issued,
        "exp": issued + TOKEN_LIFETIME_SECONDS,
        "jti": uuid.uuid4().hex,
    }
    signing_input = _b64_json(_HEADER) + b"." + _b64_json(claims)
    signature = hmac.new(client_secret.encode("utf-8"), signing_input, hashlib.sha256).digest()
    return (signing_input + b"." + _b64(signature)).decode("ascii")


def _b64_json(value):
    return _b64(json.dumps(value, separators=(",", ":")).encode("utf-8"))


def _b64(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=")
