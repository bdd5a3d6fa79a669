"""The check that can fail: every document kind, for every jurisdiction that issues it, issued through
casework.documents.issue with its shipped wording (filled with the kind's sample data), then read back
from the PDF (pdfplumber): literal positions in millimetres (within 1 mm) of the GB/T 9704-2012 elements,
every font embedded and a Fandol one, 0 line-breaking violations, literal strings; and the .docx beside it."""
from __future__ import annotations

import io
import re
from collections import defaultdict

import pdfplumber
import pytest
from django.contrib.auth import get_user_model
from freezegun import freeze_time
from pdfminer.pdftypes import resolve1

from casework import documents, wording
from casework import linebreak as lb
from casework.models import Agency, Matter
from rules.profiles import get_profile

MM = 72 / 25.4
TOL = 1.0

# (jurisdiction, kind, 发文字号, 格式): every kind each jurisdiction issues, written out
CASES = [
    ("wanzhou", "complaint_acceptance", "万州投受〔2026〕1号", "letter"),
    ("wanzhou", "complaint_transfer", "万州投转〔2026〕1号", "letter"),
    ("wanzhou", "complaint_reply", "万州投复〔2026〕1号", "letter"),
    ("weihai", "complaint_acceptance", "威海投受〔2026〕1号", "letter"),
    ("weihai", "complaint_transfer", "威海投转〔2026〕1号", "letter"),
    ("weihai", "complaint_reply", "威海投复〔2026〕1号", "letter"),
    ("enshi", "suggestion", "恩施监建〔2026〕1号", "file"),
    ("enshi", "review_answer", "恩施监复〔2026〕1号", "file"),
    ("enshi", "supervision_decision", "恩施监决〔2026〕1号", "file"),
    ("enshi", "interview_record", "恩施监谈〔2026〕1号", "file"),
    ("enshi", "referral", "恩施监移〔2026〕1号", "letter"),
    ("enshi", "rectification_notice", "恩施整改〔2026〕1号", "file"),
    ("wulong", "opinion_letter", "武隆监意〔2026〕1号", "file"),
    ("wulong", "review_decision", "武隆监复决〔2026〕1号", "file"),
    ("wulong", "correction_order", "武隆监纠〔2026〕1号", "file"),
    ("wulong", "circular", "武隆监通〔2026〕1号", "file"),
    ("wulong", "complaint_acceptance", "武隆投受〔2026〕1号", "letter"),
    ("wulong", "complaint_refusal", "武隆投不〔2026〕1号", "letter"),
    ("wulong", "complaint_transfer", "武隆投转〔2026〕1号", "letter"),
    ("wulong", "complaint_reply", "武隆投复〔2026〕1号", "letter"),
    ("wulong", "complaint_appeal_answer", "武隆投申〔2026〕1号", "letter"),
    ("enshi", "complaint_acceptance", "恩施投受〔2026〕1号", "letter"),
    ("enshi", "complaint_refusal", "恩施投不〔2026〕1号", "letter"),
    ("enshi", "complaint_transfer", "恩施投转〔2026〕1号", "letter"),
    ("enshi", "complaint_reply", "恩施投复〔2026〕1号", "letter"),
    ("enshi", "hotline_reply", "恩施热复〔2026〕1号", "letter"),
    ("wulong", "coordination_acceptance", "武隆协受〔2026〕1号", "letter"),
    ("wulong", "coordination_notice", "武隆协通〔2026〕1号", "letter"),
    ("wulong", "coordination_supplement", "武隆协补〔2026〕1号", "letter"),
    ("wulong", "coordination_refusal", "武隆协不〔2026〕1号", "file"),
    ("wulong", "coordination_opinion", "武隆协意〔2026〕1号", "file"),
    ("wulong", "coordination_proposal", "武隆协建〔2026〕1号", "file"),
    ("wulong", "coordination_extension", "武隆协延〔2026〕1号", "letter"),
    ("wulong", "accountability_decision", "武隆追决〔2026〕1号", "file"),
    ("wulong", "reinvestigation_order", "武隆追查〔2026〕1号", "file"),
    ("wulong", "matter_referral", "武隆移〔2026〕1号", "letter"),
    ("wulong", "recovery_decision", "武隆追偿〔2026〕1号", "file"),
    ("wulong", "accountability_answer", "武隆追复〔2026〕1号", "letter"),
    ("enshi", "accountability_decision", "恩施追决〔2026〕1号", "file"),
    ("enshi", "reinvestigation_order", "恩施追查〔2026〕1号", "file"),
    ("wulong", "rectification_notice", "武隆整改〔2026〕1号", "file"),
]
AUTHORITY = {"wanzhou": "万州区司法局", "weihai": "威海市司法局", "enshi": "恩施州司法局", "wulong": "武隆区司法局"}
FONTS = {"FandolFang-Regular", "FandolSong-Bold", "FandolSong-Regular"}


@pytest.mark.django_db
def test_every_jurisdiction_issues_exactly_the_kinds_listed():
    listed = defaultdict(set)
    for code, kind, _n, _f in CASES:
        listed[code].add(kind)
    for code in ("wanzhou", "weihai", "wuhan", "enshi", "wulong"):
        assert {w.kind for w in wording.kinds_for(get_profile(code))} == listed.get(code, set()), code


