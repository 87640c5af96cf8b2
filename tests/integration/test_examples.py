# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every module's EXAMPLES run as written, twice, against a bot that holds what they name.

The bot each page's examples presume is put in place first (the lists, contacts and campaigns they name); the
connection comes from the KORE_* environment as the examples say, and the variables they use
(``vault_kore_client_secret``, ``kore_token``) are given on the command line, as a user's vault would. The playbook
is the EXAMPLES text parsed as YAML, one play for the first run and the same play again: the second run shows which
examples are idempotent (``ok``) and that the others (a delete, its restore) work again.
"""

from __future__ import annotations

import importlib
import json
import os

import jwt
import yaml
from kore_sim.samples import AGENTLESS, CALL_LIST, DNC_LIST, PROGRESSIVE

FIRST, AGAIN = "the examples", "the examples again"
EXAMPLE_LIST_ID = "cl-718e888e-3aca-4008-973e-6d79940abcde"  # the id kore_contact_list's first example deletes


def examples_of(module):
    code = importlib.import_module("ansible_collections.kore.ai.plugins.modules." + module)
    return yaml.safe_load(code.EXAMPLES)


def run_twice(sim, playbook, tmp_path, module):
    """The statuses of the first run's tasks and of the second's, and the rows of each."""
    tasks = examples_of(module)
    play = {"hosts": "localhost", "gather_facts": False, "tasks": tasks}
    path = tmp_path / ("%s.yml" % module)
    path.write_text(yaml.safe_dump([dict(play, name=FIRST), dict(play, name=AGAIN)], sort_keys=False))
    token = jwt.encode({"sub": "examples", "appId": sim.tenant.client_id}, sim.tenant.client_secret,
                       algorithm="HS256")
    given = {"vault_kore_client_secret": sim.tenant.client_secret, "kore_token": token}
    run = playbook(str(path), args=["-e", json.dumps(given)])
    assert run.rc == 0 and len(run.rows) == 2 * len(tasks), run
    first, again = run.rows[:len(tasks)], run.rows[len(tasks):]
    return [r["status"] for r in first], [r["status"] for r in again], first, again


def campaign(sim, stream, name):
    found = [r for r in sim.campaigns.of(stream).values() if r["name"] == name]
    assert len(found) == 1, (name, found)
    return found[0]


def test_a_list_deleted_by_id_then_seeded_backed_up_deleted_and_restored(sim, playbook, tmp_path, listed, people,
                                                                         csv_phones):
    sim.seed("Spring promo", _id=EXAMPLE_LIST_ID)
    sim.seed_contacts(EXAMPLE_LIST_ID, people(3))
    first, again, rows, dummy = run_twice(sim, playbook, tmp_path, "kore_contact_list")
    assert first == ["changed", "ok", "changed", "changed", "changed"], rows
    assert rows[1]["result"]["msg"] == "Spring promo had 3 contacts"
    # gone stays gone (and nothing to show); the seed sends nothing; the delete and its restore work again
    assert again == ["ok", "skipped", "ok", "changed", "changed"]
    lists = listed()
    assert sorted(lists) == ["QA smoke"]
    assert sim.phone_numbers(lists["QA smoke"]) == ["+15550100001", "+15550100002"]
    assert csv_phones(tmp_path / "qa-smoke.csv") == ["+15550100001", "+15550100002"]


def test_the_info_examples_read_and_write_one_backup_of_contacts(sim, playbook, tmp_path, people):
    sim.seed("Renewals", "Customers up for renewal")
    qa = sim.seed("QA smoke")
    sim.seed_contacts(qa["_id"], people(2))
    sim.seed(DNC_LIST, listType="dnc")
    first, again, rows, dummy = run_twice(sim, playbook, tmp_path, "kore_contact_list_info")
    assert first == ["ok"] * 5 + ["changed"], rows
    assert again == ["ok"] * 6
    assert sorted(rows[1]["result"]["msg"]) == ["QA smoke", "Renewals"]
    assert [r["name"] for r in rows[2]["result"]["contact_lists"]] == ["Renewals"]
    assert [r["name"] for r in rows[3]["result"]["contact_lists"]] == [DNC_LIST]
    with open(str(tmp_path / "qa-smoke-contacts.json")) as handle:
        assert sorted(c["phoneNumber"] for c in json.load(handle)) == [p["phoneNumber"] for p in people(2)]


def test_a_reset_to_two_lists_is_undone_from_its_backup_directory(sim, playbook, tmp_path, listed, people,
                                                                  write_phones):
    sim.seed("Renewals", "Customers up for renewal")
    write_phones(str(tmp_path / "renewals.csv"), ["+15550100101", "+15550100102"])
    for name, count in (("Spring promo", 3), ("Old leads", 2)):
        sim.seed_contacts(sim.seed(name)["_id"], people(count))
    first, again, rows, dummy = run_twice(sim, playbook, tmp_path, "kore_contact_lists")
    assert first == ["changed", "changed", "changed"], rows
    assert sorted(r["name"] for r in rows[1]["result"]["deleted"]) == ["Old leads", "Spring promo"], rows[1]["result"]
    assert again == ["ok", "changed", "changed"]  # the undo made them again, so the reset deletes them again
    lists = listed()
    assert sorted(lists) == ["Old leads", "Renewals", "Spring promo", "Win-back"]
    assert sim.phone_numbers(lists["Renewals"]) == ["+15550100101", "+15550100102"]
    assert sim.phone_numbers(lists["Spring promo"]) == sorted(p["phoneNumber"] for p in people(3))
    assert sim.phone_numbers(lists["Old leads"]) == sorted(p["phoneNumber"] for p in people(2))


def test_a_running_campaign_is_backed_up_deleted_brought_back_and_started(sim, playbook, tmp_path):
    for name in ("QA smoke", "Renewal Due - May/June 2025"):
        sim.seed(name)
    sim.seed(DNC_LIST, listType="dnc")
    body = dict((k, v) for k, v in PROGRESSIVE.items() if k not in ("name", "contactLists", "campaignType"))
    sim.seed_campaign("QA outbound", ["QA smoke"], status="Active", **body)
    sim.campaigns.prepare_delay = 0.0
    sim.campaigns.stop_delay = 0.0
    first, again, rows, dummy = run_twice(sim, playbook, tmp_path, "kore_campaign")
    assert first == ["changed"] * 5, rows
    assert again == ["ok", "changed", "changed", "changed", "ok"]
    restored = campaign(sim, sim.tenant.stream_id, "QA outbound")
    assert restored["status"] == "Active" and restored["contactLists"] == ["QA smoke"]
    assert restored["dialingStrategy"] == dict(PROGRESSIVE["dialingStrategy"], useSystemMappings=False)
    assert campaign(sim, sim.tenant.stream_id, "Renewals - May")["dncLists"]["name"] == DNC_LIST


def test_the_campaign_info_examples_find_what_a_reset_must_stop(sim, playbook, tmp_path):
    sim.seed("QA smoke")
    sim.seed(DNC_LIST, listType="dnc")
    body = dict((k, v) for k, v in PROGRESSIVE.items() if k not in ("name", "contactLists", "campaignType"))
    running = sim.seed_campaign("QA outbound", ["QA smoke"], status="Active", **body)
    sim.seed_campaign("QA later", ["QA smoke"], **body)
    first, again, rows, dummy = run_twice(sim, playbook, tmp_path, "kore_campaign_info")
    assert first == again == ["ok"] * 4, rows
    assert sorted(c["name"] for c in rows[1]["result"]["campaigns"]) == ["QA later", "QA outbound"]
    assert rows[3]["result"]["msg"] == [["QA outbound", running["_id"]]]


def test_a_bot_is_copied_into_a_fresh_one_campaigns_running_as_they_were(sim, playbook, tmp_path, people):
    sim.seed_contacts(sim.seed(CALL_LIST)["_id"], people(4))
    sim.seed(DNC_LIST, listType="dnc")
    body = dict((k, v) for k, v in PROGRESSIVE.items() if k not in ("name", "contactLists", "campaignType"))
    sim.seed_campaign("Calls", [CALL_LIST], status="Active", **body)
    sim.seed_campaign(AGENTLESS["name"], AGENTLESS["contactLists"], **dict(
        (k, v) for k, v in AGENTLESS.items() if k not in ("name", "contactLists", "campaignType")))
    fresh = sim.tenant.second_stream_id
    sim.store.seed(fresh, sim.tenant.account_id, DNC_LIST, listType="dnc")  # a bot's DNC lists are its own
    sim.campaigns.prepare_delay = 0.0
    first, again, rows, dummy = run_twice(sim, playbook, tmp_path, "kore_backup")
    assert first[:3] == ["changed"] * 3 and first[3] == "ok", rows
    assert again == ["ok", "changed", "ok", "ok"], again  # a snapshot again is a new one; the copy holds
    copied = sim.store.summaries(fresh)
    leads = [r["_id"] for r in copied if r["name"] == CALL_LIST]
    assert len(leads) == 1, copied
    assert sorted(p["phoneNumber"] for p in sim.contacts_of(leads[0])) == sorted(p["phoneNumber"] for p in people(4))
    assert campaign(sim, fresh, "Calls")["status"] == "Active"
    assert campaign(sim, fresh, AGENTLESS["name"])["experienceFlow"] == \
        campaign(sim, sim.tenant.stream_id, AGENTLESS["name"])["experienceFlow"]
    assert os.path.isdir(str(tmp_path / "qa-snapshot"))
