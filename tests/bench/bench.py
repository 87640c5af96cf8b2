# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make bench`: kore.ai against ansible.builtin.uri, and the one-task reset against a loop, on the simulator.

Writes docs/performance.md and docs/performance.png. A benchmark, not a test: it asserts nothing.
Usage: python tests/bench/bench.py [--deletes 10] [--rounds 10] [--reset 150] [--latencies 0,20,100]
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
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
from ansible_collections.kore.ai.plugins.module_utils._contacts.pages import PAGE_SIZE  # noqa: E402
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import BATCH_SIZE  # noqa: E402
from ansible_collections.kore.ai.plugins.module_utils._resource import PagedListAll  # noqa: E402
import account_limits  # noqa: E402  pylint: disable=wrong-import-position
import scale  # noqa: E402  pylint: disable=wrong-import-position

LIMIT = 600  # the simulated rate limit, requests per minute
PARALLEL = 4  # kore_contact_lists' default parallel, and the bare loop's threads
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.dirname(sys.executable)
DOCS = os.path.join(ROOT, "docs")


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


def campaign_report(deletes, campaign_rows):
    """The section of :func:`campaign_per_task`, its heading first."""
    lines = [
        "## Campaigns: one delete per task",
        "",
        "`kore.ai.kore_campaign` deleting voice campaigns by id, against `kore.ai.kore_contact_list` deleting lists"
        " by id and `ansible.builtin.uri` sending the bare `DELETE`, %d per loop task at 20 ms per request, in"
        " one playbook as above (at most 5 rounds, so that the bot's campaigns fit the one list-all page of 50"
        " the module asks for), in Ansible's worker. A campaign by id is found in its type's list-all, which proves"
        " its type, then deleted: two round trips, as a list's read and delete (the campaign's `GET` goes out"
        " beside the list-all only for `backup_file`, and after it only when it lacks the id). Target: no"
        " slower than `kore_contact_list`." % deletes,
        "",
    ]
    return lines + table(["seconds per task: kore_campaign", "kore_contact_list", "uri", "kore_campaign / uri",
                          "kore_contact_list / uri"],
                         [("%.3f" % campaign_rows["campaign"], "%.3f" % campaign_rows["list"],
                           "%.3f" % campaign_rows["uri"], "%.2f" % (campaign_rows["campaign"] / campaign_rows["uri"]),
                           "%.2f" % (campaign_rows["list"] / campaign_rows["uri"]))])


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


def contacts_seeding(sim, folder, token, count, latency, add_delay):
    """Seed ``count`` contacts into a new list in one task, then run the same task again (nothing to send)."""
    sim.reset()
    sim.latency, sim.add_delay = latency, add_delay
    contacts = [{"phoneNumber": "+1555%07d" % i, "firstName": "Bench", "uniqueId": "b-%d" % i} for i in range(count)]
    task = [{"kore.ai.kore_contact_list": {"name": "bench-contacts", "description": "x", "contacts": contacts,
                                           "jwt": token}}]
    runs = []
    for what in ("seed %d contacts into a new list" % count, "the same task again (unchanged)"):
        before = len(sim.requests)
        seconds = playbook_seconds(sim, task, folder)
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
    seconds = playbook_seconds(sim, [{"ansible.builtin.debug": {"msg": "{{ contacts | length }}"},
                                      "vars": {"contacts": contacts}}], folder)
    runs.append({"what": "baseline: ansible.builtin.debug carrying the same contacts", "seconds": seconds,
                 "requests": len(sim.requests) - before, "kinds": {}})
    sim.latency, sim.add_delay = 0.0, 0.0
    return runs


IMPORT_CODE = """
import sys, time
sys.path.insert(0, sys.argv[1])  # the task's payload first, as AnsiballZ puts it
import ansible.module_utils.basic
started = time.perf_counter()
__import__(sys.argv[2])
print(time.perf_counter() - started)
"""


def payload_of(sim, folder, task):
    """The AnsiballZ payload (a zip of the module and its module_utils) that running ``task`` sends, as a file."""
    remote_tmp = os.path.join(folder, "remote-tmp")
    playbook_seconds(sim, [task], folder, {"ANSIBLE_KEEP_REMOTE_FILES": "1", "ANSIBLE_REMOTE_TMP": remote_tmp})
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


