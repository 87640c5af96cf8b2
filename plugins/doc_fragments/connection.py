# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """Connection options of every kore.ai module, and the attributes they share."""

    DOCUMENTATION = r"""
options:
  host:
    description:
      - The Kore.ai environment the bot lives in.
      - A bare host name such as V(eu-platform.kore.ai) means HTTPS. A base URL with scheme and port, such as
        V(http://127.0.0.1:8080) (the simulator), is used as given.
      - No path, query, fragment or C(user:password@) part is accepted.
      - If not set, the environment variable E(KORE_HOST) is used.
    type: str
    default: https://platform.kore.ai
  stream_id:
    description:
      - The bot (stream) id, C(st-...), from the bot's general settings page.
      - If not set, the environment variable E(KORE_STREAM_ID) is used.
    type: str
    required: true
  account_id:
    description:
      - The 24-hex-digit account id. Sent both as the C(accountId) header and query parameter.
      - If not set, the environment variable E(KORE_ACCOUNT_ID) is used.
    type: str
    required: true
  iid:
    description:
      - The application id sent in the C(iid) header. Kore's samples use the bot's stream id, the default.
      - If not set, the environment variable E(KORE_IID) is used.
    type: str
  jwt:
    description:
      - A ready token for Kore's C(auth) header.
      - Either O(jwt), or O(client_id) and O(client_secret), must be given. When both are, O(jwt) is used.
      - If not set, the environment variable E(KORE_JWT) is used.
    type: str
  client_id:
    description:
      - Client id of an app with the Campaign Management API scope. With O(client_secret), the module signs a
        short-lived HS256 token (claims C(appId), C(iat), C(exp) five minutes later, and C(jti)).
      - A task that runs longer than a token lives (a million contacts take minutes) gets a new token a minute
        before the old one expires, and once more whenever Kore refuses a token (HTTP 401), after which the
        refused request is sent again, once. A ready O(jwt) cannot be renewed, so when Kore stops accepting it in
        the middle of a task, the task fails saying so.
      - If not set, the environment variable E(KORE_CLIENT_ID) is used.
    type: str
  client_secret:
    description:
      - Client secret of that app. Never printed or logged.
      - If not set, the environment variable E(KORE_CLIENT_SECRET) is used.
    type: str
  validate_certs:
    description:
      - Verify the server's TLS certificate. Setting this to V(false) is unsafe outside tests.
      - If not set, the environment variable E(KORE_VALIDATE_CERTS) is used.
    type: bool
    default: true
  ca_path:
    description:
      - A PEM file of CA certificates to verify the server against, for a private CA.
      - A relative path is relative to the playbook's directory on a local connection (where ansible-core runs
        a module), whether the task runs in Ansible's worker or as a module.
      - A path that does not exist or cannot be read fails the task before any request, naming O(ca_path).
      - When not set, the bundle that E(REQUESTS_CA_BUNDLE) (or E(CURL_CA_BUNDLE)) names is used, else the
        bundle of the C(certifi) package, as C(requests) does. An explicit O(ca_path) or O(validate_certs=false)
        wins over those variables.
    type: path
  timeout:
    description:
      - Seconds to wait for a connection, and then for each answer.
    type: int
    default: 30
  retries:
    description:
      - How many times a request is repeated after HTTP 429, 502, 503, 504 or a dropped connection, waiting
        0, 1, 2, 4 ... seconds in between, or as long as a C(Retry-After) header asks (at most 60 seconds).
      - A create (POST) is repeated without further check only after 429; after other failures the module
        first looks whether the list was created.
      - From 0 to 10.
      - When any request was answered only after retries, the task says so once, as a warning that counts the
        retries by cause.
    type: int
    default: 3
requirements:
  - requests >= 2.25
notes:
  - Requests go through the proxy that E(HTTPS_PROXY), E(HTTP_PROXY) or E(ALL_PROXY) names, unless E(NO_PROXY)
    names the host, as C(requests) reads them; a proxy password is kept out of every message.
  - Tokens from O(client_id) and O(client_secret) are signed (HS256) with the Python standard library.
  - "These modules talk to Kore's API from the host they run on, usually the controller
    (C(hosts: localhost) or C(delegate_to: localhost))."
  - On a local connection the task runs in Ansible's worker process on the controller, with the same argument
    checks, code and results as the module but without starting a module process, with the controller's Python
    and its C(requests). The module itself runs when the connection is not local, with C(become), with C(async),
    when the controller's Python cannot import C(requests), or when the variable C(kore_ai_in_worker) is false.
    With C(-vvv) each task says which.
  - "C(kore_ai_in_worker) is read, as every Ansible variable, from the task's own host. With
    C(delegate_to: localhost), set it for the play's hosts (or as an extra var), not for C(localhost)."
  - "Relative paths (O(ca_path), and contact and backup files) mean the same file on both paths: relative to the
    playbook's directory, the working directory ansible-core gives a module on a local connection, wherever
    C(ansible-playbook) was started."
  - "Long work (adding or reading many contacts, deleting many lists) says how far it is at C(-v) when the task runs
    in Ansible's worker, at every tenth of the work and at least every 30 seconds (C(contact list 'X': 300 of
    3000 contacts sent)). A module process has only its final answer to give, so with C(async) or on another host
    nothing is told until the end."
  - "A task's C(timeout:) ends Ansible's wait for it. In the worker the work stops there. A module process is not
    stopped by ansible-core: it notices that nobody reads its answer any more before its next request, and sends
    nothing further (no C(DELETE) after the task was reported failed)."
"""

    ATTRIBUTES = r"""
attributes:
  action:
    description: An action plugin runs the module's work in Ansible's worker when the connection is local (see notes).
    support: full
  async:
    description: Supports being used with the C(async) keyword; the module runs as a module then.
    support: full
  action_group:
    description: Use C(group/kore.ai.kore) in C(module_defaults) to set the connection options once.
    support: full
    membership:
      - kore.ai.kore
  check_mode:
    description: Can run in C(check_mode) and return changed status prediction without modifying the target.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in C(check_mode)), when in diff mode.
"""
