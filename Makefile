# Developer entry points. `make help` lists them; `make test` is the gate CI runs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LINK := .build/collections/ansible_collections/kore/ai
SANITY_TREE := .build/sanity/ansible_collections/kore/ai
PYTEST := $(BIN)/python -m pytest
VERSION := $(shell sed -n 's/^version: *//p' galaxy.yml)
export ANSIBLE_COLLECTIONS_PATH := $(CURDIR)/.build/collections
# tools such as antsibull-docs call ansible and ansible-doc: find the virtualenv's first
export PATH := $(abspath $(BIN)):$(PATH)
PLAYBOOK_ENV := PYTHONPATH=$(CURDIR)/simulator ANSIBLE_CALLBACK_RESULT_FORMAT=yaml \
	ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false \
	ANSIBLE_PYTHON_INTERPRETER=$(CURDIR)/$(BIN)/python
SIM_PORT ?= 8080

.PHONY: help venv test unit properties fuzz integration sanity lint docs-lint changelog-lint release-check test-matrix \
	test-targets soak bench bench-scale bench-account bench-rate bench-requests bench-tasks bench-campaigns \
	build docs demo simulator clean

help:
	@echo "make demo          the story in a minute against the simulator: a bot as code, its reset with backups, the undo"
	@echo "make test          everything below that CI runs, for the default ansible-core"
	@echo "make unit          unit and simulator tests"
	@echo "make properties    property-based tests (Hypothesis), small derandomized profile"
	@echo "make fuzz          the same with 10,000 examples a property (and 8 playbook batches): about 25 minutes;"
	@echo "                   prints its seed, SEED=N replays one"
	@echo "make integration   playbook-driven tests against the simulator"
	@echo "make sanity        ansible-test sanity (default ansible-core)"
	@echo "make lint          ansible-lint (production profile) over the repository and every module's EXAMPLES"
	@echo "make docs-lint     antsibull-docs lint-collection-docs"
	@echo "make changelog-lint  antsibull-changelog lint"
	@echo "make release-check build the tarball, install it, run the demo from it, galaxy-importer, ansible-builder"
	@echo "make soak          the chaos soak at N=200 (make test runs it at N=20)"
	@echo "make bench         kore.ai against ansible.builtin.uri, the reset, contacts at scale: writes docs/performance.md"
	@echo "make bench-scale   only the contacts-at-scale runs (CSV of 100,000 and 1,000,000, then a whole account of"
	@echo "                   1,000 lists and 5,000,000 contacts): about 70 minutes and 6 GB of memory"
	@echo "make bench-account only the whole account's rows, killed part-way and at the rate limit too: about 60 minutes"
	@echo "make bench-rate    only the whole account's purges at the rate limit: about 25 minutes"
	@echo "make bench-requests only the whole account's requests where Kore gives and takes 100, and 1,000: ~30 min"
	@echo "make bench-tasks   only the one delete per task rows, against uri and the network floor: a few minutes"
	@echo "make bench-campaigns  only the campaign row (kore_campaign against kore_contact_list and uri): a minute"
	@echo "make test-matrix   unit, integration and sanity on ansible-core 2.17 to 2.21 (MATRIX='2.20 2.21@3.13' for some)"
	@echo "make test-targets  the module path's integration tests with the module on Python $(TARGET_PYTHONS)"
	@echo "                   (the other Pythons a managed host may have; pyenv install VERSION for a missing one)"
	@echo "make build         the Galaxy tarball in .build/dist"
	@echo "make docs          the docsite in docs/site/build/html"
	@echo "make simulator     serve the Kore API simulator on 127.0.0.1:$(SIM_PORT) until Ctrl-C"
	@echo "make clean         remove .venv and .build"

venv: $(STAMP) $(LINK)

$(STAMP): requirements.txt tests/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
	touch $@

# Ansible finds collections under <path>/ansible_collections/<namespace>/<name>: point one at this tree.
$(LINK):
	mkdir -p $(dir $@)
	ln -sfn ../../../.. $@

# The static checks keep one core busy and need nothing of the tests: they run beside unit and properties, which
# leave a core idle, and integration starts once they are done, so that its playbook timings have both cores.
# Their output is shown when they end; any failure fails make test.
STATIC_CHECKS := sanity lint docs-lint changelog-lint release-check
test: venv
	@mkdir -p .build
	@$(MAKE) --no-print-directory $(STATIC_CHECKS) > .build/static-checks.log 2>&1 & checks=$$!; \
	$(MAKE) --no-print-directory unit properties; tested=$$?; \
	wait $$checks; checked=$$?; cat .build/static-checks.log; \
	if [ $$checked -ne 0 ]; then echo "make test: a static check failed (its output is above)"; exit 1; fi; \
	if [ $$tested -ne 0 ]; then exit $$tested; fi; \
	$(MAKE) --no-print-directory integration

