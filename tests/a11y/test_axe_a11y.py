"""issue 18: every kind of public page, in the three display modes (标准, 大字, 高对比度) at 390 and 1350 px,
and every public form also after an empty submit, has 0 axe-core WCAG 2.1 A/AA violations, and nothing
scrolls sideways on a 390 px phone.

Drives Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through Playwright against a live server with
the demo content (`load_demo`), and runs axe-core from npm (node_modules/axe-core, installed by
`npm install` from package.json; .ci/run does it). Skipped, with the reason, when either is absent."""
from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM = CHROMIUM if CHROMIUM and Path(CHROMIUM).exists() else None
WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = (390, 1350)
# the display modes as a11y.js stores them (localStorage "font" and "contrast"); 大字 is the largest size
MODES = {"标准": {}, "大字": {"font": "font-xl"}, "高对比度": {"contrast": "1"}}
# notice kinds by their section slug in the sitemap (one page of each)
KIND_SLUGS = ("xuanpin", "gongshi", "pinren", "jiepin", "dianxing-anli", "tongji-nianbao", "tongbao", "zhidu")

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the package is pinned in requirements.txt
    sync_playwright = None

MISSING = ("playwright（Python 包）未安装" if sync_playwright is None else
           "未找到 Chromium（apt-get install chromium），跳过浏览器无障碍检查" if CHROMIUM is None else
           "未找到 axe-core（在仓库根目录运行 npm install），跳过无障碍检查" if not AXE_JS.exists() else "")
# on a developer's machine a missing tool skips the test with its reason; in CI (.ci/run installs them) it fails
pytestmark = pytest.mark.skipif(bool(MISSING) and os.environ.get("CI") != "true", reason=MISSING)


@pytest.fixture
def demo_site(transactional_db, live_server, settings):
    if MISSING:
        pytest.fail(f"CI: {MISSING}")
    # the empty submits below repeat each form 6 times: never let the rate limit answer instead of the form
    settings.THROTTLE_RATES = {scope: (10_000, 600) for scope in
                               ("objection", "application", "complaint", "complaint_status")}
    # the demo loaders of `make run` that public pages show: site tree and accounts, agencies, notices,
    # supervisors and their campaign, the search index (the casework demo is staff-only and slow)
    import importlib

    from demo import loaders

    for module in ("demo.site_tree", "casework.demo", "public_notices.demo", "supervisors.demo", "search.demo"):
        importlib.import_module(module)
    for stage, _name, load in sorted(loaders.LOADERS, key=lambda item: item[0]):
        if stage <= 21 or stage == 90:
            load()
    return live_server.url


def sitemap_paths(page, base: str) -> list[str]:
    xml = ElementTree.fromstring(page.request.get(base + "/sitemap.xml").body())
    return [urlparse(loc.text).path for loc in xml.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]


def pages_to_check(browser, base: str) -> tuple[list[str], list[str]]:
    """(pages, forms): a spread of the public site from its sitemap, plus the pages the sitemap omits."""
    page = browser.new_page()
    paths = sitemap_paths(page, base)
    assert "/" in paths and "/wanzhou/" in paths, paths[:5]
    details = [p for p in paths if p.count("/") == 4]  # /<jurisdiction>/<kind>/<number>/
    chosen = ["/", "/wanzhou/", "/wanzhou/gongshi/"]
    for slug in KIND_SLUGS:
        chosen.append(next(p for p in details if p.split("/")[2] == slug))
    publicity = [p for p in details if p.split("/")[2] == "gongshi"]
    states = {}
    for path in publicity:
        page.goto(base + path)
        badge = page.locator(".publicity-window .badge, .badge").first.inner_text()
        states.setdefault(badge, path)
    assert {"公示中", "已结束"} <= set(states), states  # an open and a closed 公示 page
    chosen += [states["公示中"], states["已结束"], states["公示中"] + "print/"]
    page.goto(base + "/supervisors/wanzhou/")
    apply = page.locator("a[href*='/apply/']").first.get_attribute("href")
    chosen += ["/notices/archive/", "/search/?q=监督员", "/supervisors/wanzhou/", "/supervisors/wanzhou/roster/"]
    forms = [states["公示中"] + "objection/", apply, "/complaints/wanzhou/", "/complaints/wanzhou/status/"]
    page.close()
    return list(dict.fromkeys(chosen)), forms


