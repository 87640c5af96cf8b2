# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""TLS verification, and bounds on how long a task may wait for a server that does not answer."""

from __future__ import annotations

import base64
import datetime
import http.client
import ipaddress
import shutil
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import certifi
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from kore_sim import Simulator
from kore_sim.server import serve_in_background

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


@pytest.fixture
def forward_proxy():
    """A plain-HTTP forward proxy: ``(url, seen)``, ``seen`` being (method, target, Proxy-Authorization) per request."""
    seen = []

    class Forward(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def forward(self):
            target = urlsplit(self.path)  # a proxy is sent the absolute URL
            seen.append((self.command, self.path, self.headers.get("Proxy-Authorization")))
            length = int(self.headers.get("Content-Length") or 0)
            upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
            headers = dict((k, v) for k, v in self.headers.items() if not k.lower().startswith("proxy-"))
            upstream.request(self.command, target.path + ("?" + target.query if target.query else ""),
                             body=self.rfile.read(length) if length else None, headers=headers)
            answer = upstream.getresponse()
            body = answer.read()
            self.send_response(answer.status)
            for key, value in answer.getheaders():
                if key.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            upstream.close()

        do_GET = do_POST = do_PUT = do_DELETE = forward

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Forward)
    serve_in_background(server)
    yield "http://127.0.0.1:%d" % server.server_address[1], seen
    server.shutdown()
    server.server_close()


def test_requests_go_through_the_proxy_the_environment_names(playbook, sim, forward_proxy, unused_port):
    proxy, seen = forward_proxy
    record = sim.seed("Behind a proxy", "x")
    with_user = proxy.replace("http://", "http://ops:proxy-pass-123@")
    run = playbook([{MODULE: {"id": record["_id"], "state": "absent"}}], env={"HTTP_PROXY": with_user})
    assert run.status(0) == "changed", run
    assert [method for method, dummy, dummy in seen] == ["GET", "DELETE"]
    assert all(target.startswith(sim.url + "/campaign/") for dummy, target, dummy in seen)
    assert {auth for dummy, dummy, auth in seen} == {"Basic " + base64.b64encode(b"ops:proxy-pass-123").decode()}

    # NO_PROXY naming the host (lower case works too): straight to the API
    del seen[:]
    run = playbook([{MODULE: {"id": record["_id"], "state": "absent"}}],
                   env={"http_proxy": with_user, "no_proxy": "example.org,127.0.0.1"})
    assert run.status(0) == "ok", run
    assert seen == []

    # a proxy that is down: a clear reason, and its password nowhere in the output
    run = playbook([{MODULE: {"id": record["_id"], "state": "absent", "retries": 0}}],
                   env={"HTTP_PROXY": "http://ops:proxy-pass-123@127.0.0.1:%d" % unused_port}, args=["-vvv"])
    assert run.status(0) == "failed"
    assert "proxy" in run[0]["msg"], run[0]["msg"]
    assert "proxy-pass-123" not in run.output and "proxy-pass-123" not in str(run[0])


def test_a_proxy_in_the_task_environment_is_used_and_its_password_hidden(playbook, sim, api_log, forward_proxy,
                                                                         unused_port):
    """The task's ``environment:``, not the controller's: the worker must apply it as the module process gets it."""
    proxy, seen = forward_proxy
    record = sim.seed("Task proxy", "x")
    task = {MODULE: {"id": record["_id"], "state": "present", "retries": 0}}
    down = "http://ops:task-pass-456@127.0.0.1:%d" % unused_port
    # the failing task first: at a failure Ansible quotes the playbook's lines before it, another task's password
    run = playbook([dict(task, environment={"HTTP_PROXY": down}, ignore_errors=True),
                    dict(task, environment={"HTTP_PROXY": proxy.replace("http://", "http://ops:task-pass-456@")}),
                    task])  # the next task's environment is its own
    proxy_down, through_proxy, direct = run.split()
    assert through_proxy.status(0) == "ok" and direct.status(0) == "ok", run
    assert seen and all(target.startswith(sim.url + "/campaign/") for dummy, target, dummy in seen)
    # every request of the first task went through the proxy, and none after it
    assert len(seen) == len(api_log.during(through_proxy)) and api_log.during(direct), (seen, api_log.of())
    assert proxy_down.status(0) == "failed" and "proxy" in proxy_down[0]["msg"], run
    assert "task-pass-456" not in run.output and "task-pass-456" not in str(proxy_down[0])


