# The handful of commands a newcomer needs. Each target creates .venv on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: reports test lab data venv clean-venv

# Render the default report set (HTML + PDF) into reports/.
reports: $(STAMP)
	$(BIN)/ties batch reports.yml

# Run the test suite (the same command .ci/run uses).
test: $(STAMP)
	$(BIN)/python -m pytest

# Open JupyterLab on the notebooks with the package installed.
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

# Rebuild data/ from ../shared/sources (only needed when the sources change).
data: $(STAMP)
	$(BIN)/ties data build

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

clean-venv:
	rm -rf $(VENV)
