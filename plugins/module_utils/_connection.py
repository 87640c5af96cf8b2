# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Connection options shared by every module (documented in the ``kore.ai.connection`` doc fragment)."""

from __future__ import annotations

from ansible.module_utils.basic import env_fallback

from ansible_collections.kore.ai.plugins.module_utils._auth import mint_token
from ansible_collections.kore.ai.plugins.module_utils._client import KoreClient
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

DEFAULT_HOST = "https://platform.kore.ai"
MAX_RETRIES = 10

CONNECTION_ARGSPEC = dict(
    host=dict(type="str", default=DEFAULT_HOST, fallback=(env_fallback, ["KORE_HOST"])),
    stream_id=dict(type="str", required=True, fallback=(env_fallback, ["KORE_STREAM_ID"])),
    account_id=dict(type="str", required=True, fallback=(env_fallback, ["KORE_ACCOUNT_ID"])),
    iid=dict(type="str", fallback=(env_fallback, ["KORE_IID"])),
    jwt=dict(type="str", no_log=True, fallback=(env_fallback, ["KORE_JWT"])),
    client_id=dict(type="str", fallback=(env_fallback, ["KORE_CLIENT_ID"])),
    client_secret=dict(type="str", no_log=True, fallback=(env_fallback, ["KORE_CLIENT_SECRET"])),
    validate_certs=dict(type="bool", default=True, fallback=(env_fallback, ["KORE_VALIDATE_CERTS"])),
    ca_path=dict(type="path"),
    timeout=dict(type="int", default=30),
    retries=dict(type="int", default=3),
)

CONNECTION_RULES = dict(
    required_together=[("client_id", "client_secret")],
)


def connect(params, pacer=None):
    """Build the wire client from module parameters; KoreInputError for anything unusable."""
    for option in ("stream_id", "account_id"):
        if not (params[option] or "").strip():
            raise KoreInputError("%s must not be empty" % option)
    if not 0 <= params["retries"] <= MAX_RETRIES:
        raise KoreInputError("retries must be between 0 and %d, got %d" % (MAX_RETRIES, params["retries"]))
    token = token_from(params)
    return KoreClient(
        host=params["host"],
        stream_id=params["stream_id"],
        account_id=params["account_id"],
        iid=params["iid"],
        token=token,
        validate_certs=params["validate_certs"],
        ca_path=params["ca_path"],
        timeout=params["timeout"],
        retries=params["retries"],
        secrets=(params["client_secret"], params["jwt"]),
        pacer=pacer,
    )


def token_from(params):
    """The ready ``jwt`` when given (it wins over a client id and secret, e.g. from the environment), else a minted one."""
    if params["jwt"]:
        return params["jwt"]
    if params["client_id"] and params["client_secret"]:
        return mint_token(params["client_id"], params["client_secret"])
    raise KoreInputError("no credentials: set jwt (or KORE_JWT), or client_id and client_secret "
                         "(or KORE_CLIENT_ID and KORE_CLIENT_SECRET)")
