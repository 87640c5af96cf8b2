# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make bench`: kore.ai against ansible.builtin.uri, and the one-task reset against a loop, on the simulator.

Writes docs/performance.md and docs/performance.png. A benchmark, not a test: it asserts nothing.
Usage: python tests/bench/bench.py [--deletes 20] [--reset 150] [--latencies 0,20,100]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import jwt
import yaml
from kore_sim import Simulator

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.dirname(sys.executable)
DOCS = os.path.join(ROOT, "docs")


def playbook_seconds(sim, tasks, folder):
    """Wall time of one ansible-playbook run of ``tasks`` on localhost (fails loudly if the play fails)."""
    path = os.path.join(folder, "play.yml")
    with open(path, "w") as handle:
        yaml.safe_dump([{"name": "bench", "hosts": "localhost", "gather_facts": False, "tasks": tasks}], handle)
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith(("KORE_", "ANSIBLE_")))
    env.update(sim.env(), ANSIBLE_COLLECTIONS_PATH=os.path.join(ROOT, ".build", "collections"),
               ANSIBLE_PYTHON_INTERPRETER=sys.executable, ANSIBLE_LOCALHOST_WARNING="false")
    started = time.monotonic()
    done = subprocess.run([os.path.join(BIN, "ansible-playbook"), "-i", "localhost,", "-c", "local", path],
                          env=env, capture_output=True, text=True, check=False)
    took = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit("bench playbook failed:\n" + done.stdout + done.stderr)
    return took


def token_for(sim):
    tenant = sim.tenant
    now = int(time.time())
    return jwt.encode({"sub": "bench", "appId": tenant.client_id, "iat": now, "exp": now + 3600},
                      tenant.client_secret, algorithm="HS256")


def kore_delete(ids, token):
    return [{"kore.ai.kore_contact_list": {"id": "{{ item }}", "state": "absent", "jwt": token}, "loop": ids}]


def uri_delete(sim, ids, token):
    tenant = sim.tenant
    url = "%s/campaign/api/v2/public/%s/campaign/contactList/{{ item }}?accountId=%s" % (
        sim.url, tenant.stream_id, tenant.account_id)
    return [{"ansible.builtin.uri": {"url": url, "method": "DELETE", "status_code": 200, "headers": {
        "auth": token, "iid": tenant.stream_id, "accountId": tenant.account_id}}, "loop": ids}]


def seed(sim, count):
    sim.reset()
    return [sim.seed("bench-%04d" % i, "x")["_id"] for i in range(count)]


def per_task(sim, folder, make_tasks, count):
    """Seconds per loop item: (run with ``count`` items - run with none) / count."""
    seed(sim, 0)
    empty = playbook_seconds(sim, make_tasks([]), folder)
    ids = seed(sim, count)
    full = playbook_seconds(sim, make_tasks(ids), folder)
    assert not sim.store.all_records().get(sim.tenant.stream_id), "not everything was deleted"
    return (full - empty) / count, full


def requests_per_operation(sim, folder, token):
    counts = {}
    record = seed(sim, 1)[0]
    sim.seed("bench-present", "x")
    cases = [
        ("delete (by id)", {"id": record, "state": "absent"}),
        ("already absent (by id)", {"id": record, "state": "absent"}),
        ("present, unchanged (by name)", {"name": "bench-present", "description": "x"}),
        ("present, changed (by name)", {"name": "bench-present", "description": "y"}),
        ("create (by name)", {"name": "bench-new", "description": "x"}),
    ]
    for what, options in cases:
        before = len(sim.requests)
        playbook_seconds(sim, [{"kore.ai.kore_contact_list": dict(options, jwt=token)}], folder)
        counts[what] = len(sim.requests) - before
    return counts


