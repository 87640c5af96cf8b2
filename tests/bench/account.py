# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make bench-scale`, a whole account at Kore's limits: 1,000 lists holding 5,000,000 contacts, reset and restored.

Four lists of a million contacts, spread through the account, and 996 small ones. One kore.ai.kore_contact_lists
task a row, on the worker path (a local connection), ``parallel: 4``, 20 ms a request: the purge with
``backup_dir``, the restore of every list from its backup (``contacts_file``), and that restore again. Beside
them, a bare loop: four threads with a ``requests`` session each reading the same pages, and nothing else.
Measured: the task's seconds, its requests by kind, the peak RSS of its largest process, and the most files (and
descriptors) one of its processes held open at once, sampled from /proc every 0.2 s.
"""

from __future__ import annotations

import json
import math
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

import scale
from kore_sim.processes import below

BIG, BIG_SIZE, SMALL, SMALL_CONTACTS = 4, 1000000, 996, 1000000
RATE_LIMIT = 600            # requests a minute: Kore's documented limit of its public APIs


def account_sizes(big=BIG, big_size=BIG_SIZE, small=SMALL, small_contacts=SMALL_CONTACTS):
    """Contacts of each list, in the order they are made: the big ones spread through the account."""
    sizes = [small_contacts // small + (1 if n < small_contacts % small else 0) for n in range(small)]
    step = (len(sizes) + big) // big
    for n in range(big):
        sizes.insert(n * step, big_size)
    return sizes


def seed_account(sim, sizes):
    """The account as Kore would hold it; returns (id, name, contacts) of each list."""
    sim.reset()
    made = []
    for number, size in enumerate(sizes):
        record = sim.seed("account %04d" % number, "bench")
        base = number * 10000000
        for start in range(0, size, 100000):
            sim.seed_contacts(record["_id"], [
                {"phoneNumber": "+1%010d" % (base + n), "firstName": "Bench", "uniqueId": "a-%d" % (base + n),
                 "timeZone": "America/New_York"} for n in range(start, min(size, start + 100000))])
        made.append((record["_id"], record["name"], size))
    return made


def pages_of(size, page_size):
    return max(1, int(math.ceil(size / float(page_size))))


def requests_needed(sizes, page_size):
    """The fewest requests of each job over lists of ``sizes``: one list all, then for the purge every page and a
    DELETE a list; for the restore a create a list, its adds of 100 and one read of every page; unchanged, every
    page."""
    pages = sum(pages_of(size, page_size) for size in sizes)
    adds = sum(int(math.ceil(size / 100.0)) for size in sizes)
    return {"purge": 1 + pages + len(sizes), "restore": 1 + len(sizes) + adds + pages, "unchanged": 1 + pages}


class OpenFiles(object):
    """The most descriptors, and of them regular files, that one process below ``pid`` held at once."""

    def __init__(self, pid):
        self.pid, self.files, self.descriptors = pid, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self):
        self._stop.set()
        self._thread.join()

    def _sample(self):
        while not self._stop.wait(0.2):
            for pid in below(self.pid):
                files = descriptors = 0
                try:
                    for fd in os.listdir("/proc/%d/fd" % pid):
                        descriptors += 1
                        target = os.readlink("/proc/%d/fd/%s" % (pid, fd))
                        files += target.startswith("/") and not target.startswith(("/dev/", "/proc/"))
                except OSError:
                    continue  # ended meanwhile
                self.files, self.descriptors = max(self.files, files), max(self.descriptors, descriptors)


def bare_page_loop(sim, made):
    """Every page of every list read by four threads with a requests session each: what the machine allows."""
    tenant = sim.tenant
    root = "%s/campaign/api/v2/public/%s/campaign/contactList" % (sim.url, tenant.stream_id)
    headers = {"auth": scale.token_for(sim), "iid": tenant.stream_id, "accountId": tenant.account_id}
    local = threading.local()
    work = [(list_id, skip) for list_id, dummy, size in made for skip in range(0, max(size, 1), sim.max_page)]

    def read(job):
        if not hasattr(local, "session"):
            local.session = requests.Session()
        answer = local.session.get("%s/%s/getAllContacts" % (root, job[0]), headers=headers,
                                   params={"accountId": tenant.account_id, "skip": job[1], "limit": sim.max_page})
        answer.raise_for_status()
        return len(answer.json()["data"]["results"])

    started = time.monotonic()
    with ThreadPoolExecutor(scale.PARALLEL) as pool:
        read_contacts = sum(pool.map(read, work))
    assert read_contacts == sum(size for dummy, dummy, size in made), "the bare loop missed contacts"
    return time.monotonic() - started, len(work)


def account_runs(sim, folder, latency, add_delay, sizes=None):
    """The rows of the whole account; the account is left as the restore made it, latency and add delay none."""
    sizes = sizes or account_sizes()
    sim.latency, sim.add_delay = 0.0, 0.0
    made = seed_account(sim, sizes)
    sim.latency, sim.add_delay = latency, add_delay
    pages = sum(pages_of(size, sim.max_page) for dummy, dummy, size in made)
    least = requests_needed(sizes, sim.max_page)
    contacts, lists = sum(sizes), len(sizes)
    rows = []
    bare, bare_requests = bare_page_loop(sim, made)
    rows.append(row("bare loop: every page read by 4 threads, nothing else", contacts, lists, bare, {
        "page": bare_requests}, pages / float(scale.PARALLEL) * latency, None, None))
    print(json.dumps(rows[-1]), flush=True)
    backups = os.path.join(folder, "account-backups")
    os.mkdir(backups)
    steps = [
        ("purge every list with backup_dir", {"lists": [], "purge": True, "backup_dir": backups},
         least["purge"], 0.0),
        ("restore: every list declared with its backup as contacts_file", {"lists": [
            {"name": name, "description": "bench", "contacts_file": os.path.join(backups, "%s.csv" % list_id)}
            for list_id, name, dummy in made]}, least["restore"], add_delay),
    ]
    steps.append(("the restore again (unchanged)", steps[1][1], least["unchanged"], 0.0))
    for what, options, needed, delay in steps:
        seconds, kinds, rss, files = scale.run_task(sim, folder, what, options, module="kore.ai.kore_contact_lists",
                                                    sample_files=OpenFiles)
        rows.append(row(what, contacts, lists, seconds, kinds, needed / float(scale.PARALLEL) * latency + delay,
                        rss, files))
        print(json.dumps(rows[-1]), flush=True)
        if what.startswith("purge"):
            assert not sim.store.summaries(sim.tenant.stream_id), "the purge left lists"
    held = dict((s["name"], s["totalRecordCount"]) for s in sim.store.summaries(sim.tenant.stream_id))
    assert held == dict((name, size) for dummy, name, size in made), "the restore does not hold every contact"
    sim.latency, sim.add_delay = 0.0, 0.0
    return rows


def row(what, contacts, lists, seconds, kinds, floor, rss, files):
    return {"what": what, "contacts": contacts, "lists": lists, "seconds": seconds, "kinds": kinds,
            "requests": sum(kinds.values()), "floor": floor, "rss_mb": rss, "files": files}


def hours_and_minutes(minutes):
    """``87 min`` or ``14 h 26 min``."""
    minutes = int(round(minutes))
    return "%d min" % minutes if minutes < 60 else "%d h %d min" % divmod(minutes, 60)


def report(rows, latency, add_delay, page_size):
    lines = [
        "## A whole account at Kore's limits: 1,000 lists, 5,000,000 contacts",
        "",
        "One `kore.ai.kore_contact_lists` task per row, on a local connection (Ansible's worker), `parallel: %d`,"
        " %d ms latency per request, pages of %d contacts, an add shown after %.1f s. The account: four lists of"
        " 1,000,000 contacts spread through it and 996 of about 1,004. The floor is the fewest requests the job"
        " needs divided by `parallel`, times the latency, plus the add delay for a job that adds: for the purge one"
        " list all, every page and a DELETE a list; for the restore one list all, a create a list, its adds of 100"
        " and one read of every page to see them; for the unchanged restore one list all and every page. The bare"
        " loop reads the same pages from four threads and does nothing else: what the machine allowed in the same"
        " run. Peak RSS is the largest process's (`ru_maxrss`); open files are the most one process of the run held"
        " at once (sampled every 0.2 s; descriptors, sockets and pipes included, in brackets). Targets: the purge"
        " and the unchanged restore within 1.3 x the floor, the restore within 1.5 x, at most 300 MB and a few"
        " dozen files." % (scale.PARALLEL, latency * 1000, page_size, add_delay),
        "",
        "| run | seconds | requests | of which | floor (s) | seconds / floor | peak RSS (MB) | open files (descriptors) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for entry in rows:
        lines.append("| %s | %.1f | %d | %s | %.1f | %.2f | %s | %s |" % (
            entry["what"], entry["seconds"], entry["requests"],
            ", ".join("%s %d" % item for item in sorted(entry["kinds"].items())), entry["floor"],
            entry["seconds"] / entry["floor"], "-" if entry["rss_mb"] is None else "%.0f" % entry["rss_mb"],
            "-" if entry["files"] is None else "%d (%d)" % entry["files"]))
    limited = [(entry["what"], entry["requests"]) for entry in rows if entry["rss_mb"] is not None]
    lines += [
        "",
        "Kore documents no rate limit for its campaign APIs: its Contact Center AI page sets 60 requests a minute per"
        " account for the APIs it lists, and its other public APIs allow 60 (design-time) or 600 (runtime) a"
        " minute. At 60 and at %d requests a minute the requests alone take: %s. That is the floor under a limit;"
        " the rows below measure a task against %d a minute."
        % (RATE_LIMIT, "; ".join("%s, %d requests: %s at 60, %s at %d" % (
            what, requests, hours_and_minutes(requests / 60.0), hours_and_minutes(requests / float(RATE_LIMIT)),
            RATE_LIMIT) for what, requests in limited), RATE_LIMIT),
    ]
    return lines + [""]
