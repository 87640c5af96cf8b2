# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A unit test that reaches ansible-core is marked runs_ansible, so that every ansible-core version runs it; one
that runs the collection's code alone is not, so that each Python runs it once (tests/unit/conftest.py)."""

from __future__ import annotations

import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = importlib.util.spec_from_file_location("unit_conftest", os.path.join(HERE, "conftest.py"))
marker = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(marker)


def marked(tmp_path, code):
    path = tmp_path / "test_case.py"
    path.write_text(code)
    marker._known.clear()
    return marker.runs_ansible(str(path))


def test_tests_of_the_module_process_and_the_worker_are_marked():
    for path in ("plugins/module_utils/test_module.py", "plugins/plugin_utils/test_in_worker.py",
                 "plugins/module_utils/test_task.py"):
        assert marker.runs_ansible(os.path.join(HERE, path)), path


def test_tests_of_the_wire_client_and_the_engines_are_not():
    for path in ("plugins/module_utils/test_url.py", "plugins/module_utils/test_client.py",
                 "plugins/module_utils/_contact_lists/test_engine.py", "test_architecture.py"):
        assert not marker.runs_ansible(os.path.join(HERE, path)), path


def test_an_import_of_ansible_reached_through_plugin_files_marks_the_test(tmp_path):
    # _task.py imports ansible-core; _url.py imports nothing of it
    assert marked(tmp_path, "from ansible_collections.kore.ai.plugins.module_utils._task import KoreTask\n")
    assert not marked(tmp_path, "from ansible_collections.kore.ai.plugins.module_utils._url import Route\n")
    assert marked(tmp_path, "import ansible.module_utils.basic\n")
    assert not marked(tmp_path, "import ansible_collections\n")


def test_code_handed_to_a_python_of_its_own_counts_too(tmp_path):
    assert marked(tmp_path, 'CODE = "from ansible_collections.kore.ai.plugins.modules import kore_contact_list"\n')
    assert not marked(tmp_path, 'TEXT = "ansible.builtin.debug is not an import"\n')