def import_ms(module):
    code = "import time; t = time.perf_counter(); import %s; print(time.perf_counter() - t)" % module
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, ".build", "collections"))
    runs = [float(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                 check=True).stdout) for dummy in range(7)]
    return 1000 * statistics.median(runs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--deletes", type=int, default=20)
    parser.add_argument("--reset", type=int, default=150)
    parser.add_argument("--latencies", default="0,20,100")
    args = parser.parse_args()
    rows, folder = [], tempfile.mkdtemp(prefix="kore-bench-")
    with Simulator() as sim:
        token = token_for(sim)
        for latency in [int(x) for x in args.latencies.split(",")]:
            sim.latency = latency / 1000.0
            kore, dummy = per_task(sim, folder, lambda ids: kore_delete(ids, token), args.deletes)
            uri, dummy = per_task(sim, folder, lambda ids: uri_delete(sim, ids, token), args.deletes)
            ids = seed(sim, args.reset)
            reset = playbook_seconds(sim, [{"kore.ai.kore_contact_lists": {"lists": [], "purge": True,
                                                                           "jwt": token}}], folder)
            assert not sim.store.all_records().get(sim.tenant.stream_id)
            ids = seed(sim, args.reset)
            loop = playbook_seconds(sim, kore_delete(ids, token), folder)
            rows.append({"latency_ms": latency, "kore_s": kore, "uri_s": uri, "reset_s": reset, "loop_s": loop})
            print(json.dumps(rows[-1]), flush=True)
        sim.latency = 0.0
        counts = requests_per_operation(sim, folder, token)
        # against a limit of 600 requests a minute, with max_rate just under it
        sim.rate_limit = 600
        seed(sim, args.reset)
        before = len(sim.requests)
        paced = playbook_seconds(sim, [{"kore.ai.kore_contact_lists": {
            "lists": [], "purge": True, "jwt": token, "max_rate": 600}}], folder)
        paced_requests = len(sim.requests) - before
        paced_429 = sum(1 for r in sim.requests[before:] if r["status"] == 429)
    imports = {"kore.ai.kore_contact_list": import_ms("ansible_collections.kore.ai.plugins.modules.kore_contact_list"),
               "ansible.builtin.uri": import_ms("ansible.modules.uri")}
    write_report(args, rows, counts, imports, (paced, paced_requests, paced_429))


def write_report(args, rows, counts, imports, paced):
    import matplotlib  # pylint: disable=import-outside-toplevel
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # pylint: disable=import-outside-toplevel

    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    latencies = [r["latency_ms"] for r in rows]
    width = 0.35
    positions = range(len(rows))
    left.bar([p - width / 2 for p in positions], [r["kore_s"] for r in rows], width, label="kore_contact_list")
    left.bar([p + width / 2 for p in positions], [r["uri_s"] for r in rows], width, label="ansible.builtin.uri")
    left.set_xticks(list(positions), ["%d ms" % x for x in latencies])
    left.set_ylabel("seconds per delete (loop item)")
    left.set_title("One delete per task")
    left.legend()
    right.bar([p - width / 2 for p in positions], [r["loop_s"] for r in rows], width,
              label="loop of kore_contact_list")
    right.bar([p + width / 2 for p in positions], [r["reset_s"] for r in rows], width,
              label="kore_contact_lists purge")
    right.set_xticks(list(positions), ["%d ms" % x for x in latencies])
    right.set_ylabel("seconds for %d deletes (whole playbook)" % args.reset)
    right.set_title("Environment reset")
    right.legend()
    figure.suptitle("kore.ai on the simulator, by added latency per request")
    figure.tight_layout()
    figure.savefig(os.path.join(DOCS, "performance.png"), dpi=100)

    paced_s, paced_requests, paced_429 = paced
    lines = [
        "# Performance",
        "",
        "Measured by `make bench` (`tests/bench/bench.py`) on the simulator, on this project's 2-core machine, on %s."
        % time.strftime("%Y-%m-%d"),
        "Every figure is regenerated by that command; this page is its output.",
        "",
        "## One delete per task: `kore.ai.kore_contact_list` against `ansible.builtin.uri`",
        "",
        "The same %d deletes in a loop, both with a ready token (`jwt`); seconds per loop item are the run with"
        " the loop minus the same run with an empty loop, divided by %d. `uri` sends the bare `DELETE`;"
        " the module first reads the list (to refuse lists in use, return the record and prove a missing list"
        " missing), then deletes it." % (args.deletes, args.deletes),
        "",
        "| latency per request | kore_contact_list s/task | uri s/task | ratio kore/uri |",
        "|---|---|---|---|",
    ]
    lines += ["| %d ms | %.3f | %.3f | %.2f |" % (r["latency_ms"], r["kore_s"], r["uri_s"], r["kore_s"] / r["uri_s"])
              for r in rows]
    lines += [
        "",
        "## Environment reset: %d lists in one task against a loop" % args.reset,
        "",
        "| latency per request | loop of kore_contact_list (s) | kore_contact_lists purge (s) | speed-up |",
        "|---|---|---|---|",
    ]
    lines += ["| %d ms | %.1f | %.1f | %.1fx |" % (r["latency_ms"], r["loop_s"], r["reset_s"], r["loop_s"] / r["reset_s"])
              for r in rows]
    floor = paced_requests / 600.0 * 60
    lines += [
        "",
        "Against a simulated limit of 600 requests a minute with `max_rate: 600`: %d requests in %.1f s"
        " (floor %.1f s = requests / rate, ratio %.2f), %d answered 429." % (
            paced_requests, paced_s, floor, paced_s / floor, paced_429),
        "",
        "## HTTP requests per operation",
        "",
        "| operation | requests |",
        "|---|---|",
    ]
    lines += ["| %s | %d |" % item for item in counts.items()]
    lines += [
        "",
        "## Module import time (median of 7 fresh interpreters)",
        "",
        "| module | ms |",
        "|---|---|",
    ]
    lines += ["| %s | %.0f |" % item for item in imports.items()]
    lines += ["", "![seconds per task and per reset](performance.png)", ""]
    with open(os.path.join(DOCS, "performance.md"), "w") as handle:
        handle.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
