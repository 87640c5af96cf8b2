# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A seed replays: a property draws the same examples, with the same verdicts, whatever else runs.

Two properties of different test files, under one seed, run in fresh pytest processes: each alone, then both in
one process in either order. Every run must give each property the same examples, statuses and counts.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ANSWERS = "tests/properties/test_answers.py::test_any_answer_gives_a_sound_result_or_a_clean_error[absent by id]"
HOSTS = "tests/properties/test_inputs.py::test_a_host_is_refused_or_becomes_a_bare_base_url"
ADDRESS = re.compile(r" at 0x[0-9a-f]+")  # an object's address differs from process to process


def observed(tmp_path, nodeids, name):
    """Run ``nodeids`` in one pytest process under one seed; each property's (status, example) list, and the exit."""
    path = tmp_path / ("%s.jsonl" % name)
    env = dict(os.environ, KORE_HYPOTHESIS_PROFILE="replay", KORE_FUZZ_SEED="444716602", KORE_OBSERVE_FILE=str(path))
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:logging", "-p", "no:cacheprovider", "-q"]
                          + list(nodeids), cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    runs = {}
    for line in path.read_text().splitlines() if path.exists() else []:
        prop, status, representation = json.loads(line)
        runs.setdefault(prop, []).append((status, ADDRESS.sub("", representation)))
    return runs, done


def test_a_seed_draws_the_same_examples_alone_and_in_any_order(tmp_path):
    alone = {}
    for name, nodeid in (("answers", ANSWERS), ("hosts", HOSTS)):
        runs, done = observed(tmp_path, [nodeid], name)
        assert done.returncode == 0 and len(runs) == 1, done.stdout + done.stderr
        alone.update(runs)
    for order in ((ANSWERS, HOSTS), (HOSTS, ANSWERS)):
        together, done = observed(tmp_path, order, "together-%d" % (order[0] == HOSTS))
        assert done.returncode == 0, done.stdout + done.stderr
        assert sorted(together) == sorted(alone)
        for prop, examples in alone.items():
            assert Counter(s for s, dummy in together[prop]) == Counter(s for s, dummy in examples), prop
            assert together[prop] == examples, prop  # the same examples, in the same order
