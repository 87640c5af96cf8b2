# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make bench`: kore.ai against ansible.builtin.uri, and the one-task reset against a loop, on the simulator.

Writes docs/performance.md and docs/performance.png. A benchmark, not a test: it asserts nothing.
Usage: python tests/bench/bench.py [--deletes 10] [--rounds 10] [--reset 150] [--latencies 0,20,100]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests
import yaml
from kore_sim import Simulator

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), ".build",
                                "collections"))
from ansible_collections.kore.ai.plugins.module_utils._resource import PagedListAll  # noqa: E402
import account_limits  # noqa: E402  pylint: disable=wrong-import-position
import fewest  # noqa: E402  pylint: disable=wrong-import-position
import scale  # noqa: E402  pylint: disable=wrong-import-position
from imports import import_ms  # noqa: E402  pylint: disable=wrong-import-position
from report import (  # noqa: E402  pylint: disable=wrong-import-position
    LIMIT,
    PARALLEL,
    campaign_report,
    per_task_report,
    write_report,
    write_section,
)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.dirname(sys.executable)


def playbook_seconds(sim, tasks, folder, extra_env=None):
    """Wall time of one ansible-playbook run of ``tasks`` on localhost (fails loudly if the play fails)."""
    path = os.path.join(folder, "play.yml")
    with open(path, "w") as handle:
        yaml.safe_dump([{"name": "bench", "hosts": "localhost", "gather_facts": False, "tasks": tasks}], handle)
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith(("KORE_", "ANSIBLE_")))
    env.update(sim.env(), ANSIBLE_COLLECTIONS_PATH=os.path.join(ROOT, ".build", "collections"),
               ANSIBLE_PYTHON_INTERPRETER=sys.executable, ANSIBLE_LOCALHOST_WARNING="false")
    env.update(extra_env or {})
    started = time.monotonic()
    done = subprocess.run([os.path.join(BIN, "ansible-playbook"), "-i", "localhost,", "-c", "local", path],
                          env=env, capture_output=True, text=True, check=False)
    took = time.monotonic() - started
    if done.returncode != 0:
        raise SystemExit("bench playbook failed:\n" + done.stdout + done.stderr)
    return took


def task_seconds(sim, tasks, folder):
    """[(task name, seconds)] of one ansible-playbook run, timed by the kore_bench_timer callback."""
    times = os.path.join(folder, "times.json")
    playbook_seconds(sim, tasks, folder, {"ANSIBLE_CALLBACK_PLUGINS": os.path.join(HERE, "callback_plugins"),
                                          "ANSIBLE_CALLBACKS_ENABLED": "kore_bench_timer",
                                          "KORE_BENCH_TIMES": times})
    with open(times) as handle:
        return json.load(handle)


token_for = scale.token_for


def kore_delete(ids, token=None, force=False, path="worker"):
    """Deletes by id; without ``token`` the module signs its own from KORE_CLIENT_ID and KORE_CLIENT_SECRET.

    ``force``: without reading the list first (one request). ``path``: "worker" as a local connection runs a
    kore.ai task by default, "module" as ``kore_ai_in_worker: false`` forces."""
    options = {"id": "{{ item }}", "state": "absent"}
    options.update({"jwt": token} if token else {})
    options.update({"force": True} if force else {})
    task = {"kore.ai.kore_contact_list": options, "loop": ids}
    task.update({"vars": {"kore_ai_in_worker": False}} if path == "module" else {})
    return [task]


def debug_floor(ids):
    """Ansible's own cost of a loop item on localhost: a task that does nothing."""
    return [{"ansible.builtin.debug": {"msg": "{{ item }}"}, "loop": ids}]


def uri_delete(sim, ids, token):
    tenant = sim.tenant
    url = "%s/campaign/api/v2/public/%s/campaign/contactList/{{ item }}?accountId=%s" % (
        sim.url, tenant.stream_id, tenant.account_id)
    return [{"ansible.builtin.uri": {"url": url, "method": "DELETE", "status_code": 200, "headers": {
        "auth": token, "iid": tenant.stream_id, "accountId": tenant.account_id}}, "loop": ids}]


def seed(sim, count):
    """A bot holding ``count`` lists and nothing else; the simulator's request log and rate window emptied."""
    sim.reset()
    return [sim.seed("bench-%04d" % i, "x")["_id"] for i in range(count)]


def assert_all_deleted(sim):
    assert not sim.store.all_records().get(sim.tenant.stream_id), "not everything was deleted"


def purge_seconds(sim, folder, token, max_rate=None):
    """Wall time of one kore_contact_lists task that purges every list of the bot."""
    options = {"lists": [], "purge": True, "jwt": token}
    options.update({"max_rate": max_rate} if max_rate else {})
    seconds = playbook_seconds(sim, [{"kore.ai.kore_contact_lists": options}], folder)
    assert_all_deleted(sim)
    return seconds


