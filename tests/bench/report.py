# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""docs/performance.md from what ``make bench`` measured: its tables, as Markdown lines, and the chart."""

from __future__ import annotations

import os
import time

from ansible_collections.kore.ai.plugins.module_utils._contacts.sizes import ADD_BASE, ADD_LARGEST, PAGE_ASKS

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(os.path.dirname(os.path.dirname(HERE)), "docs")
LIMIT = 600  # the simulated rate limit, requests per minute
PARALLEL = 4  # kore_contact_lists' default parallel, and the bare loop's threads
# requests a delete sends (the table "HTTP requests per operation"): by id, the list is read, then deleted
REQUESTS_BY_ID, REQUESTS_FORCED = 2, 1


def write_section(replace, lines, before):
    """docs/performance.md with the section ``lines`` heads replaced, or put before the section ``before``."""
    path = os.path.join(DOCS, "performance.md")
    with open(path) as handle:
        text = handle.read()
    with open(path, "w") as handle:
        handle.write(replace(text, lines, before))


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
        "## Against a rate limit",
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
        " accepted add after %d ms, as Kore's asynchronous add may. The module sends %d contacts per add at first"
        " (up to %d on a list that refuses duplicates, as the simulator takes them: at most %d), asks for %d"
        " contacts per page (the simulator gives at most %d), and reads the list until every contact shows."
        % (args.contacts, args.add_delay_ms, ADD_BASE, ADD_LARGEST, 100, PAGE_ASKS[0], 100)
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
