# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The simulator answers as KORE_API.md describes, and as hard as it allows where Kore is silent."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import jwt
import pytest
import requests

from kore_sim.store import NOT_IN_SUMMARY

SIMULATOR_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "simulator")


class Api(object):
    def __init__(self, sim, stream=None, account=None, token=None, iid=None):
        tenant = sim.tenant
        self.stream = stream or tenant.stream_id
        self.base = "%s/campaign/api/v2/public/%s/campaign/contactList" % (sim.url, self.stream)
        self.account = account or tenant.account_id
        self.headers = {"auth": token or jwt.encode({"sub": "t", "appId": tenant.client_id}, tenant.client_secret,
                                                    algorithm="HS256"),
                        "iid": iid or self.stream, "accountId": self.account}

    def call(self, method, path="", **kwargs):
        return requests.request(method, self.base + path, headers=self.headers, params={"accountId": self.account},
                                timeout=10, **kwargs)


@pytest.fixture
def api(sim):
    return Api(sim)


def test_lifecycle_matches_the_documented_shapes(sim, api):
    body = {"name": "Renewals", "description": "due", "source": "passiveApi", "allowDuplicates": True}
    created = api.call("POST", "/createContactList", json=body)
    assert created.status_code == 200
    record = created.json()["data"]
    assert record["_id"].startswith("cl-") and record["allowDuplicates"] is True
    assert record["apiConfigurations"] == {"dataSyncMode": "allowDuplicates"}
    got = api.call("GET", "/" + record["_id"]).json()
    assert got == {"status": "success", "message": "", "data": record}
    summaries = requests.get(api.base + "/getAllListDetails", headers=api.headers,
                             params={"accountId": api.account, "type": "call"}, timeout=10).json()["data"]
    assert isinstance(summaries, list) and summaries[0]["_id"] == record["_id"]
    assert not set(NOT_IN_SUMMARY) & set(summaries[0])
    updated = api.call("PUT", "/" + record["_id"], json={"description": "later"}).json()
    assert updated["data"] == {"contactListId": record["_id"], "body": {"description": "later"}}
    deleted = api.call("DELETE", "/" + record["_id"]).json()
    assert deleted["message"] == "Contact list Renewals deleted successfully"
    assert deleted["data"]["description"] == "later"
    assert api.call("GET", "/" + record["_id"]).status_code == 404


def test_every_404_looks_the_same(sim, api):
    record = sim.seed("Here", "x")
    answers = [
        api.call("GET", "/cl-missing"),
        Api(sim, stream="st-other").call("GET", "/" + record["_id"]),
        Api(sim, account="5f0e1d2c3b4a596877669999").call("GET", "/" + record["_id"]),
        Api(sim, iid="st-other").call("GET", "/" + record["_id"]),
        Api(sim, stream="st-other").call("GET", "/getAllListDetails"),
    ]
    assert {a.status_code for a in answers} == {404}
    assert len({a.text for a in answers}) == 1


@pytest.mark.parametrize("problem", ["missing", "bad signature", "unknown appId", "expired"])
def test_tokens_are_checked(sim, problem):
    tenant = sim.tenant
    claims = {"sub": "t", "appId": tenant.client_id}
    secret = tenant.client_secret
    if problem == "bad signature":
        secret = "another-secret-that-is-long-enough-000"
    if problem == "unknown appId":
        claims["appId"] = "cs-nobody"
    if problem == "expired":
        claims["exp"] = int(time.time()) - 10
    token = "" if problem == "missing" else jwt.encode(claims, secret, algorithm="HS256")
    api = Api(sim, token=token or "x")
    if problem == "missing":
        api.headers.pop("auth")
    answer = api.call("GET", "/getAllListDetails")
    assert answer.status_code == 401
    assert answer.json() == {"errors": [{"msg": "Invalid SDK credentials", "code": 4002}]}
    assert sim.requests[-1]["auth"] == problem


