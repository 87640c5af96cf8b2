# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Where a request goes: the host a user gives, values that travel in headers and paths, a resource's route.

The wire client builds every URL from these; it knows Kore's API families (``v2``, ``v1.1``), not what a path
means: a resource (``_resource.py``) says which path it lives at.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit

from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError

_FORBIDDEN_IN_HOST = re.compile(r"[\s\\]")
_HOST_NAME = re.compile(r"^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.?)+\Z|^[0-9a-f:.]+\Z")  # DNS name, IPv4 or IPv6
_HEADER_VALUE = re.compile(r"^[\x21-\x7e]+\Z")  # printable ASCII, no spaces: what an HTTP header carries safely


class Route(object):
    """One path of Kore's API: the family it belongs to (``v2``: ``/campaign/api/v2/public/{streamId}``,
    ``v2-trigger``: ``/api/v2/public/{streamId}``, where Kore prints the voice campaign trigger, ``v1.1``:
    ``/api/1.1/public/{iid}``), its segments below that, whether ``accountId`` goes in the query, and how messages
    name it (the segments from ``shown_from`` on, e.g. ``<resource>/<id>``). :data:`EMPTY` is an empty segment where
    Kore prints one (the sms stop path's ``campaign//trigger``); any other segment is a value, never empty."""

    EMPTY = object()

    def __init__(self, api, segments, *, account_query=True, shown_from=0):
        self.api, self.segments, self.account_query = api, tuple(segments), account_query
        self.shown_from = shown_from
        self.shown = "/".join("" if s is self.EMPTY else s for s in self.segments[shown_from:])

    def below(self, *segments):
        """The route of ``segments`` below this one, in the same family, told the same way."""
        return Route(self.api, self.segments + segments, account_query=self.account_query, shown_from=self.shown_from)

    @property
    def path(self):
        return "".join("/" + ("" if s is self.EMPTY else path_segment(s)) for s in self.segments)


def base_url(host):
    """``https://platform.kore.ai``, ``platform.kore.ai`` or ``http://127.0.0.1:8080`` -> ``scheme://host[:port]``."""
    if not isinstance(host, str) or not host.strip():
        raise KoreInputError("host must be a host name or an http(s) URL, got an empty value")
    if _FORBIDDEN_IN_HOST.search(host):
        raise KoreInputError("host %r contains white space or a backslash" % host)
    url = host if "://" in host else "https://" + host
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise KoreInputError("host %r is not a valid URL: %s" % (host, exc))
    if parts.scheme not in ("http", "https"):
        raise KoreInputError("host %r: only http and https URLs are supported" % host)
    if not parts.hostname:
        raise KoreInputError("host %r has no host name" % host)
    if not _HOST_NAME.match(parts.hostname) or (":" in parts.hostname) != parts.netloc.startswith("["):
        raise KoreInputError("host %r: %r is not a host name or IP address" % (host, parts.hostname))
    if parts.username is not None or parts.password is not None:
        raise KoreInputError("host must not carry user:password@; authenticate with jwt or client_id/client_secret")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise KoreInputError(
            "host %r must be only scheme, host name and port, without a path, query or fragment" % host)
    netloc = parts.hostname if ":" not in parts.hostname else "[%s]" % parts.hostname
    return "%s://%s%s" % (parts.scheme, netloc, "" if port is None else ":%d" % port)


def header_value(option, value, secret=False):
    """Refuse a value that could not travel as one HTTP header value (CR, LF, spaces, non-ASCII)."""
    if not isinstance(value, str) or not _HEADER_VALUE.match(value):
        raise KoreInputError("%s must be printable ASCII without spaces, since it is sent as an HTTP header%s"
                             % (option, "" if secret else ", got %r" % (value,)))
    return value


def path_segment(value):
    """Quote a value so that it stays one path segment, whatever it holds (``/``, ``..``, ``?``, ``%2F``)."""
    if not isinstance(value, str) or value == "":
        raise KoreInputError("an id used in a URL must be a non-empty string")
    # quote() keeps '.', and URL libraries collapse '.' and '..' segments: encode dots as well.
    return quote(value, safe="").replace(".", "%2E")


def proxy_passwords(proxies):
    """Passwords of ``proxies`` (requests' scheme to proxy URL, ``http://user:password@proxy``), to redact."""
    found = []
    for proxy in proxies.values():
        try:
            password = urlsplit(proxy if "://" in proxy else "http://" + proxy).password
        except ValueError:
            continue
        if password:
            found += [password, unquote(password)]
    return tuple(found)