def import_ms(sim, folder, token, runs=21):
    """Milliseconds to import each module on top of ``ansible.module_utils.basic`` (every module pays for that
    alike), in fresh interpreters: from the task's AnsiballZ payload, as a task imports it, and from installed
    files with their cached bytecode. The modules take turns; the least of ``runs`` is kept, as timeit does,
    since a busy machine only ever adds time."""
    modules = {
        "kore.ai.kore_contact_list": ("ansible_collections.kore.ai.plugins.modules.kore_contact_list",
                                      kore_delete(["cl-absent"], token, path="module")[0]),
        "ansible.builtin.uri": ("ansible.modules.uri", dict(uri_delete(sim, ["cl-absent"], token)[0],
                                                            ignore_errors=True)),
    }
    files = os.path.join(ROOT, ".build", "collections")
    cases = [(name, where, path, module) for name, (module, task) in modules.items()
             for where, path in (("payload", payload_of(sim, folder, task)), ("files", files))]
    times = {}
    for dummy in range(runs):
        for name, where, path, module in cases:
            seconds = subprocess.run([sys.executable, "-c", IMPORT_CODE, path, module], capture_output=True,
                                     text=True, check=True).stdout
            times.setdefault(name, {}).setdefault(where, []).append(1000 * float(seconds))
    return dict((name, dict((where, min(values)) for where, values in found.items()))
                for name, found in times.items())


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
        seeding = contacts_seeding(sim, folder, token, args.contacts, 0.02, args.add_delay_ms / 1000.0)
        scaled = scale.scale_runs(sim, folder, sizes, 0.02, args.add_delay_ms / 1000.0)
        scaled_lines = scale.report(scaled, 0.02, args.add_delay_ms / 1000.0, sim.max_page)
        scaled_lines += [""] + account_limits.whole_account(sim, folder, 0.02, args.add_delay_ms / 1000.0)
        counts = requests_per_operation(sim, folder, token)
        campaign_rows = campaign_per_task(sim, folder, token, args.deletes, args.rounds)
        imports = import_ms(sim, folder, token)
        # against a limit of 600 requests a minute: with max_rate at the limit, and without it, with more
        # lists than the limit lets through in a minute
        sim.rate_limit = LIMIT
        limited = [purge_against_limit(sim, folder, token, args.reset, LIMIT),
                   purge_against_limit(sim, folder, token, LIMIT + 100, None)]
    write_report(args, rows, counts, imports, limited, seeding, scaled_lines, floors, campaign_rows)
    shutil.rmtree(folder)


def write_section(replace, lines, before):
    """docs/performance.md with the section ``lines`` heads replaced, or put before the section ``before``."""
    path = os.path.join(DOCS, "performance.md")
    with open(path) as handle:
        text = handle.read()
    with open(path, "w") as handle:
        handle.write(replace(text, lines, before))


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


def table(columns, rows):
    """Markdown table lines."""
    return ["| %s |" % " | ".join(columns), "|%s" % ("---|" * len(columns))] + [
        "| %s |" % " | ".join(str(cell) for cell in row) for row in rows]


def floor_report(floors):
    """The purges against the request floor and against a bare loop, as Markdown lines."""
    def against(row, key):
        return "%.2f" % (row[key] / row["floor"]) if row["floor"] else "-"

    lines = [
        "## The reset against the request floor",
        "",
        "One `kore.ai.kore_contact_lists` task with `purge: true` and `parallel: %d` deletes every list of the bot,"
        " connecting as the README teaches (`KORE_CLIENT_ID` and `KORE_CLIENT_SECRET`). Its time runs from the"
        " task's start to its result, the playbook's own start left out. The floor is what the requests cannot"
        " avoid: one list all, then the deletes %d at a time, each waiting the latency. The bare loop sends the"
        " same requests from %d threads with a `requests` session each, and nothing else: what any client of"
        " Kore's API pays on this machine. Worker and module are the two execution paths (the module path also"
        " starts a Python and imports its payload)." % (PARALLEL, PARALLEL, PARALLEL),
        "",
    ]
    lines += table(["lists", "latency per request", "floor (s)", "bare loop (s)", "worker (s)", "module (s)",
                    "worker / floor", "module / floor", "worker - bare loop, per list (ms)"],
                   [(r["lists"], "%d ms" % r["latency_ms"], "%.2f" % r["floor"], "%.2f" % r["bare"],
                     "%.2f" % r["worker"], "%.2f" % r["module"], against(r, "worker"), against(r, "module"),
                     "%.2f" % ((r["worker"] - r["bare"]) * 1000.0 / r["lists"])) for r in floors])
    return lines + [""]


