# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A bot's set of lists: the plan from one reading, check mode, refusals before any write, twins settled."""

from __future__ import annotations

import ast
import contextlib
import os
import subprocess
import sys
import threading

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import KoreConflictError
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.list_set import ensure_set
from ansible_collections.kore.ai.plugins.module_utils._contacts.declared import CheckedFile
from ansible_collections.kore.ai.plugins.module_utils._parallel import FilesBeingRead
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.work import ListWork
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._pacer import Pacing

ENTRIES = [{"name": "Keep", "description": "same"}, {"name": "Change", "description": "new"},
           {"name": "Make", "description": "made"}]


def seed_bot(sim):
    sim.seed("Keep", "same")
    sim.seed("Change", "old")
    return sim.seed("Stray", "not declared")


@pytest.mark.parametrize("check_mode", [False, True])
def test_one_plan_creates_updates_and_purges_and_check_mode_only_skips_the_writes(sim, lists, check_mode):
    stray = seed_bot(sim)
    outcome = ensure_set(lists.client, ENTRIES, ListWork(check_mode=check_mode), purge=True, parallel=2)
    assert [c["name"] for c in outcome.created] == ["Make"]
    assert [(u["name"], u["description"]) for u in outcome.updated] == [("Change", "new")]
    assert [d["_id"] for d in outcome.deleted] == [stray["_id"]] and outcome.unchanged == ["Keep"]
    assert outcome.changed and outcome.message().startswith(
        "contact lists: 1 %screated, 1 %supdated, 1 %sdeleted, 1 unchanged" % (("would be ",) * 3 if check_mode
                                                                               else ("",) * 3))
    writes = [r["method"] for r in sim.requests if r["method"] != "GET"]
    names = sorted(s["name"] for s in sim.store.summaries(sim.tenant.stream_id))
    if check_mode:
        assert writes == [] and names == ["Change", "Keep", "Stray"]
    else:
        assert sorted(writes) == ["DELETE", "POST", "PUT"] and names == ["Change", "Keep", "Make"]


@pytest.mark.parametrize("entries, message", [
    ([{"name": "New"}], "description is required to create contact list 'New'"),
    ([{"name": "A", "description": "d"}, {"name": "A", "description": "e"}], "lists names 'A' twice"),
    ([{"name": "A", "description": "d", "contacts": [], "contacts_file": "c.csv"}], "list 'A': contacts and"),
])
def test_a_set_nobody_can_carry_out_is_refused_before_any_write(sim, lists, entries, message):
    seed_bot(sim)
    with pytest.raises(KoreInputError, match=message):
        ensure_set(lists.client, entries, purge=True)
    assert all(r["method"] == "GET" for r in sim.requests)


def test_two_lists_of_a_managed_name_are_named_not_guessed(sim, lists):
    sim.seed("Keep", "a")
    sim.seed("Keep", "b")
    with pytest.raises(KoreConflictError, match="'Keep': cl-.*, cl-.*Nothing was changed"):
        ensure_set(lists.client, ENTRIES[:1])


def test_a_list_another_run_created_first_is_kept_and_ours_removed(sim, lists, monkeypatch):
    # the other run's create lands between this run's reading of the bot and its own create
    theirs = []
    create = type(lists).create

    def create_after_theirs(self, body):
        if not theirs:
            theirs.append(sim.seed(body["name"], body["description"]))
        return create(self, body)

    monkeypatch.setattr(type(lists), "create", create_after_theirs)
    outcome = ensure_set(lists.client, [{"name": "Raced", "description": "d"}])
    assert outcome.created == [] and outcome.unchanged == ["Raced"] and not outcome.errors
    assert [s["_id"] for s in sim.store.summaries(sim.tenant.stream_id)] == [theirs[0]["_id"]]


def test_a_bug_of_ours_on_one_list_is_reported_with_its_traceback_and_stops_further_changes(sim, lists, monkeypatch):
    seed_bot(sim)
    sim.seed("Stray 2", "not declared either")
    delete = type(lists).delete

    def delete_with_a_bug(self, list_id):
        if self.read(list_id)["name"] == "Stray":
            raise ZeroDivisionError("a bug")
        return delete(self, list_id)

    monkeypatch.setattr(type(lists), "delete", delete_with_a_bug)
    outcome = ensure_set(lists.client, ENTRIES[:2], purge=True)
    assert outcome.deleted == [] and len(outcome.not_attempted) == 1 and "'Stray 2'" in outcome.not_attempted[0]
    assert len(outcome.errors) == 1 and "Unexpected ZeroDivisionError: a bug" in outcome.errors[0]
    assert len(outcome.tracebacks) == 1 and "delete_with_a_bug" in outcome.tracebacks[0]


def test_a_list_another_run_created_and_a_purge_recreates_is_backed_up_first(sim, lists, monkeypatch, tmp_path):
    theirs = []
    create = type(lists).create

    def create_after_theirs(self, body):
        if not theirs:
            theirs.append(sim.seed(body["name"], body["description"]))
            sim.seed_contacts(theirs[0]["_id"], [{"phoneNumber": "+19"}])
        return create(self, body)

    monkeypatch.setattr(type(lists), "create", create_after_theirs)
    outcome = ensure_set(lists.client, [{"name": "Raced", "description": "d", "contacts": [{"phoneNumber": "+1"}]}],
                         ListWork(purge_contacts=True), backup_dir=str(tmp_path))
    assert not outcome.errors and [r["old_id"] for r in outcome.recreated] == [theirs[0]["_id"]]
    backup = outcome.backup_files[theirs[0]["_id"]]
    assert backup == str(tmp_path / ("%s.csv" % theirs[0]["_id"])) and "+19" in open(backup).read()


