# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A failure after a destructive step keeps saying what was done."""

from __future__ import annotations

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreNotFoundError, KoreServerError, with_done


def test_with_done_keeps_the_kind_the_status_and_what_was_done_before():
    first = KoreServerError("Kore answered 503.", 503, "DELETE", "contactList/cl-1")
    first.earlier_attempt_may_have_applied = True
    once = with_done(first, "Its contacts had been written to /b.csv first", backup_file="/b.csv")
    twice = with_done(once, "It had been created again as cl-2", recreated={"old_id": "cl-1", "new_id": "cl-2"})
    assert isinstance(twice, KoreServerError)
    assert (twice.status, twice.method, twice.path) == (503, "DELETE", "contactList/cl-1")
    assert str(twice) == ("Kore answered 503. Its contacts had been written to /b.csv first. It had been created "
                          "again as cl-2")
    assert twice.earlier_attempt_may_have_applied
    assert twice.done == {"backup_file": "/b.csv", "recreated": {"old_id": "cl-1", "new_id": "cl-2"}}
    assert first.done is None  # the original is left as it was


def test_an_error_without_anything_done_has_no_done():
    assert KoreNotFoundError("404").done is None and not KoreNotFoundError("404").earlier_attempt_may_have_applied