def purge_task(path):
    """One kore_contact_lists task that purges every list, connecting as the README teaches (KORE_* variables,
    client_id and client_secret), on ``path``: "worker" or "module"."""
    task = {"kore.ai.kore_contact_lists": {"lists": [], "purge": True, "parallel": PARALLEL}}
    task.update({"vars": {"kore_ai_in_worker": False}} if path == "module" else {})
    return [task]


def bare_purge(sim, token):
    """The same requests as a purge (one list all, then a DELETE of each list), sent by a bare loop of PARALLEL
    threads, each with its own requests session: what any client of Kore's API pays."""
    tenant = sim.tenant
    root = "%s/campaign/api/v2/public/%s/campaign/contactList" % (sim.url, tenant.stream_id)
    headers = {"auth": token, "iid": tenant.stream_id, "accountId": tenant.account_id}
    query = {"accountId": tenant.account_id}
    local = threading.local()

    def session():
        if not hasattr(local, "session"):
            local.session = requests.Session()
        return local.session

    started = time.monotonic()
    answer = session().get(root + "/getAllListDetails", params=dict(query, type="call"), headers=headers)
    ids = [item["_id"] for item in answer.json()["data"]]
    with ThreadPoolExecutor(PARALLEL) as pool:
        for done in pool.map(lambda list_id: session().delete("%s/%s" % (root, list_id), params=query,
                                                              headers=headers), ids):
            done.raise_for_status()
    return time.monotonic() - started


