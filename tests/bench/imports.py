# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Module import time: milliseconds to import a module on top of ``ansible.module_utils.basic``, from a task's
AnsiballZ payload (compiled on every run) and from installed files."""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


IMPORT_CODE = """
import sys, time
sys.path.insert(0, sys.argv[1])  # the task's payload first, as AnsiballZ puts it
import ansible.module_utils.basic
started = time.perf_counter()
__import__(sys.argv[2])
print(time.perf_counter() - started)
"""


def payload_of(run, folder, task):
    """The AnsiballZ payload (a zip of the module and its module_utils) that running ``task`` sends, as a file.
    ``run(tasks, environment)`` runs a playbook of ``tasks``."""
    remote_tmp = os.path.join(folder, "remote-tmp")
    run([task], {"ANSIBLE_KEEP_REMOTE_FILES": "1", "ANSIBLE_REMOTE_TMP": remote_tmp})
    wrapper = [os.path.join(d, f) for d, dummy, files in os.walk(remote_tmp) for f in files
               if f.startswith("AnsiballZ_")][0]
    with open(wrapper) as handle:
        source = handle.read()
    shutil.rmtree(remote_tmp)
    # ansible-core 2.19 passes the payload as zip_data='...'; earlier versions as ZIPDATA = """..."""
    found = re.search(r"zip_data='([A-Za-z0-9+/=]+)'", source) or re.search(r'ZIPDATA = """([A-Za-z0-9+/=\s]+)"""',
                                                                            source)
    path = os.path.join(folder, os.path.basename(wrapper) + ".zip")
    with open(path, "wb") as handle:
        handle.write(base64.b64decode(found.group(1)))
    return path


def import_ms(run, folder, modules, runs=21):
    """Milliseconds to import each module on top of ``ansible.module_utils.basic`` (every module pays for that
    alike), in fresh interpreters: from the task's AnsiballZ payload, as a task imports it, and from installed
    files with their cached bytecode. ``modules``: name -> (the module's import name, a task that runs it);
    ``run`` as :func:`payload_of` takes it. The modules take turns; the least of ``runs`` is kept, as timeit does,
    since a busy machine only ever adds time."""
    files = os.path.join(ROOT, ".build", "collections")
    cases = [(name, where, path, module) for name, (module, task) in modules.items()
             for where, path in (("payload", payload_of(run, folder, task)), ("files", files))]
    times = {}
    for dummy in range(runs):
        for name, where, path, module in cases:
            seconds = subprocess.run([sys.executable, "-c", IMPORT_CODE, path, module], capture_output=True,
                                     text=True, check=True).stdout
            times.setdefault(name, {}).setdefault(where, []).append(1000 * float(seconds))
    return dict((name, dict((where, min(values)) for where, values in found.items()))
                for name, found in times.items())
