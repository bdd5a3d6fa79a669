"""issue 26 item 8: the Content-Security-Policy the site sends (no eval anywhere; inline scripts only on a
signed-in person's Wagtail admin pages; frames only for Wagtail's preview) breaks nothing in a browser.

Headless Chromium (Playwright, Debian's /usr/bin/chromium or $CHROMIUM) against a live server with the
site's real middleware: the login page; the page editor with its preview panel (an iframe of the same
origin), its checks panel (axe-core run inside that preview), an InlinePanel row added and the image,
page-link and document chooser modals; the image editor (focal point), documents, snippets, reports with
date filters, the workflow and task screens; viewflow's task inbox as a case officer; a public page with
Wagtail's userbar. Every frame records `securitypolicyviolation` events from before its first script
runs; the test expects none, and no script error. Skipped with the reason when Chromium is absent
(CI installs it and fails instead)."""
from __future__ import annotations

import datetime as dt
import io
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM = CHROMIUM if CHROMIUM and Path(CHROMIUM).exists() else None
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - pinned in requirements.txt
    sync_playwright = None
MISSING = ("playwright（Python 包）未安装" if sync_playwright is None else
           "未找到 Chromium（apt-get install chromium），跳过浏览器内容安全策略检查" if CHROMIUM is None else "")
