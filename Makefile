# Milepost: `make run` builds and opens the app; `make test` runs every test.
# Both install what is missing first (apt packages as root, npm packages, tauri-driver).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# One shared cargo target dir: tests, the app and the CLI reuse each other's builds.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/milepost/target
# The Python with duckdb and dbt (scripts/deps.sh makes the venv) that the SQL tests use.
export MILEPOST_VENV ?= $(HOME)/.cache/milepost/venv
export MILEPOST_PYTHON ?= $(MILEPOST_VENV)/bin/python
BIN := $(CARGO_TARGET_DIR)/debug
APP := $(BIN)/milepost-app
CLI := $(BIN)/milepost

UI_SOURCES := $(shell find ui/src ui/public -type f 2>/dev/null) ui/index.html ui/vite.config.ts

.PHONY: help run test deps test-deps ui bins app lint licences test-rust test-ui test-e2e test-package package crash-test fuzz bindings screenshot bench-canvas bench-matrix bench-app bench-import bench-big-import bench-engine bench-warehouse test-spark clean

help:
	@echo "make run         build and open Milepost"
	@echo "make test        run every test (Rust, UI, end-to-end under Xvfb, the package installed and removed)"
	@echo "make package     build the Debian package of the release build (sudo apt install ./Milepost_…deb)"
	@echo "make screenshot  save PNGs of the real window (1280x800, 1920x1080, 1024x700) into docs/"
	@echo "make crash-test  kill the CLI 60 times mid-import, -backup, -export; check the workspace each time"
	@echo "make fuzz        fuzz every parser for FUZZ_SECONDS (default 300) each; crashers kept as fixtures"
	@echo "make bindings    regenerate ui/src/bindings and docs/journey.schema.json"
	@echo "make bench-canvas  open time and drag frame rate of a big journey in the real window"
	@echo "make bench-import  import speed of 1M events (release build) beside sqlite3's .import"
	@echo "make bench-big-import  a 1 GB messy events export: time and peak memory, then again (all repeats), beside sqlite3"
	@echo "make bench-engine  a cold funnel on a messy 1.2M-row export; funnel, matrix with the ranking, and value against peers on 1M and 10M events (and 20,000 customers with 1M), beside DuckDB"
	@echo "make bench-matrix  open, drag and re-score in the Matrices view with 24,000 customers"
	@echo "make bench-app    the release app: launch to the last journey painted (1M events), idle memory, each view's opening, the demo"
	@echo "make test-spark  the journey's SQL on Spark in local mode against the engine (minutes)"
	@echo "make bench-warehouse  the assessment on 10M events in memory, on DuckDB over Parquet (10M, 100M) and on PostgreSQL (10M)"

deps:
	@scripts/deps.sh
	@$(MAKE) --no-print-directory ui/node_modules/.installed

test-deps:
	@scripts/deps.sh --test
	@$(MAKE) --no-print-directory ui/node_modules/.installed tests/e2e/node_modules/.installed

%/node_modules/.installed: %/package.json %/package-lock.json
	cd $* && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The third-party licences the About dialog lists, generated from what is built.
LICENCES_JSON := ui/public/third-party-licences.json
$(LICENCES_JSON): Cargo.lock ui/package-lock.json scripts/licences.py ui/node_modules/.installed
	python3 scripts/licences.py --json $@

ui/dist/index.html: ui/node_modules/.installed $(UI_SOURCES) $(LICENCES_JSON)
	cd ui && npm run --silent build

ui: ui/dist/index.html

# The app and the CLI, always built together so cargo never rebuilds for another feature set.
bins: ui
	cargo build --workspace --bins --quiet

app: deps bins

run: app
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  scripts/deps.sh --display; \
	  echo "No display found: running under Xvfb (use 'make screenshot' to see it)."; \
	  xvfb-run -a -s "-screen 0 1280x800x24" $(APP); \
	else $(APP); fi

# Every shipped crate, npm package and font under a licence that allows shipping Milepost.
licences: ui/node_modules/.installed
	python3 scripts/licences.py --check

lint: ui licences
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	cd ui && npm run --silent lint && npm run --silent typecheck

test-rust: ui
	cargo test --workspace --quiet

test-ui: ui/node_modules/.installed
	cd ui && npm run --silent test

test-e2e: test-deps bins
	scripts/e2e.sh $(APP) $(CLI)
	SCREEN=1920x1080 scripts/e2e.sh $(APP) $(CLI) ./layout.walk.mjs

test: test-deps
	@$(MAKE) --no-print-directory lint test-rust test-ui test-e2e test-package
	@echo "All tests passed."

# The Debian package of a build, with the CLI on the PATH and the licences. `make package`
# ships the release build; the package test bundles the debug build the other tests
# already built, so no crate is built in two profiles by `make test`.
TAURI := ui/node_modules/.bin/tauri
define bundle
	python3 scripts/licences.py --text $(CARGO_TARGET_DIR)/$(1)/THIRD-PARTY-LICENCES.txt
	rm -rf $(CARGO_TARGET_DIR)/$(1)/bundle/deb
	$(TAURI) bundle $(2) --bundles deb --config '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/milepost":"$(CARGO_TARGET_DIR)/$(1)/milepost","/usr/share/doc/milepost/THIRD-PARTY-LICENCES":"$(CARGO_TARGET_DIR)/$(1)/THIRD-PARTY-LICENCES.txt"}}}}}'
endef

