# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""`make bench-account`, the whole account at a rate limit of 600 a minute, and killed part-way.

At the limit: the account's purge with ``backup_dir`` under the simulator's 600 requests a minute, with Kore's
minute shortened tenfold (``RATE_WINDOW``) for the simulator and the task's pacer alike, so that an hour and a half
of Kore's time runs in about nine minutes; with ``max_rate: 600`` and without it. The floor is the requests divided
by the rate.

Killed: the same purge killed once (SIGKILL of ansible-playbook and its workers) at a random moment, and run again:
every list ends deleted, every contact of every list is in each of its backup files, and no temporary file is left.
"""

from __future__ import annotations

import csv
import os
import random
import tempfile

import account
import scale

RATE_WINDOW = 6.0           # seconds the simulator and the pacer take for Kore's minute: ten times faster
SET = "kore.ai.kore_contact_lists"
RATE_HEADING = "### At a rate limit of 600 a minute"


def rate_runs(sim, folder, latency, sizes=None):
    """A row for the purge at the rate limit with max_rate and one without; the account is seeded for each."""
    sizes = sizes or account.account_sizes()
    rows = []
    for what, extra in (("purge at the rate limit, max_rate: %d" % account.RATE_LIMIT, {"max_rate": account.RATE_LIMIT}),
                        ("purge at the rate limit, no max_rate", {})):
        sim.latency, sim.add_delay, sim.rate_limit = 0.0, 0.0, None
        made = account.seed_account(sim, sizes)
        sim.latency, sim.rate_limit, sim.rate_window = latency, account.RATE_LIMIT, RATE_WINDOW
        options = dict(extra, lists=[], purge=True, backup_dir=tempfile.mkdtemp(dir=folder))
        before = len(sim.requests)
        seconds, kinds, rss, files = scale.run_task(sim, folder, what, options, module=SET,
                                                    sample_files=account.OpenFiles, rate_window=RATE_WINDOW)
        limited = sum(1 for request in sim.requests[before:] if request["status"] == 429)
        assert not sim.store.summaries(sim.tenant.stream_id), "the purge left lists"
        needed = account.requests_needed([size for dummy, dummy, size in made], sim.max_page)["purge"]
        entry = account.row(what, sum(sizes), len(sizes), seconds, kinds,
                            needed * RATE_WINDOW / account.RATE_LIMIT, rss, files)
        entry.update(limited=limited, needed=needed)
        rows.append(entry)
        print(entry, flush=True)
    sim.rate_limit, sim.rate_window, sim.latency = None, 60.0, 0.0
    sim.reset()
    return rows


def killed_and_run_again(sim, folder, latency, purge_seconds, moment=None):
    """The purge of the account the simulator holds, killed at ``moment`` seconds (by default a random one within
    the purge's measured time) and run again; (the moment, what the kill left, the row of the run again)."""
    sim.latency = latency
    held = [(s["_id"], s["name"], s["totalRecordCount"]) for s in sim.store.summaries(sim.tenant.stream_id)]
    backups = tempfile.mkdtemp(dir=folder)
    options = {"lists": [], "purge": True, "backup_dir": backups}
    moment = moment if moment is not None else random.uniform(0.1, 0.9) * purge_seconds
    seconds, kinds, dummy, dummy = scale.run_task(sim, folder, "the purge, killed", options, module=SET,
                                                  kill_after=moment)
    assert seconds is None, "the purge ended before it was killed at %.0f s" % moment
    left = {"lists deleted": kinds.get("DELETE one list", 0), "lists": len(held),
            "temporary files": sum(1 for name in os.listdir(backups) if name.startswith(".kore-")),
            "backup files": sum(1 for name in os.listdir(backups) if not name.startswith(".kore-"))}
    print("killed at %.0f s: %s" % (moment, left), flush=True)
    seconds, kinds, rss, files = scale.run_task(sim, folder, "the purge run again after the kill", options,
                                                module=SET, sample_files=account.OpenFiles)
    assert not sim.store.summaries(sim.tenant.stream_id), "the purge run again left lists"
    names = os.listdir(backups)
    assert not [name for name in names if name.startswith(".kore-")], "a temporary file was left"
    for list_id, name, size in held:
        own = [n for n in names if n == list_id + ".csv" or (n.startswith(list_id + ".csv.") and n.endswith("~"))]
        assert own, "list %s has no backup" % name
        for backup in own:  # each whole: none cut short, none replaced
            assert phone_numbers(os.path.join(backups, backup)) == seeded_numbers(name, size), backup
    sim.latency = 0.0
    return moment, left, account.row("the purge run again after a kill", sum(s for dummy, dummy, s in held), len(held),
                                     seconds, kinds, None, rss, files)


def seeded_numbers(name, size):
    """The phone numbers account.seed_account gave the list of that name."""
    base = int(name.rsplit(" ", 1)[1]) * 10000000
    return set("+1%010d" % (base + n) for n in range(size))


def phone_numbers(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        column = next(rows).index("phoneNumber")
        return set(row[column] for row in rows)


def rate_report(rate_rows, sizes=None, page_size=100):
    lines = [
        RATE_HEADING,
        "",
        "The purge above, with the account seeded again, under the simulator's limit of %d requests a minute, with"
        " Kore's minute shortened to %.0f s for the simulator and the task's pacer alike, so that the run takes"
        " minutes: its seconds are a tenth of Kore's. The floor is the requests the purge needs divided by the rate."
        " Target: within 1.1 x, with and without `max_rate`, and no storm of HTTP 429."
        % (account.RATE_LIMIT, RATE_WINDOW),
        "",
        "| run | seconds | at Kore's minute | requests | HTTP 429 | floor (s) | seconds / floor | peak RSS (MB) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for entry in rate_rows:
        lines.append("| %s | %.1f | %.0f min | %d | %d | %.1f | %.2f | %.0f |" % (
            entry["what"], entry["seconds"], entry["seconds"] * 60.0 / RATE_WINDOW / 60.0, entry["requests"],
            entry["limited"], entry["floor"], entry["seconds"] / entry["floor"], entry["rss_mb"]))
    paced, learned = (entry["seconds"] / entry["floor"] for entry in rate_rows)
    sizes = sizes or account.account_sizes()
    restore = account.requests_needed(sizes, page_size)["restore"]
    purge_minutes = rate_rows[0]["needed"] / float(account.RATE_LIMIT)
    lines += [
        "",
        "So at %d requests a minute the whole account's teardown takes about %.0f minutes with `max_rate: %d` and"
        " %.0f without it; its restore (at least %d requests) about %.0f minutes with `max_rate`; ten times that at"
        " 60 a minute." % (
            account.RATE_LIMIT, purge_minutes * paced, account.RATE_LIMIT, purge_minutes * learned, restore,
            restore / float(account.RATE_LIMIT) * paced),
        "",
    ]
    return lines


def killed_report(killed):
    moment, left, again = killed
    return [
        "### Killed part-way, and run again",
        "",
        "The purge with `backup_dir` of the account the restore above left, killed (SIGKILL of ansible-playbook"
        " and its workers) %.0f s after its start, a moment drawn at random, when %d of %d lists were deleted and"
        " %d backup files written, with %d temporary files of backups in writing. Run again, it deleted the rest"
        " in %.1f s (%d requests; peak RSS %.0f MB) and left no temporary file, and every list's backup files each"
        " hold every contact of the list." % (
            moment, left["lists deleted"], left["lists"], left["backup files"], left["temporary files"],
            again["seconds"], again["requests"], again["rss_mb"]),
        "",
    ]


def replace_subsection(text, lines):
    """``text`` with the subsection headed ``lines[0]`` (up to the next heading) replaced by ``lines``."""
    start = text.index(lines[0] + "\n")
    after = [at for at in (text.find("\n## ", start + 1), text.find("\n### ", start + 1)) if at != -1]
    end = min(after) + 1 if after else len(text)
    return text[:start] + "\n".join(lines) + ("\n" if after else "") + text[end:]


def whole_account(sim, folder, latency, add_delay, sizes=None):
    """Every row of the whole account, in order: the lines of its section of docs/performance.md."""
    rows = account.account_runs(sim, folder, latency, add_delay, sizes)
    killed = killed_and_run_again(sim, folder, latency, rows[1]["seconds"])
    rated = rate_runs(sim, folder, latency, sizes)
    return account.report(rows, latency, add_delay, sim.max_page) + killed_report(killed) + \
        rate_report(rated, sizes, sim.max_page)