@pytest.fixture
def leader(db):
    return get_user_model().objects.create_user("doc-leader", password="x", first_name="负责人")


def _issue(code: str, kind: str, leader):
    agency = Agency.objects.create(jurisdiction=code, name=f"{AUTHORITY[code][:3]}市场监督管理局")
    matter = Matter.objects.create(number=f"{code}-1", jurisdiction=code, source="inspection", agency=agency,
                                   title="执法检查发现的问题", facts="检查发现。", opened_on="2026-12-01", opened_by=leader)
    w = wording.get(kind)
    words = wording.compose(kind, code, dict(w.sample))
    person = kind.startswith("complaint_")
    return documents.issue(matter=matter, kind=kind, title=words.title, paragraphs=words.paragraphs, by=leader,
                           notes=words.notes, values=words.values, article="《测试依据》第一条",
                           addressee="张某某（投诉举报人）" if person else "",
                           copy_to="" if person else f"{code}人民政府办公室"), words


def _lines(page) -> list[dict]:
    """Characters grouped into lines by baseline and size: text, size, x0, x1, baseline (mm from top)."""
    rows = defaultdict(list)
    for ch in page.chars:
        baseline = (page.height - ch["matrix"][5]) / MM
        rows[(round(baseline, 1), round(ch["size"], 1))].append(ch)
    out = []
    for (baseline, size), chars in sorted(rows.items()):
        chars.sort(key=lambda c: c["x0"])
        out.append({"text": "".join(c["text"] for c in chars), "size": size, "baseline": baseline,
                    "x0": chars[0]["x0"] / MM, "x1": chars[-1]["x1"] / MM,
                    "color": chars[0]["non_stroking_color"]})
    return out


def _fonts(pdf) -> list[tuple[str, bool]]:
    seen = {}
    for page in pdf.pages:
        for ref in resolve1(resolve1(page.page_obj.resources).get("Font", {})).values():
            font = resolve1(ref)
            name = font["BaseFont"].name if hasattr(font["BaseFont"], "name") else str(font["BaseFont"])
            desc = resolve1(font.get("FontDescriptor"))
            seen[name] = bool(desc) and any(k in desc for k in ("FontFile", "FontFile2", "FontFile3"))
    return sorted(seen.items())


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= TOL


