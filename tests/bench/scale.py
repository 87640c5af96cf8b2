# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make bench`, contacts at Kore's scale: a CSV of 100,000 and of 1,000,000 contacts, backed up and restored.

Each step is one kore.ai.kore_contact_list task at 20 ms latency per request, with the simulator's asynchronous
add. Measured: the task's seconds (kore_bench_timer), the requests by kind, and the peak RSS of the largest
process of the run: ansible-playbook is started by a small wrapper that waits for it and writes the ru_maxrss of
its children, so the figure is the worker's that ran the task (a fork of ansible-playbook, whose memory it counts
too), or the module process's, whichever is larger.
"""

from __future__ import annotations

import csv
import json
import math
import os
import subprocess
import sys
import time

import jwt
import yaml
from kore_sim.processes import kill_whole

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PARALLEL = 4
MEASURE_RSS = """
import resource, subprocess, sys
code = subprocess.call([sys.executable] + sys.argv[2:])
with open(sys.argv[1], "a") as handle:
    handle.write("%d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
"""


def write_csv(path, count):
    """Kore's import format: a header of Kore's fields, every value quoted, E.164 numbers."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        writer.writerow(["phoneNumber", "firstName", "uniqueId", "timeZone"])
        for number in range(count):
            writer.writerow(["+1%010d" % number, "Bench", "b-%d" % number, "America/New_York"])


def measured(folder):
    """(a command prefix that runs a Python script and records the peak RSS of its processes in KiB, the log)."""
    script, log = os.path.join(folder, "rss.py"), os.path.join(folder, "rss.log")
    with open(script, "w") as handle:
        handle.write(MEASURE_RSS)
    return [sys.executable, script, log], log


def token_for(sim):
    tenant = sim.tenant
    now = int(time.time())
    return jwt.encode({"sub": "bench", "appId": tenant.client_id, "iat": now, "exp": now + 3600},
                      tenant.client_secret, algorithm="HS256")


def run_task(sim, folder, name, options, module="kore.ai.kore_contact_list", sample_files=None, rate_window=None,
             kill_after=None):
    """(seconds of the task, requests by kind, peak RSS of the largest process of the run in MB, the most (files,
    descriptors) one process held open or None): ``sample_files`` is a class given the run's pid, with ``stop()``,
    ``files`` and ``descriptors``.

    ``rate_window``: the seconds the task's pacer takes for Kore's minute (callback_plugins/kore_bench_rate_window),
    as the simulator's shortened window. ``kill_after``: seconds after which the run, ansible-playbook and its
    workers, is killed (SIGKILL of every process of the run); then only the requests by kind are given, the rest None.
    """
    prefix, log = measured(folder)
    if os.path.exists(log):
        os.unlink(log)
    path, times = os.path.join(folder, "scale.yml"), os.path.join(folder, "scale-times.json")
    with open(path, "w") as handle:
        yaml.safe_dump([{"name": "scale", "hosts": "localhost", "gather_facts": False,
                         "tasks": [{"name": name, module: dict(options, parallel=PARALLEL)}]}],
                       handle)
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith(("KORE_", "ANSIBLE_")))
    env.update(sim.env(), ANSIBLE_COLLECTIONS_PATH=os.path.join(ROOT, ".build", "collections"),
               ANSIBLE_PYTHON_INTERPRETER=sys.executable, ANSIBLE_LOCALHOST_WARNING="false",
               ANSIBLE_CALLBACK_PLUGINS=os.path.join(HERE, "callback_plugins"),
               ANSIBLE_CALLBACKS_ENABLED="kore_bench_timer", KORE_BENCH_TIMES=times)
    if rate_window is not None:
        env.update(ANSIBLE_CALLBACKS_ENABLED="kore_bench_timer,kore_bench_rate_window",
                   KORE_BENCH_RATE_WINDOW=str(rate_window))
    before = len(sim.requests)
    process = subprocess.Popen(prefix + [os.path.join(os.path.dirname(sys.executable), "ansible-playbook"), "-i",
                                         "localhost,", "-c", "local", path],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    sampler = sample_files(process.pid) if sample_files else None
    try:
        stdout, stderr = process.communicate(timeout=kill_after)
    except subprocess.TimeoutExpired:
        kill_whole(process.pid)
        process.communicate()
        return None, kinds_of(sim.requests[before:]), None, None
    finally:
        if sampler is not None:
            sampler.stop()
    if process.returncode != 0:
        with open(os.path.join(folder, "failed.log"), "w") as handle:
            handle.write(stdout + stderr)
        raise SystemExit("scale bench task %r failed (all its output: %s):\n%s%s"
                         % (name, os.path.join(folder, "failed.log"), stdout[-4000:], stderr[-2000:]))
    with open(times) as handle:
        seconds = json.load(handle)[0][1]
    with open(log) as handle:
        rss_mb = max(int(line) for line in handle) / 1024.0
    files = None if sampler is None else (sampler.files, sampler.descriptors)
    return seconds, kinds_of(sim.requests[before:]), rss_mb, files


def kinds_of(requests):
    kinds = {}
    for request in requests:
        last = request["path"].rsplit("/", 1)[1]
        if last == "getAllContacts":
            last = "count" if request["query"].get("limit") == ["1"] else "page"
        elif last not in ("addContacts", "getAllListDetails", "createContactList"):
            last = "%s one list" % request["method"]
        kinds[last] = kinds.get(last, 0) + 1
    return kinds


def floor(count, latency, add_delay, adds, list_calls, page_size):
    """The fewest requests the job needs, in parallel, plus the add delay (when it adds)."""
    pages = max(1, int(math.ceil(count / float(page_size))))
    requests = (int(math.ceil(count / 100.0)) if adds else 0) + pages + list_calls
    return requests / float(PARALLEL) * latency + (add_delay if adds else 0.0), requests


def scale_runs(sim, folder, sizes, latency, add_delay):
    """The steps of the contacts files' bench (seed, back up, restore); a row each."""
    rows = []
    sim.latency, sim.add_delay = latency, add_delay
    page_size = sim.max_page
    for count in sizes:
        sim.reset()
        source = os.path.join(folder, "contacts-%d.csv" % count)
        write_csv(source, count)
        backup = os.path.join(folder, "backup-%d.csv" % count)
        name = "scale %d" % count
        seed = {"name": name, "description": "bench", "contacts_file": source}
        steps = [("seed %d contacts from a CSV into a new list" % count, seed, True, 2),
                 ("the same task again (unchanged)", seed, False, 2),
                 ("back up and delete that list", {"name": name, "state": "absent", "backup_file": backup}, False, 2),
                 ("restore it from the backup into a new list",
                  {"name": name, "description": "bench", "contacts_file": backup}, True, 2)]
        for what, options, adds, list_calls in steps:
            started = time.monotonic()
            seconds, kinds, rss, dummy = run_task(sim, folder, what, options)
            least, needed = floor(count, latency, add_delay, adds, list_calls, page_size)
            rows.append({"what": what, "contacts": count, "seconds": seconds, "kinds": kinds,
                         "requests": sum(kinds.values()), "floor": least, "floor_requests": needed, "rss_mb": rss,
                         "wall": time.monotonic() - started})
            print(json.dumps(rows[-1]), flush=True)
        held = sim.store.summaries(sim.tenant.stream_id)
        assert len(held) == 1 and held[0]["totalRecordCount"] == count, "the list does not hold every contact"
        sim.reset()
    sim.latency, sim.add_delay = 0.0, 0.0
    return rows


def report(rows, latency, add_delay, page_size):
    lines = [
        "## Contacts at Kore's scale: CSV files of 100,000 and 1,000,000 contacts",
        "",
        "One `kore.ai.kore_contact_list` task per row, `parallel: %d`, at %d ms latency per request; the simulator"
        " shows an accepted add after %.1f s, and gives at most %d contacts a page. The floor is the fewest"
        " requests the job needs (adds of 100 contacts, one read of every page, the list calls: finding the list"
        " and creating or deleting it) divided by `parallel`, times the latency, plus the add delay for a job that"
        " adds. Seconds are the task's own (from the task's start to its result), run as users run it: on a local"
        " connection, in Ansible's worker. Peak RSS is the largest process's of the run (`ru_maxrss`): that"
        " worker, a fork of ansible-playbook whose memory it counts too. Targets: seeding 100,000 in at most"
        " 1.5 x its floor, the unchanged re-run in at most 1.3 x its floor, and at most 300 MB at 1,000,000"
        " contacts."
        % (PARALLEL, latency * 1000, add_delay, page_size),
        "",
        "| run | contacts | seconds | requests | of which | floor (s) | seconds / floor | peak RSS (MB) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append("| %s | %d | %.1f | %d | %s | %.1f | %.2f | %.0f |" % (
            row["what"], row["contacts"], row["seconds"], row["requests"],
            ", ".join("%s %d" % item for item in sorted(row["kinds"].items())), row["floor"],
            row["seconds"] / row["floor"], row["rss_mb"]))
    return lines


