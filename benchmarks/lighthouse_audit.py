"""Lighthouse (mobile) over the public pages meant to be indexed: `make lighthouse BASE=http://127.0.0.1:8000`.

Not a test and not part of `make bench` (it needs Node, Chromium and a running site with demo content).
Lighthouse comes from npm into the git-ignored `.lighthouse/` folder (`make lighthouse` installs it);
Chromium from CHROME_PATH (default /usr/bin/chromium). Pages: the home page, a section, a notice index,
one notice of each kind (found through the site's own API), the archive, the supervisor pages (campaigns,
roster, the application form of the first open campaign). Prints a table of the four category scores.

    python -m benchmarks.lighthouse_audit --base http://127.0.0.1:8000 [--jobs 3] [--out DIR]"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
NOTICE_TYPES = {"RecruitmentNoticePage": "选聘公告", "PublicityPage": "公示", "AppointmentNoticePage": "聘任公告",
                "DismissalNoticePage": "解聘公告", "TypicalCasePage": "典型案例", "AnnualReportPage": "统计年报",
                "SupervisionNotificationPage": "监督通报", "RegulationPage": "制度规定"}


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (the site under audit)
        return response.read().decode("utf-8")


def pages(base: str, jurisdiction: str) -> list[tuple[str, str]]:
    found = [("首页", "/"), ("辖区栏目", f"/{jurisdiction}/")]
    for name, label in NOTICE_TYPES.items():
        data = json.loads(fetch(f"{base}/api/v2/pages/?type=public_notices.{name}&fields=html_url&limit=1"))
        if data["items"]:
            url = data["items"][0]["meta"]["html_url"]
            found.append((label, re.sub(r"^https?://[^/]+", "", url)))
            if name == "RecruitmentNoticePage":
                found.insert(2, ("公告栏目", found[-1][1].rstrip("/").rsplit("/", 1)[0] + "/"))
    found += [("公告归档", "/notices/archive/"), ("监督员选聘", f"/supervisors/{jurisdiction}/"),
              ("监督员名单", f"/supervisors/{jurisdiction}/roster/")]
    apply = re.search(r'href="(/supervisors/[^"]+/apply/)"', fetch(f"{base}/supervisors/{jurisdiction}/"))
    if apply:
        found.append(("报名表", apply.group(1)))
    return found


def audit(base: str, label: str, path: str, out: Path) -> tuple[str, str, dict, list[str]]:
    report = out / (re.sub(r"\W+", "_", path).strip("_") or "home")
    cmd = [str(LIGHTHOUSE), base + path, "--quiet", "--output=json", f"--output-path={report}.json",
           "--chrome-flags=--headless=new --no-sandbox", "--form-factor=mobile", "--locale=zh"]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    for _attempt in range(3):  # Chromium now and then fails to start on a loaded machine: try again
        if subprocess.run(cmd, env=env, stderr=subprocess.DEVNULL).returncode == 0:
            break
    else:
        return label, path, dict.fromkeys(CATEGORIES, "失败"), []
    data = json.loads(Path(f"{report}.json").read_text(encoding="utf-8"))
    scores = {c: round((data["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    lost = []
    for c in CATEGORIES[1:]:
        for ref in data["categories"][c]["auditRefs"]:
            audit_result = data["audits"][ref["id"]]
            if ref["weight"] and audit_result["score"] is not None and audit_result["score"] < 1:
                lost.append(f"{c}:{ref['id']}")
    return label, path, scores, lost


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--jurisdiction", default="wanzhou")
    parser.add_argument("--jobs", type=int, default=3)
    parser.add_argument("--out", default="")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit(f"Lighthouse 未安装：npm install --prefix {LIGHTHOUSE.parents[2]} lighthouse@12")
    base = args.base.rstrip("/")
    out = Path(args.out or tempfile.mkdtemp(prefix="lighthouse-"))
    out.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda item: audit(base, item[0], item[1], out), pages(base, args.jurisdiction)))
    print(f"Lighthouse (mobile) {base}  — reports in {out}")
    print(f"| page | path | {' | '.join(CATEGORIES)} |")
    print("|---|---|" + "---|" * len(CATEGORIES))
    for label, path, scores, _ in results:
        print(f"| {label} | {path} | {' | '.join(str(scores[c]) for c in CATEGORIES)} |")
    lost = sorted({item for *_, items in results for item in items})
    print("audits losing points (a11y / best practices / SEO):", ", ".join(lost) or "none")


if __name__ == "__main__":
    main()
