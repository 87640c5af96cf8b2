# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a contact is: identity, cleaning of the contacts option, phone numbers, what a read of a list holds."""

from __future__ import annotations

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contacts.model import (
    HELD,
    NEW,
    Held,
    Wanted,
    clean,
    key,
    phone_number,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


def test_identity_is_unique_id_first_and_clean_drops_kore_fields():
    assert key({"phoneNumber": "+1", "uniqueId": "u"}) == "u:u" and key({"phoneNumber": "+1"}) == "p:+1"
    assert key({"phoneNumber": "+1", "uniqueId": ""}) == "p:+1" and key({"phoneNumber": 15, "uniqueId": 7}) == "u:7"
    read_back = {"_id": "cc-1", "createdAt": "t", "updatedAt": "t", "phoneNumber": "+1", "lastName": None,
                 "contactPriority": 2}
    assert clean([read_back]) == [{"phoneNumber": "+1", "contactPriority": 2}]
    with pytest.raises(KoreInputError, match="contacts must be a list"):
        clean({"phoneNumber": "+1"})


def test_a_contact_matches_by_its_own_identity():
    wanted = Wanted.of([{"phoneNumber": "+1"},                     # no uniqueId: the number is held
                        {"phoneNumber": "+1", "uniqueId": "u-9"},  # another person on the same number
                        {"phoneNumber": "+3", "uniqueId": "u-1"}])  # same person, new number: held (no update API)
    held = Held(wanted, keep=20000)
    held.see([{"phoneNumber": "+1", "uniqueId": "u-1"}, {"phoneNumber": "+2"}])
    assert len(wanted.states) == 3
    assert (wanted.states["p:+1"], wanted.states["u:u-9"], wanted.states["u:u-1"]) == (HELD, NEW, HELD)
    assert (held.count, held.others, held.others_sample) == (2, 1, ["phoneNumber +2"])
    assert held.keys == ["uniqueId u-1", "phoneNumber +2"] and held.complete


def test_held_keeps_identities_only_while_they_are_few():
    held = Held(Wanted.of([]), keep=3)
    held.see([{"phoneNumber": "+%d" % i} for i in range(20)])
    assert len(held.keys) == 3 and not held.complete
    assert held.count == held.others == 20 and len(held.others_sample) == 10


@pytest.mark.parametrize("given, sent", [
    ("+4915112345678", "+4915112345678"), (" +4915112345678 ", "+4915112345678"), ("0049151", "0049151"),
    ("\t15550100\r\n", "15550100"),
    # as Kore may hold them: a backup of such a list must restore
    ("+1 555-010-0001", "+1 555-010-0001"), ("(555) 010-0002", "(555) 010-0002"), ("+49 151", "+49 151"),
    ("555.010.0003", "555.010.0003")])
def test_a_phone_number_loses_its_surrounding_spaces(given, sent):
    assert phone_number(given) == sent
    assert clean([{"phoneNumber": given}]) == [{"phoneNumber": sent}]


@pytest.mark.parametrize("given, message", [
    ("4.91511E+12", "is a number as a spreadsheet formats it"),
    ("4,91511e12", "is a number as a spreadsheet formats it"),
    ("+49 151 CALL", "(it holds 'C')"),
    ("4915110000000.0", "is a number as a spreadsheet formats it"),
    ("--1", "an optional + and digits only"),
    ("+4915112345678;Ada", "(it holds ';')"),
    ("+49\t151", "(it holds '\\t')"),
    ("CALL-ME", "(it holds 'C')"),
    ("+", "an optional + and digits only"),
    ("++49", "an optional + and digits only"),
    ("\u0661\u0662", "(it holds '\\u0661')"),  # digits, but not ASCII ones
])
def test_anything_but_plus_and_digits_is_refused(given, message):
    with pytest.raises(ValueError) as caught:
        phone_number(given)
    assert message in str(caught.value)
    with pytest.raises(KoreInputError, match="contacts\\[1\\]: phoneNumber "):
        clean([{"phoneNumber": given}])
