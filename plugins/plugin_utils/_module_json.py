# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Values as they cross Ansible's JSON between controller and module, for work done in the worker instead.

A module sees its arguments after Ansible's encoder and the module's decoder (no tagged types, dates as text,
tuples as lists), and the controller sees the module's result after the reverse. The worker passes both through
the same encoders and decoders, so that a value is accepted, refused and returned as it would be by the module.
"""

from __future__ import annotations

import functools
import json

try:  # ansible-core 2.19 and later: the encoders and decoders of module "profiles", by direction
    from ansible.module_utils.common.json import Direction, get_module_decoder, get_module_encoder
except ImportError:  # 2.17 and 2.18: one encoder both ways, plain json on the other side
    from ansible.module_utils.common.json import AnsibleJSONEncoder

    TO_MODULE = (functools.partial(AnsibleJSONEncoder, vault_to_text=True), json.JSONDecoder)
    TO_CONTROLLER = (AnsibleJSONEncoder, json.JSONDecoder)
else:
    # "legacy": the profile of every module that does not declare another, as ours do not
    TO_MODULE = (get_module_encoder("legacy", Direction.CONTROLLER_TO_MODULE),
                 get_module_decoder("legacy", Direction.CONTROLLER_TO_MODULE))
    TO_CONTROLLER = (get_module_encoder("legacy", Direction.MODULE_TO_CONTROLLER),
                     get_module_decoder("legacy", Direction.MODULE_TO_CONTROLLER))


def across(value, direction):
    """``value`` as it arrives on the other side; ``direction`` is TO_MODULE or TO_CONTROLLER."""
    encoder, decoder = direction
    return json.loads(json.dumps(value, cls=encoder), cls=decoder)
