# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Routes as data, as the collection's resources are: each call the simulator serves is one row of a table
(methods, the path's segments below the family's root, the function that answers), so that the calls a resource
has are read at a glance and a new one is a row."""

from __future__ import annotations

from kore_sim.answers import NOT_FOUND

VALUE = "{}"   # a segment that is a value (an id), given to the answering function


class Routes(object):
    """A table of ``(methods, pattern, answer)`` rows, tried in order. A pattern is a tuple of segments, each a
    literal or :data:`VALUE`; a value never takes a literal of any row's pattern (``GET createContactList`` is no
    list id). ``answer(context, stream, query, body, *values)`` returns ``(status, body)``."""

    def __init__(self, *rows):
        self.rows = rows
        self.literals = set(s for dummy, pattern, dummy in rows for s in pattern if s != VALUE)

    def answer(self, context, method, stream, rest, query, body):
        for methods, pattern, answer in self.rows:
            values = self._values(pattern, rest)
            if method in methods and values is not None:
                return answer(context, stream, query, body, *values)
        return 404, NOT_FOUND

    def _values(self, pattern, rest):
        if len(pattern) != len(rest):
            return None
        values = []
        for want, segment in zip(pattern, rest):
            if want == VALUE:
                if not segment or segment in self.literals:
                    return None
                values.append(segment)
            elif want != segment:
                return None
        return values
