# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make bench-requests`: the whole account's jobs where Kore gives and takes 100, and 1,000, at its rate limit.

At Kore's rate limit a request is the whole cost. The account of `make bench-account` (1,000 lists, 5,000,000
contacts) is purged with ``backup_dir``, restored from its backups and restored again, once with the simulator's
largest page and add at 100 (``--max-page``, ``--max-add``) and once at 1,000, under the simulator's limit of 600
requests a minute with Kore's minute shortened tenfold for the simulator and the task's pacer alike
(``account_limits.RATE_WINDOW``), at 20 ms a request and an add shown after 1 s, as `make bench-account` runs
them, and without ``max_rate``: the task learns the pace from the 429s, as a task that sets nothing does. Counted:
the requests answered (a 429 is Kore saying "not now", not work done), the 429s, the seconds against the floor
(the requests answered divided by the rate) and the peak RSS. Beside them, the requests of the same jobs in the
release before the collection learned Kore's sizes (docs/performance.md, at 100).
"""

from __future__ import annotations

import json
import os

import account
import scale
from account_limits import RATE_WINDOW

BEFORE = {"purge": 51957, "restore": 107511, "unchanged": 50957}  # 0.2.0 at the simulator's 100
JOBS = ("purge", "restore", "unchanged")
SET = "kore.ai.kore_contact_lists"


def jobs(made, backups):
    """(job, what, the task's options) of the purge, the restore and the restore again, over the lists ``made``."""
    restore = {"lists": [{"name": name, "description": "bench", "contacts_file": os.path.join(backups, "%s.csv" % i)}
                         for i, name, dummy in made]}
    return [("purge", "purge every list with backup_dir", {"lists": [], "purge": True, "backup_dir": backups}),
            ("restore", "restore: every list declared with its backup as contacts_file", restore),
            ("unchanged", "the restore again (unchanged)", restore)]


def rated_runs(sim, folder, largest=(100, 1000), sizes=None, latency=0.02, add_delay=1.0):
    """``{largest: {job: row}}``, each row as :func:`account.row` makes it, with ``limited`` (the 429s) and
    ``floor`` (the requests answered divided by the rate); ``sizes``: another account's lists."""
    sizes = sizes or account.account_sizes()
    runs = {}
    for size in largest:
        sim.max_page = sim.max_add_batch = size
        sim.latency, sim.add_delay, sim.rate_limit = 0.0, 0.0, None
        made = account.seed_account(sim, sizes)
        here = os.path.join(folder, "largest-%d" % size)
        backups = os.path.join(here, "backups")
        os.makedirs(backups)
        sim.latency, sim.add_delay = latency, add_delay
        sim.rate_limit, sim.rate_window = account.RATE_LIMIT, RATE_WINDOW
        runs[size] = {}
        for job, what, options in jobs(made, backups):
            before = len(sim.requests)
            seconds, dummy, rss, files = scale.run_task(sim, here, what, options, module=SET,
                                                        sample_files=account.OpenFiles, rate_window=RATE_WINDOW)
            sent = sim.requests[before:]
            answered = [request for request in sent if request["status"] != 429]
            entry = account.row(what, sum(sizes), len(sizes), seconds, scale.kinds_of(answered),
                                len(answered) * RATE_WINDOW / account.RATE_LIMIT, rss, files)
            entry.update(limited=len(sent) - len(answered), largest=size)
            runs[size][job] = entry
            print(json.dumps(entry), flush=True)
            if job == "purge":
                assert not sim.store.summaries(sim.tenant.stream_id), "the purge left lists"
        held = dict((s["name"], s["totalRecordCount"]) for s in sim.store.summaries(sim.tenant.stream_id))
        assert held == dict((name, n) for dummy, name, n in made), "the restore does not hold every contact"
        sim.rate_limit, sim.rate_window, sim.latency, sim.add_delay = None, 60.0, 0.0, 0.0
        sim.reset()
    sim.max_page = sim.max_add_batch = 100
    return runs


def report(runs):
    lines = [
        "## Fewest requests: where Kore gives and takes 100, and 1,000",
        "",
        "The whole account above (1,000 lists, 5,000,000 contacts) purged with `backup_dir`, restored from its backups"
        " and restored again, one `kore.ai.kore_contact_lists` task each, where the simulator gives pages of at most"
        " N contacts and takes adds of at most N (`--max-page`, `--max-add`); Kore documents neither. The tasks ask"
        " for pages of 1,000 and grow their adds from 100 while Kore takes them. Each job runs under the simulator's"
        " limit of %d requests a minute, with Kore's minute shortened to %.0f s for the simulator and the task's"
        " pacer alike (its seconds are a tenth of Kore's), at 20 ms a request and an add shown after 1 s, without"
        " `max_rate`: the task learns the pace from the HTTP 429s. Requests are those answered (a 429 is Kore"
        " saying \"not now\"); the floor is those requests divided by the rate. Before: the same jobs in 0.2.0, at"
        " 100. Targets: at 1,000 at least 5 x fewer requests than before; at 100 never more, and within 1.1 x the"
        " floor; at most 300 MB." % (account.RATE_LIMIT, RATE_WINDOW),
        "",
        "| N | job | requests | of which | before | before / now | HTTP 429 | seconds | floor (s) | seconds / floor"
        " | at Kore's minute | at 60 a minute | peak RSS (MB) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size, rows in sorted(runs.items()):
        for job in JOBS:
            entry = rows[job]
            lines.append("| %d | %s | %d | %s | %d | %.1f | %d | %.1f | %.1f | %.2f | %s | %s | %.0f |" % (
                size, entry["what"], entry["requests"],
                ", ".join("%s %d" % item for item in sorted(entry["kinds"].items())), BEFORE[job],
                BEFORE[job] / float(entry["requests"]), entry["limited"], entry["seconds"], entry["floor"],
                entry["seconds"] / entry["floor"],
                account.hours_and_minutes(entry["seconds"] * 60.0 / RATE_WINDOW / 60.0),
                account.hours_and_minutes(entry["requests"] / 60.0), entry["rss_mb"]))
    lines.append("")
    return lines