def test_lists_given_contacts_share_one_reading_of_every_name_after_their_creates(sim, lists):
    """Kore adds by name, so each list's name must be its alone before its contacts are added: the reading that
    settled the lists created against twins serves the whole set's adds, not one a list (test_entity.py: a reading
    that shows a twin is not trusted)."""
    entries = [{"name": "L%d" % n, "description": "d", "contacts": [{"phoneNumber": "+1555000%04d" % n}]}
               for n in range(8)]
    outcome = ensure_set(lists.client, entries, parallel=4)
    assert sorted(outcome.contacts_added) == ["L%d" % n for n in range(8)], outcome.message()
    list_alls = [r for r in sim.requests if r["path"].endswith("/getAllListDetails")]
    assert len(list_alls) == 2, list_alls  # the plan; the settling of twins, whose names serve the adds


def test_a_set_that_creates_no_list_reads_every_list_once_even_to_add_contacts(sim, lists):
    """The plan's reading shows each name it found on one list: it serves the adds' unique-name check, with no
    second list all; a list recreated to drop contacts (a new id) is looked up again before its adds."""
    for n in range(6):
        sim.seed("L%d" % n, "d")
    held = sim.seed("Held", "d")
    sim.seed_contacts(held["_id"], [{"phoneNumber": "+15550009999"}])
    entries = [{"name": "L%d" % n, "description": "d", "contacts": [{"phoneNumber": "+1555000%04d" % n}]}
               for n in range(6)]
    outcome = ensure_set(lists.client, entries, parallel=4)
    assert sorted(outcome.contacts_added) == ["L%d" % n for n in range(6)], outcome.message()
    assert [r for r in sim.requests if r["path"].endswith("/getAllListDetails")] == sim.requests[:1]
    sim.requests[:] = []
    outcome = ensure_set(lists.client, [{"name": "Held", "description": "d", "contacts": [{"phoneNumber": "+1"}]}],
                         ListWork(purge_contacts=True, force=True))
    assert [r["old_id"] for r in outcome.recreated] == [held["_id"]], outcome.message()
    assert len([r for r in sim.requests if r["path"].endswith("/getAllListDetails")]) == 2


def test_each_contacts_file_is_read_while_the_threads_waiting_on_the_network_switch_often(sim, lists, monkeypatch,
                                                                                          tmp_path):
    read = CheckedFile.read
    intervals = []

    def read_and_note(self):
        intervals.append(sys.getswitchinterval())
        return read(self)

    monkeypatch.setattr(CheckedFile, "read", read_and_note)
    before = sys.getswitchinterval()
    for n in range(2):
        (tmp_path / ("%d.csv" % n)).write_text("phoneNumber\n+1555000%04d\n" % n)
    outcome = ensure_set(lists.client, [{"name": "F%d" % n, "description": "d",
                                         "contacts_file": str(tmp_path / ("%d.csv" % n))} for n in range(2)],
                         parallel=2)
    assert sorted(outcome.contacts_added) == ["F0", "F1"], outcome.message()
    assert intervals == [FilesBeingRead.SWITCH_INTERVAL] * 2 and sys.getswitchinterval() == before


def test_a_big_lists_pages_spread_over_every_thread_and_no_more_than_parallel_requests_are_in_flight(
        sim, lists, tmp_path, monkeypatch, at_once):
    """One list of 600 contacts (60 pages) first, then small ones: its pages are read several at a time while the
    small lists are worked, and in all no more than ``parallel`` requests are ever in flight."""
    big = sim.seed("Big", "x")
    sim.seed_contacts(big["_id"], [{"phoneNumber": "+1555%07d" % n} for n in range(600)])
    for n in range(6):
        sim.seed("Small %d" % n, "x")
    sim.max_page, sim.latency = 10, 0.005
    every, big_pages = at_once(), at_once()
    pause = sim.pause

    def counted_pause():
        big_page = "/%s/getAllContacts" % big["_id"] in threading.current_thread().kore_path
        with every.inside(), big_pages.inside() if big_page else contextlib.nullcontext():
            pause()

    record = sim.record

    def recorded(method, url, headers, raw):
        threading.current_thread().kore_path = url.path
        return record(method, url, headers, raw)

    monkeypatch.setattr(sim, "pause", counted_pause)
    monkeypatch.setattr(sim, "record", recorded)
    paced = lists.client.clone(pacer=Pacing(4).pacer)
    outcome = ensure_set(paced, [], purge=True, parallel=4, backup_dir=str(tmp_path))
    assert len(outcome.deleted) == 7 and not outcome.errors
    assert big_pages.most >= 3, big_pages.most  # the big list's pages, on the threads the small lists left
    assert every.most <= 4, every.most
    assert sum(1 for line in open(str(tmp_path / ("%s.csv" % big["_id"])))) == 601


def test_what_the_workers_import_late_is_loaded_before_they_start(plugin_files):
    """A module that two workers import at once for the first time can be seen half made by one of them (Python 3.9,
    from a module's zip payload): every module the engine imports inside a function is loaded with the set."""
    plugins = os.path.join(os.path.dirname(os.path.abspath(__file__)), *[os.pardir] * 5, "plugins")
    late = set()
    for path in ("engine.py", "entity.py", "contacts_sync.py"):
        with open(os.path.join(plugins, "module_utils", "_contact_lists", path)) as handle:
            tree = ast.parse(handle.read())
        for function in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
            late.update("ansible_collections.kore.ai.plugins." + os.path.relpath(found, plugins)[:-3].replace(
                os.sep, ".") for found in plugin_files(function))
    assert late, "the engine imports nothing late: this test shows nothing any more"
    code = ("import sys; import ansible_collections.kore.ai.plugins.module_utils._contact_lists.list_set; "
            "print(' '.join(sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))).stdout.split()
    assert sorted(late - set(loaded)) == []