def test_a_ca_bundle_in_the_task_environment_is_trusted(playbook, self_signed):
    with Simulator(tls=self_signed) as https_sim:
        record = https_sim.seed("Task CA", "x")
        task = {MODULE: {"id": record["_id"], "state": "present", "retries": 0}}
        # the next task's environment is its own: the bundle trusted for the first is not for the second
        trusted, refused = playbook([dict(task, environment={"REQUESTS_CA_BUNDLE": self_signed[0]}),
                                     dict(task, ignore_errors=True)], env=https_sim.env()).split()
        assert trusted.status(0) == "ok", trusted
        assert refused.status(0) == "failed" and "TLS verification failed" in refused[0]["msg"], refused


def test_tls_is_verified_unless_told_otherwise(playbook, self_signed):
    with Simulator(tls=self_signed) as https_sim:
        record = https_sim.seed("Behind TLS", "x")
        # a CA bundle from the environment must not override ca_path or validate_certs: false
        env = dict(https_sim.env(), SSL_CERT_FILE=certifi.where(), REQUESTS_CA_BUNDLE=certifi.where(),
                   CURL_CA_BUNDLE=certifi.where())
        task = {"id": record["_id"], "state": "absent", "retries": 0}
        refused, trusted = playbook([{MODULE: task, "ignore_errors": True},
                                     {MODULE: dict(task, ca_path=self_signed[0], state="present")}], env=env).split()
        assert refused.status(0) == "failed"
        assert "TLS verification failed" in refused[0]["msg"] and "ca_path" in refused[0]["msg"]
        assert trusted.status(0) == "ok", trusted
        assert https_sim.store.get(https_sim.tenant.stream_id, record["_id"]) is not None
        # the documented way to trust a private CA for a whole run, without ca_path on every task; an explicit
        # ca_path wins over the environment's bundle, both ways
        by_environment, wrong_ca = playbook([{MODULE: dict(task, state="present")},
                                             {MODULE: dict(task, ca_path=certifi.where()), "ignore_errors": True}],
                                            env=dict(https_sim.env(), REQUESTS_CA_BUNDLE=self_signed[0])).split()
        assert by_environment.status(0) == "ok", by_environment
        assert wrong_ca.status(0) == "failed" and "TLS verification failed" in wrong_ca[0]["msg"], wrong_ca
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


def test_ca_path_is_relative_to_the_playbook_and_a_missing_one_is_named(playbook, self_signed, tmp_path):
    started_in = tmp_path / "started-in"
    started_in.mkdir()
    shutil.copy(self_signed[0], str(tmp_path / "private-ca.pem"))
    with Simulator(tls=self_signed) as https_sim:
        record = https_sim.seed("Relative CA", "x")
        task = {"id": record["_id"], "state": "present", "retries": 0}
        run = playbook([{MODULE: dict(task, ca_path="private-ca.pem")},
                        {MODULE: dict(task, ca_path="missing-ca.pem"), "ignore_errors": True}],
                       env=https_sim.env(), cwd=str(started_in))
        assert run.status(0) == "ok", run
        assert run.status(1) == "failed" and run[1]["msg"] == (
            "ca_path missing-ca.pem does not exist: give the path of a PEM CA bundle file or a directory of CA "
            "certificates"), run[1]
        assert "Traceback" not in run.output and "Unexpected" not in run[1]["msg"]
        assert [r["method"] for r in https_sim.requests] == ["GET"]  # the first task's read alone
