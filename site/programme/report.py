"""The 年度统计年报 as a public notice DRAFT: the bureau aggregates the returns, the charts become Wagtail
images embedded in the body, the Excel export a Wagtail document linked from it; the page is saved as a
revision and left unpublished for the editor to review and publish in the Wagtail admin (Wagtail owns
publication; 004 统计年报制度 第三条第二款: the bureau publishes the district summary)."""
from __future__ import annotations

import html
import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction

from roles.access import require
from rules.profiles import get_profile

from . import charts, excel
from .models import ProgrammeYear
from .selectors import aggregate


def draft_page(cls, *, kind: str, jurisdiction: str, title: str, body_text: str, by, written_on,
               body_html: str | None = None, **fields):
    """A notice page under the jurisdiction's index for `kind`, saved as a draft (not live)."""
    from public_notices.services import as_rich_text, index_for

    # a missing index is created by the system: the officer drafting a notice need not hold publish rights
    parent = index_for(jurisdiction=jurisdiction, kind=kind, by=None)
    body = (body_html or "") + (as_rich_text(body_text) if body_text else "")
    page = cls(title=title, body=body, written_on=written_on, live=False, has_unpublished_changes=True, **fields)
    if by is not None:
        page.owner = by
    parent.add_child(instance=page)
    page.slug = page.index_number.rsplit("/", 1)[-1]  # as public_notices names its pages: an ASCII address
    page.save()
    page.save_revision(user=by, log_action=True)
    return page


def report_title(py: ProgrammeYear) -> str:
    return f"{get_profile(py.jurisdiction).authority}{py.year}年度行政执法统计年报"


def category_citation(py: ProgrammeYear) -> str:
    return str(get_profile(py.jurisdiction).figure("statistics_categories").citation)


@transaction.atomic
def annual_report_draft(*, py: ProgrammeYear, by, written_on=None):
    """Aggregate the submitted returns into the annual report draft (one per year; refused twice)."""
    from django.utils import timezone
    from wagtail.documents.models import Document as WagtailDocument
    from wagtail.images.models import Image

    from public_notices import kinds as K
    from public_notices.models import AnnualReportPage

    require(by, "programme.manage_programme", "只有司法局经办人或负责人可以汇总统计年报。")
    py = ProgrammeYear.objects.select_for_update().get(pk=py.pk)
    if py.report_page_id:
        raise ValidationError("本年度统计年报草稿已生成，请在网站管理中审核发布。")
    agg = aggregate(py)
    if not agg.rows:
        raise ValidationError("尚无执法机关报送统计数据，不能汇总。")
    title = report_title(py)
    images = []
    for name, png in (("totals", charts.totals_chart(agg, title=f"{py.year}年度各类行政执法行为件数")),
                      ("agencies", charts.agencies_chart(agg, title=f"{py.year}年度各执法机关行政执法行为合计"))):
        image = Image.objects.create(
            title=f"{title}（{'分类' if name == 'totals' else '分机关'}图）", uploaded_by_user=by,
            file=ImageFile(io.BytesIO(png), name=f"report-{py.jurisdiction}-{py.year}-{name}.png"))
        images.append(image)
    sheet = WagtailDocument(title=f"{title}（数据表）", uploaded_by_user=by)
    sheet.file.save(f"report-{py.jurisdiction}-{py.year}.xlsx",
                    ContentFile(excel.report_bytes(agg, title=title, citation=category_citation(py))), save=False)
    sheet.save()
    body = _report_html(agg, images, sheet)
    page = draft_page(AnnualReportPage, kind=K.ANNUAL_REPORT, jurisdiction=py.jurisdiction, title=title,
                      body_text="", body_html=body, by=by, written_on=written_on or timezone.localdate(),
                      report_year=py.year)
    py.report_page = page
    py.save(update_fields=["report_page"])
    return page


def _report_html(agg, images, sheet) -> str:
    """Paragraphs, headings, embedded images and a document link: what the rich text editor keeps."""
    e = html.escape
    parts = [f"<p>本年度应报送统计年报的执法机关{len(agg.rows) + len(agg.missing)}家，已报送{len(agg.rows)}家；"
             f"全年各类行政执法行为合计{agg.total}件。</p>", "<h2>一、分类数据</h2>"]
    parts.append("<p>" + "；".join(f"{e(c['label'])}{n}件" for c, n in zip(agg.categories, agg.totals, strict=False)) + "。</p>")
    parts.append(f'<embed alt="{e(images[0].title)}" embedtype="image" format="fullwidth" id="{images[0].pk}"/>')
    parts.append("<h2>二、各执法机关数据</h2>")
    for ret, values, total in agg.rows:
        detail = "，".join(f"{e(c['label'])}{n}件" for c, n in zip(agg.categories, values, strict=False) if n)
        parts.append(f"<p>{e(ret.agency.name)}：合计{total}件（{detail or '无'}）。"
                     + (f"情况说明：{e(ret.explanation)}" if ret.explanation else "") + "</p>")
    parts.append(f'<embed alt="{e(images[1].title)}" embedtype="image" format="fullwidth" id="{images[1].pk}"/>')
    if agg.missing:
        parts.append("<p>未报送：" + "、".join(e(r.agency.name) for r in agg.missing) + "。</p>")
    parts.append(f'<p>数据表下载：<a linktype="document" id="{sheet.pk}">{e(sheet.title)}</a></p>')
    return "".join(parts)