# requests a delete sends (the table "HTTP requests per operation"): by id, the list is read, then deleted
REQUESTS_BY_ID, REQUESTS_FORCED = 2, 1


def per_task_report(args, rows):
    """The section "One delete per task", as Markdown lines: seconds per task, each against ``uri``, and the
    worker's deletes against their network floor."""
    lines = [
        "## One delete per task: `kore.ai.kore_contact_list` against `ansible.builtin.uri`",
        "",
        "Deletes of existing lists, %d per loop task, on `hosts: localhost`. The module runs on both paths: in"
        " Ansible's worker, which a local connection gets by default, and as a module process, which"
        " `kore_ai_in_worker: false` forces (and a remote host, `become` or `async` get); and on both auth paths:"
        " with a ready token (`jwt`), and with `client_id` and `client_secret` (from the environment, as the"
        " README teaches), when it signs a token of its own on every task. `uri` is given the ready token and"
        " sends the bare `DELETE`; the module first reads the list (to refuse lists in use, return the record and"
        " prove a missing list missing), then deletes it over the same connection, unless `force: true`, when"
        " it sends the `DELETE` alone. `debug` does nothing: Ansible's own cost of a loop item, the floor."
        " One playbook holds %d such tasks of each, taking turns, so that a slow spell of the machine hits all"
        " alike; seconds per task is a task's wall time divided by %d, the median over its %d tasks."
        % (args.deletes, args.rounds, args.deletes, args.rounds),
        "",
    ]
    columns = [("worker jwt", "worker, jwt"), ("worker client", "worker, client_id"),
               ("worker forced jwt", "worker, force, jwt"), ("worker forced client", "worker, force, client_id"),
               ("module jwt", "module, jwt"), ("module client", "module, client_id"), ("uri", "uri"),
               ("debug", "debug (floor)")]
    lines += ["Seconds per task:", ""] + table(
        ["latency per request"] + [label for dummy, label in columns],
        [["%d ms" % r["latency_ms"]] + ["%.3f" % r["per_task"][key] for key, dummy in columns] for r in rows])
    lines += ["", "Each against `uri` at the same latency (the targets at 20 ms: worker ≤ 0.3, forced delete ≤ 0.2,"
              " module ≤ 1.1):", ""] + table(
        ["latency per request"] + [label for key, label in columns if key not in ("uri", "debug")],
        [["%d ms" % r["latency_ms"]] + ["%.2f" % (r["per_task"][key] / r["per_task"]["uri"])
                                        for key, dummy in columns if key not in ("uri", "debug")] for r in rows])
    lines += ["", "In Ansible's worker against the network floor: a delete's requests (%d by id, %d forced) times the"
              " latency, plus Ansible's own cost of a loop item (`debug`); what is left is the collection's own"
              " (target at 20 ms: within 1.2 x the floor):" % (REQUESTS_BY_ID, REQUESTS_FORCED), ""]
    floored = []
    for r in rows:
        per_task, latency = r["per_task"], r["latency_ms"] / 1000.0
        cells = ["%d ms" % r["latency_ms"]]
        for key, requests in (("worker jwt", REQUESTS_BY_ID), ("worker forced jwt", REQUESTS_FORCED)):
            floor = requests * latency + per_task["debug"]
            cells += ["%.3f" % floor, "%.2f" % (per_task[key] / floor), "%.0f" % (1000 * (per_task[key] - floor))]
        floored.append(cells)
    lines += table(["latency per request", "floor, by id (s)", "worker, jwt / floor", "own (ms)",
                    "floor, forced (s)", "worker, force, jwt / floor", "own (ms)"], floored)
    return lines


