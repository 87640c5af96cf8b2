# Developer entry points. `make help` lists them; `make test` is the gate CI runs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LINK := .build/collections/ansible_collections/kore/ai
SANITY_TREE := .build/sanity/ansible_collections/kore/ai
PYTEST := $(BIN)/python -m pytest
PLAYBOOK_ENV := ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/.build/collections PYTHONPATH=$(CURDIR)/tests/simulator \
	ANSIBLE_CALLBACK_RESULT_FORMAT=yaml ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false \
	ANSIBLE_PYTHON_INTERPRETER=$(CURDIR)/$(BIN)/python
SIM_PORT ?= 8080

.PHONY: help venv test unit integration sanity changelog-lint demo simulator clean

help:
	@echo "make demo        create, delete and re-run against the simulator (sets everything up)"
	@echo "make test        unit, simulator, playbook integration tests and ansible-test sanity"
	@echo "make unit        unit and simulator tests only"
	@echo "make integration playbook-driven tests against the simulator"
	@echo "make sanity      ansible-test sanity (default ansible-core)"
	@echo "make changelog-lint  check changelogs/fragments"
	@echo "make simulator   serve the Kore API simulator on 127.0.0.1:$(SIM_PORT) until Ctrl-C"
	@echo "make clean       remove .venv and .build"

venv: $(STAMP) $(LINK)

$(STAMP): requirements.txt tests/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
	touch $@

# Ansible finds collections under <path>/ansible_collections/<namespace>/<name>: point one at this tree.
$(LINK):
	mkdir -p $(dir $@)
	ln -sfn ../../../.. $@

test: unit integration sanity changelog-lint

unit: venv
	$(PYTEST) tests/unit tests/simulator

integration: venv
	$(PYTEST) -n 2 tests/integration

# ansible-test wants the collection at .../ansible_collections/kore/ai and tests only files git knows:
# copy the tracked (and new, not ignored) files into such a tree with a git index of its own.
sanity: venv
	rm -rf $(SANITY_TREE) && mkdir -p $(SANITY_TREE)
	git ls-files -z --cached --others --exclude-standard | \
		xargs -0 sh -c 'for f; do [ -e "$$f" ] && cp --parents "$$f" $(SANITY_TREE); done' copy
	cd $(SANITY_TREE) && git init -q && git add -A
	cd $(SANITY_TREE) && $(CURDIR)/$(BIN)/ansible-test sanity --color no \
		--python $$($(CURDIR)/$(BIN)/python -c 'import sys; print("%d.%d" % sys.version_info[:2])')

changelog-lint: venv
	$(BIN)/antsibull-changelog lint

demo: venv
	$(PLAYBOOK_ENV) $(BIN)/python -m kore_sim run -- $(BIN)/ansible-playbook -i localhost, -c local docs/demo.yml

simulator: venv
	PYTHONPATH=$(CURDIR)/tests/simulator $(BIN)/python -m kore_sim serve --port $(SIM_PORT)

clean:
	rm -rf $(VENV) .build
