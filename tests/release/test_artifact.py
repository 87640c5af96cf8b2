# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The built Galaxy artifact: what it holds, that it installs and works on its own, and that Galaxy accepts it."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tomllib

import pytest
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.dirname(sys.executable)
VERSION = yaml.safe_load(open(os.path.join(ROOT, "galaxy.yml")))["version"]


def clean_env(**extra):
    """This environment without Ansible or Kore settings: `make` points ANSIBLE_COLLECTIONS_PATH at the tree."""
    env = dict((k, v) for k, v in os.environ.items() if not k.startswith(("KORE_", "ANSIBLE_")))
    env.update(extra)
    return env


def run(command, **kwargs):
    kwargs.setdefault("cwd", ROOT)
    kwargs.setdefault("env", clean_env())
    return subprocess.run(command, capture_output=True, text=True, timeout=900, check=False, **kwargs)


@pytest.fixture(scope="module")
def tarball(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    built = run([os.path.join(BIN, "ansible-galaxy"), "collection", "build", "--output-path", str(out)])
    assert built.returncode == 0, built.stderr
    return str(out / ("kore-ai-%s.tar.gz" % VERSION))


@pytest.fixture(scope="module")
def installed(tarball, tmp_path_factory):
    path = tmp_path_factory.mktemp("collections")
    done = run([os.path.join(BIN, "ansible-galaxy"), "collection", "install", "--offline", "-p", str(path), tarball],
               env=clean_env(ANSIBLE_COLLECTIONS_PATH=str(path)))
    assert done.returncode == 0, done.stdout + done.stderr
    return str(path)


def test_tarball_holds_the_collection_and_no_development_files(tarball):
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
    for needed in ("README.md", "LICENSE", "CHANGELOG.md", "meta/runtime.yml", "meta/execution-environment.yml",
                   "requirements.txt", "docs/demo.yml", "plugins/modules/kore_contact_list.py",
                   "docs/docsite/rst/guide_teardown.rst", "simulator/pyproject.toml", "simulator/kore_sim/server.py"):
        assert needed in names, needed
    for unwanted in ("tests", ".venv", ".build", ".ci", "Makefile", "docs/site", "changelogs/fragments"):
        assert not any(n == unwanted or n.startswith(unwanted + "/") for n in names), unwanted


def test_demo_runs_from_the_installed_tarball_against_the_simulator_it_ships(installed):
    env = clean_env(ANSIBLE_COLLECTIONS_PATH=installed, ANSIBLE_COLLECTIONS_SCAN_SYS_PATH="false",
                    PYTHONPATH=os.path.join(installed, "ansible_collections", "kore", "ai", "simulator"),
                    ANSIBLE_PYTHON_INTERPRETER=sys.executable, ANSIBLE_NOCOLOR="1")
    playbook = os.path.join(installed, "ansible_collections", "kore", "ai", "docs", "demo.yml")
    done = run([sys.executable, "-m", "kore_sim", "run", "--dnc-list", "Do not call", "--",
                os.path.join(BIN, "ansible-playbook"), "-i", "localhost,", "-c", "local", playbook], env=env, cwd=installed)
    assert done.returncode == 0, done.stdout + done.stderr
    # the reset, the undo and the same again unchanged (the playbook's own assert)
    assert "ok=19   changed=9    unreachable=0    failed=0" in done.stdout, done.stdout
    listed = run([os.path.join(BIN, "ansible-galaxy"), "collection", "list", "kore.ai", "-p", installed], env=env)
    assert "kore.ai" in listed.stdout and VERSION in listed.stdout


def test_the_simulator_installs_from_the_installed_collection_as_the_guide_says(installed, tmp_path):
    """pip install of the path inside the installed collection gives the kore-sim command, without a clone."""
    source = os.path.join(installed, "ansible_collections", "kore", "ai", "simulator")
    with open(os.path.join(source, "pyproject.toml"), "rb") as handle:
        assert tomllib.load(handle)["project"]["version"] == VERSION
    target = tmp_path / "site"
    # offline here: PyJWT is in this virtual environment already, and setuptools builds it (a user's pip fetches both)
    done = run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                "--target", str(target), source])
    assert done.returncode == 0, done.stdout + done.stderr
    script = "import os; print(os.environ['KORE_HOST'], os.environ['KORE_STREAM_ID'])"
    served = run([str(target / "bin" / "kore-sim"), "run", "--", sys.executable, "-c", script],
                 env=clean_env(PYTHONPATH=str(target)), cwd=str(tmp_path))
    assert served.returncode == 0, served.stdout + served.stderr
    assert served.stdout.split()[0].startswith("http://127.0.0.1:"), served.stdout


