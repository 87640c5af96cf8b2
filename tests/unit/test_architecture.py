# -*- coding: utf-8 -*-
# Copyright (c) 2026 kore.ai collection contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""docs/architecture.md is true to the code: its picture's arrows are the imports, and the layers depend downward.

A node of the picture names the files it stands for (paths below ``plugins/``, ``*`` for every file of a
folder); an arrow ``a --> b`` says some file of ``a`` imports some file of ``b``. Every import between files of
two nodes must be drawn, and every arrow drawn must be an import.
"""

from __future__ import annotations

import ast
import fnmatch
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLUGINS = os.path.join(ROOT, "plugins")
PAGE = os.path.join(ROOT, "docs", "architecture.md")
NODE = re.compile(r'^\s*(\w+)\["([^"]+)"\]', re.M)
ARROW = re.compile(r"^\s*(\w+)\s*-->\s*(\w+)\s*$", re.M)
FILES_IN_LABEL = re.compile(r"[\w*./]+\.py")
# the layers, lowest first: a file may import its own layer's files and those below, never above
LAYERS = [
    ("wire", ["module_utils/_*.py"]),
    ("backups", ["module_utils/_backup/*.py"]),
    ("contacts", ["module_utils/_contacts/*.py"]),
    ("campaigns", ["module_utils/_campaigns/*.py"]),
    ("contact lists", ["module_utils/_contact_lists/*.py"]),
    ("bot", ["module_utils/_bot/*.py"]),
    ("runners", ["module_utils/_task.py", "module_utils/_module.py", "plugin_utils/*.py"]),
    ("modules", ["modules/*.py"]),
    ("actions", ["action/*.py"]),
]
RUNNERS = ("module_utils/_task.py", "module_utils/_module.py")
# imported by nearly every file: the picture says so once instead of drawing an arrow from each
SHARED = ("module_utils/_errors.py",)


def sources():
    found = []
    for folder, dummy, names in os.walk(PLUGINS):
        for name in names:
            if name.endswith(".py") and name != "__init__.py":
                found.append(os.path.relpath(os.path.join(folder, name), PLUGINS))
    return sorted(found)


def imports(plugin_files, path):
    """The plugin files ``path`` imports, relative to plugins/ (``plugin_files``: tests/unit/conftest.py)."""
    with open(os.path.join(PLUGINS, path)) as handle:
        return set(os.path.relpath(found, PLUGINS) for found in plugin_files(ast.parse(handle.read())))


def picture():
    with open(PAGE) as handle:
        text = handle.read()
    diagram = text.split("```mermaid", 1)[1].split("```", 1)[0]
    nodes = dict((name, FILES_IN_LABEL.findall(label.split("<br/>")[0])) for name, label in NODE.findall(diagram))
    return nodes, set(ARROW.findall(diagram))


def node_of(nodes, path):
    owners = [name for name, patterns in nodes.items() if any(fnmatch.fnmatch(path, p) for p in patterns)]
    assert len(owners) == 1, "%s is in %s nodes of the picture: %s" % (path, len(owners), owners)
    return owners[0]


def layer_of(path):
    if path in RUNNERS:
        return "runners"
    return [name for name, patterns in LAYERS if any(fnmatch.fnmatch(path, p) for p in patterns)][-1]


def test_every_import_between_nodes_is_an_arrow_and_every_arrow_an_import(plugin_files):
    nodes, arrows = picture()
    drawn_nodes = set(name for pair in arrows for name in pair)
    assert drawn_nodes <= set(nodes), "arrows between nodes the picture does not define: %s" % (drawn_nodes - set(nodes))
    imported = set()
    for path in sources():
        if path.startswith("doc_fragments/"):
            continue  # documentation only, imported by nobody
        for target in imports(plugin_files, path) - set(SHARED):
            pair = (node_of(nodes, path), node_of(nodes, target))
            if pair[0] != pair[1]:
                imported.add(pair)
    assert sorted(imported - arrows) == [], "imports the picture does not draw"
    assert sorted(arrows - imported) == [], "arrows of the picture that no import makes"


def test_the_layers_depend_downward_only(plugin_files):
    order = [name for name, dummy in LAYERS]
    upward = []
    for path in sources():
        for target in imports(plugin_files, path):
            if order.index(layer_of(target)) > order.index(layer_of(path)):
                upward.append("%s imports %s" % (path, target))
    assert upward == []


def test_no_source_file_is_longer_than_one_sitting_and_each_has_a_unit_test_file():
    for path in sources():
        with open(os.path.join(PLUGINS, path)) as handle:
            assert sum(1 for dummy in handle) <= 400, path
        if path.startswith(("module_utils/", "plugin_utils/")):
            folder, name = os.path.split(path)
            test = os.path.join(ROOT, "tests", "unit", "plugins", folder, "test_" + name.lstrip("_"))
            assert os.path.isfile(test), "no unit test file %s for %s" % (os.path.relpath(test, ROOT), path)


def functions():
    """(path, function node) of every function and method of the sources."""
    for path in sources():
        with open(os.path.join(PLUGINS, path)) as handle:
            tree = ast.parse(handle.read())
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield path, node


def parameters(node):
    """What a caller passes: positional and keyword-only parameters, ``*args`` and ``**kwargs``; not self or cls."""
    args = node.args
    every = args.posonlyargs + args.args + args.kwonlyargs + [a for a in (args.vararg, args.kwarg) if a]
    return [a.arg for a in every if a.arg not in ("self", "cls")]


def test_no_function_takes_more_than_five_positional_parameters():
    crowded = []
    for path, node in functions():
        positional = [a.arg for a in node.args.posonlyargs + node.args.args if a.arg not in ("self", "cls")]
        if len(positional) > 5:
            crowded.append("%s: %s(%s)" % (path, node.name, ", ".join(positional)))
    assert crowded == []


def test_no_function_takes_more_than_eight_parameters_in_all():
    """More than that is a group of options that wants an object of its own (``ListWork``, ``ClientOptions``)."""
    crowded = ["%s: %s(%s)" % (path, node.name, ", ".join(parameters(node))) for path, node in functions()
               if len(parameters(node)) > 8]
    assert crowded == []


def test_no_file_imports_itself_through_others(plugin_files):
    """Imports inside functions count too: a circle is a circle whenever it closes."""
    graph = dict((path, imports(plugin_files, path)) for path in sources())
    circles = []

    def visit(path, trail):
        for target in sorted(graph.get(path, ())):
            if target in trail:
                circles.append(" -> ".join(trail[trail.index(target):] + [target]))
            elif target not in done:
                visit(target, trail + [target])
        done.add(path)

    done = set()
    for start in sorted(graph):
        if start not in done:
            visit(start, [start])
    assert circles == []


# the resource packages: what one of them does, no other does again
RESOURCE_PACKAGES = ("module_utils/_contacts/", "module_utils/_campaigns/", "module_utils/_contact_lists/",
                     "module_utils/_bot/")
# method names two resource packages define for jobs that only share a word, each its own class's
DIFFERENT_JOBS = {
    "add": "a collection's own: identities held, pages seen, a spool's contacts, a set's or a restore's items",
    "changed": "whether an aggregate result of its own kind (a set's, a restore's, a list's contacts) is a change",
    "result": "the return values of a task of its own kind: a set's, a dump's, a restore's",
}


def classes_below():
    """The methods of each class defined below the resource packages (module_utils/_*.py), by class name."""
    found = {}
    for path in sources():
        if fnmatch.fnmatch(path, "module_utils/_*.py") and path.count("/") == 1:
            with open(os.path.join(PLUGINS, path)) as handle:
                for node in ast.parse(handle.read()).body:
                    if isinstance(node, ast.ClassDef):
                        found[node.name] = set(m.name for m in node.body if isinstance(m, ast.FunctionDef))
    return found


def test_no_job_is_written_in_two_resource_packages():
    """A function or class lives in one resource package; a method two of them define is a hook: an override of a
    class below them (``_ensure.Hooks``, ``_entity.Entity``), which the sequence calls once."""
    below = classes_below()
    defined = {}    # name -> {package: [where]}
    for path in sources():
        package = next((p for p in RESOURCE_PACKAGES if path.startswith(p)), None)
        if package is None:
            continue
        with open(os.path.join(PLUGINS, path)) as handle:
            tree = ast.parse(handle.read())
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                defined.setdefault(node.name, {}).setdefault(package, []).append(path)
            if not isinstance(node, ast.ClassDef):
                continue
            bases = [getattr(b, "id", getattr(b, "attr", None)) for b in node.bases]
            hooks = set().union(*[below.get(b, set()) for b in bases])
            for method in node.body:
                if isinstance(method, ast.FunctionDef) and not method.name.startswith("__") \
                        and method.name not in hooks and method.name not in DIFFERENT_JOBS:
                    defined.setdefault("." + method.name, {}).setdefault(package, []).append(
                        "%s %s" % (path, node.name))
    twice = dict((name, places) for name, places in defined.items() if len(places) > 1)
    assert twice == {}
