# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Make the collection importable as ansible_collections.kore.ai and the simulator as kore_sim; shared fixtures.

``sim`` is a running simulator, ``playbook`` runs real ansible-playbook against it, ``api_log`` reads what it saw.
"""

from __future__ import annotations

import concurrent.futures
import csv
import itertools
import json
import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLLECTIONS = os.path.join(ROOT, ".build", "collections")
LINK = os.path.join(COLLECTIONS, "ansible_collections", "kore", "ai")

if not os.path.islink(LINK):
    os.makedirs(os.path.dirname(LINK), exist_ok=True)
    os.symlink(os.path.relpath(ROOT, os.path.dirname(LINK)), LINK)
for path in (COLLECTIONS, os.path.join(ROOT, "simulator")):
    if path not in sys.path:
        sys.path.insert(0, path)

from kore_sim import Simulator  # noqa: E402  pylint: disable=wrong-import-position
from kore_sim.processes import kill_whole  # noqa: E402  pylint: disable=wrong-import-position
from kore_sim.server import serve_in_background  # noqa: E402  pylint: disable=wrong-import-position

# The integration tests that take many times the median (a soak, a table of rows, every module at -vvvv) start first:
# a parallel run (pytest -n) lasts as long as its busiest worker, and one of these begun last would end it alone.
LONGEST_FIRST = ("tests/integration/test_soak.py::", "tests/integration/test_hostile_input.py::test_every_row[",
                 "tests/integration/test_secrets.py::test_secrets_never_appear_in_any_output[",
                 "tests/integration/test_backups_before_a_delete.py::test_hosts_writing_one_backup_file_at_once",
                 "tests/integration/test_reset_playbook.py::", "tests/integration/test_resume.py::",
                 "tests/integration/test_lists_set.py::test_a_429_slows_the_whole_pool[")


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: not item.nodeid.startswith(LONGEST_FIRST))  # stable: the rest keep their order


@pytest.fixture(scope="session")
def simulator():
    with Simulator() as sim:
        yield sim


@pytest.fixture
def sim(simulator):
    """The session's simulator, emptied of lists, faults and logged requests."""
    simulator.reset()
    simulator.latency = 0.0
    simulator.rate_limit = None
    simulator.rate_window = 60.0
    simulator.chaos = None
    # Kore's add is asynchronous: every test sees contacts show a moment after they were accepted
    simulator.add_delay = 0.3
    simulator.max_page = 100
    simulator.refuse_larger_page = False
    simulator.max_add_batch = 100
    yield simulator
    simulator.reset()


@pytest.fixture
def unused_port():
    """A TCP port on 127.0.0.1 that nothing listens on (free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def web_server():
    """``web_server(status, body=b"", headers=None)`` -> URL of a server (not Kore) giving that answer to all."""
    servers = []

    def start(status, body=b"", headers=None):
        class Fixed(BaseHTTPRequestHandler):
            def answer(self):
                self.send_response(status)
                for key, value in dict(headers or {}, **{"Content-Length": str(len(body))}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = answer

            def log_message(self, *args):
                pass

        server = HTTPServer(("127.0.0.1", 0), Fixed)
        serve_in_background(server)
        servers.append(server)
        return "http://127.0.0.1:%d" % server.server_address[1]

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


CALLBACKS = os.path.join(ROOT, "tests", "integration", "callback_plugins")
PLAYBOOK_BIN = os.path.join(os.path.dirname(sys.executable), "ansible-playbook")


class Run(object):
    """One ansible-playbook run: exit code, screen output, and one result row per task."""

    def __init__(self, proc, rows):
        self.rc = proc.returncode
        self.output = proc.stdout + proc.stderr
        self.rows = rows

    def part(self, start, stop=None):
        """The tasks ``start`` to ``stop`` as a Run of their own, sharing the playbook's exit code and output."""
        view = Run.__new__(Run)
        view.rc, view.output, view.rows = self.rc, self.output, self.rows[start:stop]
        return view

    def split(self):
        """One Run a task: the steps of a test, run as one playbook.

        ``checked, real, again = playbook([dict(task, check_mode=True), task, task]).split()`` starts
        ansible-playbook once instead of three times; ``api_log.during(real)`` are the requests of the second.
        """
        return [self.part(n, n + 1) for n in range(len(self.rows))]

    def __getitem__(self, index):
        return self.rows[index]["result"]

    def status(self, index):
        return self.rows[index]["status"]

    def window(self):
        """When its first task started and its last ended, on the clock the simulator stamps requests with."""
        return self.rows[0]["started"], self.rows[-1]["ended"]

    def __repr__(self):
        return "Run(rc=%s)\n%s" % (self.rc, self.output)