def test_galaxy_importer_accepts_the_tarball(tarball, tmp_path):
    env = clean_env(GALAXY_IMPORTER_CONFIG=os.path.join(HERE, "galaxy-importer.cfg"),
                    PATH=BIN + os.pathsep + os.environ.get("PATH", ""))
    # it leaves importer_result.json in its working directory
    done = run([sys.executable, "-m", "galaxy_importer.main", tarball], env=env, cwd=str(tmp_path))
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Importer processing completed successfully" in output
    problems = [line for line in output.splitlines() if line.startswith(("ERROR", "WARNING"))]
    assert problems == []


def test_execution_environment_sees_the_python_requirements(installed, tmp_path):
    seen = run([os.path.join(BIN, "ansible-builder"), "introspect", "--sanitize", installed])
    assert seen.returncode == 0, seen.stderr
    introspected = yaml.safe_load(seen.stdout)
    python = " ".join(introspected["python"])
    assert "requests" in python and "kore.ai" in python
    assert "PyJWT" not in python and "urllib3" not in python  # the runtime needs requests and nothing else
    context = tmp_path / "context"
    made = run([os.path.join(BIN, "ansible-builder"), "create", "--file",
                os.path.join(HERE, "execution-environment.yml"), "--context", str(context),
                "--output-filename", "Containerfile"])
    assert made.returncode == 0, made.stdout + made.stderr
    assert "ansible-galaxy" in (context / "Containerfile").read_text()
    assert "kore.ai" in (context / "_build" / "requirements.yml").read_text()


def test_an_execution_environment_from_the_local_tarball_is_the_one_the_awx_guide_shows(tarball, tmp_path):
    definition = os.path.join(HERE, "execution-environment-local.yml")
    with open(definition) as handle:
        wanted = yaml.safe_load(handle)
    with open(os.path.join(ROOT, "docs", "docsite", "rst", "guide_awx.rst")) as handle:
        guide = handle.read()
    shown = guide.split("# execution-environment.yml, from a local tarball", 1)[1].split("\n\n", 1)[0]
    assert yaml.safe_load(shown.replace("\n    ", "\n")) == wanted  # the guide's block is this file
    assert wanted["additional_build_files"][0]["src"] == os.path.basename(tarball)  # galaxy.yml's version
    folder = tmp_path / "ee"  # as a user lays it out: the definition beside the tarball
    folder.mkdir()
    os.symlink(tarball, str(folder / os.path.basename(tarball)))
    (folder / "execution-environment.yml").write_text(yaml.safe_dump(wanted))
    made = run([os.path.join(BIN, "ansible-builder"), "create", "--file", str(folder / "execution-environment.yml"),
                "--context", str(folder / "context"), "--output-filename", "Containerfile"], cwd=str(folder))
    assert made.returncode == 0, made.stdout + made.stderr
    assert (folder / "context" / "_build" / "collections" / os.path.basename(tarball)).is_file()
    assert "COPY _build/collections/ /tmp/collections/" in (folder / "context" / "Containerfile").read_text()
    assert "type: file" in (folder / "context" / "_build" / "requirements.yml").read_text()
