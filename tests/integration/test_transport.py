# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""TLS verification, and bounds on how long a task may wait for a server that does not answer."""

from __future__ import annotations

import datetime
import ipaddress
import time

import certifi
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from kore_sim import Simulator

MODULE = "kore.ai.kore_contact_list"


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory):
    """A certificate for 127.0.0.1 made now, and its key, as PEM files."""
    folder = tmp_path_factory.mktemp("tls")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kore-simulator")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_path), str(key_path)


def test_tls_is_verified_unless_told_otherwise(playbook, self_signed):
    with Simulator(tls=self_signed) as https_sim:
        record = https_sim.seed("Behind TLS", "x")
        # a CA bundle from the environment must not override ca_path or validate_certs: false
        env = dict(https_sim.env(), REQUESTS_CA_BUNDLE=certifi.where(), CURL_CA_BUNDLE=certifi.where())
        task = {"id": record["_id"], "state": "absent", "retries": 0}
        refused = playbook([{MODULE: task}], env=env)
        assert refused.status(0) == "failed"
        assert "TLS verification failed" in refused[0]["msg"] and "ca_path" in refused[0]["msg"]
        assert https_sim.store.get(https_sim.tenant.stream_id, record["_id"]) is not None
        trusted = playbook([{MODULE: dict(task, ca_path=self_signed[0], state="present")}], env=env)
        assert trusted.status(0) == "ok", trusted
        unsafe = playbook([{MODULE: task}], env=dict(env, KORE_VALIDATE_CERTS="false"))
        assert unsafe.status(0) == "changed", unsafe
        assert https_sim.store.get(https_sim.tenant.stream_id, record["_id"]) is None


def test_plain_http_to_a_tls_server_name_without_scheme_means_https(playbook, sim, self_signed):
    # a bare host:port is taken as https; against the plain-HTTP simulator that is a clear TLS failure
    run = playbook([{MODULE: {"id": "cl-1", "state": "absent", "retries": 0}}],
                   env={"KORE_HOST": sim.url.replace("http://", "")})
    assert run.status(0) == "failed"
    assert "Could not reach Kore" in run[0]["msg"] and "https://127.0.0.1" in run[0]["msg"]


@pytest.mark.parametrize("timeout, retries", [(1, 0), (1, 2)])
def test_a_server_that_never_answers_fails_the_task_in_bounded_time(sim, playbook, timeout, retries):
    sim.faults.add("hang", seconds=60, times=100)
    started = time.monotonic()
    run = playbook([{MODULE: {"id": "cl-1", "state": "absent", "timeout": timeout, "retries": retries}}])
    took = time.monotonic() - started
    assert run.status(0) == "failed"
    assert "no answer within %d seconds" % timeout in run[0]["msg"]
    assert len(sim.requests) == retries + 1
    # timeout x attempts, urllib3's backoff (0 + 1 s for two retries), and Ansible's own start-up
    assert took < timeout * (retries + 1) + retries + 20


def test_a_rate_limit_that_never_lifts_fails_the_task_with_its_reason(sim, playbook):
    sim.faults.add("status", status=429, retry_after=1, times=100)
    run = playbook([{MODULE: {"id": "cl-1", "state": "absent", "retries": 2}}])
    assert run.status(0) == "failed"
    assert "rate limit" in run[0]["msg"] and "after 2 retries" in run[0]["msg"]
    assert len(sim.requests) == 3