unit: venv
	$(PYTEST) tests/unit tests/simulator

# urllib3 logs every retry: -p no:logging keeps thousands of examples from piling up captured log records
properties: venv
	$(PYTEST) -p no:logging -n 2 tests/properties

# Each run draws a seed and prints it first and last; SEED=<that number> replays the same examples anywhere
# (docs/reliability.md): each property is seeded from it and its test id (tests/properties/conftest.py).
fuzz: venv
	@seed=$${SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}; \
	echo "make fuzz: Hypothesis seed $$seed (replay: make fuzz SEED=$$seed)"; \
	KORE_HYPOTHESIS_PROFILE=fuzz KORE_FUZZ_SEED=$$seed $(PYTEST) -p no:logging -n 2 \
		--hypothesis-show-statistics tests/properties; rc=$$?; \
	echo "make fuzz: Hypothesis seed $$seed, exit $$rc (replay: make fuzz SEED=$$seed)"; exit $$rc

integration: venv
	$(PYTEST) -n 4 tests/integration

# ansible-test wants the collection at .../ansible_collections/kore/ai and tests only files git knows:
# copy the tracked (and new, not ignored) files into such a tree with a git index of its own.
sanity: venv
	rm -rf $(SANITY_TREE) && mkdir -p $(SANITY_TREE)
	git ls-files -z --cached --others --exclude-standard | \
		xargs -0 sh -c 'for f; do [ -e "$$f" ] && cp --parents "$$f" $(SANITY_TREE); done' copy
	cd $(SANITY_TREE) && git init -q && git add -A
	cd $(SANITY_TREE) && $(abspath $(BIN))/ansible-test sanity --color no $(SANITY_TESTS) \
		--python $$($(abspath $(BIN))/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')

lint: venv
	$(BIN)/ansible-lint --nocolor
	rm -rf .build/examples && $(BIN)/python tests/examples_as_playbooks.py .build/examples
	$(BIN)/ansible-lint --nocolor .build/examples/*.yml

docs-lint: venv
	$(BIN)/antsibull-docs lint-collection-docs --plugin-docs .

changelog-lint: venv
	$(BIN)/antsibull-changelog lint

release-check: venv
	$(PYTEST) tests/release

soak: venv
	KORE_SOAK_N=$${KORE_SOAK_N:-200} $(PYTEST) -s tests/integration/test_soak.py

bench: venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/bench/requirements.txt
	PYTHONPATH=$(CURDIR)/simulator $(BIN)/python tests/bench/bench.py

bench-scale: venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/bench/requirements.txt
	PYTHONPATH=$(CURDIR)/simulator $(BIN)/python tests/bench/bench.py --only-scale

bench-account: venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/bench/requirements.txt
	PYTHONPATH=$(CURDIR)/simulator $(BIN)/python tests/bench/bench.py --only-account

bench-rate: venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/bench/requirements.txt
	PYTHONPATH=$(CURDIR)/simulator $(BIN)/python tests/bench/bench.py --only-rate

bench-requests: venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/bench/requirements.txt
	PYTHONPATH=$(CURDIR)/simulator $(BIN)/python tests/bench/bench.py --only-requests

bench-tasks: venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/bench/requirements.txt
	PYTHONPATH=$(CURDIR)/simulator $(BIN)/python tests/bench/bench.py --only-tasks

bench-campaigns: venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/bench/requirements.txt
	PYTHONPATH=$(CURDIR)/simulator $(BIN)/python tests/bench/bench.py --only-campaigns

test-matrix: venv
	tests/matrix.sh $(MATRIX)

# the Pythons a managed host may run the modules on, besides the controller's own (README, Requirements)
TARGET_PYTHONS ?= 3.9 3.10 3.12 3.13
test-targets: venv
	tests/targets.sh $(TARGET_PYTHONS)

build: venv
	$(BIN)/ansible-galaxy collection build --force --output-path .build/dist
	@echo "built .build/dist/kore-ai-$(VERSION).tar.gz"

docs: venv
	bash docs/site/build.sh
	@echo "open docs/site/build/html/index.html"

demo: venv
	$(PLAYBOOK_ENV) $(BIN)/python -m kore_sim run --dnc-list "Do not call" -- \
		$(BIN)/ansible-playbook -i localhost, -c local docs/demo.yml

simulator: venv
	PYTHONPATH=$(CURDIR)/simulator $(BIN)/python -m kore_sim serve --port $(SIM_PORT)

clean:
	rm -rf $(VENV) .build docs/site/build docs/site/rst
