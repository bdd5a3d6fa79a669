# Two commands for everything:  make run  (site + scheduler on http://127.0.0.1:$(PORT))  ·  make test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test lint install migrate demo scheduler bench lighthouse clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput
	-$(PY) manage.py search_setup

demo: migrate
	$(PY) manage.py load_demo

run: demo
	@echo ""
	@echo "  公开网站:  http://127.0.0.1:$(PORT)/"
	@echo "  管理后台:  http://127.0.0.1:$(PORT)/admin/   （演示账号见上方）"
	@echo "  调度器:    run_scheduler 每分钟运行 publish_scheduled、workflow_timers 与法定时限检查"
	@echo ""
	@trap 'kill $$sched 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py run_scheduler & sched=$$!; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .

bench: install
	$(PY) -m benchmarks

# Lighthouse (mobile) over the indexed public pages of a running site with demo content (make run first);
# npm installs Lighthouse into the git-ignored .lighthouse/; Chromium from CHROME_PATH (default /usr/bin/chromium)
BASE ?= http://127.0.0.1:$(PORT)
lighthouse: install
	test -x .lighthouse/node_modules/.bin/lighthouse || npm install --prefix .lighthouse --no-audit --no-fund lighthouse@12.8.2
	$(PY) -m benchmarks.lighthouse_audit --base $(BASE)

clean:
	rm -rf $(VENV) db.sqlite3 media static .pytest_cache
