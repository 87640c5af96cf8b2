# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Identities and their states, in about 28 bytes each rather than a hundred: the declared contacts', and the ids
of the contacts of a list being read.

A dict of a million identity strings takes about 97 MB and is built of a million small objects that thread arenas
keep after they are freed; a list of Kore's size must fit beside the Ansible worker in a few hundred MB. So each
identity is kept as its 128-bit BLAKE2b digest, in flat arrays (an open-addressing table, linear probing): two
distinct identities share a digest with a chance of about 1e-27 in a list of a million.
"""

from __future__ import annotations

import hashlib
from array import array

_EMPTY = 255                # the state of a free slot; a contact's states are small numbers (model.NEW ...)
_LOAD = 0.6                 # at most this share of slots used: a probe looks at about 2 slots on average
_LOW = (1 << 64) - 1


def _digest(identity):
    # surrogatepass: an identity read from Kore's JSON may hold a lone surrogate, which must not end the task
    raw = hashlib.blake2b(identity.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    value = int.from_bytes(raw, "little")
    return value >> 64, value & _LOW


class Identities(object):
    """identity (a :func:`~.model.key` string) -> state: the part of a mapping the declared contacts use.

    ``expected``: how many identities will be put in, when known, so that the table is not rebuilt as it grows.
    """

    def __init__(self, expected=0):
        self._used = 0
        self._allocate(max(int(expected / _LOAD) + 1, 16))

    def _allocate(self, capacity):
        self._capacity = capacity
        self._high = array("Q", (0,)) * capacity
        self._low = array("Q", (0,)) * capacity
        self._states = array("B", (_EMPTY,)) * capacity

    def _find(self, high, low):
        """The slot holding this digest, or the free slot where it belongs."""
        capacity, highs, lows, states = self._capacity, self._high, self._low, self._states
        slot = low % capacity
        while states[slot] != _EMPTY and (lows[slot] != low or highs[slot] != high):
            slot = (slot + 1) % capacity
        return slot

    def __len__(self):
        return self._used

    def __contains__(self, identity):
        return self.get(identity) is not None

    def get(self, identity, default=None):
        state = self._states[self._find(*_digest(identity))]
        return default if state == _EMPTY else state

    def __getitem__(self, identity):
        state = self.get(identity)
        if state is None:
            raise KeyError(identity)
        return state

    def add(self, identity, state):
        """Put a new identity in; False, and nothing changed, when it is already there."""
        return self._put(identity, state, replace=False)

    def __setitem__(self, identity, state):
        self._put(identity, state, replace=True)

    def _put(self, identity, state, replace):
        """Whether the identity was new; one digest and one probe either way (a million contacts are sent)."""
        high, low = _digest(identity)
        slot = self._find(high, low)
        if self._states[slot] != _EMPTY:
            if replace:
                self._states[slot] = state
            return False
        if self._used + 1 > self._capacity * _LOAD:
            self._grow()
            slot = self._find(high, low)
        self._high[slot], self._low[slot], self._states[slot] = high, low, state
        self._used += 1
        return True

    def replace(self, identity, state):
        """The state the identity had, now ``state``; None, and nothing put in, when it is not there."""
        slot = self._find(*_digest(identity))
        before = self._states[slot]
        if before == _EMPTY:
            return None
        self._states[slot] = state
        return before

    def count(self, *states):
        return sum(self._states.count(state) for state in set(states))

    def reset(self, state):
        """Every identity's state becomes ``state``."""
        every_to_state = bytes(_EMPTY if byte == _EMPTY else state for byte in range(256))
        self._states = array("B", self._states.tobytes().translate(every_to_state))

    def _grow(self):
        highs, lows, states = self._high, self._low, self._states
        self._allocate(self._capacity * 2)
        for old in range(len(states)):
            if states[old] != _EMPTY:
                slot = self._find(highs[old], lows[old])  # every digest is new here: the free slot it belongs in
                self._high[slot], self._low[slot], self._states[slot] = highs[old], lows[old], states[old]
