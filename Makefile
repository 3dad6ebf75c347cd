# The two commands of the README: `make demo` runs the main job on the bundled examples,
# `make test` runs the tests. Both install what is missing first.
SWIFT ?= swift
BIN := .build/debug/maturity

.PHONY: deps build demo test conformance format lint reports browser-check web-check spreadsheet-check sanitize fuzz package check-package

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build --product maturity

demo: build
	@scripts/demo

test: build
	@if [ -d ../shared/testdata/csv ]; then ../shared/testdata/csv/check-conformance $(BIN) csv; fi
	$(SWIFT) test

conformance: build
	../shared/testdata/csv/check-conformance $(BIN) csv

FORMATTED = Package.swift Sources Tests Fuzz Benchmarks Plugins

format:
	$(SWIFT) format --in-place --recursive $(FORMATTED)

# The repository's .swift-format, every warning an error (run by .ci/run).
lint:
	$(SWIFT) format lint --strict --recursive $(FORMATTED)

reports: build
	scripts/make-reports

browser-check:
	scripts/check-reports-in-browser

web-check: build
	scripts/check-web-app

# The CSV template through LibreOffice Calc (headless) in fr, es, de and en-US, saved in four
# dialects each; every file must score like the YAML. Installs Calc when missing.
spreadsheet-check: build
	@command -v soffice >/dev/null || { sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
	  --no-install-recommends libreoffice-calc-nogui >/dev/null; }
	scripts/spreadsheet-round-trip $(BIN)

# The whole test suite under AddressSanitizer, then ThreadSanitizer (two more full builds: by hand).
sanitize: deps
	scripts/sanitize address
	scripts/sanitize thread

# Every libFuzzer target for FUZZ_SECONDS each (default 600), one after the other (the first
# builds them); `scripts/fuzz TARGET [SECONDS]` runs one. By hand, not in CI (docs/reliability.md).
FUZZ_TARGETS ?= csv questionnaire response relevance import peers migration form
FUZZ_SECONDS ?= 600
fuzz: deps
	for target in $(FUZZ_TARGETS); do scripts/fuzz $$target $(FUZZ_SECONDS) || exit 1; done

# The Debian package of a release build (by hand: a release build takes ~10 minutes on 2 cores,
# too long for CI), and its check in a clean Debian root without Swift (needs root).
package: deps
	scripts/make-package

check-package:
	scripts/check-package
