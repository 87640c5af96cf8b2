# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a user reads with ansible-doc: a page of at most 350 lines a module, no option told in more than about
1,200 characters (the why and the edge cases are in the guides), Kore's own API pages and the guides in seealso."""

from __future__ import annotations

import glob
import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.dirname(sys.executable)
MODULES = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(ROOT, "plugins", "modules", "*.py")))


def ansible_doc(module, *args):
    env = dict(os.environ, ANSIBLE_NOCOLOR="1", COLUMNS="80",
               ANSIBLE_COLLECTIONS_PATH=os.path.join(ROOT, ".build", "collections"))
    done = subprocess.run([os.path.join(BIN, "ansible-doc")] + list(args) + ["kore.ai." + module],
                          capture_output=True, text=True, env=env, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def page(module):
    """The page ``ansible-doc`` prints, as a user reads it piped or in a terminal of 80 columns."""
    return ansible_doc(module)


def documentation(module):
    """The module's documentation as ansible-doc merges it with its fragments."""
    return json.loads(ansible_doc(module, "--json"))["kore.ai." + module]["doc"]


def descriptions(options, prefix=""):
    for name, option in (options or {}).items():
        text = option.get("description", "")
        yield prefix + name, " ".join(text) if isinstance(text, list) else text
        yield from descriptions(option.get("suboptions"), prefix + name + ".")


@pytest.mark.parametrize("module", MODULES)
def test_the_page_fits_a_few_screens(module):
    assert len(page(module).splitlines()) <= 350


@pytest.mark.parametrize("module", MODULES)
def test_no_option_is_an_essay_and_kores_pages_and_the_guides_are_linked(module):
    doc = documentation(module)
    long = [(name, len(text)) for name, text in descriptions(doc.get("options")) if len(text) > 1200]
    assert long == []
    links = [entry.get("link", "") for entry in doc.get("seealso", [])]
    assert any(link.startswith("https://docs.kore.ai/") for link in links), links
    assert any("/docs/docsite/rst/guide_" in link for link in links), links
