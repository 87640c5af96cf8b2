# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make bench-requests`: the requests of the whole account's jobs where Kore gives and takes 100, and 1,000.

At Kore's rate limit a request is the whole cost. The account of `make bench-account` (1,000 lists, 5,000,000
contacts) is purged with ``backup_dir``, restored from its backups and restored again, once with the simulator's
largest page and add at 100 (``--max-page``, ``--max-add``) and once at 1,000, without latency or add delay: what
is counted is requests, and the time they take at 60 and at 600 a minute. Beside them, the requests of the same
jobs in the release before the collection learned Kore's sizes (docs/performance.md, at 100).
"""

from __future__ import annotations

import os

import account

BEFORE = {"purge": 51957, "restore": 107511, "unchanged": 50957}  # 0.2.0 at the simulator's 100
JOBS = ("purge", "restore", "unchanged")


def request_runs(sim, folder, largest=(100, 1000), sizes=None):
    """``{largest: {job: row}}``, each row as :func:`account.row` makes it (``sizes``: another account's lists)."""
    runs = {}
    for size in largest:
        sim.max_page = sim.max_add_batch = size
        here = os.path.join(folder, "largest-%d" % size)
        os.mkdir(here)
        rows = account.account_runs(sim, here, 0.0, 0.0, sizes)[1:]  # the bare loop's time means nothing here
        runs[size] = dict(zip(JOBS, rows))
    sim.max_page = sim.max_add_batch = 100
    return runs


def report(runs):
    lines = [
        "## Fewest requests: where Kore gives and takes 100, and 1,000",
        "",
        "The whole account above (1,000 lists, 5,000,000 contacts) purged with `backup_dir`, restored from its backups"
        " and restored again, one `kore.ai.kore_contact_lists` task each, where the simulator gives pages of at most"
        " N contacts and takes adds of at most N (`--max-page`, `--max-add`). Kore documents neither. The tasks ask"
        " for pages of 1,000 and grow their adds from 100 while Kore takes them. Before: the same jobs in 0.2.0, at"
        " 100. Targets: at 1,000 at least 5 x fewer requests than before; at 100 never more.",
        "",
        "| N | job | requests | of which | before | before / now | at 600 a minute | at 60 a minute |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for size, rows in sorted(runs.items()):
        for job in JOBS:
            entry = rows[job]
            lines.append("| %d | %s | %d | %s | %d | %.1f | %s | %s |" % (
                size, entry["what"], entry["requests"],
                ", ".join("%s %d" % item for item in sorted(entry["kinds"].items())), BEFORE[job],
                BEFORE[job] / float(entry["requests"]), account.hours_and_minutes(entry["requests"] / 600.0),
                account.hours_and_minutes(entry["requests"] / 60.0)))
    lines.append("")
    return lines
