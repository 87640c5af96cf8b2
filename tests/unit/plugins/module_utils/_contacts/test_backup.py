# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Backups: file names that never collide, files that are never replaced, durability before the DELETE."""

from __future__ import annotations

import csv
import errno
import os
import stat
import threading

import pytest

from ansible_collections.kore.ai.plugins.module_utils._contacts import backup as _contacts_backup
from ansible_collections.kore.ai.plugins.module_utils._contacts.backup import (
    NAME_MAX,
    Backup,
    KoreBackupError,
    backup_path_in,
    same_file,
)
from ansible_collections.kore.ai.plugins.module_utils._errors import KoreInputError


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


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
    assert backup.write([[{"phoneNumber": "+1", "_id": "cc-1"}]]) == str(path)
    assert rows(path) == [["phoneNumber"], ["+1"]]
    assert os.path.dirname(backup.previous) == str(tmp_path) and backup.previous.endswith("~")
    assert open(backup.previous).read() == "earlier\n"
    again = Backup(str(path))
    again.write([[{"phoneNumber": "+2"}]])
    assert again.previous != backup.previous and rows(again.previous) == [["phoneNumber"], ["+1"]]


def test_a_name_as_long_as_the_filesystem_allows_is_written_and_kept(tmp_path):
    path = tmp_path / ("n" * (NAME_MAX - 4) + ".csv")
    first = Backup(str(path))
    first.write([[{"phoneNumber": "+1"}]])
    second = Backup(str(path))
    second.write([[{"phoneNumber": "+2"}]])
    assert rows(path)[1] == ["+2"] and rows(second.previous)[1] == ["+1"]
    assert len(os.path.basename(second.previous).encode()) <= NAME_MAX


def test_a_value_utf8_cannot_hold_fails_naming_it_and_leaves_nothing(tmp_path):
    backup = Backup(str(tmp_path / "b.csv"))
    with pytest.raises(KoreBackupError) as caught:
        backup.write([[{"phoneNumber": "+1"}, {"phoneNumber": "+2", "lastName": "X\ud800"}]])
    assert "cannot hold contact 'phoneNumber +2': its lastName is 'X\\ud800'" in str(caught.value)
    assert "Nothing was deleted" in str(caught.value) and os.listdir(tmp_path) == []


def test_the_file_and_then_its_directory_are_on_disk_before_the_write_returns(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync

    def fsync(descriptor):
        synced.append(os.readlink("/proc/self/fd/%d" % descriptor))
        real_fsync(descriptor)

    published = []
    real_link = os.link
    monkeypatch.setattr(_contacts_backup.os, "fsync", fsync)
    monkeypatch.setattr(_contacts_backup.os, "link", lambda a, b: (published.append(len(synced)), real_link(a, b)))
    Backup(str(tmp_path / "b.csv")).write([[{"phoneNumber": "+1"}]])
    assert len(synced) == 2 and synced[0].startswith(str(tmp_path / ".kore-")) and synced[1] == str(tmp_path)
    assert published == [1]  # the file was flushed before it took the backup's name, the directory after it


def test_a_failed_write_removes_its_temporary_file(tmp_path, monkeypatch):
    def full(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(_contacts_backup.os, "fsync", full)
    with pytest.raises(KoreBackupError, match="No space left on device. Nothing was deleted"):
        Backup(str(tmp_path / "b.csv")).write([[{"phoneNumber": "+1"}]])
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
            second.write([[{"phoneNumber": "+2"}]])  # publishes after this writer's file was made, before its link
        return real_link(source, target)

    monkeypatch.setattr(_contacts_backup.os, "link", link)
    first.write([[{"phoneNumber": "+1"}]])
    assert _contents(tmp_path) == sorted(['"phoneNumber"\r\n"+1"\r\n', '"phoneNumber"\r\n"+2"\r\n', "earlier\n"])
    assert open(path, encoding="utf-8", newline="").read() == '"phoneNumber"\r\n"+1"\r\n'
    assert open(second.previous, encoding="utf-8").read() == "earlier\n"
    assert open(first.previous, encoding="utf-8", newline="").read() == '"phoneNumber"\r\n"+2"\r\n'
    assert first.result()["previous_backup_file"] == first.previous


def test_many_writers_of_one_path_at_once_keep_every_backup(tmp_path):
    path, writers = str(tmp_path / "b.csv"), 8
    start = threading.Barrier(writers)

    def write(number):
        start.wait()
        Backup(path).write([[{"phoneNumber": "+%d" % number}]])

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert _contents(tmp_path) == sorted('"phoneNumber"\r\n"+%d"\r\n' % n for n in range(writers))


def test_without_hard_links_the_name_is_still_taken_exclusively(tmp_path, monkeypatch):
    path = str(tmp_path / "b.csv")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("earlier\n")

    def no_links(source, target):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(_contacts_backup.os, "link", no_links)
    backup = Backup(path)
    backup.write([[{"phoneNumber": "+1"}]])
    assert _contents(tmp_path) == sorted(['"phoneNumber"\r\n"+1"\r\n', "earlier\n"])
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600 and backup.previous


@pytest.mark.parametrize("number", ["+1 555 CALL", "4.91511E+12", "", 15550100.5])
def test_a_contact_no_backup_could_restore_refuses_the_backup(tmp_path, number):
    with pytest.raises(KoreBackupError, match="could not restore contact .*Nothing was deleted"):
        Backup(str(tmp_path / "b.csv")).write([[{"phoneNumber": "+1 555-010-0001"}], [{"phoneNumber": number}]])
    assert os.listdir(tmp_path) == []


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

    monkeypatch.setattr(_contacts_backup.os, "link", no_links)
    monkeypatch.setattr(_contacts_backup.os, "fsync", second_fsync_fails)
    with pytest.raises(KoreBackupError, match="No space left on device. Nothing was deleted"):
        Backup(str(tmp_path / "b.csv")).write([[{"phoneNumber": "+1"}]])
    assert os.listdir(tmp_path) == []
