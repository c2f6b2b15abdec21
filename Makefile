# The handful of commands a newcomer needs. Each target creates .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The library tests at the lowest versions pyproject.toml allows (see test-floors).
FLOORS := .venv-floors
FLOORS_STAMP := $(FLOORS)/.installed

.PHONY: reports pdf-libs chromium test test-fast lint test-floors lab data venv clean-venv

# Render the default report set (HTML + PDF) into reports/.
reports: $(STAMP) pdf-libs
	$(BIN)/ties batch reports.yml

# WeasyPrint (the PDF step) needs Debian's Pango libraries; install them when missing.
pdf-libs:
	@$(PYTHON) -c "import ctypes.util as u, sys; sys.exit(not u.find_library('pango-1.0'))" || { \
	  echo "installing Pango for PDF output (apt-get install libpango-1.0-0 libpangoft2-1.0-0)"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; fi; }

# The accessibility tests (tests/test_accessibility.py) drive a Chromium with Playwright, which
# never downloads a browser here: install Debian's chromium when none is found ($$TIES_CHROMIUM
# names another binary).
chromium:
	@[ -n "$$TIES_CHROMIUM" ] || { command -v chromium || command -v chromium-browser \
	  || command -v google-chrome || command -v google-chrome-stable; } >/dev/null || { \
	  echo "installing Chromium for the accessibility tests (apt-get install chromium)"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

# Run the test suite (the same command .ci/run uses).
test: $(STAMP) pdf-libs chromium
	$(BIN)/python -m pytest

# The library tests only (no Jupyter kernel, no rendering): a few seconds.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not notebook and not cli"

# Ruff over the whole project (settings in pyproject.toml: nothing is excluded but caches,
# virtualenvs and reports/).
lint: $(STAMP)
	$(BIN)/ruff check .

# The library tests with every direct dependency at the lowest version pyproject.toml allows
# (fresh from PyPI, not from requirements.lock), so the floors stay true. Its own venv.
test-floors: $(FLOORS_STAMP)
	$(FLOORS)/bin/python -m pytest -m "not notebook"

$(FLOORS_STAMP): pyproject.toml | $(STAMP)
	rm -rf $(FLOORS)
	$(BIN)/uv venv --quiet --python $(PYTHON) $(FLOORS)
	$(BIN)/uv pip install --quiet --python $(FLOORS)/bin/python --resolution lowest-direct -e '.[test]'
	touch $@

# Open JupyterLab on the notebooks with the package installed (as root too, as in most containers).
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/ $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

# Rebuild data/ from ../shared/sources (only needed when the sources change).
data: $(STAMP)
	$(BIN)/ties data build

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock -e '.[test,dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

clean-venv:
	rm -rf $(VENV) $(FLOORS)
