# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Values cross between the worker and the task as they would cross Ansible's JSON to and from a module."""

from __future__ import annotations

import datetime

from ansible.utils.unsafe_proxy import wrap_var

from ansible_collections.kore.ai.plugins.plugin_utils._module_json import TO_CONTROLLER, TO_MODULE, across


def test_arguments_arrive_as_a_module_reads_them():
    args = {"when": datetime.date(2026, 12, 3), "pair": (1, 2), "text": wrap_var("{{ not templated }}")}
    arrived = across(args, TO_MODULE)
    assert arrived == {"when": "2026-12-03", "pair": [1, 2], "text": "{{ not templated }}"}
    assert arrived["text"].__class__ is str  # no longer Ansible's unsafe text


def test_a_result_arrives_as_the_controller_reads_a_module_s():
    assert across({"changed": True, "ids": ("cl-1",), "nested": {"n": None}}, TO_CONTROLLER) == {
        "changed": True, "ids": ["cl-1"], "nested": {"n": None}}