@pytest.mark.parametrize("body, words", [
    ({"description": "x", "source": "passiveApi"}, "name is required"),
    ({"name": "n" * 49, "description": "x", "source": "passiveApi"}, "at most 48"),
    ({"name": "n", "description": "d" * 257, "source": "passiveApi"}, "at most 256"),
    ({"name": "n", "description": "x", "source": "localDrive"}, "passiveApi"),
    ({"name": "n", "description": "x", "source": "passiveApi", "allowDuplicates": "yes"}, "boolean"),
])
def test_create_validates(sim, api, body, words):
    answer = api.call("POST", "/createContactList", json=body)
    assert answer.status_code == 400 and words in answer.text
    assert sim.store.all_records().get(sim.tenant.stream_id, {}) == {}


def test_account_must_come_twice(sim, api):
    answer = requests.get(api.base + "/getAllListDetails", headers=api.headers, timeout=10)
    assert answer.status_code == 400


def test_faults(sim, api):
    record = sim.seed("F", "x")
    sim.faults.add("status", method="GET", status=429, retry_after=7)
    limited = api.call("GET", "/" + record["_id"])
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "7"
    assert "Rate limit" in limited.text
    sim.faults.add("cut_after_commit", method="DELETE")
    with pytest.raises(requests.exceptions.ConnectionError):
        api.call("DELETE", "/" + record["_id"])
    assert sim.store.get(sim.tenant.stream_id, record["_id"]) is None
    sim.faults.add("hang", seconds=2)
    with pytest.raises(requests.exceptions.ReadTimeout):
        requests.get(api.base + "/x", headers=api.headers, params={"accountId": api.account}, timeout=0.5)


