# Japan, Russia and the North Korea crisis (Aug-Dec 2017): build, test, explore.
# Targets are real files with real prerequisites, so `make` redoes only what changed.
# `make` alone prints this help.

.DEFAULT_GOAL := help
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# One stamp per install step: the environment is rebuilt only when the lock
# changes, the project itself re-registered only when pyproject.toml changes.
ENV_STAMP := $(VENV)/.lock-installed
PKG_STAMP := $(VENV)/.project-installed
KERNEL := jp-ru-dprk-2017
# pytest-xdist workers for `make test`: one per core ("auto"); TEST_WORKERS=0 runs in this process.
TEST_WORKERS ?= auto
KERNELSPEC := $(VENV)/share/jupyter/kernels/$(KERNEL)/kernel.json
# uv installs the lock in seconds where pip takes a minute or more. It is bootstrapped with pip
# from the package registry, at this version, into a tools folder that outlives .venv; where it
# cannot be had, the environment is made with pip instead, and a line says so.
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
UV_STAMP := $(TOOLS)/.uv-$(UV_VERSION)-tried

PARAMS ?= params/default.yaml
SET := $(basename $(notdir $(PARAMS)))
REPORT := reports/$(SET)/manifest.json
# What a report is made from: the driver writes build/inputs.mk when it runs a notebook (or there
# is none), from the one list it hashes (helpers.report.planning), with the folders those files
# lie in (those of the data and the package found afresh each time), so that a file added anywhere
# among them makes the report out of date. Without it (a fresh clone, after `make clean`) the
# driver runs and decides by content. tests/report/test_never_stale.py changes each input in turn.
-include build/inputs.mk
ifeq ($(wildcard build/inputs.mk),)
.PHONY: $(REPORT)
endif

