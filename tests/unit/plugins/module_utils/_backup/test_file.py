# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A backup file: names that never collide, files that are never replaced, durability before the DELETE."""

from __future__ import annotations

import errno
import os
import stat
import threading

import pytest

from ansible_collections.kore.ai.plugins.module_utils._backup import file as backup_file
from ansible_collections.kore.ai.plugins.module_utils._backup.directory import KoreBackupError
from ansible_collections.kore.ai.plugins.module_utils._backup.file import NAME_MAX, Backup, backup_path_in, same_file
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


def write(backup, text):
    return backup.write_with(lambda out: out.write(text))


def text(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.mark.parametrize("list_id", ["cl-718e888e-3aca-4008-973e-6d79940abcde", "cl_a-b", "x" * 120])
def test_an_id_kore_gives_is_the_file_name(list_id):
    assert backup_path_in("/b", list_id) == "/b/%s.csv" % list_id


def test_other_ids_get_a_digest_and_never_share_a_name_even_without_case():
    ids = (["cl-" + "7" * 240 + "-%02d" % n for n in range(20)] + ["cl-Case", "cl-case", "cl-CASE", "CL-CASE"]
           + ["../..", "a/b", "a%2Fb", "x" * 121, "cl-case.", "ü", "\ud800"])
    names = [os.path.basename(backup_path_in("/b", i)) for i in ids]
    assert len(set(n.lower() for n in names)) == len(ids)
    assert all(len(n.encode("utf-8")) <= NAME_MAX and "/" not in n and n not in (".", "..") for n in names)
    assert names[0].startswith("cl-" + "7" * 97 + ".") and names[0].endswith(".csv")


def test_an_empty_path_is_refused():
    with pytest.raises(KoreInputError, match="backup_file is empty"):
        Backup("")
    with pytest.raises(KoreInputError, match="backup_dir is empty"):
        Backup("  ", "backup_dir")


def test_same_file_by_any_spelling(tmp_path):
    real = tmp_path / "c.csv"
    real.write_text("phoneNumber\n")
    os.symlink(str(real), str(tmp_path / "s.csv"))
    os.link(str(real), str(tmp_path / "h.csv"))
    for other in ("c.csv", "./c.csv", "x/../c.csv", "s.csv", "h.csv"):
        assert same_file(str(tmp_path / other), str(real)), other
    assert not same_file(str(tmp_path / "new.csv"), str(real))


def test_a_file_at_the_path_is_kept_beside_it(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text("earlier\n")
    backup = Backup(str(path))
    assert write(backup, "first\n") == str(path)
    assert text(path) == "first\n"
    assert os.path.dirname(backup.previous) == str(tmp_path) and backup.previous.endswith("~")
    assert open(backup.previous).read() == "earlier\n"
    again = Backup(str(path))
    write(again, "second\n")
    assert again.previous != backup.previous and text(again.previous) == "first\n"


def test_a_name_as_long_as_the_filesystem_allows_is_written_and_kept(tmp_path):
    path = tmp_path / ("n" * (NAME_MAX - 4) + ".csv")
    first = Backup(str(path))
    write(first, "+1\n")
    second = Backup(str(path))
    write(second, "+2\n")
    assert text(path) == "+2\n" and text(second.previous) == "+1\n"
    assert len(os.path.basename(second.previous).encode()) <= NAME_MAX


def test_the_file_and_then_its_directory_are_on_disk_before_the_write_returns(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync

    def fsync(descriptor):
        synced.append(os.readlink("/proc/self/fd/%d" % descriptor))
        real_fsync(descriptor)

    published = []
    real_link = os.link
    monkeypatch.setattr(backup_file.os, "fsync", fsync)
    monkeypatch.setattr(backup_file.os, "link", lambda a, b: (published.append(len(synced)), real_link(a, b)))
    write(Backup(str(tmp_path / "b.csv")), "+1\n")
    assert len(synced) == 2 and synced[0].startswith(str(tmp_path / ".kore-")) and synced[1] == str(tmp_path)
    assert published == [1]  # the file was flushed before it took the backup's name, the directory after it


def test_a_failed_write_removes_its_temporary_file(tmp_path, monkeypatch):
    def full(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(backup_file.os, "fsync", full)
    with pytest.raises(KoreBackupError, match="No space left on device. Nothing was deleted"):
        write(Backup(str(tmp_path / "b.csv")), "+1\n")
    assert os.listdir(tmp_path) == []


def _contents(directory):
    return sorted(open(os.path.join(directory, name), encoding="utf-8", newline="").read() for name in os.listdir(directory))


def test_a_writer_that_publishes_in_between_loses_nothing(tmp_path, monkeypatch):
    """Another writer's backup lands between our look at the path and ours taking the name."""
    path = str(tmp_path / "b.csv")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("earlier\n")
    first, second = Backup(path), Backup(path)
    real_link = os.link
    meddled = []

    def link(source, target):
        if not meddled:
            meddled.append(True)
            write(second, "+2\n")  # publishes after this writer's file was made, before its link
        return real_link(source, target)

    monkeypatch.setattr(backup_file.os, "link", link)
    write(first, "+1\n")
    assert _contents(tmp_path) == sorted(["+1\n", "+2\n", "earlier\n"])
    assert text(path) == "+1\n" and text(second.previous) == "earlier\n" and text(first.previous) == "+2\n"
    assert first.result()["previous_backup_file"] == first.previous


def test_many_writers_of_one_path_at_once_keep_every_backup(tmp_path):
    path, writers = str(tmp_path / "b.csv"), 8
    start = threading.Barrier(writers)

    def writer(number):
        start.wait()
        write(Backup(path), "+%d\n" % number)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert _contents(tmp_path) == sorted("+%d\n" % n for n in range(writers))


def test_without_hard_links_the_name_is_still_taken_exclusively(tmp_path, monkeypatch):
    path = str(tmp_path / "b.csv")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("earlier\n")

    def no_links(source, target):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(backup_file.os, "link", no_links)
    backup = Backup(path)
    write(backup, "+1\n")
    assert _contents(tmp_path) == sorted(["+1\n", "earlier\n"])
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600 and backup.previous


def test_without_hard_links_a_copy_that_fails_leaves_no_short_file_under_the_name(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync

    def second_fsync_fails(descriptor):
        synced.append(descriptor)
        if len(synced) == 2:  # the copy's, after the temporary file's own
            raise OSError(28, "No space left on device")
        real_fsync(descriptor)

    def no_links(source, target):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(backup_file.os, "link", no_links)
    monkeypatch.setattr(backup_file.os, "fsync", second_fsync_fails)
    with pytest.raises(KoreBackupError, match="No space left on device. Nothing was deleted"):
        write(Backup(str(tmp_path / "b.csv")), "+1\n")
    assert os.listdir(tmp_path) == []
