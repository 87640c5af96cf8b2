# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run real ansible-playbook against the simulator and hand each test the task results."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PLAYBOOK_BIN = os.path.join(os.path.dirname(sys.executable), "ansible-playbook")


class Run(object):
    """One ansible-playbook run: exit code, screen output, and one result row per task."""

    def __init__(self, proc, rows):
        self.rc = proc.returncode
        self.output = proc.stdout + proc.stderr
        self.rows = rows

    def __getitem__(self, index):
        return self.rows[index]["result"]

    def status(self, index):
        return self.rows[index]["status"]

    def __repr__(self):
        return "Run(rc=%s)\n%s" % (self.rc, self.output)


@pytest.fixture
def playbook(sim, tmp_path):
    """``playbook(tasks, check=False, diff=False, env=None, args=(), module_defaults=None)`` -> Run.

    ``tasks`` is a list of tasks for one localhost play, or the path of a playbook file to run as it is.

    The connection comes from the KORE_* environment, as a user of the simulator would set it, unless
    ``env`` overrides (a value of None removes a variable).
    """

    def run(tasks, check=False, diff=False, env=None, args=(), module_defaults=None):
        if isinstance(tasks, str):
            path = tasks
        else:
            play = {"name": "test", "hosts": "localhost", "gather_facts": False, "tasks": tasks}
            if module_defaults:
                play["module_defaults"] = {"group/kore.ai.kore": module_defaults}
            path = tmp_path / ("play-%d.yml" % len(list(tmp_path.glob("play-*.yml"))))
            path.write_text(yaml.safe_dump([play], sort_keys=False))
        results = tmp_path / "results.json"
        environ = dict(os.environ)
        for key in [k for k in environ if k.startswith("KORE_")]:
            del environ[key]
        environ.update(sim.env())
        environ.update({
            "ANSIBLE_COLLECTIONS_PATH": os.path.join(ROOT, ".build", "collections"),
            "ANSIBLE_CALLBACK_PLUGINS": os.path.join(HERE, "callback_plugins"),
            "ANSIBLE_CALLBACKS_ENABLED": "kore_results",
            "ANSIBLE_LOCALHOST_WARNING": "false",
            "ANSIBLE_INVENTORY_UNPARSED_WARNING": "false",
            "ANSIBLE_PYTHON_INTERPRETER": sys.executable,
            "ANSIBLE_NOCOLOR": "1",
            "ANSIBLE_RETRY_FILES_ENABLED": "false",
            "KORE_RESULTS_FILE": str(results),
        })
        for key, value in (env or {}).items():
            if value is None:
                environ.pop(key, None)
            else:
                environ[key] = value
        command = [PLAYBOOK_BIN, "-i", "localhost,", "-c", "local", str(path)] + list(args)
        command += ["--check"] if check else []
        command += ["--diff"] if diff else []
        proc = subprocess.run(command, env=environ, capture_output=True, text=True, timeout=600, check=False)
        rows = json.loads(results.read_text()) if results.exists() else []
        results.unlink(missing_ok=True)
        return Run(proc, rows)

    return run


class RequestLog(object):
    """What reached the simulator's API, for asserting what the modules sent."""

    def __init__(self, sim):
        self.sim = sim

    def of(self, *methods):
        return [r for r in self.sim.requests if not methods or r["method"] in methods]

    def writes(self):
        return self.of("POST", "PUT", "DELETE")


@pytest.fixture
def api_log(sim):
    return RequestLog(sim)
