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
import threading
import time
import uuid

# Kore does not document how long a public-API token may live; a short one limits the harm of a leak.
TOKEN_LIFETIME_SECONDS = 300
# a minted token is replaced this long before it expires: a request sent just before cannot arrive after
RENEW_BEFORE_SECONDS = 60
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


class GivenToken(object):
    """A ready-made ``jwt``: sent as it is; the collection cannot renew it."""

    renews = False

    def __init__(self, token):
        self.token = token
        self.accepted = False   # set once Kore has answered a request sent with it

    def current(self):
        return self.token

    def renew(self, refused):
        """Nothing to renew with: False."""
        return False

    def all(self):
        return (self.token,)


class MintedToken(object):
    """Tokens minted from the app's client id and secret, renewed before each expires and when Kore refuses one.

    Shared by every client of a task (threads included): one renewal for all, whoever notices first.
    """

    renews = True

    def __init__(self, client_id, client_secret, clock=None):
        self.client_id, self.client_secret = client_id, client_secret
        self.accepted = False
        self._clock = clock or time.time
        self._lock = threading.Lock()
        self._minted = []       # every token of the task, for the messages that must hide them
        self._renew_at = None
        self._mint()

    def _mint(self):
        now = self._clock()
        self._minted.append(mint_token(self.client_id, self.client_secret, now=now))
        self._renew_at = now + TOKEN_LIFETIME_SECONDS - RENEW_BEFORE_SECONDS

    def current(self):
        with self._lock:
            if self._clock() >= self._renew_at:
                self._mint()
            return self._minted[-1]

    def renew(self, refused):
        """After Kore refused ``refused``: a new token (once per refused token, whichever thread asks). True."""
        with self._lock:
            if refused == self._minted[-1]:
                self._mint()
        return True

    def all(self):
        with self._lock:
            return tuple(self._minted)
