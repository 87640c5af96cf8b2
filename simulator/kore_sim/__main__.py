# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the simulator by hand.

    python -m kore_sim serve [--port 8080]            serve until Ctrl-C, printing the KORE_* variables
    python -m kore_sim run -- ansible-playbook x.yml   serve on a free port, run a command with KORE_* set, stop
    python -m kore_sim run --dnc-list "Do not call" -- ansible-playbook docs/demo.yml    (what make demo runs)
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading

from kore_sim.faults import Chaos
from kore_sim.server import Simulator, Tenant


def parse(argv):
    parser = argparse.ArgumentParser(prog="python -m kore_sim", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["serve", "run"])
    parser.add_argument("--bind", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="delay added to every API request")
    parser.add_argument("--add-delay-ms", type=float, default=1000.0,
                        help="how long an accepted addContacts takes to show in getAllContacts (default 1000)")
    parser.add_argument("--max-page", type=int, default=100, help="contacts per getAllContacts page at most")
    parser.add_argument("--refuse-larger-page", action="store_true",
                        help="refuse (400, naming --max-page) a getAllContacts limit above --max-page instead of "
                             "answering with --max-page contacts")
    parser.add_argument("--max-add", type=int, default=100, help="contacts per addContacts at most (400 beyond)")
    parser.add_argument("--rate-limit", type=int, default=None, help="API requests per --rate-window before 429")
    parser.add_argument("--rate-window", type=float, default=60.0,
                        help="seconds the --rate-limit counts over (default 60, as Kore's)")
    parser.add_argument("--chaos", type=float, default=0.0,
                        help="probability that an API request fails (429, 503, or a lost answer after a change)")
    parser.add_argument("--token-max-age", type=float, default=None,
                        help="refuse (401) tokens older than this many seconds after their iat, whatever their exp")
    parser.add_argument("--seed", type=int, default=0, help="seed of --chaos, for a reproducible run")
    parser.add_argument("--tls-cert", help="PEM certificate: serve HTTPS")
    parser.add_argument("--tls-key", help="PEM key of --tls-cert")
    parser.add_argument("--account-id", default=Tenant().account_id)
    parser.add_argument("--stream-id", default=Tenant().stream_id)
    parser.add_argument("--client-id", default=Tenant().client_id)
    parser.add_argument("--client-secret", default=os.environ.get("KORE_SIM_CLIENT_SECRET", Tenant().client_secret),
                        help="app secret the simulator checks tokens against (or KORE_SIM_CLIENT_SECRET)")
    parser.add_argument("--dnc-list", action="append", default=[], metavar="NAME",
                        help="a DNC list each bot holds from the start, as a bot's own DNC lists are made in Kore's "
                             "UI, not through this API (repeatable)")
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    # the command comes after "--": a positional REMAINDER would swallow the options given after the mode
    argv = list(argv)
    cut = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:cut])
    args.command = argv[cut + 1:]
    if args.mode == "run" and not args.command:
        parser.error("run needs a command after --")
    if args.mode == "serve" and cut < len(argv):
        parser.error("serve takes no command")
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    return args


def main(argv=None):
    args = parse(sys.argv[1:] if argv is None else argv)
    tenant = Tenant(args.account_id, args.stream_id, args.client_id, args.client_secret)
    sim = Simulator(args.bind, args.port, tenant, latency=args.latency_ms / 1000.0, rate_limit=args.rate_limit,
                    tls=(args.tls_cert, args.tls_key) if args.tls_cert else None, verbose=args.verbose,
                    chaos=Chaos(args.chaos, args.seed) if args.chaos else None,
                    add_delay=args.add_delay_ms / 1000.0, max_page=args.max_page, max_add_batch=args.max_add,
                    token_max_age=args.token_max_age, rate_window=args.rate_window)
    sim.refuse_larger_page = args.refuse_larger_page
    for stream in (tenant.stream_id, tenant.second_stream_id):
        for name in args.dnc_list:
            sim.store.seed(stream, tenant.account_id, name, "DNC list", listType="dnc")
    with sim:
        if args.mode == "run":
            env = dict(os.environ, **sim.env())
            print("kore_sim: Kore API simulator on %s; running %s" % (sim.url, " ".join(args.command)), file=sys.stderr, flush=True)
            return subprocess.call(args.command, env=env)
        print("Kore simulator listening on %s" % sim.url, flush=True)
        for key, value in sim.env().items():
            print("export %s=%s" % (key, value), flush=True)
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            stop.wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
