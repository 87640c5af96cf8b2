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
      - The Kore.ai environment the bot lives in (E(KORE_HOST)). A bare host name such as V(eu-platform.kore.ai)
        means HTTPS; a base URL such as V(http://127.0.0.1:8080) (the simulator) is used as given, without a path.
    type: str
    default: https://platform.kore.ai
  stream_id:
    description:
      - The bot (stream) id, C(st-...), from the bot's general settings page (E(KORE_STREAM_ID)).
    type: str
    required: true
  account_id:
    description:
      - The 24-hex-digit account id, sent as the C(accountId) header and query parameter (E(KORE_ACCOUNT_ID)).
    type: str
    required: true
  iid:
    description:
      - The application id of the C(iid) header (E(KORE_IID)). When not set, the O(stream_id), as in Kore's samples.
    type: str
  jwt:
    description:
      - A ready token for Kore's C(auth) header (E(KORE_JWT)). Either O(jwt), or O(client_id) and O(client_secret),
        must be given; with both, O(jwt) is used. A ready token cannot be renewed during a long task.
    type: str
  client_id:
    description:
      - Client id of an app with the Campaign Management API scope (E(KORE_CLIENT_ID)). With O(client_secret) the
        module signs a five-minute HS256 token, and a new one before it expires or when Kore refuses it.
    type: str
  client_secret:
    description:
      - Client secret of that app (E(KORE_CLIENT_SECRET)). Never printed or logged.
    type: str
  validate_certs:
    description:
      - Verify the server's TLS certificate (E(KORE_VALIDATE_CERTS)). V(false) is unsafe outside tests.
    type: bool
    default: true
  ca_path:
    description:
      - A PEM file of CA certificates for a private CA; relative to the playbook's directory. When not set,
        E(REQUESTS_CA_BUNDLE) (or E(CURL_CA_BUNDLE)) names the bundle, else C(certifi)'s, as C(requests) does.
    type: path
  timeout:
    description:
      - Seconds to wait for a connection, and then for each answer.
    type: int
    default: 30
  retries:
    description:
      - How many times (0 to 10) a request is repeated after HTTP 429, 502, 503, 504 or a dropped connection,
        waiting 0, 1, 2, 4 ... seconds or what C(Retry-After) asks (at most 60). A create is repeated only after
        looking (by name) whether it was made, so a retry makes no twin.
    type: int
    default: 3
requirements:
  - requests >= 2.25
# every module's: Kore's pages of the calls, and the guide of what the collection is for
seealso:
  - name: Kore.ai contact center API list
    description: Every Campaign Management call (this collection uses the v2 ones).
    link: https://docs.kore.ai/ai-for-service/apis/contact-center/api-list
  - name: Teardown and environment reset
    description: The guide, with backups and the undo.
    link: https://github.com/kore-ai-ansible/kore.ai/blob/main/docs/docsite/rst/guide_teardown.rst
notes:
  - "On a local connection (C(hosts: localhost), C(delegate_to: localhost)) a task runs in Ansible's worker, with
    the module's checks, code and results; otherwise, or with C(become), C(async) or C(kore_ai_in_worker=false),
    as a module. Proxies and relative paths work alike on both, see
    R(How a task behaves, ansible_collections.kore.ai.docsite.guide_behaviour)."
"""

    ATTRIBUTES = r"""
attributes:
  action:
    description: On a local connection the work runs in Ansible's worker (see notes).
    support: full
  async:
    description: Works with C(async), as a module.
    support: full
  action_group:
    description: C(group/kore.ai.kore) in C(module_defaults) sets the connection once.
    support: full
    membership:
      - kore.ai.kore
  check_mode:
    description: Predicts every change in check mode, on the real run's path.
  diff_mode:
    description: Returns what changed, or would, as before and after.
"""
