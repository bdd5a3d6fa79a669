"""The demo reaches the accountability screens nobody would otherwise see (site/accountability/demo.py): an agency-run
case whose legal unit decides the recovery (its own 追偿决定书 number, 过错 第五条、第十一条第（六）项) and a bureau
case whose review sends the bureau's own staff (过错 第十条第（三）项 直接派员). Only the loaders it needs, the
clock frozen on Monday 2026-09-21; the screens over HTTP as the demo accounts, literal texts."""
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from freezegun import freeze_time

from accountability.models import Case, Dispatch
from casework.models import Document
from referrals.models import Recovery

pytestmark = pytest.mark.django_db

FAULT = "《行政执法过错纠正和责任追究制度》"


@pytest.fixture
def demo():
    from accountability.demo import load_accountability
    from casework.demo import load_agencies
    from demo.site_tree import load_users

    with freeze_time("2026-09-21 10:00"):
        load_users()
        load_agencies()
        load_accountability()
        load_accountability()  # idempotent: nothing twice


def as_user(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_the_agency_run_recovery_is_numbered_and_worded_by_the_agency(demo):
    case = Case.objects.get(matter__title="某副食品店行政处罚案执法过错")
    assert case.run_by == "agency"
    recovery = Recovery.objects.get(case=case)
    doc = recovery.document
    assert doc.doc_number == "武隆市监追偿〔2026〕1号"
    assert doc.title == "关于某副食品店行政处罚案执法过错的行政赔偿追偿决定"
    assert ("某副食品店行政处罚案执法过错（" + case.matter.number + "）一案，本机关已于2026年9月21日支付行政赔偿金"
            "9600.00元。") in doc.body
    assert "王磊（主办人员）：3000.00元" in doc.body
    decision = Document.objects.get(matter=case.matter, kind="accountability_decision")
    assert decision.doc_number == "武隆市监追决〔2026〕1号"
    assert "经领导集体讨论（局务会，局长、分管副局长、法规科科长参加，一致同意），决定如下：" in decision.body
    page = as_user("liaison_wl").get(f"/admin/casework/{case.matter_id}/").content.decode()
    assert "已支付行政赔偿金9600.00元（2026-09-21）；王磊3000.00元" in page
    assert "<tr><td>王磊</td><td>3000.00</td><td>1000.00</td><td>2000.00</td></tr>" in page
    # the bureau-run recovery of the demo: its title says 赔偿追偿 once
    other = Recovery.objects.get(case__matter__title="某建材店行政处罚案赔偿追偿").document
    assert other.doc_number == "武隆追偿〔2026〕1号"
    assert other.title == "关于某建材店行政处罚案的行政赔偿追偿决定"
    # no demo decision says 集体讨论 twice
    assert not Document.objects.filter(kind="accountability_decision", body__contains="集体讨论（局务会集体讨论").exists()


def test_the_direct_investigation_case_shows_the_staff_sent(demo):
    case = Case.objects.get(matter__title="某货运车辆超限运输处罚案执法过错")
    dispatch = Dispatch.objects.get(case=case)
    assert [u.username for u in dispatch.staff.all()] == ["officer"]
    assert case.state == "investigating" and case.reinvestigations == 1
    page = as_user("officer").get(f"/admin/casework/{case.matter_id}/").content.decode()
    assert ("<strong>直接派员调查</strong>（过错 第十条第（三）项）：2026-09-21派出李经办；"
            "理由：仅责令改正，与案卷记载的多次未告知陈述申辩权利的情节不相当") in page
    assert "责令重新调查</strong>" not in page
    assert "到我的待办领取：调查组调查并认定责任人" in page


def test_the_agency_legal_unit_sees_the_decision_records_of_the_case_it_runs(demo):
    """过错 第五条: the agency's legal unit runs the case and sees what the bureau sees — its 决定记录 too (they are
    confidential, so a liaison's own scope would hide them)."""
    case = Case.objects.get(matter__title="某副食品店行政处罚案执法过错")
    with freeze_time("2026-09-21 11:00"):
        page = as_user("liaison_wl").get(f"/admin/casework/{case.matter_id}/").content.decode()
    records = page[page.index("<h2>决定记录</h2>"):]
    records = records[:records.index("</section>")]
    assert "暂无" not in records
    assert "行政执法过错责任追究：王磊（某副食品店行政处罚案执法过错）" in records and "（武隆市监追决〔2026〕1号）" in records
    assert "行政赔偿追偿：王磊（某副食品店行政处罚案执法过错）" in records and "（武隆市监追偿〔2026〕1号）" in records