def complaint_calendar_path() -> str:
    """The complainant's calendar of a Wulong complaint's acceptance clock (issue 30), through the signed
    link the status lookup gives after the receipt number and access code check."""
    from casework.models import Agency
    from complaints import demo, services
    from complaints.public_views import calendar_token

    agency = Agency.objects.filter(jurisdiction="wulong").order_by("pk").first()
    complaint = demo._receive(agency, 0, "rough", "请求依法查处执法人员粗暴执法的行为。",
                              "执法人员在检查店铺时推搡并辱骂投诉人。", days_ago=3)
    return f"/complaints/calendar/{calendar_token(complaint, services.accept_clock(complaint))}/"


def print_view_behaviour(browser, base: str, notice: str) -> list[str]:
    """The print view opens in the same tab and never calls the print dialog by itself; its 打印 button does."""
    problems = []
    context = browser.new_context(viewport={"width": 390, "height": 900})
    context.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page = context.new_page()
    page.goto(base + notice)
    link = page.get_by_role("link", name="打印本页")
    if link.get_attribute("target"):
        problems.append(f"{notice}: 打印本页 opens a new tab (target={link.get_attribute('target')})")
    with page.expect_navigation():
        link.click()
    page.wait_for_load_state("load")
    if page.evaluate("window.__printed"):
        problems.append(f"{page.url}: the print dialog opened by itself")
    page.get_by_role("button", name="打印").click()
    if page.evaluate("window.__printed") != 1:
        problems.append(f"{page.url}: the 打印 button did not open the print dialog")
    context.close()
    return problems


def axe_violations(page) -> list[dict]:
    result = page.evaluate("opts => axe.run(document, opts)", {"runOnly": {"type": "tag", "values": WCAG21_AA},
                                                              "resultTypes": ["violations"]})
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [" ".join(map(str, n["target"])) for n in v["nodes"]][:3],
             "summary": (v["nodes"][0].get("failureSummary") or "")[:300]} for v in result["violations"]]


def sideways(page) -> int:
    """How many px the page scrolls sideways (0 = none)."""
    return page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")


def test_public_pages_pass_axe_wcag21_aa_in_every_mode_and_width(demo_site):
    axe_source = AXE_JS.read_text(encoding="utf-8")
    problems, counts, checked = [], Counter(), 0
    calendar = complaint_calendar_path()  # written before Playwright's event loop runs in this thread
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            pages, forms = pages_to_check(browser, demo_site)
            pages.append(calendar)
            problems += print_view_behaviour(browser, demo_site, pages[3])
            for mode, storage in MODES.items():
                for width in WIDTHS:
                    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
                    # the mode is set the way a11y.js keeps it, before any page script runs; axe itself is
                    # injected the same way (an init script is not subject to the page's CSP)
                    context.add_init_script(
                        "".join(f"localStorage.setItem({k!r}, {v!r});" for k, v in storage.items()))
                    context.add_init_script(axe_source)
                    page = context.new_page()
                    visits = [(p, False) for p in pages + forms] + [(f, True) for f in forms]
                    for path, empty_submit in visits:
                        response = page.goto(demo_site + path)
                        assert response.status == 200, (path, response.status)
                        label = path
                        if empty_submit:
                            label = path + "（空表提交后）"
                            with page.expect_navigation():
                                page.locator("main form[method=post] button[type=submit]").first.click()
                        for v in axe_violations(page):
                            counts[(mode, width)] += 1
                            problems.append(f"[{mode} {width}px] {label}: {v['id']} ({v['impact']}) {v['help']} "
                                            f"→ {v['targets']} {v['summary']}")
                        if width == 390 and (extra := sideways(page)) > 0:
                            counts[(mode, width)] += 1
                            problems.append(f"[{mode} {width}px] {label}: 横向滚动 {extra}px")
                        checked += 1
                    context.close()
        finally:
            browser.close()
    summary = ", ".join(f"{m} {w}px: {counts[(m, w)]}" for m in MODES for w in WIDTHS)
    print(f"axe WCAG 2.1 A/AA over {checked} page views; problems per mode/width: {summary}")
    assert checked == len(MODES) * len(WIDTHS) * (len(pages) + 2 * len(forms))
    assert not problems, f"{len(problems)} problems ({summary}):\n" + "\n".join(problems)
