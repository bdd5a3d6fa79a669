"""An enforcement agency invites supervisors to its major-case discussion, hearing or 论证会 (万州办法 第九条第（四）项):
its liaison organises the activity, invites serving supervisors and records attendance, which counts as for the
bureau's own activities. Another agency's liaison never sees it; where the rules say nothing, it is refused."""
import datetime as dt

import pytest
from django.test import Client
from freezegun import freeze_time

from activities.models import PRESENT, Activity, Invitation
from roles.definitions import LIAISON


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


HEARING = {"kind": "hearing", "title": "关于某餐饮店行政处罚听证会", "held_on": "2026-11-20",
           "place": "区市场监管局三楼听证室", "case_ref": "万市监罚〔2026〕88号", "notes": ""}


@pytest.mark.django_db
def test_a_liaison_invites_supervisors_to_its_hearing_and_records_attendance(make_liaison, make_supervisor, officer):
    liaison = make_liaison("li_wz", "万州区市场监督管理局", "wanzhou")
    other = make_liaison("li_wz_other", "万州区交通运输局", "wanzhou")
    chen = make_supervisor("wanzhou", "陈监督", login=True)
    with freeze_time("2026-11-10 02:00"):
        form = login(liaison).get("/admin/activities/new/").content.decode()
        assert "第九条第（四）项，执法机关可邀请监督员参与重大行政执法案件集体讨论、行政执法听证会、论证会" in form
        assert "重大行政执法案件集体讨论" in form and "执法检查" not in form
        response = login(liaison).post("/admin/activities/new/", HEARING)
        assert response.status_code == 302
        activity = Activity.objects.get(title="关于某餐饮店行政处罚听证会")
        assert activity.organiser.name == "万州区市场监督管理局" and activity.agency == activity.organiser
        assert activity.held_on == dt.date(2026, 11, 20) and activity.jurisdiction == "wanzhou"

        detail = f"/admin/activities/{activity.pk}/"
        assert login(liaison).post(detail, {"action": "invite", "supervisor": chen.pk}).status_code == 302
        assert Invitation.objects.filter(activity=activity, supervisor=chen).exists()
        page = login(liaison).get(detail).content.decode()
        assert "组织单位</dt><dd>万州区市场监督管理局（执法机关邀请监督员参加）" in page and "陈监督" in page
        # another agency's liaison does not see it; the bureau does
        assert login(other).get(detail).status_code == 404
        assert "关于某餐饮店行政处罚听证会" not in login(other).get("/admin/activities/").content.decode()
        assert "关于某餐饮店行政处罚听证会" in login(officer).get("/admin/activities/").content.decode()

    with freeze_time("2026-11-20 09:00"):
        invitation = Invitation.objects.get(activity=activity)
        # the supervisor declares no conflict, then the agency records attendance
        assert login(chen.user).post("/admin/activities/mine/invitations/", {
            "invitation": invitation.pk, "ground": "none", "note": ""}).status_code == 302
        assert login(liaison).post(detail, {"action": "attendance", "invitation": invitation.pk,
                                            "status": "present", "excuse_reason": ""}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == PRESENT and invitation.recorded_by == liaison


@pytest.mark.django_db
def test_what_is_not_the_agencys_to_organise_is_refused_in_chinese(make_liaison, make_user, officer):
    liaison = make_liaison("li_wz", "万州区市场监督管理局", "wanzhou")
    wulong = make_liaison("li_wl", "武隆区市场监督管理局", "wulong")
    with freeze_time("2026-11-10 02:00"):
        html = login(liaison).post("/admin/activities/new/", {**HEARING, "held_on": "2026-11-09"}).content.decode()
        assert "活动日期不能早于今天：请在活动举行前安排并邀请。" in html
        response = login(liaison).post("/admin/activities/new/", {**HEARING, "kind": "inspection"})
        assert response.status_code == 200 and 'value="inspection"' not in response.content.decode()
        # Wulong's rules do not provide it: no menu item, and the screen refuses
        refused = login(wulong).get("/admin/activities/new/", follow=True).content.decode()
        assert "只有司法局工作人员，或按本辖区办法可邀请监督员的执法机关联络员可以查看" in refused
        # the bureau organises its own kinds of activity, not the agency's
        html = login(officer).post("/admin/activities/new/", {**HEARING, "jurisdiction": "wanzhou",
                                                              "agency": ""}).content.decode()
        assert "听证会、论证会由执法机关组织并邀请监督员" in html
    assert not Activity.objects.exists()
    assert LIAISON  # the role the refusals are about
