# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Connection options shared by every module (documented in the ``kore.ai.connection`` doc fragment)."""

from __future__ import annotations

import os

from ansible.module_utils.basic import env_fallback

from ansible_collections.kore.ai.plugins.module_utils._auth import GivenToken, MintedToken
from ansible_collections.kore.ai.plugins.module_utils._client import ClientOptions, KoreClient
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


def argument_spec(module_spec):
    """A module's options with the connection options every module has: what both runners validate against."""
    spec = dict(CONNECTION_ARGSPEC)
    spec.update(module_spec)
    return spec


def rules(module_rules):
    """A module's rules between options (mutually_exclusive, ...) with the connection options' rules."""
    merged = dict(module_rules)
    for rule, pairs in CONNECTION_RULES.items():
        merged[rule] = list(merged.get(rule, [])) + pairs
    return merged


def connect(params, pacer=None, still_wanted=None):
    """Build the wire client from module parameters; KoreInputError for anything unusable.

    ``still_wanted()`` is asked before every request (see ``KoreClient``).
    """
    for option in ("stream_id", "account_id"):
        if not (params[option] or "").strip():
            raise KoreInputError("%s must not be empty" % option)
    if not 0 <= params["retries"] <= MAX_RETRIES:
        raise KoreInputError("retries must be between 0 and %d, got %d" % (MAX_RETRIES, params["retries"]))
    check_ca_path(params["ca_path"], params["validate_certs"])
    tokens = token_from(params)
    return KoreClient(ClientOptions(
        host=params["host"],
        stream_id=params["stream_id"],
        account_id=params["account_id"],
        iid=params["iid"],
        token=tokens,
        validate_certs=params["validate_certs"],
        ca_path=params["ca_path"],
        timeout=params["timeout"],
        retries=params["retries"],
        secrets=(params["client_secret"], params["jwt"]),
        pacer=pacer,
        still_wanted=still_wanted,
    ))


def token_from(params):
    """The ready ``jwt`` when given (it wins over a client id and secret, e.g. from the environment), else tokens
    minted and renewed from them: a :class:`~._auth.GivenToken` or :class:`~._auth.MintedToken`."""
    if params["jwt"]:
        return GivenToken(params["jwt"])
    if params["client_id"] and params["client_secret"]:
        return MintedToken(params["client_id"], params["client_secret"])
    raise KoreInputError("no credentials: set jwt (or KORE_JWT), or client_id and client_secret "
                         "(or KORE_CLIENT_ID and KORE_CLIENT_SECRET)")


def check_ca_path(ca_path, validate_certs):
    """A CA bundle that is not there is the user's input to fix, not a failure deep in TLS."""
    if ca_path is None or not validate_certs:
        return
    if not ca_path.strip():
        raise KoreInputError("ca_path is empty: give the path of a CA bundle file or directory, or leave it out")
    if not os.path.exists(ca_path):
        raise KoreInputError("ca_path %s does not exist: give the path of a PEM CA bundle file or a directory of "
                             "CA certificates" % ca_path)
    if not os.access(ca_path, os.R_OK):
        raise KoreInputError("ca_path %s cannot be read (permission denied)" % ca_path)
