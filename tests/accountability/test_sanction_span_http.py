"""Sanctions with a span show their end (004 错案责任倒查问责制度 第十二条第（三）项): 取消当年评先资格和晋升资格
decided on 2026-03-10 bars until 2026-12-31 — on the case screen, in the 责任追究决定书 and in the person's
own record (我的责任追究). A span for a decision with no date is refused in Chinese. Dates are literals."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from accountability.models import Case
from casework.models import Document
from decisions.models import DecisionRecord
from roles.definitions import LEADER, LIAISON, OFFICER
from roles.models import StaffProfile
from tests.coordination.helpers import agency_with_liaison, do_task, login

pytestmark = pytest.mark.django_db


def decided_wrong_case(make_user):
    """A wrong case (错案 第七条第（三）项) decided on 2026-03-10: 李强 loses this year's 评先/晋升."""
    agency, _lx = agency_with_liaison(make_user, "武隆区交通运输局", "lx_span")
    officer, leader = make_user("officer", OFFICER), make_user("leader", LEADER)
    liqiang = make_user("liqiang", LIAISON)
    StaffProfile.objects.create(user=liqiang, agency=agency)
    off, lead = login(officer), login(leader)
    with freeze_time("2026-03-02 09:00") as frozen:
        r = off.post("/admin/accountability/intake/", {
            "kind": "wrong_case", "agency": agency.pk, "origin": "other", "wrong_ground": "reconsideration",
            "title": "某运输公司超限处罚错案", "facts": "处罚决定经行政复议被撤销。", "intake_on": "2026-03-02"})
        assert r.status_code == 302, r.content.decode()[-3000:]
        case = Case.objects.get(matter__title="某运输公司超限处罚错案")
        do_task(off, "审查管辖", {"competent": "yes"})
        do_task(off, "调查组调查并认定责任人", {
            "team": "刘洋、陈静", "findings": "认定事实不清，主要证据不足。",
            "p0_name": "李强", "p0_username": "liqiang", "p0_position": "直接执法人员", "p0_share": "direct"})
        person = case.persons.get(name="李强")
        frozen.move_to("2026-03-10 15:00")
        do_task(lead, "领导集体讨论作出处理决定", {
            "discussion": "2026年3月10日局务会", f"s_{person.pk}": ["written_review", "no_promotion"]})
    return case, off, liqiang


def test_no_promotion_decided_2026_03_10_bars_until_2026_12_31_everywhere(make_user):
    case, off, liqiang = decided_wrong_case(make_user)
    bar = "取消当年评先资格和晋升资格（第十二条第（三）项），至2026年12月31日止"
    # the decision document
    doc = Document.objects.get(matter=case.matter, kind="accountability_decision")
    assert doc.issued_on == dt.date(2026, 3, 10) and bar in doc.body
    # the case screen (the matter's accountability panel)
    page = off.get(f"/admin/casework/{case.matter_id}/").content.decode()
    assert bar in page
    # the person's own record
    record = DecisionRecord.objects.get(process_kind="accountability", party_user=liqiang)
    assert record.decided_on == dt.date(2026, 3, 10) and bar in record.body
    with freeze_time("2026-03-11 09:00"):
        assert bar in login(liqiang).get("/admin/accountability/mine/").content.decode()
    # a sanction without a span states no end
    assert "书面检查（第十二条第（一）项），" not in record.body


def test_a_span_for_a_decision_with_no_date_is_refused_in_chinese():
    from accountability.spans import sanction_end
    from rules.profiles import get_profile

    profile = get_profile("wulong")
    assert sanction_end(profile, "no_promotion", dt.date(2026, 3, 10)) == dt.date(2026, 12, 31)
    assert sanction_end(profile, "no_promotion", dt.date(2026, 12, 31)) == dt.date(2026, 12, 31)
    assert sanction_end(profile, "written_review", None) is None  # no span: nothing to compute
    with pytest.raises(ValidationError) as exc:
        sanction_end(profile, "no_promotion", None)
    assert exc.value.messages == ["“取消当年评先资格和晋升资格”的期限自处理决定之日起算，该处理决定没有决定日期，"
                                  "无法确定期限至何日（《行政执法错案责任倒查问责制度》第十二条第（三）项），请先登记处理决定日期。"]
