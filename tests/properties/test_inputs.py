# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every value a user can give is refused with KoreInputError before any request, or stays inside its place.

Its place: one URL path segment (ids), one HTTP header value without CR or LF (account, iid, token), one JSON
string or value (names, descriptions, contacts), a number the transport can use (timeout, retries, ...).
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from hypothesis import example, given
from hypothesis import strategies as st
from strategies import CONTACTS, HOSTS, NUMBERS, TEXT

from scripted import Answer

from ansible_collections.kore.ai.plugins.module_utils._client import KoreClient, base_url
from ansible_collections.kore.ai.plugins.module_utils._connection import connect
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.entity import validate
from ansible_collections.kore.ai.plugins.module_utils._contact_lists.resource import CONTACT_LISTS
from ansible_collections.kore.ai.plugins.module_utils._contacts.adding import Contacts
from ansible_collections.kore.ai.plugins.module_utils._contacts.model import clean
from ansible_collections.kore.ai.plugins.module_utils._contacts.resource import add_route
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreError, KoreInputError
from ansible_collections.kore.ai.plugins.module_utils._pacer import Pacing

TOKEN = "header.payload.signature"
NOT_FOUND = Answer(404, body=b'{"errors": [{"msg": "Not Found", "code": 404}]}')
ACCEPTED = Answer(200, body=b'{"message": "Adding contacts to public list is in progress"}')


@given(HOSTS)
@example("http://[::1]:8080")
@example("platform.kore.ai:70000")
@example("\x1b")  # found: a control character was taken for a host name
def test_a_host_is_refused_or_becomes_a_bare_base_url(host):
    try:
        base = base_url(host)
    except KoreInputError:
        return
    parts = urlsplit(base)
    assert parts.scheme in ("http", "https") and parts.hostname
    assert (parts.path, parts.query, parts.fragment, parts.username, parts.password) == ("", "", "", None, None)
    assert base_url(base) == base and base.isprintable() and " " not in base


@given(list_id=TEXT, stream_id=TEXT, account_id=TEXT, iid=st.one_of(st.none(), TEXT))
@example(list_id="../getAllListDetails", stream_id="st-1", account_id="a\r\nX-Injected: 1", iid=None)
@example(list_id="cl-1", stream_id="st-1", account_id="acc", iid="é")
@example(list_id="%2E%2E", stream_id="..", account_id="acc", iid=None)
def test_ids_stay_one_path_segment_and_one_header_value(scripted, list_id, stream_id, account_id, iid):
    scripted.play([NOT_FOUND])
    try:
        validate(list_id=list_id)
        client = KoreClient.of(scripted.url, stream_id, account_id, TOKEN, iid=iid, retries=0, timeout=5)
    except KoreInputError:
        assert scripted.log == []
        return
    try:
        client.request("GET", CONTACT_LISTS.route(list_id))
    except KoreError:
        pass
    (sent,) = scripted.log
    segments = sent.path.split("/")
    assert segments[:5] == ["", "campaign", "api", "v2", "public"] and segments[6:8] == ["campaign", "contactList"]
    assert len(segments) == 9 and unquote(segments[5]) == stream_id and unquote(segments[8]) == list_id
    assert sent.headers["accountId"] == account_id and sent.query["accountId"] == [account_id]
    assert sent.headers["iid"] == (iid or stream_id) and sent.headers["auth"] == TOKEN


@given(name=st.one_of(st.none(), TEXT), description=st.one_of(st.none(), TEXT))
def test_names_and_descriptions_travel_as_one_json_string(scripted, name, description):
    scripted.play([NOT_FOUND])
    try:
        validate(name=name, description=description)
    except KoreInputError:
        return
    body = {"name": name, "description": description}
    client = KoreClient.of(scripted.url, "st-1", "acc", TOKEN, retries=0)
    try:
        client.request("POST", CONTACT_LISTS.route("createContactList"), json=body)
    except KoreError:
        pass
    assert scripted.log[-1].body == body


@given(contacts=CONTACTS)
@example(contacts=[{"phoneNumber": "+1", "contactPriority": float("inf")}])
@example(contacts=[{"phoneNumber": "+1", "firstName": "\r\nX: y"}])
def test_contacts_are_refused_or_sent_as_given_json(scripted, contacts):
    scripted.play([ACCEPTED])
    try:
        cleaned = clean(contacts)
    except KoreInputError:
        return
    # what is sent as a phone number is one: an optional + and ASCII digits
    assert all(isinstance(c["phoneNumber"], str) and re.match(r"\+?[0-9]+\Z", c["phoneNumber"]) for c in cleaned)
    assert not any(key in c for c in cleaned for key in ("_id", "createdAt", "updatedAt"))
    client = KoreClient.of(scripted.url, "st-1", "acc", TOKEN, retries=0)
    if cleaned:
        client.request("POST", add_route(), json={"contact_list_name": "QA", "data": cleaned})
        assert scripted.log[-1].body == {"contact_list_name": "QA", "data": cleaned}


@given(timeout=NUMBERS, retries=NUMBERS, parallel=NUMBERS, max_rate=st.one_of(st.none(), NUMBERS),
       wait_timeout=NUMBERS)
@example(timeout=2 ** 70, retries=0, parallel=1, max_rate=None, wait_timeout=1)
def test_numbers_are_refused_or_usable(scripted, timeout, retries, parallel, max_rate, wait_timeout):
    scripted.play([NOT_FOUND])
    params = dict(host=scripted.url, stream_id="st-1", account_id="acc", iid=None, jwt=TOKEN, client_id=None,
                  client_secret=None, validate_certs=True, ca_path=None, timeout=timeout, retries=retries)
    try:
        client = connect(params)
        Pacing(parallel, max_rate)
        Contacts(client, wait_timeout)
    except KoreInputError:
        return
    try:
        client.request("GET", CONTACT_LISTS.route("cl-1"))  # the transport takes the timeout and the retries as they are
    except KoreError as exc:
        assert "404" in str(exc)
