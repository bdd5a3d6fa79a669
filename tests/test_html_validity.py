"""issue 18: 0 errors from the Nu HTML Checker (vnu) on the public pages — home, a section, a notice index,
a notice of each kind and its print view, every publicity list and its objection page, the
archive, search, the campaigns and the roster — and on every public form after an empty submit (the
application form, the objection form, the complaint forms, the status lookup).

Pages come from the test client over demo content and go through one vnu run (Java starts slowly).
Needs Java and vnu.jar (`npm install --prefix .npm-tools vnu-jar`, or VNU_JAR=path): skipped with the
reason when either is absent, a failure instead under `make check-html` (HTML_CHECK_REQUIRED=1).
`.ci/run` installs both."""
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[1]
JAR_CANDIDATES = [ROOT / ".npm-tools/node_modules/vnu-jar/build/dist/vnu.jar",
                  ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"]
NOTICE_KINDS = ["AnnualReportPage", "AppointmentNoticePage", "CommendationNoticePage", "DismissalNoticePage",
                "PublicityPage", "RecruitmentNoticePage", "RegulationPage", "SupervisionNotificationPage",
                "TypicalCasePage"]


def vnu_command() -> tuple[list[str] | None, str]:
    java = shutil.which("java")
    jar = next((p for p in ([Path(os.environ["VNU_JAR"])] if os.environ.get("VNU_JAR") else JAR_CANDIDATES)
                if p.is_file()), None)
    if not java:
        return None, "没有 Java（apt-get install default-jre-headless），无法运行 Nu HTML Checker"
    if jar is None:
        return None, "没有 vnu.jar（npm install --prefix .npm-tools vnu-jar，或设置 VNU_JAR）"
    return [java, "-Xss4m", "-jar", str(jar), "--format", "json", "--exit-zero-always"], ""


COMMAND, MISSING = vnu_command()
if COMMAND is None and os.environ.get("HTML_CHECK_REQUIRED") == "1":
    raise RuntimeError(f"make check-html: {MISSING}")
pytestmark = pytest.mark.skipif(COMMAND is None, reason=MISSING)


def empty_submit(client: Client, url: str):
    """Send the form as a browser sends it untouched: its hidden inputs only."""
    html = client.get(url).content.decode()
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    return client.post(url, hidden)


def demo_content():
    from casework.demo import load_agencies
    from demo.site_tree import load_site_tree, load_users
    from public_notices.demo import load_notices
    from search.demo import load_search_index
    from supervisors.demo import load_campaign, load_roster

    for load in (load_site_tree, load_users, load_agencies, load_notices, load_roster, load_campaign,
                 load_search_index):
        load()


def collect_pages(client: Client) -> dict[str, str]:
    from wagtail.models import Page

    from public_notices.models import PublicityPage
    from supervisors.models import Campaign

    pages: dict[str, str] = {}

    def get(name, url, status=200):
        response = client.get(url)
        assert response.status_code == status, (url, response.status_code)
        pages[name] = response.content.decode()

    get("home", "/")
    get("section", "/wanzhou/")
    get("notice-index", "/wanzhou/gongshi/")
    first_of_kind = {}
    for page in Page.objects.live().specific().order_by("path"):
        first_of_kind.setdefault(type(page).__name__, page)
    assert sorted(k for k in first_of_kind if k in NOTICE_KINDS) == NOTICE_KINDS
    for kind in NOTICE_KINDS:
        page = first_of_kind[kind]
        get(kind, page.url)
    get("print", first_of_kind["RecruitmentNoticePage"].url + "print/")
    for publicity in PublicityPage.objects.live().order_by("path"):
        get(f"publicity-{publicity.pk}", publicity.url)
        get(f"objection-{publicity.pk}", publicity.url + "objection/")
    get("archive", "/notices/archive/")
    get("archive-filtered", "/notices/archive/?jurisdiction=wanzhou&year=2026")
    get("search", "/search/?q=监督员")
    get("search-none", "/search/?q=没有这样的词语组合")
    get("campaigns", "/supervisors/wanzhou/")
    get("roster", "/supervisors/wanzhou/roster/")
    get("not-found", "/no-such-page/", status=404)

    campaign = Campaign.objects.get(jurisdiction="wanzhou", status=Campaign.OPEN)
    apply_url = f"/supervisors/wanzhou/campaigns/{campaign.pk}/apply/"
    open_list = next(p for p in PublicityPage.objects.live().order_by("path") if p.objections_open)
    forms = {"apply": apply_url, "objection": open_list.url + "objection/",
             "complaint-supervisor": "/complaints/wanzhou/", "complaint-enforcement": "/complaints/wulong/",
             "status": "/complaints/wanzhou/status/"}
    for name, url in forms.items():
        get(name, url)
        response = empty_submit(client, url)
        html = response.content.decode()
        assert response.status_code == 200 and "处需要修改" in html, (url, response.status_code)  # error state
        pages[name + "-errors"] = html
    return pages


def run_vnu(pages: dict[str, str], folder: Path) -> list[dict]:
    files = []
    for name, html in pages.items():
        path = folder / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(str(path))
    done = subprocess.run([*COMMAND, *files], capture_output=True, text=True, timeout=600)
    messages = json.loads(done.stderr)["messages"]
    return [m for m in messages if m["type"] in ("error", "non-document-error")]


@pytest.mark.django_db
def test_public_pages_and_forms_in_their_error_state_have_no_vnu_errors(tmp_path):
    demo_content()
    pages = collect_pages(Client())
    assert len(pages) >= 30
    errors = run_vnu(pages, tmp_path)
    for e in errors:
        print(f"{Path(e.get('url', '')).name}:{e.get('lastLine')}: {e['message']}  «{(e.get('extract') or '').strip()}»")
    assert errors == [], f"{len(errors)} vnu errors (printed above)"
