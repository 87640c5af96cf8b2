# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The README's table of tested versions says what CI runs: tests/matrix.sh, .ci/run, the Makefile, runtime.yml."""

from __future__ import annotations

import os
import re

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read(*path):
    with open(os.path.join(ROOT, *path)) as handle:
        return handle.read()


def bash_map(name, text):
    """``declare -A NAME=([k]=v ...)`` of a shell script, as a dict."""
    body = re.search(r"declare -A %s=\(([^)]*)\)" % name, text).group(1)
    return dict(re.findall(r"\[([^\]]+)\]=(\S+)", body))


def readme_table():
    """{ansible-core minor: (controller Pythons, module Pythons)} from the README's table."""
    text = read("README.md")
    table = text[text.index("<!-- tested-versions"):].split("\n\n", 1)[0]
    rows = {}
    for line in table.splitlines()[3:]:
        core, controllers, modules = [cell.strip() for cell in line.strip("|").split("|")]
        rows[core] = (set(controllers.split(", ")), set(modules.split(", ")))
    return rows


def what_ci_runs():
    matrix = read("tests", "matrix.sh")
    core, python = bash_map("CORE", matrix), bash_map("PY", matrix)
    controllers = dict((minor, {py}) for minor, py in python.items())
    modules = dict((minor, {py}) for minor, py in python.items())
    ci = read(".ci", "run")
    for entry in re.search(r'\nmatrix="([^"]*)"', ci).group(1).split():
        row, dummy, module_python = entry.partition(":")
        minor, dummy, other = row.partition("@")
        assert minor in core, entry
        if other:
            controllers[minor].add(other)
            modules[minor].add(other)
        if module_python:
            modules[minor].add(module_python)
    assert 'make test-matrix MATRIX="$matrix"' in ci
    assert "\nmake test\n" in ci
    return core, dict((minor, (controllers[minor], modules[minor])) for minor in core)


def test_the_readme_table_is_what_ci_runs():
    dummy, tested = what_ci_runs()
    assert readme_table() == tested


def test_runtime_requires_the_oldest_version_tested_and_the_readme_says_the_oldest_python():
    core, tested = what_ci_runs()
    oldest = min(core, key=lambda minor: tuple(int(n) for n in minor.split(".")))
    runtime = yaml.safe_load(read("meta", "runtime.yml"))
    assert runtime["requires_ansible"] == ">=%s.0" % oldest
    lowest_python = min((py for dummy, modules in tested.values() for py in modules),
                        key=lambda version: tuple(int(n) for n in version.split(".")))
    assert "Python %s or later" % lowest_python in read("README.md")
