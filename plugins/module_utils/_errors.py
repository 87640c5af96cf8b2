# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The few errors the wire client raises; every answer Kore gives maps to one of them."""

from __future__ import annotations

import contextlib
import traceback


class KoreError(Exception):
    """Base: anything that went wrong talking to Kore. ``str()`` is safe to show a user."""

    # Set by the wire client when a retried request failed after an attempt Kore may have acted on.
    earlier_attempt_may_have_applied = False
    # Return values of what the task had done before it failed (see with_done): None when nothing
    done = None

    def __init__(self, message, status=None, method=None, path=None):
        super().__init__(message)
        self.status = status
        self.method = method
        self.path = path


class KoreInputError(KoreError):
    """Refused before any request: a malformed host, id, name or option."""


class KoreTransportError(KoreError):
    """No usable HTTP answer: DNS, refused or dropped connection, TLS, timeout."""


class KoreAuthError(KoreError):
    """401 / 403, or Kore's "Invalid SDK credentials": the token or app is not accepted."""

    # False for a 403 without Kore's "Invalid SDK credentials": the request was refused, not (surely) the token
    token_refused = True


class KoreNotFoundError(KoreError):
    """404. Kore does not say *what* was not found: the item asked for, or the bot, account or host."""


class KoreRateLimitError(KoreError):
    """429 still answered after every retry."""


class KoreServerError(KoreError):
    """5xx still answered after every retry. For POST, the request may have been applied."""


class KoreRequestError(KoreError):
    """Any other 4xx: Kore refused the request as given (validation, conflict, ...)."""


class KoreAbandonedError(KoreError):
    """Nobody waits for the task's answer any more: nothing further is sent."""


class KoreConflictError(KoreError):
    """The wanted item cannot be told apart or may not be changed: its name twice, or in use by other items, or
    running."""


class KoreInUseError(KoreConflictError):
    """The item is in use and the option that overrides that is not set: it is kept."""


class KoreProtocolError(KoreError):
    """An answer that is not the documented JSON envelope: wrong host, proxy page, API change."""


WRITES = ("POST", "PUT", "DELETE")


def may_have_changed(exc):
    """Whether a failure leaves Kore possibly changed: it says so (``done``), or a write it ended may have been
    carried out by an earlier attempt. The one rule every module's ``changed`` follows after a failure."""
    return bool((exc.done or {}).get("changed")) or (
        exc.earlier_attempt_may_have_applied and (exc.method or "").upper() in WRITES)


def with_done(exc, note, **done):
    """``exc`` told what the task had already done, such as a delete: its message gains ``note``, and the
    failed task's result ``done`` (return values), so that a destructive step is never reported as unchanged."""
    error = type(exc)("%s. %s" % (str(exc).rstrip("."), note), exc.status, exc.method, exc.path)
    error.earlier_attempt_may_have_applied = exc.earlier_attempt_may_have_applied
    error.done = dict(exc.done or {}, **done)
    return error


def written_to(backup_result):
    """For a message about what was done: where what was removed went first, from a backup's result (empty: no backup
    was written)."""
    return "; they were written to %s first" % backup_result["backup_file"] if backup_result else ""


@contextlib.contextmanager
def reported_after(note, **done):
    """Any failure inside happens after a change (an item deleted, recreated, added to): it is reported with
    ``note`` and ``done`` and ``changed: true``, never as unchanged. A bug of ours is told the same way."""
    try:
        yield
    except KoreError as exc:
        raise with_done(exc, note, changed=True, **done)
    except Exception as exc:  # pylint: disable=broad-except
        raise with_done(KoreError("Unexpected %s: %s" % (type(exc).__name__, exc)), note, changed=True,
                        exception=traceback.format_exc(), **done)