# A sweep (params/sweeps/<name>.yaml) renders reports/<name>/: a report per value and its page.
# Its values may come from the data, and its base set may be any file: the one its `base:` line
# names (from the repository root, as the driver reads it), or every file in params/ where that
# line cannot be read so. No other parameter file makes it out of date.
SWEEP ?= params/sweeps/as-of-each-article.yaml
SWEEP_PAGE := reports/$(basename $(notdir $(SWEEP)))/index.html
SWEEP_BASE := $(wildcard $(shell sed -n -E "s/^base:[[:space:]]*[\"']?([^\"'\#[:space:]]+).*/\1/p" $(SWEEP) 2>/dev/null))
SWEEP_BASE := $(or $(SWEEP_BASE),$(wildcard params/*.yaml))
# Where the notebooks run: local (this machine's cores) or dask (DASK_SCHEDULER=tcp://host:port,
# else a LocalCluster). The output is the same bytes either way, so it is not a prerequisite.
EXECUTOR ?= local
# A sweep's notebooks with the same inputs run once and serve every set (SHARE=0: each runs).
# The bytes are the same either way, so it is not a prerequisite either.
SHARE ?= 1
# Each notebook's kernel is forked from a warm template that has imported the helpers (WARM=0:
# each kernel starts cold). The bytes are the same either way: not a prerequisite.
WARM ?= 1
export EXECUTOR DASK_SCHEDULER SHARE WARM
ifeq ($(wildcard build/inputs.mk),)
.PHONY: $(SWEEP_PAGE)
endif

ifeq ($(FORCE),1)
.PHONY: $(REPORT) $(SWEEP_PAGE)
endif

.PHONY: help report sweep check article draft test mutation lint format lab benchmark readme readme-figures clean distclean lock

## Show this help (the default goal)
help:
	@awk 'BEGIN {FS = ":"} /^## / {doc = substr($$0, 4); next} /^[a-zA-Z_-]+:/ && doc {printf "  %-10s %s\n", $$1, doc} {doc = ""}' $(MAKEFILE_LIST)
	@echo
	@echo "  Variables: PARAMS=params/<set>.yaml (default params/default.yaml), FORCE=1 to rebuild everything,"
	@echo "             SWEEP=params/sweeps/<sweep>.yaml, EXECUTOR=local|dask, DASK_SCHEDULER=tcp://host:port, SHARE=0, WARM=0,"
	@echo "             MUTANTS='helpers.data.dates*' to narrow make mutation"

$(UV_STAMP):
	@rm -rf $(TOOLS) && $(PYTHON) -m venv $(TOOLS) \
	  && $(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION) >/dev/null 2>&1 \
	  || echo "==> uv $(UV_VERSION) could not be installed; using pip instead (slower)"
	@mkdir -p $(TOOLS) && touch $@

# Installs the lock's exact pins into .venv: with uv when it is there, else with pip. Compiled
# to bytecode at install, as pip does: where PYTHONDONTWRITEBYTECODE is set, nothing else would,
# and every kernel would compile pandas and matplotlib again.
INSTALL = if [ -x $(UV) ]; then $(UV) pip install --quiet --compile-bytecode --python $(BIN)/python $(1); \
          else $(BIN)/python -m pip install --quiet --disable-pip-version-check $(1); fi

$(ENV_STAMP): requirements.lock $(UV_STAMP)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required; found " + sys.version.split()[0] + " at " + sys.executable + ". Run: make PYTHON=/path/to/python3.11 ...")'
	@echo "==> creating $(VENV) from requirements.lock (once, or when the lock changes)"
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(call INSTALL,-r requirements.lock)
	touch $@

$(PKG_STAMP): pyproject.toml $(ENV_STAMP)
	$(call INSTALL,--no-deps --no-build-isolation -e .)
	touch $@

$(KERNELSPEC): $(PKG_STAMP)
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python 3.11 (jp-ru-dprk-2017)" >/dev/null
	@echo "==> registered Jupyter kernel '$(KERNEL)' -> $(abspath $(BIN)/python)"

# First the findings the front page leads with, from the data (build/findings.json; with data
# that does not load, none: the build says what is wrong), then the build.
$(REPORT): $(INPUTS) $(PARAMS) $(KERNELSPEC)
	$(BIN)/python -m helpers.pages.findings --report
	$(BIN)/python -m helpers.report --params $(PARAMS) $(if $(filter 1,$(FORCE)),--force)

## Execute every notebook for PARAMS and render reports/<set>/ and reports/index.html
report: $(REPORT)

$(SWEEP_PAGE): $(INPUTS) $(SWEEP) $(SWEEP_BASE) $(KERNELSPEC)
	$(BIN)/python -m helpers.report --sweep $(SWEEP) $(if $(filter 1,$(FORCE)),--force)

## Render a report per value of SWEEP, and its page (EXECUTOR=dask to run on a Dask cluster)
sweep: $(SWEEP_PAGE)

## Validate the data (every problem with file, line, column, value) and list unquoted sentences (STRICT=1: errors)
check: $(PKG_STAMP)
	$(BIN)/python -m helpers.curate check $(if $(filter 1,$(STRICT)),--strict)

## Add an article: make article FILE=path.txt PUBLISHED=YYYY-MM-DD [OUTLET=...] [HEADLINE=...]
article: $(PKG_STAMP)
	@[ -n "$(FILE)" ] && [ -n "$(PUBLISHED)" ] || { echo "usage: make article FILE=path/to/article.txt PUBLISHED=YYYY-MM-DD [OUTLET='...'] [HEADLINE='...']" >&2; exit 2; }
	$(BIN)/python -m helpers.curate add "$(FILE)" --published "$(PUBLISHED)" $(if $(OUTLET),--outlet "$(OUTLET)") $(if $(HEADLINE),--headline "$(HEADLINE)")

## Draft an article's rows as CSV: make draft SOURCE=a002 [OUT=draft.csv] (or SOURCE=file PUBLISHED=...)
draft: $(PKG_STAMP)
	@[ -n "$(SOURCE)" ] || { echo "usage: make draft SOURCE=<source id, or a file with PUBLISHED=YYYY-MM-DD> [OUT=draft.csv]" >&2; exit 2; }
	$(BIN)/python -m helpers.curate draft "$(SOURCE)" $(if $(PUBLISHED),--published "$(PUBLISHED)") $(if $(OUT),--out "$(OUT)")

# The 15 slowest tests are listed at the end: where the suite's time goes is in every CI log.
## Run the test suite (data checks, helpers, notebooks through papermill), on every core
test: $(KERNELSPEC)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --durations=15

# What `make mutation` mutates: the checks that say what is wrong with a file (csvshape,
# problems), the truth of the data (a seed's bytes, a quote in its own article, date words in
# their quote and resolving to their event: rules; the chronology's checks), the dates (dates,
# timex, interval), rendering, the driver's staging, one-line failures and atomic swap, a task's
# checkout check and clean-up, sweep files; what a reader reads (views, analysis, pages, the
# charts' titles, alt texts and encodings, the generated findings, the front page's words and the
# manifest it reads); what decides a rebuild
# (planning and its hashes, parameter sets); and the curator's tools (curate). The schema's
# mechanics (csvfile, columns, keys, load) take two hours more on two cores:
# MUTANTS='$(MUTANTS) $(SCHEMA)'.
RULES := helpers.data.rules.x__seed_problems* helpers.data.rules.x__evidence_problems* \
  helpers.data.rules.x__date_text_problems* helpers.data.rules.x__event_date_problems* \
  helpers.data.rules.x__unresolved_problems* helpers.data.derive.* \
  helpers.data.rules.x__interval_mismatches* helpers.data.rules.x__event_interval_problems* \
  helpers.data.chronology.* helpers.data.rules.x__ends_by* helpers.data.rules.x__attested_problems* \
  helpers.data.rules.x__first_article_problems* helpers.data.rules.x__status_problems* \
  helpers.data.rules.x__resolution_problems* helpers.data.rules.x__outcome_problems* \
  helpers.data.rules.x__context_problems*
DRIVER := helpers.report.driver.x__run* helpers.report.staging.x_stage* helpers.report.staging.x_put_in_place* \
  helpers.report.staging.x_carry_over* helpers.report.staging.x_swap_into_place* helpers.report.executors.x__local* \
  helpers.report.execute.x_said* helpers.report.tasks.x_check_checkout* helpers.report.tasks.x_run* \
  helpers.report.tasks.x__locked* helpers.report.tasks.x_writing* helpers.report.tasks.x_collect* \
  helpers.report.tasks.x_remove* helpers.report.tasks.x_prune* helpers.report.tasks.x_task_folders*
READER := helpers.views.* helpers.analysis.* helpers.pages.* helpers.charts.words.* \
  $(foreach c,cadence chronology coverage escalation plans regime schedule,helpers.charts.$(c).x_headline* helpers.charts.$(c).x_alt_text*) \
  helpers.charts.cadence.x__marks* helpers.charts.cadence.x_lanes* helpers.charts.cadence.x__context_words* \
  helpers.charts.plans.x__outcome_note* helpers.charts.style.x_status_style* helpers.charts.style.x_draw_event* helpers.charts.style.x__draw_day* \
  helpers.charts.style.x_draw_context* helpers.charts.style.x_reach*
FRONT := $(foreach f,_span describe _notebook_words _section _findings write_index,helpers.report.index.x_$(f)*) \
  helpers.report.records.x_write_manifest*
REBUILD := helpers.report.planning.* helpers.report.paramsets.*
CURATE := helpers.curate.add.* helpers.curate.draft.* helpers.curate.kinds.* helpers.curate.updates.* \
  helpers.curate.check.*
SCHEMA := helpers.data.csvfile.* helpers.data.columns.* helpers.data.keys.* helpers.data.load.*
MUTANTS ?= helpers.data.csvshape.* helpers.data.problems.* helpers.data.articles.* $(RULES) \
  helpers.data.dates.* helpers.data.timex.* helpers.data.interval.* helpers.report.render.* $(DRIVER) \
  $(READER) $(FRONT) $(REBUILD) $(CURATE)

## Mutation testing with mutmut of the modules behind the guarantees and what readers read (hours on 2 cores: narrow it with MUTANTS; not in `make test`)
mutation: $(KERNELSPEC)
	rm -rf mutants
	@mkdir -p build && echo "==> mutmut run (log: build/mutmut.log)"
	HYPOTHESIS_PROFILE=mutation $(BIN)/mutmut run $(foreach m,$(MUTANTS),'$(m)') >build/mutmut.log 2>&1 || { tail -40 build/mutmut.log; exit 1; }
	$(BIN)/python tests/mutation_score.py $(foreach m,$(MUTANTS),'$(m)')

## Lint and check formatting with ruff
lint: $(PKG_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## Format the code with ruff
format: $(PKG_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Open JupyterLab on notebooks/ with the project's kernel
lab: $(KERNELSPEC)
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

## Re-pin every dependency into requirements.lock (with the same pinned uv)
lock: $(UV_STAMP)
	@[ -x $(UV) ] || { echo "make lock needs uv, which could not be installed" >&2; exit 1; }
	$(UV) pip compile pyproject.toml --extra dev --universal --python-version 3.11 -o requirements.lock --upgrade

## Measure report build speed, how the helpers scale, a notebook's cost (kernels warm and cold), sweeps (prints figures)
benchmark: $(KERNELSPEC)
	$(BIN)/python benchmarks/check_speed.py
	$(BIN)/python benchmarks/report_speed.py
	$(BIN)/python benchmarks/kernel_speed.py
	$(BIN)/python benchmarks/sweep_speed.py

## Write the README's findings and the data card's summary from the data (a test checks them)
readme: $(PKG_STAMP)
	$(BIN)/python -m helpers.pages.findings

## Refresh the README's chart thumbnails (docs/figures/) from the default report
readme-figures:
	$(MAKE) --no-print-directory report PARAMS=params/default.yaml
	cp reports/default/figures/*.png docs/figures/

## Remove generated outputs (build/, reports/); the environment stays
clean:
	rm -rf build reports mutants

## Remove generated outputs and the virtual environment
distclean: clean
	rm -rf $(VENV) $(TOOLS)