# Both paths of a kore.ai task (plugins/plugin_utils/_in_worker.py) run each playbook test: Ansible's worker, as a
# local connection's task, and the module, as kore_ai_in_worker=false forces; KORE_TEST_PATHS=worker (or module): one.
EXECUTION_PATHS = os.environ.get("KORE_TEST_PATHS", "worker module").split()
# the Python a module process runs on (make test-targets sets another one): the controller's own by default
TARGET_PYTHON = os.environ.get("KORE_TEST_TARGET_PYTHON") or sys.executable
FORCE_MODULE = ("-e", "kore_ai_in_worker=false")


@pytest.fixture(params=EXECUTION_PATHS)
def execution_path(request):
    return request.param


@pytest.fixture
def playbook(sim, tmp_path, execution_path):
    """``playbook(tasks, check=False, diff=False, env=None, args=(), module_defaults=None, on=None, cwd=None)`` -> Run.

    ``tasks`` is a list of tasks for one localhost play, or the path of a playbook file to run as it is. The
    connection comes from the KORE_* environment, as a user of the simulator would set it, unless ``env`` overrides
    (a value of None removes a variable). ``on`` ("worker" or "module") overrides the test's execution path.
    ``cwd`` is the directory ansible-playbook starts in (default: this one). ``kill_when``: a callable asked every
    few milliseconds; once it says so, ansible-playbook, its workers and their modules get SIGKILL, as a machine
    going down or an operator's ``kill -9`` ends them (rc -9)."""

    numbers = itertools.count()  # next() is atomic: runs may be started from several threads at once

    def run(tasks, check=False, diff=False, env=None, args=(), module_defaults=None, on=None, cwd=None,
            kill_when=None):
        number = next(numbers)
        if isinstance(tasks, str):
            path = tasks
        else:
            play = {"name": "test", "hosts": "localhost", "gather_facts": False, "tasks": tasks}
            if module_defaults:
                play["module_defaults"] = {"group/kore.ai.kore": module_defaults}
            path = tmp_path / ("play-%d.yml" % number)
            path.write_text(yaml.safe_dump([play], sort_keys=False))
        results = tmp_path / ("results-%d.json" % number)
        environ = dict(os.environ)
        # no KORE_* of the caller's, and no proxy of the machine's between the modules and the simulator
        for key in [k for k in environ if k.startswith("KORE_") or k.lower().endswith("_proxy")]:
            del environ[key]
        environ.update(sim.env())
        environ.update({
            "ANSIBLE_COLLECTIONS_PATH": os.path.join(ROOT, ".build", "collections"),
            "ANSIBLE_CALLBACK_PLUGINS": CALLBACKS,
            "ANSIBLE_CALLBACKS_ENABLED": "kore_results",
            "ANSIBLE_LOCALHOST_WARNING": "false",
            "ANSIBLE_INVENTORY_UNPARSED_WARNING": "false",
            "ANSIBLE_PYTHON_INTERPRETER": TARGET_PYTHON,
            "ANSIBLE_NOCOLOR": "1",
            "ANSIBLE_RETRY_FILES_ENABLED": "false",
            # the tests' inventories alone: no other inventory plugin's documentation read, a tenth of a start's CPU
            "ANSIBLE_INVENTORY_ENABLED": "host_list,ini",
            "KORE_RESULTS_FILE": str(results),
        })
        for key, value in (env or {}).items():
            if value is None:
                environ.pop(key, None)
            else:
                environ[key] = value
        command = [PLAYBOOK_BIN, "-i", "localhost,", "-c", "local", str(path)] + list(args)
        command += ["--check"] if check else []
        command += ["--diff"] if diff else []
        command += list(FORCE_MODULE) if (on or execution_path) == "module" else []
        if kill_when is None:
            proc = subprocess.run(command, env=environ, capture_output=True, text=True, timeout=600, check=False,
                                  cwd=cwd)
        else:
            proc = killed_when(kill_when, command, env=environ, cwd=cwd)
        rows = json.loads(results.read_text()) if results.exists() else []
        return Run(proc, rows)

    return run


def killed_when(condition, command, **options):
    """``command`` in a session of its own, killed whole (SIGKILL) once ``condition()`` holds (at most 600 s)."""
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            **options)
    reader = concurrent.futures.ThreadPoolExecutor(1).submit(proc.communicate)  # pipes drained meanwhile
    deadline = time.monotonic() + 600
    while proc.poll() is None and time.monotonic() < deadline and not condition():
        time.sleep(0.005)
    if proc.poll() is None:
        kill_whole(proc.pid)
    out, err = reader.result()
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


