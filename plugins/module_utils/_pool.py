# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The urllib3 pool a client sends through: TLS verification as the options say, and the proxy the environment names."""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

try:
    import urllib3
except ImportError:  # reported by the module through missing_required_lib
    urllib3 = None


def pool_for(url, validate_certs=True, ca_path=None):
    """A pool manager for ``url`` and the proxy password to keep out of messages (or None).

    Certificates are checked against ``ca_path`` when given, else against the system's trusted CAs
    (``SSL_CERT_FILE`` and ``SSL_CERT_DIR`` are honoured by OpenSSL); ``validate_certs: false`` checks nothing.
    """
    if validate_certs:
        tls = dict(cert_reqs="CERT_REQUIRED", ca_certs=ca_path or None)
    else:
        tls = dict(cert_reqs="CERT_NONE", assert_hostname=False)
        # the user switched verification off on purpose: no warning on every request
        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    proxy = proxy_for(url)
    if proxy is None:
        return urllib3.PoolManager(num_pools=1, **tls), None
    proxy_url, headers, password = _split_credentials(proxy)
    return urllib3.ProxyManager(proxy_url, num_pools=1, proxy_headers=headers, **tls), password


def proxy_for(url):
    """The proxy that ``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY`` and ``NO_PROXY`` name for ``url``, or None.

    Read by the standard library, as curl and requests read them; a proxy given without scheme is ``http://``.
    """
    if not any(key.lower().endswith("_proxy") for key in os.environ):
        return None  # the common case, without importing urllib.request on every task
    import urllib.request  # pylint: disable=import-outside-toplevel

    proxies = urllib.request.getproxies_environment()
    parts = urlsplit(url)
    proxy = proxies.get(parts.scheme) or proxies.get("all")
    if not proxy or urllib.request.proxy_bypass_environment(parts.netloc, proxies):
        return None
    return proxy if "://" in proxy else "http://" + proxy


def _split_credentials(proxy):
    """``http://user:pass@proxy:3128`` -> URL without them, a Proxy-Authorization header, and the password."""
    parts = urlsplit(proxy)
    if parts.username is None:
        return proxy, None, None
    netloc = parts.netloc.rpartition("@")[2]
    user, password = unquote(parts.username), unquote(parts.password or "")
    headers = urllib3.util.make_headers(proxy_basic_auth="%s:%s" % (user, password))
    return parts._replace(netloc=netloc).geturl(), headers, password or None
