# The handful of commands a newcomer needs. Each target creates .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: reports pdf-libs test lab data venv clean-venv

# Render the default report set (HTML + PDF) into reports/.
reports: $(STAMP) pdf-libs
	$(BIN)/ties batch reports.yml

# WeasyPrint (the PDF step) needs Debian's Pango libraries; install them when missing.
pdf-libs:
	@$(PYTHON) -c "import ctypes.util as u, sys; sys.exit(not u.find_library('pango-1.0'))" || { \
	  echo "installing Pango for PDF output (apt-get install libpango-1.0-0 libpangoft2-1.0-0)"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; fi; }

# Run the test suite (the same command .ci/run uses).
test: $(STAMP) pdf-libs
	$(BIN)/python -m pytest

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
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

clean-venv:
	rm -rf $(VENV)
