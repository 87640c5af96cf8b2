# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Long work says how far it is, at -v, in Ansible's worker; a module's output is its one answer."""

from __future__ import annotations

MODULE = "kore.ai.kore_contact_list"
SET = "kore.ai.kore_contact_lists"


def test_long_work_tells_how_far_it_is_at_verbosity_one_in_the_worker(sim, playbook, tmp_path, execution_path):
    (tmp_path / "many.csv").write_text("phoneNumber\n" + "".join("+1555%07d\n" % n for n in range(1000)))
    (tmp_path / "backups").mkdir()

    def seed_old():  # ten lists of 100 contacts, for a set to back up and delete
        for number in range(10):
            record = sim.seed("Old %d" % number, "x")
            sim.seed_contacts(record["_id"], [{"phoneNumber": "+1666%07d" % (number * 100 + n)} for n in range(100)])
    seed_old()
    tasks = [{MODULE: {"name": "Told", "description": "x", "contacts_file": "many.csv"}},
             {SET: {"lists": [{"name": "Told"}], "purge": True, "backup_dir": "backups"}}]
    quiet = playbook(tasks)
    assert quiet.status(0) == "changed" and quiet.status(1) == "changed", quiet
    assert " of 1000 contacts sent" not in quiet.output and " of 1000 contacts read" not in quiet.output
    sim.reset()
    seed_old()
    told = playbook(tasks, args=["-v"])
    assert told.status(0) == "changed" and told.status(1) == "changed", told
    if execution_path == "module":  # a module's output is its one JSON answer: documented as silent
        assert " of 1000 contacts sent" not in told.output and " of 1000 contacts read" not in told.output
        return
    sent = [int(line.rsplit(": ", 1)[1].split()[0]) for line in told.output.splitlines()
            if " of 1000 contacts sent" in line]
    # a line an add (their batches grow while Kore takes them), rising to the whole
    assert len(sent) >= 3 and sent == sorted(sent) and sent[-1] == 1000, told.output
    assert "kore.ai.kore_contact_lists: kore_contact_lists: 10 of 10 changes done" in told.output, told.output
    # a set tells its lists' contacts added up, out of the count its reading gave, never a line a list
    read = [line for line in told.output.splitlines() if "kore.ai.kore_contact_lists: " in line and " read" in line]
    assert read and all(" of 1000 contacts read" in line for line in read), read
    assert "kore_contact_lists: 1000 of 1000 contacts read" in read[-1] and len(read) <= 12, read
    assert "kore.ai.kore_contact_lists: contact list" not in told.output, told.output
