# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Unit tests that run ansible-core's own code are marked ``runs_ansible``, found from the imports themselves.

A test file runs ansible-core's code when it imports ansible-core, or hands a Python of its own code that imports
it or a module of the collection, or imports a plugin file that, itself or through the plugin files it imports,
imports ansible-core.
Every other unit test runs the collection's code alone, the same on every ansible-core: tests/matrix.sh runs those
once per Python, as it does the properties.
"""

from __future__ import annotations

import ast
import os

import pytest

PLUGINS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "plugins")
PREFIX = "ansible_collections.kore.ai.plugins."
_known = {}


def plugin_files(tree):
    """The plugin files (full paths) the imports in ``tree`` name (``from ...plugins.x.y import z``: x/y.py, or
    x/y/z.py when z is a module): the one reading of imports for this marking and the tests that check imports."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PREFIX):
            base = os.path.join(PLUGINS, *node.module[len(PREFIX):].split("."))
            for alias in node.names:
                for candidate in (os.path.join(base, alias.name + ".py"), base + ".py"):
                    if os.path.isfile(candidate):
                        found.add(candidate)
                        break
    return found


@pytest.fixture(name="plugin_files")
def plugin_files_fixture():
    return plugin_files


def imports_ansible(tree):
    for node in ast.walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        if any(name == "ansible" or name.startswith("ansible.") for name in names):
            return True
    return False


def code_in_strings(tree):
    """The strings of ``tree`` that are Python code with an import: code a test hands a Python of its own."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "import " in node.value:
            try:
                yield ast.parse(node.value)
            except SyntaxError:
                continue


def runs_ansible(path, test_file=True):
    """Whether the Python file ``path`` reaches ansible-core's code (see the module's docstring)."""
    if path not in _known:
        _known[path] = False  # a circle of imports settles on what the rest of it says
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
        trees = [tree] + (list(code_in_strings(tree)) if test_file else [])
        _known[path] = any(imports_ansible(t) or any(runs_ansible(p, test_file=False) for p in plugin_files(t))
                           for t in trees)
    return _known[path]


def pytest_collection_modifyitems(items):
    for item in items:
        if runs_ansible(str(item.path)):
            item.add_marker(pytest.mark.runs_ansible)