def purge_against_floor(sim, folder, token, count, latency_ms):
    """A purge of ``count`` lists: the task's time (from its start to its result, the playbook's own start left
    out) on each path, against the request floor and against :func:`bare_purge` of the same requests."""
    sim.latency = latency_ms / 1000.0
    # the floor: every request waits the latency, the DELETEs PARALLEL at a time after the one list all
    row = {"lists": count, "latency_ms": latency_ms, "floor": (1 + -(-count // PARALLEL)) * sim.latency}
    for path in ("worker", "module"):
        seed(sim, count)
        row[path] = task_seconds(sim, purge_task(path), folder)[0][1]
        assert_all_deleted(sim)
    seed(sim, count)
    row["bare"] = bare_purge(sim, token)
    assert_all_deleted(sim)
    sim.latency = 0.0
    return row


def kore_campaign_delete(ids, token):
    """Deletes of voice campaigns by id, in the worker."""
    return [{"kore.ai.kore_campaign": {"id": "{{ item }}", "type": "voice", "state": "absent", "jwt": token},
             "loop": ids}]


def campaign_per_task(sim, folder, token, count, rounds):
    """kore_campaign deleting campaigns by id against kore_contact_list deleting lists by id and uri, at 20 ms,
    in one playbook (:func:`per_task`). The bot holds a campaign for each delete, at most one page of them (the 50
    the module asks for): ``rounds`` is cut so, since paging a bot's many campaigns is another cost."""
    rounds = max(1, min(rounds, PagedListAll.LIMIT // count))
    sim.latency = 0.02
    campaigns = []

    def seed_campaigns():  # after per_task's seed, which empties the simulator
        sim.campaigns.page = count * rounds  # one page as asked: the paging of many campaigns is not timed
        campaigns.extend(sim.seed_campaign("bench-%04d" % i, [])["_id"] for i in range(count * rounds))

    medians = per_task(sim, folder, {
        "campaign": lambda ids: kore_campaign_delete([campaigns.pop(0) for dummy in ids], token),
        "list": lambda ids: kore_delete(ids, token),
        "uri": lambda ids: uri_delete(sim, ids, token),
    }, count, rounds, untouched=("campaign",), after_seed=seed_campaigns)
    deleted = [r for r in sim.requests if r["method"] == "DELETE" and "/campaign/cd-" in r["path"]]
    assert len(deleted) == count * rounds and not sim.campaigns.of(sim.tenant.stream_id), "a campaign delete failed"
    sim.latency = 0.0
    sim.campaigns.clear()
    return medians


def per_task(sim, folder, variants, count, rounds, untouched=("debug",), after_seed=None):
    """Median seconds per loop item of each variant, all timed in one playbook.

    The play holds ``rounds`` loop tasks of ``count`` items per variant, the variants taking turns, so that a
    slow spell of the machine hits them alike; each task's wall time divided by ``count`` is one sample. Every
    variant but those ``untouched`` (``debug``, Ansible's floor, which deletes nothing) must delete the lists it
    is given.
    """
    ids = seed(sim, count * rounds * len(variants))
    if after_seed is not None:
        after_seed()
    tasks, kept = [], []
    for number in range(rounds):
        for name, make_tasks in variants.items():
            chunk, ids = ids[:count], ids[count:]
            kept += chunk if name in untouched else []
            tasks += [dict(task, name="%s %d" % (name, number)) for task in make_tasks(chunk)]
    samples = dict((name, []) for name in variants)
    for task_name, seconds in task_seconds(sim, tasks, folder):
        samples[task_name.rsplit(" ", 1)[0]].append(seconds / count)
    assert sorted(sim.store.all_records().get(sim.tenant.stream_id, {})) == sorted(kept), "a delete failed"
    return dict((name, statistics.median(values)) for name, values in samples.items())


def requests_per_operation(sim, folder, token):
    counts = {}
    record, forced = seed(sim, 2)
    sim.seed("bench-present", "x")
    cases = [
        ("delete (by id)", {"id": record, "state": "absent"}),
        ("already absent (by id)", {"id": record, "state": "absent"}),
        ("delete with force (by id)", {"id": forced, "state": "absent", "force": True}),
        ("present, unchanged (by name)", {"name": "bench-present", "description": "x"}),
        ("present, changed (by name)", {"name": "bench-present", "description": "y"}),
        ("create (by name)", {"name": "bench-new", "description": "x"}),
    ]
    for what, options in cases:
        before = len(sim.requests)
        playbook_seconds(sim, [{"kore.ai.kore_contact_list": dict(options, jwt=token)}], folder)
        counts[what] = len(sim.requests) - before
    return counts


def deletes_per_task(sim, folder, token, args):
    """Seconds per task of each way to delete a list, at the simulator's latency: the medians of ``args.rounds``."""
    return per_task(sim, folder, {
        "worker jwt": lambda ids: kore_delete(ids, token),
        "worker client": kore_delete,
        "worker forced jwt": lambda ids: kore_delete(ids, token, force=True),
        "worker forced client": lambda ids: kore_delete(ids, force=True),
        "module jwt": lambda ids: kore_delete(ids, token, path="module"),
        "module client": lambda ids: kore_delete(ids, path="module"),
        "uri": lambda ids: uri_delete(sim, ids, token),
        "debug": debug_floor,
    }, args.deletes, args.rounds)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--deletes", type=int, default=10, help="deletes per loop task")
    parser.add_argument("--reset", type=int, default=150)
    parser.add_argument("--purges", default="150,1000", help="lists purged against the request floor")
    parser.add_argument("--purge-latencies", default="0,20", help="latencies (ms) of the purges against the floor")
    parser.add_argument("--latencies", default="0,20,100")
    parser.add_argument("--rounds", type=int, default=10, help="loop tasks of each module; the median is kept")
    parser.add_argument("--contacts", type=int, default=10000, help="contacts seeded into one list in one task")
    parser.add_argument("--add-delay-ms", type=float, default=1000.0,
                        help="how long the simulator takes to show an accepted add of contacts")
    parser.add_argument("--scale", default="100000,1000000", help="contacts in the CSV files of the scale runs")
    parser.add_argument("--only-scale", action="store_true",
                        help="run only the scale runs and replace their section of docs/performance.md")
    parser.add_argument("--only-account", action="store_true",
                        help="run only the whole account's rows (1,000 lists, 5,000,000 contacts) and replace their "
                             "section of docs/performance.md; --only-scale runs them after the CSV rows")
    parser.add_argument("--only-rate", action="store_true",
                        help="run only the whole account's purges at the rate limit and replace their part of its "
                             "section of docs/performance.md")
    parser.add_argument("--only-tasks", action="store_true",
                        help="run only the one delete per task rows and replace their section of docs/performance.md")
    parser.add_argument("--only-requests", action="store_true",
                        help="run only the whole account's jobs at the simulator's 100 and 1,000, under its rate limit, "
                             "and replace their section of docs/performance.md")
    parser.add_argument("--only-campaigns", action="store_true",
                        help="run only the campaign row and replace its section of docs/performance.md")
    args = parser.parse_args()
    rows, folder = [], tempfile.mkdtemp(prefix="kore-bench-")
    sizes = [int(x) for x in args.scale.split(",")]
    if args.only_tasks:
        with Simulator() as sim:
            token = token_for(sim)
            for latency in [int(x) for x in args.latencies.split(",")]:
                sim.latency = latency / 1000.0
                rows.append({"latency_ms": latency, "per_task": deletes_per_task(sim, folder, token, args)})
                print(json.dumps(rows[-1]), flush=True)
        write_section(scale.replace_section, per_task_report(args, rows), "Environment reset")
        shutil.rmtree(folder)
        return
    if args.only_requests:
        with Simulator() as sim:
            lines = fewest.report(fewest.rated_runs(sim, folder, add_delay=args.add_delay_ms / 1000.0))
        write_section(scale.replace_section, lines, "Module import time")
        shutil.rmtree(folder)
        return
    if args.only_rate:
        with Simulator() as sim:
            lines = account_limits.rate_report(account_limits.rate_runs(sim, folder, 0.02), page_size=sim.max_page)
        write_section(lambda text, lines, before: account_limits.replace_subsection(text, lines), lines, None)
        shutil.rmtree(folder)
        return
    if args.only_scale or args.only_campaigns or args.only_account:
        with Simulator() as sim:
            if args.only_scale or args.only_account:
                lines, before = [], "Module import time"
                if args.only_scale:
                    scaled = scale.scale_runs(sim, folder, sizes, 0.02, args.add_delay_ms / 1000.0)
                    lines = scale.report(scaled, 0.02, args.add_delay_ms / 1000.0, sim.max_page)
                account_lines = account_limits.whole_account(sim, folder, 0.02, args.add_delay_ms / 1000.0)
                if lines:
                    write_section(scale.replace_section, lines, before)
                lines = account_lines
            else:
                seconds = campaign_per_task(sim, folder, token_for(sim), args.deletes, args.rounds)
                lines = campaign_report(args.deletes, seconds)
                before = "The reset against the request floor"
        write_section(scale.replace_section, lines, before)
        shutil.rmtree(folder)
        return
    with Simulator() as sim:
        token = token_for(sim)
        for latency in [int(x) for x in args.latencies.split(",")]:
            sim.latency = latency / 1000.0
            medians = deletes_per_task(sim, folder, token, args)
            seed(sim, args.reset)
            reset = purge_seconds(sim, folder, token)
            loop = playbook_seconds(sim, kore_delete(seed(sim, args.reset), token), folder)
            assert_all_deleted(sim)
            rows.append({"latency_ms": latency, "per_task": medians, "reset_s": reset, "loop_s": loop})
            print(json.dumps(rows[-1]), flush=True)
        sim.latency = 0.0
        floors = [purge_against_floor(sim, folder, token, count, latency)
                  for count in [int(x) for x in args.purges.split(",")]
                  for latency in [int(x) for x in args.purge_latencies.split(",")]]
        for row in floors:
            print(json.dumps(row), flush=True)
        seeding = scale.contacts_seeding(sim, lambda tasks: playbook_seconds(sim, tasks, folder), token,
                                         args.contacts, 0.02, args.add_delay_ms / 1000.0)
        scaled = scale.scale_runs(sim, folder, sizes, 0.02, args.add_delay_ms / 1000.0)
        scaled_lines = scale.report(scaled, 0.02, args.add_delay_ms / 1000.0, sim.max_page)
        scaled_lines += [""] + account_limits.whole_account(sim, folder, 0.02, args.add_delay_ms / 1000.0)
        counts = requests_per_operation(sim, folder, token)
        campaign_rows = campaign_per_task(sim, folder, token, args.deletes, args.rounds)
        imports = import_ms(lambda tasks, environment: playbook_seconds(sim, tasks, folder, environment), folder, {
            "kore.ai.kore_contact_list": ("ansible_collections.kore.ai.plugins.modules.kore_contact_list",
                                          kore_delete(["cl-absent"], token, path="module")[0]),
            "ansible.builtin.uri": ("ansible.modules.uri", dict(uri_delete(sim, ["cl-absent"], token)[0],
                                                                ignore_errors=True))})
        # against a limit of 600 requests a minute: with max_rate at the limit, and without it, with more
        # lists than the limit lets through in a minute
        sim.rate_limit = LIMIT
        limited = [purge_against_limit(sim, folder, token, args.reset, LIMIT),
                   purge_against_limit(sim, folder, token, LIMIT + 100, None)]
    write_report(args, rows, counts, imports, limited, seeding, scaled_lines, floors, campaign_rows)
    shutil.rmtree(folder)


def purge_against_limit(sim, folder, token, count, max_rate):
    """One purge of ``count`` lists under ``sim.rate_limit``: what it cost against the floor (requests / rate)."""
    seed(sim, count)  # so the request log and the rate-limit window hold this run only
    seconds = purge_seconds(sim, folder, token, max_rate)
    sent = sim.requests
    answered = [r for r in sent if r["status"] != 429]
    # requests answered, not sent: a 429 is Kore saying "not now", and the floor counts the work to do
    floor = len(answered) / float(sim.rate_limit) * 60
    return {"lists": count, "max_rate": max_rate, "seconds": seconds, "requests": len(sent),
            "answered_429": len(sent) - len(answered), "floor": floor}


if __name__ == "__main__":
    main()
