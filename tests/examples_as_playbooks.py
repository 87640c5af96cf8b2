# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Write each module's EXAMPLES as a playbook, so that ansible-lint can hold them to the same profile.

Usage: python tests/examples_as_playbooks.py OUTPUT_DIR
"""

from __future__ import annotations

import ast
import os
import sys

MODULES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "plugins", "modules")


def examples_of(path):
    with open(path) as handle:
        tree = ast.parse(handle.read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "EXAMPLES" for t in node.targets):
            return node.value.value
    raise SystemExit("%s has no EXAMPLES" % path)


def main(output):
    os.makedirs(output, exist_ok=True)
    for name in sorted(os.listdir(MODULES)):
        if not name.endswith(".py"):
            continue
        # The EXAMPLES text as written, indented under tasks: lint sees exactly what users copy.
        tasks = "".join("    " + line if line.strip() else line
                        for line in examples_of(os.path.join(MODULES, name)).lstrip("\n").splitlines(True))
        with open(os.path.join(output, name[:-3] + ".yml"), "w") as handle:
            handle.write("---\n- name: EXAMPLES of %s\n  hosts: localhost\n  gather_facts: false\n  tasks:\n%s"
                         % (name[:-3], tasks))


if __name__ == "__main__":
    main(sys.argv[1])