pytestmark = [
    pytest.mark.skipif(bool(MISSING) and os.environ.get("CI") != "true", reason=MISSING),
    pytest.mark.django_db(transaction=True),  # a live server sees committed data only
]

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  `${e.disposition} ${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
"""
PASSWORD = "pw-csp-browser-2026"


@pytest.fixture
def serial_live_server():
    """pytest-django's live server, answering one request at a time. Its threaded server hands the one
    in-memory SQLite connection to every request thread at once, and the editor's preview panel polls while
    the chooser modals load: SQLite then answers "database table is locked" (500). Django closes each
    connection after its answer when the server is not threaded, so the browser never waits on a kept-alive
    one."""
    from django.core.servers.basehttp import WSGIServer
    from pytest_django.live_server_helper import LiveServer

    class OneRequestAtATime(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)  # the server thread itself holds the shared connection

    server = LiveServer("localhost", start=False)
    server.thread.server_class = OneRequestAtATime
    server.start()
    yield server
    server.stop()


@pytest.fixture
def admin_site(serial_live_server, settings, tmp_path):
    if MISSING:
        pytest.fail(f"CI: {MISSING}")
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile
    from PIL import Image as PILImage
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import GroupApprovalTask, Workflow

    from demo.site_tree import load_site_tree
    from public_notices.services import publicity_list_publish
    from roles.definitions import OFFICER

    load_site_tree()
    notice = publicity_list_publish(
        jurisdiction="wanzhou", title="拟聘行政执法监督员公示", body="现将拟聘人员名单予以公示。",
        start=dt.date(2026, 9, 29), candidates=[{"name": "刘明", "gender": "男", "birth_month": "1978-04",
                                                   "workplace": "万州区某律师事务所", "post": "律师",
                                                   "recommended_by": "单位推荐"}])
    png = io.BytesIO()
    PILImage.new("RGB", (640, 480), "#3366aa").save(png, "PNG")
    image = get_image_model().objects.create(title="执法检查现场", file=ContentFile(png.getvalue(), name="scene.png"))
    document = get_document_model().objects.create(title="年度统计表", file=ContentFile(b"year,count\n", name="t.csv"))
    workflow = Workflow.objects.create(name="网站审核")
    task = GroupApprovalTask.objects.create(name="编辑审核")
    workflow.workflow_tasks.create(task=task, sort_order=0)
    users = get_user_model().objects
    users.create_user("admin", password=PASSWORD, is_staff=True, is_superuser=True)
    officer = users.create_user("officer", password=PASSWORD, is_staff=True)
    officer.groups.add(Group.objects.get(name=OFFICER))
    return {"base": serial_live_server.url, "notice": notice, "image": image, "document": document, "workflow": workflow}


class Browser:
    def __init__(self, browser, base):
        self.base = base
        self.context = browser.new_context(viewport={"width": 1350, "height": 900}, locale="zh-CN")
        self.context.add_init_script(RECORD_VIOLATIONS)  # runs in every frame before the page's own scripts
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("pageerror", lambda error: self.problems.append(f"{self.page.url}: script error {error}"))
        self.page.on("console", lambda m: self.problems.append(f"{self.page.url}: {m.text}")
                     if "Content Security Policy" in m.text or "Content-Security-Policy" in m.text else None)
        self.page.on("response", lambda r: self.problems.append(f"{r.request.method} {r.url}: {r.status}")
                     if r.status >= 500 else None)

    def collect(self) -> None:
        for frame in self.page.frames:
            try:
                self.problems += [f"{frame.url}: {v}" for v in frame.evaluate("window.__csp || []")]
            except Exception:  # noqa: BLE001 - a frame navigating away
                pass

    def open(self, path: str) -> None:
        self.collect()
        response = self.page.goto(self.base + path, wait_until="networkidle")
        assert response.status < 400, (path, response.status)

    def log_in(self, username: str) -> None:
        self.open("/admin/login/")
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", PASSWORD)
        self.page.click("button[type=submit]")
        self.page.wait_for_url(self.base + "/admin/")

    def preview_shows(self, text: str) -> bool:
        """The editor's preview iframe (Wagtail swaps two, same origin) shows `text`."""
        for _ in range(60):
            for frame in self.page.frames:
                if "/edit/preview/" in frame.url:
                    try:
                        if text in frame.evaluate("document.body ? document.body.innerText : ''"):
                            return True
                    except Exception:  # noqa: BLE001 - the frame is being replaced
                        pass
            self.page.wait_for_timeout(500)
        return False

    def chooser_from_rich_text(self, option: str, heading: str) -> None:
        """Type "/" in the Draftail body, pick `option` (图片, 链接, 文档) and wait for its chooser modal."""
        self.page.locator(".public-DraftEditor-content").first.click()
        self.page.keyboard.press("Control+End")
        self.page.keyboard.press("Enter")
        self.page.keyboard.type("/")
        self.page.get_by_role("option", name=option).click()
        modal = self.page.locator(".modal-content")
        modal.get_by_text(heading).first.wait_for(timeout=20000)
        modal.get_by_role("button", name="关闭").first.click()
        modal.wait_for(state="hidden", timeout=10000)


def test_wagtail_admin_works_under_the_sites_csp_with_no_violation(admin_site):
    base, notice = admin_site["base"], admin_site["notice"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        staff = Browser(browser, base)
        try:
            staff.log_in("admin")
            page = staff.page

            staff.open(f"/admin/pages/{notice.pk}/edit/")
            page.click("[data-side-panel-toggle='preview']")
            assert staff.preview_shows("拟聘行政执法监督员公示"), "the preview panel stayed empty"
            page.click("[data-side-panel-toggle='checks']")
            # the checks panel counts the words of the preview once axe and the metrics have run in it
            words = page.locator("[data-side-panel='checks'] [data-a11y-result='word-count']")
            if words.count():
                page.wait_for_function("el => /\\d/.test(el.textContent)", arg=words.element_handle(), timeout=30000)
            rows = page.locator("#id_candidates-FORMS > [id^='inline_child_candidates']")
            before = rows.count()
            page.click("#id_candidates-ADD")
            page.wait_for_function("n => document.querySelectorAll("
                                   "\"#id_candidates-FORMS > [id^='inline_child_candidates']\").length > n", arg=before)
            staff.chooser_from_rich_text("图片", "执法检查现场")
            staff.chooser_from_rich_text("链接", "行政执法监督公开平台")
            staff.chooser_from_rich_text("文档", "年度统计表")

            staff.open(f"/admin/workflows/edit/{admin_site['workflow'].pk}/")
            page.get_by_role("button", name="选择一个页面").first.click()  # a chooser widget's own script
            page.locator(".modal-content").get_by_text("行政执法监督公开平台").first.wait_for(timeout=20000)
            for path in (f"/admin/images/{admin_site['image'].pk}/", "/admin/images/multiple/add/",
                         f"/admin/documents/edit/{admin_site['document'].pk}/", "/admin/snippets/",
                         "/admin/reports/site-history/", "/admin/workflows/list/", "/admin/workflows/tasks/index/",
                         "/admin/pages/"):
                staff.open(path)
            staff.open(notice.url)  # a public page as staff: Wagtail's userbar and its accessibility checker
            page.locator("#wagtail-userbar-trigger").click()  # inside the userbar's shadow root
            page.locator("#wagtail-userbar-items").wait_for()
            staff.collect()

            officer = Browser(browser, base)
            officer.log_in("officer")
            for path in ("/workflow/", "/workflow/campaigns/new/", "/admin/"):
                officer.open(path)
            officer.collect()
            problems = staff.problems + officer.problems
        except Exception as error:  # a step that timed out: name what the policy blocked before it
            staff.collect()
            raise AssertionError(f"{error}\nblocked so far: {staff.problems}") from error
        finally:
            browser.close()
    assert problems == []