def replace_section(text, lines, before="Module import time"):
    """``text`` (a performance.md) with the section ``lines`` head (their first line) replaced by them, or them put
    before the section headed ``before``."""
    heading = lines[0]
    parts = text.split("\n## ")
    kept = [p for p in parts if not ("## " + p).startswith(heading)]
    section = "\n".join(lines)[3:]
    at = next((i for i, p in enumerate(kept) if p.startswith(before)), len(kept))
    return "\n## ".join(kept[:at] + [section + "\n"] + kept[at:])


def contacts_seeding(sim, run, token, count, latency, add_delay):
    """Seed ``count`` contacts into a new list in one task, then run the same task again (nothing to send).
    ``run(tasks)`` runs a playbook of ``tasks`` and returns its seconds."""
    sim.reset()
    sim.latency, sim.add_delay = latency, add_delay
    contacts = [{"phoneNumber": "+1555%07d" % i, "firstName": "Bench", "uniqueId": "b-%d" % i} for i in range(count)]
    task = [{"kore.ai.kore_contact_list": {"name": "bench-contacts", "description": "x", "contacts": contacts,
                                           "jwt": token}}]
    runs = []
    for what in ("seed %d contacts into a new list" % count, "the same task again (unchanged)"):
        before = len(sim.requests)
        seconds = run(task)
        sent = sim.requests[before:]
        kinds = {}
        for request in sent:
            kind = request["path"].rsplit("/", 1)[1]
            kind = kind if kind in ("addContacts", "getAllContacts", "getAllListDetails", "createContactList") \
                else "read the list"
            kinds[kind] = kinds.get(kind, 0) + 1
        runs.append({"what": what, "seconds": seconds, "requests": len(sent), "kinds": kinds})
    held = sim.contacts_of(sim.store.summaries(sim.tenant.stream_id)[0]["_id"])
    assert len(held) == count, "not every contact arrived"
    # Ansible's own share: a task that does nothing but carry the same contacts through templating
    before = len(sim.requests)
    seconds = run([{"ansible.builtin.debug": {"msg": "{{ contacts | length }}"}, "vars": {"contacts": contacts}}])
    runs.append({"what": "baseline: ansible.builtin.debug carrying the same contacts", "seconds": seconds,
                 "requests": len(sim.requests) - before, "kinds": {}})
    sim.latency, sim.add_delay = 0.0, 0.0
    return runs
