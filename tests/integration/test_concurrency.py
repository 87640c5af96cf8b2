# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Two playbooks at once on the same list: both succeed, exactly one reports a change.

The simulator's ``gather`` fault holds the two runs' requests until both have arrived, so that the race really
happens. Every attempt must keep the promise; each scenario is tried up to three times until the request log
shows that the race did happen (once, in CI, on ansible-core 2.21, one run's request missed the meeting point).

Twin creates are settled by Kore's ``createdAt``, which has millisecond precision. The simulator answers in
microseconds, far faster than any network to Kore, so a run could list again within the millisecond of its own
create and tie with a twin it did not see; the create tests add 5 ms a request, as a network would.
"""

from __future__ import annotations

import datetime
import itertools
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from kore_sim.store import stamp

MODULE = "kore.ai.kore_contact_list"
SET = "kore.ai.kore_contact_lists"
ATTEMPTS = 3
NETWORK_LATENCY = 0.005
CREATE = {MODULE: {"name": "Contested", "description": "made by two runs at once"}}
BOTH_LOOK_FIRST = ("gather", dict(method="GET", path_contains="getAllListDetails", times=2))
FIRST_POST_HELD = ("delay", dict(method="POST", seconds=4))


def together(playbook, tasks):
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda dummy: playbook(tasks), range(2)))


def assert_one_change(runs):
    assert [r.rc for r in runs] == [0, 0], runs
    assert sorted(r.status(0) for r in runs) == ["changed", "ok"], runs


def assert_settled(runs, lists):
    """Two creates of one name ended as promised: one change, one list, both runs returning it."""
    assert_one_change(runs)
    assert len(lists) == 1
    assert all(r[0]["contact_list"]["_id"] == lists[0]["_id"] for r in runs)


def test_two_deletes_of_one_list(sim, playbook, api_log):
    raced = []
    for dummy in range(ATTEMPTS):
        sim.reset()
        record = sim.seed("Contested", "deleted by two runs at once")
        sim.faults.add("gather", method="GET", path_contains=record["_id"], times=2)  # both read, then delete
        runs = together(playbook, [{MODULE: {"id": record["_id"], "state": "absent"}}])
        assert_one_change(runs)
        winner = [r for r in runs if r.status(0) == "changed"][0]
        assert winner[0]["contact_list"]["_id"] == record["_id"]
        assert sim.store.get(sim.tenant.stream_id, record["_id"]) is None
        raced.append(len(api_log.of("DELETE")) == 2)
        if raced[-1]:
            break
    assert any(raced), [(r["method"], r["path"][-40:], r["status"]) for r in api_log.of()]


def backwards_clock():
    """Stamps each list one second before the list added before it."""
    start = datetime.datetime.now(datetime.timezone.utc)
    seconds = itertools.count()
    return lambda: stamp(start - datetime.timedelta(seconds=next(seconds)))


def start_creates(sim, playbook, faults, clock=None):
    sim.reset()
    sim.latency = NETWORK_LATENCY
    if clock:
        sim.store.clock = clock
    for kind, options in faults:
        sim.faults.add(kind, **options)
    runs = together(playbook, [CREATE])
    return runs, list(sim.store.all_records()[sim.tenant.stream_id].values())


def create_together(sim, playbook, api_log, faults):
    raced = []
    for dummy in range(ATTEMPTS):
        runs, lists = start_creates(sim, playbook, faults)
        assert_settled(runs, lists)
        raced.append(len(api_log.of("POST")) == 2)  # both created; one run then removed its twin
        if raced[-1]:
            break
    assert any(raced), [(r["method"], r["path"][-40:], r["status"]) for r in api_log.of()]


def test_two_creates_that_see_each_other(sim, playbook, api_log):
    # both look up the name before either creates, and both look again after both have created
    create_together(sim, playbook, api_log, [BOTH_LOOK_FIRST, ("gather", dict(method="POST", times=2))])


def test_two_creates_where_one_is_done_before_the_other_creates(sim, playbook, api_log):
    # both look up the name before either creates; the first POST to arrive is held back, so the other run
    # creates, looks again and finishes alone before the held one's list exists
    create_together(sim, playbook, api_log, [BOTH_LOOK_FIRST, FIRST_POST_HELD])


def test_two_creates_stamped_out_of_order_both_stay_and_the_next_run_says_so(sim, playbook):
    # The documented limit: Kore's clocks disagree, so the list that appeared second carries the earlier createdAt.
    # The run whose list appeared first saw no twin and kept it; the other run keeps its own by the rule. Neither
    # may delete what the other kept. Both succeed, two lists stay, and the next run names both instead of guessing.
    # As in the test above, the first POST is held; if the other run is not done by then, it sees the twin and the
    # race settles as usual, so that attempt is checked as such and the staging is tried again.
    staged = False
    for dummy in range(ATTEMPTS):
        runs, lists = start_creates(sim, playbook, [BOTH_LOOK_FIRST, FIRST_POST_HELD], clock=backwards_clock())
        staged = len(lists) == 2
        if staged:
            break
        assert_settled(runs, lists)
    assert staged
    assert [r.rc for r in runs] == [0, 0], runs
    assert [r.status(0) for r in runs] == ["changed", "changed"], runs
    assert sorted(r[0]["contact_list"]["_id"] for r in runs) == sorted(item["_id"] for item in lists)
    again = playbook([dict(CREATE, ignore_errors=True)])
    assert again.status(0) == "failed"
    assert all(item["_id"] in again[0]["msg"] for item in lists), again[0]["msg"]
    assert "Nothing was changed" in again[0]["msg"]
    assert len(sim.store.all_records()[sim.tenant.stream_id]) == 2


SET_NAMES = ["Set race %d" % n for n in range(4)]
CREATE_SET = {"kore.ai.kore_contact_lists": {
    "lists": [{"name": n, "description": "made by two runs at once"} for n in SET_NAMES]}}


def test_two_set_runs_declaring_the_same_new_lists_leave_each_list_once(sim, playbook, api_log):
    # Both runs list the bot before either creates (the gather holds both list-alls until both have asked), so
    # both create every list; each run then looks again and keeps the first of each name, as kore_contact_list does.
    raced = []
    for dummy in range(ATTEMPTS):
        sim.reset()
        sim.latency = NETWORK_LATENCY
        sim.faults.add("gather", method="GET", path_contains="getAllListDetails", times=2)
        runs = together(playbook, [CREATE_SET])
        assert [r.rc for r in runs] == [0, 0], runs
        lists = list(sim.store.all_records()[sim.tenant.stream_id].values())
        assert sorted(item["name"] for item in lists) == SET_NAMES
        # every name is reported once as created, by one run or the other; the other run found it made
        created = sorted(c["name"] for r in runs for c in r[0]["created"])
        assert created == SET_NAMES, [r[0]["msg"] for r in runs]
        raced.append(len(api_log.of("POST")) == 2 * len(SET_NAMES))  # both created every list
        if raced[-1]:
            assert len(api_log.of("DELETE")) == len(SET_NAMES)  # and each twin was removed by its maker
            break
    assert any(raced), [(r["method"], r["path"][-40:], r["status"]) for r in api_log.of()]


@pytest.mark.parametrize("module", [MODULE, SET])
def test_two_runs_creating_one_list_with_contacts_at_once_both_succeed(sim, playbook, api_log, module):
    contacts = [{"phoneNumber": "+15550000001"}]
    options = {"name": "Raced", "description": "d", "contacts": contacts} if module == MODULE else \
        {"lists": [{"name": "Raced", "description": "d", "contacts": contacts}]}
    raced = 0
    for dummy in range(2):
        sim.reset()
        sim.latency = 0.005  # createdAt has millisecond precision, as a network to Kore would space requests
        sim.faults.add("gather", method="GET", path_contains="getAllListDetails", times=2)
        sim.faults.add("gather", method="POST", path_contains="createContactList", times=2)
        # the run whose list gives way deletes it a moment late: the kept run surely meets the twin first
        sim.faults.add("delay", method="DELETE", seconds=1)
        runs = [None, None]

        def start(number):
            runs[number] = playbook([{module: options}])

        threads = [threading.Thread(target=start, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert [r.rc for r in runs] == [0, 0], [r[0]["msg"] for r in runs]
        lists = sim.store.summaries(sim.tenant.stream_id)
        assert len(lists) == 1 and [c["phoneNumber"] for c in sim.contacts_of(lists[0]["_id"])] == ["+15550000001"]
        assert "changed" in [r.status(0) for r in runs], runs
        raced += len(api_log.of("POST")) >= 2 + 1  # both created; contacts were added once
    assert raced, "the two runs never created at the same moment"
