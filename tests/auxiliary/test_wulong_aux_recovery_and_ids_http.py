"""武隆《行政执法辅助人员管理办法》第十三条第二款: the agency that paid compensation for an auxiliary person's fault
recovers it from the labour-dispatch unit or the person — recorded in the person's file with the article; the
entry must state the compensation, whom it is recovered from and how much. And 第七条: a person is registered from
a genuine Wulong ID number whose area code predates the district."""
from __future__ import annotations

import pytest
from freezegun import freeze_time

from auxiliary.models import StaffRecord
from tests.auxiliary.test_staff_management_http import login, people  # noqa: F401 - the fixture

pytestmark = [pytest.mark.django_db]
AUX = "《行政执法辅助人员管理办法》"


def test_recovery_after_compensation_is_filed_with_its_article(people):  # noqa: F811
    person = people["person"]
    url = f"/admin/auxiliary/{person.pk}/record/"
    with freeze_time("2027-03-10T10:00:00+08:00"):
        liaison = login(people["liaison"])  # signed in on the day (a session does not last months)
        form = liaison.get(url).content.decode()
        assert "机关依法赔偿后向劳务派遣单位或辅助人员追偿（第十三条第二款）" in form
        html = liaison.post(url, {"kind": "recovery", "day": "2027-03-09", "title": "损坏当事人货物赔偿后追偿"}
                            ).content.decode()
        assert (f"追偿的，请在内容中写明赔偿情况（受损失的公民、法人或者其他组织，赔偿金额）和追偿对象（劳务派遣单位或"
                f"辅助人员）、追偿金额（{AUX}第十三条第二款）。") in html
        assert not StaffRecord.objects.exists()
        assert liaison.post(url, {"kind": "recovery", "day": "2027-03-09", "title": "损坏当事人货物赔偿后追偿",
                                  "content": "机关向商户赔偿1200元；向重庆某人力资源有限公司追偿1200元"}
                            ).status_code == 302
        detail = login(people["officer"]).get(f"/admin/auxiliary/{person.pk}/").content.decode()
    assert "2027年3月9日" in detail
    assert "损坏当事人货物赔偿后追偿：机关向商户赔偿1200元；向重庆某人力资源有限公司追偿1200元" in detail
    assert f"{AUX}第十三条第二款" in detail
    assert StaffRecord.objects.get().article == f"{AUX}第十三条第二款"


def test_a_wulong_id_with_the_old_county_code_is_registered(people):  # noqa: F811
    """500232 (武隆县 before it became a district) is no longer in stdnum's area table; genuine numbers carry it."""
    from auxiliary.models import AuxiliaryStaff

    agency = people["agency"]
    data = {"name": "冉小东", "education": "high_school", "dispatch_unit": "重庆某人力资源有限公司",
            "dispatch_agreement": "WL-PQ-2026-008", "post": "市容巡查辅助岗", "duties": ["patrol"],
            "supervising_officer": "刘执法", "officer_certificate": "50015600123", "start": "2026-12-01",
            "conditions": ["conduct", "health", "ability", "other"]}
    with freeze_time("2026-12-01T10:00:00+08:00"):
        liaison = login(people["liaison"])
        bad = liaison.post(f"/admin/auxiliary/agencies/{agency.pk}/new/", {**data, "id_number": "500232199503110010"})
        assert "身份证号不正确，请核对18位公民身份号码（含校验位）。" in bad.content.decode()
        ok = liaison.post(f"/admin/auxiliary/agencies/{agency.pk}/new/", {**data, "id_number": "500232199503110019"})
        assert ok.status_code == 302, ok.content.decode()
    assert AuxiliaryStaff.objects.get(name="冉小东").birth_date.isoformat() == "1995-03-11"
