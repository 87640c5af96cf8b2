# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a writer killed part-way leaves is removed and named; what a live writer holds is never touched."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys

from ansible_collections.kore.ai.plugins.module_utils._backup.file import Backup
from ansible_collections.kore.ai.plugins.module_utils._backup.left_over import remove_left_over


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def write_header(backup):
    backup.write_with(lambda out: out.write('"phoneNumber"\r\n'))


# A writer's temporary file stays locked until it is gone; this one is killed while it writes.
KILLED_WRITER = """
import fcntl, os, sys, tempfile, time
handle, path = tempfile.mkstemp(dir=sys.argv[1], prefix=".kore-", suffix=".tmp")
fcntl.flock(handle, fcntl.LOCK_EX)
os.write(handle, b"phoneNumber\\n+1555")
print(path, flush=True)
time.sleep(60)
"""


def test_a_killed_writers_temporary_file_is_removed_and_a_live_writers_kept(tmp_path):
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    killed = writer.stdout.readline().strip()
    try:
        assert remove_left_over(str(tmp_path)) == [] and os.path.exists(killed)  # its writer lives
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    (tmp_path / "kore-other.tmp").write_text("")
    seen = []

    def fill(out):  # while this backup is written, its own temporary file is locked
        seen.extend(remove_left_over(str(tmp_path)))
        out.write("phoneNumber\n")

    backup = Backup(str(tmp_path / "live.csv"))
    backup.write_with(fill)
    assert backup.removed == [killed] and backup.result()["removed_temporary_files"] == [killed] and seen == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kore-other.tmp", "live.csv"]


def test_unused_names_to_keep_under_are_removed_and_a_writers_own_name_is_kept(tmp_path):
    write_header(Backup(str(tmp_path / "empty.csv")))
    assert rows(str(tmp_path / "empty.csv")) == [["phoneNumber"]]
    # a name made to keep a file under, left empty by a kill before the file was moved onto it; a kept file
    unused, kept = tmp_path / "reset.csv.4821.2026-11-30@14:05:09~", tmp_path / "reset.csv.4821.2026-11-30@14:05:09.1~"
    unused.write_text("")
    kept.write_text('"phoneNumber"\r\n')
    assert remove_left_over(str(tmp_path)) == [str(unused)] and kept.exists()
    # a writer's own name, empty while it holds it, is kept: written over twice, nothing is lost or left
    write_header(Backup(str(tmp_path / "empty.csv")))
    write_header(Backup(str(tmp_path / "empty.csv")))
    assert len([p for p in tmp_path.iterdir() if p.name.startswith("empty.csv")]) == 3