@pytest.mark.parametrize(("code", "kind", "number", "fmt"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
@pytest.mark.django_db
def test_document_reads_back_to_gbt_9704(code, kind, number, fmt, leader):
    with freeze_time("2026-12-06 10:00:00+08:00"):
        doc, words = _issue(code, kind, leader)
    assert doc.doc_number == number and doc.issued_on.isoformat() == "2026-12-06"
    authority = AUTHORITY[code]
    with pdfplumber.open(io.BytesIO(doc.pdf.read())) as pdf:
        # ---- fonts: every one embedded, every one a Fandol face (no Helvetica, no sans-serif)
        fonts = _fonts(pdf)
        assert fonts and all(embedded for _n, embedded in fonts), fonts
        assert {n.split("+", 1)[-1] for n, _e in fonts} <= FONTS, fonts
        pages = [_lines(p) for p in pdf.pages]
        first, last = pages[0], pages[-1]
        text = "".join(ln["text"] for lines in pages for ln in lines)
        # ---- 版头
        mark = next(ln for ln in first if ln["text"] == authority)
        assert mark["color"] == (1, 0, 0)                                    # red
        head_rules = sorted((r for r in pdf.pages[0].lines if r["stroking_color"] == (1, 0, 0)),
                            key=lambda r: r["top"])
        num = next(ln for ln in first if ln["text"] == number)
        title_lines = [ln for ln in first if ln["size"] == 22.0]
        if fmt == "file":
            assert _near(mark["baseline"], 85.04) and _near(mark["x0"], 62.13)   # 35 mm under the 版心's top
            assert _near(num["baseline"], 114.53) and _near((num["x0"] + num["x1"]) / 2, 106.0)
            rule = head_rules[0]                                           # 4 mm under the 发文字号
            assert _near(rule["top"] / MM, 119.58) and _near(rule["x0"] / MM, 28.0) and _near(rule["x1"] / MM, 184.0)
            assert _near(title_lines[0]["baseline"], 148.47)               # two lines under the rule
        else:
            assert _near(mark["baseline"], 41.18)                          # 30 mm from the top edge
            tops = [r["top"] / MM for r in head_rules]                    # red double lines, 170 mm long
            assert len(tops) == 4 and all(_near(a, b) for a, b in zip(tops, [47.2, 48.55, 275.15, 276.5], strict=True))
            assert all(_near(r["x0"] / MM, 20.0) and _near(r["x1"] / MM, 190.0) for r in head_rules)
            assert _near(num["baseline"], 58.61) and _near(num["x1"], 184.0)  # flush with the 版心's right edge
            assert _near(title_lines[0]["baseline"], 85.51)
        assert all(_near((t["x0"] + t["x1"]) / 2, 106.0) for t in title_lines)  # titles centred
        # ---- 主体: inside the 版心, on the 28-character grid, lines the rules allow
        for lines in pages:
            body = [ln for ln in lines if ln["size"] == 16.0 and ln["text"] not in (authority, number)]
            for ln in body:
                assert ln["x0"] >= 28.0 - 0.01 and ln["x1"] <= 184.0 + 0.2, ln
                assert ln["baseline"] <= 262.0, ln
                assert any(_near(ln["x0"], x) for x in (28.0, 39.14)) or ln["text"].startswith(authority) \
                    or re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", ln["text"]), ln
            assert lb.violations([ln["text"] for ln in body]) == []
        assert lb.violations([t["text"] for t in title_lines], title=True,
                             keep=(f"{authority[:3]}市场监督管理局",)) == []
        # ---- 署名 and 成文日期: date 右空四字 (ends at 161.7 mm), 署名 centred over it, seal over both
        # (附注 and 版记 may run on to a last page of their own; 正文 never follows the date)
        at = max(i for i, lines in enumerate(pages) if any(ln["text"] == "2026年12月6日" for ln in lines))
        closing = pages[at]
        assert all(ln["size"] == 14.0 for lines in pages[at + 1:] for ln in lines)  # 附注 stays with the date
        date = next(ln for ln in closing if ln["text"] == "2026年12月6日")
        assert _near(date["x1"], 161.71)
        sig = next(ln for ln in closing if ln["text"] == authority and ln["size"] == 16.0)
        assert _near(sig["baseline"] + 10.23, date["baseline"])
        assert _near((sig["x0"] + sig["x1"]) / 2, (date["x0"] + date["x1"]) / 2)
        seal = next(c for c in pdf.pages[at].curves)                         # on the date's page
        assert _near(seal["top"] / MM + 21.0, sig["baseline"] - 3.17)     # centre: 署名 and date sit below it
        assert _near((seal["x0"] + seal["x1"]) / 2 / MM, (date["x0"] + date["x1"]) / 2)
        assert _near((seal["x1"] - seal["x0"]) / MM, 42.0)
        # ---- 版记 and page numbers
        if fmt == "file":
            printed = next(ln for ln in last if ln["text"].endswith("2026年12月6日印发"))
            assert _near(printed["baseline"], 258.76) and _near(printed["x0"], 32.94) and _near(printed["x1"], 179.06)
            bottom = [r for r in pdf.pages[-1].lines if _near(r["top"] / MM, 261.82)]
            assert bottom and _near(bottom[0]["x1"] / MM - bottom[0]["x0"] / MM, 156.0)
            assert f"抄送：{code}人民政府办公室。" in text
        for i, lines in enumerate(pages, start=1):
            numbers = [ln for ln in lines if ln["size"] == 14.0 and ln["text"] == f"— {i} —"]
            if fmt == "letter" and i == 1:
                assert numbers == []                                        # 9.1: no number on the first page
                continue
            assert len(numbers) == 1 and _near(numbers[0]["baseline"], 270.54)
            if i % 2:
                assert _near(numbers[0]["x1"], 179.06)                      # odd: right, one character in
            else:
                assert _near(numbers[0]["x0"], 32.94)                       # even: left
        # ---- wording: the title, the date without leading zeros, nothing left unfilled
        assert "".join(t["text"] for t in title_lines) == words.title
        assert not re.search(r"[年月]0\d", text) and "{" not in text and "}" not in text
    # ---- the .docx beside it: same page geometry, same title
    from docx import Document as Docx

    d = Docx(io.BytesIO(doc.docx.read()))
    section = d.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.top_margin.mm), round(section.left_margin.mm), round(section.right_margin.mm),
            round(section.bottom_margin.mm)) == (37, 28, 26, 35)
    texts = [p.text for p in d.paragraphs]
    assert words.title.replace("\n", "") in "".join(texts).replace("\n", "")
    assert "2026年12月6日" in texts
    if fmt == "letter":
        assert section.different_first_page_header_footer
        assert section.first_page_header.paragraphs[0].text == authority
    else:
        assert texts[0] == authority and texts[1] == number


@pytest.mark.django_db
def test_text_chosen_for_the_issue_examples(leader):
    """The wording faults the issue found are gone: dates, findings, addressee, completion date."""
    w = wording.get("opinion_letter")
    opinion = wording.compose("opinion_letter", "wulong", dict(w.sample))
    assert opinion.paragraphs[0].startswith("本机关依照《行政执法监督意见书制度》第三条，对你单位行政执法程序的合法性进行了监督")
    assert "存在“" not in "".join(opinion.paragraphs)
    notice = wording.compose("rectification_notice", "wulong", dict(wording.get("rectification_notice").sample))
    assert notice.paragraphs[0] == "根据《关于2025年度行政执法情况的通报》，你单位存在以下问题："
    assert notice.notes == ["整改期限由本通报确定"]
    acceptance = wording.compose("complaint_acceptance", "wulong", dict(wording.get("complaint_acceptance").sample))
    assert "即于2026年12月2日前办结" in acceptance.paragraphs[1]
