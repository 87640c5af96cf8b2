# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Connection options become a client, or a clear refusal before any request."""

from __future__ import annotations

import os

import pytest

from ansible_collections.kore.ai.plugins.module_utils._auth import mint_token
from ansible_collections.kore.ai.plugins.module_utils._connection import (
    CONNECTION_ARGSPEC,
    argument_spec,
    check_ca_path,
    connect,
    rules,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

TOKEN = mint_token("cs-1", "s" * 32)


def params(**given):
    base = dict(host="http://127.0.0.1:9", stream_id="st-1", account_id="acc-1", iid=None, jwt=TOKEN, client_id=None,
                client_secret=None, validate_certs=True, ca_path=None, timeout=30, retries=3)
    base.update(given)
    return base


def test_a_client_for_the_bot_named_with_its_secrets():
    client = connect(params(client_secret="never-shown"))
    assert "st-1" in client.describe()
    assert "never-shown" in client.secrets and TOKEN in client.secrets


@pytest.mark.parametrize("given, message", [
    (dict(stream_id=" "), "stream_id must not be empty"),
    (dict(account_id=None), "account_id must not be empty"),
    (dict(retries=-1), "retries must be between 0 and"),
    (dict(jwt=None), "no credentials"),
    (dict(ca_path=""), "ca_path is empty"),
])
def test_unusable_options_are_refused(given, message):
    with pytest.raises(KoreInputError, match=message):
        connect(params(**given))


def test_ca_path_must_exist_and_be_readable_unless_certificates_are_not_checked(tmp_path):
    missing = str(tmp_path / "missing.pem")
    with pytest.raises(KoreInputError, match="does not exist"):
        check_ca_path(missing, True)
    check_ca_path(missing, False)  # not used: not checked
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    check_ca_path(str(bundle), True)
    if os.geteuid() != 0:  # root reads anything
        bundle.chmod(0)
        with pytest.raises(KoreInputError, match="cannot be read"):
            check_ca_path(str(bundle), True)


def test_a_module_spec_gains_every_connection_option_and_keeps_its_own():
    spec = argument_spec({"name": dict(type="str")})
    assert set(spec) == set(CONNECTION_ARGSPEC) | {"name"}


def test_rules_are_merged_not_replaced():
    merged = rules({"required_together": [("a", "b")], "mutually_exclusive": [("c", "d")]})
    assert ("a", "b") in merged["required_together"] and ("client_id", "client_secret") in merged["required_together"]
    assert merged["mutually_exclusive"] == [("c", "d")]
