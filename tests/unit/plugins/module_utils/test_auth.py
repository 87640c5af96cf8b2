# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Token minting and the choice of credentials."""

from __future__ import annotations

import os
import subprocess
import sys

import jwt
import pytest

from ansible_collections.kore.ai.plugins.module_utils._auth import (
    RENEW_BEFORE_SECONDS,
    TOKEN_LIFETIME_SECONDS,
    GivenToken,
    MintedToken,
    mint_token,
)
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


@pytest.mark.parametrize("client_id, secret", [
    ("cs-0a1b2c3d-aaaa-bbbb-cccc-ddddeeeeffff", SECRET),
    ("cs-appé-日本", "sécret-with-ünïcödé-and-more-than-32-bytes-ключ"),
    ("cs-\u2028line\"quote\\", "s" * 200),
])
def test_standard_library_token_verifies_with_pyjwt(client_id, secret):
    token = mint_token(client_id, secret)
    claims = jwt.decode(token, secret, algorithms=["HS256"])
    assert claims["appId"] == client_id
    assert claims["exp"] - claims["iat"] == TOKEN_LIFETIME_SECONDS
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}
    assert "=" not in token and token.count(".") == 2  # base64url without padding, as RFC 7515 wants
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, secret + "x", algorithms=["HS256"])


def test_signing_does_not_import_pyjwt():
    code = ("import sys; from ansible_collections.kore.ai.plugins.module_utils._auth import mint_token; "
            "mint_token('c', 's'); print('jwt' in sys.modules, 'cryptography' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert done.stdout.split() == ["False", "False"]


def test_ready_jwt_wins_and_missing_credentials_are_named():
    assert token_from({"jwt": "ready", "client_id": "c", "client_secret": "s"}).current() == "ready"
    minted = token_from({"jwt": None, "client_id": "c", "client_secret": SECRET}).current()
    assert jwt.decode(minted, SECRET, algorithms=["HS256"])["appId"] == "c"
    with pytest.raises(KoreInputError, match="no credentials"):
        token_from({"jwt": None, "client_id": None, "client_secret": None})


def test_a_minted_token_is_renewed_before_it_expires_and_every_token_is_kept_to_hide(new_clock):
    clock = new_clock()
    tokens = MintedToken("c", SECRET, clock=clock)
    first = tokens.current()
    clock.now += TOKEN_LIFETIME_SECONDS - RENEW_BEFORE_SECONDS - 1
    assert tokens.current() == first  # still well within its life
    clock.now += 1
    second = tokens.current()
    assert second != first
    claims = jwt.decode(second, SECRET, algorithms=["HS256"], options={"verify_exp": False})
    assert claims["iat"] == 1000 + TOKEN_LIFETIME_SECONDS - RENEW_BEFORE_SECONDS
    assert claims["exp"] - claims["iat"] == TOKEN_LIFETIME_SECONDS
    assert tokens.all() == (first, second)


def test_a_refused_token_is_renewed_once_whoever_asks(new_clock):
    tokens = MintedToken("c", SECRET, clock=new_clock())
    refused = tokens.current()
    assert tokens.renew(refused) and tokens.renew(refused)  # two threads saw the same 401
    assert len(tokens.all()) == 2 and tokens.current() != refused


def test_a_given_token_is_never_renewed():
    given = GivenToken("ready")
    assert given.renew("ready") is False and given.current() == "ready" and given.all() == ("ready",)
