# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

I18N_QM := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))

.PHONY: run test lint typecheck pytest bench clean i18n screenshots installer dist reproduce release fuzz fuzz-corpus crash

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[gui,dev,build]'
	touch $(STAMP)

# Qt translations: resources/i18n/tomar_XX.ts -> .qm (the app loads the .qm files).
resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

i18n: $(I18N_QM)

# The desktop app; home from TOMAR_HOME or the user data folder (make run ARGS="--home DIR").
run: $(STAMP) $(I18N_QM)
	$(BIN)/tomar-gui $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench fuzz
	$(BIN)/ruff format --check src tests bench fuzz

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(I18N_QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test: lint typecheck pytest

# The fuzz targets of fuzz/ (one per reader of outside bytes), FUZZ_SECONDS each; `make
# test` runs them for 1 second each (tests/test_fuzz.py). Findings land in fuzz/findings/.
FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	$(BIN)/python fuzz/run.py --all --seconds $(FUZZ_SECONDS)

# Rewrite the committed seed corpus with the project's own writers (small files only).
fuzz-corpus: $(STAMP)
	$(BIN)/python fuzz/make_corpus.py

# Every benchmark, one JSON line per figure (intake takes about 10 minutes here).
bench: $(STAMP) $(I18N_QM)
	for b in vault_commit intake storage sheets sync server_attack; do $(BIN)/python bench/$$b.py || exit 1; done
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/gui.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/gui_signers.py

# 200 rounds of 3 acknowledged saves, then SIGKILL of one `tomar sign` at a random moment,
# with the default key derivation: every acknowledged signature stored, integrity clean
# (bench/crash.py; about an hour on two busy cores).
crash: $(STAMP)
	CRASH_ROUNDS=$${CRASH_ROUNDS:-200} $(BIN)/python bench/crash.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache

# The one-folder app (dist/tomar/) and, on Linux, dist/tomar-VERSION-linux-ARCH.tar.gz,
# built in a fresh virtual environment (build/venv) with the pinned versions; see
# docs/INSTALL.md for Windows and macOS and for checking a build.
installer:
	PYTHON=$(PYTHON) bash packaging/build.sh

# Every screen in English and Persian, as real windows under Xvfb, into docs/screenshots/.
screenshots: $(STAMP) $(I18N_QM)
	$(BIN)/python scripts/screenshots.py

# The sdist and the wheel (with ui/ and resources/ inside), reproducible, into dist/.
dist: $(STAMP) $(I18N_QM)
	PYTHON=$(BIN)/python bash packaging/dist.sh

# Build this commit twice in two folders at two times and compare every SHA-256
# (sdist, wheel, Linux one-folder archive; REPRODUCE_ONE_FOLDER=0 skips the last).
reproduce: $(STAMP)
	bash packaging/reproduce.sh

# A release: sdist, wheel and the one-folder archive in dist/, SHA256SUMS over them and
# its minisign signature (MINISIGN_KEY=path/to/release.key; see docs/INSTALL.md).
release: dist installer
	bash packaging/sign.sh dist