def write_report(args, rows, counts, imports, limited, seeding, scaled_lines, floors, campaign_rows):
    import matplotlib  # pylint: disable=import-outside-toplevel
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # pylint: disable=import-outside-toplevel

    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    latencies = [r["latency_ms"] for r in rows]
    width = 0.35
    positions = range(len(rows))
    bars = [("worker jwt", "kore_contact_list in the worker, jwt"),
            ("worker client", "kore_contact_list in the worker, client_id/secret"),
            ("module jwt", "kore_contact_list as a module, jwt"),
            ("uri", "ansible.builtin.uri"), ("debug", "ansible.builtin.debug (the floor)")]
    fifth = 0.8 / len(bars)
    for number, (key, label) in enumerate(bars):
        left.bar([p + (number - 2) * fifth for p in positions], [r["per_task"][key] for r in rows], fifth,
                 label=label)
    left.set_xticks(list(positions), ["%d ms" % x for x in latencies])
    left.set_ylabel("seconds per delete (loop item)")
    left.set_title("One delete per task")
    # room for the legend
    left.set_ylim(0, 1.6 * max(max(r["per_task"][key] for key, dummy in bars) for r in rows))
    left.legend(loc="upper left", fontsize="small")
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

    lines = [
        "# Performance",
        "",
        "Measured by `make bench` (`tests/bench/bench.py`) on the simulator, on this project's 2-core machine, on %s."
        % time.strftime("%Y-%m-%d"),
        "Every figure is regenerated by that command; this page is its output.",
        "",
    ] + per_task_report(args, rows)
    lines += [
        "",
        "## Environment reset: %d lists in one task against a loop" % args.reset,
        "",
    ]
    lines += table(["latency per request", "loop of kore_contact_list (s)", "kore_contact_lists purge (s)",
                    "speed-up"],
                   [("%d ms" % r["latency_ms"], "%.1f" % r["loop_s"], "%.1f" % r["reset_s"],
                     "%.1fx" % (r["loop_s"] / r["reset_s"])) for r in rows])
    lines += [""] + campaign_report(args.deletes, campaign_rows)
    lines += [""] + floor_report(floors) + [
        "## Against Kore's rate limit",
        "",
        "The simulator answers 429 with `Retry-After` beyond %d requests in any 60 seconds. The floor is the"
        " requests the purge needs (the answered ones, not the 429s) divided by that rate. Each run starts with"
        " an empty rate-limit window." % LIMIT,
        "",
    ]
    lines += table(["lists", "max_rate", "seconds", "requests sent", "answered 429", "floor (s)", "seconds / floor"],
                   [(r["lists"], r["max_rate"] or "not set", "%.1f" % r["seconds"], r["requests"],
                     r["answered_429"], "%.1f" % r["floor"], "%.2f" % (r["seconds"] / r["floor"])) for r in limited])
    lines += [
        "",
        "With `max_rate` the task spaces its requests to stay under the limit; without it, it runs at full speed"
        " until the first 429, then every worker waits out `Retry-After` and the pace drops to 90 % of what got"
        " through in the last minute.",
        "",
        "## HTTP requests per operation",
        "",
    ]
    lines += table(["operation", "requests"], counts.items())
    lines += [
        "",
        "## Contacts: seeding a new list in one task",
        "",
        "One `kore.ai.kore_contact_list` task with %d contacts at 20 ms latency per request; the simulator shows an"
        " accepted add after %d ms, as Kore's asynchronous add may. The module sends %d contacts per add, asks"
        " for %d contacts per page (the simulator gives at most %d), and reads the list until every contact shows."
        % (args.contacts, args.add_delay_ms, BATCH_SIZE, PAGE_SIZE, 100)
        + " The baseline row is Ansible's own cost of a task whose arguments hold that many contacts.",
        "",
    ]
    lines += table(["run", "seconds", "requests", "of which"],
                   [(r["what"], "%.1f" % r["seconds"], r["requests"],
                     ", ".join("%s %d" % item for item in sorted(r["kinds"].items()))) for r in seeding])
    lines += [""] + scaled_lines + [
        "",
        "## Module import time",
        "",
        "Milliseconds to import the module on top of `ansible.module_utils.basic`, which every module imports;"
        " the least of 21 fresh interpreters (a busy machine only adds time). In a task, Ansible's own module_utils (such as `urls`, which `uri`"
        " uses) and the collection's come from the AnsiballZ payload and are compiled on every run, while"
        " installed libraries such as requests load from cached bytecode; the second column imports everything"
        " from installed files. On a local connection a task runs in Ansible's worker and pays none of this: the"
        " action plugin and everything it needs are imported once per run, when Ansible first loads it.",
        "",
    ]
    lines += table(["module", "from the task's payload (ms)", "from installed files (ms)"],
                   [(name, "%.0f" % ms["payload"], "%.0f" % ms["files"]) for name, ms in imports.items()])
    lines += ["", "![seconds per task and per reset](performance.png)", ""]
    with open(os.path.join(DOCS, "performance.md"), "w") as handle:
        handle.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
