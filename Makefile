# Two commands for everything:  make run  (site + scheduler on http://127.0.0.1:$(PORT))  ·  make test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test lint install fonts migrate demo scheduler bench loadtest lighthouse clean check-html vnu

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# the free fonts of official documents (Fandol 仿宋/宋体 from TeX Live's Debian package, converted to TrueType
# into the git-ignored .fonts/; casework/fonts.py): once, then kept — the venv is an order-only prerequisite, so a
# reinstall (requirements.txt changed) does not make the fonts stale and re-run the command under `make test` with
# DATABASE_URL set (where manage.py refuses to start without DJANGO_SETTINGS_MODULE)
FONTS := .fonts/FandolFang-Regular.ttf
$(FONTS): | $(VENV)/.installed
	$(PY) manage.py install_document_fonts

install: $(VENV)/.installed $(FONTS)

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

# Nu HTML Checker (vnu) from npm into a git-ignored folder; needs Java (Debian: default-jre-headless)
VNU_VERSION := 26.9.27
VNU_JAR := .npm-tools/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR):
	npm install --no-save --no-audit --no-fund --prefix .npm-tools vnu-jar@$(VNU_VERSION)
vnu: $(VNU_JAR)

# 0 vnu errors on the public pages and on every public form after an empty submit (fails when Java is missing)
check-html: install vnu
	HTML_CHECK_REQUIRED=1 $(PY) -m pytest tests/test_html_validity.py -q -rs

# the production topology on this machine (deploy/: nginx, two waitress processes, worker, scheduler,
# PostgreSQL on 127.0.0.1:5432, Redis on 127.0.0.1:6379) under a bounded load, with its checks
loadtest: install
	$(PY) -m deploy.loadtest

# Lighthouse (mobile) over the indexed public pages of a running site with demo content (make run first);
# npm installs Lighthouse into the git-ignored .lighthouse/; Chromium from CHROME_PATH (default /usr/bin/chromium)
BASE ?= http://127.0.0.1:$(PORT)
lighthouse: install
	test -x .lighthouse/node_modules/.bin/lighthouse || npm install --prefix .lighthouse --no-audit --no-fund lighthouse@12.8.2
	$(PY) -m benchmarks.lighthouse_audit --base $(BASE)

fonts: install

clean:
	rm -rf $(VENV) db.sqlite3 media static .pytest_cache
