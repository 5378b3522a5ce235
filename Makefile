# Two entry points (see README): `make demo` and `make test`. Each installs what it needs:
# Debian packages (sqlite3 CLI, PostgreSQL server for the test suite), a virtual
# environment in .venv, and the package with its pinned dependencies (constraints.txt).

VENV      := .venv
BIN       := $(VENV)/bin
STAMP     := $(VENV)/.installed
PYTHON    ?= python3
APT_PACKAGES := sqlite3 postgresql chromium openjdk-17-jre-headless

.PHONY: demo test lint typecheck unit unit-bare bench system-packages clean

demo: system-packages $(STAMP)
	$(BIN)/proscribe demo

test: system-packages $(STAMP) lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

# The suite as a bare clone runs it, even where ../shared/data exists: excerpts only (tests/README.md).
unit-bare: $(STAMP)
	PROSCRIBE_DATA=$(CURDIR)/tests/data/no-shared-data PROSCRIBE_REQUIRE_DATA= $(BIN)/pytest

bench: system-packages $(STAMP)
	$(BIN)/python benchmarks/registry.py

# Install Debian packages only when one is missing, so repeated runs stay offline and fast.
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) proscribe-demo.db* .pytest_cache .mypy_cache .ruff_cache test-artifacts
