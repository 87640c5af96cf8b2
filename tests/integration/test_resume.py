# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A reset killed part-way (SIGKILL of ansible-playbook, its workers and their modules) and run again: every list
ends deleted, every contact of every list is in a complete backup, and no temporary file is left behind.

The account is small and slowed to 10 ms a request. Each round is killed once the simulator has seen a number of
its requests drawn from a fixed seed, so that kills land during a backup's pages, between a backup and its DELETE
and while a DELETE is in flight (several requests are in flight at any moment, parallel: 4), and a failure
replays.
"""

from __future__ import annotations

import os
import random

SET = "kore.ai.kore_contact_lists"
LISTS, CONTACTS = 40, 60
KILLS = 8  # rounds killed part-way, at most, before the run that is let finish


def test_a_reset_killed_part_way_and_run_again_loses_no_contact_and_leaves_no_temporary_file(
        sim, playbook, tmp_path, csv_phones):
    sim.latency = 0.01
    account = {}
    for number in range(LISTS):
        record = sim.seed("Reset %02d" % number, "x")
        contacts = ["+1777%03d%04d" % (number, n) for n in range(CONTACTS)]
        sim.seed_contacts(record["_id"], [{"phoneNumber": c} for c in contacts])
        account[record["_id"]] = set(contacts)
    backups = tmp_path / "backups"
    backups.mkdir()
    reset = [{SET: {"lists": [], "purge": True, "backup_dir": str(backups)}, "register": "reset"}]
    moments = random.Random(32)
    killed = 0
    for dummy in range(KILLS):
        sent, after = len(sim.requests), moments.randint(1, 40)
        run = playbook(reset, kill_when=lambda sent=sent, after=after: len(sim.requests) >= sent + after)
        if run.rc == 0:
            break
        assert run.rc == -9, run
        killed += 1
        if not sim.store.summaries(sim.tenant.stream_id):
            break
    final, again = playbook(reset + reset).split()
    assert final.rc == 0 and final.status(0) in ("changed", "ok") and again.status(0) == "ok", final
    assert killed >= 3, "the reset was killed part-way only %d times" % killed
    assert sim.store.summaries(sim.tenant.stream_id) == []
    files = sorted(os.listdir(backups))
    assert not [name for name in files if name.startswith(".kore-")], files
    for list_id, contacts in account.items():
        own = [name for name in files if name == list_id + ".csv" or
               (name.startswith(list_id + ".csv.") and name.endswith("~"))]
        assert own, (list_id, files)  # backed up, at least once
        for name in own:  # each file whole: none cut short, none replaced
            assert set(csv_phones(str(backups / name))) == contacts, name
    assert sum(1 for name in files if name.endswith(".csv")) == LISTS
    for path in list(final[0].get("previous_backup_files", {}).values()) + final[0].get("removed_temporary_files", []):
        assert os.path.dirname(path) == str(backups), path
