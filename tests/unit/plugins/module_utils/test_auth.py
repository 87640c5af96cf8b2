# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Token minting and the choice of credentials."""

from __future__ import annotations

import jwt
import pytest

from ansible_collections.kore.ai.plugins.module_utils._auth import TOKEN_LIFETIME_SECONDS, mint_token
from ansible_collections.kore.ai.plugins.module_utils._connection import token_from
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

SECRET = "a-client-secret-of-at-least-32-bytes!"


def test_minted_token_has_kore_claims():
    token = mint_token("cs-app", SECRET, now=1000)
    claims = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False})
    assert claims["appId"] == "cs-app"
    assert claims["iat"] == 1000 and claims["exp"] == 1000 + TOKEN_LIFETIME_SECONDS
    assert claims["jti"] and claims["sub"]
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    assert mint_token("cs-app", SECRET) != mint_token("cs-app", SECRET)  # jti differs


def test_ready_jwt_wins_and_missing_credentials_are_named():
    assert token_from({"jwt": "ready", "client_id": "c", "client_secret": "s"}) == "ready"
    minted = token_from({"jwt": None, "client_id": "c", "client_secret": SECRET})
    assert jwt.decode(minted, SECRET, algorithms=["HS256"])["appId"] == "c"
    with pytest.raises(KoreInputError, match="no credentials"):
        token_from({"jwt": None, "client_id": None, "client_secret": None})
