# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The identities' table answers as a dict would, for any identities and any sequence of operations.

A mistake here means a declared contact never sent, or one sent twice: so every operation the declared contacts
use is checked against a dict, through the table's growth from 16 slots and its probes' wrap at the end.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from ansible_collections.kore.ai.plugins.module_utils._contacts.identities import Identities

# few distinct identities, so that operations meet the same ones again; any text, lone surrogates included
IDENTITIES = st.one_of(st.sampled_from(["p:+1", "u:1", "p:1", "u:", "p:", ""]),
                       st.builds("{0}:{1}".format, st.sampled_from("pu"), st.text(max_size=6)))
STATES = st.integers(min_value=0, max_value=3)


class TableAgainstDict(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.table, self.model = Identities(), {}

    @rule(identity=IDENTITIES, state=STATES)
    def add(self, identity, state):
        assert self.table.add(identity, state) == (identity not in self.model)
        self.model.setdefault(identity, state)

    @rule(identity=IDENTITIES, state=STATES)
    def set(self, identity, state):
        self.table[identity] = self.model[identity] = state

    @rule(identity=IDENTITIES, state=STATES)
    def replace(self, identity, state):
        before = self.model.get(identity)
        assert self.table.replace(identity, state) == before
        if before is not None:
            self.model[identity] = state

    @rule(identity=IDENTITIES)
    def read(self, identity):
        assert self.table.get(identity) == self.model.get(identity)
        assert (identity in self.table) == (identity in self.model)

    @rule(state=STATES)
    def reset(self, state):
        self.table.reset(state)
        self.model = dict.fromkeys(self.model, state)

    @rule(many=st.lists(IDENTITIES, min_size=20, max_size=60))
    def add_many(self, many):
        for identity in many:
            self.add(identity, 0)

    @invariant()
    def same_as_the_dict(self):
        assert len(self.table) == len(self.model)
        for state in range(4):
            assert self.table.count(state) == sum(1 for s in self.model.values() if s == state)
        assert all(self.table[identity] == state for identity, state in self.model.items())


TestTableAgainstDict = TableAgainstDict.TestCase