@pytest.fixture
def in_turn():
    """``in_turn(path, times)``: a playbook importing ``path`` ``times`` times, a run and its re-run in one start;
    beside ``path``, so that ``playbook_dir`` is the one it has alone."""

    def write(path, times):
        wrapper = os.path.join(os.path.dirname(path), "in-turn-" + os.path.basename(path))
        with open(wrapper, "w") as handle:
            yaml.safe_dump([{"ansible.builtin.import_playbook": os.path.basename(path)}] * times, handle)
        return wrapper

    return write


@pytest.fixture
def while_held(sim):
    """``while_held(method, ending, act, seconds=1.0)``: a thread that does ``act()`` once the first ``method``
    request to a path ending in ``ending`` sent from now on has reached the simulator, which holds it ``seconds``
    (a delay fault) before it answers from the store. Join it after the run."""

    def hold(method, ending, act, seconds=1.0):
        sim.faults.add("delay", method=method, path_contains=ending.lstrip("/"), seconds=seconds)
        earlier = len(sim.requests)  # such a request of an earlier run is not the one held

        def wait_then_act():
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not any(
                    r["method"] == method and r["path"].endswith(ending) for r in list(sim.requests)[earlier:]):
                time.sleep(0.01)
            act()

        thread = threading.Thread(target=wait_then_act)
        thread.start()
        return thread

    return hold


class RequestLog(object):
    """What reached the simulator's API, for asserting what the modules sent."""

    def __init__(self, sim):
        self.sim = sim

    def of(self, *methods):
        return [r for r in self.sim.requests if not methods or r["method"] in methods]

    def writes(self, requests=None):
        """Requests that change something: campaigns are listed and their status read with POST, and those read."""
        return [r for r in (self.of() if requests is None else requests)
                if r["method"] in ("POST", "PUT", "DELETE")
                and not r["path"].endswith(("/getAllCampaignDetails", "/status"))]

    def during(self, step, *methods):
        """The requests the tasks of ``step`` (a part of a Run) sent: one host runs its tasks one after another."""
        started, ended = step.window()
        return [r for r in self.of(*methods) if started <= r["at"] <= ended]

    def adds(self, requests=None):
        """The contact adds among ``requests`` (``during(step)``; default: every request)."""
        return [r for r in (self.of() if requests is None else requests)
                if r["method"] == "POST" and r["path"].endswith("/addContacts")]

    def writes_during(self, step):
        return self.writes(self.during(step))


@pytest.fixture
def api_log(sim):
    return RequestLog(sim)


# ---- one helper per job, for any test: the contacts a test sends, and what a CSV file (a backup) holds ----------

def some_people(count, start=0, **fields):
    """``count`` contacts numbered from ``start``, each with its own phone number and first name."""
    return [dict({"phoneNumber": "+1555%07d" % n, "firstName": "P%d" % n}, **fields) for n in range(start, start + count)]


def rows_of_csv(path):
    """A CSV file's rows, each a dict by the file's header (a backup's, a contacts file's)."""
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def phones_of_csv(path):
    """The phone numbers a CSV file holds, sorted; a file without a phoneNumber column is an error."""
    rows = rows_of_csv(path)
    assert all("phoneNumber" in row for row in rows), (path, rows[:1])
    return sorted(row["phoneNumber"] for row in rows)


def write_phones_csv(path, numbers):
    """A contacts file holding ``numbers`` alone, each quoted, as a spreadsheet exports them."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("phoneNumber\n" + "".join('"%s"\n' % n for n in numbers))


@pytest.fixture
def people():
    return some_people


@pytest.fixture
def from_file(tmp_path):
    """``from_file(value)``: a task option reading ``value`` from a JSON file, for thousands of contacts (Ansible
    templates a list written into a playbook item by item, seconds of CPU a start; a file's is read whole)."""
    numbers = itertools.count()

    def write(value):
        path = tmp_path / ("value-%d.json" % next(numbers))
        path.write_text(json.dumps(value))
        return "{{ lookup('ansible.builtin.file', '%s') | from_json }}" % path

    return write


@pytest.fixture
def write_phones():
    return write_phones_csv


@pytest.fixture
def listed(sim):
    """``listed()``: the bot's lists as they are now, name -> id."""
    return lambda: dict((r["name"], r["_id"]) for r in sim.store.summaries(sim.tenant.stream_id))


@pytest.fixture
def csv_rows():
    return rows_of_csv


@pytest.fixture
def csv_phones():
    return phones_of_csv


class FakeClock(object):
    """Time that moves only when slept: the clock (called) and the sleep (``sleep``) of a test, every sleep kept."""

    def __init__(self, now=1000.0):
        self.now, self.slept = now, []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += max(0.0, seconds)


@pytest.fixture(scope="session")
def new_clock():
    """``new_clock(now=1000.0)``: a :class:`FakeClock` (session-wide, so that property tests may use it too)."""
    return FakeClock
