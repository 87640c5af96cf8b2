# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Whatever a server answers, each domain call returns a sound result or raises a short, clean KoreError.

Each example scripts the answers to every request one call sends (the last answer repeats once the script runs
out), through real HTTP: requests, urllib3's retries and ``Retry-After``, the domain's own loops. Waits are
simulated: a fake clock moves on when the code sleeps.
"""

from __future__ import annotations

import os
import tempfile
import time
from unittest import mock

import pytest
from hypothesis import example, given
from strategies import ANSWERS, LIST_ID, LIST_NAME

from scripted import Answer

from ansible_collections.kore.ai.plugins.module_utils._auth import mint_token
from ansible_collections.kore.ai.plugins.module_utils._client import KoreClient
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.contacts_sync import sync
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.describe import describe_lists
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.engine import (
    ensure_absent,
    ensure_list_absent,
    ensure_present,
)
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import ContactLists, ListSpec
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.list_set import ensure_set
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.work import ListWork
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import Contacts
from ansible_collections.kore.ai.plugins.module_utils._backup.file import Backup
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import Wanted
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError

SECRET = "fuzz-client-secret-0123456789abcdef"
TOKEN = mint_token("cs-fuzz", SECRET)
MAX_MESSAGE = 1000          # "short": the detail Kore sent is cut at 300 characters
MAX_REQUESTS = 60           # per call: retries x reads x pages, all bounded
MAX_SLEPT = 30 * 60         # simulated seconds of backoff and waiting per call
NAMES_THE_REQUEST = ("GET ", "POST ", "PUT ", "DELETE ", "list all", "getAllContacts", "contact list", "contacts")
HELD = {"_id": LIST_ID, "name": LIST_NAME, "campaignInUse": [], "allowDuplicates": False, "description": "d"}


CALLS = {
    "absent by id": lambda lists, contacts: ensure_absent(lists, ListSpec(list_id=LIST_ID)),
    "absent by name": lambda lists, contacts: ensure_absent(lists, ListSpec(name=LIST_NAME)),
    "absent by id, forced": lambda lists, contacts: ensure_absent(
        lists, ListSpec(list_id=LIST_ID), ListWork(force=True)),
    "absent, contacts kept": lambda lists, contacts: ensure_list_absent(
        lists, contacts, ListSpec(list_id=LIST_ID), ListWork(return_contacts=True)),
    "absent, backed up": lambda lists, contacts: ensure_list_absent(
        lists, contacts, ListSpec(name=LIST_NAME), ListWork(backup=Backup(BACKUP))),
    "present by name": lambda lists, contacts: ensure_present(
        lists, ListSpec(name=LIST_NAME, description="d", allow_duplicates=True)),
    "present by id": lambda lists, contacts: ensure_present(lists, ListSpec(list_id=LIST_ID, description="new")),
    "info": lambda lists, contacts: describe_lists(lists, ListSpec()),
    "info by name": lambda lists, contacts: describe_lists(lists, ListSpec(name=LIST_NAME)),
    "contacts added": lambda lists, contacts: sync(lists, contacts, dict(HELD),
                                                   ListWork(wanted=Wanted.of([{"phoneNumber": "+1"}]))),
    "contacts purged": lambda lists, contacts: sync(lists, contacts, dict(HELD),
                                                    ListWork(wanted=Wanted.of([{"phoneNumber": "+1"}]),
                                                             purge_contacts=True)),
    "set with purge": lambda lists, contacts: ensure_set(lists.client, [{"name": LIST_NAME, "description": "d",
                                                                         "contacts": [{"phoneNumber": "+1"}]}],
                                                         purge=True, parallel=1),
}
ABSENT = ("absent by id", "absent by name", "absent, contacts kept", "absent, backed up")
BACKUP = os.path.join(tempfile.mkdtemp(prefix="kore-fuzz-"), "backup.csv")


def run(scripted, call, answers, new_clock):
    """Play ``answers`` to one call; (result or KoreError, the requests it sent, simulated seconds slept)."""
    scripted.play(answers)
    fake = new_clock(0.0)
    client = KoreClient.of(scripted.url, "st-fuzz", "5f0e1d2c3b4a596877665544", TOKEN, retries=2, timeout=5,
                           secrets=(SECRET,))
    contacts = Contacts(client, wait_timeout=20, sleep=fake.sleep, clock=fake)
    # kore_contact_lists builds its own pacer and Contacts, which read time.monotonic: the fake clock, so their
    # pauses and waits are simulated too
    with mock.patch.object(time, "sleep", fake.sleep), mock.patch.object(time, "monotonic", fake):
        try:
            outcome = CALLS[call](ContactLists(client), contacts)
        except KoreError as exc:
            outcome = exc
    return outcome, list(scripted.log), fake.now


def understood_list_all(log, absent):
    """The proof of absence: a list all that Kore answered in its envelope, without the list."""
    for request in log:
        if request.last_segment == "getAllListDetails" and request.answer.understood:
            data = request.answer.json().get("data")
            if isinstance(data, list) and not any(isinstance(i, dict) and absent(i) for i in data):
                return True
    return False


def assert_writes_follow_understood_answers(log, forced):
    """A write goes out only after an answer the client understood, or as a retry the policy allows."""
    for index, request in enumerate(log):
        if request.method == "GET":
            continue
        if index == 0:
            assert forced and request.method == "DELETE", "a write before any read"
            continue
        before = log[index - 1]
        if (before.method, before.path) == (request.method, request.path) and not before.answer.understood:
            # a retry: POST only after 429 (anything else may have created a list or added contacts)
            assert request.method != "POST" or before.answer.status == 429, (before.answer, request.method)
            continue
        assert before.answer.understood, "%s %s after %r" % (request.method, request.path, before.answer)


@pytest.mark.parametrize("call", sorted(CALLS))
@given(answers=ANSWERS)
@example(answers=[Answer(429, [("Retry-After", "soon")], b""), Answer(200, [], b"{}")])
@example(answers=[Answer(503, [("Retry-After", "-1")], b"<html>")])
@example(answers=[Answer(100, [], b"")])
@example(answers=[Answer(200, [], b'{"status": "success", "data": [{"_id": "cl-other"}]}', cut=3)])
@example(answers=[Answer(404, [], b""), Answer(200, [], b'{"status": "success", "data": []}')])
# found: requests failed with UnicodeDecodeError on a Location header that is not UTF-8, even without redirects
@example(answers=[Answer(301, [("Location", "\x80")], b"")])
# found (make fuzz): a create answered with something other than a record ended in KeyError or TypeError
@example(answers=[Answer(200, [], b'{"status": "success", "data": {"results": [{"_id": "", "phoneNumber": null}], '
                                  b'"hasMore": false, "totalResults": 0}}')])
# found: a listed entry without _id, named as wanted, ended in "an id used in a URL must be a non-empty string"
@example(answers=[Answer(200, [], b'{"status": "success", "data": [{"_id": null, "name": "Fuzz"}]}')])
# found by the write rule: a twin that could not be read made a run delete its own new list
@example(answers=[Answer(200, [], b'{"status": "success", "data": []}'),
                  Answer(200, [], b'{"status": "success", "data": {"_id": "cl-fuzz-0001", "name": "Fuzz"}}'),
                  Answer(200, [], b'{"status": "success", "data": [{"_id": "cl-fuzz-0001", "name": "Fuzz"}, '
                                  b'{"_id": "cl-0", "name": "Fuzz"}]}'),
                  Answer(404, [], b"")])
# found (make fuzz, set with purge): a list all entry whose name is a list ended in TypeError (unhashable)
@example(answers=[Answer(200, [], b'{"status": "success", "data": [{"_id": "cl-fuzz-0001", "name": []}]}')])
# found (make fuzz, set with purge): after a create answered with an empty 200, the purge still sent its DELETE
@example(answers=[Answer(200, [], b'{"status": "success", "data": [{"_id": "cl-other", "name": "Other"}]}'),
                  Answer(200, [], b"")])
# found (make fuzz, set with purge): the message for two lists of a managed name named no request
@example(answers=[Answer(200, [], b'{"status": "success", "data": [{"_id": "cl-fuzz-0001", "name": "Fuzz"}, '
                                  b'{"_id": "cl-fuzz-0002", "name": "Fuzz"}]}')])
@example(answers=[Answer(200, [], b'{"status": "success", "data": [{"_id": "cl-fuzz-0001", "name": "Fuzz"}, '
                                  b'{"_id": "cl-fuzz-0001", "name": "Fuzz"}]}')])
# found (make fuzz, absent by name): a campaignInUse that is not a list ended in TypeError
@example(answers=[Answer(200, [], b'{"status": "success", "data": [{"_id": "cl-fuzz-0001", "name": "Fuzz", '
                                  b'"campaignInUse": 1.0}]}')])
# found (make fuzz, absent by name): a list all answered 205 Reset Content was taken as proof of absence
@example(answers=[Answer(205, [], b'{"status": "success", "data": []}')])
@example(answers=[Answer(201, [], b'{"status": "success", "data": []}')])
# found (make fuzz SEED=444716602, absent, contacts kept): a list read answered with an empty envelope
# while list all named it failed with a message that named no request
@example(answers=[Answer(200, [], b'{}'),
                  Answer(200, [], b'{"status": "success", "data": [{"_id": "cl-fuzz-0001", "name": "Fuzz"}]}')])
def test_any_answer_gives_a_sound_result_or_a_clean_error(scripted, call, answers, new_clock):
    if os.path.exists(BACKUP):
        os.unlink(BACKUP)
    outcome, log, slept = run(scripted, call, answers, new_clock)
    assert 0 < len(log) <= MAX_REQUESTS and slept <= MAX_SLEPT
    if isinstance(outcome, KoreError):
        message = str(outcome)
        assert message and len(message) <= MAX_MESSAGE, message
        assert any(words in message for words in NAMES_THE_REQUEST), message
    else:
        message = repr(vars(outcome)) if hasattr(outcome, "__dict__") else repr(outcome)
    assert SECRET not in message and TOKEN not in message
    assert_writes_follow_understood_answers(log, forced=call == "absent by id, forced")
    by_name = call in ("absent by name", "absent, backed up")
    if call in ABSENT and not isinstance(outcome, KoreError) and not outcome.changed:
        assert understood_list_all(log, lambda item: item.get("name" if by_name else "_id") == (
            LIST_NAME if by_name else LIST_ID)), "reported absent without proof: %r" % [r.answer for r in log]
    if call.startswith("absent") and not isinstance(outcome, KoreError) and outcome.changed:
        assert any(r.method == "DELETE" for r in log) and isinstance(outcome.record, dict)
    if call == "absent, backed up" and any(r.method == "DELETE" for r in log):
        # nothing is deleted before every contact was read and written
        assert os.path.exists(BACKUP) and os.listdir(os.path.dirname(BACKUP)) == ["backup.csv"], log
