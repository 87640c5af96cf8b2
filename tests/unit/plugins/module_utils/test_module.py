# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The module process: it stops sending once nobody reads its answer."""

from __future__ import annotations

import os
import subprocess
import sys

CHECK = ("import sys; from ansible_collections.kore.ai.plugins.module_utils._module import answer_still_read; "
         "sys.stderr.write('%s' % answer_still_read())")


def ask(stdout):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    return subprocess.run([sys.executable, "-c", CHECK], stdout=stdout, stderr=subprocess.PIPE, env=env,
                          check=True, text=True).stderr


def test_an_answer_read_through_a_pipe_is_still_wanted():
    read, write = os.pipe()
    try:
        assert ask(write) == "True"
    finally:
        os.close(read)
        os.close(write)


def test_once_the_reader_is_gone_the_answer_is_not_wanted():
    read, write = os.pipe()
    os.close(read)  # Ansible stopped waiting: the task's timeout
    try:
        assert ask(write) == "False"
    finally:
        os.close(write)


def test_stdout_that_is_no_pipe_tells_nothing(tmp_path):
    with open(tmp_path / "out", "w") as handle:
        assert ask(handle) == "True"