def test_gathered_requests_are_answered_only_once_every_answer_is_made(sim, api, monkeypatch):
    # As when the scheduler keeps one released thread waiting: the first answer made takes half a second longer.
    # No client may have its answer before then, or its next request could change what the slow one answers.
    record = sim.seed("Met", "x")
    sim.faults.add("gather", method="GET", path_contains=record["_id"], times=2)
    made, received, answer = [], [], sim.api

    def slow_first_answer(*args, **kwargs):
        if not made:
            made.append(None)
            time.sleep(0.5)
        result = answer(*args, **kwargs)
        made.append(time.monotonic())
        return result

    def read():
        assert api.call("GET", "/" + record["_id"]).status_code == 200
        received.append(time.monotonic())

    monkeypatch.setattr(sim, "api", slow_first_answer)
    readers = [threading.Thread(target=read) for dummy in range(2)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert len(received) == 2 and min(received) >= max(made[1:])


def test_rate_limit_and_latency(sim, api):
    sim.rate_limit = 2
    sim.latency = 0.05
    statuses = [api.call("GET", "/getAllListDetails").status_code for dummy in range(3)]
    assert statuses == [200, 200, 429]


def test_control_api(sim):
    seeded = requests.post(sim.url + "/_sim/lists", json={"name": "Seeded", "description": "x",
                                                          "campaignInUse": [{"id": "cd-1", "name": "C"}]},
                           timeout=10).json()
    assert requests.get(sim.url + "/_sim/lists", timeout=10).json()[seeded["_id"]]["campaignInUse"]
    assert requests.post(sim.url + "/_sim/faults", json={"kind": "status", "status": 503}, timeout=10).ok
    assert requests.post(sim.url + "/_sim/faults", json={"kind": "nonsense"}, timeout=10).status_code == 400
    assert requests.post(sim.url + "/_sim/reset", timeout=10).ok
    assert requests.get(sim.url + "/_sim/lists", timeout=10).json() == {}


def test_command_line_run_mode_exports_the_connection():
    script = "import os; print(os.environ['KORE_HOST'], os.environ['KORE_STREAM_ID'])"
    out = subprocess.run([sys.executable, "-m", "kore_sim", "run", "--", sys.executable, "-c", script],
                         cwd=SIMULATOR_DIR, capture_output=True, text=True, timeout=60, check=True).stdout
    host, stream = out.split()
    assert host.startswith("http://127.0.0.1:") and stream.startswith("st-")


def test_command_line_dnc_lists_are_in_each_bot_from_the_start():
    script = ("import os, requests; print([r['name'] for r in requests.get(os.environ['KORE_HOST'] + '/_sim/lists', "
              "timeout=10).json().values() if r['listType'] == 'dnc'])")
    out = subprocess.run([sys.executable, "-m", "kore_sim", "run", "--dnc-list", "Do not call", "--dnc-list", "Opt-outs",
                          "--", sys.executable, "-c", script],
                         cwd=SIMULATOR_DIR, capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.strip() == "['Do not call', 'Opt-outs']"


def test_command_line_options_after_the_mode_are_options(unused_port):
    # `serve --port 8080 --latency-ms 20` as the guide writes it: options, not a command
    script = "import os; print(os.environ['KORE_HOST'])"
    out = subprocess.run([sys.executable, "-m", "kore_sim", "run", "--port", str(unused_port), "--stream-id", "st-cli",
                          "--", sys.executable, "-c", script],
                         cwd=SIMULATOR_DIR, capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.split() == ["http://127.0.0.1:%d" % unused_port]
    refused = subprocess.run([sys.executable, "-m", "kore_sim", "serve", "--", "true"], cwd=SIMULATOR_DIR,
                             capture_output=True, text=True, timeout=60, check=False)
    assert refused.returncode == 2 and "serve takes no command" in refused.stderr


def add_contacts(api, sim, name, data, account=None):
    url = "%s/api/1.1/public/%s/campaign/contactList/addContacts" % (sim.url, api.stream)
    headers = dict(api.headers, accountId=account or api.account)
    return requests.post(url, headers=headers, json={"contact_list_name": name, "data": data}, timeout=10)


def test_contacts_are_added_later_by_name_and_read_in_capped_pages(sim, api):
    sim.add_delay, sim.max_page = 0.3, 100
    record = sim.seed("Seeded", "x")
    data = [{"phoneNumber": "+1555%04d" % i, "firstName": "P%d" % i} for i in range(100)]
    answer = add_contacts(api, sim, "Seeded", data)
    assert answer.status_code == 200
    assert answer.json() == {"message": "Adding contacts to public list is in progress"}  # no envelope, no ids
    assert api.call("GET", "/%s/getAllContacts" % record["_id"]).json()["data"]["totalResults"] == 0
    time.sleep(0.5)
    first = api.call("GET", "/%s/getAllContacts" % record["_id"]).json()["data"]
    assert (first["skip"], first["limit"], first["hasMore"], first["totalPages"], first["totalResults"]) == (
        0, 50, True, 2, 100)
    contact = first["results"][0]
    assert contact["_id"].startswith("cc-") and contact["phoneNumber"] == "+15550000" and contact["createdAt"]
    capped = requests.get(api.base + "/%s/getAllContacts" % record["_id"], headers=api.headers, timeout=10,
                          params={"accountId": api.account, "skip": 90, "limit": 1000}).json()["data"]
    assert (capped["limit"], len(capped["results"]), capped["hasMore"]) == (100, 10, False)
    assert sim.store.get(sim.tenant.stream_id, record["_id"])["totalRecordCount"] == 100


def test_a_page_larger_than_the_largest_is_cut_down_or_refused_naming_the_largest(sim, api):
    record = sim.seed("Paged", "x")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+1555%04d" % i} for i in range(1500)])

    def ask(limit):
        return requests.get(api.base + "/%s/getAllContacts" % record["_id"], headers=api.headers, timeout=10,
                            params={"accountId": api.account, "skip": 0, "limit": limit})

    sim.max_page = 1000
    assert len(ask(1000).json()["data"]["results"]) == 1000
    assert ask(5000).json()["data"]["limit"] == 1000
    sim.refuse_larger_page = True
    refused = ask(1001)
    assert refused.status_code == 400 and "at most 1000" in refused.text
    assert len(ask(1000).json()["data"]["results"]) == 1000


def test_contact_add_refusals_and_duplicate_policy(sim, api):
    sim.add_delay, sim.max_add_batch = 0.0, 100
    strict = sim.seed("Strict", "x")
    loose = sim.seed("Loose", "x", allowDuplicates=True)
    same = [{"phoneNumber": "+1"}, {"phoneNumber": "+1", "uniqueId": "other"}]
    assert add_contacts(api, sim, "Strict", same).status_code == 200
    assert add_contacts(api, sim, "Loose", same).status_code == 200
    assert len(sim.contacts_of(strict["_id"])) == 1 and len(sim.contacts_of(loose["_id"])) == 2
    assert add_contacts(api, sim, "Strict", [{"phoneNumber": "+2"}] * 101).status_code == 400
    assert add_contacts(api, sim, "Strict", [{"firstName": "no number"}]).status_code == 400
    assert add_contacts(api, sim, "Nobody", [{"phoneNumber": "+3"}]).status_code == 404
    assert add_contacts(api, sim, "Strict", [{"phoneNumber": "+3"}], account="0" * 24).status_code == 404
    bad_skip = requests.get(api.base + "/%s/getAllContacts" % strict["_id"], headers=api.headers, timeout=10,
                            params={"accountId": api.account, "skip": "x"})
    assert bad_skip.status_code == 400
    sim.faults.add("drop_contacts", path_contains="addContacts", count=1)
    assert add_contacts(api, sim, "Loose", [{"phoneNumber": "+4"}, {"phoneNumber": "+5"}]).status_code == 200
    assert [c["phoneNumber"] for c in sim.contacts_of(loose["_id"])] == ["+1", "+1", "+4"]
    api.call("DELETE", "/" + loose["_id"])
    assert sim.contacts_of(loose["_id"]) == []


def test_a_list_of_a_million_contacts_pages_and_counts_as_adds_land(sim, api):
    # Kore's own limit is a million contacts a list: the simulator holds them, and a page is a slice of them
    sim.add_delay = 0.0
    record = sim.seed("Million", "x")
    sim.seed_contacts(record["_id"], [{"phoneNumber": "+1%010d" % i} for i in range(1000000)])
    assert sim.store.get(sim.tenant.stream_id, record["_id"])["totalRecordCount"] == 1000000
    last = requests.get(api.base + "/%s/getAllContacts" % record["_id"], headers=api.headers, timeout=10,
                        params={"accountId": api.account, "skip": 999950, "limit": 100}).json()["data"]
    assert [c["phoneNumber"] for c in last["results"]] == ["+1%010d" % i for i in range(999950, 1000000)]
    assert (last["hasMore"], last["totalResults"], last["totalPages"]) == (False, 1000000, 10000)
    # an add of numbers the list holds already changes nothing (no duplicates); a new one counts at once
    assert add_contacts(api, sim, "Million", [{"phoneNumber": "+10000000007"}]).status_code == 200
    assert add_contacts(api, sim, "Million", [{"phoneNumber": "+2"}]).status_code == 200
    assert sim.store.get(sim.tenant.stream_id, record["_id"])["totalRecordCount"] == 1000001
    one = api.call("GET", "/%s/getAllContacts" % record["_id"]).json()["data"]
    assert one["totalResults"] == 1000001


def test_a_shorter_rate_window_lifts_sooner_and_says_so(sim, api):
    sim.rate_limit, sim.rate_window = 2, 2.0
    assert [api.call("GET", "/getAllListDetails").status_code for dummy in range(2)] == [200, 200]
    limited = api.call("GET", "/getAllListDetails")
    assert limited.status_code == 429 and 1 <= int(limited.headers["Retry-After"]) <= 3
    time.sleep(2.1)
    assert api.call("GET", "/getAllListDetails").status_code == 200


def test_a_revoked_token_is_refused_from_then_on(sim, api):
    assert api.call("GET", "/getAllListDetails").status_code == 200
    sim.revoke(api.headers["auth"])
    assert api.call("GET", "/getAllListDetails").status_code == 401
    assert sim.requests[-1]["auth"] == "revoked"


def test_lists_created_in_one_millisecond_still_have_rising_created_at(sim):
    # which of two same-named lists is kept is decided by createdAt; a tie would be settled by the random ids
    stamps = [sim.store.get(sim.tenant.stream_id, sim.seed("Burst %d" % i)["_id"])["createdAt"] for i in range(50)]
    assert stamps == sorted(set(stamps))