package: deps ui
	cargo build --release --workspace --bins --quiet
	$(call bundle,release,)
	@ls -l $(CARGO_TARGET_DIR)/release/bundle/deb/*.deb

test-package: test-deps bins
	$(call bundle,debug,--debug)
	scripts/package-test.sh $(CARGO_TARGET_DIR)/debug/bundle/deb/*.deb

bindings:
	MILEPOST_BLESS=1 cargo test -p milepost --test generated_files --quiet
	MILEPOST_BLESS=1 cargo test -p milepost-app --lib --quiet the_command_names_binding_is_current

screenshot: test-deps bins
	@scripts/deps.sh --screenshot
	SCREEN=1280x800 scripts/e2e.sh $(APP) $(CLI) ./screenshots.mjs
	SCREEN=1920x1080 scripts/e2e.sh $(APP) $(CLI) ./screenshots.mjs
	SCREEN=1024x700 scripts/e2e.sh $(APP) $(CLI) ./screenshots.mjs

# The crash test at length: the CLI killed 60 times at random moments, with its figures,
# and the app killed 10 times right after a save (make test runs 6 and 3).
crash-test: test-deps bins
	MILEPOST_CRASH_TRIALS=$${MILEPOST_CRASH_TRIALS:-60} cargo test -p milepost --test crash --quiet -- --nocapture
	MILEPOST_APP_CRASH_TRIALS=$${MILEPOST_APP_CRASH_TRIALS:-10} scripts/e2e.sh $(APP) $(CLI) ./crash.test.mjs

# The fuzzers: each parser for FUZZ_SECONDS (default 5 minutes) on the nightly toolchain,
# seeded from the fixtures; new crashers are kept under tests/fixtures/fuzz/<target>/,
# where make test replays them on stable. The parsers are safe Rust, so what is looked for
# is a panic, a hang or a blow-up: no sanitizer by default (FUZZ_SANITIZER=address to add
# one), which halves the build.
FUZZ_SANITIZER ?= none
FUZZ_SECONDS ?= 300
FUZZ_TARGETS := csv spreadsheet journey_file criterion benchmarks
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --quiet
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; \
	  case $$t in \
	    csv) cp tests/fixtures/data/*.csv tests/fixtures/data/*.tsv fuzz/corpus/$$t/ ;; \
	    journey_file) cp tests/fixtures/journeys/*.json fuzz/corpus/$$t/ ;; \
	    benchmarks) cp tests/fixtures/fuzz/benchmarks/*.json fuzz/corpus/$$t/ ;; \
	  esac; \
	  echo "== $$t ($(FUZZ_SECONDS) s)"; \
	  (cd fuzz && cargo +nightly fuzz run --sanitizer $(FUZZ_SANITIZER) $$t corpus/$$t ../tests/fixtures/fuzz/$$t -- \
	      -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -print_final_stats=1 2>&1 | grep -E "stat::number_of_executed_units|stat::peak_rss|SUMMARY|panicked" || true); \
	  for c in fuzz/artifacts/$$t/crash-* fuzz/artifacts/$$t/oom-* fuzz/artifacts/$$t/timeout-*; do \
	    [ -e "$$c" ] || continue; mv "$$c" tests/fixtures/fuzz/$$t/; echo "new crasher kept: tests/fixtures/fuzz/$$t/$$(basename $$c)"; \
	  done; \
	done

# Spark in local mode (pyspark on Java 17) runs the journey's SQL on random cases against
# the engine: minutes of query planning, so not part of make test.
test-spark:
	@scripts/deps.sh --spark
	cargo test -p milepost --test sql_engines --quiet -- --ignored --nocapture spark

bench-canvas: test-deps bins
	scripts/e2e.sh $(APP) $(CLI) ./bench-canvas.mjs

bench-matrix: test-deps bins
	scripts/e2e.sh $(APP) $(CLI) ./bench-matrix.mjs

# The release app (as `make package` builds it): launch to the reopened journey painted on a
# messy 1M-event export, memory of every process after 30 s idle, each view's opening on
# 24,000 customers, the demo workspace.
bench-app: test-deps ui
	cargo build --release --workspace --bins --quiet
	scripts/e2e.sh $(CARGO_TARGET_DIR)/release/milepost-app $(CARGO_TARGET_DIR)/release/milepost ./bench-app.mjs

# A release build of the CLI alone: speed is measured optimised, never in the test profile.
bench-import:
	@scripts/deps.sh --bench
	cargo build --release -p milepost --bin milepost --quiet
	scripts/bench-import.sh $(CARGO_TARGET_DIR)/release/milepost

# A 1 GB messy events export: time and peak memory, beside sqlite3 (BIG_IMPORT_MB to change).
bench-big-import:
	@scripts/deps.sh --bench
	cargo build --release -p milepost --bin milepost --quiet
	scripts/bench-big-import.sh $(CARGO_TARGET_DIR)/release/milepost $${BIG_IMPORT_MB:-1000}

bench-engine:
	@scripts/deps.sh --bench
	cargo build --release -p milepost --bin milepost --quiet
	$(MILEPOST_PYTHON) scripts/bench_engine.py $(CARGO_TARGET_DIR)/release/milepost cold:3000 2700 27000 20000:1000000

# The assessment where the data lives: in memory on 10M events, DuckDB over Parquet on 10M
# and 100M, PostgreSQL on 10M (a private cluster), with time, memory and what comes back.
bench-warehouse:
	@scripts/deps.sh --bench
	cargo build --release -p milepost --bin milepost --quiet
	$(MILEPOST_PYTHON) scripts/bench_warehouse.py $(CARGO_TARGET_DIR)/release/milepost $${WAREHOUSE_CUSTOMERS:-27000}

clean:
	rm -rf ui/dist ui/node_modules tests/e2e/node_modules
