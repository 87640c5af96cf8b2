# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The simulator's routes as data: a row answers its methods at its path, values are handed on, a literal of
any row is never taken for a value, and anything else is Kore's 404."""

from __future__ import annotations

from kore_sim.answers import NOT_FOUND
from kore_sim.routes import VALUE, Routes


def echo(name):
    return lambda context, stream, query, body, *values: (200, (name, context, stream, values))


ROUTES = Routes(
    (("POST",), ("create",), echo("create")),
    (("GET",), (VALUE, "items"), echo("items")),
    (("GET", "DELETE"), (VALUE,), echo("one")),
)


def test_a_row_answers_its_methods_at_its_path_with_the_values_it_holds():
    assert ROUTES.answer("ctx", "POST", "st-1", ["create"], {}, {}) == (200, ("create", "ctx", "st-1", ()))
    items = ROUTES.answer("ctx", "GET", "st-1", ["cl-1", "items"], {}, None)
    assert items == (200, ("items", "ctx", "st-1", ("cl-1",)))
    assert ROUTES.answer("ctx", "DELETE", "st-1", ["cl-1"], {}, None)[1][0] == "one"


def test_a_literal_is_no_value_and_anything_unrouted_is_kores_404():
    assert ROUTES.answer("ctx", "GET", "st-1", ["create"], {}, None) == (404, NOT_FOUND)
    assert ROUTES.answer("ctx", "PUT", "st-1", ["cl-1"], {}, {}) == (404, NOT_FOUND)
    assert ROUTES.answer("ctx", "GET", "st-1", ["", "items"], {}, None) == (404, NOT_FOUND)
    assert ROUTES.answer("ctx", "GET", "st-1", ["cl-1", "items", "more"], {}, None) == (404, NOT_FOUND)
