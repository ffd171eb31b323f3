# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= eventwire.duckdb

.PHONY: install gazetteer demo test browser bench eval clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[all,dev]"
	touch $(STAMP)

install: $(STAMP)

gazetteer: install
	$(BIN)/eventwire gazetteer build

demo: gazetteer
	rm -f $(DB) $(DB).wal
	$(BIN)/eventwire run src/eventwire/data/samples --db $(DB)
	$(BIN)/eventwire events --db $(DB) --limit 500

# The web page's end-to-end test drives Debian's Chromium; install it where we can (root + apt).
browser:
	@command -v chromium >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
		echo "warning: could not install chromium; the browser end-to-end tests will be skipped" >&2
	@command -v node >/dev/null 2>&1 && [ ! -d web/node_modules ] && (cd web && npm ci --no-audit --no-fund --silent) || true

test: gazetteer browser
	$(BIN)/python -m pytest -q

bench: gazetteer
	mkdir -p results
	$(BIN)/python bench/throughput.py --out results/throughput.json
	$(BIN)/python bench/throughput.py --stages none --out results/throughput-foundation.json
	$(BIN)/python bench/scaling.py --out results/scaling.json
	$(BIN)/python bench/dedup.py --out results/dedup.json

eval: gazetteer
	mkdir -p results
	for e in geo time petrarch actors; do $(BIN)/python eval/$$e.py --out results/$$e.json || exit 1; done
	$(BIN)/python eval/events.py --cv 5 --out results/events.json
	$(BIN)/python eval/quotes.py --cv 5 --out results/quotes.json

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache $(DB) $(DB).wal
